"""One line typed in place (a decision, a task, a feedback entry), with what it reads as shown below.

The screen opens it with a kind, a prompt and a ``describe`` function that turns the text
typed so far into the preview line (a task's owner, due date and priority as parsed; an
error in words); enter posts ``Submitted``, escape posts ``Cancelled``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from tui.widgets.words import N_

Describe = Callable[[str], tuple[Content, bool]]  # (preview, ok to save)


class CaptureLine(Vertical):
    """A prompt, a one-line input and a preview of what it will save."""

    DEFAULT_CSS = """
    CaptureLine {
        height: auto;
        display: none;
        padding: 0 1;
        background: $boost;
        border-top: solid $primary;
        &.-open { display: block; }
        & > Horizontal { height: 1; }
        & #capture-prompt { width: auto; padding: 0 1 0 0; color: $primary; text-style: bold; }
        & #capture-input { width: 1fr; }
        & #capture-preview { height: auto; max-height: 3; color: $text-muted; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="capture.cancel", tooltip=N_("Close the line without saving")),
    ]

    class Submitted(Message):
        def __init__(self, kind: str, text: str) -> None:
            super().__init__()
            self.kind = kind
            self.text = text

    class Cancelled(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's keyword
        super().__init__(id=id)
        self.kind = ""
        self._describe: Describe | None = None

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("", id="capture-prompt", markup=False)
            yield Input(id="capture-input", compact=True)
        yield Static("", id="capture-preview")

    @property
    def input(self) -> Input:
        return self.query_one("#capture-input", Input)

    def open(self, kind: str, prompt: str, placeholder: str, describe: Describe) -> None:
        self.kind = kind
        self._describe = describe
        self.query_one("#capture-prompt", Static).update(prompt)
        self.input.placeholder = placeholder
        self.input.value = ""
        self._preview("")
        self.add_class("-open")
        self.input.focus()

    def close(self) -> None:
        self.remove_class("-open")
        self.kind = ""

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def _preview(self, text: str) -> bool:
        preview, ok = self._describe(text) if self._describe else (Content(""), True)
        self.query_one("#capture-preview", Static).update(preview)
        return ok

    @on(Input.Changed, "#capture-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._preview(event.value)

    @on(Input.Submitted, "#capture-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._preview(event.value):  # refused lines stay, with the reason shown below
            self.post_message(self.Submitted(self.kind, event.value))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
