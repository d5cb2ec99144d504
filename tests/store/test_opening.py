"""Opening a workspace for the app: the app lock keeps a second window (any alinea) read-only."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from store.opening import APP_LOCK, app_lock, claim_for_app
from store.workspace import Workspace

HOLD = textwrap.dedent(
    """
    import sys
    from filelock import FileLock

    lock = FileLock(sys.argv[1], timeout=0, thread_local=False)
    lock.acquire()
    print("held", flush=True)
    sys.stdin.read()
    """
)


def test_an_app_lock_held_by_another_process_through_filelock_keeps_this_window_read_only(workspace_dir: Path) -> None:
    """An alinea that still takes the lock with filelock, in another process, and this one exclude each other."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(workspace_dir / ".git" / APP_LOCK)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        workspace = Workspace(workspace_dir, defer_load=True)
        claim = claim_for_app(workspace)
        assert claim.lock is None
        assert workspace.read_only and "another alinea window" in (workspace.read_only_reason or "")
    finally:
        holder.communicate("", timeout=10)
    taken = app_lock(workspace_dir)
    assert taken is not None and taken.is_locked, "free once the other window has closed"
    taken.release()
    assert not taken.is_locked


def test_the_app_lock_is_released_for_the_next_window(workspace_dir: Path) -> None:
    first = app_lock(workspace_dir)
    assert first is not None
    assert app_lock(workspace_dir) is None, "a second window in the same process is kept out too"
    first.release()
    second = app_lock(workspace_dir)
    assert second is not None
    second.release()
