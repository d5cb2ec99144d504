"""Help: every key of the screen it was opened from, grouped by where the key works."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from store.i18n import N_, _
from tui.widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

#: listed last: keys that work everywhere
LAST_GROUPS = (N_("Everywhere"),)


@dataclass(frozen=True)
class HelpRow:
    group: str
    keys: str
    description: str
    enabled: bool = True


def _group_title(node: DOMNode) -> str:
    """The heading a key goes under: the nearest titled place (a Board column's keys are the
    Board's), never a name made from a class."""
    for place in (node, *node.ancestors):
        title = getattr(place, "BINDING_GROUP_TITLE", None)
        if title:
            return str(title)
    return LAST_GROUPS[0]


def help_rows(app: App[Any]) -> list[HelpRow]:
    """The keys that do something on the current screen, in words: one row per action, its keys joined.

    Only alinea's own keys (each has an id and words): Textual's built-in ones (an option list's
    "Scroll Left", "Page Left") do nothing useful here; keys switched off here are left out.
    """
    grouped: dict[tuple[str, str], tuple[list[str], str, bool]] = {}
    for key, active in app.screen.active_bindings.items():
        binding: Binding = active.binding
        if binding.system or not binding.id or not active.enabled or not (binding.description or binding.tooltip):
            continue
        group = _group_title(active.node)
        description = _(binding.tooltip or binding.description)
        keys, _unused, enabled = grouped.setdefault((group, binding.action), ([], description, active.enabled))
        shown = app.get_key_display(Binding(key, binding.action))
        if shown not in keys:
            keys.append(shown)
    rows = [HelpRow(group, " ".join(keys), description, enabled)
            for (group, _action), (keys, description, enabled) in grouped.items()]
    order = {group: index for index, group in enumerate(dict.fromkeys(row.group for row in rows))}

    def rank(row: HelpRow) -> tuple[int, int]:
        last = LAST_GROUPS.index(row.group) + 1 if row.group in LAST_GROUPS else 0
        return (last, order[row.group])

    return sorted(rows, key=rank)


class HelpScreen(ModalScreen[None]):
    """A scrollable list of keys; escape, q or ? closes it."""

    CSS_PATH = "help.tcss"
    BINDING_GROUP_TITLE = N_("Help")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close_help", N_("Close"), id="help.close", tooltip=N_("Close the help")),
    ]

    def __init__(self, rows: list[HelpRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(_("Keys on this screen"), id="help-title")
            with VerticalScroll(id="help-body"):
                group = None
                for row in self.rows:
                    if row.group != group:
                        group = row.group
                        yield Static(_(group), classes="help-group", markup=False)  # marked N_() where set
                    with Horizontal(classes="help-row" + ("" if row.enabled else " -disabled")):
                        yield Static(Content.styled(row.keys, "bold $accent"), classes="help-keys")
                        yield Static(row.description, classes="help-words", markup=False)
            yield Static(_("escape closes · ctrl+p finds any action by name"), id="help-footer")
        yield SteadyFooter(translate=_)  # this screen's keys, over the main screen's footer

    def action_close_help(self) -> None:
        self.dismiss(None)
