"""An objective due in the past but still "on track" is flagged in its detail."""

from __future__ import annotations

from datetime import timedelta

from store.workspace import Workspace
from tests.tui.app_harness import TODAY, make_app, objectives_settled, press
from tui.panes.objectives import ObjectivesPane


async def test_a_past_due_on_track_objective_is_flagged(workspace: Workspace) -> None:
    forgotten = workspace.create("objectives", title="Forgotten", status="on_track", due=TODAY - timedelta(days=3))
    fine = workspace.create("objectives", title="Fine", status="on_track", due=TODAY + timedelta(days=3))
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await objectives_settled(app, pilot)
        await press(app, pilot, "1")
        pane = app.query_one("#objectives", ObjectivesPane)
        shown: dict[str, str] = {}
        for objective in (forgotten, fine):
            pane.show_record(objective.id)
            await objectives_settled(app, pilot)
            proposal = app.query_one("#detail-proposal")
            shown[objective.title] = str(proposal.render()) if proposal.display else ""
        assert "past its due date and still on track" in shown["Forgotten"]
        assert shown["Fine"] == ""
