"""Textual's Footer, rebuilt only when the keys it shows change, and fitted to the width.

The stock Footer re-mounts every key on each focus change. Moving between two Board
columns, which have the same keys, cost a rebuild of the footer (several times over) and a
reflow of the whole screen: ~20 ms a key press, and spikes past 100 ms on this machine.

The stock Footer also cuts whatever does not fit at the right edge, which at 80 columns
hid `?` and `q`. This one hides the least important keys first (``importance``) and never
the essential ones (help, quit, save, cancel, close).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: binding ids the footer always shows, whatever the width
ESSENTIAL = frozenset({"app.help", "app.quit", "app.palette", "form.save", "form.cancel", "help.close"})
#: keys the footer always shows, whoever binds them (a screen's own help or quit)
ESSENTIAL_KEYS = frozenset({"question_mark", "q"})
#: how long a key stays when the footer is too narrow (higher stays longer); others rank 1,
#: the app's own keys 0, so a pane's or a screen's keys outlast the global extras
IMPORTANCE: dict[str, int] = {"app.undo": 2}
ALWAYS = 1_000


def importance(binding: Binding, node: DOMNode | None, app: DOMNode) -> int:
    """How important a key is in the footer: ESSENTIAL never goes, then IMPORTANCE, then where it is bound."""
    if binding.id in ESSENTIAL or any(key.strip() in ESSENTIAL_KEYS for key in binding.key.split(",")):
        return ALWAYS
    if binding.id in IMPORTANCE:
        return IMPORTANCE[binding.id]
    return 0 if node is app else 1


class SteadyFooter(Footer):
    """A Footer that skips rebuilding when the shown keys are the ones already shown."""

    def __init__(self, *, translate: Callable[[str], str], keys_later: bool = False, **options: Any) -> None:
        """``keys_later``: show no key until ``show_keys`` (the app opening a workspace asks for
        them once the Board's data is painted: before, focus moves while the Board is built
        would rebuild the footer two or three times, ~50 ms the data then waits for)."""
        super().__init__(**options)
        #: the keys' descriptions in the person's language (they are bound in English, marked N_())
        self._translate = translate
        self._shown: tuple[Any, ...] | None = None
        self._keys_later = keys_later

    def _keys_to_show(self) -> tuple[Any, ...]:
        """Everything the Footer draws a key from (textual==8.2.8's Footer.compose reads these)."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return tuple(
            (key, binding.action, binding.description, binding.key_display, binding.group, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        ) + (self.show_command_palette,)

    def compose(self) -> ComposeResult:
        if self._keys_later:
            return
        if self._bindings_ready:
            self._shown = self._keys_to_show()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                if widget.description:  # marked N_() where bound
                    widget.description = self._translate(widget.description)
                # Born with the footer's look: the key's compact watcher, run as it mounts, then
                # changes no class, and no key's styles are worked out twice (~1 ms a key).
                widget.set_class(self.compact, "-compact", update=False)
            yield widget
        self.call_after_refresh(self.fit_keys)

    def show_keys(self) -> None:
        """Show the keys, from now on (see ``keys_later``)."""
        if self._keys_later:
            self._keys_later = False
            if self.is_attached:  # run as the footer's own message: its keys bind their data to it
                self.call_later(self.bindings_changed, self.screen)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self._keys_later:
            return
        if self._bindings_ready and self.is_attached and screen is self.screen:
            keys = self._keys_to_show()
            if keys == self._shown:
                return
            if screen.app.app_focus:  # the rebuild is asked for now: the same keys again before it runs ask for none
                self._shown = keys
        super().bindings_changed(screen)

    def on_resize(self) -> None:
        self.fit_keys()

    def _ranks(self) -> dict[str, int]:
        """Each shown action's importance (the footer shows one key per action)."""
        ranks: dict[str, int] = {}
        for node, binding, _enabled, _tooltip in self.screen.active_bindings.values():
            rank = importance(binding, node, self.app)
            ranks[binding.action] = max(rank, ranks.get(binding.action, -1))
        return ranks

    def fit_keys(self) -> None:
        """Go compact, then hide the least important keys (the rightmost of equal ones first) until the rest fit."""
        if not self.is_attached or not self.size.width:
            return
        every = list(self.query(FooterKey))
        keys = [key for key in every if not key.has_class("-command-palette")]
        docked = [key for key in every if key.has_class("-command-palette")]
        compact = sum(_width(key, compact=False) for key in every) > self.size.width
        if self.compact != compact:
            self.compact = compact
        room = self.size.width - sum(_width(key, compact=compact) for key in docked)
        ranks = self._ranks()
        order = sorted(range(len(keys)), key=lambda i: (ranks.get(keys[i].action, 1), -i))
        widths = [_width(key, compact=compact) for key in keys]
        used = sum(widths)
        hidden: set[int] = set()
        for index in order:
            if used <= room or ranks.get(keys[index].action, 1) >= ALWAYS:
                break
            hidden.add(index)
            used -= widths[index]
        for index, key in enumerate(keys):
            shown = index not in hidden
            if key.display != shown:
                key.display = shown


def _width(key: FooterKey, *, compact: bool) -> int:
    """Cells a key takes with Textual 8.2.8's Footer CSS: " k Desc " wide, "k Desc" and a margin compact.

    The palette key is always drawn compact, with a border (and its padding or margin).
    """
    label = cell_len(key.key_display) + (1 + cell_len(key.description) if key.description else 0)
    if key.has_class("-command-palette"):
        return label + 2
    return label + (1 if compact else 2)
