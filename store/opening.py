"""Opening a workspace for a purpose, in one fixed order: the CLI, the app and sync all come here.

1. The merge driver entry in ``.git/config`` (a clone lacks it; a moved interpreter makes
   it stale): written when the caller will write.
2. A merge that a manual ``git pull`` left half done (conflict markers, MERGE_HEAD):
   finished, and committed, only when the caller will write. ``alinea list`` never commits;
   it only aborts a merge that no merge could finish (a damaged side), saying so.
3. The lock, where the purpose has one: the app holds ``.git/alinea.app.lock`` for its
   lifetime, so a second window opens read-only and says why. (Sync holds the save lock
   for the whole sync and calls ``ready_git(..., lock_held=True)`` inside it.)

Problems are returned in words, never raised, except by ``open_workspace`` for a caller
that will write: the CLI then stops with exit code 1 before writing anything.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from store.errors import AlineaError
from store.i18n import _
from store.workspace import Workspace

if TYPE_CHECKING:
    from filelock import BaseFileLock

APP_LOCK = "alinea.app.lock"
Purpose = Literal["read", "write"]


def merge_to_finish(folder: Path) -> bool:
    """Whether git left a merge half done here: step 2 would finish it, changing the file."""
    return (Path(folder) / ".git" / "MERGE_HEAD").exists()


def ready_git(folder: Path, *, will_write: bool, lock_held: bool = False, strict: bool = False) -> list[str]:
    """Steps 1 and 2 for a workspace folder; returns what went wrong, in words.

    ``lock_held``: the caller already holds the save lock (sync), so the merge is finished
    without taking it again. ``strict``: a merge that cannot be finished raises its error
    (sync stops on it) instead of becoming one of the returned problems.
    """
    folder = Path(folder)
    problems: list[str] = []
    if not (folder / ".git").is_dir():
        return problems
    if not will_write:  # a reader never commits; it only aborts a merge that can never be finished
        if not merge_to_finish(folder):
            return problems  # the common case, with nothing more imported: `alinea list` starts fast
        from store.interrupted import abort_if_unfinishable

        try:
            abort_if_unfinishable(folder)
        except AlineaError as error:
            problems.append(_("An unfinished git merge could not be completed ({error}).").format(error=error))
        return problems
    from store.interrupted import finish_interrupted_merge, finish_merge_locked, is_merging
    from store.repo import install_merge_driver

    try:
        install_merge_driver(folder)
    except AlineaError as error:
        problems.append(
            _("Could not install the merge driver ({error}); sync may stop at conflicts.").format(error=error)
        )
    if is_merging(folder):
        try:
            (finish_merge_locked if lock_held else finish_interrupted_merge)(folder)
        except AlineaError as error:
            if strict:
                raise
            problems.append(_("An unfinished git merge could not be completed ({error}).").format(error=error))
    return problems


def open_workspace(folder: Path, purpose: Purpose = "read") -> Workspace:
    """A read workspace for one CLI command. Raises the first problem, or the file's error."""
    problems = ready_git(folder, will_write=purpose == "write")
    if problems:
        raise AlineaError(problems[0].rstrip("."))
    workspace = Workspace(folder)
    if workspace.error is not None:
        raise workspace.error
    return workspace


@dataclass
class AppClaim:
    """What opening the app's workspace found: notices to show, and the app lock if taken."""

    notices: list[str] = field(default_factory=list)
    lock: AppLock | BaseFileLock | None = None

    def release(self) -> None:
        if self.lock is not None and self.lock.is_locked:
            self.lock.release()


def claim_for_app(workspace: Workspace) -> AppClaim:
    """Steps 1 to 3 for the app (in its write worker, before the file is read).

    Without the app lock the workspace is made read-only, with the reason in words.
    """
    claim = AppClaim(ready_git(workspace.folder, will_write=not workspace.read_only))
    try:
        claim.lock = app_lock(workspace.folder)
    except OSError as error:  # e.g. a read-only .git: reading is all this window can do
        workspace.make_read_only(_("the app lock could not be taken ({error})").format(error=error))
        return claim
    if claim.lock is None:  # the app says why once the file is read
        workspace.make_read_only(_("another alinea window has it open. Close that one to edit here"))
    return claim


class AppLock:
    """The app lock, held as an open descriptor with ``flock``: the very lock filelock takes on
    POSIX, so either kind keeps the other out, without importing filelock (~15 ms of start-up,
    several times that while the first frames are drawn)."""

    def __init__(self, descriptor: int) -> None:
        self._descriptor: int | None = descriptor

    @property
    def is_locked(self) -> bool:
        return self._descriptor is not None

    def release(self) -> None:
        import fcntl

        if self._descriptor is not None:
            fcntl.flock(self._descriptor, fcntl.LOCK_UN)
            os.close(self._descriptor)
            self._descriptor = None


def app_lock(folder: Path) -> AppLock | BaseFileLock | None:
    """Try to take the app lock at once; None when another app holds it."""
    git_dir = folder / ".git"
    path = git_dir / APP_LOCK if git_dir.is_dir() else folder / f".{APP_LOCK}"
    try:
        import fcntl
    except ImportError:  # no flock here (Windows): filelock's own lock
        return _file_lock(path)
    # Taken in the app's worker thread, released by the main thread when the app has ended.
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)  # not inherited by git's processes
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        os.close(descriptor)
        if error.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
            return None
        return _file_lock(path)  # a file system without flock: filelock falls back to a marker file
    return AppLock(descriptor)


def _file_lock(path: Path) -> BaseFileLock | None:
    from filelock import FileLock, Timeout

    lock = FileLock(path, timeout=0, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        return None
    return lock
