"""Opening the app on a workspace folder: create it on a first run, hold the app lock, run.

The app lock (``.git/alinea.app.lock``, held for the app's lifetime) makes a second app on
the same workspace open read-only and say why, instead of two apps editing one file.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from filelock import BaseFileLock, FileLock, Timeout

from store.errors import AlineaError
from store.workspace import DATA_FILE, Workspace

APP_LOCK = "alinea.app.lock"


@dataclass
class Opened:
    """A workspace ready for the app, with what the person should be told."""

    workspace: Workspace
    lock: BaseFileLock | None
    first_run: bool = False
    notices: list[str] = field(default_factory=list)

    def release(self) -> None:
        if self.lock is not None and self.lock.is_locked:
            self.lock.release()


def app_lock(folder: Path) -> BaseFileLock | None:
    """Try to take the app lock at once; None when another app holds it."""
    git_dir = folder / ".git"
    path = git_dir / APP_LOCK if git_dir.is_dir() else folder / f".{APP_LOCK}"
    lock = FileLock(path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return None
    return lock


def prepare(folder: Path | None) -> Opened:
    """Resolve the folder, create the workspace if there is none, open it (read-only if need be)."""
    from store.paths import default_workspace_dir
    from store.repo import init_workspace, install_merge_driver

    folder = Path(folder or default_workspace_dir()).expanduser()
    first_run = False
    if not (folder / DATA_FILE).exists():
        if folder.is_dir() and any(p.name != ".git" for p in folder.iterdir()):
            raise AlineaError(
                f"{folder} is not an alinea workspace and is not empty; choose an empty folder or a workspace"
            )
        init_workspace(folder)
        first_run = True
    notices: list[str] = []
    lock = app_lock(folder)
    if lock is not None:  # the app itself says why a second window is read-only
        from store.interrupted import finish_interrupted_merge

        try:
            install_merge_driver(folder)
        except AlineaError as error:
            notices.append(f"Could not install the merge driver ({error}); sync may stop at conflicts.")
        try:
            finish_interrupted_merge(folder)
        except AlineaError as error:
            notices.append(f"An unfinished git merge could not be completed ({error}).")
    # The app paints its first frame before the file is read (a large one takes ~0.4 s).
    workspace = Workspace(folder, read_only=lock is None, defer_load=True)
    return Opened(workspace, lock, first_run, notices)


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
        notices = opened.notices + ([problem] if problem else [])
        from tui.app import AlineaApp

        workspace = opened.workspace
        app = AlineaApp(
            workspace,
            config=config,
            first_run=opened.first_run,
            welcome=True,  # once loaded, the app welcomes me if no member has my git email
            notices=notices,
        )
        code = app.run()
        return code if isinstance(code, int) else (app.return_code or 0)
    finally:
        opened.release()
