"""The quick-add lines: one line of text into an agenda item or a task.

    Review Q4 pipeline 15m @sofia #decision ^pipeline
    Send revised lead-score sheet @ana fri !high

``15m`` / ``1h`` / ``1h30m`` a time box, ``@name`` a person (a unique prefix of a member's
name, first name, last name or email; accents and case do not matter), ``#kind`` the kind,
``^text`` an objective by the start of its title (or of a word in it), a due date in any
form ``store.dates`` reads, ``!priority``. A quoted part (``"Budget #2 @ HQ"``) is title
text as typed; ``@"Ana Ruiz"`` and ``^"Reduce CAC"`` quote a name or title.

Pure: the members and objectives come in as lists. The result says token by token what
each was read as (the UI shows it as the person types) and, in words, what is wrong.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from store.dates import WEEKDAYS, day_label, parse_date
from store.enums import AgendaKind, Priority
from store.i18n import N_, _, language
from store.vocabulary import choice

if TYPE_CHECKING:
    from store.models import Member, Objective

MAX_MINUTES = 24 * 60
_TOKEN = re.compile(r'[@^]?"[^"]*"?|\S+')
_DURATION = re.compile(r"^(?:(\d+)h)?(?:(\d+)m(?:in)?)?$|^(\d+)h(\d+)$")
_DAY_WORDS = {"today", "tod", "tomorrow", "tom", "yesterday"}
_RELATIVE = re.compile(r"^[+-]\d+[dwm]?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
KINDS = tuple(kind.value for kind in AgendaKind)
PRIORITIES = tuple(priority.value for priority in Priority)


@dataclass(frozen=True)
class Token:
    """One piece of the line: where it is, what it was read as, and what is wrong with it."""

    text: str
    start: int
    end: int
    role: str  # title, minutes, presenter, owner, kind, objective, due, priority
    shown: str = ""  # the value in words ("Sofia Brandt", "15 min", "Fri 04 Dec")
    error: str | None = None


@dataclass(frozen=True)
class ParsedItem:
    """An agenda item read from a quick-add line. Add it only when ``ok``."""

    title: str
    minutes: int | None
    presenter_id: str | None
    kind: AgendaKind | None
    objective_id: str | None
    tokens: tuple[Token, ...]
    errors: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.errors

    def fields(self) -> dict[str, Any]:
        """The fields to create the item with (unset ones keep the model's defaults)."""
        values = {
            "title": self.title,
            "minutes": self.minutes,
            "presenter_id": self.presenter_id,
            "kind": self.kind,
            "objective_id": self.objective_id,
        }
        return {name: value for name, value in values.items() if value is not None}


@dataclass(frozen=True)
class ParsedTask:
    """A task read from a quick-add line. Add it only when ``ok``."""

    title: str
    owner_id: str | None
    due: date | None
    priority: Priority | None
    tokens: tuple[Token, ...]
    errors: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.errors

    def fields(self) -> dict[str, Any]:
        values = {"title": self.title, "owner_id": self.owner_id, "due": self.due, "priority": self.priority}
        return {name: value for name, value in values.items() if value is not None}


# -- matching people and objectives -----------------------------------------------------
def fold(text: str) -> str:
    """Lower case without accents: "Tomás" and "tomas" match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _unquote(text: str) -> str:
    return text[1:-1] if len(text) >= 2 and text.startswith('"') and text.endswith('"') else text.strip('"')


def _names_of(member: Member) -> tuple[list[str], list[str]]:
    """(exact keys, prefix keys) a member is found by."""
    name = fold(member.name)
    email = member.email.lower()
    words = name.split()
    exact = [name, *words[:1], email, email.partition("@")[0]]
    return [key for key in exact if key], [key for key in [name, *words, email] if key]


def _or_list(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    shown = list(names[:4]) + (["…"] if len(names) > 4 else [])
    return _("{names} or {last}").format(names=", ".join(shown[:-1]), last=shown[-1])


def match_member(query: str, members: Iterable[Member]) -> tuple[Member | None, str | None]:
    """The member ``query`` names, or None and why not ("no member matches @xyz")."""
    wanted = fold(query.strip())
    live = [m for m in members if not m.deleted]
    if not wanted:
        return None, _("@ needs a name after it")
    exact = [m for m in live if wanted in _names_of(m)[0]]
    if len(exact) == 1:
        return exact[0], None
    found = exact or [m for m in live if any(key.startswith(wanted) for key in _names_of(m)[1])]
    if len(found) == 1:
        return found[0], None
    if not found:
        return None, _("no member matches @{query}").format(query=query)
    names = sorted(m.name for m in found)
    return None, _("@{query} could be {names}: type more of the name").format(query=query, names=_or_list(names))


def match_objective(query: str, objectives: Iterable[Objective]) -> tuple[Objective | None, str | None]:
    """The objective whose title (or a word of it) starts with ``query``, or None and why not."""
    wanted = fold(query.strip())
    live = [o for o in objectives if not o.deleted]
    if not wanted:
        return None, _("^ needs the start of an objective's title after it")
    found = [o for o in live if fold(o.title).startswith(wanted)]
    if not found:
        found = [o for o in live if any(word.startswith(wanted) for word in fold(o.title).split())]
    if len(found) == 1:
        return found[0], None
    if not found:
        return None, _("no objective's title starts with ^{query}").format(query=query)
    titles = _or_list(sorted(o.title for o in found))
    return None, _("^{query} could be {titles}: type more of the title").format(query=query, titles=titles)


# -- choices typed after # and ! ------------------------------------------------------
def _starting(typed: str, values: Sequence[str]) -> list[str]:
    """The choices whose id, or word in the reader's language ("#decisión", "!alta"), starts
    with ``typed``; an exact id or word wins over a longer one."""
    word = fold(typed)
    named = {value: {value, fold(choice(value))} for value in values}
    exact = [value for value, names in named.items() if word in names]
    return exact or [value for value, names in named.items() if any(name.startswith(word) for name in names)]


def _typed_words(values: Sequence[str]) -> list[str]:
    """What to type for each choice: the id in English, the word in another language ("#decisión")."""
    return list(values) if language() == "en" else [choice(value).lower().replace(" ", "") for value in values]


def _shown(value: str) -> str:
    """A choice read from the line, as the preview shows it: the id in English ("decision")."""
    return value if language() == "en" else choice(value).lower()


# -- tokens -----------------------------------------------------------------------------
def _tokens(line: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(line)]


def parse_minutes(text: str) -> int | None:
    """``15m``, ``15min``, ``1h``, ``1h30m``, ``1h30`` as minutes; None when it is not a duration."""
    match = _DURATION.match(text.lower())
    if not match or not any(match.groups()):
        return None
    hours, minutes, hours2, minutes2 = match.groups()
    return int(hours or hours2 or 0) * 60 + int(minutes or minutes2 or 0)


def _looks_like_date(word: str) -> bool:
    word = word.lower()
    return (
        word in _DAY_WORDS
        or word in WEEKDAYS
        or word in _FULL_DAYS
        or bool(_RELATIVE.match(word) or _ISO_DATE.match(word))
    )


class _Line:
    """Collects tokens, the title's words and the errors while a line is read."""

    def __init__(self) -> None:
        self.tokens: list[Token] = []
        self.title: list[str] = []
        self.errors: list[str] = []
        self.seen: dict[str, str] = {}

    def title_word(self, text: str, start: int, end: int, literal: str | None = None) -> None:
        self.tokens.append(Token(text, start, end, "title"))
        self.title.append(literal if literal is not None else text)

    def value(self, text: str, start: int, end: int, role: str, shown: str) -> bool:
        """Record a value token; a second one of the same role is refused. True if taken."""
        if role in self.seen:
            error = _(_ROLE_WORDS[role]).format(first=self.seen[role], second=text)
            self.fail(text, start, end, role, error)
            return False
        self.seen[role] = text
        self.tokens.append(Token(text, start, end, role, shown))
        return True

    def fail(self, text: str, start: int, end: int, role: str, error: str) -> None:
        self.tokens.append(Token(text, start, end, role, "", error))
        self.errors.append(error)

    def title_text(self) -> str:
        return " ".join(" ".join(self.title).split())


#: a second value of one role is refused in these words (one whole sentence per role)
_ROLE_WORDS = {
    "minutes": N_("two time boxes: {first} and {second}; keep one"),
    "presenter": N_("two presenters: {first} and {second}; keep one"),
    "owner": N_("two owners: {first} and {second}; keep one"),
    "kind": N_("two kinds: {first} and {second}; keep one"),
    "objective": N_("two objectives: {first} and {second}; keep one"),
    "due": N_("two due dates: {first} and {second}; keep one"),
    "priority": N_("two priorities: {first} and {second}; keep one"),
}


def _person(line: _Line, text: str, start: int, end: int, role: str, members: Sequence[Member]) -> str | None:
    member, error = match_member(_unquote(text[1:]), members)
    if member is None:
        line.fail(text, start, end, role, error or "")
        return None
    shown = f"{member.name} ({member.department})" if member.department else member.name
    return member.id if line.value(text, start, end, role, shown) else None


def _quoted_or_word(line: _Line, text: str, start: int, end: int) -> bool:
    """A quoted part, or a lone @ ^ # !, is title text. True when handled."""
    if text.startswith('"'):
        line.title_word(text, start, end, _unquote(text))
        return True
    if text in ("@", "^", "#", "!"):
        line.title_word(text, start, end)
        return True
    return False


def parse_item_line(line: str, members: Sequence[Member], objectives: Sequence[Objective]) -> ParsedItem:
    """Read an agenda item: title, ``15m``, ``@presenter``, ``#kind``, ``^objective``."""
    read = _Line()
    minutes = presenter_id = kind = objective_id = None
    for text, start, end in _tokens(line):
        if _quoted_or_word(read, text, start, end):
            continue
        duration = parse_minutes(text)
        if duration is not None:
            if not 0 < duration <= MAX_MINUTES:
                refusal = _("a time box is between 1 minute and 24 hours, not {text}").format(text=text)
                read.fail(text, start, end, "minutes", refusal)
            elif read.value(text, start, end, "minutes", _("{minutes} min").format(minutes=duration)):
                minutes = duration
        elif text.startswith("@"):
            presenter_id = _person(read, text, start, end, "presenter", members) or presenter_id
        elif text.startswith("#"):
            found = _starting(text[1:], KINDS)
            if len(found) != 1:
                kinds = ", ".join(f"#{k}" for k in _typed_words(KINDS))
                refusal = _("{text} is not a kind: use {kinds} (quote a title with a #)").format(text=text, kinds=kinds)
                read.fail(text, start, end, "kind", refusal)
            elif read.value(text, start, end, "kind", _shown(found[0])):
                kind = AgendaKind(found[0])
        elif text.startswith("^"):
            objective, error = match_objective(_unquote(text[1:]), objectives)
            if objective is None:
                read.fail(text, start, end, "objective", error or "")
            elif read.value(text, start, end, "objective", objective.title):
                objective_id = objective.id
        else:
            read.title_word(text, start, end)
    title = read.title_text()
    if not title:
        read.errors.insert(0, _("an agenda item needs a title"))
    return ParsedItem(title, minutes, presenter_id, kind, objective_id, tuple(read.tokens), tuple(read.errors))


def parse_task_line(line: str, members: Sequence[Member], today: date) -> ParsedTask:
    """Read a task: title, ``@owner``, a due date (``fri``, ``+3d``, ``2026-12-04``, ``next mon``), ``!priority``."""
    read = _Line()
    owner_id = due = priority = None
    pieces = _tokens(line)
    index = 0
    while index < len(pieces):
        text, start, end = pieces[index]
        index += 1
        if _quoted_or_word(read, text, start, end):
            continue
        if text.startswith("@"):
            owner_id = _person(read, text, start, end, "owner", members) or owner_id
        elif text.startswith("!"):
            found = _starting(text[1:], PRIORITIES)
            if len(found) != 1:
                listed = ", ".join(f"!{p}" for p in _typed_words(PRIORITIES))
                refusal = _("{text} is not a priority: use {listed}").format(text=text, listed=listed)
                read.fail(text, start, end, "priority", refusal)
            elif read.value(text, start, end, "priority", _shown(found[0])):
                priority = Priority(found[0])
        elif text.lower() == "next" and index < len(pieces) and _looks_like_date(pieces[index][0]):
            word, _start, end = pieces[index]  # "next mon": one date in two words
            index += 1
            due = _due(read, f"{text} {word}", start, end, today) or due
        elif _looks_like_date(text):
            due = _due(read, text, start, end, today) or due
        else:
            read.title_word(text, start, end)
    title = read.title_text()
    if not title:
        read.errors.insert(0, _("a task needs a title"))
    return ParsedTask(title, owner_id, due, priority, tuple(read.tokens), tuple(read.errors))


def _due(line: _Line, text: str, start: int, end: int, today: date) -> date | None:
    try:
        value = parse_date(text, today)
    except ValueError as error:
        line.fail(text, start, end, "due", str(error))
        return None
    if value is None:
        return None
    return value if line.value(text, start, end, "due", day_label(value)) else None
