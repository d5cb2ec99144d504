"""A Screen that does not repaint itself whole when the focus moves.

Textual's ``Screen.focused`` is a reactive that repaints the whole screen on every change,
so each focus move (h / l between Board columns, 1-4 between panes) paints all 120x40
cells again: most of the key's time here. Nothing needs that repaint: the widgets whose
look depends on focus (``:focus``, ``:focus-within``) are restyled by Textual's own focus
handling, and each refreshes itself when its style changes.
"""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from tui.widgets.words import N_


class SteadyScreen(Screen[None]):
    """The app's main screen: focus moves repaint only the widgets they restyle."""

    BINDING_GROUP_TITLE = N_("Screen")  # its keys (tab, shift+tab, copy) in help, as a stock Screen's

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
