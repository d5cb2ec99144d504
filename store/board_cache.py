"""The Board's cards as this clone last validated them, kept under ``.git/`` for the next open.

Opening a workspace whose file has not changed since alinea last validated it, the app shows
the Board from this copy (a few milliseconds for 10,000 cards) rather than from the file
(store.board_preview: ~60 ms to parse its 7 MB of tasks), then validates the file as always.
The copy names the exact file it was made from (inode, mtime, size, as the checked stamp
does): any change of the file (a save, a pull, an edit by hand) leaves it unused. It is
local, never committed, and written atomically; being a cache, a copy that cannot be read or
written, or that holds anything unexpected, only means the next open reads the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextlib import suppress
from datetime import date
from pathlib import Path

import orjson

from store.board_preview import PRIORITIES, STATUSES, BoardPreview, BoardTask, MemberPreview, TaskPreview
from store.schema import SCHEMA_VERSION
from store.storage import file_signature

CACHE_FILE = "alinea.board"
CACHE_VERSION = 1


class _NotKept(Exception):
    """The copy holds something else than alinea keeps: it is not shown (never said to anyone)."""


def _cache_path(path: Path) -> Path | None:
    git_dir = path.parent / ".git"
    return git_dir / CACHE_FILE if git_dir.is_dir() else None


def _header(path: Path, signature: tuple[int, int, int]) -> bytes:
    stamp = " ".join(map(str, signature))
    return f"{path.name} {stamp} schema {SCHEMA_VERSION} board {CACHE_VERSION}".encode()


def cached_board(path: Path) -> BoardPreview | None:
    """The Board's cards kept for exactly the file at ``path`` as it is now, or None."""
    cache, signature = _cache_path(path), file_signature(path)
    if cache is None or signature is None:
        return None
    try:
        raw = cache.read_bytes()
        written = cache.stat().st_mtime_ns
    except OSError:
        return None
    header, _, body = raw.partition(b"\n")
    # A copy written in the file's own mtime tick vouches for nothing (as for the checked stamp):
    # an edit in that tick would keep the mtime.
    if header != _header(path, signature) or not signature[1] < written:
        return None
    try:
        return _preview(orjson.loads(body))
    except (_NotKept, orjson.JSONDecodeError, ValueError, TypeError):  # unpacking a row, a date
        return None


def keep_board(path: Path, signature: tuple[int, int, int], tasks: Iterable[BoardTask],
               members: dict[str, str]) -> None:
    """Keep the Board's ``tasks`` (live, in the Board's order) and ``members`` (id -> name) as
    validated from the file with ``signature``. Best effort: a cache that cannot be written is
    no error."""
    cache = _cache_path(path)
    try:
        if cache is None or file_signature(path) != signature or _kept_for(cache) == _header(path, signature):
            return
    except OSError:
        return
    rows = [
        [task.id, task.title, str(task.status), task.owner_id, task.department,
         task.due.isoformat() if task.due else None, str(task.priority), task.position]
        for task in tasks
    ]
    payload = _header(path, signature) + b"\n" + orjson.dumps({"tasks": rows, "members": members})
    temporary = cache.with_name(f".{CACHE_FILE}.{os.getpid()}.tmp")
    try:
        temporary.unlink(missing_ok=True)  # a leftover of a crash (or a link put there): never written through
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(descriptor, "wb") as kept:
            kept.write(payload)
        os.replace(temporary, cache)
    except OSError:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)


def _kept_for(cache: Path) -> bytes | None:
    """The header of the copy kept now (which file it is for), if any."""
    try:
        with cache.open("rb") as kept:
            return kept.readline(200).rstrip(b"\n")
    except OSError:
        return None


def _preview(data: object) -> BoardPreview:
    """The cards of a kept copy, each value checked for its type (``_NotKept`` when one is not)."""
    if not isinstance(data, dict) or not isinstance(data.get("tasks"), list) or not isinstance(
        data.get("members"), dict
    ):
        raise _NotKept
    members = {}
    for key, name in data["members"].items():
        if name.__class__ is not str:
            raise _NotKept
        members[key] = MemberPreview(key, name)
    tasks = []
    for row in data["tasks"]:
        key, title, status, owner, department, due, priority, position = row
        if not (
            key.__class__ is title.__class__ is status.__class__ is department.__class__ is str
            and priority.__class__ is position.__class__ is str
            and (owner is None or owner.__class__ is str)
            and (due is None or due.__class__ is str)
            and status in STATUSES
            and priority in PRIORITIES
        ):
            raise _NotKept
        day = date.fromisoformat(due) if due else None
        # kept in the Board's order already: the creation time (only ever a sort key) is not kept
        tasks.append(TaskPreview(key, title, status, owner, department, day, priority, position, ""))
    return BoardPreview(tasks, members)
