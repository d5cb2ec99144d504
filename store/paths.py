"""Where things live. One module owns the paths; nothing is created at import time."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "alinea"
WORKSPACE_ENV = "ALINEA_WORKSPACE"


def default_workspace_dir() -> Path:
    """$ALINEA_WORKSPACE, else the user data dir's ``workspace`` folder."""
    from_env = os.environ.get(WORKSPACE_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / "workspace"


def default_demo_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / "demo"


def config_file() -> Path:
    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def themes_dir() -> Path:
    """The person's own themes (one ``*.toml`` each), beside config.toml."""
    return config_file().parent / "themes"


def rebase_in_progress(folder: Path) -> bool:
    """Whether a `git rebase` (e.g. a hand `git pull --rebase`) stopped half way in this repository."""
    git_dir = Path(folder) / ".git"
    return (git_dir / "rebase-merge").is_dir() or (git_dir / "rebase-apply").is_dir()
