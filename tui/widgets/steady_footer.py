"""Textual's Footer, rebuilt only when the keys it shows change.

The stock Footer re-mounts every key on each focus change. Moving between two Board
columns, which have the same keys, cost a rebuild of the footer (several times over) and a
reflow of the whole screen: ~20 ms a key press, and spikes past 100 ms on this machine.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    """A Footer that skips rebuilding when the shown keys are the ones already shown."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._shown: tuple[Any, ...] | None = None

    def _keys_to_show(self) -> tuple[Any, ...]:
        """Everything the Footer draws a key from (textual==8.2.8's Footer.compose reads these)."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (key, binding.action, binding.description, binding.key_display, binding.group, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        ) + (self.show_command_palette,)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys_to_show()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self._bindings_ready and self.is_attached and screen is self.screen:
            if self._keys_to_show() == self._shown:
                return
        super().bindings_changed(screen)
