"""The tab bar over the panes looks like Textual's Tabs and works as they did with the panes."""

from __future__ import annotations

import re

from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Tab, Tabs

from store.workspace import Workspace
from tests.tui.app_harness import make_app, press, settle
from tui.widgets.pane_tabs import PaneTabs

LABELS = {"objectives": "Objectives", "agenda": "Agenda", "feedback": "Feedback", "board": "Board"}


class TextualBar(App[None]):
    TITLE = "tabs"

    def compose(self) -> ComposeResult:
        yield Tabs(*(Tab(label, id=pane_id) for pane_id, label in LABELS.items()), active="board")


class OurBar(App[None]):
    TITLE = "tabs"
    CSS = ".pane { height: 0; }"  # the bar alone, as in the other app

    def compose(self) -> ComposeResult:
        panes = [Widget(id=pane_id, classes="pane") for pane_id in LABELS]
        yield PaneTabs([(pane, LABELS[pane.id or ""]) for pane in panes], active="board")
        yield from panes


async def _screens(*steps: str) -> tuple[str, str]:
    """Both bars after the same steps ("agenda": that tab made active, "focus", "hover 14": the
    mouse over cell 14 of the tab line), as the screen shows them."""
    shots = []
    for app in (TextualBar(), OurBar()):
        app.animation_level = "none"  # the underline where it lands (it slides on both otherwise)
        async with app.run_test(size=(60, 4)) as pilot:
            bar: Tabs | PaneTabs = app.query_one(Tabs) if isinstance(app, TextualBar) else app.query_one(PaneTabs)
            for step in steps:
                if step == "focus":
                    bar.focus()
                elif step.startswith("hover"):
                    await pilot.hover(type(bar), offset=(int(step.split()[1]), 0))
                else:
                    bar.active = step
                await pilot.pause()
            await pilot.pause()
            # The SVG's id hashes the segments' hidden metadata too (Textual's tabs carry click
            # actions): what is drawn is the rest, cell for cell.
            shots.append(re.sub(r"terminal-\d+", "terminal", app.export_screenshot()))
    return shots[0], shots[1]


async def test_the_tab_bar_paints_as_textuals_tabs() -> None:
    textual, ours = await _screens()
    assert ours == textual


async def test_the_tab_bar_paints_as_textuals_tabs_after_a_switch_focused_and_hovered() -> None:
    for steps in (("agenda",), ("feedback", "focus"), ("hover 14",), ("objectives", "focus", "hover 22")):
        textual, ours = await _screens(*steps)
        assert ours == textual, steps


async def test_a_click_on_a_tab_shows_its_pane_with_the_keys_on_it(workspace: Workspace) -> None:
    workspace.create("objectives", title="Pipeline", period="2026-Q2")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        tabs = app.query_one(PaneTabs)
        await pilot.click(PaneTabs, offset=(3, 0))  # on "Objectives"
        await settle(app, pilot)
        assert tabs.active == "objectives"
        assert app.query_one("#objectives").display and not app.query_one("#board").display
        assert app.focused is not None and app.query_one("#objectives") in app.focused.ancestors
        await pilot.click(PaneTabs, offset=(33, 1))  # under "Board"
        await settle(app, pilot)
        assert tabs.active == "board"


async def test_left_and_right_on_the_focused_tab_bar_move_between_panes(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        tabs = app.query_one(PaneTabs)
        tabs.focus()
        await press(app, pilot, "right")
        assert tabs.active == "objectives", "wraps round from the last tab"
        tabs.focus()
        await press(app, pilot, "left")
        assert tabs.active == "board"


async def test_focusing_a_widget_of_a_hidden_pane_shows_that_pane(workspace: Workspace) -> None:
    workspace.create("objectives", title="Pipeline", period="2026-Q2")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.query_one(PaneTabs).active == "board"
        app.pane("objectives").focus_content()
        await settle(app, pilot)
        assert app.query_one(PaneTabs).active == "objectives"
