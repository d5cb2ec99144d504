"""A plain pane listing one table's records by title: the stand-in until a pane's full version.

It is read-mostly: `n` opens the new-record form, enter or `e` edits the highlighted record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static, TabPane
from textual.widgets.option_list import Option

from store.text import printable

if TYPE_CHECKING:
    from tui.app import AlineaApp

MAX_ROWS = 300


class RecordListPane(TabPane):
    """One table's records as a list, newest or soonest first."""

    TABLE: ClassVar[str] = ""
    NOUN: ClassVar[str] = "record"
    COMING: ClassVar[str] = ""

    def __init__(self, title: str, *, id: str) -> None:  # noqa: A002 - Textual's name
        super().__init__(title, id=id)
        self._ids: list[str] = []
        self._stale = True
        self._built = False  # the widgets are mounted just after the first frame
        self._focus_when_built = False
        self._show_when_built: str | None = None

    @staticmethod
    def pane_bindings(prefix: str, noun: str) -> list[BindingType]:
        """n and e for a pane, with ids like "objectives.new" so a keymap can remap them."""
        return [
            Binding("n", "new_record", f"New {noun}", id=f"{prefix}.new", tooltip=f"Add a new {noun}"),
            Binding("e", "edit_record", "Edit", id=f"{prefix}.edit", tooltip=f"Edit the highlighted {noun}"),
        ]

    @property
    def alinea(self) -> AlineaApp:
        return self.app  # type: ignore[return-value]

    def on_mount(self) -> None:
        # Hidden at start: its widgets are mounted after the first frame, which then comes sooner.
        self.call_after_refresh(self._build)

    async def _build(self) -> None:
        empty = Static("", classes="empty-state")
        empty.can_focus = True  # so the pane's keys (n) work before there is a first record
        await self.mount_all([Static(self.COMING, classes="pane-note"), OptionList(classes="record-list"), empty])
        self._built = True
        if self.display:
            self._reload()
        if self._show_when_built is not None:
            self.show_record(self._show_when_built)
        elif self._focus_when_built:
            self.focus_default()

    def on_show(self) -> None:
        if self._stale and self._built:
            self._reload()

    # -- what subclasses say ------------------------------------------------------------
    def rows(self) -> list[Any]:
        return self.alinea.workspace.records(self.TABLE)

    def describe(self, record: Any) -> str:
        return record.label

    def empty_text(self) -> str:
        return f"No {self.NOUN}s yet. Press n to add the first {self.NOUN}."

    # -- data -----------------------------------------------------------------------------
    def refresh_data(self) -> None:
        """Re-read the records (called by the app after every change); a hidden pane waits until shown."""
        if self.display and self._built:
            self._reload()
        else:
            self._stale = True

    def _reload(self) -> None:
        self._stale = False
        option_list = self.query_one(OptionList)
        rows = self.rows()
        shown = rows[:MAX_ROWS]
        highlighted = option_list.highlighted
        keep = self._ids[highlighted] if highlighted is not None and highlighted < len(self._ids) else None
        self._ids = [record.id for record in shown]
        option_list.set_options(Option(Content(printable(self.describe(record))), id=record.id) for record in shown)
        if len(rows) > MAX_ROWS:
            option_list.add_option(Option(f"… and {len(rows) - MAX_ROWS:,} more", disabled=True))
        if keep in self._ids:
            option_list.highlighted = self._ids.index(keep)
        elif self._ids:
            option_list.highlighted = 0
        empty = self.query_one(".empty-state", Static)
        empty.update(self.empty_text() if self.alinea.workspace.loaded else "Loading the workspace…")
        had_focus = self.app.focused in (option_list, empty)
        empty.display = not rows
        option_list.display = bool(rows)
        if had_focus:
            self.focus_default()

    def focus_default(self) -> None:
        """Focus the list, or the empty state when there is nothing to list."""
        self._focus_when_built = not self._built
        if not self._built:
            return
        option_list = self.query_one(OptionList)
        (option_list if option_list.display else self.query_one(".empty-state", Static)).focus()

    def show_record(self, record_id: str) -> None:
        """Highlight a record (the palette's "Jump to")."""
        self._show_when_built = None if self._built else record_id
        if not self._built:
            return
        if self._stale:
            self._reload()
        record = self._record_for(record_id)
        if record is not None and record.id in self._ids:
            option_list = self.query_one(OptionList)
            option_list.highlighted = self._ids.index(record.id)
            option_list.focus()

    def _record_for(self, record_id: str) -> Any | None:
        for record in self.rows():
            if record.id == record_id:
                return record
        return None

    # -- actions ----------------------------------------------------------------------------
    def action_new_record(self) -> None:
        self.alinea.open_form(self.TABLE)

    def action_edit_record(self) -> None:
        option_list = self.query_one(OptionList)
        if option_list.highlighted is not None and option_list.highlighted < len(self._ids):
            self._edit(self._ids[option_list.highlighted])

    @on(OptionList.OptionSelected)
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._edit(event.option.id)

    def _edit(self, record_id: str) -> None:
        record = self._record_for(record_id)
        if record is not None:
            self.alinea.open_form(self.TABLE, record=record)
