"""What the Objectives pane lists and links, computed once per change of the workspace.

The list needs only cheap facts (title, status, kind, period, owners); progress and pace
come from ``store.progress``. The detail needs what links to each objective: its tasks, the
open feedback about it and the agenda items that discussed it. ``objective_links`` finds
them all in one pass per table, so moving from objective to objective reads a dict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from store.enums import FeedbackStatus, TaskStatus
from store.progress import Records, period_bounds

if TYPE_CHECKING:
    from store.models import AgendaItem, Feedback, Meeting, Member, Objective, Task

NO_PERIOD = ""


def period_order(periods: Iterable[str], today: date) -> list[str]:
    """Distinct periods, the current one first (the shortest holding today), then the coming
    ones soonest first, then the past ones latest first; no period last."""
    current: list[tuple[int, str]] = []
    coming: list[tuple[date, str]] = []
    past: list[tuple[date, str]] = []
    unknown: list[str] = []
    for period in sorted(set(periods)):
        bounds = period_bounds(period) if period else None
        if bounds is None:
            unknown.append(period)
        elif bounds[0] <= today < bounds[1]:
            current.append(((bounds[1] - bounds[0]).days, period))
        elif bounds[0] > today:
            coming.append((bounds[0], period))
        else:
            past.append((bounds[1], period))
    ordered = [p for _, p in sorted(current)] + [p for _, p in sorted(coming)]
    ordered += [p for _, p in sorted(past, reverse=True)]
    return ordered + sorted(unknown, key=lambda p: (p == NO_PERIOD, p))


def is_current(period: str, today: date) -> bool:
    bounds = period_bounds(period) if period else None
    return bounds is not None and bounds[0] <= today < bounds[1]


def matches(objective: Objective, members: Mapping[str, Member], words: Sequence[str]) -> bool:
    """The filter: every word in the title, an owner's name or a department (any case)."""
    if not words:
        return True
    owners = [members[i] for i in objective.owner_ids if i in members]
    haystack = "\n".join(
        [objective.title, *objective.departments, *(m.name for m in owners), *(m.department for m in owners)]
    ).casefold()
    return all(word.casefold() in haystack for word in words)


@dataclass(frozen=True)
class Discussed:
    """An agenda item that discussed an objective, with its meeting."""

    item: AgendaItem
    meeting: Meeting


@dataclass
class Links:
    """What links to one objective."""

    tasks: list[Task] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    discussed: list[Discussed] = field(default_factory=list)

    def task_counts(self) -> list[tuple[TaskStatus, int]]:
        """(status, count) in board order, statuses with no task left out."""
        counts = {status: 0 for status in TaskStatus}
        for task in self.tasks:
            counts[task.status] += 1
        return [(status, count) for status, count in counts.items() if count]

    def overdue(self, today: date) -> list[Task]:
        late = [t for t in self.tasks if t.due is not None and t.due < today and t.status is not TaskStatus.done]
        return sorted(late, key=lambda t: (t.due or today, t.title.casefold()))


def objective_links(source: Records) -> dict[str, Links]:
    """Tasks, open feedback (not resolved) and agenda items of every objective, by its id.
    Agenda items are newest meeting first; feedback newest first."""
    links: dict[str, Links] = {}

    def of(objective_id: str) -> Links:
        found = links.get(objective_id)
        if found is None:
            found = links[objective_id] = Links()
        return found

    for task in source.records("tasks"):
        if task.objective_id:
            of(task.objective_id).tasks.append(task)
    for entry in source.records("feedback"):
        if entry.subject_table == "objectives" and entry.subject_id and entry.status is not FeedbackStatus.resolved:
            of(entry.subject_id).feedback.insert(0, entry)
    meetings = {m.id: m for m in source.records("meetings")}
    for item in source.records("agenda_items"):
        meeting = meetings.get(item.meeting_id)
        if item.objective_id and meeting is not None:  # an item of a removed meeting went with it
            of(item.objective_id).discussed.append(Discussed(item, meeting))
    for found in links.values():
        found.discussed.sort(key=lambda d: d.meeting.starts_at, reverse=True)
    return links
