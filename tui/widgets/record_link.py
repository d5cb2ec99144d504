"""A reference to another record, shown by its title: focus it and press enter to go there.

The widget knows nothing of the store: it is handed the table, the id and the words to
show. Enter (or a click) posts ``JumpTo``, which bubbles to the app; the app shows the
record in its pane. A link to a deleted record shows "(deleted)" and says so when pressed.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from store.i18n import _
from tui.widgets.words import N_


class JumpTo(Message):
    """Show this record in its pane (posted by links; the app handles it)."""

    def __init__(self, table: str, record_id: str) -> None:
        super().__init__()
        self.table = table
        self.record_id = record_id


class RecordLink(Static, can_focus=True):
    """``noun: title`` with an arrow; enter jumps to the record."""

    DEFAULT_CSS = """
    RecordLink {
        height: auto;
        width: 1fr;
        padding: 0 1;
        color: $text-primary;
        &:focus { background: $primary 35%; text-style: bold; }
        &.-gone { color: $text-muted; text-style: italic; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "jump", N_("Go to"), id="link.jump", tooltip=N_("Show this record in its pane")),
    ]

    def __init__(self, table: str = "", record_id: str = "", noun: str = "", title: str = "", *,
                 gone: bool = False, extra: str = "", id: str | None = None) -> None:  # noqa: A002
        """``title`` and ``extra`` (e.g. the status) must already be printable."""
        super().__init__("", markup=False, id=id)
        self.point_to(table, record_id, noun, title, gone=gone, extra=extra)

    def point_to(self, table: str, record_id: str, noun: str, title: str, *, gone: bool = False,
                 extra: str = "") -> None:
        """Show another record (a list of details reuses its links rather than mount new ones)."""
        self.table, self.record_id, self.noun, self.gone = table, record_id, noun, gone
        self.update(Content.assemble(("→ ", "dim"), (f"{_(noun)}: ", "dim"), title,
                                     (f"  {extra}" if extra else "", "dim")))
        self.set_class(gone, "-gone")

    def action_jump(self) -> None:
        if self.gone:
            self.notify(_("That {noun} was deleted: there is nothing to show.").format(noun=_(self.noun)),
                        severity="warning")
            return
        self.post_message(JumpTo(self.table, self.record_id))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_jump()
