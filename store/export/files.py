"""Exports saved as files in the workspace folder: ``exports/``, kept out of git.

An export is a copy made to send out; committing it would put every teammate's copies in
everyone's history. The folder is listed in the repository's own ``info/exclude`` (not in
the tracked ``.gitignore``, which would leave an uncommitted change behind).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, tzinfo
from pathlib import Path

from store.repo import run_git

EXPORTS = "exports"
_IGNORE_LINE = f"/{EXPORTS}/"
_UNSAFE = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 48) -> str:
    """ "Sales & Marketing sync" -> "sales-marketing-sync": a file name any system accepts."""
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return _UNSAFE.sub("-", folded).strip("-")[:limit].strip("-") or "meeting"


def meeting_file_name(title: str, starts_at: datetime, document: str, fmt: str, tz: tzinfo | None = None) -> str:
    """ "2026-11-17-sales-marketing-sync-agenda.md"."""
    return f"{starts_at.astimezone(tz):%Y-%m-%d}-{slug(title)}-{document}.{fmt}"


def ignore_exports(folder: Path) -> None:
    """List ``exports/`` in the repository's ``info/exclude`` unless git ignores it already."""
    folder = Path(folder)
    if not (folder / ".git").exists():
        return  # not a repository: nothing would commit the files
    exclude = Path(run_git(folder, "rev-parse", "--git-path", "info/exclude").strip())
    exclude = exclude if exclude.is_absolute() else folder / exclude
    existing = exclude.read_text(encoding="utf-8") if exclude.exists() else ""
    if _IGNORE_LINE in existing.splitlines():
        return
    exclude.parent.mkdir(parents=True, exist_ok=True)
    separator = "" if not existing or existing.endswith("\n") else "\n"
    exclude.write_text(f"{existing}{separator}{_IGNORE_LINE}\n", encoding="utf-8")


def save_export(folder: Path, name: str, payload: bytes) -> Path:
    """Write ``payload`` to ``folder/exports/name`` (git-ignored); returns the file's path."""
    ignore_exports(folder)
    target = Path(folder) / EXPORTS / name
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.tmp")
    partial.write_bytes(payload)
    partial.replace(target)  # a reader never sees half a file
    return target


_UNSAFE_NAME = re.compile(r"[^\w.\- ]+")


def safe_name(name: str) -> str:
    """A file name from a title: no folders, no control characters, no leading dot."""
    cleaned = _UNSAFE_NAME.sub("-", name).strip(" .-") or "export"
    return cleaned[:120]


def write_export(folder: Path, name: str, text: str | bytes) -> Path:
    """Write ``text`` to ``folder/exports/<safe name>`` (git-ignored); returns the file's path."""
    return save_export(folder, safe_name(name), text.encode() if isinstance(text, str) else text)
