"""Keeping the app's view of the workspace fresh: its own changes, and the file changed outside.

The workspace tells the app of every change as a ``WorkspaceChanged`` message (from any
thread). ``FileWatcher`` looks at the file's stat every second and, when a `git pull` in a
shell (or a sync) has replaced it, reloads it through the write queue, in order with the
edits; it says when the file turns unreadable (read-only) or readable again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.message import Message
from textual.message_pump import MessagePump
from textual.widget import Widget

from store.i18n import _
from store.opening import merge_to_finish
from store.workspace import FIRST_TABLES
from tui.readonly import why_read_only
from tui.writes import Action, Saved, host_of

if TYPE_CHECKING:
    from store.workspace import Change, Workspace

POLL_SECONDS = 1.0


class WorkspaceChanged(Message, bubble=False):
    """The workspace changed. Bursts collapse, but an edit is never folded into a reload:
    the sync on quit must know there is something to send."""

    def __init__(self, change: Change) -> None:
        super().__init__()
        self.edited = change.kind != "reloaded"

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, WorkspaceChanged) and (message.edited or not self.edited)

    @staticmethod
    def subscribe(node: MessagePump, workspace: Workspace) -> Callable[[], None]:
        """Tell ``node`` of every change; the listener may run in the write worker, so it only posts."""

        def changed(change: Change) -> None:
            node.post_message(WorkspaceChanged(change))

        return workspace.subscribe(changed)


def first_read(claim: Callable[[], list[str]] | None) -> Action:
    """The app's first write: claim the workspace (store.opening's order), then read it,
    validating first what the Board and the header show (store.workspace.FIRST_TABLES).

    Runs in the write worker after the first frame, so a large file never delays it; the
    answer (``Saved(purpose="open")``) carries the notices to show. The app then queues
    ``finish_read`` once the Board's data is painted.

    Where the file's bytes allow it, the Board is shown from a preview of them
    (store.board_preview), without validating a record; ``finish_read`` validates it all.

    Claiming runs git's processes (the merge driver's entry, this clone's identity): with no
    half-done merge to finish it cannot change the file, so it runs beside the read, and the
    data is shown once both are done (``changes_held``): the Board needs the identity for "mine".
    """

    def claim_and_identify(workspace: Workspace) -> list[str]:
        notices = claim() if claim is not None else []
        workspace.identity  # noqa: B018 - git's identity read here (a git process), not by the Board's first paint
        return notices

    def read(workspace: Workspace) -> list[str]:
        if workspace.loaded:
            return claim_and_identify(workspace)
        if claim is not None and merge_to_finish(workspace.folder):  # claiming writes the file: first
            notices = claim_and_identify(workspace)
            show_first(workspace)
            return notices
        from concurrent.futures import ThreadPoolExecutor  # in the worker: the first frame does without it

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="alinea-claim") as beside:
            claimed = beside.submit(claim_and_identify, workspace)
            with workspace.changes_held():
                show_first(workspace)
                return claimed.result()

    return read


def show_first(workspace: Workspace) -> None:
    """The Board's cards from the file's bytes where they can be (no record validated yet), else
    the Board's tables validated first."""
    if workspace.preview_board() is None:
        workspace.load(first=FIRST_TABLES)


def finish_read(notices: list[str]) -> Action:
    """The app's second write: validate the rest of the file (a bad record anywhere makes the
    workspace read-only), then recognise me. Answers ``Saved(purpose="opened")`` with ``notices``."""

    def finish(workspace: Workspace) -> list[str]:
        workspace.finish_load()
        workspace.recognise_me()  # my git email is new: stay the member I was, not a stranger
        workspace.keep_board()  # the next open shows these cards at once
        return notices

    return finish


class FileWatcher(Widget):
    """Reloads the workspace when its file changes on disk: never shown."""

    DEFAULT_CSS = "FileWatcher { display: none; }"

    class Reloaded(Message):
        """The file was looked at again: the header may say something new (read-only or not)."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(id="file-watcher")
        self.workspace = workspace

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self.poll, name="poll-workspace")

    def poll(self) -> None:
        """A stat, no read: reload only when the file changed."""
        if self.workspace.loaded and self.workspace.storage.changed_on_disk():
            was_read_only = self.workspace.read_only

            def reload(workspace: Workspace) -> bool:
                workspace.reload_if_changed()
                return was_read_only

            host_of(self).write(self, reload, purpose="reload")

    @on(Saved)
    def _reloaded(self, event: Saved) -> None:
        event.stop()
        was_read_only, workspace = event.result, self.workspace
        if was_read_only and not workspace.read_only:
            self.notify(_("The workspace file is readable again; you can edit."), title=_("Editable"))
        elif workspace.error is not None and not was_read_only:
            self.notify(why_read_only(workspace), title=_("Read-only"), severity="error", timeout=10)
        self.post_message(self.Reloaded())
