"""The words for each table's data: noun, plural, field labels, input hints, `alinea list` columns.

The one place these words are written. Each model carries its table's entry as
``Model.VOCAB`` (store/models.py); the palette, the forms, the panes, the CLI and sync's
commit messages read them from here. Kept free of pydantic, like store/schema.py, so
the app can name its keys before the first frame without importing the models.

The words are defined at import time, so they are English catalog ids (``N_``); the methods
give them in the reader's language: ``label``, ``hint``, ``choice``, ``word``, ``words`` and
``count``. A choice typed back (the CLI's ``status=Hecho``) is read by ``parse_choice``:
the stored id, the English word or the word in the current language; the file only ever
holds the id.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from store.i18n import N_, _, language, ngettext, pgettext
from store.schema import TABLE_NAMES

DATE_HINT = N_("2026-12-01, +3d, fri, next mon")
DATETIME_HINT = N_("2026-12-01 10:00, fri 14:30, +1w 9:00")
NAMES_HINT = N_("Sales, Marketing")

#: labels shared by every table that has the field (English catalog ids: see ``Vocabulary.label``)
_LABELS = {
    "owner_id": N_("Owner"),
    "owner_ids": N_("Owners"),
    "attendee_ids": N_("Attendees"),
    "objective_id": N_("Objective"),
    "objective_ids": N_("Objectives"),
    "meeting_id": N_("Meeting"),
    "metric_id": N_("Metric"),
    "presenter_id": N_("Presenter"),
    "author_id": N_("Author"),
    "subject_table": N_("About (kind)"),
    "subject_id": N_("About"),
    "duration_min": N_("Length (minutes)"),
    "minutes": N_("Time box (minutes)"),
    "starts_at": N_("Starts at"),
    "due": N_("Due"),
    # the other fields, as their names read in words ("lost_by" -> "Lost by")
    "title": N_("Title"),
    "kind": N_("Kind"),
    "description": N_("Description"),
    "departments": N_("Departments"),
    "period": N_("Period"),
    "status": N_("Status"),
    "name": N_("Name"),
    "email": N_("Email"),
    "department": N_("Department"),
    "role": N_("Role"),
    "unit": N_("Unit"),
    "baseline": N_("Baseline"),
    "target": N_("Target"),
    "direction": N_("Direction"),
    "date": N_("Date"),
    "value": N_("Value"),
    "note": N_("Note"),
    "location": N_("Location"),
    "series": N_("Series"),
    "notes": N_("Notes"),
    "started_at": N_("Started at"),
    "started_by": N_("Started by"),
    "ended_at": N_("Ended at"),
    "paused_at": N_("Paused at"),
    "paused_seconds": N_("Paused seconds"),
    "position": N_("Position"),
    "outcome": N_("Outcome"),
    "standing": N_("Standing"),
    "carried_from": N_("Carried from"),
    "feedback_id": N_("Feedback id"),
    "body": N_("Body"),
    "response": N_("Response"),
    "priority": N_("Priority"),
    "table": N_("Table"),
    "record_id": N_("Record id"),
    "field": N_("Field"),
    "kept": N_("Kept"),
    "lost": N_("Lost"),
    "lost_by": N_("Lost by"),
    "at": N_("At"),
    "resolved": N_("Resolved"),
}
_HINTS = {"due": DATE_HINT, "date": DATE_HINT, "starts_at": DATETIME_HINT, "departments": NAMES_HINT}


@lru_cache(maxsize=None)
def _choice_words(lang: str, table: str) -> dict[str, str]:
    """Every choice (a status, kind, priority…) in ``lang``: the Board's words.

    ``lang`` is the cache's key only: the catalog in use says the words. The context
    "choice" keeps "Open" (a status) apart from "Open" (a verb) in the catalog.
    """
    words = {
        # tasks
        "todo": pgettext("choice", "To do"),
        "doing": pgettext("choice", "Doing"),
        "blocked": pgettext("choice", "Blocked"),
        "done": pgettext("choice", "Done"),
        # objectives
        "goal": pgettext("choice", "Goal"),
        "campaign": pgettext("choice", "Campaign"),
        "strategy": pgettext("choice", "Strategy"),
        "on_track": pgettext("choice", "On track"),
        "at_risk": pgettext("choice", "At risk"),
        "off_track": pgettext("choice", "Off track"),
        # metrics
        "increase": pgettext("choice", "Increase"),
        "decrease": pgettext("choice", "Decrease"),
        # meetings
        "planned": pgettext("choice", "Planned"),
        "running": pgettext("choice", "Running"),
        # agenda items
        "info": pgettext("choice", "Info"),
        "discussion": pgettext("choice", "Discussion"),
        "decision": pgettext("choice", "Decision"),
        "update": pgettext("choice", "Update"),
        "open": pgettext("choice", "Open"),
        "carried": pgettext("choice", "Carried"),
        # feedback
        "praise": pgettext("choice", "Praise"),
        "concern": pgettext("choice", "Concern"),
        "idea": pgettext("choice", "Idea"),
        "question": pgettext("choice", "Question"),
        "acknowledged": pgettext("choice", "Acknowledged"),
        "resolved": pgettext("choice", "Resolved"),
        "objectives": pgettext("choice", "Objectives"),
        "meetings": pgettext("choice", "Meetings"),
        "agenda_items": pgettext("choice", "Agenda items"),
        "tasks": pgettext("choice", "Tasks"),
        # tasks' priorities
        "low": pgettext("choice", "Low"),
        "normal": pgettext("choice", "Normal"),
        "high": pgettext("choice", "High"),
        "urgent": pgettext("choice", "Urgent"),
    }
    if table == "meetings":  # a meeting that is over, not a task that is done
        words["done"] = pgettext("meeting status", "Done")
    if table == "objectives":  # an objective is achieved ("Logrado"), as the Objectives pane says
        words["done"] = pgettext("objective status", "Done")
    return words


#: "{count} task" forms per table, for ngettext (msgids keep the thousands separator)
_COUNTS: dict[str, Callable[[int], str]] = {
    "members": lambda n: ngettext("{count:,} member", "{count:,} members", n),
    "objectives": lambda n: ngettext("{count:,} objective", "{count:,} objectives", n),
    "metrics": lambda n: ngettext("{count:,} metric", "{count:,} metrics", n),
    "measurements": lambda n: ngettext("{count:,} measurement", "{count:,} measurements", n),
    "meetings": lambda n: ngettext("{count:,} meeting", "{count:,} meetings", n),
    "agenda_items": lambda n: ngettext("{count:,} agenda item", "{count:,} agenda items", n),
    "feedback": lambda n: ngettext("{count:,} feedback entry", "{count:,} feedback entries", n),
    "tasks": lambda n: ngettext("{count:,} task", "{count:,} tasks", n),
    "conflicts": lambda n: ngettext("{count:,} conflict", "{count:,} conflicts", n),
}


def folded(text: str) -> str:
    """Text compared as people type it: no case, no accents, "_" as a space ("En curso" = "en_curso")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("_", " "))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


@dataclass(frozen=True)
class Vocabulary:
    """How people name one table's records and fields.

    ``noun`` and ``plural`` are the English words (catalog ids); show ``word()``/``words()``."""

    table: str
    noun: str
    plural: str
    #: the columns `alinea list` shows after the id and the label
    list_columns: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)

    def word(self) -> str:
        """One record's noun in the reader's language: "task", "tarea"."""
        return _(self.noun)

    def words(self) -> str:
        """The plural noun in the reader's language: "tasks", "tareas"."""
        return _(self.plural)

    def label(self, field_name: str) -> str:
        """A field's label in a form ("Owner", "Due"), else its name in words."""
        source = self.labels.get(field_name) or _LABELS.get(field_name)
        return _(source) if source else field_name.replace("_", " ").capitalize()

    def hint(self, field_name: str) -> str:
        """What to type in a field, shown as its placeholder ("" when it needs none)."""
        return _(self.hints.get(field_name) or _HINTS.get(field_name, ""))

    def choice(self, value: str) -> str:
        """A choice in words, the same everywhere: "todo" → "To do" ("Por hacer"), "on_track" → "On track"."""
        return choice(value, self.table)

    def parse_choice(self, text: str, choices: Iterable[str]) -> str | None:
        """The stored id among ``choices`` that ``text`` names, else None (see ``parse_choice``)."""
        return parse_choice(text, choices, self.table)

    def count(self, number: int) -> str:
        """'1 task', '3 feedback entries', '1,200 tasks' (in the reader's language)."""
        return count_of(self.table, number)


def field_label(field_name: str) -> str:
    """A field's label in the reader's language, whatever its table ("Owner", "Responsable")."""
    source = _LABELS.get(field_name)
    return _(source) if source else field_name.replace("_", " ").capitalize()


def choice(value: str, table: str = "") -> str:
    """A choice's word in the reader's language: "todo" → "To do" / "Por hacer"."""
    found = _choice_words(language(), table).get(value)
    return found or value.replace("_", " ").capitalize()


def parse_choice(text: str, choices: Iterable[str], table: str = "") -> str | None:
    """The id among ``choices`` that a person's ``text`` names: the id itself ("done",
    "on_track", "on track"), its English word ("To do"), or its word in the current
    language ("Por hacer", "hecho"); case and accents do not matter. None when none does."""
    wanted = folded(text)
    if not wanted:
        return None
    options = list(choices)
    exact = [value for value in options if folded(value) == wanted]  # the id first: it never changes
    named = [value for value in options if wanted in (folded(choice(value, table)), folded(_english_choice(value)))]
    found = exact or named
    return found[0] if found else None


def _english_choice(value: str) -> str:
    """A choice's English word whatever the language (its catalog id): typed English always works."""
    return "To do" if value == "todo" else value.replace("_", " ").capitalize()


def count_of(table: str, number: int, *, translated: bool = True) -> str:
    """ "1 task", "2 agenda items", "1,200 tasks"; "1 tarea" in Spanish. ``translated=False``
    keeps English whatever the language (text that is not shown, such as a commit message)."""
    forms = _COUNTS.get(table)
    words = VOCABULARY.get(table)
    if forms is None or words is None:  # not a table: its name in words, English only
        return f"{number:,} {table.removesuffix('s').replace('_', ' ') if number == 1 else table.replace('_', ' ')}"
    if not translated:
        return f"{number:,} {words.noun if number == 1 else words.plural}"
    return forms(number).format(count=number)


VOCABULARY: dict[str, Vocabulary] = {
    vocabulary.table: vocabulary
    for vocabulary in (
        Vocabulary("members", N_("member"), N_("members"), ("department", "role", "email")),
        Vocabulary("objectives", N_("objective"), N_("objectives"), ("kind", "status", "period", "due")),
        Vocabulary(
            "metrics", N_("metric"), N_("metrics"), ("objective_id", "unit", "baseline", "target", "direction")
        ),
        Vocabulary("measurements", N_("measurement"), N_("measurements"), ("metric_id", "value")),
        Vocabulary("meetings", N_("meeting"), N_("meetings"), ("starts_at", "duration_min", "status", "series")),
        Vocabulary(
            "agenda_items",
            N_("agenda item"),
            N_("agenda items"),
            ("meeting_id", "position", "minutes", "kind", "presenter_id", "status"),
        ),
        Vocabulary(
            "feedback", N_("feedback entry"), N_("feedback entries"), ("kind", "status", "author_id", "subject_table")
        ),
        Vocabulary("tasks", N_("task"), N_("tasks"), ("status", "owner_id", "department", "due", "priority")),
        Vocabulary(
            "conflicts", N_("conflict"), N_("conflicts"), ("table", "record_id", "field", "lost_by", "resolved")
        ),
    )
}
assert tuple(VOCABULARY) == TABLE_NAMES, "every table needs its words"


def vocabulary(table: str) -> Vocabulary:
    return VOCABULARY[table]
