"""Running real git in a test's own repositories."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(folder: Path, *args: str) -> str:
    """git's stdout; a failing command fails the test with git's own words."""
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return done.stdout
