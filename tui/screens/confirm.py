"""A yes / no question over the current screen (ending a meeting, carrying its open items)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from store.i18n import N_, _
from store.text import printable


class ConfirmScreen(ModalScreen[bool]):
    """Asks one question; dismisses with True on y or enter, False on n or escape."""

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
        background: $background 60%;
        & > #confirm {
            width: 64;
            max-width: 95%;
            height: auto;
            border: thick $primary;
            background: $surface;
            padding: 1 2;
        }
        & #confirm-question { text-style: bold; }
        & #confirm-detail { color: $text-muted; padding: 1 0 0 0; }
        & #confirm-keys { color: $text-muted; padding: 1 0 0 0; }
    }
    """
    BINDING_GROUP_TITLE = N_("Question")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", N_("Yes"), id="confirm.yes", tooltip=N_("Yes, do it")),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no", tooltip=N_("No, leave things as they are")),
    ]

    def __init__(self, question: str, detail: str = "", *, yes: str = "", no: str = "") -> None:
        """``yes`` and ``no``: what each answer does, in words (translated by the caller; "yes"/"no" if none)."""
        super().__init__()
        self._question = printable(question)
        self._detail = printable(detail, multiline=True)
        yes, no = yes or _("yes"), no or _("no")
        self._keys = f"y  {yes}    n  {no}"

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(self._question, id="confirm-question", markup=False)
            if self._detail:
                yield Static(self._detail, id="confirm-detail", markup=False)
            yield Static(self._keys, id="confirm-keys", markup=False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
