"""Opening the app on a workspace folder: create it on a first run, claim it, run.

Only the folder is settled before the app starts. The rest (store.opening's one order:
the merge driver entry, a merge a manual ``git pull`` left half done, the app lock) and
reading the file happen in the app's write worker once its first frame is on screen:
``Opened.claim`` is that first step.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from store.errors import AlineaError
from store.i18n import _
from store.opening import AppClaim, claim_for_app
from store.workspace import DATA_FILE, Workspace


@dataclass
class Opened:
    """A workspace for the app, not yet read, with what the person should be told."""

    workspace: Workspace
    first_run: bool = False
    claimed: AppClaim = field(default_factory=AppClaim)

    def claim(self) -> list[str]:
        """Ready git and take the app lock, else make the workspace read-only. Returns notices."""
        self.claimed = claim_for_app(self.workspace)
        return self.claimed.notices

    def release(self) -> None:
        self.claimed.release()


def prepare(folder: Path | None) -> Opened:
    """Resolve the folder and create the workspace if there is none; read nothing yet."""
    from store.paths import default_workspace_dir

    folder = Path(folder or default_workspace_dir()).expanduser()
    first_run = False
    if not (folder / DATA_FILE).exists():
        from store.repo import init_workspace

        if folder.is_dir() and any(p.name != ".git" for p in folder.iterdir()):
            raise AlineaError(
                _("{folder} is not an alinea workspace and is not empty; choose an empty folder or a workspace")
                .format(folder=folder)
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
        opened.workspace.keep_board()  # as it is after this session's edits: the next open shows it at once
        return code if isinstance(code, int) else (app.return_code or 0)
    finally:
        opened.release()
