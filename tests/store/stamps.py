"""Test helpers for the files a previous open vouched for (the checked stamp under .git/)."""

from __future__ import annotations

import os
from pathlib import Path

from store.workspace import DATA_FILE, Workspace


def vouched_for(folder: Path) -> None:
    """Open once, as a previous run did: the file is then stamped as strictly checked. Its time is
    set back first, so the stamp is written after it (a stamp in the file's own tick vouches for nothing)."""
    path = folder / DATA_FILE
    past = path.stat().st_mtime_ns - 10**9
    os.utime(path, ns=(past, past))
    Workspace(folder)


def replace_objectives(folder: Path, block: bytes) -> None:
    """Put ``block`` where the file's objectives table stands (the table after it is the tasks')."""
    path = folder / DATA_FILE
    raw = path.read_bytes()
    start = raw.index(b'"objectives": {')
    end = raw.index(b',\n"tasks": {', start)
    path.write_bytes(raw[:start] + block + raw[end:])
