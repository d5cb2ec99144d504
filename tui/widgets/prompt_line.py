"""A one-line question at the bottom of a pane: a label, an input, and what was wrong, in words.

``ask(purpose, label, placeholder)`` shows it; enter posts ``Answered`` (the pane checks and
saves, then calls ``close`` or ``refuse(reason)``); escape closes it (``Closed``).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static

from tui.widgets.words import N_


class PromptLine(Vertical):
    """Asks for one line."""

    DEFAULT_CSS = """
    PromptLine {
        display: none;
        height: auto;
        padding: 0 1;
        background: $panel;
        & > Horizontal { height: 1; }
        & Label { width: auto; max-width: 40; padding: 0 1 0 0; color: $text; text-style: bold; }
        & Input { width: 1fr; }
        & > #prompt-error { height: auto; color: $error; display: none; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="prompt.cancel", tooltip=N_("Close without saving")),
    ]

    class Answered(Message):
        def __init__(self, prompt: PromptLine, purpose: str, subject: str, text: str) -> None:
            super().__init__()
            self.prompt = prompt
            self.purpose = purpose
            self.subject = subject
            self.text = text

    class Closed(Message):
        def __init__(self, purpose: str, subject: str) -> None:
            super().__init__()
            self.purpose = purpose
            self.subject = subject

    def __init__(self) -> None:
        super().__init__(id="prompt-line")
        self.purpose = ""
        self.subject = ""

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label("", id="prompt-label", markup=False)
            yield Input(id="prompt-input", compact=True)
        yield Static("", id="prompt-error", markup=False)

    def ask(self, purpose: str, label: str, placeholder: str, *, subject: str = "") -> None:
        self.purpose, self.subject = purpose, subject
        self.query_one("#prompt-label", Label).update(label)
        field = self.query_one("#prompt-input", Input)
        field.placeholder = placeholder
        field.value = ""
        self._error("")
        self.display = True
        field.focus()

    def refuse(self, reason: str) -> None:
        """Say what is wrong and keep the line for the person to fix."""
        self._error(reason)
        self.query_one("#prompt-input", Input).focus()

    def close(self) -> None:
        was_open = self.display
        self.display = False
        self._error("")
        if was_open:
            self.post_message(self.Closed(self.purpose, self.subject))

    def _error(self, reason: str) -> None:
        error = self.query_one("#prompt-error", Static)
        error.update(reason)
        error.display = bool(reason)

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.close()
            return
        self.post_message(self.Answered(self, self.purpose, self.subject, event.value))

    def action_cancel(self) -> None:
        self.close()
