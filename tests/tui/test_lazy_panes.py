"""Panes hidden at start are built once the data is in; one shown sooner is built then."""

from __future__ import annotations

import threading
from pathlib import Path

from store.demo import build_demo
from tests.tui.app_harness import TODAY, make_app, settle, titles
from tui.launch import prepare


async def test_a_pane_shown_while_the_workspace_opens_shows_its_records_once_read(tmp_path: Path) -> None:
    opened = prepare(build_demo(tmp_path / "demo", today=TODAY))
    claimed = threading.Event()  # held shut by the test: the file is read only when it is set

    def slow_claim() -> list[str]:
        assert claimed.wait(10)
        return opened.claim()

    try:
        app = make_app(opened.workspace, claim=slow_claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("1")  # before the file is read
            await pilot.pause()
            assert not app.workspace.loaded and titles(app, "objectives") == []
            claimed.set()
            await settle(app, pilot)
            assert titles(app, "objectives"), "the objectives appear once the file is read"
            # hidden meanwhile, built once the data was in: ready before they are shown
            assert app.pane("agenda").built and app.pane("feedback").built
    finally:
        claimed.set()
        opened.release()
