"""A virtual list paints its own scrollbar: it looks like Textual's, and the mouse works on it as on Textual's."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.geometry import Region

from tui.widgets.virtual_list import VirtualList

ROWS = 60


class TextualBar(VirtualList):
    """The same list with Textual's own scrollbar widget drawn over the column."""

    DEFAULT_CSS = "TextualBar { overflow-y: auto; }"


class Lists(App[None]):
    def compose(self) -> ComposeResult:
        with Horizontal():
            yield VirtualList([(f"row {n}",) for n in range(ROWS)], id="painted", classes="-padded")
            yield TextualBar([(f"row {n}",) for n in range(ROWS)], id="textual", classes="-padded")

    CSS = ".-padded { padding: 0 0 0 1; }"


def _plain(segment: Segment) -> tuple[str, Style | None]:
    style = segment.style
    return segment.text, None if style is None else Style(color=style.color, bgcolor=style.bgcolor,
                                                          reverse=style.reverse)


def _painted_bar(widget: VirtualList) -> list[tuple[str, Style | None]]:
    lines = widget.render_lines(Region(0, 0, widget.region.width, widget.region.height))
    return [_plain(list(line)[-1]) for line in lines]


def _textual_bar(widget: VirtualList) -> list[tuple[str, Style | None]]:
    scrollbar = widget.vertical_scrollbar
    lines = scrollbar.render_lines(Region(0, 0, 1, scrollbar.region.height))
    return [_plain(list(line)[0]) for line in lines]


async def test_the_painted_scrollbar_looks_like_textuals_wherever_the_list_is_scrolled() -> None:
    app = Lists()
    async with app.run_test(size=(60, 20)) as pilot:
        painted, textual = app.query_one("#painted", VirtualList), app.query_one("#textual", VirtualList)
        for y in (0, 7.5, 21, ROWS):  # the top, between lines (a thumb end in eighths), the middle, the end
            painted.scroll_to(y=y, animate=False, immediate=True)
            textual.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause()
            assert _painted_bar(painted) == _textual_bar(textual), f"scrolled to {y}"
        column = painted.region.right - 1
        assert app.screen.get_widget_at(column, 0)[0] is painted, "no scrollbar widget is laid out for it"


async def test_a_press_below_the_thumb_pages_down_and_leaves_the_cursor() -> None:
    app = Lists()
    async with app.run_test(size=(60, 20)) as pilot:
        painted = app.query_one("#painted", VirtualList)
        bar_x = painted.region.width - 1
        await pilot.click(painted, offset=(bar_x, painted.region.height - 1))
        await pilot.wait_for_scheduled_animations()  # it scrolls smoothly, as on Textual's bar
        assert painted.scroll_y == painted.region.height, "one page down"
        assert painted.cursor == 0, "a press on the bar is not a click on a row"
        await pilot.click(painted, offset=(bar_x, 0))
        await pilot.wait_for_scheduled_animations()
        assert painted.scroll_y == 0, "a press above the thumb pages back up"
        assert painted.allow_vertical_scroll, "the mouse wheel still scrolls the list"


async def test_dragging_the_thumb_scrolls_the_list() -> None:
    app = Lists()
    async with app.run_test(size=(60, 20)) as pilot:
        painted = app.query_one("#painted", VirtualList)
        bar_x = painted.region.width - 1
        await pilot.mouse_down(painted, offset=(bar_x, 0))
        await pilot.hover(painted, offset=(bar_x, 5))
        await pilot.mouse_up(painted, offset=(bar_x, 5))
        await pilot.pause()
        ratio = ROWS / painted.region.height
        assert painted.scroll_y == round(5 * ratio), "five lines of bar are five windows' share of the rows"
        assert painted.cursor == 0
