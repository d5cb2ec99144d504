"""Snapshot of the history screen at 80x24, over a real git repository, in UTC."""

from __future__ import annotations

from store.history import names_in
from tests.tui.app_harness import make_app, settle
from tests.tui.test_history_screen import NOW, task_with_history, utc  # noqa: F401 - fixtures
from tui.screens.history import HistoryScreen


def test_history_of_a_task_at_80x24(task_with_history, snap_compare) -> None:  # noqa: F811
    """A box titled "History of Pricing deck", "4 changes, newest first", then four changes,
    newest first: the rename by Sofia Brandt marked "(not synced yet)" (the escape sequence in
    the new title shown as "␛[31m", a visible sign), "status: doing → done" and "status: todo → doing" by
    Sofia Brandt on Wed 02 Dec, and "created" by ana.ruiz@example.com on Tue 01 Dec; a footer
    with Help and Close."""
    workspace, task_id = task_with_history
    app = make_app(workspace)

    async def run_before(pilot) -> None:
        await settle(app, pilot)
        app.push_screen(HistoryScreen(workspace.folder, task_id, "Pricing deck", names=names_in(workspace),
                                      now=lambda: NOW))
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


