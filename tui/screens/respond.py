"""Write (or rewrite) the response to a feedback entry: a Markdown text area, ctrl+s saves."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from store.i18n import N_, _
from tui.widgets.steady_footer import SteadyFooter


class ResponseScreen(ModalScreen[str | None]):
    """Dismisses with the response typed, or None on escape."""

    BINDING_GROUP_TITLE = N_("Response")
    DEFAULT_CSS = """
    ResponseScreen { align: center middle; background: $background 60%; }
    #respond {
        width: 84; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    #respond-title { text-style: bold; color: $primary; padding: 0 0 1 0; }
    #respond-text { height: 8; }
    #respond-error { color: $error; }
    #respond-help { color: $text-muted; padding: 1 0 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), id="respond.save", priority=True, tooltip=N_("Save the response")),
        Binding("escape", "cancel", N_("Cancel"), id="respond.cancel", tooltip=N_("Close without saving")),
    ]

    def __init__(self, heading: str, response: str = "") -> None:
        """``heading`` must already be printable."""
        super().__init__()
        self.heading = heading
        self.response = response

    def compose(self) -> ComposeResult:
        with Vertical(id="respond"):
            yield Static(self.heading, id="respond-title", markup=False)
            yield TextArea(self.response, id="respond-text", soft_wrap=True, tab_behavior="focus", compact=True)
            yield Static("", id="respond-error", markup=False)
            yield Static(_("Markdown welcome · ctrl+s saves (the entry becomes acknowledged) · esc cancels"),
                         id="respond-help", markup=False)
        yield SteadyFooter(translate=_)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        text = self.query_one(TextArea).text
        if not text.strip():
            self.query_one("#respond-error", Static).update(_("Write a response first (esc closes without one)."))
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
