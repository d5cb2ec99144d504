"""A plain pane listing one table's records: the stand-in until a pane's full version.

Every record is reachable: the list is virtual (tui/widgets/virtual_list.py), so it paints
only the rows on screen and describes a row only when it is painted. `n` opens the
new-record form, enter or `e` edits the highlighted record.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import Static

from store.i18n import N_, _
from store.text import printable
from store.vocabulary import VOCABULARY
from tui.panes.base import Pane
from tui.widgets.virtual_list import LazySequence, VirtualList


class RecordList(VirtualList):
    """One row per record."""

    DEFAULT_CSS = "RecordList { height: 1fr; }"


class RecordListPane(Pane):
    """One table's records as a list, newest or soonest first."""

    TABLE: ClassVar[str] = ""
    COMING: ClassVar[str] = ""

    def __init__(self, title: str, *, id: str) -> None:  # noqa: A002 - Textual's name
        super().__init__(title, id=id)
        self._ids: list[str] = []

    @staticmethod
    def pane_bindings(table: str, prefix: str) -> list[BindingType]:
        """n and e for a pane, with ids like "objectives.new" so a keymap can remap them.

        Their words are marked for the catalog (the footer and the help translate them), so they
        name no table: a sentence with the noun in it would need a msgid per table."""
        return [
            Binding("n", "new_record", N_("New"), id=f"{prefix}.new", tooltip=N_("Add a new record")),
            Binding("e", "edit_record", N_("Edit"), id=f"{prefix}.edit", tooltip=N_("Edit the highlighted record")),
        ]

    async def build(self) -> None:
        empty = Static("", classes="empty-state")
        empty.can_focus = True  # so the pane's keys (n) work before there is a first record
        await self.mount_all([Static(self.COMING, classes="pane-note"), RecordList(classes="record-list"), empty])

    # -- what subclasses say ------------------------------------------------------------
    def rows(self) -> list[Any]:
        return self.workspace.records(self.TABLE)

    def describe(self, record: Any) -> str:
        return str(record.label)

    def empty_text(self) -> str:
        words = VOCABULARY[self.TABLE]
        return _("No {plural} yet. Press n to add the first {noun}.").format(plural=words.plural, noun=words.noun)

    # -- data -----------------------------------------------------------------------------
    @property
    def record_list(self) -> RecordList:
        return self.query_one(RecordList)

    @property
    def highlighted_id(self) -> str | None:
        cursor = self.record_list.cursor
        return self._ids[cursor] if self._ids and cursor < len(self._ids) else None

    def selected_record(self) -> tuple[str, str] | None:
        if not self.built or not self.record_list.display:
            return None
        record_id = self.highlighted_id
        return (self.TABLE, record_id) if record_id is not None else None

    def refresh_content(self) -> None:
        record_list = self.record_list
        keep = self.highlighted_id
        rows = self.rows()
        self._ids = [record.id for record in rows]
        lines = LazySequence(len(rows), lambda index: (printable(self.describe(rows[index])),))
        cursor = self._ids.index(keep) if keep in self._ids else 0
        record_list.set_items(lines, cursor=cursor)
        empty = self.query_one(".empty-state", Static)
        empty.update(self.empty_words(self.empty_text()) if self.workspace.loaded else _("Loading the workspace…"))
        had_focus = self.app.focused in (record_list, empty)
        empty.display = not rows
        record_list.display = bool(rows)
        if had_focus:
            self.focus_content()

    def focus_content(self) -> None:
        """Focus the list, or the empty state when there is nothing to list."""
        record_list = self.record_list
        (record_list if record_list.display else self.query_one(".empty-state", Static)).focus()

    def show_content(self, record_id: str) -> None:
        if record_id in self._ids:
            record_list = self.record_list
            record_list.cursor = self._ids.index(record_id)
            record_list.focus()

    # -- actions ----------------------------------------------------------------------------
    def action_new_record(self) -> None:
        self.open_form(self.TABLE)

    def action_edit_record(self) -> None:
        record_id = self.highlighted_id
        if record_id is not None:
            self._edit(record_id)

    @on(VirtualList.Selected)
    def _row_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        if event.index < len(self._ids):
            self._edit(self._ids[event.index])

    @on(VirtualList.Highlighted)
    def _row_highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()

    def _edit(self, record_id: str) -> None:
        record = self.workspace.lookup(self.TABLE, record_id)
        if record is not None and not record.deleted:
            self.open_form(self.TABLE, record=record)
