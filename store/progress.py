"""Progress and pace of objectives, derived from their metrics' measurements (never stored).

Pure functions: records and ``today`` come in, numbers and words go out, so the
Objectives pane, the agenda builder, the brief and the status report all apply the same
rules (issue 13):

- a metric's *current* value is its latest measurement by date; with none it has no
  progress (``None``, shown "no data", never 0 %);
- progress = (current − baseline) / (target − baseline), clamped to [0, 1]. For a
  decreasing metric (a cost going down) both differences change sign, so the same ratio
  holds; the direction only decides the case target == baseline (1.0 when met, else 0.0);
- an objective's progress is the mean over its metrics that have data;
- pace compares the share of the objective's time passed with its progress: behind by
  more than ``BEHIND_BY`` is "behind pace", and proposes the status "at risk".
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from store.enums import Direction, ObjectiveStatus
from store.i18n import N_, _

if TYPE_CHECKING:
    from store.models import Measurement, Member, Metric, Objective

#: behind by more than this share (15 points) is "behind pace"
BEHIND_BY = 0.15
NO_DATA = N_("no data")

_PERIOD = re.compile(r"^(\d{4})(?:-(Q[1-4]|H[12]|\d{2}))?$")


class Records(Protocol):
    """What the derived views read: a Workspace, or anything holding records the same way."""

    def records(self, table: str, *, include_deleted: bool = False) -> list[Any]: ...


# -- one metric ----------------------------------------------------------------------------
def ratio(baseline: float, target: float, current: float | None, direction: Direction | str) -> float | None:
    """Progress of one value from ``baseline`` toward ``target``, within [0, 1]; None for no data."""
    if current is None or not all(math.isfinite(v) for v in (baseline, target, current)):
        return None
    if target == baseline:
        met = current <= target if Direction(direction) is Direction.decrease else current >= target
        return 1.0 if met else 0.0
    share = (current - baseline) / (target - baseline)
    if not math.isfinite(share):  # a gap so small the division overflows
        return 1.0 if share > 0 else 0.0
    return min(1.0, max(0.0, share))


@dataclass(frozen=True)
class MetricView:
    """A metric with what its measurements say: current value, progress, the last change."""

    metric: Metric
    #: (date, value) per measured day, oldest first; the latest entry of a day wins
    points: tuple[tuple[date, float], ...]

    @property
    def current(self) -> float | None:
        return self.points[-1][1] if self.points else None

    @property
    def last_date(self) -> date | None:
        return self.points[-1][0] if self.points else None

    @property
    def previous(self) -> float | None:
        return self.points[-2][1] if len(self.points) > 1 else None

    @property
    def change(self) -> float | None:
        """The last measurement minus the one before it (None with fewer than two)."""
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def progress(self) -> float | None:
        m = self.metric
        return ratio(m.baseline, m.target, self.current, m.direction)

    @property
    def series(self) -> list[float]:
        """The values by date, for a sparkline."""
        return [value for _day, value in self.points]

    def value_on(self, day: date) -> float | None:
        """The current value as it stood at the end of ``day`` (None before the first)."""
        found = None
        for when, value in self.points:
            if when > day:
                break
            found = value
        return found

    def progress_on(self, day: date) -> float | None:
        m = self.metric
        return ratio(m.baseline, m.target, self.value_on(day), m.direction)


def toward_target(metric: Metric, change: float | None) -> bool | None:
    """Whether a change moves the metric toward its target (None: no change to judge)."""
    if change is None or change == 0 or not math.isfinite(change):
        return None
    if metric.target != metric.baseline:
        return (change > 0) == (metric.target > metric.baseline)
    return (change < 0) if metric.direction is Direction.decrease else (change > 0)


def metric_points(measurements: Iterable[Measurement]) -> tuple[tuple[date, float], ...]:
    """(date, value) per day, oldest first; of two entries on one day the later edit wins."""
    by_day: dict[date, Measurement] = {}
    for entry in measurements:
        seen = by_day.get(entry.date)
        if seen is None or (entry.updated_at, entry.id) > (seen.updated_at, seen.id):
            by_day[entry.date] = entry
    return tuple((day, by_day[day].value) for day in sorted(by_day))


def metric_view(metric: Metric, measurements: Iterable[Measurement], *, until: date | None = None) -> MetricView:
    """A metric's view from its measurements (only those dated ``until`` or earlier, if given)."""
    kept = (m for m in measurements if m.metric_id == metric.id and (until is None or m.date <= until))
    return MetricView(metric, metric_points(kept))


def mean_progress(values: Iterable[float | None]) -> float | None:
    """An objective's progress: the mean of its metrics' progress that have data; None if none."""
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


# -- time ------------------------------------------------------------------------------------
def period_bounds(period: str) -> tuple[date, date] | None:
    """The first day of a period and the first day after it: ``2026-Q4`` → (Oct 1, Jan 1)."""
    match = _PERIOD.match(period.strip()) if period else None
    if not match:
        return None
    year, part = int(match.group(1)), match.group(2)
    if part is None:
        return date(year, 1, 1), date(year + 1, 1, 1)
    if part.startswith("Q"):
        first_month, months = (int(part[1]) - 1) * 3 + 1, 3
    elif part.startswith("H"):
        first_month, months = (int(part[1]) - 1) * 6 + 1, 6
    else:
        first_month, months = int(part), 1
        if not 1 <= first_month <= 12:
            return None
    start = date(year, first_month, 1)
    end_month = first_month + months - 1
    last = date(year, end_month, calendar.monthrange(year, end_month)[1])
    return start, last + timedelta(days=1)


def in_period(day: date, period: str) -> bool:
    bounds = period_bounds(period)
    return bounds is not None and bounds[0] <= day < bounds[1]


def objective_window(objective: Objective) -> tuple[date, date] | None:
    """[start, end) of an objective's time: period start (else creation) to the day after ``due``
    (else the period's end). None when there is no end to measure against."""
    bounds = period_bounds(objective.period)
    start = bounds[0] if bounds else objective.created_at.date()
    if objective.due is not None:
        end = objective.due + timedelta(days=1)
    elif bounds is not None:
        end = bounds[1]
    else:
        return None
    return (start, end) if end > start else (end - timedelta(days=1), end)


def elapsed_share(start: date, end: date, today: date) -> float:
    """Share of [start, end) passed by the start of ``today``, within [0, 1]."""
    if end <= start:
        return 1.0
    return min(1.0, max(0.0, (today - start).days / (end - start).days))


@dataclass(frozen=True)
class Pace:
    """Progress against the share of time passed. ``gap`` > 0: behind by that share."""

    elapsed: float | None
    progress: float | None

    @property
    def gap(self) -> float | None:
        if self.elapsed is None or self.progress is None:
            return None
        return self.elapsed - self.progress

    @property
    def behind(self) -> bool:
        return self.gap is not None and self.gap > BEHIND_BY

    @property
    def ahead(self) -> bool:
        return self.gap is not None and self.gap < -BEHIND_BY

    @property
    def label(self) -> str:
        """"behind pace", "on pace", "ahead of pace", "no data" or "no end date"."""
        if self.progress is None:
            return _(NO_DATA)
        if self.elapsed is None:
            return _("no end date")
        return _("behind pace") if self.behind else _("ahead of pace") if self.ahead else _("on pace")


def pace(objective: Objective, progress: float | None, today: date) -> Pace:
    window = objective_window(objective)
    elapsed = elapsed_share(*window, today) if window else None
    return Pace(elapsed, progress)


def proposed_status(objective: Objective, progress: float | None, today: date) -> ObjectiveStatus | None:
    """"at risk" when an objective marked on track is behind pace; None otherwise.

    A proposal only: the person decides. Never for a done objective, nor one already
    marked at risk or off track.
    """
    if objective.status is not ObjectiveStatus.on_track:
        return None
    return ObjectiveStatus.at_risk if pace(objective, progress, today).behind else None


def overdue_on_track(objective: Objective, today: date) -> bool:
    """Due in the past and still "on track": worth a flag (nobody updated it)."""
    return objective.status is ObjectiveStatus.on_track and objective.due is not None and objective.due < today


# -- owners ------------------------------------------------------------------------------------
def owner_departments(objective: Objective, members: Mapping[str, Member]) -> tuple[str, ...]:
    """Departments of the owners (case-insensitively distinct, sorted); the objective's own
    departments when no owner names one."""
    found: dict[str, str] = {}
    for owner_id in sorted(objective.owner_ids):
        member = members.get(owner_id)
        if member is not None and member.department.strip():
            found.setdefault(member.department.strip().casefold(), member.department.strip())
    if not found:
        for name in objective.departments:
            if name.strip():
                found.setdefault(name.strip().casefold(), name.strip())
    return tuple(sorted(found.values(), key=str.casefold))


# -- the whole objective ----------------------------------------------------------------------
@dataclass(frozen=True)
class ObjectiveView:
    """Everything the list, the detail, the report and the brief show about one objective."""

    objective: Objective
    metrics: tuple[MetricView, ...]
    owners: tuple[Member, ...]
    departments: tuple[str, ...]
    pace: Pace
    proposal: ObjectiveStatus | None
    overdue_on_track: bool

    @property
    def progress(self) -> float | None:
        return self.pace.progress

    @property
    def shared(self) -> bool:
        """Owned by two or more departments: the alignment the product exists for."""
        return len(self.departments) >= 2

    @property
    def single_department(self) -> bool:
        return len(self.departments) == 1


def objective_view(
    objective: Objective,
    metrics: Sequence[Metric],
    measurements: Mapping[str, Sequence[Measurement]],
    members: Mapping[str, Member],
    today: date,
    *,
    until: date | None = None,
) -> ObjectiveView:
    """One objective's view. ``measurements``: by metric id (see ``group_measurements``);
    ``until``: count only measurements dated then or earlier (the past, for the brief)."""
    views = tuple(
        metric_view(metric, measurements.get(metric.id, ()), until=until)
        for metric in sorted(metrics, key=lambda m: (m.created_at, m.id))
    )
    progress = mean_progress(view.progress for view in views)
    owners = tuple(sorted((members[i] for i in objective.owner_ids if i in members), key=lambda m: m.name))
    return ObjectiveView(
        objective=objective,
        metrics=views,
        owners=owners,
        departments=owner_departments(objective, members),
        pace=pace(objective, progress, today),
        proposal=proposed_status(objective, progress, today),
        overdue_on_track=overdue_on_track(objective, today),
    )


def group_measurements(measurements: Iterable[Measurement]) -> dict[str, list[Measurement]]:
    grouped: dict[str, list[Measurement]] = {}
    for entry in measurements:
        grouped.setdefault(entry.metric_id, []).append(entry)
    return grouped


def objective_views(source: Records, today: date, *, until: date | None = None) -> list[ObjectiveView]:
    """Every live objective's view, in creation order. One pass over measurements and metrics,
    so a large workspace (30,000 measurements) costs one grouping, not one scan per metric."""
    members = {m.id: m for m in source.records("members", include_deleted=True)}
    by_objective: dict[str, list[Metric]] = {}
    for metric in source.records("metrics"):
        by_objective.setdefault(metric.objective_id, []).append(metric)
    grouped = group_measurements(source.records("measurements"))
    return [
        objective_view(objective, by_objective.get(objective.id, []), grouped, members, today, until=until)
        for objective in source.records("objectives")
    ]


def percent(share: float | None) -> str:
    """"42 %" or "no data"."""
    return _(NO_DATA) if share is None else f"{round(share * 100)} %"


_PREFIX_UNITS = frozenset("€$£¥")


def format_value(value: float | None, unit: str = "") -> str:
    """A metric value with its unit: "€1,234,000", "28.5 %", "31" ("—" for none)."""
    if value is None:
        return "—"
    if not math.isfinite(value):
        return str(value)
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    unit = unit.strip()
    if not unit:
        return text
    if unit in _PREFIX_UNITS:
        return f"-{unit}{text[1:]}" if text.startswith("-") else f"{unit}{text}"
    return f"{text} {unit}"


def format_change(change: float | None, unit: str = "") -> str:
    """A signed change: "+12", "−€8" ("" for none)."""
    if change is None:
        return ""
    sign = "+" if change >= 0 else "−"
    return sign + format_value(abs(change), unit)
