"""A virtual list on Textual's Line API: it renders only the rows on screen.

A ListView builds one widget per row (1,000 rows took 5.5 s to first frame here) and a
DataTable measures every row up front (10,000 rows: 3 s). This list keeps plain row data
and turns a row into a Strip only when that row is painted, so 10,000 rows cost what the
visible forty cost.

Every item is the same number of lines tall (``item_height``), with ``gap`` blank lines
between items; an item is a sequence of lines, each a ``str``, a Textual ``Content``, or a
``(left, right)`` pair whose right part is kept whole at the right edge while the left part
is cut to fit. Content spans may name a component class
of this widget or of any ancestor (style ``".my-widget--overdue"``), so colours come from
the theme's variables in TCSS rather than from the data.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import ClassVar, TypeVar, overload

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.color import Color
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from tui.widgets.scroll_gutter import GutterScrollView, with_bar
from tui.widgets.words import N_

T = TypeVar("T")
Text = str | Content
Line = Text | tuple[Text, Text]
Item = Sequence[Line]


class LazySequence(Sequence[T]):
    """Items built on first access and kept: a list of 10,000 rows builds only what it paints."""

    def __init__(self, length: int, build: Callable[[int], T]) -> None:
        self._length = length
        self._build = build
        self._built: dict[int, T] = {}

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        item = self._built.get(index)
        if item is None:
            item = self._built[index] = self._build(index)
        return item


class VirtualList(GutterScrollView, can_focus=True, inherit_bindings=False):
    """A keyboard-driven list of fixed-height items, painted lazily."""

    #: the cursor's look when the list has the focus is a class of its own, not a ``:focus`` rule:
    #: a component style that changes with focus makes Textual repaint the whole list.
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--cursor",
        "virtual-list--focused-cursor",
        "virtual-list--empty",
    }

    DEFAULT_CSS = """
    VirtualList {
        height: 1fr;
        overflow-x: hidden;
        background: $surface;
        & > .virtual-list--cursor {
            background: $boost;
        }
        & > .virtual-list--focused-cursor {
            background: $primary 35%;
        }
        & > .virtual-list--empty {
            color: $text-muted;
            text-style: italic;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", N_("Down"), show=False, id="list.cursor_down", tooltip=N_("Next item")),
        Binding("k,up", "cursor_up", N_("Up"), show=False, id="list.cursor_up", tooltip=N_("Previous item")),
        Binding("pagedown", "page_down", N_("Page down"), show=False, id="list.page_down", tooltip=N_("One page down")),
        Binding("pageup", "page_up", N_("Page up"), show=False, id="list.page_up", tooltip=N_("One page up")),
        Binding("home", "first_item", N_("First"), show=False, id="list.first", tooltip=N_("First item")),
        Binding("end", "last_item", N_("Last"), show=False, id="list.last", tooltip=N_("Last item")),
        Binding("enter", "select_item", N_("Open"), show=False, id="list.select", tooltip=N_("Open the item")),
    ]

    cursor: reactive[int] = reactive(0, always_update=False, init=False, repaint=False)
    """Index of the highlighted item (a move repaints the two items' lines, not the list)."""

    class Highlighted(Message):
        """The cursor moved to another item."""

        def __init__(self, virtual_list: VirtualList, index: int) -> None:
            super().__init__()
            self.virtual_list = virtual_list
            self.index = index

        @property
        def control(self) -> VirtualList:
            return self.virtual_list

    class Selected(Message):
        """The person chose an item (enter, or a click on the highlighted item)."""

        def __init__(self, virtual_list: VirtualList, index: int) -> None:
            super().__init__()
            self.virtual_list = virtual_list
            self.index = index

        @property
        def control(self) -> VirtualList:
            return self.virtual_list

    def __init__(
        self,
        items: Sequence[Item] = (),
        *,
        item_height: int = 1,
        gap: int = 0,
        empty_text: str = "",
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - Textual's keyword
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.item_height = max(1, item_height)
        self.gap = max(0, gap)
        self._items: Sequence[Item] = items
        self._empty_text = empty_text
        self._strips: LRUCache[tuple[int, int, bool, int, Segment | None], Strip] = LRUCache(1024)
        #: the cursor item's lines, kept apart: a focus change restyles only them
        self._cursor_strips: dict[tuple[int, int, bool, int, Segment | None], Strip] = {}
        self._look: tuple[Style, ...] = ()
        self._look_checked = False
        self._paint_width = 0
        self._paint_top = 0
        self._resized_width = -1
        self.virtual_size = self._virtual_size()

    # -- data -------------------------------------------------------------------------
    @property
    def item_count(self) -> int:
        return len(self._items)

    @property
    def empty_text(self) -> str:
        return self._empty_text

    @empty_text.setter
    def empty_text(self, text: str) -> None:
        self._empty_text = text
        if not self._items:
            self.refresh()

    def set_items(self, items: Sequence[Item], cursor: int | None = None) -> None:
        """Replace every item; keep the cursor at ``cursor`` (default: where it was, clamped)."""
        self._items = items
        self._clear_strips()
        self.virtual_size = self._virtual_size()
        target = self.cursor if cursor is None else cursor
        target = max(0, min(target, len(items) - 1))
        self.set_reactive(VirtualList.cursor, target)
        self._scroll_cursor_into_view()
        self.refresh()

    def update_items(self, items: Sequence[Item], cursor: int | None = None) -> None:
        """Like ``set_items``, for a short list whose rows mostly stay (the meeting runner's agenda
        at each step): with the same number of items, only the rows that changed and the cursor's
        old and new rows are repainted, so the frame does not redraw the screen around the list."""
        old = self._items
        if len(old) != len(items) or not items or isinstance(old, LazySequence) or isinstance(items, LazySequence):
            self.set_items(items, cursor)
            return
        changed = [index for index, (was, now) in enumerate(zip(old, items, strict=True)) if not _same_item(was, now)]
        self._items = items
        self._clear_strips()  # only the rows repainted below are drawn again
        before = self.cursor
        target = max(0, min(self.cursor if cursor is None else cursor, len(items) - 1))
        self.set_reactive(VirtualList.cursor, target)
        for index in sorted({*changed, before, target}):
            self.refresh_lines(index * self.stride, self.item_height)
        self._scroll_cursor_into_view()

    # -- geometry -------------------------------------------------------------------
    @property
    def stride(self) -> int:
        """Lines from the top of one item to the top of the next."""
        return self.item_height + self.gap

    def _virtual_size(self) -> Size:
        count = len(self._items)
        return Size(0, max(0, count * self.stride - self.gap))

    # -- cursor -----------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._items) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._cursor_strips.clear()  # only the cursor's own lines are kept there
        self.refresh_lines(old * self.stride, self.item_height)
        self.refresh_lines(new * self.stride, self.item_height)
        self._scroll_cursor_into_view()
        self.post_message(self.Highlighted(self, new))

    def _scroll_cursor_into_view(self) -> None:
        if not self._items:
            self.scroll_to(y=0, animate=False, immediate=True)
            return
        top = self.cursor * self.stride
        bottom = top + self.item_height
        view = self.scrollable_content_region.height
        scroll_y = round(self.scroll_y)
        if top < scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif view and bottom > scroll_y + view:
            # Scroll by whole items, so the top of the view starts with an item, not half of one.
            stride = self.stride
            self.scroll_to(y=min(top, -(-(bottom - view) // stride) * stride), animate=False, immediate=True)

    def _clear_strips(self) -> None:
        self._strips.clear()
        self._cursor_strips.clear()

    def on_resize(self) -> None:
        """Textual sends Resize each time a hidden pane is shown again: the painted lines are
        kept unless the width changed (1-4 would otherwise repaint every visible row)."""
        width = self.line_width
        if width != self._resized_width:
            self._resized_width = width
            self._clear_strips()
        self._scroll_cursor_into_view()

    def notify_style_update(self) -> None:
        """Textual restyles a widget at every focus change, mostly to the same look: the painted
        lines are dropped at the next paint only if the look really changed."""
        super().notify_style_update()
        self._look_checked = False

    def _check_look(self) -> None:
        """Drop the painted lines if a style they were painted with changed (a theme, a class)."""
        self._look_checked = True
        look = (self.get_visual_style(), *(self.get_visual_style(name) for name in sorted(self.COMPONENT_CLASSES)))
        if look != self._look:
            self._look = look
            self._clear_strips()

    def on_focus(self) -> None:
        self._refresh_cursor_item()

    def on_blur(self) -> None:
        self._refresh_cursor_item()

    def _refresh_cursor_item(self) -> None:
        """Focus changes only the cursor's colour: repaint its lines, not the whole list (h / l on
        the Board moves focus between two lists at every key)."""
        self._cursor_strips.clear()
        if self._items:
            self.refresh_lines(self.cursor * self.stride, self.item_height)
        else:
            self.refresh()

    # -- actions ----------------------------------------------------------------------
    @property
    def _page(self) -> int:
        return max(1, (self.scrollable_content_region.height + self.gap) // self.stride)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += self._page

    def action_page_up(self) -> None:
        self.cursor -= self._page

    def action_first_item(self) -> None:
        self.cursor = 0

    def action_last_item(self) -> None:
        self.cursor = len(self._items) - 1

    def action_select_item(self) -> None:
        if self._items:
            self.post_message(self.Selected(self, self.cursor))

    async def _on_click(self, event: events.Click) -> None:
        if self.on_bar(event.x):
            event.stop()  # the press on the bar was handled at mouse down (scroll_gutter.py)
            return
        index, offset = divmod(event.y + round(self.scroll_y), self.stride)
        if offset >= self.item_height or not 0 <= index < len(self._items):
            return
        event.stop()
        if index == self.cursor and event.chain >= 1:
            self.post_message(self.Selected(self, index))
        else:
            self.cursor = index

    # -- painting ---------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        """The width and the scroll offset are looked up once per paint, not once a line: a
        scroll repaints every line of the list."""
        self._paint_width = self.line_width
        self._paint_top = round(self.scroll_y)
        return super().render_lines(crop)

    def _blank(self, width: int, cell: Segment | None = None) -> Strip:
        """A gap or an empty line (the style lookup walks the ancestors: kept with the lines)."""
        key = (-1, -1, False, width, cell)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = with_bar(Strip.blank(width, self.rich_style), cell)
        return strip

    def render_line(self, y: int) -> Strip:
        if not self._look_checked:
            self._check_look()
        width = self._paint_width
        line = self._paint_top + y
        index, offset = divmod(line, self.stride)
        cell = self._bar_cell(y)
        if not self._items:
            wrapped = textwrap.wrap(self._empty_text, max(1, width)) if self._empty_text else []
            if line < len(wrapped):
                return self._paint(wrapped[line], self.get_visual_style("virtual-list--empty"), width)
            return self._blank(width, cell)
        if index >= len(self._items) or offset >= self.item_height:
            return self._blank(width, cell)
        highlighted = index == self.cursor
        key = (index, offset, highlighted, width, cell)
        cache = self._cursor_strips if highlighted else self._strips
        strip = cache.get(key)
        if strip is None:
            lines = self._items[index]
            text = lines[offset] if offset < len(lines) else ""
            if highlighted:
                cursor = "virtual-list--focused-cursor" if self.has_focus else "virtual-list--cursor"
                style = self.get_visual_style(cursor)
            else:
                style = self.get_visual_style()
            strip = cache[key] = with_bar(self._paint(text, style, width), cell)
        return strip

    def _get_style(self, style: Style | str) -> Style:
        """A span's component class style. Textual resolves an ``auto`` colour there (``$text-muted``
        is "auto 60%") against no background, i.e. as white: invisible on a light theme. Kept
        ``auto``, it contrasts with the row it is painted on (the column, or the cursor)."""
        resolved = super()._get_style(style)
        if isinstance(style, str) and style.startswith("."):
            for node in self.ancestors_with_self:
                if not isinstance(node, Widget):
                    break
                try:
                    styles = node.get_component_styles(style[1:])
                except KeyError:
                    continue
                if styles.auto_color:
                    return replace(resolved, foreground=Color(0, 0, 0, styles.color.a, auto=True))
                break
        return resolved

    def _paint(self, line: Line, style: Style, width: int) -> Strip:
        """One line cut to ``width`` (with an ellipsis) on ``style``; a pair is split left / right."""
        if isinstance(line, tuple):
            left, right = (part if isinstance(part, Content) else Content(part) for part in line)
            right = right.truncate(width, ellipsis=True)
            room = width - right.cell_length
            content = left.truncate(max(0, room - 1), ellipsis=True, pad=True) + " " + right if room > 1 else right
        else:
            content = line if isinstance(line, Content) else Content(line)
        content = content.truncate(width, ellipsis=True, pad=True)
        segments = [
            Segment(text, piece.rich_style)
            for text, piece in content.render(style, end="", parse_style=self._get_style)
        ]
        return Strip(segments, width)


def _same_line(a: Line, b: Line) -> bool:
    """Same text and same styles (Content's own == compares the text only)."""
    if isinstance(a, tuple) or isinstance(b, tuple):
        return (isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b)
                and all(_same_line(x, y) for x, y in zip(a, b, strict=True)))
    if isinstance(a, Content) or isinstance(b, Content):
        return (isinstance(a, Content) and isinstance(b, Content)
                and a.plain == b.plain and list(a.spans) == list(b.spans))
    return a == b


def _same_item(a: Item, b: Item) -> bool:
    return len(a) == len(b) and all(_same_line(x, y) for x, y in zip(a, b, strict=True))
