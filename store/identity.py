"""Who is editing: the git identity of the workspace's repository."""

from __future__ import annotations

import getpass
import os
import subprocess
from pathlib import Path


def git_config(folder: Path, key: str) -> str:
    """A git config value as git resolves it in ``folder`` ("" when unset or git is missing)."""
    try:
        done = subprocess.run(
            ["git", "config", "--get", key],
            cwd=folder if folder.is_dir() else None,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=10,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def git_identity(folder: Path) -> str:
    """user.email, else user.name, else the login name: what ``*_by`` fields record."""
    return git_config(folder, "user.email").lower() or git_config(folder, "user.name") or getpass.getuser()


def remember_name(folder: Path, name: str) -> None:
    """Set user.name in the workspace's own git config, for a machine with no git identity,
    so its commits carry the person's name and the app recognises them next time."""
    subprocess.run(
        ["git", "config", "user.name", name],
        cwd=folder,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=10,
        check=True,
    )
