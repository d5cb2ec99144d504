"""Pick what a feedback entry is about: type a few letters of any title (objective, meeting,
agenda item, task), or choose "nothing in particular".

Dismisses with ``(table, id)``, ``NO_SUBJECT`` for general feedback, or None on escape.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.i18n import N_, _
from store.search import SUBJECT_TABLES, search
from store.text import printable
from tui.widgets.steady_footer import SteadyFooter
from tui.writes import host_of

NO_SUBJECT = ("", "")
HITS = 30


class SubjectPicker(ModalScreen[tuple[str, str] | None]):
    """A search box over every record feedback can be about."""

    BINDING_GROUP_TITLE = N_("About")
    DEFAULT_CSS = """
    SubjectPicker { align: center middle; background: $background 60%; }
    #picker {
        width: 84; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    #picker-title { text-style: bold; color: $primary; padding: 0 0 1 0; }
    #picker-hits { height: auto; max-height: 14; border: none; }
    #picker-help { color: $text-muted; padding: 1 0 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", N_("Next"), id="picker.down", show=False, tooltip=N_("Next match")),
        Binding("up", "move(-1)", N_("Previous"), id="picker.up", show=False, tooltip=N_("Previous match")),
        Binding("escape", "cancel", N_("Cancel"), id="picker.cancel", tooltip=N_("Close without giving feedback")),
    ]

    def __init__(self, heading: str = "") -> None:
        """``heading``: the question, translated by the caller (a new entry's question if none)."""
        super().__init__()
        self.heading = heading or _("New feedback: what is it about?")

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(self.heading, id="picker-title", markup=False)
            yield Input(placeholder=_("a few letters of a title, e.g. webinar"), id="picker-query", compact=True)
            yield OptionList(id="picker-hits", compact=True)
            yield Static(_("↑ ↓ choose · enter picks · esc cancels"), id="picker-help", markup=False)
        yield SteadyFooter(translate=_)

    def on_mount(self) -> None:
        self._show_hits("")
        self.query_one("#picker-query", Input).focus()

    @on(Input.Changed, "#picker-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._show_hits(event.value)

    def _show_hits(self, text: str) -> None:
        hits = search(host_of(self).workspace, text, tables=SUBJECT_TABLES, limit=HITS)
        options = [Option(_("nothing in particular (general feedback)"), id="")]
        for hit in hits:
            words = f"{_(hit.noun)}: {printable(hit.title)}" + (f"  · {printable(hit.detail)}" if hit.detail else "")
            options.append(Option(words, id=f"{hit.table}/{hit.record_id}"))
        hits_list = self.query_one("#picker-hits", OptionList)
        hits_list.set_options(options)
        hits_list.highlighted = 1 if hits else 0

    def action_move(self, step: int) -> None:
        hits_list = self.query_one("#picker-hits", OptionList)
        current = hits_list.highlighted or 0
        hits_list.highlighted = max(0, min(current + step, hits_list.option_count - 1))

    @on(Input.Submitted, "#picker-query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        hits_list = self.query_one("#picker-hits", OptionList)
        if hits_list.highlighted is not None:
            self._pick(hits_list.get_option_at_index(hits_list.highlighted).id or "")

    @on(OptionList.OptionSelected, "#picker-hits")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id or "")

    def _pick(self, option_id: str) -> None:
        table, _slash, record_id = option_id.partition("/")
        self.dismiss((table, record_id) if record_id else NO_SUBJECT)

    def action_cancel(self) -> None:
        self.dismiss(None)
