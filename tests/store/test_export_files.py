"""Exports saved in the workspace folder stay out of git."""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from pathlib import Path

from store.export.files import meeting_file_name, save_export, slug, write_export
from store.repo import init_workspace, run_git


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


def _status(folder: Path) -> str:
    return subprocess.run(["git", "status", "--porcelain"], cwd=folder, capture_output=True, text=True,
                          check=True).stdout


def test_an_export_is_written_and_git_ignores_it(tmp_path: Path) -> None:
    folder = init_workspace(tmp_path / "ws")
    before = _status(folder)
    path = write_export(folder, "objectives-2026-05-06.md", "# Objectives\n")
    assert path == folder / "exports" / "objectives-2026-05-06.md"
    assert path.read_text() == "# Objectives\n"
    assert _status(folder) == before  # exports/ is not untracked: it is excluded
    write_export(folder, "again.md", "x")
    exclude = (folder / ".git" / "info" / "exclude").read_text()
    assert exclude.count("/exports/") == 1


def test_a_name_cannot_leave_the_exports_folder(tmp_path: Path) -> None:
    folder = init_workspace(tmp_path / "ws")
    path = write_export(folder, "../../evil\x1b.md", "x")
    assert path.parent == folder / "exports"
    assert "\x1b" not in path.name and "/" not in path.name
