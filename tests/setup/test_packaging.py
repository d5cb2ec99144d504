"""Installing alinea for development (what `make run` and `make test` do)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_editable_install_builds_without_a_warning_block(tmp_path: Path) -> None:
    """setuptools warned "Editable installation … folders with the same name" on every first
    `make run` when it had to install a meta path finder for the flat layout."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    for name in ("store", "tui", "themes"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    # as the Makefile installs it (pip builds in an isolated environment with setuptools>=77)
    done = subprocess.run(
        # --ignore-installed: leave this environment's own alinea alone (pip would uninstall it)
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
         "--ignore-installed", "--prefix", str(tmp_path / "prefix"), "-e", str(project)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "BuildBackendWarning" not in done.stderr, done.stderr
    assert "Editable installation" not in done.stderr
