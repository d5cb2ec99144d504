"""Opening the app on a workspace folder: create it on a first run, hold the app lock, run.

The app lock (``.git/alinea.app.lock``, held for the app's lifetime) makes a second app on
the same workspace open read-only and say why, instead of two apps editing one file.

Only the folder is settled before the app starts. The rest (the app lock, the merge driver
entry, a merge a manual ``git pull`` left half done, reading the file) happens in the app's
write worker once its first frame is on screen: ``Opened.claim`` is that first step.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from store.errors import AlineaError
from store.workspace import DATA_FILE, Workspace

if TYPE_CHECKING:
    from filelock import BaseFileLock

APP_LOCK = "alinea.app.lock"


@dataclass
class Opened:
    """A workspace for the app, not yet read, with what the person should be told."""

    workspace: Workspace
    first_run: bool = False
    lock: BaseFileLock | None = None

    def claim(self) -> list[str]:
        """Take the app lock, else make the workspace read-only; keep git ready. Returns notices.

        A second window only reads, so it leaves the merge driver and any half-done merge
        to the window that holds the lock.
        """
        from store.interrupted import finish_interrupted_merge
        from store.repo import install_merge_driver

        folder = self.workspace.folder
        try:
            self.lock = app_lock(folder)
        except OSError as error:  # e.g. a read-only .git: reading is all this window can do
            self.workspace.make_read_only(f"the app lock could not be taken ({error})")
            return []
        if self.lock is None:  # the app says why once the file is read
            self.workspace.make_read_only("another alinea window has it open. Close that one to edit here")
            return []
        notices: list[str] = []
        try:
            install_merge_driver(folder)
        except AlineaError as error:
            notices.append(f"Could not install the merge driver ({error}); sync may stop at conflicts.")
        try:
            finish_interrupted_merge(folder)
        except AlineaError as error:
            notices.append(f"An unfinished git merge could not be completed ({error}).")
        return notices

    def release(self) -> None:
        if self.lock is not None and self.lock.is_locked:
            self.lock.release()


def app_lock(folder: Path) -> BaseFileLock | None:
    """Try to take the app lock at once; None when another app holds it."""
    from filelock import FileLock, Timeout

    git_dir = folder / ".git"
    path = git_dir / APP_LOCK if git_dir.is_dir() else folder / f".{APP_LOCK}"
    # Taken in the app's worker thread, released by the main thread when the app has ended.
    lock = FileLock(path, timeout=0, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        return None
    return lock


def prepare(folder: Path | None) -> Opened:
    """Resolve the folder and create the workspace if there is none; read nothing yet."""
    from store.paths import default_workspace_dir

    folder = Path(folder or default_workspace_dir()).expanduser()
    first_run = False
    if not (folder / DATA_FILE).exists():
        from store.repo import init_workspace

        if folder.is_dir() and any(p.name != ".git" for p in folder.iterdir()):
            raise AlineaError(
                f"{folder} is not an alinea workspace and is not empty; choose an empty folder or a workspace"
            )
        init_workspace(folder)
        first_run = True
    return Opened(Workspace(folder, defer_load=True), first_run)


def open_app(folder: Path | None) -> int:
    """Open the full-screen app (the `alinea` command with no subcommand). Returns the exit code."""
    from store.config import load_config

    try:
        opened = prepare(folder)
    except AlineaError as error:
        print(f"alinea: {error}", file=sys.stderr)
        return 2
    try:
        config, problem = load_config()
        from tui.app import AlineaApp

        app = AlineaApp(
            opened.workspace,
            config=config,
            first_run=opened.first_run,
            welcome=True,  # once loaded, the app welcomes me if no member has my git email
            notices=[problem] if problem else [],
            claim=opened.claim,
        )
        code = app.run()
        return code if isinstance(code, int) else (app.return_code or 0)
    finally:
        opened.release()
