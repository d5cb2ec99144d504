"""AlineaApp: composes the header, the four panes, the footer; routes messages; global keys.

No pane logic here. Writes go through the write queue (tui/writes.py), sync through the sync
controller (tui/syncing.py), outside changes of the file through the watcher (tui/watcher.py).
Calls go down to the panes' base methods (tui/panes/base.py); messages come up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.message_pump import MessagePump
from textual.notifications import SeverityLevel
from textual.screen import Screen

from store.config import UserConfig
from store.gcpolicy import IDLE_CHECK, AfterStart, collect_if_due
from store.i18n import N_, _
from store.text import printable
from store.workspace import Workspace
from themes import use_themes
from tui.commands import AlineaCommands
from tui.panes.agenda import AgendaPane
from tui.panes.base import Pane, Refreshable
from tui.panes.board import BoardPane
from tui.panes.feedback import FeedbackPane
from tui.panes.objectives import ObjectivesPane
from tui.readonly import why_read_only
from tui.routes import ROUTE_BINDINGS, RoutedApp
from tui.syncing import SyncController
from tui.watcher import FileWatcher, WorkspaceChanged, finish_read, first_read
from tui.widgets.header import AlineaHeader
from tui.widgets.pane_tabs import PaneTabs
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.steady_screen import SteadyScreen
from tui.writes import Action, Refused, Saved, SaveWaiting, WriteQueue, refusal

#: the panes by key: id, tab title and tooltip (marked N_: translated where drawn, store.i18n)
PANES = (
    ("objectives", N_("Objectives"), N_("Show the Objectives pane")),
    ("agenda", N_("Agenda"), N_("Show the Agenda pane")),
    ("feedback", N_("Feedback"), N_("Show the Feedback pane")),
    ("board", N_("Board"), N_("Show the task Board")),
)
#: tables whose record an undo selects in its pane
SHOWN_AFTER_UNDO = frozenset({"tasks", "objectives", "meetings", "feedback", "agenda_items", "metrics"})


class AlineaApp(RoutedApp):
    """The full-screen workspace."""

    TITLE = "alinea"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {AlineaCommands}
    BINDING_GROUP_TITLE = N_("Everywhere")
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(key), f"show_pane('{pane}')", title, id=f"app.show_{pane}", show=False, tooltip=tooltip)
          for key, (pane, title, tooltip) in enumerate(PANES, start=1)),
        Binding("u", "undo_change", N_("Undo"), id="app.undo", tooltip=N_("Undo the last change")),
        Binding("s", "sync_workspace", N_("Sync"), id="app.sync", tooltip=N_("Sync with the team's remote now")),
        Binding("question_mark", "show_help", N_("Help"), id="app.help", key_display="?",
                tooltip=N_("Every key of this screen")),
        Binding("ctrl+p", "command_palette", N_("Palette"), id="app.palette", priority=True, show=False,
                tooltip=N_("Every action, and jump to any record by title")),
        Binding("q", "quit_app", N_("Quit"), id="app.quit", tooltip=N_("Quit (everything is already saved)")),
        Binding("F", "feedback_about", N_("Feedback"), id="app.feedback_about", show=False,
                tooltip=N_("Give feedback about the selected record")),
        *ROUTE_BINDINGS,  # last: where the footer is too narrow, these are the keys it leaves out
    ]

    def __init__(
        self, workspace: Workspace, *, config: UserConfig | None = None, today: Callable[[], date] | None = None,
        welcome: bool = False, first_run: bool = False, notices: list[str] | None = None,
        claim: Callable[[], list[str]] | None = None, now: Callable[[], datetime] | None = None,
    ) -> None:
        """``claim``: run in the write worker before the file is read (tui.launch.Opened.claim)."""
        super().__init__()
        self._workspace = workspace
        self.config = config or UserConfig()
        self._today = today or date.today
        self._now = now or (lambda: datetime.now(timezone.utc))
        self._welcome = welcome or first_run
        self._first_run = first_run
        self._notices = list(notices or [])
        self._claim = claim
        self._start = AfterStart("painted", "read")  # store.gcpolicy: `alinea` starts with the collector off
        self._opened = False  # the open's read is done (or refused)
        self.writes = WriteQueue(self, workspace)
        self.watcher = FileWatcher(workspace)
        self.syncing = SyncController(workspace, interval_minutes=self.config.sync_interval_minutes or 0)
        self._unsubscribe: Callable[[], None] | None = None
        self._notices += use_themes(self, self.config.theme)

    # -- the Host protocol (tui/writes.py): all that panes and screens see of the app -------------
    @property
    def workspace(self) -> Workspace:
        return self._workspace

    def today(self) -> date:
        """Today's date (fixed in tests and snapshots)."""
        return self._today()

    def now(self) -> datetime:
        return self._now()

    def write(self, requester: MessagePump, action: Action, *, purpose: str = "") -> None:
        self.writes.submit(requester, action, purpose=purpose)

    def get_default_screen(self) -> Screen[None]:  # focus moves repaint what they change, not all
        return SteadyScreen(id="_default")

    def compose(self) -> ComposeResult:
        panes = (ObjectivesPane(_("Objectives"), id="objectives"), AgendaPane(_("Agenda"), id="agenda"),
                 FeedbackPane(_("Feedback"), id="feedback"), BoardPane(_("Board"), id="board"))
        yield AlineaHeader()
        yield PaneTabs([(pane, pane.tab_label) for pane in panes], active="board", id="panes")
        yield from panes
        self.footer = SteadyFooter(translate=_, keys_later=not self.workspace.loaded)  # its keys come with the data
        yield self.footer
        yield self.syncing
        yield self.watcher

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification passes here: what it quotes from the workspace never reaches the terminal raw."""
        super().notify(printable(str(message), multiline=True), title=printable(title), severity=severity,
                       timeout=timeout, markup=markup)

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        self.title = self.workspace.name
        self._unsubscribe = WorkspaceChanged.subscribe(self, self.workspace)
        self.update_header()
        for notice in self._notices:
            self.notify(notice, severity="warning", timeout=8)
        if self.workspace.loaded and self._claim is None:
            self.call_after_refresh(self._start.done, "painted")
            self.call_after_refresh(self.pane("board").focus_default)
            self._workspace_ready([])
            return
        # Paint the first frame now; the write worker claims and reads the file just after it,
        # first in line: git's status waits until the data is in (the header shows none before).
        self.call_after_refresh(self.write, self, first_read(self._claim), purpose="open")
        self.call_after_refresh(self._start.done, "painted")
        self.set_interval(IDLE_CHECK, lambda: self.call_after_refresh(collect_if_due))  # store.gcpolicy
        self.call_after_refresh(self.pane("board").focus_default)

    def _workspace_ready(self, notices: list[str]) -> None:
        """The data is in: say what went wrong opening it, why it is read-only, or welcome a new member."""
        self._start.done("read")
        self._opened = True
        for notice in notices:
            self.notify(notice, severity="warning", timeout=8)
        self.update_header()
        self.call_after_refresh(self.syncing.refresh_status, then_sync=True)  # git runs after the data's frame
        self.syncing.workspace_ready()
        if self.workspace.read_only:
            self.notify(why_read_only(self.workspace), title=_("Read-only"), severity="warning", timeout=10)
        elif self._welcome and (self._first_run or self.workspace.me is None):
            from tui.screens.welcome import offer_welcome  # its widgets load only when it is offered

            offer_welcome(self, first_run=self._first_run)

    def on_unmount(self) -> None:
        self._unsubscribe() if self._unsubscribe is not None else None

    # -- routing: calls go down, messages come up --------------------------------------------------------
    @on(WorkspaceChanged)
    def _refresh_after_change(self, event: WorkspaceChanged) -> None:
        if self._opened:  # before, it is the open's own read: git's status is read once that is done
            self.syncing.workspace_changed(edited=event.edited)
        self.refresh_panes()

    def refresh_panes(self) -> None:
        """Ask every pane, and any open screen that lists records (the Team), to re-read the workspace."""
        for node in (*self.query(Pane), *self.screen_stack):
            if isinstance(node, Refreshable):
                node.refresh_data()
        self.update_header()

    @on(SyncController.Changed)
    @on(FileWatcher.Reloaded)
    @on(SaveWaiting)
    def _state_changed(self, event: SyncController.Changed | FileWatcher.Reloaded | SaveWaiting) -> None:
        if isinstance(event, SyncController.Changed) and event.synced:
            self.watcher.poll()  # a sync may have brought the team's changes
        self.update_header()

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        """The app's own writes (and an undo asked for from a screen)."""
        if event.purpose == "open":  # the Board's cards are in: the rest once their frame is out
            self.call_after_refresh(self.write, self, finish_read(event.result), purpose="opened")
            self.call_after_refresh(self.footer.show_keys)
        elif event.purpose == "opened":
            self._workspace_ready(event.result)
        elif event.purpose == "undo" and event.result is not None and event.result.table:
            table, record = event.result.table, self.workspace.get(event.result.table, event.result.record_id)
            self.notify(_("Undid the last change to “{title}”.").format(title=record.label), title=_("Undo"))
            if not record.deleted and table in SHOWN_AFTER_UNDO:  # the cursor on what came back
                self.action_jump_to(table, record.id)
        elif event.purpose == "welcome":
            self.refresh_panes()
            self.syncing.refresh_status()
            if event.result:
                self.notify(event.result, title=_("Welcome"))

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        error = event.error
        if event.purpose in ("open", "opened"):
            self.footer.show_keys()
            self._start.done("read")
            self._opened = True
            self.call_after_refresh(self.syncing.refresh_status)
            self.notify(_("Could not open the workspace: {error}").format(error=error),
                        title=_("Something went wrong"), severity="error")
        else:
            self.notify(refusal(error), title=_("Not saved"), severity="error", timeout=10)

    def update_header(self) -> None:
        if not self.workspace.loaded:
            self.sub_title = _("opening the workspace…")  # who I am is known once the members are read
            return
        me, state = self.workspace.me, _("saving…") if self.writes.waiting else self.syncing.words()
        self.sub_title = printable(f"{me.name if me else self.workspace.who}  ·  {state}")

    def action_undo_change(self) -> None:
        if not self.workspace.can_undo:
            self.notify(_("Nothing to undo."))
            return
        self.write(self, lambda ws: ws.undo(), purpose="undo")

    def action_sync_workspace(self) -> None:
        self.syncing.start()

    def action_quit_app(self) -> None:
        if self.syncing.quit():
            self.sub_title = _("syncing before quitting… (q again quits now)")
        else:
            self.exit(0)
