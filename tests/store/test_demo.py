"""The demo workspace: a complete, consistent, reproducible sales + marketing quarter."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from store.demo import SERIES, build_demo
from store.models import MODELS
from store.repo import run_git
from store.workspace import Workspace

TODAY = date(2026, 11, 18)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    folder = build_demo(tmp_path_factory.mktemp("demo") / "ws", today=TODAY)
    return Workspace(folder, who="someone@example.com")


def test_counts(demo: Workspace) -> None:
    counts = {table: demo.count(table) for table in MODELS}
    assert counts["members"] == 6
    assert counts["objectives"] == 5
    assert counts["meetings"] == 6
    assert counts["feedback"] == 15
    assert counts["tasks"] == 30
    assert counts["conflicts"] == 0
    assert counts["agenda_items"] >= 18
    per_objective = Counter(m.objective_id for m in demo.records("metrics"))
    assert set(per_objective) == {o.id for o in demo.records("objectives")}
    assert all(1 <= n <= 3 for n in per_objective.values())


def test_team_spans_sales_and_marketing(demo: Workspace) -> None:
    members = demo.records("members")
    assert {m.department for m in members} == {"Sales", "Marketing"}
    assert len({m.email for m in members}) == 6
    assert {"goal", "campaign"} <= {o.kind for o in demo.records("objectives")}


def test_every_reference_resolves(demo: Workspace) -> None:
    for table, model in MODELS.items():
        for record in demo.records(table):
            for field, target in model.REFS.items():
                value = getattr(record, field)
                ids = value if isinstance(value, frozenset) else {value} if value else set()
                for record_id in ids:
                    assert not demo.get(target, record_id).deleted, (table, field)
    for entry in demo.records("feedback"):
        if entry.subject_table is not None:
            demo.get(entry.subject_table.value, entry.subject_id)


def test_measurements_weekly_up_to_today(demo: Workspace) -> None:
    for metric in demo.records("metrics"):
        days = sorted(m.date for m in demo.records("measurements") if m.metric_id == metric.id)
        assert len(days) >= 8
        assert days[-1] <= TODAY
        assert all((b - a) == timedelta(weeks=1) for a, b in zip(days, days[1:], strict=False))


def test_meetings_form_a_weekly_series(demo: Workspace) -> None:
    meetings = sorted(demo.records("meetings"), key=lambda m: m.starts_at)
    assert {m.series for m in meetings} == {SERIES}
    assert [m.status.value for m in meetings] == ["done"] * 5 + ["planned"]
    assert meetings[-1].starts_at.date() > TODAY >= meetings[-2].starts_at.date()
    assert all(m.notes for m in meetings[:-1])
    for meeting in meetings:
        items = [a for a in demo.records("agenda_items") if a.meeting_id == meeting.id]
        assert items and sum(a.minutes for a in items) <= meeting.duration_min
        assert len({a.position for a in items}) == len(items)
        assert all(a.presenter_id for a in items)
    upcoming = [a for a in demo.records("agenda_items") if a.meeting_id == meetings[-1].id]
    assert all(a.status.value == "open" for a in upcoming)


def test_board_is_spread_with_overdue_cards(demo: Workspace) -> None:
    tasks = demo.records("tasks")
    assert set(Counter(t.status.value for t in tasks)) == {"todo", "doing", "blocked", "done"}
    assert all(t.owner_id and t.department and t.due for t in tasks)
    overdue = [t for t in tasks if t.status.value != "done" and t.due < TODAY]
    assert 1 <= len(overdue) <= 5
    assert any(t.objective_id for t in tasks) and any(t.meeting_id for t in tasks)


def test_feedback_is_mixed(demo: Workspace) -> None:
    feedback = demo.records("feedback")
    assert {f.kind.value for f in feedback} == {"praise", "concern", "idea", "question"}
    assert {f.status.value for f in feedback} == {"open", "acknowledged", "resolved"}
    assert {f.subject_table.value for f in feedback if f.subject_table} >= {"objectives", "meetings", "tasks"}
    assert any(f.response for f in feedback)


def test_an_objective_is_at_risk_and_its_metric_lags(demo: Workspace) -> None:
    at_risk = [o for o in demo.records("objectives") if o.status.value == "at_risk"]
    assert len(at_risk) == 1
    metric = next(m for m in demo.records("metrics") if m.objective_id == at_risk[0].id)
    values = [m.value for m in sorted(demo.records("measurements"), key=lambda m: m.date) if m.metric_id == metric.id]
    progress = (values[-1] - metric.baseline) / (metric.target - metric.baseline)
    assert progress < 0.5


def test_demo_is_committed_clean(demo: Workspace) -> None:
    assert run_git(demo.folder, "status", "--porcelain") == ""


def test_same_today_gives_the_same_bytes(tmp_path: Path) -> None:
    first = build_demo(tmp_path / "a", today=TODAY)
    second = build_demo(tmp_path / "b", today=TODAY)
    assert (first / "alinea.json").read_bytes() == (second / "alinea.json").read_bytes()


# a Tuesday (meeting day) and a Wednesday included
@pytest.mark.parametrize(
    "today", [date(2026, 1, 1), date(2026, 3, 31), date(2027, 2, 28), date(2026, 11, 24), date(2026, 11, 25)]
)
def test_any_today_builds_a_valid_demo(tmp_path: Path, today: date) -> None:
    workspace = Workspace(build_demo(tmp_path / "ws", today=today))
    assert workspace.count("tasks") == 30
    meetings = sorted(workspace.records("meetings"), key=lambda m: m.starts_at)
    assert meetings[-1].starts_at.date() > today >= meetings[-2].starts_at.date()
    assert all(r.created_at.date() <= today for table in MODELS for r in workspace.records(table))


def test_the_numbers_tell_a_story(demo: Workspace) -> None:
    """One objective on pace, one behind pace (proposed at risk), one cost going down."""
    from store.progress import objective_views

    views = {v.objective.title: v for v in objective_views(demo, TODAY)}
    assert views["Q4 pipeline target €2.4M"].pace.label in ("on pace", "ahead of pace")
    conversion = views["Lift MQL→SQL conversion to 28%"]
    assert conversion.pace.label == "behind pace" and conversion.proposal is not None
    assert conversion.proposal.value == "at_risk" and conversion.shared
    cac = views["Reduce CAC below €420"].metrics[0]
    assert cac.metric.direction.value == "decrease"
    assert cac.current is not None and cac.current < cac.series[0] and 0.2 < (cac.progress or 0) < 0.5


def test_feedback_has_a_thread(demo: Workspace) -> None:
    from store.feedback_actions import thread

    answered = [f for f in demo.records("feedback") if f.status.value == "acknowledged" and f.response]
    assert answered and any(f.status.value == "open" for f in demo.records("feedback"))
    made = [(f, thread(demo, f.id)) for f in demo.records("feedback")]
    [(entry, [task])] = [(f, items) for f, items in made if items]
    assert task.table == "tasks" and entry.subject_table.value == "objectives"
    assert demo.get("tasks", task.record_id).created_at > entry.created_at
