"""The tab bar over the four panes, which also shows one pane and hides the others.

Textual's TabbedContent cost a third of a pane switch (1 / 4): two containers, a Tabs widget
of six more, restyled and re-rendered whole at each switch. This is one two-line widget
painted from its own lines, drawn like Textual's Tabs (same theme variables, Textual's own
underline ``Bar``, the same slide of the underline; ``tests/tui/test_pane_tabs.py`` compares
the two, cell for cell), and the panes are its siblings: a switch hides one pane and shows
the other, and nothing else is restyled.

Like Textual's Tabs it takes the focus (tab reaches it; left / right then move between panes),
and a click on a tab or under it shows that pane.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.strip import Strip
from textual.widget import Widget

from tui.widgets.words import N_


class PaneTabs(Widget, can_focus=True):
    """The tab bar: one tab per pane, the active pane's tab underlined; ``active`` shows a pane."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pane-tabs--tab", "pane-tabs--hover", "pane-tabs--active", "pane-tabs--bar",
    }
    #: the rules of Textual's Tab, Tabs and Underline (textual==8.2.8), on component classes
    DEFAULT_CSS = """
    PaneTabs {
        width: 1fr;
        height: 2;
        & > .pane-tabs--tab { color: $foreground 50%; }
        & > .pane-tabs--hover { color: $foreground; }
        & > .pane-tabs--active { color: $foreground; }
        & > .pane-tabs--bar { color: $block-cursor-background; background: $foreground 10%; }
        &:ansi {
            & > .pane-tabs--tab, & > .pane-tabs--hover { text-style: dim; }
            & > .pane-tabs--active { text-style: not dim bold; }
            & > .pane-tabs--bar { color: $block-cursor-background; background: $border-blurred; }
        }
        &:focus {
            & > .pane-tabs--bar { background: $foreground 30%; }
            & > .pane-tabs--active {
                text-style: $block-cursor-text-style;
                color: $block-cursor-foreground;
                background: $block-cursor-background;
            }
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move_tab(-1)", N_("Previous pane"), show=False, id="tabs.previous",
                tooltip=N_("Show the pane on the left")),
        Binding("right", "move_tab(1)", N_("Next pane"), show=False, id="tabs.next",
                tooltip=N_("Show the pane on the right")),
    ]

    active: reactive[str] = reactive("", init=False, repaint=False)
    """The id of the pane on show."""
    #: where the underline is drawn (cells, from the left): it slides from tab to tab
    highlight_start: reactive[float] = reactive(0.0, init=False)
    highlight_end: reactive[float] = reactive(0.0, init=False)

    class Switched(Message):
        """Another pane is on show (a key, a click on its tab, or a focus inside it)."""

        def __init__(self, tabs: PaneTabs, pane: Widget) -> None:
            super().__init__()
            self.tabs = tabs
            self.pane = pane

        @property
        def control(self) -> PaneTabs:
            return self.tabs

    def __init__(self, panes: Sequence[tuple[Widget, str]], *, active: str, id: str | None = None) -> None:  # noqa: A002
        """``panes``: each pane (a sibling of the bar, with an id) and its tab's label."""
        super().__init__(id=id)
        self._panes = {pane.id or "": pane for pane, _label in panes}
        self._labels = {pane.id or "": label for pane, label in panes}
        self._hover: str | None = None
        #: underlines drawn: 1 / 4 back and forth draws the same two again (Textual's Bar is slow to render)
        self._underlines: LRUCache[tuple[object, ...], Strip] = LRUCache(64)
        self.set_reactive(PaneTabs.active, active)
        for pane_id, pane in self._panes.items():
            pane.display = pane_id == active  # before the first layout: hidden panes cost nothing
        self.set_reactive(PaneTabs.highlight_start, float(self._span(active)[0]))
        self.set_reactive(PaneTabs.highlight_end, float(self._span(active)[1]))

    # -- what the app reads ---------------------------------------------------------------
    @property
    def active_pane(self) -> Widget | None:
        return self._panes.get(self.active)

    def label(self, pane_id: str) -> str:
        """The words on a pane's tab."""
        return self._labels[pane_id]

    # -- geometry -------------------------------------------------------------------------
    def _tabs(self) -> list[tuple[str, int, int]]:
        """Each tab's pane id, first cell and width (its label with a cell either side)."""
        tabs, x = [], 0
        for pane_id, label in self._labels.items():
            width = cell_len(label) + 2
            tabs.append((pane_id, x, width))
            x += width
        return tabs

    def _span(self, pane_id: str) -> tuple[int, int]:
        """The cells of a tab's label: where the underline is drawn under it."""
        for tab_id, x, width in self._tabs():
            if tab_id == pane_id:
                return x + 1, x + width - 1
        return 0, 0

    def _tab_at(self, x: int) -> str | None:
        return next((pane_id for pane_id, left, width in self._tabs() if left <= x < left + width), None)

    # -- switching ------------------------------------------------------------------------
    def watch_active(self, old: str, new: str) -> None:
        if old in self._panes:  # hidden first, as Textual's ContentSwitcher does
            self._panes[old].display = False
        pane = self._panes[new]
        pane.display = True
        self.refresh(Region(0, 0, self.size.width, 1))
        start, end = self._span(new)
        self.animate("highlight_start", float(start), duration=0.3, level="basic")
        self.animate("highlight_end", float(end), duration=0.3, level="basic")
        self.post_message(self.Switched(self, pane))

    def action_move_tab(self, direction: int) -> None:
        """Show the next pane to the right (1) or the left (-1), wrapping round as Textual's Tabs do."""
        ids = list(self._panes)
        self.active = ids[(ids.index(self.active) + direction) % len(ids)]

    def on_click(self, event: events.Click) -> None:
        pane_id = self._tab_at(event.x)
        if pane_id is not None:
            self.focus()
            self.active = pane_id

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_tab(self._tab_at(event.x) if event.y == 0 else None)

    def on_leave(self, event: events.Leave) -> None:
        self._hover_tab(None)

    def _hover_tab(self, pane_id: str | None) -> None:
        if pane_id != self._hover:
            self._hover = pane_id
            self.refresh(Region(0, 0, self.size.width, 1))

    # -- painting ---------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.size.width
        return self._tab_line(width) if y == 0 else self._underline(width) if y == 1 else Strip.blank(width)

    def _tab_line(self, width: int) -> Strip:
        """Each tab as Textual's Tab paints it: its label in the tab's colours, a padding cell either side."""
        segments: list[Segment] = []
        for pane_id, _x, _width in self._tabs():
            state = ("active" if pane_id == self.active else "hover" if pane_id == self._hover else "tab")
            style = self.get_component_rich_style(f"pane-tabs--{state}")
            padding = Style(bgcolor=style.bgcolor)
            segments += [Segment(" ", padding), Segment(self._labels[pane_id], style), Segment(" ", padding)]
        used = sum(segment.cell_length for segment in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), Style(bgcolor=self.rich_style.bgcolor)))
        return Strip(segments).crop(0, width)

    def _underline(self, width: int) -> Strip:
        """Textual's underline bar, highlighted under the active tab's label."""
        bar_style = self.get_component_rich_style("pane-tabs--bar")
        key = (width, self.highlight_start, self.highlight_end, bar_style, self.rich_style)
        if (strip := self._underlines.get(key)) is not None:
            return strip
        bar = Bar(
            highlight_range=(self.highlight_start, self.highlight_end),
            highlight_style=Style.from_color(bar_style.color),
            background_style=Style.from_color(bar_style.bgcolor),
        )
        console = self.app.console
        lines = console.render_lines(bar, console.options.update(width=width, height=1), style=self.rich_style,
                                     pad=True, new_lines=False)
        strip = self._underlines[key] = Strip(lines[0], width)
        return strip
