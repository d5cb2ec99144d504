"""Who changed what and when for one record, read from git (DESIGN section 6: `alinea history`).

The workspace file holds one record per line (``"<id>": {…}``), so a record's history is
the history of its line. Diffing each commit of a 20 MB file is slow (git's ``log -G``
diffs every commit: about 0.2 s each here), so this asks git for the commits that touched
the file (``log``, no diffs: a few ms), then for the record's line in each of them
(``grep -F`` over those commits: git inflates each version once and prints only the
matching line, about 50 ms a commit on the large workspace), and compares the versions
here, field by field. The change not yet committed (the file on disk against the newest
commit) comes first. Reading stops at the record's creation.

A merge commit shows only what the merge itself decided (fields whose value differs from
every parent's); the changes it brought in are shown in the commits that made them.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Any

import orjson

from store.dates import local_format
from store.errors import AlineaError, InvalidInput
from store.gitrun import LOCAL_TIMEOUT, GitRunner
from store.i18n import N_, _, language
from store.repo import GitError
from store.text import printable

DATA_FILE = "alinea.json"  # store.workspace.DATA_FILE, without importing pydantic here
#: fields the workspace maintains; a change shows in the entry's "by" and "when", not as a line
BOOKKEEPING = frozenset({"id", "created_at", "created_by", "updated_at", "updated_by", "rev", "deleted"})
#: commits read per git grep: the oldest chunks are never read once the record's creation is found
CHUNK = 48
PARALLEL = 2
_ID = re.compile(r"^[0-9a-f]{32}$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VALUE_WIDTH = 60


class Kind(StrEnum):
    created = "created"
    changed = "changed"
    deleted = "deleted"
    restored = "restored"


_KIND_WORDS = {Kind.created: N_("created"), Kind.changed: N_("changed"), Kind.deleted: N_("deleted"),
               Kind.restored: N_("restored")}
#: fields whose values are choices (store/vocabulary.py): shown in the reader's words
_CHOICE_FIELDS = frozenset({"status", "kind", "priority", "direction", "subject_table"})


@dataclass(frozen=True)
class FieldChange:
    name: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Entry:
    """One step in a record's life: a commit (or the uncommitted change) that changed its line."""

    kind: Kind
    who: str
    at: datetime | None
    changes: tuple[FieldChange, ...] = ()
    commit: str | None = None  # None: not committed yet
    merge: bool = False


@dataclass
class _Commit:
    sha: str
    parents: list[str]
    author: str
    at: datetime | None
    version: dict[str, Any] | None = field(default=None)


# -- reading ----------------------------------------------------------------------------
def read_history(folder: Path, record_id: str, *, timeout: float = LOCAL_TIMEOUT) -> list[Entry]:
    """The record's history, newest first (blocking: call it from a worker or the CLI)."""
    return asyncio.run(history(Path(folder), record_id, timeout=timeout))


async def history(folder: Path, record_id: str, *, timeout: float = LOCAL_TIMEOUT) -> list[Entry]:
    if not _ID.match(record_id):
        raise InvalidInput(_("not a record id: {id}").format(id=repr(printable(record_id))))
    if not (folder / ".git").exists():
        raise AlineaError(
            _("{folder} is not a git repository, so no history of its records is kept").format(folder=folder)
        )
    git = GitRunner(folder)
    commits = await _commits(git, timeout)
    await _read_versions(git, commits, record_id, timeout)
    entries: list[Entry] = []
    on_disk = _version_in(_read_file(folder / DATA_FILE), record_id)
    newest = commits[0].version if commits else None
    if on_disk != newest:
        entry = _entry(newest, on_disk, who="", at=None, commit=None)
        if entry is not None:
            entries.append(entry)
    by_sha = {commit.sha: commit for commit in commits}
    for commit in commits:
        entry = _commit_entry(commit, by_sha)
        if entry is not None:
            entries.append(entry)
    return entries


async def _commits(git: GitRunner, timeout: float) -> list[_Commit]:
    """Commits that changed the file, newest first, with parents rewritten to such commits."""
    done = await git.run(
        "log", "--no-color", "--parents", "--format=%x1e%H%x1f%P%x1f%ae%x1f%an%x1f%aI", "--", DATA_FILE,
        timeout=timeout,
    )
    if not done.ok:
        if "does not have any commits" in done.stderr or "unknown revision" in done.stderr:
            return []
        raise GitError(_("git log failed: {reason}").format(reason=done.reason))
    commits = []
    for block in done.stdout.split("\x1e")[1:]:
        sha, parents, email, name, when = block.strip("\n").split("\x1f")
        commits.append(_Commit(sha, parents.split(), email or name, _parse_time(when)))
    return commits


async def _read_versions(git: GitRunner, commits: list[_Commit], record_id: str, timeout: float) -> None:
    """Fill in each commit's version of the record, newest first, stopping before its creation."""
    needle = _key(record_id)
    seen = False
    for start in range(0, len(commits), CHUNK):
        chunk = commits[start : start + CHUNK]
        # Two git processes: inflating each version is the cost, and it is one core's work.
        halves = [chunk[i::PARALLEL] for i in range(PARALLEL)]
        found: dict[str, dict[str, Any]] = {}
        for part in await asyncio.gather(*(_grep(git, [c.sha for c in h], needle, timeout) for h in halves if h)):
            found.update(part)
        for commit in chunk:
            commit.version = found.get(commit.sha)
        if seen and not found:
            return  # a whole chunk older than the record: everything older is too
        seen = seen or bool(found)


async def _grep(git: GitRunner, shas: Sequence[str], needle: bytes, timeout: float) -> dict[str, dict[str, Any]]:
    done = await git.run(
        "-c", "grep.lineNumber=false", "-c", "grep.column=false", "-c", "grep.fullName=false",
        "grep", "--no-color", "--text", "--null", "-F", "-e", needle.decode(), *shas, "--", DATA_FILE,
        timeout=timeout,
    )
    if done.returncode not in (0, 1):  # 1: no commit holds the line
        raise GitError(_("git grep failed: {reason}").format(reason=done.reason))
    found: dict[str, dict[str, Any]] = {}
    for row in done.raw.split(b"\n"):
        where, _nul, line = row.partition(b"\0")
        if line.startswith(needle):
            found[where.split(b":", 1)[0].decode()] = _decode(line, needle)
    return found


def _key(record_id: str) -> bytes:
    # Compact JSON puts no space after a colon, so `"<id>": ` only ever starts a record's line.
    return b'"' + record_id.encode() + b'": '


def _decode(line: bytes, needle: bytes) -> dict[str, Any]:
    value = orjson.loads(line[len(needle) :].rstrip(b"\r").rstrip(b","))
    return value if isinstance(value, dict) else {}


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def _version_in(raw: bytes, record_id: str) -> dict[str, Any] | None:
    needle = _key(record_id)
    at = raw.find(b"\n" + needle)
    if at < 0:
        return None
    end = raw.find(b"\n", at + 1)
    try:
        return _decode(raw[at + 1 : end if end >= 0 else None], needle)
    except orjson.JSONDecodeError:
        return None  # a file being merged by hand: its line says nothing reliable


# -- comparing ---------------------------------------------------------------------------
def _commit_entry(commit: _Commit, by_sha: dict[str, _Commit]) -> Entry | None:
    after = commit.version
    parents = [by_sha[sha].version if sha in by_sha else None for sha in commit.parents]
    if len(parents) <= 1:
        return _entry(parents[0] if parents else None, after, commit.author, commit.at, commit.sha)
    if after is None or any(after == before for before in parents):
        return None  # the merge took one side's version: that side's commit shows the change
    alive = [before for before in parents if before is not None]
    if not alive:
        return _entry(None, after, commit.author, commit.at, commit.sha)
    own = tuple(
        change
        for change in _field_changes(alive[0], after)
        if all(before.get(change.name) != change.after for before in alive)
    )
    if not own:
        return None
    return Entry(Kind.changed, commit.author, commit.at, own, commit.sha, merge=True)


def _entry(
    before: dict[str, Any] | None, after: dict[str, Any] | None, who: str, at: datetime | None, commit: str | None
) -> Entry | None:
    """The step from one version of the record to the next; who and when come from the record's stamps."""
    if before == after:
        return None
    if after is None:  # the line left the file (tombstones stay, so this is a purge or a hand edit)
        return Entry(Kind.deleted, who, at, (), commit)
    if before is None:
        return Entry(Kind.created, str(after.get("created_by") or who), _parse_time(after.get("created_at")) or at,
                     (), commit)
    who = str(after.get("updated_by") or who)
    at = _parse_time(after.get("updated_at")) or at
    changes = tuple(_field_changes(before, after))
    if bool(after.get("deleted")) != bool(before.get("deleted")):
        return Entry(Kind.deleted if after.get("deleted") else Kind.restored, who, at, changes, commit)
    if not changes:
        return None  # only the stamps moved (a save that changed nothing a person sees)
    return Entry(Kind.changed, who, at, changes, commit)


def _field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    names = sorted((before.keys() | after.keys()) - BOOKKEEPING)
    return [FieldChange(n, before.get(n), after.get(n)) for n in names if before.get(n) != after.get(n)]


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


# -- words -------------------------------------------------------------------------------
Names = Callable[[str], "str | None"]


def when(at: datetime | None, now: datetime, tz: tzinfo | None = None) -> str:
    """"Wed 02 Dec 10:14" in local time; the year is added when it is not this year's."""
    if at is None:
        return _("not committed yet")
    local = at.astimezone(tz)
    same_year = local.year == now.astimezone(tz).year
    return local_format(local, "%a %d %b %H:%M" if same_year else "%a %d %b %Y %H:%M")


def field_words(name: str) -> str:
    """A field as a person calls it: `owner_id` → "owner", `duration_min` → "duration min"
    (in Spanish, its form label: "responsable")."""
    if language() != "en":
        from store.vocabulary import field_label

        return field_label(name).lower()
    return name.removesuffix("_ids").removesuffix("_id").replace("_", " ")


def value_words(value: Any, names: Names | None = None, now: datetime | None = None, tz: tzinfo | None = None) -> str:
    if value is None or value == "" or value == []:
        return _("(empty)")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(value_words(item, names, now, tz) for item in value)
    if not isinstance(value, str):
        return printable(str(value))
    if names is not None and _ID.match(value):
        value = names(value) or value[:8]
    elif _ISO_TIME.match(value) and (at := _parse_time(value)) is not None:
        return when(at, now or at, tz)
    elif _ISO_DATE.match(value):
        try:
            return local_format(date.fromisoformat(value), "%a %d %b %Y")
        except ValueError:
            pass
    text = printable(value)
    return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


def who_words(entry: Entry, names: Names | None = None) -> str:
    return printable((names(entry.who) if names and entry.who else None) or entry.who)


def note_words(entry: Entry) -> str:
    if entry.merge:
        return " " + _("(in a merge)")
    return " " + _("(not synced yet)") if entry.commit is None else ""


def what_words(entry: Entry, now: datetime, names: Names | None = None, tz: tzinfo | None = None) -> list[str]:
    """What changed, without who and when: "created", "status: doing → done", …"""
    lines = [] if entry.kind is Kind.changed else [_(_KIND_WORDS[entry.kind])]
    for change in entry.changes:
        before = _choice_value(change.name, change.before) or value_words(change.before, names, now, tz)
        after = _choice_value(change.name, change.after) or value_words(change.after, names, now, tz)
        lines.append(f"{field_words(change.name)}: {before} → {after}")
    return lines


def describe(entry: Entry, now: datetime, names: Names | None = None, tz: tzinfo | None = None) -> list[str]:
    """The entry in words, one line per field: "status: doing → done, by sofia@…, Wed 02 Dec 10:14"."""
    who = who_words(entry, names)
    moment, note = when(entry.at, now, tz), note_words(entry)
    if who:
        return [_("{what}, by {who}, {when}").format(what=line, who=who, when=moment) + note
                for line in what_words(entry, now, names, tz)]
    return [_("{what}, {when}").format(what=line, when=moment) + note for line in what_words(entry, now, names, tz)]


def _choice_value(field: str, value: Any) -> str | None:
    """A status, kind or priority in the reader's words ("por hacer"); None in English (as stored)."""
    if field not in _CHOICE_FIELDS or not isinstance(value, str) or not value or language() == "en":
        return None
    from store.vocabulary import choice

    return choice(value).lower()


def describe_all(entries: Iterable[Entry], now: datetime, names: Names | None = None) -> list[str]:
    return [line for entry in entries for line in describe(entry, now, names)]


def names_in(workspace: Any) -> Names:
    """Names for ids (any record's label) and emails (a member's name) from an open Workspace."""
    from store.schema import TABLE_NAMES

    def name(key: str) -> str | None:
        if "@" in key:
            member = workspace.member_by_email(key)
            return member.name if member else None
        for table in TABLE_NAMES:
            record = workspace.lookup(table, key)
            if record is not None:
                return str(record.label)
        return None

    return name
