"""`i` opens the history of the record selected in the focused pane."""

from __future__ import annotations

from textual.widgets import OptionList

from store.workspace import Workspace
from tests.tui.app_harness import make_app, press, settle
from tests.tui.test_history_screen import task_with_history, utc  # noqa: F401 - fixtures
from tui.routes import SELECT_FIRST
from tui.screens.history import HistoryScreen


async def test_i_on_a_board_card_shows_its_history(task_with_history: tuple[Workspace, str]) -> None:  # noqa: F811
    workspace, task_id = task_with_history
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "i")  # the focused column (to do) is empty
        assert [n.message for n in app._notifications] == [SELECT_FIRST]
        await press(app, pilot, "l", "l", "l")  # the card is done
        assert app.pane("board").selected_record() == ("tasks", task_id)
        await press(app, pilot, "i")
        screen = app.screen
        assert isinstance(screen, HistoryScreen) and screen.record_id == task_id
        await settle(app, pilot)
        prompts = [str(option.prompt) for option in screen.query_one(OptionList).options]
        assert len(prompts) == 4 and "status: doing → done" in prompts[1]
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, HistoryScreen)



async def test_i_on_the_objectives_pane_shows_the_selected_objective(workspace: Workspace) -> None:
    goal = workspace.create("objectives", title="Pipeline", period="2026-Q2")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1")
        await settle(app, pilot)
        await press(app, pilot, "i")
        screen = app.screen
        assert isinstance(screen, HistoryScreen) and screen.record_id == goal.id
