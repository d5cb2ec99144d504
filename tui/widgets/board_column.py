"""One column of the task board: a header with its name and count, and a virtual list of cards.

The column knows nothing of the store: the board pane hands it plain ``Card`` values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from tui.widgets.virtual_list import Item, LazySequence, VirtualList

#: what a card shows in front of its title, by priority (normal shows nothing)
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
    due: date | None = None
    overdue: bool = False
    priority: str = "normal"


def short_name(name: str) -> str:
    """ "Ana Ruiz" -> "Ana R.": cards are narrow, and first names are what people say."""
    parts = name.split()
    if len(parts) < 2:
        return name
    return f"{parts[0]} {parts[-1][0]}."


def due_label(due: date, today: date) -> str:
    if due.year == today.year:
        return f"{due.day} {due:%b}"
    return f"{due.day} {due:%b} {due:%Y}"


def card_lines(card: Card, today: date) -> Item:
    """Two lines: priority mark and title; owner · department, with the due date at the right."""
    mark, mark_style = PRIORITY_MARKS.get(card.priority, ("", ""))
    title = Content.assemble((mark, mark_style), (card.title, ".board-column--title"))
    who = " · ".join(part for part in (short_name(card.owner), card.department) if part)
    details = Content.styled(who, ".board-column--muted")
    if card.due is None:
        return (title, details)
    due_style = ".board-column--overdue" if card.overdue else ".board-column--muted"
    due = Content.styled(("overdue " if card.overdue else "") + due_label(card.due, today), due_style)
    return (title, (details, due))


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

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, id="board.down", tooltip="Next card in the column"),
        Binding("k,up", "cursor_up", "Up", show=False, id="board.up", tooltip="Previous card in the column"),
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
    /* A rule on the column itself, so Textual restyles its header when focus enters. */
    BoardColumn:focus-within {
        background: $surface;
    }
    BoardColumn:focus-within > .column-header {
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
        today: date,
        empty_text: str = "Nothing here",
        id: str | None = None,  # noqa: A002 - Textual's keyword
    ) -> None:
        super().__init__(id=id)
        self.key = key
        self.title = title
        self.today = today
        self.cards: Sequence[Card] = ()
        self._empty_text = empty_text

    def compose(self) -> ComposeResult:
        yield Static(self._header(), classes="column-header", markup=False)
        yield CardList(item_height=2, gap=1, empty_text=self._empty_text)

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
        today = self.today
        self.card_list.set_items(LazySequence(len(cards), lambda i: card_lines(cards[i], today)), cursor=cursor)

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
