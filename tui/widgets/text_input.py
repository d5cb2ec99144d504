"""A one-line input where ctrl+a selects everything, as people expect from other programs.

Textual 8.2.8's Input binds ctrl+a to "go to start" (emacs style) and select-all to
ctrl+shift+a, which most terminals cannot send. home still goes to the start.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.suggester import SuggestFromList
from textual.widgets import Input

from tui.widgets.words import N_


class TextInput(Input):
    """Input with ctrl+a = select all."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+a", "select_all", N_("Select all"), show=False, id="input.select_all",
                tooltip=N_("Select all the text in the field")),
    ]


def suggest_from(words: Iterable[str]) -> SuggestFromList:
    """Complete from ``words`` whatever the case typed ("mar" → "Marketing"); → or end accepts."""
    return SuggestFromList(words, case_sensitive=False)
