"""The Board's cards read straight from the file's bytes, before any record is validated.

Opening a large workspace, most of the wait for the Board was pydantic: importing it, building
the models' validators, validating 10,000 tasks. None of that is needed to *show* the cards, so
where the storage vouches for the bytes (``CanonicalStorage.read_first``: the very file that
passed the strict check, laid out as alinea saves it) the app paints the Board from this
preview, then validates the whole file and paints the records. It is only ever shown, never
written or acted on: the Board holds its keys that change a card until the tasks are validated.

Teammates' data is untrusted, so the preview reads only what the cards show, checks each value
as the models would, and gives up (``None``: the app validates first, as before) on anything it
does not expect. No pydantic here: importing it is the cost this module avoids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any, NamedTuple, Protocol

import orjson

from store.storage import block_value

#: the tables the preview reads (the Board's cards and their owners' names)
PREVIEW_TABLES = ("members", "tasks")
STATUSES = frozenset(("todo", "doing", "blocked", "done"))
PRIORITIES = frozenset(("low", "normal", "high", "urgent"))
TITLE_MAX, SHORT_MAX = 300, 200  # store.models: Title and Short
#: how alinea writes a stamp (``_iso_micro``): in this one form, text order is time order
STAMP_LENGTH, STAMP_ZONE = len("2026-01-01T00:00:00.000000+00:00"), "+00:00"


class BoardTask(Protocol):
    """What the Board reads of a task: a validated ``Task`` and a ``TaskPreview`` alike."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def owner_id(self) -> str | None: ...
    @property
    def department(self) -> str: ...
    @property
    def due(self) -> date | None: ...
    @property
    def priority(self) -> str: ...
    @property
    def position(self) -> str: ...


class _Unexpected(Exception):
    """A value the models might refuse or read otherwise: no preview, validate first."""


class TaskPreview(NamedTuple):
    """What a card shows of a task, and where it stands (its column, its place in it).
    A tuple: 10,000 of them are built in a few milliseconds."""

    id: str
    title: str
    status: str
    owner_id: str | None
    department: str
    due: date | None
    priority: str
    position: str
    created_at: str


class MemberPreview(NamedTuple):
    id: str
    name: str


@dataclass(frozen=True)
class BoardPreview:
    #: live tasks, in the order ``Workspace.records("tasks")`` gives them
    tasks: list[TaskPreview]
    #: every member by id, deleted ones too (a card still names its former owner)
    members: dict[str, MemberPreview]


def board_preview(blocks: Mapping[str, bytes]) -> BoardPreview | None:
    """The preview of the tables' blocks (``CanonicalStorage.read_first``), or None when a block is
    missing or holds anything the preview is not sure to read as the models would."""
    if any(name not in blocks for name in PREVIEW_TABLES):
        return None
    try:
        members = {key: _member(key, doc) for key, doc in _table(blocks["members"], "members").items()}
        tasks = _tasks(_table(blocks["tasks"], "tasks"))
    except (_Unexpected, orjson.JSONDecodeError):
        return None
    tasks.sort(key=_ORDER)  # Workspace.records: by position, then creation, then id
    return BoardPreview(tasks, members)


_ORDER = itemgetter(7, 8, 0)


def _table(block: bytes, name: str) -> dict[str, Any]:
    table = orjson.loads(block_value(name, block))
    if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
        raise _Unexpected
    return table


def _member(key: str, doc: dict[str, Any]) -> MemberPreview:
    if doc.get("id") != key:
        raise _Unexpected
    return MemberPreview(key, _title(doc.get("name")))


def _tasks(table: dict[str, Any]) -> list[TaskPreview]:
    """The live tasks, each value checked as its field's type in store.models would check it.

    One loop with the checks written out: per task, helper calls cost more than the checks
    (this runs for every task while the person waits for the Board)."""
    tasks = []
    for key, doc in table.items():
        get = doc.get
        deleted, title, status, priority = (
            get("deleted", False),
            get("title"),
            get("status", "todo"),
            get("priority", "normal"),
        )
        owner, department, due, position, created = (
            get("owner_id"),
            get("department", ""),
            get("due"),
            get("position", ""),
            get("created_at"),
        )
        if (
            get("id") != key
            or deleted.__class__ is not bool
            or status not in STATUSES
            or priority not in PRIORITIES
            or title.__class__ is not str
            or department.__class__ is not str
            or position.__class__ is not str
            or created.__class__ is not str
            or len(created) != STAMP_LENGTH
            or not created.endswith(STAMP_ZONE)
        ):
            raise _Unexpected
        if deleted:
            continue
        title, department = title.strip(), department.strip()
        if not title or len(title) > TITLE_MAX or len(department) > SHORT_MAX:
            raise _Unexpected
        tasks.append(
            TaskPreview(key, title, status, _optional(owner), department, _date(due), priority, position, created)
        )
    return tasks


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Unexpected
    return value


def _title(value: Any) -> str:
    title = _text(value).strip()
    if not 0 < len(title) <= TITLE_MAX:
        raise _Unexpected
    return title


def _optional(value: Any) -> str | None:
    """An id, or None for a blank one (as the models' ``_blank_fields`` read it)."""
    if value is None:
        return None
    text = _text(value)
    return text if text.strip() else None


def _date(value: Any) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = _text(value)
    if len(text) != len("2026-01-01"):  # the form alinea writes; anything else the models decide
        raise _Unexpected
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _Unexpected from None
