"""History of a record: who changed what and when, newest first (DESIGN section 7, key `i`).

git is read in a thread worker that posts one message; the screen says it is reading
meanwhile, so a long history never freezes the app. Values come from teammates and are
shown as plain text without control characters (store.history makes them printable).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.i18n import N_, _, ngettext
from tui.widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    from store.history import Names

READING = N_("Reading the history…")
NOTHING = N_("No change recorded yet.")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class HistoryScreen(ModalScreen[None]):
    """Every change of one record, read from the workspace's git history."""

    CSS_PATH = "history.tcss"
    BINDING_GROUP_TITLE = N_("History")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor(1)", N_("Down"), show=False, id="history.down", tooltip=N_("Next change")),
        Binding("k", "cursor(-1)", N_("Up"), show=False, id="history.up", tooltip=N_("Previous change")),
        Binding("question_mark", "app.show_help", N_("Help"), id="history.help", key_display="?",
                tooltip=N_("Every key of this screen")),
        Binding("escape,q", "close", N_("Close"), id="history.close", tooltip=N_("Close the history")),
    ]

    class Read(Message):
        """The worker has read the history: one (headline, lines) pair per change, newest first."""

        def __init__(self, entries: list[tuple[str, list[str]]]) -> None:
            super().__init__()
            self.entries = entries

    class Unreadable(Message):
        """git could not be read; ``reason`` says why in words."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(
        self,
        workspace_folder: Path,
        record_id: str,
        title: str,
        *,
        names: Names | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__()
        self.workspace_folder = Path(workspace_folder)
        self.record_id = record_id
        self.record_title = title
        self._names = names
        self._now = now

    def compose(self) -> ComposeResult:
        from store.history import printable

        with Vertical(id="history"):
            yield Static(Content(_("History of {title}").format(title=printable(self.record_title))),
                         id="history-title")
            yield Static(_(READING), id="history-status")
            yield OptionList(id="history-list")
        yield SteadyFooter(translate=_)

    def on_mount(self) -> None:
        self.query_one(OptionList).display = False
        self.query_one(OptionList).focus()
        self._read()

    @work(thread=True, exclusive=True, exit_on_error=False, group="history")
    def _read(self) -> None:
        from store.errors import AlineaError
        from store.history import note_words, read_history, what_words, when, who_words

        try:
            entries = read_history(self.workspace_folder, self.record_id)
        except AlineaError as error:
            self.post_message(self.Unreadable(str(error)))
            return
        now = self._now()
        shown = []
        for entry in entries:
            who = who_words(entry, self._names)
            headline = f"{when(entry.at, now)}{' · ' + who if who else ''}{note_words(entry)}"
            shown.append((headline, what_words(entry, now, self._names)))
        self.post_message(self.Read(shown))

    @on(Read)
    def _show(self, message: Read) -> None:
        options = [
            Option(Content.assemble((headline, "bold"), *(f"\n  {line}" for line in lines)))
            for headline, lines in message.entries
        ]
        count = len(options)
        status = (ngettext("{count} change, newest first", "{count} changes, newest first", count).format(count=count)
                  if count else _(NOTHING))
        self.query_one("#history-status", Static).update(status)
        option_list = self.query_one(OptionList)
        option_list.set_options(options)
        option_list.display = bool(options)
        if options:
            option_list.highlighted = 0

    @on(Unreadable)
    def _show_problem(self, message: Unreadable) -> None:
        self.query_one("#history-status", Static).update(Content(
            _("The history could not be read: {reason}").format(reason=message.reason)))

    def action_cursor(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        (option_list.action_cursor_down if step > 0 else option_list.action_cursor_up)()

    def action_close(self) -> None:
        self.dismiss(None)
