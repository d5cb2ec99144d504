"""Helpers for the app tests: a fixed today, an app on a workspace, waiting without sleeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from store.workspace import Workspace
from tui.app import AlineaApp
from tui.screens.record_form import RecordForm

TODAY = date(2026, 5, 6)  # a Wednesday


def on_disk(workspace: Workspace) -> Workspace:
    """The workspace as a fresh process would read it from alinea.json."""
    return Workspace(workspace.folder)


def make_app(workspace: Workspace, *, today: date = TODAY, **options: Any) -> AlineaApp:
    return AlineaApp(workspace, today=lambda: today, **options)


def demo_app(folder: Path, *, today: date = TODAY, **options: Any) -> AlineaApp:
    """The app on the sample quarter (store.demo) built in ``folder`` for ``today``."""
    from store.demo import build_demo

    return make_app(Workspace(build_demo(folder, today=today)), today=today, **options)


async def settle(app: AlineaApp, pilot: Pilot[Any], rounds: int = 3) -> None:
    """Let workers finish and their answers reach the UI (a Saved handler may start more)."""
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def press(app: AlineaApp, pilot: Pilot[Any], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(app, pilot)


async def type_text(app: AlineaApp, pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])
    await settle(app, pilot)


def titles(app: AlineaApp, pane_id: str) -> list[str]:
    """The rows a record-list pane (or the Objectives pane) shows, top to bottom."""
    from tui.panes.objectives import ObjectivesPane
    from tui.panes.record_list import RecordListPane

    if pane_id == "objectives":
        return app.query_one("#objectives", ObjectivesPane).shown_titles()
    pane = app.query_one(f"#{pane_id}", RecordListPane)
    return [pane.describe(record) for record in pane.rows()] if pane.record_list.display else []


def highlighted_id(app: AlineaApp, pane_id: str) -> str | None:
    from tui.panes.objectives import ObjectivesPane
    from tui.panes.record_list import RecordListPane

    if pane_id == "objectives":
        return app.query_one("#objectives", ObjectivesPane).selected_id

    return app.query_one(f"#{pane_id}", RecordListPane).highlighted_id


async def objectives_settled(app: AlineaApp, pilot: Pilot[Any]) -> None:
    """Settle, then wait for the Objectives pane's detail (it follows the cursor after a pause)."""
    from tui.panes.objectives import ObjectivesPane

    await settle(app, pilot)
    pane = app.query_one("#objectives", ObjectivesPane)
    await wait_until(pilot, lambda: pane.detail_settled or not pane.built or not pane.display, rounds=2000)


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool], rounds: int = 500) -> None:
    """Let the app run until ``condition`` holds (e.g. a debounced search has answered)."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause()
    raise AssertionError("the app never reached the expected state")


async def open_form(app: AlineaApp, pilot: Pilot[Any], table: str, **options: Any) -> RecordForm:
    """Open the record form for ``table`` (a new record, or ``record=…``) and return it."""
    from tui.screens.record_form import open_form as open_record_form

    open_record_form(app, table, **options)
    await settle(app, pilot)
    form = app.screen
    assert isinstance(form, RecordForm)
    return form
