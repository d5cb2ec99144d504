"""AlineaApp: the header, the four panes in a TabbedContent, the footer and the global keys.

The app owns three things and little else: writes (one queue, run in a worker thread, in
order), keeping the panes fresh (after own edits and after an outside change of the file),
and sync (in a worker, its state in the header).
"""

from __future__ import annotations

import gc
import threading
from collections import deque
from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Header, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from store.config import UserConfig
from store.errors import InvalidInput, ReadOnlyWorkspace
from store.text import printable
from store.workspace import Change, Workspace
from tui.commands import AlineaCommands
from tui.panes.agenda import AgendaPane
from tui.panes.board import BoardPane
from tui.panes.feedback import FeedbackPane
from tui.panes.objectives import ObjectivesPane
from tui.syncing import SyncReport, SyncState
from tui.widgets.steady_footer import SteadyFooter

POLL_SECONDS = 1.0
QUIT_WAIT_SECONDS = 3.0
PANES = ("objectives", "agenda", "feedback", "board")
#: which pane shows a record of each table
PANE_OF_TABLE = {
    "objectives": "objectives",
    "metrics": "objectives",
    "measurements": "objectives",
    "meetings": "agenda",
    "agenda_items": "agenda",
    "feedback": "feedback",
    "tasks": "board",
}
#: app actions that make no sense while a form or dialog is open on top
MAIN_SCREEN_ACTIONS = frozenset({"show_pane", "undo_change", "sync_workspace", "quit_app"})
Action = Callable[[Workspace], Any]


class AlineaApp(App[int]):
    """The full-screen workspace."""

    TITLE = "alinea"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {AlineaCommands}
    BINDING_GROUP_TITLE = "Everywhere"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "show_pane('objectives')", "Objectives", id="app.show_objectives",
                tooltip="Show the Objectives pane", show=False),
        Binding("2", "show_pane('agenda')", "Agenda", id="app.show_agenda",
                tooltip="Show the Agenda pane", show=False),
        Binding("3", "show_pane('feedback')", "Feedback", id="app.show_feedback",
                tooltip="Show the Feedback pane", show=False),
        Binding("4", "show_pane('board')", "Board", id="app.show_board",
                tooltip="Show the task Board", show=False),
        Binding("u", "undo_change", "Undo", id="app.undo", tooltip="Undo the last change"),
        Binding("s", "sync_workspace", "Sync", id="app.sync", tooltip="Sync with the team's remote now"),
        Binding("question_mark", "show_help", "Help", id="app.help", key_display="?",
                tooltip="Every key of this screen"),
        Binding("ctrl+p", "command_palette", "Palette", id="app.palette", priority=True, show=False,
                tooltip="Every action, and jump to any record by title"),
        Binding("q", "quit_app", "Quit", id="app.quit", tooltip="Quit (everything is already saved)"),
    ]

    class WorkspaceChanged(Message, bubble=False):
        """The workspace changed (posted from any thread; bursts collapse)."""

        def __init__(self, change: Change) -> None:
            super().__init__()
            self.change = change

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, AlineaApp.WorkspaceChanged)

    def __init__(
        self,
        workspace: Workspace,
        *,
        config: UserConfig | None = None,
        today: Callable[[], date] | None = None,
        welcome: bool = False,
        first_run: bool = False,
        notices: list[str] | None = None,
        claim: Callable[[], list[str]] | None = None,
    ) -> None:
        """``claim``: run in the write worker before the file is read (take the app lock, ready
        git); it returns notices to show. See tui.launch.Opened.claim."""
        super().__init__()
        self.workspace = workspace
        self.config = config or UserConfig()
        self._today = today or date.today
        self._welcome = welcome or first_run
        self._first_run = first_run
        self._notices = list(notices or [])
        self._claim = claim
        self._writes: deque[tuple[Action, Callable[[Any], None] | None, Callable[[Exception], bool] | None]] = deque()
        self._writes_lock = threading.Lock()
        self._writing = False
        self._sync_state = SyncState(known=False)
        self._status_asked = 0
        self._syncing = False
        self._sync_on_open = False  # a remote was found on open: sync once the workspace is read
        self._quitting = False
        self._edited_since_sync = False
        self._unsubscribe: Callable[[], None] | None = None
        self._register_themes()

    # -- setup ------------------------------------------------------------------------
    def _register_themes(self) -> None:
        from themes import DEFAULT_THEME, THEMES

        for theme in THEMES:
            self.register_theme(theme)
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.theme = DEFAULT_THEME
            self._notices.append(f"There is no theme called {self.config.theme!r}; using {DEFAULT_THEME}.")

    def today(self) -> date:
        """Today's date (fixed in tests and snapshots)."""
        return self._today()

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(initial="board", id="panes"):
            yield ObjectivesPane("Objectives", id="objectives")
            yield AgendaPane("Agenda", id="agenda")
            yield FeedbackPane("Feedback", id="feedback")
            yield BoardPane("Board", id="board")
        yield SteadyFooter()

    def notify(self, message: str, *, title: str = "", **options: Any) -> None:  # type: ignore[override]
        """Every notification passes here: what it quotes from the workspace never reaches the terminal raw."""
        super().notify(printable(str(message), multiline=True), title=printable(title), **options)

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        self.title = self.workspace.name
        self._unsubscribe = self.workspace.subscribe(self._workspace_changed)
        self.update_header()
        self.set_interval(POLL_SECONDS, self.poll_workspace, name="poll-workspace")
        if self.config.sync_interval_minutes:
            self.set_interval(self.config.sync_interval_minutes * 60, self._background_sync, name="sync-interval")
        for notice in self._notices:
            self.notify(notice, severity="warning", timeout=8)
        self.call_after_refresh(self._first_frame_painted)
        self.call_after_refresh(self._focus_pane, "board")
        self.call_after_refresh(self.refresh_status, then_sync=True)  # git runs after the first frame
        if self.workspace.loaded and self._claim is None:
            self._workspace_ready([])
        else:  # paint the first frame now; a large file loads in the write worker meanwhile
            self.call_after_refresh(self.write, self._open_workspace, on_done=self._workspace_ready)

    def _open_workspace(self, workspace: Workspace) -> list[str]:
        """In the write worker: claim the workspace, then read it. Returns notices to show."""
        notices = self._claim() if self._claim is not None else []
        if not workspace.loaded:
            workspace.load()
        workspace.recognise_me()  # my git email is new: stay the member I was, not a stranger
        return notices

    def _first_frame_painted(self) -> None:
        """`alinea` starts with the garbage collector off (see tui.cli.main): turn it on."""
        if not gc.isenabled():
            gc.freeze()  # what start-up built lives as long as the app: never walk it again
            gc.enable()

    def _workspace_ready(self, notices: list[str]) -> None:
        """The data is in: say what went wrong opening it, why it is read-only, or welcome a new member."""
        for notice in notices:
            self.notify(notice, severity="warning", timeout=8)
        self.update_header()
        self._start_sync_on_open()
        if self.workspace.read_only:
            self.notify(self._read_only_reason(), title="Read-only", severity="warning", timeout=10)
        elif self._welcome:
            self._show_welcome()

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        from store.gitrun import kill_running

        kill_running()  # a fetch from a remote that never answers must not outlive the app

    def _read_only_reason(self) -> str:
        return f"The workspace is read-only because {self.workspace.read_only_reason}."

    # -- writes -------------------------------------------------------------------------
    def write(
        self,
        action: Action,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], bool] | None = None,
    ) -> None:
        """Run ``action(self.workspace)`` off the UI thread, after any writes queued before it.

        Refused input and a read-only workspace are said in a notification; ``on_error`` may
        handle an error itself (return True), e.g. a form showing FieldErrors under its fields.
        ``on_done(result)`` runs on the UI thread after success.
        """
        with self._writes_lock:
            self._writes.append((action, on_done, on_error))
            if self._writing:
                return
            self._writing = True
        self._drain_writes()

    @work(thread=True, group="write", exit_on_error=False)
    def _drain_writes(self) -> None:
        while True:
            with self._writes_lock:
                if not self._writes:
                    self._writing = False
                    return
                action, on_done, on_error = self._writes.popleft()
            try:
                result = action(self.workspace)
            except Exception as error:  # noqa: BLE001 - every failure is said in words
                self._call_ui(self._write_failed, error, on_error)
            else:
                if on_done is not None:
                    self._call_ui(on_done, result)

    def _call_ui(self, callback: Callable[..., Any], *args: Any) -> None:
        try:
            self.call_from_thread(callback, *args)
        except RuntimeError:
            pass  # the app is closing

    def _write_failed(self, error: Exception, on_error: Callable[[Exception], bool] | None) -> None:
        if on_error is not None and on_error(error):
            return
        if isinstance(error, (ReadOnlyWorkspace, InvalidInput)):
            self.notify(str(error), title="Not saved", severity="error")
        else:
            self.notify(f"Could not save: {error}", title="Not saved", severity="error", timeout=10)

    # -- keeping the panes fresh ------------------------------------------------------------
    def _workspace_changed(self, change: Change) -> None:
        """Workspace listener: may run in a worker thread, so it only posts a message."""
        self.post_message(self.WorkspaceChanged(change))

    @on(WorkspaceChanged)
    def _refresh_after_change(self, event: WorkspaceChanged) -> None:
        if event.change.kind != "reloaded":
            self._edited_since_sync = True
        self.refresh_panes()
        self.refresh_status()

    def refresh_panes(self) -> None:
        """Ask every pane, and any open screen that lists records (the Team), to re-read the workspace."""
        for node in (*self.query(TabPane), *self.screen_stack):
            refresh = getattr(node, "refresh_data", None)
            if callable(refresh):
                refresh()
        self.update_header()

    def poll_workspace(self) -> None:
        """Pick up an outside change of the file (a git pull in a shell). A stat, no read."""
        if self.workspace.loaded and self.workspace.storage.changed_on_disk():
            was_read_only = self.workspace.read_only
            self.write(lambda ws: ws.reload_if_changed(), on_done=lambda _: self._after_reload(was_read_only))

    def _after_reload(self, was_read_only: bool) -> None:
        if was_read_only and not self.workspace.read_only:
            self.notify("The workspace file is readable again; you can edit.", title="Editable")
        elif self.workspace.error is not None and not was_read_only:
            self.notify(self._read_only_reason(), title="Read-only", severity="error", timeout=10)
        self.update_header()

    # -- header -------------------------------------------------------------------------------
    def update_header(self) -> None:
        if not self.workspace.loaded:
            self.sub_title = "opening the workspace…"  # who I am is known once the members are read
            return
        conflicts = sum(1 for c in self.workspace.records("conflicts") if not c.resolved)
        state = self._sync_state.words(
            conflicts=conflicts, read_only=self.workspace.read_only, syncing=self._syncing
        )
        me = self.workspace.me
        self.sub_title = printable(f"{me.name if me else self.workspace.who}  ·  {state}")

    def refresh_status(self, *, then_sync: bool = False) -> None:
        self._status_asked += 1
        self._read_status(self._status_asked, then_sync)

    @work(thread=True, group="status", exit_on_error=False)
    def _read_status(self, asked: int, then_sync: bool) -> None:
        from tui.syncing import read_state

        state = read_state(self.workspace.folder, self.workspace)
        self._call_ui(self._status_read, asked, state, then_sync)

    def _status_read(self, asked: int, state: SyncState, then_sync: bool) -> None:
        if then_sync and state.has_remote:
            self._sync_on_open = True
            self._start_sync_on_open()
        if asked != self._status_asked:
            return  # a newer reading is on its way; this one may predate the last change
        self._sync_state = state
        self.update_header()

    # -- sync -------------------------------------------------------------------------------------
    def _start_sync_on_open(self) -> None:
        """Sync once on open, when there is a remote and the workspace is claimed and read: a
        window that turns out read-only (another one holds the workspace) never syncs."""
        if self._sync_on_open and self.workspace.loaded and not self.workspace.read_only and not self._syncing:
            self._sync_on_open = False
            self.start_sync(quiet=True)

    def _background_sync(self) -> None:
        if self._sync_state.has_remote and not self.workspace.read_only and not self._syncing:
            self.start_sync(quiet=True)

    def start_sync(self, *, quiet: bool = False) -> None:
        if not self.workspace.loaded:  # not claimed yet: this window may turn out read-only
            if not quiet:
                self.notify("The workspace is still opening; sync in a moment.", title="Not synced")
            return
        if self.workspace.read_only:
            self.notify(self._read_only_reason(), title="Not synced", severity="warning")
            return
        if self._syncing:
            if not quiet:
                self.notify("A sync is already running.")
            return
        self._syncing = True
        self._edited_since_sync = False
        self.update_header()
        self._sync(quiet)

    @work(group="sync", exclusive=True, exit_on_error=False)
    async def _sync(self, quiet: bool) -> tuple[SyncReport, bool]:
        from tui.syncing import in_daemon_thread, run_sync

        folder = self.workspace.folder
        budget = QUIT_WAIT_SECONDS if self._quitting else None
        return await in_daemon_thread(lambda: run_sync(folder, budget)), quiet

    def _sync_finished(self, report: SyncReport | None, quiet: bool) -> None:
        self._syncing = False
        if report is not None and (not quiet or not report.ok or report.changed):
            self.notify(report.message, title="Sync", severity="information" if report.ok else "warning", timeout=8)
        self.poll_workspace()
        self.refresh_status()
        self.update_header()
        if self._quitting:
            self.exit(0, message=report.message if report else None)

    @on(Worker.StateChanged)
    def _worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "sync" and event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            if event.state == WorkerState.SUCCESS:
                report, quiet = worker.result
                self._sync_finished(report, quiet)
            else:
                self._sync_finished(SyncReport(f"Sync failed: {_words(worker.error)}. Your edits are safe.", False),
                                    False)
            return
        if event.state == WorkerState.ERROR:
            what = {"write": "Saving", "status": "Reading the sync state"}.get(worker.group, worker.name or "A task")
            self.notify(f"{what} failed: {_words(worker.error)}", title="Something went wrong", severity="error",
                        timeout=10)

    # -- navigation ------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in MAIN_SCREEN_ACTIONS and isinstance(self.screen, ModalScreen):
            return False
        return True

    def action_show_pane(self, pane_id: str) -> None:
        self.query_one(TabbedContent).active = pane_id
        self._focus_pane(pane_id)

    def _focus_pane(self, pane_id: str) -> None:
        pane = self.query_one(f"#{pane_id}", TabPane)
        focus_default = getattr(pane, "focus_default", None)
        if callable(focus_default):
            focus_default()
            return
        for widget in pane.query(Widget):
            if widget.focusable and widget.display:
                widget.focus()
                return

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id and self.focused is not None and self.focused.id != "panes":
            pane = event.pane
            if self.focused not in pane.query(Widget):
                self.call_after_refresh(self._focus_pane, pane.id)

    def jump_to(self, table: str, record_id: str) -> None:
        """Show a record in its pane (the palette's "Jump to …")."""
        if table == "members":
            self.show_team(select=record_id)
            return
        target, shown_id = table, record_id
        if table == "agenda_items":
            target, shown_id = "meetings", self.workspace.get(table, record_id).meeting_id
        elif table == "measurements":
            metric = self.workspace.get("metrics", self.workspace.get(table, record_id).metric_id)
            target, shown_id = "objectives", metric.objective_id
        elif table == "metrics":
            target, shown_id = "objectives", self.workspace.get(table, record_id).objective_id
        pane_id = PANE_OF_TABLE[target]
        self.action_show_pane(pane_id)
        pane = self.query_one(f"#{pane_id}", TabPane)
        show = getattr(pane, "show_record", None)
        if callable(show):
            show(shown_id)

    # -- actions ---------------------------------------------------------------------------------
    def action_undo_change(self) -> None:
        if not self.workspace.can_undo:
            self.notify("Nothing to undo.")
            return
        self.write(lambda ws: ws.undo(), on_done=self._undone)

    def _undone(self, change: Change | None) -> None:
        if change is not None and change.table and change.record_id:
            record = self.workspace.get(change.table, change.record_id)
            self.notify(f"Undid the last change to {record.label!r}.", title="Undo")

    def action_sync_workspace(self) -> None:
        self.start_sync()

    def action_show_help(self) -> None:
        from tui.screens.help import HelpScreen, help_rows

        self.push_screen(HelpScreen(help_rows(self)))

    def action_quit_app(self) -> None:
        if self._quitting:
            self.exit(0)
            return
        wants_sync = self._edited_since_sync or self._sync_state.dirty or self._sync_state.ahead
        if self._sync_state.has_remote and wants_sync and not self.workspace.read_only:
            self._quitting = True
            self.start_sync(quiet=True)
            self.sub_title = "syncing before quitting… (q again quits now)"
            self.set_timer(QUIT_WAIT_SECONDS, self._quit_without_waiting)
            return
        self.exit(0)

    def _quit_without_waiting(self) -> None:
        if self._syncing:
            self.exit(0, message="alinea: the sync did not finish in time; it continues the next time you "
                                 "open alinea. Your edits are saved.")

    # -- forms and the welcome --------------------------------------------------------------------
    def open_form(self, table: str, *, record: Any = None, defaults: dict[str, Any] | None = None,
                  then: Callable[[Any], None] | None = None) -> None:
        from tui.screens.record_form import RecordForm

        if self.workspace.read_only and record is None:
            self.notify(self._read_only_reason(), title="Read-only", severity="warning")
            return
        self.push_screen(RecordForm(table, record=record, defaults=defaults), callback=then)

    def show_team(self, *, select: str | None = None) -> None:
        """The Team screen: members by department (``select``: the member to highlight)."""
        from tui.screens.team import TeamScreen

        self.push_screen(TeamScreen(select=select))

    def _show_welcome(self) -> None:
        from tui.screens.welcome import WelcomeScreen, in_sample

        me_missing = self.workspace.me is None
        if not self._first_run and not me_missing:
            return
        screen = WelcomeScreen(
            first_run=self._first_run,
            ask_name=me_missing,
            who=self.workspace.who,
            in_sample=self._first_run and in_sample(self.workspace.who, self.today()),
        )
        self.push_screen(screen, callback=self._welcome_done)

    def _welcome_done(self, answer: Any) -> None:
        from tui.screens.welcome import apply_welcome

        if answer is None:
            return
        today = self.today()
        self.write(lambda ws: apply_welcome(ws, answer, today), on_done=self._welcome_applied)

    def _welcome_applied(self, message: str) -> None:
        self.refresh_panes()
        self.refresh_status()
        if message:
            self.notify(message, title="Welcome")


def _words(error: BaseException | None) -> str:
    if error is None:
        return "unknown error"
    text = str(error).strip()
    return text or type(error).__name__
