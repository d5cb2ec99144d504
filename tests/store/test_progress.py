"""Progress and pace: what the Objectives pane, the report and the brief say about an objective."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.models import Measurement, Member, Metric, Objective, ObjectiveStatus
from store.progress import (
    elapsed_share,
    metric_view,
    objective_view,
    objective_window,
    pace,
    percent,
    period_bounds,
    proposed_status,
    ratio,
    toward_target,
)

CREATED = datetime(2026, 9, 20, 9, tzinfo=timezone.utc)


def _id(n: int) -> str:
    return f"{n:032x}"


def _common(n: int) -> dict[str, Any]:
    return {"id": _id(n), "created_at": CREATED, "updated_at": CREATED}


def objective(**fields: Any) -> Objective:
    return Objective(**{**_common(1), "title": "Pipeline", "period": "2026-Q4", **fields})


def metric(n: int = 10, **fields: Any) -> Metric:
    return Metric(**{**_common(n), "objective_id": _id(1), "name": f"m{n}", "baseline": 0, "target": 100, **fields})


def measured(metric_: Metric, *points: tuple[str, float]) -> list[Measurement]:
    return [
        Measurement(**_common(1000 + i + int(metric_.id, 16) * 100), metric_id=metric_.id, date=day, value=v)
        for i, (day, v) in enumerate(points)
    ]


def test_increase_progress_is_the_share_of_the_way_to_target() -> None:
    m = metric(baseline=100, target=300)
    view = metric_view(m, measured(m, ("2026-10-05", 150), ("2026-10-12", 200)))
    assert view.current == 200 and view.progress == pytest.approx(0.5)
    assert view.change == 50 and toward_target(m, view.change) is True
    assert view.last_date == date(2026, 10, 12) and view.series == [150, 200]


def test_a_cost_going_down_makes_progress() -> None:
    cac = metric(baseline=510, target=420, direction="decrease")
    view = metric_view(cac, measured(cac, ("2026-10-05", 500), ("2026-10-12", 465)))
    assert view.progress == pytest.approx(0.5)
    assert toward_target(cac, view.change) is True
    assert toward_target(cac, +10) is False
    rising = metric_view(cac, measured(cac, ("2026-10-05", 530)))
    assert rising.progress == 0.0  # worse than the baseline is no progress, not negative


def test_no_measurement_is_no_data_not_zero() -> None:
    view = metric_view(metric(), [])
    assert view.progress is None and view.current is None and view.change is None
    assert percent(view.progress) == "no data"
    assert objective_view(objective(), [metric()], {}, {}, date(2026, 11, 1)).progress is None


@pytest.mark.parametrize(
    ("direction", "current", "expected"),
    [("increase", 50, 1.0), ("increase", 49, 0.0), ("decrease", 50, 1.0), ("decrease", 51, 0.0)],
)
def test_target_equal_to_baseline_is_done_when_met(direction: str, current: float, expected: float) -> None:
    assert ratio(50, 50, current, direction) == expected


def test_overshoot_counts_as_complete() -> None:
    assert ratio(0, 100, 180, "increase") == 1.0
    assert ratio(510, 420, 300, "decrease") == 1.0


def test_latest_measurement_by_date_is_current_whatever_the_entry_order() -> None:
    m = metric()
    view = metric_view(m, measured(m, ("2026-10-12", 40), ("2026-10-05", 90)))
    assert view.current == 40 and view.previous == 90 and toward_target(m, view.change) is False
    assert view.value_on(date(2026, 10, 6)) == 90 and view.value_on(date(2026, 10, 1)) is None


def test_objective_progress_is_the_mean_of_metrics_with_data() -> None:
    a, b, c = metric(10), metric(11), metric(12)
    data = {a.id: measured(a, ("2026-10-05", 20)), b.id: measured(b, ("2026-10-05", 60))}
    view = objective_view(objective(), [a, b, c], data, {}, date(2026, 10, 6))
    assert view.progress == pytest.approx(0.4)
    assert percent(view.progress) == "40 %"


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("2026-Q4", date(2026, 10, 1), date(2027, 1, 1)),
        ("2026-H1", date(2026, 1, 1), date(2026, 7, 1)),
        ("2026-02", date(2026, 2, 1), date(2026, 3, 1)),
        ("2026", date(2026, 1, 1), date(2027, 1, 1)),
        ("", None, None),
    ],
)
def test_period_bounds(period: str, start: date | None, end: date | None) -> None:
    assert period_bounds(period) == ((start, end) if start else None)


def test_pace_at_the_start_of_the_period_is_never_behind() -> None:
    goal = objective()
    assert pace(goal, 0.0, date(2026, 10, 1)).elapsed == 0.0
    assert not pace(goal, 0.0, date(2026, 10, 1)).behind
    assert pace(goal, 0.0, date(2026, 10, 1)).label == "on pace"


def test_pace_at_the_end_of_the_period_wants_everything_done() -> None:
    goal = objective()
    assert pace(goal, 0.9, date(2027, 1, 1)).elapsed == 1.0
    assert pace(goal, 0.84, date(2027, 1, 1)).label == "behind pace"
    assert pace(goal, 0.86, date(2027, 1, 1)).label == "on pace"


def test_pace_runs_to_the_due_date_when_there_is_one() -> None:
    goal = objective(due=date(2026, 10, 31))
    assert objective_window(goal) == (date(2026, 10, 1), date(2026, 11, 1))
    assert pace(goal, 0.5, date(2026, 10, 16)).elapsed == pytest.approx(15 / 31)
    assert pace(goal, 0.2, date(2026, 11, 1)).label == "behind pace"


def test_pace_without_due_date_or_period_has_no_end() -> None:
    goal = objective(period="", due=None)
    assert objective_window(goal) is None
    assert pace(goal, 0.1, date(2026, 12, 1)).label == "no end date"
    assert proposed_status(goal, 0.0, date(2026, 12, 1)) is None
    undated = objective(period="", due=date(2026, 12, 19))  # starts when it was created
    assert objective_window(undated) == (date(2026, 9, 20), date(2026, 12, 20))


def test_behind_pace_proposes_at_risk_but_never_for_done() -> None:
    today = date(2026, 11, 15)  # about half the quarter
    assert proposed_status(objective(), 0.2, today) is ObjectiveStatus.at_risk
    assert proposed_status(objective(), 0.45, today) is None
    assert proposed_status(objective(), None, today) is None  # no data: nothing to propose
    assert proposed_status(objective(status="done"), 0.0, today) is None
    assert proposed_status(objective(status="at_risk"), 0.0, today) is None


def test_shared_and_single_department_and_overdue_on_track() -> None:
    ana = Member(**_common(50), name="Ana", department="Sales")
    mal = Member(**_common(51), name="Malik", department="Marketing")
    sof = Member(**_common(52), name="Sofia", department="sales")
    members = {m.id: m for m in (ana, mal, sof)}
    shared = objective_view(objective(owner_ids={ana.id, mal.id}), [], {}, members, date(2026, 11, 1))
    assert shared.shared and shared.departments == ("Marketing", "Sales")
    single = objective_view(objective(owner_ids={ana.id, sof.id}), [], {}, members, date(2026, 11, 1))
    assert single.single_department and not single.shared
    late = objective_view(objective(due=date(2026, 10, 30)), [], {}, members, date(2026, 11, 1))
    assert late.overdue_on_track
    finished = objective(due=date(2026, 10, 30), status="done")
    assert not objective_view(finished, [], {}, {}, date(2026, 11, 1)).overdue_on_track


def test_elapsed_share_is_clamped() -> None:
    assert elapsed_share(date(2026, 10, 1), date(2026, 10, 11), date(2026, 9, 1)) == 0.0
    assert elapsed_share(date(2026, 10, 1), date(2026, 10, 11), date(2026, 10, 6)) == 0.5
    assert elapsed_share(date(2026, 10, 1), date(2026, 10, 11), date(2027, 1, 1)) == 1.0


numbers = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-10**12, 10**12).map(float)


@given(numbers, numbers, st.none() | numbers, st.sampled_from(["increase", "decrease"]))
def test_progress_is_always_within_zero_and_one_or_none(
    baseline: float, target: float, current: float | None, direction: str
) -> None:
    value = ratio(baseline, target, current, direction)
    assert value is None or 0.0 <= value <= 1.0
    if current is None:
        assert value is None
