"""The agenda's rules, pure: order and reordering, the running clock, airtime, meeting
lists and labels, and what the next meeting of a series looks like.

Nothing here reads the clock or writes the workspace: callers pass ``now`` and records and
apply the field changes returned (the UI through its write queue, the CLI directly).
Times are stored in UTC; labels are shown in ``tz`` (None: the person's local time).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from store.dates import local_format
from store.enums import AgendaStatus, MeetingStatus
from store.i18n import N_, _
from store.positions import key_between, place

if TYPE_CHECKING:
    from store.models import AgendaItem, Meeting, Member

#: the airtime bucket of items nobody presents
UNASSIGNED = N_("Unassigned")
#: the airtime bucket of presenters whose member record names no department
NO_DEPARTMENT = N_("No department")
WEEK = timedelta(weeks=1)
# Records the rules create on every clone alike get ids derived from what they come from,
# so two clones doing the same thing offline merge into one record, not two.
_NAMESPACE = uuid.UUID("a7c4e0f2-3b1d-4e55-9a60-5d2f8c1b7e94")


def derived_id(*parts: str) -> str:
    """A stable record id for ``parts`` (the same on every clone)."""
    return uuid.uuid5(_NAMESPACE, "/".join(parts)).hex


# -- order ------------------------------------------------------------------------------
def agenda_of(items: Iterable[AgendaItem], meeting_id: str) -> list[AgendaItem]:
    """The live items of a meeting, in agenda order."""
    found = [item for item in items if item.meeting_id == meeting_id and not item.deleted]
    found.sort(key=lambda item: (item.position, item.created_at, item.id))
    return found


def _rows(items: Sequence[AgendaItem], skip: str | None = None) -> list[tuple[str, str]]:
    return [(item.id, item.position) for item in items if item.id != skip]


def insert_position(ordered: Sequence[AgendaItem], index: int | None = None) -> tuple[str, dict[str, str]]:
    """The position of a new item at ``index`` (None: at the end) of an ordered agenda.

    Returns (position, {item id: new position} of siblings that must move too — empty
    unless positions were tied)."""
    return place(_rows(ordered), len(ordered) if index is None else index)


def append_position(ordered: Sequence[AgendaItem]) -> str:
    """The position of a new item after the last one."""
    return insert_position(ordered)[0]


def move_to(ordered: Sequence[AgendaItem], item_id: str, index: int) -> dict[str, str]:
    """Positions to write so that ``item_id`` ends at ``index``: {item id: position}.

    One entry (the moved item) unless positions were tied; empty when it does not move."""
    current = next((i for i, item in enumerate(ordered) if item.id == item_id), None)
    if current is None:
        raise KeyError(item_id)
    index = max(0, min(index, len(ordered) - 1))
    if index == current:
        return {}
    key, moves = place(_rows(ordered, skip=item_id), index)
    return {item_id: key, **moves}


def move_up(ordered: Sequence[AgendaItem], item_id: str) -> dict[str, str]:
    return move_to(ordered, item_id, _index(ordered, item_id) - 1)


def move_down(ordered: Sequence[AgendaItem], item_id: str) -> dict[str, str]:
    return move_to(ordered, item_id, _index(ordered, item_id) + 1)


def move_to_top(ordered: Sequence[AgendaItem], item_id: str) -> dict[str, str]:
    return move_to(ordered, item_id, 0)


def move_to_bottom(ordered: Sequence[AgendaItem], item_id: str) -> dict[str, str]:
    return move_to(ordered, item_id, len(ordered) - 1)


def _index(ordered: Sequence[AgendaItem], item_id: str) -> int:
    for index, item in enumerate(ordered):
        if item.id == item_id:
            return index
    raise KeyError(item_id)


# -- the running clock and totals -------------------------------------------------------
def _local(moment: datetime, tz: tzinfo | None) -> datetime:
    return moment.astimezone(tz)


def item_starts(meeting: Meeting, ordered: Sequence[AgendaItem]) -> list[tuple[AgendaItem, datetime]]:
    """Each item with the time it starts: the meeting's start plus the time boxes before it."""
    start = meeting.starts_at
    timed = []
    for item in ordered:
        timed.append((item, start))
        start += timedelta(minutes=item.minutes)
    return timed


def clock_line(meeting: Meeting, ordered: Sequence[AgendaItem], tz: tzinfo | None = None) -> str:
    """"09:30 Review Q4 pipeline · 09:45 Webinar budget …" (titles as typed: escape to show)."""
    return " · ".join(f"{_local(at, tz):%H:%M} {item.title}" for item, at in item_starts(meeting, ordered))


def planned_minutes(ordered: Iterable[AgendaItem]) -> int:
    return sum(item.minutes for item in ordered)


@dataclass(frozen=True)
class Fill:
    """Planned minutes of the agenda against the meeting's length."""

    planned: int
    length: int

    @property
    def over(self) -> bool:
        return self.planned > self.length

    @property
    def free(self) -> int:
        """Minutes left (negative when over)."""
        return self.length - self.planned

    @property
    def label(self) -> str:
        return _("{planned} / {length} min").format(planned=self.planned, length=self.length)


def fill(meeting: Meeting, ordered: Iterable[AgendaItem]) -> Fill:
    return Fill(planned_minutes(ordered), meeting.duration_min)


def airtime(ordered: Iterable[AgendaItem], members: Mapping[str, Member]) -> list[tuple[str, int]]:
    """Minutes presented per department of the presenter, most first; nobody's items last.

    ``members`` by id, removed ones included (an old item still counts for its department).
    """
    minutes: Counter[str] = Counter()
    for item in ordered:
        member = members.get(item.presenter_id) if item.presenter_id else None
        if member is None:
            bucket = UNASSIGNED
        else:
            bucket = member.department or NO_DEPARTMENT
        minutes[bucket] += item.minutes
    named = sorted(((d, m) for d, m in minutes.items() if d != UNASSIGNED), key=lambda pair: (-pair[1], pair[0]))
    return named + ([(UNASSIGNED, minutes[UNASSIGNED])] if UNASSIGNED in minutes else [])


def airtime_label(shares: Sequence[tuple[str, int]]) -> str:
    """"Sales 25 min · Marketing 20 min"."""
    return " · ".join(
        _("{department} {minutes} min").format(department=department_word(department), minutes=minutes)
        for department, minutes in shares
    )


def department_word(department: str) -> str:
    """A department as shown: the buckets ``UNASSIGNED`` and ``NO_DEPARTMENT`` (the keys
    ``airtime`` and ``attendees_by_department`` use) in the reader's language; names as typed."""
    return _(department) if department in (UNASSIGNED, NO_DEPARTMENT) else department


# -- meetings: lists and labels ---------------------------------------------------------
def meeting_end(meeting: Meeting) -> datetime:
    """The planned end: start plus length."""
    return meeting.starts_at + timedelta(minutes=meeting.duration_min)


def is_upcoming(meeting: Meeting, now: datetime) -> bool:
    """Running, or planned and not over yet."""
    if meeting.status == MeetingStatus.running:
        return True
    return meeting.status == MeetingStatus.planned and meeting_end(meeting) > now


@dataclass(frozen=True)
class MeetingGroups:
    upcoming: list[Meeting]  # soonest first
    past: list[Meeting]  # latest first


def group_meetings(meetings: Iterable[Meeting], now: datetime) -> MeetingGroups:
    """Live meetings, upcoming (soonest first) then past (latest first)."""
    upcoming: list[Meeting] = []
    past: list[Meeting] = []
    for meeting in meetings:
        if not meeting.deleted:
            (upcoming if is_upcoming(meeting, now) else past).append(meeting)
    upcoming.sort(key=lambda m: (m.starts_at, m.id))
    past.sort(key=lambda m: (m.starts_at, m.id), reverse=True)
    return MeetingGroups(upcoming, past)


def when_label(moment: datetime, tz: tzinfo | None = None, now: datetime | None = None) -> str:
    """"Tue 01 Dec 09:30"; the year is added when it is not ``now``'s year."""
    local = _local(moment, tz)
    other_year = now is not None and _local(now, tz).year != local.year
    return local_format(local, "%a %d %b %Y %H:%M" if other_year else "%a %d %b %H:%M")


def meeting_label(meeting: Meeting, tz: tzinfo | None = None, now: datetime | None = None) -> str:
    """The title and when: tells apart meetings of one series that share a title."""
    return f"{meeting.title} · {when_label(meeting.starts_at, tz, now)}"


def attendees_by_department(meeting: Meeting, members: Mapping[str, Member]) -> list[tuple[str, int]]:
    """Attendees counted per department, most first ("2 Sales · 2 Marketing")."""
    counts: Counter[str] = Counter()
    for member_id in meeting.attendee_ids:
        member = members.get(member_id)
        counts[(member.department or NO_DEPARTMENT) if member else NO_DEPARTMENT] += 1
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


# -- series -----------------------------------------------------------------------------
def series_meetings(meetings: Iterable[Meeting], series: str) -> list[Meeting]:
    """The live meetings of a series, earliest first."""
    found = [m for m in meetings if series and m.series == series and not m.deleted]
    found.sort(key=lambda m: (m.starts_at, m.id))
    return found


def default_series(meetings: Iterable[Meeting], now: datetime) -> str | None:
    """The series of the soonest upcoming meeting, else the most used one (None: no series)."""
    live = [m for m in meetings if not m.deleted and m.series]
    upcoming = group_meetings(live, now).upcoming
    if upcoming:
        return upcoming[0].series
    if not live:
        return None
    used = Counter(m.series for m in live)
    latest = {m.series: m.starts_at for m in sorted(live, key=lambda m: m.starts_at)}
    return max(used, key=lambda series: (used[series], latest[series], series))


def next_meeting(meetings: Iterable[Meeting], now: datetime) -> Meeting | None:
    """The next upcoming meeting of the default series (or the soonest, when none has a series)."""
    meetings = list(meetings)
    series = default_series(meetings, now)
    upcoming = group_meetings(meetings, now).upcoming
    return next((m for m in upcoming if series is None or m.series == series), None)


def previous_in_series(meetings: Iterable[Meeting], meeting: Meeting) -> Meeting | None:
    """The latest meeting of the same series that starts before ``meeting``."""
    before = [m for m in series_meetings(meetings, meeting.series) if m.starts_at < meeting.starts_at]
    return before[-1] if before else None


def following_in_series(meetings: Iterable[Meeting], meeting: Meeting) -> Meeting | None:
    """The earliest meeting of the same series that starts after ``meeting``."""
    after = [m for m in series_meetings(meetings, meeting.series) if m.starts_at > meeting.starts_at]
    return after[0] if after else None


def series_interval(series: Sequence[Meeting]) -> timedelta:
    """The gap between the last two meetings of a series; a week when there is no such gap."""
    if len(series) >= 2:
        gap = series[-1].starts_at - series[-2].starts_at
        if gap >= timedelta(days=1):
            return gap
    return WEEK


def next_slot(series: Sequence[Meeting], now: datetime | None = None) -> datetime:
    """When the next meeting of a series starts: its interval after the last one, and after
    ``now`` when given (a series that paused for a month resumes on its weekday and time)."""
    if not series:
        raise ValueError(_("a series without meetings has no next slot"))
    interval = series_interval(series)
    start = series[-1].starts_at + interval
    while now is not None and start <= now:
        start += interval
    return start


def standing_items(series: Sequence[Meeting], items: Iterable[AgendaItem]) -> list[AgendaItem]:
    """The series' standing items: those of its latest meeting that has any, in order."""
    items = list(items)
    for meeting in reversed(series):
        found = [item for item in agenda_of(items, meeting.id) if item.standing]
        if found:
            return found
    return []


def copied_item_fields(item: AgendaItem) -> dict[str, Any]:
    """What a copy of an item keeps: the plan, not what happened to it."""
    return {
        "title": item.title,
        "kind": item.kind,
        "presenter_id": item.presenter_id,
        "minutes": item.minutes,
        "objective_id": item.objective_id,
        "notes": item.notes,
        "feedback_id": item.feedback_id,
    }


@dataclass(frozen=True)
class MeetingPlan:
    """A meeting to create and its first items: the fields to pass to ``Workspace.create``.

    ``meeting_id`` and each item's ``id`` are derived from what they copy, so two clones
    that plan the same next meeting offline create one meeting when they merge."""

    meeting_id: str
    meeting: dict[str, Any]
    items: list[tuple[str, dict[str, Any]]]


def next_meeting_id(previous_id: str) -> str:
    return derived_id("next-meeting", previous_id)


def redate_title(title: str, old: datetime, new: datetime, tz: tzinfo | None = None) -> str:
    """A title that names its meeting's date ("Sync 06 Oct", "Sync 2026-10-06") names the new one."""
    before, after = _local(old, tz), _local(new, tz)
    for shape in ("%Y-%m-%d", "%a %d %b %Y", "%d %b %Y", "%a %d %b", "%d %b"):  # longest first
        if before.strftime(shape) in title:
            return title.replace(before.strftime(shape), after.strftime(shape))
    return title


def plan_next_meeting(
    meetings: Iterable[Meeting],
    items: Iterable[AgendaItem],
    series: str,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> MeetingPlan:
    """The next meeting of ``series``: the next slot, same title, length, place, attendees
    and objectives as its last meeting, and the series' standing items copied in order.

    Pass ``meetings`` with the deleted ones, so a derived id is never reused."""
    meetings = list(meetings)
    found = series_meetings(meetings, series)
    if not found:
        raise ValueError(_("no meeting belongs to the series {series}").format(series=repr(series)))
    last = found[-1]
    taken = {m.id for m in meetings}  # deleted ones too: a removed next meeting stays removed
    meeting_id = next_meeting_id(last.id)
    attempt = 0
    while meeting_id in taken:
        attempt += 1
        meeting_id = derived_id("next-meeting", last.id, str(attempt))
    starts_at = next_slot(found, now)
    fields: dict[str, Any] = {
        "title": redate_title(last.title, last.starts_at, starts_at, tz),
        "starts_at": starts_at,
        "duration_min": last.duration_min,
        "location": last.location,
        "series": last.series,
        "attendee_ids": sorted(last.attendee_ids),
        "objective_ids": sorted(last.objective_ids),
    }
    planned = []
    position: str | None = None
    for item in standing_items(found, items):
        position = key_between(position, None)
        copy = {**copied_item_fields(item), "meeting_id": meeting_id, "standing": True, "position": position}
        planned.append((derived_id("standing", item.id, meeting_id), copy))
    return MeetingPlan(meeting_id, fields, planned)


def is_open(item: AgendaItem) -> bool:
    return item.status == AgendaStatus.open and not item.deleted
