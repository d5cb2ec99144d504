"""Exports saved in the workspace folder stay out of git."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from store.export.files import meeting_file_name, save_export, slug
from store.repo import run_git


def test_an_export_lands_in_exports_and_git_does_not_see_it(workspace_dir: Path) -> None:
    path = save_export(workspace_dir, "2026-11-17-sync-agenda.md", b"# Sync\n")
    assert path == workspace_dir / "exports" / "2026-11-17-sync-agenda.md"
    assert path.read_bytes() == b"# Sync\n"
    assert run_git(workspace_dir, "status", "--porcelain").strip() == ""  # nothing to commit, .gitignore untouched


def test_the_folder_is_listed_once(workspace_dir: Path) -> None:
    save_export(workspace_dir, "a.md", b"a")
    save_export(workspace_dir, "b.md", b"b")
    exclude = (workspace_dir / ".git" / "info" / "exclude").read_text()
    assert exclude.splitlines().count("/exports/") == 1


def test_file_names_are_safe_and_dated() -> None:
    when = datetime(2026, 11, 17, 9, 30, tzinfo=timezone.utc)
    assert meeting_file_name("Sales & Marketing sync", when, "agenda", "md", timezone.utc) == (
        "2026-11-17-sales-marketing-sync-agenda.md"
    )
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("Ñandú ✓") == "nandu"
    assert slug("✓✓") == "meeting"
