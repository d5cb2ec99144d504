"""One column of the task board: a header with its name and count, and a virtual list of cards.

The column knows nothing of the store: the board pane hands it plain ``Card`` values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from tui.widgets.virtual_list import Item, LazySequence, Line, VirtualList
from tui.widgets.words import N_

#: what a card shows in front of its title, by priority (normal shows nothing)
#: below this many cells a column's card titles take two lines (four columns at 80 columns
#: leave ~17 cells: one line cut titles to a couple of words)
NARROW_TITLE = 24
PRIORITY_MARKS: dict[str, tuple[str, str]] = {
    "urgent": ("‼ ", ".board-column--urgent"),
    "high": ("! ", ".board-column--high"),
    "low": ("↓ ", ".board-column--muted"),
}


@dataclass(frozen=True, slots=True)
class Card:
    """What the board shows of a task."""

    id: str
    title: str
    owner: str = ""
    department: str = ""
    due: str = ""  #: the due date in the reader's words ("5 Dec", "overdue 24 Nov"): the pane's
    overdue: bool = False
    priority: str = "normal"


def short_name(name: str) -> str:
    """ "Ana Ruiz" -> "Ana R.": cards are narrow, and first names are what people say."""
    parts = name.split()
    if len(parts) < 2:
        return name
    return f"{parts[0]} {parts[-1][0]}."


def split_title(title: str, width: int) -> tuple[str, str]:
    """The title's first line at ``width`` (cut after a space or a hyphen when there is one) and the rest."""
    if len(title) <= width:
        return title, ""
    cut = max(title.rfind(" ", 0, width + 1), title.rfind("-", 0, width) + 1 if "-" in title[:width] else -1)
    cut = cut if cut > width // 2 else width
    return title[:cut].rstrip(), title[cut:].lstrip()


def card_lines(card: Card, title_width: int | None = None) -> Item:
    """Priority mark and title; owner · department, with the due date at the right.

    With ``title_width`` (a narrow column) the title takes two lines of that width.
    """
    mark, mark_style = PRIORITY_MARKS.get(card.priority, ("", ""))
    details_line = _details(card)
    if title_width is None:
        return (Content.assemble((mark, mark_style), (card.title, ".board-column--title")), details_line)
    first, rest = split_title(card.title, max(1, title_width - len(mark)))
    title = Content.assemble((mark, mark_style), (first, ".board-column--title"))
    return (title, Content.styled(" " * len(mark) + rest, ".board-column--title"), details_line)


def _details(card: Card) -> Line:
    who = " · ".join(part for part in (short_name(card.owner), card.department) if part)
    details = Content.styled(who, ".board-column--muted")
    if not card.due:
        return details
    return (details, Content.styled(card.due, ".board-column--overdue" if card.overdue else ".board-column--muted"))


class LazyCards(LazySequence[Card]):
    """A column's cards, built on demand, that can still be found by id without building them."""

    def __init__(self, ids: Sequence[str], build: Callable[[int], Card]) -> None:
        super().__init__(len(ids), build)
        self._ids = ids
        self._index: dict[str, int] | None = None

    def index_of(self, card_id: str) -> int | None:
        if self._index is None:
            self._index = {value: index for index, value in enumerate(self._ids)}
        return self._index.get(card_id)


def index_of(cards: Sequence[Card], card_id: str) -> int | None:
    """Where the card with this id is, without building every card of a lazy column."""
    if isinstance(cards, LazyCards):
        return cards.index_of(card_id)
    return next((index for index, card in enumerate(cards) if card.id == card_id), None)


class CardList(VirtualList):
    """The cards of one column, with the board's names for the moving keys."""

    def watch_has_focus(self, has_focus: bool) -> None:
        """No style of a card list depends on ``:focus`` (the cursor's look is a component class
        the list picks itself, the column's header a class of its own), so the restyle Textual
        does here is skipped: with the list's three component styles and the scrollbar repaint
        it triggers, it was a third of an h / l (tests/tui/test_board_focus.py checks both)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", N_("Down"), show=False, id="board.down",
                tooltip=N_("Next card in the column")),
        Binding("k,up", "cursor_up", N_("Up"), show=False, id="board.up", tooltip=N_("Previous card in the column")),
    ]


class BoardColumn(Vertical):
    """A board column: header (name, count) over its cards."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "board-column--title",
        "board-column--muted",
        "board-column--overdue",
        "board-column--urgent",
        "board-column--high",
    }

    DEFAULT_CSS = """
    BoardColumn {
        width: 1fr;
        height: 1fr;
        margin: 0 1 0 0;
        background: $surface;
        & > .column-header {
            width: 1fr;
            height: 1;
            padding: 0 1;
            background: $panel;
            color: $text-muted;
            text-style: bold;
        }
        & > CardList {
            padding: 0 0 0 1;
        }
        & > .board-column--title { text-style: bold; }
        & > .board-column--muted { color: $text-muted; }
        & > .board-column--overdue { color: $error; text-style: bold; }
        & > .board-column--urgent { color: $error; text-style: bold; }
        & > .board-column--high { color: $warning; text-style: bold; }
    }
    /* The focused column's header: a class the column sets when the focus enters or leaves
       it, not a :focus-within rule, which makes Textual restyle the whole column (its list,
       five component styles, the scrollbars) at each h / l. */
    BoardColumn > .column-header.-focused {
        background: $primary;
        color: $text;
    }
    """

    class Selected(Message):
        """The person opened a card (enter or a second click)."""

        def __init__(self, column: BoardColumn, card: Card) -> None:
            super().__init__()
            self.column = column
            self.card = card

        @property
        def control(self) -> BoardColumn:
            return self.column

    def __init__(
        self,
        key: str,
        title: str,
        *,
        empty_text: str = "",
        id: str | None = None,  # noqa: A002 - Textual's keyword
    ) -> None:
        super().__init__(id=id)
        self.key = key
        self.title = title
        self.cards: Sequence[Card] = ()
        self._empty_text = empty_text
        self._title_width: int | None = None  # a narrow column wraps titles onto two lines

    def compose(self) -> ComposeResult:
        yield Static(self._header(), classes="column-header", markup=False)
        yield CardList(item_height=2, gap=1, empty_text=self._empty_text)

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._focus_moved)

    def _focus_moved(self) -> None:
        """The header is highlighted while the focus is inside the column (as ``:focus-within``
        would; it follows the screen's focus, so it stays while a form is open on top)."""
        self.query_one(".column-header", Static).set_class(self.has_focus_within, "-focused")

    @property
    def card_list(self) -> CardList:
        return self.query_one(CardList)

    @property
    def selected(self) -> Card | None:
        if not self.cards:
            return None
        return self.cards[self.card_list.cursor]

    @property
    def selected_index(self) -> int:
        return self.card_list.cursor

    def _header(self) -> Content:
        return Content.assemble(self.title, "  ", (str(len(self.cards)), "not bold"))

    def set_cards(self, cards: Sequence[Card], *, select: str | None = None, empty_text: str | None = None) -> None:
        """Show ``cards``; keep the selected card by id (or select ``select``), else keep the row."""
        wanted = select if select is not None else (self.selected.id if self.selected else None)
        cursor = self.card_list.cursor
        found = index_of(cards, wanted) if wanted is not None else None
        if found is not None:
            cursor = found
        self.cards = cards
        if empty_text is not None:
            self._empty_text = empty_text
            self.card_list.empty_text = empty_text
        self.query_one(".column-header", Static).update(self._header())
        self._paint_cards(cursor)

    def _paint_cards(self, cursor: int | None = None) -> None:
        cards, width = self.cards, self._title_width
        card_list = self.card_list
        card_list.item_height = 2 if width is None else 3
        card_list.set_items(LazySequence(len(cards), lambda i: card_lines(cards[i], width)), cursor=cursor)

    def on_resize(self) -> None:
        """Narrow (80 columns): card titles take two lines, so they keep more than a word or two."""
        room = self.size.width - 2  # the list's left padding and its scrollbar
        width = room if 0 < room < NARROW_TITLE else None
        if width != self._title_width:
            self._title_width = width
            self._paint_cards()

    def select(self, card_id: str) -> bool:
        """Put the cursor on the card with this id; False if the column does not show it."""
        found = index_of(self.cards, card_id)
        if found is None:
            return False
        self.card_list.cursor = found
        return True

    @on(VirtualList.Highlighted)
    def _card_highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()  # nobody above listens: the board reads ``selected`` when it needs it

    @on(VirtualList.Selected)
    def _card_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        if self.cards:
            self.post_message(self.Selected(self, self.cards[event.index]))
