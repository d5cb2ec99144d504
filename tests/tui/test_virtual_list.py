"""The virtual list repaints only what a focus move changes, and still shows where the focus is."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal

from tui.widgets.steady_screen import SteadyScreen
from tui.widgets.virtual_list import VirtualList


class TwoLists(App[None]):
    def get_default_screen(self) -> SteadyScreen:
        return SteadyScreen(id="_default")

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield VirtualList([(f"left {n}",) for n in range(50)], id="left")
            yield VirtualList([(f"right {n}",) for n in range(50)], id="right")


def _cursor_background(widget: VirtualList) -> object:
    """The background of the cursor's first line as the list paints it now."""
    strip = widget.render_line(widget.cursor * widget.stride - round(widget.scroll_y))
    return next(segment.style.bgcolor for segment in strip if segment.text.strip())


async def test_the_cursor_follows_the_focus_from_list_to_list() -> None:
    app = TwoLists()
    async with app.run_test(size=(80, 24)) as pilot:
        left, right = app.query_one("#left", VirtualList), app.query_one("#right", VirtualList)
        left.focus()
        await pilot.pause()
        focused, unfocused = _cursor_background(left), _cursor_background(right)
        assert focused != unfocused

        right.focus()
        await pilot.pause()
        assert _cursor_background(left) == unfocused
        assert _cursor_background(right) == focused

        await pilot.press("j")  # the moved cursor keeps the focused look; the left list stays dimmed
        assert right.cursor == 1
        assert _cursor_background(right) == focused
        assert _cursor_background(left) == unfocused


async def test_a_theme_change_repaints_the_cursor() -> None:
    app = TwoLists()
    async with app.run_test(size=(80, 24)) as pilot:
        left = app.query_one("#left", VirtualList)
        left.focus()
        await pilot.pause()
        before = _cursor_background(left)
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        assert _cursor_background(left) != before
