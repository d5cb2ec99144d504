"""Every change to the workspace goes through here: one ordered queue, run in one worker thread.

Where does a card move go? ``BoardPane.action_move_card`` (tui/panes/board.py) asks the
app, through the ``Host`` protocol below, to ``write(self, action, purpose="move")``.
``WriteQueue.submit`` appends the action; the worker ``_drain`` runs it against the
workspace after every write queued before it (the save is atomic and fsynced, off the UI
thread) and answers the board with a ``Saved`` message (or ``Refused``, in words). The board's
``@on(Saved)`` handler selects the moved card. Meanwhile the workspace's change event
reaches the app as ``WorkspaceChanged``, which refreshes the panes and the header.

An unhandled ``Refused`` bubbles up to the app, which says it in a notification; a form
handles its own, showing each refused value under its field.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual.message import Message

from store.i18n import _

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.message_pump import MessagePump

    from store.workspace import Workspace

#: one change, run in the write worker: ``action(workspace)``; its return value comes back in ``Saved``
Action = Callable[["Workspace"], Any]


@runtime_checkable
class Host(Protocol):
    """What panes and screens may ask of the app that hosts them; nothing else of it is theirs."""

    @property
    def workspace(self) -> Workspace: ...

    def today(self) -> date: ...

    def now(self) -> datetime:
        """The moment, aware (fixed in tests and snapshots: the meeting runner's clock)."""

    def write(self, requester: MessagePump, action: Action, *, purpose: str = "") -> None:
        """Queue ``action``; ``requester`` gets ``Saved`` or ``Refused`` back."""


def host_of(node: DOMNode) -> Host:
    """The app hosting ``node``, seen through the Host protocol."""
    app = node.app
    if not isinstance(app, Host):
        raise TypeError(f"{type(node).__name__} needs an app that hosts a workspace")
    return app


class Saved(Message):
    """A write is saved. ``purpose`` is what the requester called it; ``result`` what the action returned."""

    def __init__(self, purpose: str, result: Any) -> None:
        super().__init__()
        self.purpose = purpose
        self.result = result


class Refused(Message):
    """A write was refused (bad input, a read-only workspace, a failed save): nothing was written."""

    def __init__(self, purpose: str, error: Exception) -> None:
        super().__init__()
        self.purpose = purpose
        self.error = error


class SaveWaiting(Message):
    """A save waits for the save lock (a sync commits or merges meanwhile, here or in another
    window), or has stopped waiting: the header says "saving…" until it is saved."""

    def __init__(self, waiting: bool) -> None:
        super().__init__()
        self.waiting = waiting


#: what the app itself asks for that only reads: they never wait for the save lock
READS = frozenset({"open", "opened", "reload"})


@dataclass(frozen=True)
class _Write:
    requester: MessagePump
    action: Action
    purpose: str


class WriteQueue:
    """Writes, in the order they were asked for, one at a time in a worker thread."""

    def __init__(self, owner: DOMNode, workspace: Workspace) -> None:
        self._owner = owner  # runs the worker
        self._workspace = workspace
        self._pending: deque[_Write] = deque()
        self._lock = threading.Lock()
        self._running = False
        #: a save is waiting for the save lock (see SaveWaiting)
        self.waiting = False

    def submit(self, requester: MessagePump, action: Action, *, purpose: str = "") -> None:
        with self._lock:
            self._pending.append(_Write(requester, action, purpose))
            if self._running:
                return  # the running worker takes it next
            self._running = True
        self._owner.run_worker(self._drain, thread=True, group="write", exit_on_error=False)

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._running = False
                    return
                write = self._pending.popleft()
            waits = write.purpose not in READS and self._lock_is_taken()
            if waits:
                self.waiting = True
                self._owner.post_message(SaveWaiting(True))
            try:
                answer: Message = Saved(write.purpose, write.action(self._workspace))
            except Exception as error:  # noqa: BLE001 - every failure is said in words
                answer = Refused(write.purpose, error)
            if waits:
                self.waiting = False
                self._owner.post_message(SaveWaiting(False))
            write.requester.post_message(answer)  # thread-safe; dropped if the requester has closed

    def _lock_is_taken(self) -> bool:
        """Whether the save lock is held elsewhere (a sync's commit or merge), so a save will wait."""
        from filelock import Timeout

        lock = self._workspace.storage.lock
        try:
            lock.acquire(timeout=0)
        except Timeout:
            return True
        except OSError:
            return False  # the save itself will say what is wrong
        lock.release()
        return False


def refusal(error: Exception) -> str:
    """Why a write was refused, in words (bad input and a read-only workspace say it themselves)."""
    from store.errors import InvalidInput, ReadOnlyWorkspace

    if isinstance(error, (ReadOnlyWorkspace, InvalidInput)):
        return str(error)
    return _("Could not save: {error}").format(error=error)
