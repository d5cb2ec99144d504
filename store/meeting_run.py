"""Running a meeting: the run is state in the workspace, never in a widget.

The meeting stores when it started, who drives it, when it was paused and for how long;
each agenda item stores when it started and ended. So a pane switch, a restart or a crash
and reopen continue the same countdown, and a teammate who syncs sees the run.

Each step is a pure function of the records and ``now`` that returns the field changes
to write (``Edit``s); ``apply`` writes them through the Workspace. The Workspace-level
helpers at the end do both for the CLI and the tests; the UI can queue the edits instead.

Pausing: while paused, nothing counts. On resume the pause is added to the meeting's
``paused_seconds`` and the current item's ``started_at`` moves forward by the same amount,
so an item's countdown is always its time box minus (now − its start).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from store.agenda import agenda_of, meeting_end
from store.errors import InvalidInput
from store.i18n import _
from store.models import AgendaItem, AgendaStatus, Meeting, MeetingStatus, Member, TaskStatus
from store.positions import after_last

if TYPE_CHECKING:
    from store.quickadd import ParsedTask
    from store.workspace import Workspace


@dataclass(frozen=True)
class Edit:
    """Field changes for one record (``record_id`` None: a record to create)."""

    table: str
    record_id: str | None
    fields: dict[str, Any]


class RunError(InvalidInput):
    """A step that does not fit the meeting's state (start a finished meeting, …), in words."""


# -- reading the run --------------------------------------------------------------------
def current_item(ordered: Sequence[AgendaItem]) -> AgendaItem | None:
    """The item being discussed: started, not ended, still open (the first, should a merge leave two)."""
    return next((i for i in ordered if i.started_at and not i.ended_at and i.status == AgendaStatus.open), None)


def _seconds(delta: timedelta) -> int:
    return int(delta.total_seconds())


def item_elapsed(item: AgendaItem, meeting: Meeting, now: datetime) -> int:
    """Seconds spent on an item (pauses excluded)."""
    if item.started_at is None:
        return 0
    until = item.ended_at or meeting.paused_at or now
    return max(0, _seconds(until - item.started_at))


def item_remaining(item: AgendaItem, meeting: Meeting, now: datetime) -> int:
    """Seconds left in the item's time box; negative when over."""
    return item.minutes * 60 - item_elapsed(item, meeting, now)


def format_countdown(seconds: int) -> str:
    """"4:05" left, or "+2:10 over" past the time box."""
    if seconds < 0:
        minutes, rest = divmod(-seconds, 60)
        return _("+{minutes}:{seconds} over").format(minutes=minutes, seconds=f"{rest:02d}")
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}"


def meeting_elapsed(meeting: Meeting, now: datetime) -> int:
    """Seconds the meeting has run (pauses excluded); 0 before it starts."""
    if meeting.started_at is None:
        return 0
    until = meeting.ended_at or meeting.paused_at or now
    return max(0, _seconds(until - meeting.started_at) - meeting.paused_seconds)


@dataclass(frozen=True)
class RunClock:
    """Everything the runner's top line shows, at one moment."""

    item: AgendaItem | None
    item_remaining: int  # seconds; negative when over
    elapsed: int  # seconds the meeting has run
    length: int  # seconds planned
    planned_end: datetime  # start + length, as scheduled
    expected_end: datetime  # when it ends if the rest keeps to its time boxes
    paused: bool
    done: int  # items done
    total: int  # items on the agenda

    @property
    def countdown(self) -> str:
        return format_countdown(self.item_remaining) if self.item is not None else ""

    @property
    def warning(self) -> bool:
        """In the item's last minute."""
        return self.item is not None and 0 <= self.item_remaining < 60

    @property
    def over(self) -> bool:
        return self.item is not None and self.item_remaining < 0


def run_clock(meeting: Meeting, ordered: Sequence[AgendaItem], now: datetime) -> RunClock:
    item = current_item(ordered)
    remaining = item_remaining(item, meeting, now) if item else 0
    moment = meeting.paused_at or now
    left = max(0, remaining) + sum(
        i.minutes * 60 for i in ordered if i.status == AgendaStatus.open and i is not item and not i.started_at
    )
    return RunClock(
        item=item,
        item_remaining=remaining,
        elapsed=meeting_elapsed(meeting, now),
        length=meeting.duration_min * 60,
        planned_end=meeting_end(meeting),
        expected_end=(meeting.ended_at or moment) + timedelta(seconds=0 if meeting.ended_at else left),
        paused=meeting.paused_at is not None,
        done=sum(1 for i in ordered if i.status == AgendaStatus.done),
        total=len(ordered),
    )


def may_drive(meeting: Meeting, who: str) -> bool:
    """Only the person who started the run drives it from their clone."""
    return meeting.status == MeetingStatus.running and meeting.started_by.lower() == who.lower()


def running_label(meeting: Meeting, members: Mapping[str, Member] | Sequence[Member], tz: tzinfo | None = None) -> str:
    """"running, started by Sofia at 09:31" (the first name when the email is a member's)."""
    people = members.values() if isinstance(members, Mapping) else members
    by = meeting.started_by
    member = next((m for m in people if by and by.lower() in (m.email, m.name.lower())), None)
    name = member.name.split()[0] if member else by or _("someone")
    started = meeting.started_at.astimezone(tz).strftime("%H:%M") if meeting.started_at else "?"
    if meeting.paused_at:
        return _("running, started by {name} at {time}, paused").format(name=name, time=started)
    return _("running, started by {name} at {time}").format(name=name, time=started)


# -- the steps --------------------------------------------------------------------------
def _meeting(meeting: Meeting, **fields: Any) -> Edit:
    return Edit("meetings", meeting.id, fields)


def _item(item: AgendaItem, **fields: Any) -> Edit:
    return Edit("agenda_items", item.id, fields)


def _require_running(meeting: Meeting) -> None:
    if meeting.status != MeetingStatus.running:
        raise RunError(_("{title} is not running: start it first").format(title=repr(meeting.title)))


def start(meeting: Meeting, ordered: Sequence[AgendaItem], now: datetime, who: str) -> list[Edit]:
    """Start the run: the meeting running, by ``who``, and its first open item started."""
    if meeting.status == MeetingStatus.running:
        raise RunError(_("{title} is running already").format(title=repr(meeting.title)))
    if meeting.status == MeetingStatus.done:
        raise RunError(_("{title} has ended; its minutes are kept as they are").format(title=repr(meeting.title)))
    edits = [
        _meeting(
            meeting,
            status=MeetingStatus.running,
            started_at=now,
            started_by=who,
            ended_at=None,
            paused_at=None,
            paused_seconds=0,
        )
    ]
    first = next((i for i in ordered if i.status == AgendaStatus.open), None)
    if first is not None:
        edits.append(_item(first, started_at=now, ended_at=None))
    return edits


def done_and_next(meeting: Meeting, ordered: Sequence[AgendaItem], now: datetime) -> list[Edit]:
    """The current item done; the next open item after it starts (none left: the run waits for the end)."""
    _require_running(meeting)
    moment = meeting.paused_at or now
    item = current_item(ordered)
    edits = []
    after = 0
    if item is not None:
        edits.append(_item(item, status=AgendaStatus.done, ended_at=moment))
        after = list(ordered).index(item) + 1
    following = next((i for i in ordered[after:] if i.status == AgendaStatus.open and i is not item), None)
    if following is not None:
        edits.append(_item(following, started_at=moment, ended_at=None))
    return edits


def back(meeting: Meeting, ordered: Sequence[AgendaItem], now: datetime) -> list[Edit]:
    """Back to the item before the current one: it reopens with its countdown where it stopped."""
    _require_running(meeting)
    moment = meeting.paused_at or now
    item = current_item(ordered)
    index = list(ordered).index(item) if item is not None else len(ordered)
    previous = next((i for i in reversed(ordered[:index]) if i.status == AgendaStatus.done), None)
    if previous is None:
        return []
    spent = (previous.ended_at or moment) - (previous.started_at or moment)
    edits = []
    if item is not None:
        edits.append(_item(item, started_at=None, ended_at=None))
    edits.append(_item(previous, status=AgendaStatus.open, started_at=moment - spent, ended_at=None))
    return edits


def pause(meeting: Meeting, now: datetime) -> list[Edit]:
    _require_running(meeting)
    return [] if meeting.paused_at else [_meeting(meeting, paused_at=now)]


def resume(meeting: Meeting, ordered: Sequence[AgendaItem], now: datetime) -> list[Edit]:
    """Count the pause, and move the current item's start by it so its countdown resumes."""
    _require_running(meeting)
    if meeting.paused_at is None:
        return []
    pause_length = max(timedelta(0), now - meeting.paused_at)
    edits = [_meeting(meeting, paused_at=None, paused_seconds=meeting.paused_seconds + _seconds(pause_length))]
    item = current_item(ordered)
    if item is not None and item.started_at is not None:
        edits.append(_item(item, started_at=item.started_at + pause_length))
    return edits


def toggle_pause(meeting: Meeting, ordered: Sequence[AgendaItem], now: datetime) -> list[Edit]:
    return resume(meeting, ordered, now) if meeting.paused_at else pause(meeting, now)


def end(meeting: Meeting, ordered: Sequence[AgendaItem], now: datetime) -> list[Edit]:
    """End the run: the meeting done and stamped. An item still under discussion stays open
    (with its end stamped) so the carry-over takes it to the next meeting."""
    _require_running(meeting)
    edits = resume(meeting, ordered, now)
    edits = [e for e in edits if e.table == "meetings"]  # the current item ends now anyway
    fields = {**(edits[0].fields if edits else {}), "status": MeetingStatus.done, "ended_at": now}
    result = [_meeting(meeting, **fields)]
    item = current_item(ordered)
    if item is not None:
        result.append(_item(item, ended_at=meeting.paused_at or now))
    return result


# -- what is captured in the meeting ----------------------------------------------------
def one_line(text: str) -> str:
    return " ".join(text.split())


def record_decision(item: AgendaItem, text: str) -> Edit:
    """Append a decision to the item's outcome as a "- " bullet line."""
    decision = one_line(text)
    if not decision:
        raise InvalidInput(_("a decision needs some words"))
    outcome = item.outcome.rstrip("\n")
    return _item(item, outcome=f"{outcome}\n- {decision}" if outcome else f"- {decision}")


def decisions(item: AgendaItem) -> list[str]:
    """The decisions recorded on an item (its outcome's bullet lines)."""
    return [line[2:].strip() for line in item.outcome.splitlines() if line.startswith(("- ", "* "))]


def set_notes(item: AgendaItem, text: str) -> Edit:
    return _item(item, notes=text)


def task_fields(
    parsed: ParsedTask,
    meeting: Meeting,
    item: AgendaItem | None,
    members: Mapping[str, Member],
    todo_positions: Sequence[str],
) -> dict[str, Any]:
    """A task captured in the meeting: linked to it and to the item's objective, in To do
    after its last card, in the owner's department."""
    if not parsed.ok:
        raise InvalidInput(parsed.errors[0])
    owner = members.get(parsed.owner_id) if parsed.owner_id else None
    return {
        **parsed.fields(),
        "status": TaskStatus.todo,
        "meeting_id": meeting.id,
        "objective_id": item.objective_id if item is not None else None,
        "department": owner.department if owner is not None else "",
        "position": after_last(todo_positions),
    }


# -- through the Workspace --------------------------------------------------------------
def apply(workspace: Workspace, edits: Sequence[Edit]) -> list[Any]:
    """Write edits in order, in one save (a step is on disk whole: the item done and the next
    one started); returns the records as saved."""
    saved = []
    with workspace.one_save():
        for edit in edits:
            if edit.record_id is None:
                saved.append(workspace.create(edit.table, **edit.fields))
            else:
                saved.append(workspace.update(edit.table, edit.record_id, **edit.fields))
    return saved


def load(workspace: Workspace, meeting_id: str) -> tuple[Meeting, list[AgendaItem]]:
    """The meeting and its agenda in order."""
    return workspace.get("meetings", meeting_id), agenda_of(workspace.records("agenda_items"), meeting_id)


def _drive(workspace: Workspace, meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.running and not may_drive(meeting, workspace.who):
        raise RunError(_("only {who} drives this meeting: they started it").format(who=meeting.started_by))


def start_meeting(workspace: Workspace, meeting_id: str, now: datetime) -> Meeting:
    meeting, ordered = load(workspace, meeting_id)
    apply(workspace, start(meeting, ordered, now, workspace.who))
    return workspace.get("meetings", meeting_id)


def next_item(workspace: Workspace, meeting_id: str, now: datetime) -> AgendaItem | None:
    """Done, next; returns the new current item (None: the agenda is through)."""
    meeting, ordered = load(workspace, meeting_id)
    _drive(workspace, meeting)
    apply(workspace, done_and_next(meeting, ordered, now))
    return current_item(load(workspace, meeting_id)[1])


def previous_item(workspace: Workspace, meeting_id: str, now: datetime) -> AgendaItem | None:
    meeting, ordered = load(workspace, meeting_id)
    _drive(workspace, meeting)
    apply(workspace, back(meeting, ordered, now))
    return current_item(load(workspace, meeting_id)[1])


def pause_or_resume(workspace: Workspace, meeting_id: str, now: datetime) -> Meeting:
    meeting, ordered = load(workspace, meeting_id)
    _drive(workspace, meeting)
    apply(workspace, toggle_pause(meeting, ordered, now))
    return workspace.get("meetings", meeting_id)


def end_meeting(workspace: Workspace, meeting_id: str, now: datetime) -> Meeting:
    """End the run (carrying the open items is a separate step: ``store.carry.carry_over``)."""
    meeting, ordered = load(workspace, meeting_id)
    _drive(workspace, meeting)
    apply(workspace, end(meeting, ordered, now))
    return workspace.get("meetings", meeting_id)


def add_decision(workspace: Workspace, item_id: str, text: str) -> AgendaItem:
    item = workspace.get("agenda_items", item_id)
    return apply(workspace, [record_decision(item, text)])[0]


def add_notes(workspace: Workspace, item_id: str, text: str) -> AgendaItem:
    return apply(workspace, [set_notes(workspace.get("agenda_items", item_id), text)])[0]


def add_task(workspace: Workspace, meeting_id: str, item_id: str | None, line: str, today: date) -> Any:
    """Capture a task from a quick-add line (``Send sheet @ana fri !high``); raises in words."""
    from store.quickadd import parse_task_line

    members = workspace.records("members", include_deleted=True)
    parsed = parse_task_line(line, [m for m in members if not m.deleted], today)
    meeting = workspace.get("meetings", meeting_id)
    item = workspace.get("agenda_items", item_id) if item_id else None
    todo = [t.position for t in workspace.records("tasks") if t.status == TaskStatus.todo]
    fields = task_fields(parsed, meeting, item, {m.id: m for m in members}, todo)
    return workspace.create("tasks", **fields)
