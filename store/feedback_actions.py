"""What a lead does with a feedback entry: respond, resolve, turn it into a task, put it on
the agenda of the next meeting; and the thread of what was done with it.

The pure functions (``*_changes``, ``task_from_feedback``, ``agenda_item_from_feedback``,
``thread``) only read records and return the fields to write, so the Feedback pane can
show what will happen; the thin helpers below them write through the Workspace (one
undoable change each).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from store.enums import FeedbackKind, FeedbackStatus, MeetingStatus, TaskStatus
from store.errors import InvalidInput
from store.i18n import _
from store.positions import key_between
from store.references import Lookup, live

if TYPE_CHECKING:
    from store.models import AgendaItem, Feedback, Meeting, Task

#: an agenda item made from feedback gets this time box
AGENDA_MINUTES = 5
TITLE_LIMIT = 120


def first_line(body: str, limit: int = TITLE_LIMIT) -> str:
    """The first non-blank line of a body, cut at a word with "…" when too long."""
    line = next((part.strip() for part in body.splitlines() if part.strip()), "")
    line = line.lstrip("#>-*+ ").strip() or line
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0] or line[: limit - 1]
    return cut.rstrip(" ,;:.") + "…"


# -- status ---------------------------------------------------------------------------------
def respond_changes(entry: Feedback, response: str) -> dict[str, Any]:
    """A response sets the entry acknowledged (a resolved entry stays resolved)."""
    if not response.strip():
        raise InvalidInput(_("write a response first"))
    status = FeedbackStatus.resolved if entry.status is FeedbackStatus.resolved else FeedbackStatus.acknowledged
    return {"response": response.strip(), "status": status}


def resolve_changes(entry: Feedback) -> dict[str, Any]:
    return {"status": FeedbackStatus.resolved}


# -- the subject and who owns it --------------------------------------------------------------
def _first_member(source: Lookup, ids: frozenset[str]) -> str | None:
    """The first live member of a set, by name (a set has no order of its own)."""
    members = [m for m in (live(source, "members", i) for i in ids) if m is not None]
    return min(members, key=lambda m: (m.name.casefold(), m.id)).id if members else None


def subject_owner(source: Lookup, entry: Feedback) -> str | None:
    """Who should act on an entry: the subject's owner (objective: its first owner; task: its
    owner; agenda item: its presenter; meeting: its first attendee), else the author."""
    table = entry.subject_table.value if entry.subject_table is not None else None
    subject = live(source, table, entry.subject_id)
    owner: str | None = None
    if subject is not None:
        if table == "objectives":
            owner = _first_member(source, subject.owner_ids)
        elif table == "tasks":
            owner = subject.owner_id
        elif table == "agenda_items":
            owner = subject.presenter_id
        elif table == "meetings":
            owner = _first_member(source, subject.attendee_ids)
    for candidate in (owner, entry.author_id):
        if live(source, "members", candidate) is not None:
            return candidate
    return None


def _links(source: Lookup, entry: Feedback) -> tuple[str | None, str | None]:
    """(objective id, meeting id) the subject points at, carried to what is made from it."""
    table = entry.subject_table.value if entry.subject_table is not None else None
    subject = live(source, table, entry.subject_id)
    if subject is None:
        return None, None
    if table == "objectives":
        objective, meeting = subject.id, None
    elif table == "meetings":
        objective, meeting = None, subject.id
    else:  # agenda items and tasks name both
        objective, meeting = subject.objective_id, subject.meeting_id
    objective = objective if live(source, "objectives", objective) is not None else None
    meeting = meeting if live(source, "meetings", meeting) is not None else None
    return objective, meeting


# -- a task -----------------------------------------------------------------------------------
def task_from_feedback(source: Lookup, entry: Feedback) -> dict[str, Any]:
    """The fields of a task made from an entry: title from its first line, the subject's owner,
    linked back (``feedback_id``), the subject's objective and meeting, last in To do."""
    owner_id = subject_owner(source, entry)
    owner = live(source, "members", owner_id)
    objective_id, meeting_id = _links(source, entry)
    todo = [t.position for t in source.records("tasks") if t.status is TaskStatus.todo]
    return {
        "title": first_line(entry.body),
        "description": entry.body,
        "status": TaskStatus.todo,
        "owner_id": owner_id,
        "department": owner.department if owner is not None else "",
        "objective_id": objective_id,
        "meeting_id": meeting_id,
        "feedback_id": entry.id,
        "position": key_between(max(todo) or None, None) if todo else key_between(None, None),
    }


# -- an agenda item -----------------------------------------------------------------------------
def next_meeting(source: Lookup, now: datetime, *, series: str | None = None) -> Meeting | None:
    """The next planned meeting starting at ``now`` or later (of ``series`` when given)."""
    upcoming = [
        m
        for m in source.records("meetings")
        if m.status is MeetingStatus.planned and m.starts_at >= now and (series is None or m.series == series)
    ]
    return min(upcoming, key=lambda m: (m.starts_at, m.id), default=None)


def meeting_for(source: Lookup, entry: Feedback, now: datetime) -> Meeting | None:
    """Where an entry goes on the agenda: the next meeting of the subject's series when the
    subject is a meeting or an agenda item (and the series has one), else the next meeting."""
    _objective, meeting_id = _links(source, entry)
    subject_meeting = live(source, "meetings", meeting_id)
    if subject_meeting is not None and subject_meeting.series:
        found = next_meeting(source, now, series=subject_meeting.series)
        if found is not None:
            return found
    return next_meeting(source, now)


def agenda_item_from_feedback(source: Lookup, entry: Feedback, now: datetime) -> dict[str, Any]:
    """The fields of an agenda item for an entry: on the next meeting, presented by its author,
    5 minutes, linked back, after the last item. Raises InvalidInput when no meeting is planned."""
    meeting = meeting_for(source, entry, now)
    if meeting is None:
        raise InvalidInput(_("no meeting is planned: plan the next meeting first"))
    objective_id, _meeting = _links(source, entry)
    positions = [a.position for a in source.records("agenda_items") if a.meeting_id == meeting.id]
    last = max(positions) if positions else None
    author = entry.author_id if live(source, "members", entry.author_id) is not None else None
    return {
        "meeting_id": meeting.id,
        "title": first_line(entry.body),
        "kind": "info" if entry.kind is FeedbackKind.praise else "discussion",
        "presenter_id": author,
        "minutes": AGENDA_MINUTES,
        "position": key_between(last or None, None),
        "objective_id": objective_id,
        "notes": entry.body,
        "feedback_id": entry.id,
    }


# -- the thread -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ThreadItem:
    """Something made from a feedback entry: a task or an agenda item (and its meeting)."""

    table: str
    record_id: str
    title: str
    status: str
    meeting_id: str | None = None


def thread(source: Lookup, entry_id: str) -> list[ThreadItem]:
    """Tasks and agenda items made from an entry, oldest first (deleted ones left out)."""
    return threads(source).get(entry_id, [])


def threads(source: Lookup) -> dict[str, list[ThreadItem]]:
    """Every entry's thread in one pass over tasks and agenda items (a log moving from entry
    to entry reads it once per change of the workspace, not once per key)."""
    made: dict[str, list[tuple[Any, ThreadItem]]] = {}
    for task in source.records("tasks"):
        if task.feedback_id:
            made.setdefault(task.feedback_id, []).append(
                (task.created_at, ThreadItem("tasks", task.id, task.title, task.status.value))
            )
    for item in source.records("agenda_items"):
        if item.feedback_id:
            made.setdefault(item.feedback_id, []).append(
                (item.created_at, ThreadItem("agenda_items", item.id, item.title, item.status.value, item.meeting_id))
            )
    return {
        entry_id: [entry for _when, entry in sorted(pairs, key=lambda pair: (pair[0], pair[1].record_id))]
        for entry_id, pairs in made.items()
    }


# -- applying through the Workspace -----------------------------------------------------------------
def _entry(workspace: Any, entry_id: str) -> Feedback:
    entry = workspace.get("feedback", entry_id)
    if entry.deleted:
        raise InvalidInput(_("that feedback entry was deleted"))
    return entry


def respond(workspace: Any, entry_id: str, response: str) -> Feedback:
    entry = _entry(workspace, entry_id)
    return workspace.update("feedback", entry.id, **respond_changes(entry, response))


def resolve(workspace: Any, entry_id: str) -> Feedback:
    entry = _entry(workspace, entry_id)
    return workspace.update("feedback", entry.id, **resolve_changes(entry))


def turn_into_task(workspace: Any, entry_id: str) -> Task:
    return workspace.create("tasks", **task_from_feedback(workspace, _entry(workspace, entry_id)))


def put_on_agenda(workspace: Any, entry_id: str, now: datetime) -> AgendaItem:
    return workspace.create("agenda_items", **agenda_item_from_feedback(workspace, _entry(workspace, entry_id), now))
