"""The app's side of sync: the header's sync state in words, and running sync off the UI.

Sync itself lives in ``store.gitsync``; this adapter turns its results into what the
header and the notifications say. Everything here runs in workers.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from store.repo import GitError

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
            return "syncing…"
        parts = ["read-only"] if read_only else []
        if self.merging:
            parts.append("unfinished merge")
        if self.dirty:
            parts.append("unsynced edits")
        if self.ahead:
            parts.append(f"ahead {self.ahead}")
        if self.behind:
            parts.append(f"behind {self.behind}")
        if conflicts:
            parts.append(f"{conflicts} conflict{'s' if conflicts != 1 else ''} to review")
        if not parts:
            if not self.known:
                return "sync state unknown"
            parts.append("clean" if self.has_remote else "clean · no remote")
        return ", ".join(parts)


@dataclass(frozen=True)
class SyncReport:
    """The outcome of one sync, as the app shows it."""

    message: str
    ok: bool
    outcome: str = ""
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
    return SyncReport(_sentence(result.message), result.ok, str(result.outcome.value), changed)


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
