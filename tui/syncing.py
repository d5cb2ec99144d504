"""The app's side of sync: the header's sync state in words, and running sync off the UI.

Sync itself lives in ``store.gitsync`` (another module's job); this adapter calls it when
it is there and says so in words when it is not. Everything here runs in workers.
"""

from __future__ import annotations

import asyncio
import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from store.repo import GitError, run_git
from store.workspace import DATA_FILE

T = TypeVar("T")
STATUS_TIMEOUT = 10.0


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


def _gitsync() -> Any | None:
    try:
        return importlib.import_module("store.gitsync")
    except ImportError:
        return None


def sync_available() -> bool:
    module = _gitsync()
    return module is not None and callable(getattr(module, "sync", None))


def read_state(folder: Path) -> SyncState:
    """dirty / ahead / behind / remote, from git (blocking: call it in a worker)."""
    module = _gitsync()
    status = getattr(module, "status", None) if module else None
    if callable(status):
        try:
            found = status(folder)
        except GitError:
            return SyncState(known=False)
        return SyncState(
            dirty=bool(found.dirty),
            ahead=int(found.ahead),
            behind=int(found.behind),
            has_remote=bool(found.has_remote),
            merging=bool(getattr(found, "merging", False)),
        )
    try:
        dirty = bool(run_git(folder, "status", "--porcelain", "--", DATA_FILE, timeout=STATUS_TIMEOUT).strip())
    except GitError:
        return SyncState(known=False)
    return SyncState(dirty=dirty)


def run_sync(folder: Path) -> SyncReport:
    """One sync of the workspace folder (blocking: call it off the UI thread)."""
    module = _gitsync()
    if module is None or not callable(getattr(module, "sync", None)):
        return SyncReport("Sync is not available in this version; your edits are saved on this computer.", False)
    result = asyncio.run(module.sync(folder))
    outcome = str(getattr(result.outcome, "value", result.outcome))
    changed = bool(result.pulled_records or result.conflicts)
    return SyncReport(_sentence(result.message), bool(result.ok), outcome, changed)


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
