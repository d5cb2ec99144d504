"""Free notes for an agenda item, typed during the meeting: a text area; ctrl+s saves, escape leaves."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from store.i18n import N_, _
from store.text import printable


class NotesEditor(ModalScreen[str | None]):
    """Dismisses with the notes to save, or None when left without saving."""

    DEFAULT_CSS = """
    NotesEditor {
        align: center middle;
        background: $background 60%;
        & > #notes {
            width: 100;
            max-width: 95%;
            height: 80%;
            border: thick $primary;
            background: $surface;
            padding: 0 1;
        }
        & #notes-title { text-style: bold; color: $primary; }
        & #notes-hint { color: $text-muted; }
        & TextArea { height: 1fr; }
    }
    """
    BINDING_GROUP_TITLE = N_("Notes")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), id="notes.save", priority=True, tooltip=N_("Save the notes")),
        Binding("escape", "leave", N_("Leave"), id="notes.leave", priority=True, tooltip=N_("Leave without saving")),
    ]

    def __init__(self, title: str, notes: str) -> None:
        super().__init__()
        self._title = printable(title)
        self._notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(id="notes"):
            yield Static(_("Notes · {title}").format(title=self._title), id="notes-title", markup=False)
            yield Static(_("Markdown · ctrl+s saves · escape leaves without saving"), id="notes-hint", markup=False)
            yield TextArea(self._notes, id="notes-text", soft_wrap=True, tab_behavior="indent")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_leave(self) -> None:
        if self.query_one(TextArea).text != self._notes:
            self.notify(_("The notes were not saved."), severity="warning")
        self.dismiss(None)
