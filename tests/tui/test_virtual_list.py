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


class OneList(App[None]):
    def compose(self) -> ComposeResult:
        from textual.content import Content

        yield VirtualList([(Content(f"step {n}"),) for n in range(5)], id="steps")


def _painted(widget: VirtualList, index: int) -> tuple[str, bool]:
    """The text of an item's line as painted on screen now, and whether it is bold."""
    from textual.geometry import Region

    strip = widget.render_lines(Region(0, index, widget.size.width, 1))[0]
    text = "".join(segment.text for segment in strip).rstrip()
    return text, any(segment.style is not None and segment.style.bold for segment in strip if segment.text.strip())


async def test_updated_items_repaint_the_rows_that_changed_even_a_style_alone() -> None:
    from textual.content import Content

    app = OneList()
    async with app.run_test(size=(40, 8)) as pilot:
        steps = app.query_one("#steps", VirtualList)
        await pilot.pause()
        assert _painted(steps, 3) == ("step 3", False)

        # The runner's agenda at a step: a row restyled, same text (Content's == sees no change).
        rows = [(Content(f"step {n}"),) for n in range(5)]
        rows[3] = (Content.styled("step 3", "bold"),)
        steps.update_items(rows)
        await pilot.pause()
        assert _painted(steps, 3) == ("step 3", True)

        rows[4] = ("step 4, done",)  # a row retitled, and the cursor moved
        steps.update_items(rows, cursor=4)
        await pilot.pause()
        assert _painted(steps, 4)[0] == "step 4, done"
        assert steps.cursor == 4

        steps.update_items([("only one",)])  # another count: every row is drawn again
        await pilot.pause()
        assert _painted(steps, 0)[0] == "only one"
        assert steps.cursor == 0
