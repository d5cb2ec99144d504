"""A stand-in for AlineaApp with just the contract the board needs (workspace, today, write)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, TabbedContent

from store.workspace import Workspace
from tui.panes.board import BoardPane


class BoardHarness(App[None]):
    BINDINGS = [Binding("u", "undo", "Undo", id="app.undo", tooltip="Undo")]

    def __init__(self, workspace: Workspace, *, today: Callable[[], date] | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self._today = today or date.today

    def today(self) -> date:
        return self._today()

    def compose(self) -> ComposeResult:
        with TabbedContent():
            yield BoardPane("Board", id="board")
        yield Footer()

    def write(self, action: Callable[[Workspace], Any], *, on_done: Callable[[Any], None] | None = None) -> None:
        def work() -> None:
            try:
                result = action(self.workspace)
            except Exception as error:  # noqa: BLE001
                self.call_from_thread(self.notify, str(error), severity="error")
                return
            self.call_from_thread(self._written, result, on_done)

        self.run_worker(work, thread=True, group="write")

    def _written(self, result: Any, on_done: Callable[[Any], None] | None) -> None:
        self.query_one(BoardPane).refresh_data()
        if on_done is not None:
            on_done(result)

    def action_undo(self) -> None:
        self.write(lambda workspace: workspace.undo())
