"""The history screen, pushed onto the real app over a real git repository."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from store.history import names_in
from store.repo import commit_all
from store.workspace import Workspace
from tests.tui.app_harness import make_app, settle
from tui.screens.help import HelpScreen
from tui.screens.history import READING, HistoryScreen

UTC = timezone.utc
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def ticking(start: datetime):
    moments = iter(start + timedelta(minutes=n) for n in range(10_000))
    return lambda: next(moments)


@pytest.fixture
def task_with_history(workspace_dir: Path) -> tuple[Workspace, str]:
    """A task made by Ana, moved to doing then done by Sofia, and renamed without a commit yet."""
    ana = Workspace(workspace_dir, who="ana.ruiz@example.com", clock=ticking(datetime(2026, 12, 1, 9, 30, tzinfo=UTC)))
    ana.create("members", name="Sofia Brandt", email="sofia@example.com", department="Marketing")
    task = ana.create("tasks", title="Pricing deck", status="todo")
    commit_all(workspace_dir, "add")
    sofia = Workspace(workspace_dir, who="sofia@example.com", clock=ticking(datetime(2026, 12, 2, 10, 14, tzinfo=UTC)))
    sofia.update("tasks", task.id, status="doing")
    commit_all(workspace_dir, "start")
    sofia.update("tasks", task.id, status="done")
    commit_all(workspace_dir, "finish")
    sofia.update("tasks", task.id, title="Pricing deck \x1b[31mv2")
    return Workspace(workspace_dir), task.id


def shown(screen: HistoryScreen) -> list[str]:
    option_list = screen.query_one("#history-list", OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


def open_history(workspace: Workspace, record_id: str) -> HistoryScreen:
    return HistoryScreen(workspace.folder, record_id, "Pricing deck", names=names_in(workspace), now=lambda: NOW)


async def test_history_lists_the_changes_newest_first_with_names(task_with_history) -> None:
    workspace, task_id = task_with_history
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = open_history(workspace, task_id)
        await app.push_screen(screen)  # mounted: git is still being read (it takes several processes)
        assert str(screen.query_one("#history-status", Static).content) == READING
        await settle(app, pilot)

        assert shown(screen) == [
            "Wed 02 Dec 10:16 · Sofia Brandt (not synced yet)\n  title: Pricing deck → Pricing deck ␛[31mv2",
            "Wed 02 Dec 10:15 · Sofia Brandt\n  status: doing → done",
            "Wed 02 Dec 10:14 · Sofia Brandt\n  status: todo → doing",
            "Tue 01 Dec 09:31 · ana.ruiz@example.com\n  created",
        ]
        assert str(screen.query_one("#history-status", Static).content) == "4 changes, newest first"


async def test_escape_closes_the_history_and_question_mark_shows_its_keys(task_with_history) -> None:
    workspace, task_id = task_with_history
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(open_history(workspace, task_id))
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        assert any("Close the history" in str(static.content) for static in app.screen.query(Static))
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, (HistoryScreen, HelpScreen))


async def test_a_folder_without_git_says_the_history_cannot_be_read(tmp_path: Path, workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = HistoryScreen(tmp_path / "nowhere", "0" * 32, "Lost")
        app.push_screen(screen)
        await settle(app, pilot)
        status = str(screen.query_one("#history-status", Static).content)
        assert status.startswith("The history could not be read:") and "not a git repository" in status
