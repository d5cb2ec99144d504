"""Carrying open agenda items to the next meeting of a series, and pulling them from the previous one.

At close (``plan_carry``) the open items of the ended meeting go to the next meeting of its
series, created from the series when it does not exist yet. In the builder (``plan_pull``)
a meeting pulls the open items of the previous meeting that were not carried yet.

Idempotent, also across clones: the copy of item I in meeting M has the id
``carried_id(I, M)``, and the next meeting made from meeting P has ``next_meeting_id(P)``,
so two clones that close the same meeting offline create the very same records and the
merge keeps one of each. A copy already there (by id, or any live item whose
``carried_from`` names the old item) is never made twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from store.agenda import (
    MeetingPlan,
    agenda_of,
    copied_item_fields,
    derived_id,
    following_in_series,
    is_open,
    plan_next_meeting,
    previous_in_series,
)
from store.errors import InvalidInput
from store.i18n import _
from store.models import AgendaItem, AgendaStatus, Meeting
from store.positions import after_last, key_between

if TYPE_CHECKING:
    from store.workspace import Workspace


def carried_id(item_id: str, meeting_id: str) -> str:
    """The id of the copy of item ``item_id`` carried into meeting ``meeting_id``."""
    return derived_id("carried", item_id, meeting_id)


@dataclass(frozen=True)
class CarryPlan:
    """What to write: a meeting to create (or None), copies to create, items to mark carried."""

    target_id: str
    new_meeting: MeetingPlan | None = None
    copies: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    mark_carried: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.copies and not self.mark_carried


def _plan_copies(
    sources: Sequence[AgendaItem], target_id: str, target_positions: list[str], items: Sequence[AgendaItem]
) -> tuple[list[tuple[str, dict[str, Any]]], list[str]]:
    known_ids = {item.id for item in items}
    continued = {item.carried_from for item in items if item.carried_from and not item.deleted}
    copies: list[tuple[str, dict[str, Any]]] = []
    marks: list[str] = []
    position = after_last(target_positions) if target_positions else None
    for source in sources:
        if source.status == AgendaStatus.open:
            marks.append(source.id)
        copy_id = carried_id(source.id, target_id)
        if copy_id in known_ids or source.id in continued:
            continue  # carried before (maybe on another clone, maybe then deleted there)
        position = key_between(position, None)
        fields = {**copied_item_fields(source), "meeting_id": target_id, "carried_from": source.id}
        copies.append((copy_id, {**fields, "position": position}))
    return copies, marks


def plan_carry(
    meeting: Meeting,
    meetings: Iterable[Meeting],
    items: Iterable[AgendaItem],
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> CarryPlan:
    """Carry the open items of ``meeting`` (standing ones excepted: the next meeting has its
    own) to the next meeting of its series, planning that meeting when it does not exist."""
    if not meeting.series:
        raise InvalidInput(
            _("{title} belongs to no series, so it has no next meeting to carry items to").format(
                title=repr(meeting.title)
            )
        )
    meetings, items = list(meetings), list(items)
    sources = [item for item in agenda_of(items, meeting.id) if is_open(item) and not item.standing]
    target = following_in_series(meetings, meeting)
    new_meeting = None
    if target is None:
        if not sources:
            return CarryPlan(target_id="")
        new_meeting = plan_next_meeting(meetings, items, meeting.series, now, tz)
        target_id = new_meeting.meeting_id
        positions = [fields["position"] for _id, fields in new_meeting.items]
    else:
        target_id = target.id
        positions = [item.position for item in agenda_of(items, target.id)]
    copies, marks = _plan_copies(sources, target_id, positions, items)
    return CarryPlan(target_id, new_meeting, copies, marks)


def plan_pull(meeting: Meeting, meetings: Iterable[Meeting], items: Iterable[AgendaItem]) -> CarryPlan:
    """Pull into ``meeting`` the open items of the previous meeting of its series not carried yet."""
    meetings, items = list(meetings), list(items)
    previous = previous_in_series(meetings, meeting) if meeting.series else None
    if previous is None:
        return CarryPlan(target_id=meeting.id)
    sources = [item for item in agenda_of(items, previous.id) if is_open(item) and not item.standing]
    positions = [item.position for item in agenda_of(items, meeting.id)]
    copies, marks = _plan_copies(sources, meeting.id, positions, items)
    return CarryPlan(meeting.id, None, copies, marks)


# -- applying a plan to the workspace ---------------------------------------------------
@dataclass(frozen=True)
class CarryResult:
    target: Meeting | None
    created_meeting: bool
    carried: int  # items copied now
    marked: int  # old items marked carried now


def apply_plan(workspace: Workspace, plan: CarryPlan) -> CarryResult:
    """Write a carry or pull plan: the meeting first, then its standing items, the copies, and
    last the old items' status (so an interruption leaves a copy, never a lost item)."""
    created = False
    if plan.new_meeting is not None:
        meeting_id = plan.new_meeting.meeting_id
        if workspace.lookup("meetings", meeting_id) is None:
            workspace.create("meetings", new_id=meeting_id, **plan.new_meeting.meeting)
            created = True
        for item_id, fields in plan.new_meeting.items:
            if workspace.lookup("agenda_items", item_id) is None:
                workspace.create("agenda_items", new_id=item_id, **fields)
    for item_id, fields in plan.copies:
        if workspace.lookup("agenda_items", item_id) is None:
            workspace.create("agenda_items", new_id=item_id, **fields)
    marked = 0
    for item_id in plan.mark_carried:
        item = workspace.get("agenda_items", item_id)
        if item.status == AgendaStatus.open:
            workspace.update("agenda_items", item_id, status=AgendaStatus.carried)
            marked += 1
    target = workspace.lookup("meetings", plan.target_id) if plan.target_id else None
    return CarryResult(target, created, len(plan.copies), marked)


def carry_over(workspace: Workspace, meeting_id: str, now: datetime, tz: tzinfo | None = None) -> CarryResult:
    """Carry the open items of a meeting to the next meeting of its series (see ``plan_carry``)."""
    meeting = workspace.get("meetings", meeting_id)
    meetings = workspace.records("meetings", include_deleted=True)
    plan = plan_carry(meeting, meetings, workspace.records("agenda_items", include_deleted=True), now, tz)
    return apply_plan(workspace, plan)


def pull_open_items(workspace: Workspace, meeting_id: str) -> CarryResult:
    """Pull the previous meeting's open items into this one (see ``plan_pull``)."""
    meeting = workspace.get("meetings", meeting_id)
    meetings = workspace.records("meetings", include_deleted=True)
    plan = plan_pull(meeting, meetings, workspace.records("agenda_items", include_deleted=True))
    return apply_plan(workspace, plan)


def create_next_meeting(workspace: Workspace, series: str, now: datetime, tz: tzinfo | None = None) -> Meeting:
    """Create the next meeting of ``series`` with its standing items (``N`` in the builder)."""
    meetings = workspace.records("meetings", include_deleted=True)
    plan = plan_next_meeting(meetings, workspace.records("agenda_items"), series, now, tz)
    apply_plan(workspace, CarryPlan(plan.meeting_id, plan))
    return workspace.get("meetings", plan.meeting_id)
