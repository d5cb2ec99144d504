"""The task board: columns todo / doing / blocked / done, moved and edited from the keyboard.

Where does a card move go? ``action_move_card`` below asks for the change with
``self.write(action, purpose="move")`` (tui/panes/base.py, through the app's Host protocol);
tui/writes.py runs it in the one write worker, in order, and answers with a ``Saved``
message, which ``_saved`` below turns into the moved card selected in its new column. The
app refreshes every pane after any change (``refresh_data``), so the two meet in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static

from store.i18n import N_, _, ngettext
from store.positions import key_between
from store.text import printable
from store.vocabulary import VOCABULARY
from tui.panes.base import Pane
from tui.panes.words import card_due
from tui.widgets.board_column import BoardColumn, Card, LazyCards
from tui.widgets.text_input import TextInput
from tui.writes import Saved

if TYPE_CHECKING:
    from store.board_preview import BoardTask
    from store.models import Member, Task
    from store.workspace import Workspace

#: (status, title): the titles are the vocabulary's words, as the task form shows them
COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (status, VOCABULARY["tasks"].choice(status)) for status in ("todo", "doing", "blocked", "done")
)
#: the column titles for the catalog: the columns ask the vocabulary when they are built (the
#: language is chosen after import) and translate what it gives
_COLUMN_TITLES = (N_("To do"), N_("Doing"), N_("Blocked"), N_("Done"))
EMPTY_BOARD = N_("No tasks yet — press n to add one")
NO_MATCH = N_("No cards match — escape clears the filter")
NONE_OF_MINE = N_("None of your cards here — m shows everyone's")


class BoardPane(Pane):
    """Tasks as cards in four status columns."""

    BINDING_GROUP_TITLE = N_("Board")

    DEFAULT_CSS = """
    BoardPane {
        padding: 0;
        overflow: hidden;
        & > #board-filter {
            display: none;
            height: 1;
            padding: 0 1;
        }
        & > #board-status {
            height: 1;
            padding: 0 1;
            color: $text-muted;
        }
        & > #board-columns {
            height: 1fr;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_card", N_("New"), id="board.new", tooltip=N_("New card in the focused column")),
        Binding("e,enter", "edit_card", N_("Edit"), id="board.edit", tooltip=N_("Edit the selected card")),
        Binding("d", "delete_card", N_("Delete"), id="board.delete", tooltip=N_("Delete the selected card (u undoes)")),
        Binding("h,left", "focus_column(-1)", N_("Column ←"), show=False, id="board.left",
                tooltip=N_("Previous column")),
        Binding("l,right", "focus_column(1)", N_("Column →"), show=False, id="board.right", tooltip=N_("Next column")),
        Binding(
            "H,shift+left",
            "move_card(-1)",
            N_("Move ←"),
            id="board.move_left",
            tooltip=N_("Move the card to the previous column"),
        ),
        Binding(
            "L,shift+right", "move_card(1)", N_("Move →"), id="board.move_right",
            tooltip=N_("Move the card to the next column"),
        ),
        Binding(
            "K", "reorder_card(-1)", N_("Up"), show=False, id="board.reorder_up",
            tooltip=N_("Move the card up the column"),
        ),
        Binding(
            "J", "reorder_card(1)", N_("Down"), show=False, id="board.reorder_down",
            tooltip=N_("Move the card down the column"),
        ),
        Binding("slash", "filter_cards", N_("Filter"), id="board.filter",
                tooltip=N_("Filter by text, owner or department")),
        Binding("m", "toggle_mine", N_("Mine"), id="board.mine", tooltip=N_("Show only my cards, or everyone's")),
        Binding(
            "escape", "clear_filter", N_("Clear filter"), show=False, id="board.clear_filter",
            tooltip=N_("Clear the filter"),
        ),
    ]

    def __init__(self, title: str = N_("Board"), *, id: str = "board") -> None:  # noqa: A002
        super().__init__(title, id=id)
        self.filter_text = ""
        self.mine_only = False
        self._tasks: dict[str, list[BoardTask]] = {key: [] for key, _ in COLUMNS}
        self._names: dict[str, str] = {}  # member id -> name, deleted members too
        self._me: Member | None = None
        self._column_index = 0
        #: the cards are the file's preview (store.board_preview), not yet validated records
        self._previewing = False
        #: keys that change or open a card, pressed while previewing: run once the records are in
        self._held: list[Callable[[], None]] = []

    def compose(self) -> ComposeResult:
        yield Static(_("Loading the workspace…"), id="board-status", markup=False)

    async def build(self) -> None:
        """The columns (and the filter box) are most of the start-up's widget work: mounted just
        after the first frame, they let the window appear at once, saying it is loading."""
        titles = {key: _(VOCABULARY["tasks"].choice(key)) for key, _title in COLUMNS}
        nothing = _("Nothing here")
        columns = [BoardColumn(key, titles[key], empty_text=nothing, id=f"column-{key}") for key, _title in COLUMNS]
        await self.mount(
            TextInput(
                placeholder=_("filter by title, owner or department · enter keeps it · escape clears"),
                id="board-filter",
                compact=True,
            ),
            before="#board-status",
        )
        await self.mount(Horizontal(*columns, id="board-columns"))

    def focus_content(self) -> None:
        """Focus the selected column."""
        self.focus_column(self._column_index)

    @on(events.Show)
    def _focus_when_shown(self) -> None:
        """Showing the board puts the keys on its cards, where h j k l work at once."""
        focused = self.app.focused
        if focused is None or self not in focused.ancestors:
            self.call_after_refresh(self.focus_default)

    # -- reading ----------------------------------------------------------------------
    @property
    def columns(self) -> list[BoardColumn]:
        return list(self.query(BoardColumn))

    @property
    def focused_column(self) -> BoardColumn:
        return self.columns[self._column_index]

    def refresh_content(self) -> None:
        """Re-read tasks and members from the workspace and repaint, keeping each selection."""
        workspace = self.workspace
        tasks: list[BoardTask]
        if workspace.ready("members", "tasks"):
            self._names = {member.id: member.name for member in workspace.records("members", include_deleted=True)}
            self._me, tasks, self._previewing = workspace.me, workspace.records("tasks"), False
        elif workspace.preview is not None:  # the file's bytes, shown before any record is validated
            preview = workspace.preview
            self._names = {member.id: member.name for member in preview.members.values()}
            self._me, tasks, self._previewing = None, list(preview.tasks), True
        else:
            self._show_loading()
            return
        by_status: dict[str, list[BoardTask]] = {key: [] for key, _ in COLUMNS}
        for task in tasks:
            by_status[task.status].append(task)
        self._tasks = by_status
        self._show()
        if not self._previewing and self._held:
            held, self._held = self._held, []
            for action in held:
                self.call_after_refresh(action)

    def _hold(self, action: Callable[[], None]) -> bool:
        """While the cards are only the file's preview, keep ``action`` (a key that changes or opens
        a card) until the records are in, and say True: a key is never lost in that half second,
        and acts on the card it was pressed on, wherever the cursor went since."""
        if not self._previewing:
            return False
        index = self._column_index
        card = self.focused_column.selected

        def on_that_card() -> None:
            self.focus_column(index)
            if card is not None:
                self.focused_column.select(card.id)
            action()

        self._held.append(on_that_card)
        return True

    def _show(self, select: dict[str, str] | None = None) -> None:
        """Put the (filtered) cards in the columns; ``select`` maps a column to a card id to select."""
        today = self.today()
        total = sum(len(tasks) for tasks in self._tasks.values())
        matches = self._matcher()
        shown = 0
        for column in self.columns:
            tasks = self._tasks[column.key]
            if matches is not None:
                tasks = [task for task in tasks if matches(task)]
            cards = LazyCards([task.id for task in tasks], partial(self._card_at, tasks, today))
            shown += len(cards)
            empty = self._empty_text(column.key, total)
            column.set_cards(cards, select=(select or {}).get(column.key), empty_text=empty)
        self._show_status(total, shown)

    def _show_loading(self) -> None:
        """A large workspace loads after the first frame: say so rather than "No tasks yet"."""
        for column in self.columns:
            column.set_cards([], empty_text=_("Loading…") if column.key == "todo" else "")
        self.query_one("#board-status", Static).update(_("Loading the workspace…"))

    def _empty_text(self, column: str, total: int) -> str:
        if total == 0:
            return self.empty_words(_(EMPTY_BOARD)) if column == "todo" else ""
        if self.filter_text:
            return _(NO_MATCH)
        if self.mine_only:
            return _(NONE_OF_MINE)
        return _("Nothing here")

    def _show_status(self, total: int, shown: int) -> None:
        if total == 0:
            text = self.empty_words(_(EMPTY_BOARD))
        else:
            cards = ngettext("{count:,} card", "{count:,} cards", total).format(count=total)
            parts = [_("{shown:,} of {cards}").format(shown=shown, cards=cards) if shown != total else cards]
            if self.filter_text:
                parts.append(_("filter “{text}”").format(text=self.filter_text))
            if self.mine_only:
                parts.append(_("mine only (m shows everyone's)"))
            text = " · ".join(parts)
        self.query_one("#board-status", Static).update(text)

    def _owner_name(self, task: BoardTask) -> str:
        return self._names.get(task.owner_id, "") if task.owner_id else ""

    def _card_at(self, tasks: list[BoardTask], today: date, index: int) -> Card:
        return self._card(tasks[index], today)

    def _card(self, task: BoardTask, today: date) -> Card:
        overdue = task.due is not None and task.due < today and task.status != "done"
        return Card(
            id=task.id,
            title=printable(task.title),  # teammates' text: never raw control characters on the terminal
            owner=printable(self._owner_name(task)),
            department=printable(task.department),
            due=card_due(task.due, today, overdue=overdue),
            overdue=overdue,
            priority=str(task.priority),
        )

    def _matcher(self) -> Callable[[BoardTask], bool] | None:
        """A test for the filter and mine-only, or None when every card shows."""
        if not self.filter_text and not self.mine_only:
            return None
        words = self.filter_text.lower().split()
        me = self._me.id if self.mine_only and self._me else None
        mine_only = self.mine_only

        def matches(task: BoardTask) -> bool:
            if mine_only and task.owner_id != me:
                return False
            if not words:
                return True
            haystack = f"{task.title}\n{self._owner_name(task)}\n{task.department}".lower()
            return all(word in haystack for word in words)

        return matches

    # -- focus ------------------------------------------------------------------------
    @on(BoardColumn.Selected)
    def _card_opened(self, event: BoardColumn.Selected) -> None:
        event.stop()
        if self._hold(self.action_edit_card):
            return
        self._open_form(record=self.workspace.get("tasks", event.card.id))

    @on(events.DescendantFocus)
    def _remember_column(self, event: events.DescendantFocus) -> None:
        """The column of the widget focused now: two quick focus moves (a jump to a card right
        after the pane is shown) can report their focus events out of order."""
        focused = self.screen.focused
        for index, column in enumerate(self.columns):
            if focused is not None and column in focused.ancestors_with_self:
                self._column_index = index

    def focus_column(self, index: int) -> None:
        self._column_index = max(0, min(index, len(COLUMNS) - 1))
        self.focused_column.card_list.focus()

    def show_content(self, record_id: str) -> None:
        """Select a card and focus its column (the palette's "Jump to …")."""
        task = self.workspace.get("tasks", record_id)
        self.mine_only = False
        self.action_clear_filter()  # the card may be filtered out: show every card
        self._select_card(str(task.status), task.id)

    def selected_record(self) -> tuple[str, str] | None:
        """The selected card's task (F gives feedback about it)."""
        card = self.focused_column.selected if self.built and not self._previewing else None
        return ("tasks", card.id) if card is not None else None

    def action_focus_column(self, step: int) -> None:
        self.focus_column(self._column_index + step)

    # -- writing ----------------------------------------------------------------------
    @on(Saved)
    def _saved(self, event: Saved) -> None:
        """A change this board asked for is saved: select the card where it now is."""
        event.stop()
        if event.purpose == "delete":
            self.refresh_data()
            self.notify(_("Deleted “{title}” — u brings it back").format(title=event.result.title))
        elif event.purpose in ("move", "reorder"):
            task = event.result
            self._select_card(str(task.status), task.id)

    def _select_card(self, column_key: str, card_id: str) -> None:
        """Show the data with ``card_id`` selected in ``column_key``, focused."""
        index = [key for key, _ in COLUMNS].index(column_key)
        column = self.columns[index]
        if not column.select(card_id):  # the app's refresh has not reached the board yet
            self.refresh_data()
            column.select(card_id)
        self.focus_column(index)

    def action_new_card(self) -> None:
        if self._hold(self.action_new_card):
            return
        column = self.focused_column
        tasks = self._tasks[column.key]
        position = key_between(tasks[-1].position or None, None) if tasks else key_between(None, None)
        defaults: dict[str, Any] = {"status": column.key, "position": position}
        if self._me is not None:  # most cards people add are their own; the form can change it
            defaults.update(owner_id=self._me.id, department=self._me.department)
        self._open_form(defaults=defaults)

    def action_edit_card(self) -> None:
        if self._hold(self.action_edit_card):
            return
        card = self.focused_column.selected
        if card is None:
            self.notify(_("No card here to edit — press n to add one"), severity="warning")
            return
        self._open_form(record=self.workspace.get("tasks", card.id))

    def _open_form(self, *, record: Task | None = None, defaults: dict[str, Any] | None = None) -> None:
        self.open_form("tasks", record=record, defaults=defaults, then=self._form_closed)

    def _form_closed(self, saved: Task | None) -> None:
        if saved is None:
            self.focused_column.card_list.focus()
        else:
            self._select_card(str(saved.status), saved.id)

    def action_delete_card(self) -> None:
        if self._hold(self.action_delete_card):
            return
        card = self.focused_column.selected
        if card is None:
            return
        self.write(lambda workspace: workspace.delete("tasks", card.id), purpose="delete")

    def action_move_card(self, step: int) -> None:
        """Move the selected card to the neighbouring column, at its top."""
        if self._hold(partial(self.action_move_card, step)):
            return
        source = self.focused_column
        card = source.selected
        target = self._column_index + step
        if card is None or not 0 <= target < len(COLUMNS):
            return
        status = COLUMNS[target][0]
        first = self._tasks[status][0].position if self._tasks[status] else None
        position = _between(None, first) or self.workspace.get("tasks", card.id).position
        self.write(
            lambda workspace: workspace.update("tasks", card.id, status=status, position=position), purpose="move"
        )

    def action_reorder_card(self, step: int) -> None:
        """Swap the selected card with its visible neighbour above (-1) or below (+1)."""
        if self._hold(partial(self.action_reorder_card, step)):
            return
        column = self.focused_column
        card = column.selected
        index = column.selected_index
        if card is None or not 0 <= index + step < len(column.cards):
            return
        neighbour = column.cards[index + step].id
        order = [task for task in self._tasks[column.key] if task.id != card.id]
        at = next(i for i, task in enumerate(order) if task.id == neighbour)
        before, after = (
            (order[at - 1] if at else None, order[at])
            if step < 0
            else (order[at], order[at + 1] if at + 1 < len(order) else None)
        )
        position = _between(before.position if before else None, after.position if after else None)
        if position is not None:
            self.write(lambda workspace: workspace.update("tasks", card.id, position=position), purpose="reorder")
            return
        # Equal or empty positions (hand-edited data): renumber this column once.
        order.insert(at if step < 0 else at + 1, self.workspace.get("tasks", card.id))
        self.write(lambda workspace: _respace(workspace, order, card.id), purpose="reorder")

    # -- filtering --------------------------------------------------------------------
    def action_filter_cards(self) -> None:
        filter_input = self.query_one("#board-filter", Input)
        filter_input.display = True
        filter_input.focus()

    @on(Input.Changed, "#board-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.filter_text = event.value.strip()
        self._show()

    @on(Input.Submitted, "#board-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.filter_text:
            event.input.display = False
        self.focused_column.card_list.focus()

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#board-filter", Input)
        filter_input.display = False
        if filter_input.value:
            filter_input.value = ""
        self.filter_text = ""
        self._show()
        self.focused_column.card_list.focus()

    def action_toggle_mine(self) -> None:
        if self._hold(self.action_toggle_mine):  # who I am is known once the members are validated
            return
        if not self.mine_only and self._me is None:
            self.notify(
                _("You are not a member of this workspace yet: add yourself from Team… (ctrl+p)"), severity="warning"
            )
            return
        self.mine_only = not self.mine_only
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self.built and (bool(self.filter_text) or self.query_one("#board-filter", Input).display)
        return True


def _between(before: str | None, after: str | None) -> str | None:
    """A position strictly between two (None: open end), or None where there is no room.

    An empty position is the lowest possible key: nothing fits below it.
    """
    if after == "":
        return None
    try:
        key = key_between(before or None, after)
    except ValueError:
        return None
    if (before and not before < key) or (after is not None and not key < after):
        return None
    return key


def _respace(workspace: Workspace, order: Sequence[BoardTask], moved_id: str) -> Task:
    """Renumber a column in ``order``; returns the moved task as saved."""
    position: str | None = None
    for task in order:
        position = key_between(position, None)
        if task.position != position:
            workspace.update("tasks", task.id, position=position)
    return workspace.get("tasks", moved_id)
