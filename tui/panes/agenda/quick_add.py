"""The quick-add line under the agenda: one line of text, read as you type, into an item.

``Review Q4 pipeline 15m @sofia #decision ^pipeline``: the line below the input shows what
each token was read as (store.quickadd), or, in words, why the line cannot be added.
``enter`` posts ``Submitted`` with the parsed item when it is good (the pane saves it and,
once saved, clears the line, which stays open: a refused line stays to be corrected);
``escape`` posts ``Closed``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from store.i18n import N_, _
from store.text import printable

if TYPE_CHECKING:
    from store.quickadd import ParsedItem

PLACEHOLDER = N_("Review Q4 pipeline 15m @sofia #decision ^pipeline   (enter adds · esc closes)")
HINT = N_("Type a title; 15m or 1h a time box, @name the presenter, #kind, ^objective.")
#: what each kind of token is called in the preview
ROLE_WORDS = {"minutes": N_("time box"), "presenter": N_("presenter"), "kind": N_("kind"), "objective": N_("objective")}


def preview(parsed: ParsedItem | None) -> Content:
    """What the line reads as: "“Review Q4 pipeline” · time box 15 min · presenter Sofia (Sales) …",
    or the first thing wrong with it."""
    if parsed is None:
        return Content.styled(_(HINT), ".agenda--muted")
    if not parsed.ok:
        errors = printable("; ".join(parsed.errors))
        return Content.styled("✗ " + _("{errors} — nothing is added").format(errors=errors), ".agenda--bad")
    parts: list[str | tuple[str, str]] = [("✓ ", ".agenda--good"), (f"“{printable(parsed.title)}”", ".agenda--title")]
    for token in parsed.tokens:
        if token.role in ROLE_WORDS:
            parts += [(f" · {_(ROLE_WORDS[token.role])} ", ".agenda--muted"), printable(token.shown)]
    parts.append(("  " + _("enter adds it"), ".agenda--muted"))
    return Content.assemble(*parts)


class QuickAddLine(Vertical):
    """An input and its live reading, shown under the agenda while adding items."""

    DEFAULT_CSS = """
    QuickAddLine {
        height: auto;
        display: none;
        padding: 0 1;
        background: $panel;
        & > Input { width: 1fr; }
        & > #quick-add-preview { height: auto; max-height: 3; }
    }
    QuickAddLine.-open { display: block; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close_line", N_("Close"), id="agenda.quick_add_close",
                tooltip=N_("Close the quick-add line")),
    ]

    class Submitted(Message):
        def __init__(self, parsed: ParsedItem, line: str) -> None:
            super().__init__()
            self.parsed = parsed
            self.line = line

    class Closed(Message):
        """The person closed the line (escape)."""

    def __init__(self, parse: Callable[[str], ParsedItem], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._parse = parse
        self.parsed: ParsedItem | None = None

    def compose(self) -> ComposeResult:
        line = Input(placeholder=_(PLACEHOLDER), id="quick-add-input", compact=True, max_length=500)
        line.cursor_blink = False  # a steady cursor: the line is typed in, then read, not watched
        yield line
        yield Static(preview(None), id="quick-add-preview", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#quick-add-input", Input)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self, parse: Callable[[str], ParsedItem]) -> None:
        """Show the line and focus it; ``parse`` reads with the members and objectives of now."""
        self._parse = parse
        self.add_class("-open")
        self._show(self.input.value)
        self.input.focus()

    def close(self) -> None:
        self.remove_class("-open")

    def clear(self, added: str | None = None) -> None:
        """Empty the line (``added``: only if it still holds that text, not the next item begun)."""
        if added is None or self.input.value == added:
            self.input.value = ""

    def _show(self, text: str) -> None:
        self.parsed = self._parse(text) if text.strip() else None
        self.query_one("#quick-add-preview", Static).update(preview(self.parsed))

    @on(Input.Changed, "#quick-add-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show(event.value)

    @on(Input.Submitted, "#quick-add-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._show(event.value)
        if self.parsed is None:
            self.app.bell()
            return
        if not self.parsed.ok:
            self.app.bell()  # the reason is on the line below, in words
            return
        self.post_message(self.Submitted(self.parsed, event.value))

    def action_close_line(self) -> None:
        self.close()
        self.post_message(self.Closed())
