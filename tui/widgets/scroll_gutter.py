"""A ScrollView that paints its vertical scrollbar in its own lines (the virtual list's base).

Textual draws a scrollbar as a widget of its own, placed, sized and rendered again at every
layout: showing the Board (four lists) spent a fifth of a pane switch on its scrollbars.
A list instead keeps Textual's scrolling (``scrollbar-visibility: hidden`` still reserves
the column, and the wheel and ``scroll_to`` work as before) and paints the bar in that column
with Textual's own ``ScrollBarRender``, from Textual's own scrollbar geometry, so it looks the
same (``tests/tui/test_scroll_gutter.py`` compares the two, cell for cell). As on Textual's bar,
a press above or below the thumb scrolls a page, the thumb can be dragged, and the bar takes
its hover and active colours.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import TYPE_CHECKING

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBarRender
from textual.strip import Strip

if TYPE_CHECKING:
    from textual.widget import Widget

#: what a press on each part of the bar does, from the meta ScrollBarRender gives its segments
PARTS = {"scroll_up": "up", "grab": "thumb", "scroll_down": "down"}


@dataclass(frozen=True, slots=True)
class Bar:
    """One paint of the bar: a cell per line, and which part of the bar each line is."""

    cells: tuple[Segment, ...]
    parts: tuple[str, ...]  #: "up" (above the thumb), "thumb", "down", or "" (no thumb)
    key: tuple[object, ...] = ()  #: what it was painted from


def bar_colours(widget: Widget, *, hover: bool, grabbed: bool) -> tuple[RichColor, RichColor, bool]:
    """The bar's background and thumb colours as Textual's ScrollBar works them out from the
    list's styles, and whether it has a thumb (a screen whose scrollbar colour is transparent has none)."""
    styles = widget.styles
    if grabbed:
        background, colour = styles.scrollbar_background_active, styles.scrollbar_color_active
    elif hover:
        background, colour = styles.scrollbar_background_hover, styles.scrollbar_color_hover
    else:
        background, colour = styles.scrollbar_background, styles.scrollbar_color
    if background.a < 1:
        background = widget.background_colors[0] + background
    colour = background + colour
    return background.rich_color, colour.rich_color, widget.screen.styles.scrollbar_color.a != 0


def paint_bar(widget: Widget, height: int, thickness: int, *, hover: bool = False, grabbed: bool = False,
              last: Bar | None = None) -> Bar:
    """The bar of a scrolling ``widget`` ``height`` lines tall, where Textual's scrollbar would put
    its thumb (``last`` again if nothing it was painted from changed: a cursor move keeps the bar)."""
    back, thumb_colour, thumb = bar_colours(widget, hover=hover, grabbed=grabbed)
    scrollbar = widget.vertical_scrollbar  # hidden, but Textual keeps its geometry up to date
    virtual_size, window_size = scrollbar.window_virtual_size, scrollbar.window_size
    base = widget.rich_style
    key = (height, thickness, virtual_size, window_size, scrollbar.position, back, thumb_colour, thumb, base)
    if last is not None and last.key == key:
        return last
    segments = ScrollBarRender.render_bar(
        size=height,
        virtual_size=ceil(virtual_size) if thumb else 100,
        window_size=ceil(window_size if window_size < virtual_size else 0) if thumb else 0,
        position=scrollbar.position if thumb else 0,
        thickness=thickness,
        vertical=True,
        back_color=back,
        bar_color=thumb_colour,
    ).segments
    # The list handles presses on the bar itself (the meta names the ScrollBar's actions, which
    # would not resolve on the list): the cells keep the colours, the parts say what a press does.
    # Under them, the list's own style, as Textual paints a widget's render over its base style.
    styles = [segment.style or Style() for segment in segments]
    cells = tuple(Segment(segment.text, base + Style(color=style.color, bgcolor=style.bgcolor, reverse=style.reverse))
                  for segment, style in zip(segments, styles, strict=True))
    parts = tuple(PARTS.get(str(style.meta.get("@mouse.down")), "") for style in styles)
    return Bar(cells, parts, key)


def with_bar(strip: Strip, cell: Segment | None) -> Strip:
    """A line of content with its cell of the scrollbar at the right."""
    return strip if cell is None else Strip([*strip, cell], strip.cell_length + cell.cell_length)


class GutterScrollView(ScrollView):
    """A ScrollView whose ``render_line`` ends each line with ``_bar_cell(y)`` (see ``with_bar``)."""

    DEFAULT_CSS = """
    GutterScrollView {
        scrollbar-visibility: hidden;
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None,  # noqa: A002 - Textual's keyword
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._bar: Bar | None = None  #: the bar of the last paint
        self._bar_checked = False  #: ``_bar`` is this paint's (checked by the first line that needs it)
        self._bar_hover = False
        self._bar_grab: tuple[float, float] | None = None  #: (screen y, scroll y) where the thumb was grabbed

    def render_lines(self, crop: Region) -> list[Strip]:
        self._bar_checked = False
        return super().render_lines(crop)

    def _bar_cell(self, y: int) -> Segment | None:
        """Line ``y``'s cell of the scrollbar (None: no bar on show)."""
        if not self.show_vertical_scrollbar:
            return None
        if not self._bar_checked or self._bar is None:
            self._bar_checked = True
            height, thickness = self.scrollable_content_region.height, self.scrollbar_size_vertical
            self._bar = paint_bar(self, height, thickness, hover=self._bar_hover, grabbed=self._bar_grab is not None,
                                  last=self._bar)
        cells = self._bar.cells
        return cells[y] if 0 <= y < len(cells) else None

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) == round(new_value) and int(old_value * 8) != int(new_value * 8):
            self._repaint_bar()  # the thumb moves by eighths of a line: the lines themselves did not move

    def _repaint_bar(self) -> None:
        if self.show_vertical_scrollbar:
            region = self.scrollable_content_region  # refresh() takes the content's coordinates
            self.refresh(Region(region.width, 0, self.scrollbar_size_vertical, region.height))

    # -- the mouse on the bar -----------------------------------------------------------
    def on_bar(self, x: int) -> bool:
        """Whether column ``x`` (from the widget's left edge, as in mouse events) is the bar's."""
        if not self.show_vertical_scrollbar:
            return False
        left = self.scrollable_content_region.right - self.region.x
        return left <= x < left + self.scrollbar_size_vertical

    def _bar_part(self, y: int) -> str:
        row = y - (self.scrollable_content_region.y - self.region.y)
        bar = paint_bar(self, self.scrollable_content_region.height, self.scrollbar_size_vertical,
                        hover=self._bar_hover, grabbed=self._bar_grab is not None, last=self._bar)
        return bar.parts[row] if 0 <= row < len(bar.parts) else ""

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if not self.on_bar(event.x):
            return
        event.stop()
        part = self._bar_part(event.y)
        if part == "up":
            self.scroll_page_up()
        elif part == "down":
            self.scroll_page_down()
        elif part == "thumb":
            self._bar_grab = (event.screen_y, self.scroll_y)
            self.capture_mouse()
            self._repaint_bar()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._bar_grab is None:
            self._hover(self.on_bar(event.x))
            return
        event.stop()
        grab_y, grab_scroll = self._bar_grab
        scrollbar = self.vertical_scrollbar
        if scrollbar.window_size:
            ratio = scrollbar.window_virtual_size / scrollbar.window_size
            self.scroll_to(y=grab_scroll + (event.screen_y - grab_y) * ratio, animate=False)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._bar_grab is not None:
            event.stop()
            self.release_mouse()

    def on_mouse_release(self, event: events.MouseRelease) -> None:
        if self._bar_grab is not None:
            self._bar_grab = None
            self._repaint_bar()

    def on_leave(self, event: events.Leave) -> None:
        self._hover(False)

    def _hover(self, over: bool) -> None:
        if over != self._bar_hover:
            self._bar_hover = over
            self._repaint_bar()
