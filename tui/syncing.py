"""The sync controller: the app's sync state, its workers, and when to sync.

Policy: sync once on open when there is a remote (once the workspace is claimed and read:
a read-only window never syncs), every N minutes if the user config asks, on `s`, and on
quit when there is something to send (quit waits at most ``QUIT_WAIT_SECONDS``). The
header's git status read goes through here too. Workers answer with messages handled by
``@on`` below; the app hears ``SyncController.Changed`` and repaints the header (and, after
a sync, re-reads the file). Sync itself lives in ``store.gitsync``.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual import on, work
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widget import Widget

from store.i18n import _, ngettext, pgettext
from store.repo import GitError
from tui.readonly import why_read_only

if TYPE_CHECKING:
    from store.workspace import Workspace

QUIT_WAIT_SECONDS = 3.0

T = TypeVar("T")


@dataclass(frozen=True)
class SyncState:
    """What the header says about the workspace's git state."""

    dirty: bool = False
    ahead: int = 0
    behind: int = 0
    has_remote: bool = False
    merging: bool = False
    known: bool = True

    def words(self, *, conflicts: int = 0, read_only: bool = False, syncing: bool = False) -> str:
        if syncing:
            return _("syncing…")
        parts = [_("read-only")] if read_only else []
        if self.merging:
            parts.append(_("unfinished merge"))
        if self.dirty:
            parts.append(_("unsynced edits"))
        if self.ahead:
            parts.append(_("ahead {count}").format(count=self.ahead))
        if self.behind:
            parts.append(_("behind {count}").format(count=self.behind))
        if conflicts:
            parts.append(ngettext("{count} conflict to review", "{count} conflicts to review", conflicts)
                         .format(count=conflicts))
        if not parts:
            if not self.known:
                return _("sync state unknown")
            parts.append(_("clean") if self.has_remote else _("clean · no remote"))
        return ", ".join(parts)


@dataclass(frozen=True)
class SyncReport:
    """The outcome of one sync, as the app shows it."""

    message: str
    ok: bool
    changed: bool = False


def read_state(folder: Path, workspace: Any = None) -> SyncState:
    """dirty / ahead / behind / remote, from git (blocking: call it in a worker).

    Given the open workspace, conflicts are counted from it rather than by re-reading the file.
    """
    from store.gitsync import status

    try:
        found = status(folder, workspace)
    except GitError:
        return SyncState(known=False)
    return SyncState(
        dirty=found.dirty, ahead=found.ahead, behind=found.behind, has_remote=found.has_remote, merging=found.merging
    )


def run_sync(folder: Path, budget: float | None = None) -> SyncReport:
    """One sync of the workspace folder (blocking: call it off the UI thread).

    ``budget``: seconds to keep retrying a rejected push (at quit: what the app waits).
    """
    from store.gitsync import RETRY_BUDGET, sync

    result = asyncio.run(sync(folder, budget=RETRY_BUDGET if budget is None else budget))
    changed = bool(result.pulled_records or result.conflicts)
    return SyncReport(_sentence(result.message), result.ok, changed)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


async def in_daemon_thread(function: Callable[[], T]) -> T:
    """Await ``function()`` run in a daemon thread.

    Unlike the loop's default executor, a daemon thread does not hold the process open at
    exit: when quitting cannot wait for a slow sync, the app still closes at once.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def deliver(setter: Callable[[Any], None], value: Any) -> None:
        if not future.done():
            setter(value)

    def run() -> None:
        try:
            result = function()
        except BaseException as error:  # noqa: BLE001 - handed to the awaiting worker
            outcome: tuple[Callable[[Any], None], Any] = (future.set_exception, error)
        else:
            outcome = (future.set_result, result)
        try:
            loop.call_soon_threadsafe(deliver, *outcome)
        except RuntimeError:
            pass  # the app has closed; nobody is waiting any more

    threading.Thread(target=run, name="alinea-sync", daemon=True).start()
    return await future


class SyncController(Widget):
    """Sync for the app: never shown; it lives in the DOM for its workers and messages."""

    DEFAULT_CSS = "SyncController { display: none; }"

    class Changed(Message):
        """The sync state changed: repaint the header (``synced``: a sync ended, re-read the file)."""

        def __init__(self, synced: bool = False) -> None:
            super().__init__()
            self.synced = synced

    class _StatusRead(Message):
        def __init__(self, asked: int, state: SyncState, then_sync: bool) -> None:
            super().__init__()
            self.asked, self.state, self.then_sync = asked, state, then_sync

    class _Finished(Message):
        def __init__(self, report: SyncReport, quiet: bool) -> None:
            super().__init__()
            self.report, self.quiet = report, quiet

    def __init__(self, workspace: Workspace, *, interval_minutes: float = 0) -> None:
        super().__init__(id="sync-controller")
        self.workspace = workspace
        self.state = SyncState(known=False)
        self.syncing = False
        self.edited_since_sync = False
        self._interval_minutes = interval_minutes
        self._status_asked = 0
        self._sync_on_open = False  # a remote was found on open: sync once the workspace is read
        self._quitting = False

    def on_mount(self) -> None:
        if self._interval_minutes:
            self.set_interval(self._interval_minutes * 60, self._background_sync, name="sync-interval")

    def words(self) -> str:
        """The header's sync state in words."""
        conflicts = sum(1 for c in self.workspace.records("conflicts") if not c.resolved)
        return self.state.words(conflicts=conflicts, read_only=self.workspace.read_only, syncing=self.syncing)

    # -- the status read --------------------------------------------------------------
    def refresh_status(self, *, then_sync: bool = False) -> None:
        """Read git's state again (``then_sync``: and sync if a remote turns up: the on-open sync)."""
        self._status_asked += 1
        self._read_status(self._status_asked, then_sync)

    @work(thread=True, group="status", exit_on_error=False)
    def _read_status(self, asked: int, then_sync: bool) -> None:
        try:
            state = read_state(self.workspace.folder, self.workspace)
        except Exception:  # noqa: BLE001 - the header says "sync state unknown"; a sync says why
            state = SyncState(known=False)
        self.post_message(self._StatusRead(asked, state, then_sync))

    @on(_StatusRead)
    def _status_read(self, event: _StatusRead) -> None:
        if event.then_sync and event.state.has_remote:
            self._sync_on_open = True
            self.workspace_ready()
        if event.asked != self._status_asked:
            return  # a newer reading is on its way; this one may predate the last change
        self.state = event.state
        self.post_message(self.Changed())

    # -- when to sync -------------------------------------------------------------------
    def workspace_changed(self, *, edited: bool) -> None:
        self.edited_since_sync = self.edited_since_sync or edited
        self.refresh_status()

    def workspace_ready(self) -> None:
        """Sync once on open, when there is a remote and the workspace is claimed and read."""
        if self._sync_on_open and self.workspace.loaded and not self.workspace.read_only and not self.syncing:
            self._sync_on_open = False
            self.start(quiet=True)

    def _background_sync(self) -> None:
        if self.state.has_remote and not self.workspace.read_only and not self.syncing:
            self.start(quiet=True)

    def start(self, *, quiet: bool = False) -> None:
        """Sync now (``quiet``: a background sync, said only when it brings or loses something)."""
        if not self.workspace.loaded:  # not claimed yet: this window may turn out read-only
            if not quiet:
                self.notify(_("The workspace is still opening; sync in a moment."), title=_("Not synced"))
            return
        if self.workspace.read_only:
            self.notify(why_read_only(self.workspace), title=_("Not synced"), severity="warning")
            return
        if self.syncing:
            if not quiet:
                self.notify(_("A sync is already running."))
            return
        self.syncing = True
        self.edited_since_sync = False
        self.post_message(self.Changed())
        self._sync(quiet)

    @work(group="sync", exclusive=True, exit_on_error=False)
    async def _sync(self, quiet: bool) -> None:
        folder = self.workspace.folder
        try:
            budget = QUIT_WAIT_SECONDS if self._quitting else None  # at quit: retry only while the app waits
            report = await in_daemon_thread(lambda: run_sync(folder, budget))
        except Exception as error:  # noqa: BLE001 - said in words; the edits stay on disk
            failed = _("Sync failed: {reason}. Your edits are safe.").format(reason=_words(error))
            report, quiet = SyncReport(failed, False), False
        self.post_message(self._Finished(report, quiet))

    @on(_Finished)
    def _finished(self, event: _Finished) -> None:
        self.syncing = False
        report = event.report
        if not event.quiet or not report.ok or report.changed:
            severity: SeverityLevel = "information" if report.ok else "warning"
            self.notify(report.message, title=pgettext("notice", "Sync"), severity=severity, timeout=8)
        self.refresh_status()
        self.post_message(self.Changed(synced=True))
        if self._quitting:
            self.app.exit(0, message=report.message)

    # -- quitting -------------------------------------------------------------------------
    def quit(self) -> bool:
        """Sync what is unsent before the app quits; True when the app should wait for it."""
        if self._quitting:
            return False  # q again quits now
        wants_sync = self.edited_since_sync or self.state.dirty or self.state.ahead
        if not (self.state.has_remote and wants_sync and not self.workspace.read_only):
            return False
        self._quitting = True
        self.start(quiet=True)
        self.set_timer(QUIT_WAIT_SECONDS, self._quit_without_waiting)
        return True

    def _quit_without_waiting(self) -> None:
        if self.syncing:
            self._stop_git()
            self.app.exit(0, message=_("alinea: the sync did not finish in time. Your edits are saved on this "
                                       "machine and go to the team with the next sync: alinea syncs first thing "
                                       "when you open it."))

    def _stop_git(self) -> None:
        """git still running (a fetch from a remote that never answers) must not outlive the app."""
        from store.gitrun import kill_running

        kill_running()

    def on_unmount(self) -> None:
        self._stop_git()


def _words(error: BaseException) -> str:
    return str(error).strip() or type(error).__name__
