""""Discard changes?": asked when escape would close a form with changes.

enter (or escape, n) keeps editing, the safe answer to a key pressed by habit; only y discards.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from store.i18n import N_, _
from tui.widgets.steady_footer import SteadyFooter

QUESTION = N_("Discard changes?")


class DiscardChanges(ModalScreen[bool]):
    """Dismisses with True (discard) on y; False (keep editing) on enter, escape or n."""

    DEFAULT_CSS = """
    DiscardChanges {
        align: center middle;
        background: $background 60%;
        & > #discard {
            width: 46;
            max-width: 95%;
            height: auto;
            border: thick $warning;
            background: $surface;
            padding: 1 2;
        }
        & #discard-question { text-style: bold; }
        & #discard-keys { color: $text-muted; padding: 1 0 0 0; }
    }
    """
    BINDING_GROUP_TITLE = QUESTION
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape,n", "answer(False)", N_("Keep editing"), id="discard.keep",
                tooltip=N_("Back to the form, nothing lost")),
        Binding("y", "answer(True)", N_("Discard"), id="discard.yes",
                tooltip=N_("Close the form and lose the changes")),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="discard"):
            yield Static(_(QUESTION), id="discard-question", markup=False)
            yield Static(_("enter  keep editing    y  discard"), id="discard-keys", markup=False)
        yield SteadyFooter(translate=_)

    def action_answer(self, discard: bool) -> None:
        self.dismiss(discard)
