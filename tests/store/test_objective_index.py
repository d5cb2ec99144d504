"""The Objectives pane's order of periods and what links to an objective."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from store.objective_index import matches, objective_links, period_order
from store.repo import init_workspace
from store.workspace import Workspace

TODAY = date(2026, 5, 6)


def test_the_current_period_comes_first_then_coming_then_past() -> None:
    periods = ["2025-Q4", "2026-Q3", "2026-Q2", "", "2026", "2026-Q1", "someday"]
    assert period_order(periods, TODAY) == ["2026-Q2", "2026", "2026-Q3", "2026-Q1", "2025-Q4", "someday", ""]


def test_links_tasks_open_feedback_and_discussions(tmp_path: Path) -> None:
    ws = Workspace(init_workspace(tmp_path / "ws"), who="ana@example.com")
    ana = ws.create("members", name="Ana Ruiz", department="Sales", email="ana@example.com")
    objective = ws.create("objectives", title="Pipeline", owner_ids=[ana.id])
    ws.create("tasks", title="Call Contoso", objective_id=objective.id, due=date(2026, 5, 1))
    ws.create("tasks", title="Done already", objective_id=objective.id, status="done", due=date(2026, 5, 1))
    ws.create("feedback", body="Open one", subject_table="objectives", subject_id=objective.id)
    ws.create("feedback", body="Closed", subject_table="objectives", subject_id=objective.id, status="resolved")
    old = ws.create("meetings", title="Old sync", starts_at=datetime(2026, 4, 1, 9, tzinfo=timezone.utc))
    new = ws.create("meetings", title="New sync", starts_at=datetime(2026, 4, 29, 9, tzinfo=timezone.utc))
    gone = ws.create("meetings", title="Cancelled", starts_at=datetime(2026, 4, 15, 9, tzinfo=timezone.utc))
    for meeting in (old, new, gone):
        title = f"Pipeline in {meeting.title}"
        ws.create("agenda_items", meeting_id=meeting.id, title=title, objective_id=objective.id)
    ws.delete("meetings", gone.id)

    links = objective_links(ws)[objective.id]
    assert [t.title for t in links.overdue(TODAY)] == ["Call Contoso"]
    assert [(str(s), n) for s, n in links.task_counts()] == [("todo", 1), ("done", 1)]
    assert [f.body for f in links.feedback] == ["Open one"]
    assert [d.meeting.title for d in links.discussed] == ["New sync", "Old sync"]
    members = {ana.id: ana}
    assert matches(objective, members, ["ana"]) and matches(objective, members, ["sales", "pipe"])
    assert not matches(objective, members, ["marketing"])
