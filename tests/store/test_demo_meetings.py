"""The sample quarter's meetings: a series with dated titles, standing and carried items, a run
history, and a next meeting whose agenda fits its length with balanced airtime."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from store.agenda import agenda_of, airtime, fill, next_meeting, series_meetings, standing_items
from store.demo import SERIES, build_demo
from store.workspace import Workspace

TODAY = date(2026, 11, 29)


def test_the_sample_series_is_ready_for_the_next_meeting(tmp_path: Path) -> None:
    workspace = Workspace(build_demo(tmp_path / "demo", today=TODAY))
    meetings = series_meetings(workspace.records("meetings"), SERIES)
    items = workspace.records("agenda_items")
    assert len({m.title for m in meetings}) == len(meetings)
    past, planned = meetings[:-1], meetings[-1]
    assert all(m.status == "done" and m.started_at and m.ended_at for m in past)
    assert next_meeting(meetings, datetime(2026, 11, 29, 12, tzinfo=timezone.utc)) == planned
    agenda = agenda_of(items, planned.id)
    assert not fill(planned, agenda).over
    shares = dict(airtime(agenda, {m.id: m for m in workspace.records("members")}))
    assert abs(shares["Sales"] - shares["Marketing"]) <= 5
    assert [i.title for i in standing_items(meetings, items)] == ["Pipeline numbers", "Open feedback"]
    carried = [i for i in items if i.carried_from]
    assert carried and all(workspace.get("agenda_items", i.carried_from).status == "carried" for i in carried)
    assert any("\n- " in f"\n{i.outcome}" for i in items)  # decisions recorded as bullets
