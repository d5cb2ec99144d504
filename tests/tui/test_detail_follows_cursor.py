"""The part beside a list follows its cursor after the cursor's own frame: after several keys
pressed faster than the app paints, it shows the record under the cursor, not an earlier one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Static

from store.agenda import group_meetings, when_label
from tests.tui.app_harness import demo_app, objectives_settled, settle
from tests.tui.runner_harness import (  # noqa: F401 - utc is a fixture
    Clock,
    agenda,
    demo_folder,
    open_runner,
    runner_app,
    utc,
)
from tui.app import AlineaApp
from tui.panes.agenda import AgendaPane
from tui.panes.feedback import FeedbackPane
from tui.panes.objectives import ObjectivesPane


async def fast_keys(app: AlineaApp, pilot: Pilot[Any], key: str, times: int) -> None:
    """``times`` presses queued at once (a held key), then the app left to settle."""
    character = " " if key == "space" else key
    for _ in range(times):
        app.post_message(events.Key(key, character))
    await pilot.pause()
    await settle(app, pilot)


def shown(app: AlineaApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_the_agenda_shows_the_meeting_under_the_cursor_after_fast_keys(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        pane = app.query_one(AgendaPane)
        groups = group_meetings(app.workspace.records("meetings"), pane.now())
        assert len(groups.past) >= 3
        await pilot.press("end", "enter")  # the fold of past meetings, opened
        await settle(app, pilot)
        await fast_keys(app, pilot, "j", 2)
        assert pane.meeting_list.cursor == len(groups.upcoming) + 2
        meeting = groups.past[1]
        header = shown(app, "#meeting-header")
        assert meeting.title in header and when_label(meeting.starts_at, None, pane.now()) in header
        assert pane.selected_meeting is not None and pane.selected_meeting.id == meeting.id
        items = agenda(app.workspace, meeting.id)
        caption = shown(app, "#agenda-caption")
        assert f"{len(items)} item" in caption


async def test_the_feedback_detail_shows_the_entry_under_the_cursor_after_fast_keys(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        pane = app.query_one(FeedbackPane)
        assert len(pane.entries) >= 5
        await fast_keys(app, pilot, "j", 4)
        entry = pane.entries[4]
        assert pane.selected is not None and pane.selected.id == entry.id
        assert pane.detail.shown is not None and pane.detail.shown.entry_id == entry.id
        assert pane.detail.shown.meta in shown(app, "#detail-meta")


async def test_the_objective_detail_shows_the_objective_under_the_cursor_after_fast_keys(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("1")
        await objectives_settled(app, pilot)
        pane = app.query_one(ObjectivesPane)
        assert len(pane.shown_titles()) >= 4
        first = pane.selected_id
        await fast_keys(app, pilot, "j", 3)
        await objectives_settled(app, pilot)
        assert pane.selected_id not in (None, first)
        selected = app.workspace.get("objectives", pane.selected_id)
        assert selected.title in shown(app, "#detail-title")


async def test_the_runner_shows_the_item_reached_after_fast_keys(tmp_path: Path, utc: None) -> None:  # noqa: F811
    folder = demo_folder(tmp_path)
    app = runner_app(folder, Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        runner = await open_runner(app, pilot)
        items = agenda(app.workspace, runner.meeting_id)
        assert len(items) >= 3
        await fast_keys(app, pilot, "space", 2)
        await settle(app, pilot)
        assert runner.current is not None and runner.current.id == items[2].id
        assert shown(app, "#item-title") == items[2].title
