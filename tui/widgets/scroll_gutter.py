"""A ScrollView that paints its vertical scrollbar in its own lines (the virtual list's base).

Textual draws a scrollbar as a widget of its own: placed, sized, restyled at each focus move
and rendered again at each layout. Showing the Board (four lists) spent a fifth of a pane switch
(1 / 4) on its scrollbars. This view has no scrollbar widget (``overflow-y: hidden``) but
scrolls as before (``allow_vertical_scroll``: the wheel, ``scroll_to``), and when its lines do
not fit it keeps the last column (``scrollbar-size-vertical``) for a bar painted there with
Textual's own ``ScrollBarRender``, where Textual would put the thumb, in the same colours
(``tests/tui/test_scroll_gutter.py`` compares the two, cell for cell). As on Textual's bar, a
press above or below the thumb scrolls a page, the thumb can be dragged, and the bar takes its
hover and active colours.
"""

from __future__ import annotations

from dataclasses import dataclass
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


def paint_bar(widget: Widget, height: int, thickness: int, virtual_size: int, position: float, *,
              hover: bool = False, grabbed: bool = False, last: Bar | None = None) -> Bar:
    """The bar of a view ``height`` lines tall on ``virtual_size`` lines scrolled to ``position``,
    with the thumb where Textual's ScrollBar would draw it (``last`` again if nothing it was
    painted from changed: a cursor move keeps the bar)."""
    back, thumb_colour, thumb = bar_colours(widget, hover=hover, grabbed=grabbed)
    position = int(position * 8) / 8  # as ScrollBar.validate_position: eighths of a line
    base = widget.rich_style
    key = (height, thickness, virtual_size, position, back, thumb_colour, thumb, base)
    if last is not None and last.key == key:
        return last
    segments = ScrollBarRender.render_bar(
        size=height,
        virtual_size=virtual_size if thumb else 100,
        window_size=height if thumb and height < virtual_size else 0,
        position=position if thumb else 0,
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
    """A ScrollView whose ``render_line`` ends each line with ``_bar_cell(y)`` (see ``with_bar``)
    and fills ``line_width`` columns before it."""

    DEFAULT_CSS = """
    GutterScrollView {
        overflow-y: hidden;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None,  # noqa: A002 - Textual's keyword
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._bar: Bar | None = None  #: the bar of the last paint
        self._bar_checked = False  #: ``_bar`` is this paint's (checked by the first line that needs it)
        self._bar_hover = False
        self._bar_grab: tuple[float, float] | None = None  #: (screen y, scroll y) where the thumb was grabbed

    # -- geometry -------------------------------------------------------------------------
    @property
    def allow_vertical_scroll(self) -> bool:
        """Scrolls whenever its lines do not fit, as with ``overflow-y: auto`` (the wheel, ``scroll_to``)."""
        return not self.disabled and self.max_scroll_y > 0

    @property
    def bar_width(self) -> int:
        """Columns the bar takes now: none while every line fits."""
        if self.virtual_size.height <= self.scrollable_content_region.height:
            return 0
        return self.styles.scrollbar_size_vertical

    @property
    def line_width(self) -> int:
        """Columns left for the lines, beside the bar."""
        return max(0, self.scrollable_content_region.width - self.bar_width)

    # -- painting ---------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        self._bar_checked = False
        return super().render_lines(crop)

    def _paint_bar(self) -> Bar:
        region = self.scrollable_content_region
        return paint_bar(self, region.height, self.bar_width, self.virtual_size.height, self.scroll_y,
                         hover=self._bar_hover, grabbed=self._bar_grab is not None, last=self._bar)

    def _bar_cell(self, y: int) -> Segment | None:
        """Line ``y``'s cell of the scrollbar (None: no bar on show)."""
        if not self.bar_width:
            return None
        if not self._bar_checked or self._bar is None:
            self._bar_checked = True
            self._bar = self._paint_bar()
        cells = self._bar.cells
        return cells[y] if 0 <= y < len(cells) else None

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) == round(new_value) and int(old_value * 8) != int(new_value * 8):
            self._repaint_bar()  # the thumb moves by eighths of a line: the lines themselves did not move

    def _repaint_bar(self) -> None:
        if width := self.bar_width:  # refresh() takes the content's coordinates
            self.refresh(Region(self.line_width, 0, width, self.scrollable_content_region.height))

    # -- the mouse on the bar -----------------------------------------------------------
    def on_bar(self, x: int) -> bool:
        """Whether column ``x`` (from the widget's left edge, as in mouse events) is the bar's."""
        width = self.bar_width
        right = self.scrollable_content_region.right - self.region.x
        return bool(width) and right - width <= x < right

    def _bar_part(self, y: int) -> str:
        row = y - (self.scrollable_content_region.y - self.region.y)
        parts = self._paint_bar().parts
        return parts[row] if 0 <= row < len(parts) else ""

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
        window = self.scrollable_content_region.height
        if window:
            ratio = self.virtual_size.height / window
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
