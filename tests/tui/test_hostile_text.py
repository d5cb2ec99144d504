"""Escape sequences in teammates' text never reach the terminal: the app shows them as signs."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from store.workspace import Workspace
from tests.conftest import GIT_EMAIL
from tests.tui.app_harness import make_app, settle
from tui.app import AlineaApp

RENAME_WINDOW = "\x1b]2;pwned\x07"
WIPE_SCREEN = "\x1b[2J"
CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"


def terminal_output(app: AlineaApp) -> str:
    """Exactly what the app would write to the terminal to paint its whole screen now."""
    update = app.screen._compositor.render_update(full=True)
    assert update is not None
    return update.render_segments(app.console)


def assert_harmless(output: str) -> None:
    assert "\x1b]" not in output and "\x07" not in output and WIPE_SCREEN not in output
    assert "␛]2;pwned␇" in output or "␛[2J" in output


async def test_board_lists_header_and_team_show_escape_sequences_as_signs(workspace: Workspace) -> None:
    workspace.create("members", name=f"Ana{RENAME_WINDOW}", email=GIT_EMAIL, department=f"Sales{WIPE_SCREEN}")
    workspace.create("tasks", title=f"Deck{WIPE_SCREEN}{CLIPBOARD}", department=f"Ops{RENAME_WINDOW}")
    workspace.create("objectives", title=f"Grow{RENAME_WINDOW}", period="2026-Q4")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        board = terminal_output(app)
        assert_harmless(board)
        assert "␛[2J␛]52;c;ZXZpbA==␇" in board and "Ana␛]2;pwned␇" in board  # a card; the header
        await _show(app, pilot, "objectives")
        assert_harmless(terminal_output(app))
        app.action_show_team()
        await settle(app, pilot)
        team = terminal_output(app)
        assert_harmless(team)
        assert "Sales␛[2J" in team


async def _show(app: AlineaApp, pilot: Pilot[Any], pane: str) -> None:
    app.action_show_pane(pane)
    await settle(app, pilot)
