"""Agenda items proposed from the data (``o`` and ``f`` in the builder).

``o``: for each objective the meeting is about (those linked to it, or, when none is, the
shared objectives of the current period — owners from two or more departments) whose
status is at risk or off track, or that a ``behind_pace`` predicate flags: an item
"Review <objective>: <metric> at <current> of <target>" on its furthest-behind metric.
``f``: one item for each open feedback entry about those objectives, this meeting or its
items. Never what the agenda already holds (same objective, same feedback entry).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from store.enums import AgendaKind, FeedbackStatus, ObjectiveStatus, SubjectTable
from store.i18n import _
from store.vocabulary import choice

if TYPE_CHECKING:
    from store.models import AgendaItem, Feedback, Measurement, Meeting, Member, Metric, Objective

OBJECTIVE_MINUTES = 10
FEEDBACK_MINUTES = 5
TITLE_LIMIT = 300
_PREFIX_UNITS = frozenset("€$£¥")
_TROUBLED = frozenset({ObjectiveStatus.at_risk, ObjectiveStatus.off_track})


@dataclass(frozen=True)
class Proposal:
    """An item the builder offers; ``fields()`` creates it once the person accepts."""

    title: str
    minutes: int
    kind: AgendaKind
    presenter_id: str | None
    objective_id: str | None = None
    feedback_id: str | None = None
    reason: str = ""  # why it is proposed, in words ("at risk", "open concern from Sofia")

    def fields(self, meeting_id: str) -> dict[str, Any]:
        return {
            "meeting_id": meeting_id,
            "title": self.title,
            "minutes": self.minutes,
            "kind": self.kind,
            "presenter_id": self.presenter_id,
            "objective_id": self.objective_id,
            "feedback_id": self.feedback_id,
        }


# -- numbers in words -------------------------------------------------------------------
def format_number(value: float) -> str:
    """2400000 → "2,400,000"; 27.25 → "27.25"; 19.0 → "19"."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_value(value: float, unit: str) -> str:
    """A value with its unit: "€498", "27.5%", "12 leads"."""
    number = format_number(value)
    if unit in _PREFIX_UNITS:
        return f"-{unit}{number[1:]}" if number.startswith("-") else f"{unit}{number}"
    if not unit or unit == "%":
        return f"{number}{unit}"
    return f"{number} {unit}"


# -- periods and the objectives a meeting is about --------------------------------------
def in_period(period: str, day: date) -> bool:
    """Whether ``day`` falls in a period ("2026", "2026-Q4", "2026-H1", "2026-11"; blank: any)."""
    if not period:
        return True
    year, _dash, part = period.partition("-")
    if int(year) != day.year:
        return False
    if not part:
        return True
    if part.startswith("Q"):
        return (day.month - 1) // 3 + 1 == int(part[1:])
    if part.startswith("H"):
        return (day.month - 1) // 6 + 1 == int(part[1:])
    return day.month == int(part)


def is_shared(objective: Objective, members: Mapping[str, Member]) -> bool:
    """Owned across departments: its owners' departments (and its own list) name two or more."""
    departments = set(objective.departments)
    for owner_id in objective.owner_ids:
        member = members.get(owner_id)
        if member is not None and member.department:
            departments.add(member.department)
    return len(departments) >= 2


def meeting_objectives(
    meeting: Meeting, objectives: Iterable[Objective], members: Mapping[str, Member], today: date
) -> list[Objective]:
    """The objectives linked to the meeting; when none is, the shared ones of the current period."""
    live = [o for o in objectives if not o.deleted]
    if meeting.objective_ids:
        found = [o for o in live if o.id in meeting.objective_ids]
    else:
        found = [
            o
            for o in live
            if o.status != ObjectiveStatus.done and in_period(o.period, today) and is_shared(o, members)
        ]
    return sorted(found, key=lambda o: (o.created_at, o.id))


def first_owner(objective: Objective, members: Mapping[str, Member]) -> str | None:
    """The owner listed first by name (owners are a set: the name gives a stable order)."""
    owners = [members[i] for i in objective.owner_ids if i in members and not members[i].deleted]
    return min(owners, key=lambda m: (m.name, m.id)).id if owners else None


# -- metrics ----------------------------------------------------------------------------
def latest(measurements: Iterable[Measurement], metric_id: str, until: date | None = None) -> Measurement | None:
    """A metric's latest live measurement (at or before ``until`` when given)."""
    found = [
        m
        for m in measurements
        if m.metric_id == metric_id and not m.deleted and (until is None or m.date <= until)
    ]
    return max(found, key=lambda m: (m.date, m.created_at, m.id)) if found else None


def progress(metric: Metric, value: float | None) -> float:
    """Share of the way from baseline to target (0 with no data); works for either direction."""
    if value is None or metric.target == metric.baseline:
        return 0.0 if value is None else 1.0
    return (value - metric.baseline) / (metric.target - metric.baseline)


def furthest_behind(
    metrics: Sequence[Metric], measurements: Sequence[Measurement]
) -> tuple[Metric, Measurement | None] | None:
    """The metric with the least progress toward its target, and its latest measurement."""
    best: tuple[float, int, Metric, Measurement | None] | None = None
    for order, metric in enumerate(metrics):
        last = latest(measurements, metric.id)
        score = progress(metric, last.value if last else None)
        if best is None or (score, order) < best[:2]:
            best = (score, order, metric, last)
    return None if best is None else (best[2], best[3])


def review_title(objective: Objective, metric: Metric | None, last: Measurement | None) -> str:
    """"Review <objective>: <metric> at <current> of <target>" (or "no data")."""
    if metric is None:
        title = _("Review {objective}").format(objective=objective.title)
    else:
        current = format_value(last.value, metric.unit) if last else _("no data")
        title = _("Review {objective}: {metric} at {current} of {target}").format(
            objective=objective.title, metric=metric.name, current=current,
            target=format_value(metric.target, metric.unit),
        )
    return title if len(title) <= TITLE_LIMIT else title[: TITLE_LIMIT - 1] + "…"


# -- the proposals ----------------------------------------------------------------------
def propose_from_objectives(
    meeting: Meeting,
    agenda: Sequence[AgendaItem],
    objectives: Iterable[Objective],
    metrics: Iterable[Metric],
    measurements: Iterable[Measurement],
    members: Mapping[str, Member],
    today: date,
    behind_pace: Callable[[Objective], bool] | None = None,
) -> list[Proposal]:
    """One review item per troubled objective the meeting is about and the agenda lacks.

    ``members`` by id; ``behind_pace`` (optional) flags objectives merely behind pace."""
    covered = {item.objective_id for item in agenda if item.objective_id and not item.deleted}
    metrics = [m for m in metrics if not m.deleted]
    measurements = list(measurements)
    proposals = []
    for objective in meeting_objectives(meeting, objectives, members, today):
        if objective.id in covered:
            continue
        troubled = objective.status in _TROUBLED
        if not troubled and not (behind_pace is not None and objective.status != "done" and behind_pace(objective)):
            continue
        own = sorted((m for m in metrics if m.objective_id == objective.id), key=lambda m: (m.created_at, m.id))
        behind = furthest_behind(own, measurements)
        metric, last = behind if behind else (None, None)
        reason = (_("at risk") if objective.status == ObjectiveStatus.at_risk else _("off track")) if troubled else (
            _("behind pace")
        )
        proposals.append(
            Proposal(
                review_title(objective, metric, last),
                OBJECTIVE_MINUTES,
                AgendaKind.discussion,
                first_owner(objective, members),
                objective_id=objective.id,
                reason=reason,
            )
        )
    return proposals


def propose_from_feedback(
    meeting: Meeting,
    agenda: Sequence[AgendaItem],
    feedback: Iterable[Feedback],
    objectives: Iterable[Objective],
    members: Mapping[str, Member],
    today: date,
) -> list[Proposal]:
    """One item per open feedback entry about the meeting's objectives, the meeting or its items."""
    about = {o.id for o in meeting_objectives(meeting, objectives, members, today)}
    item_ids = {item.id for item in agenda}
    covered = {item.feedback_id for item in agenda if item.feedback_id and not item.deleted}
    proposals = []
    for entry in sorted(feedback, key=lambda f: (f.created_at, f.id)):
        if entry.deleted or entry.status != FeedbackStatus.open or entry.id in covered:
            continue
        table, subject = entry.subject_table, entry.subject_id
        if table == SubjectTable.objectives and subject in about:
            objective_id = subject
        elif (table == SubjectTable.meetings and subject == meeting.id) or (
            table == SubjectTable.agenda_items and subject in item_ids
        ):
            objective_id = None
        else:
            continue
        author = members.get(entry.author_id) if entry.author_id else None
        kind = choice(entry.kind.value).lower()
        reason = _("open {kind} from {name}").format(kind=kind, name=author.name) if author else (
            _("open {kind}").format(kind=kind)
        )
        proposals.append(
            Proposal(
                entry.body.strip().splitlines()[0][:TITLE_LIMIT],
                FEEDBACK_MINUTES,
                AgendaKind.discussion,
                entry.author_id if author is not None and not author.deleted else None,
                objective_id=objective_id,
                feedback_id=entry.id,
                reason=reason,
            )
        )
    return proposals
