"""An objective due in the past but still "on track" is flagged in the Objectives list."""

from __future__ import annotations

from datetime import timedelta

from store.workspace import Workspace
from tests.tui.app_harness import TODAY, make_app, press, settle, titles


async def test_a_past_due_on_track_objective_is_flagged(workspace: Workspace) -> None:
    workspace.create("objectives", title="Forgotten", status="on_track", due=TODAY - timedelta(days=3))
    workspace.create("objectives", title="Fine", status="on_track", due=TODAY + timedelta(days=3))
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1")
        rows = {row.split("  ·  ")[0]: row for row in titles(app, "objectives")}
        assert "overdue, still on track?" in rows["Forgotten"]
        assert "overdue" not in rows["Fine"]
