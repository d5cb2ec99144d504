"""`make install`: the `alinea` command on the PATH, and words saying where it went."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def make_install(tmp_path: Path, home: Path, path: str) -> subprocess.CompletedProcess[str]:
    """`make install` with this test's interpreter as the environment (nothing is reinstalled)
    and no pipx, so the link is what it makes."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True, exist_ok=True)
    link = venv / "bin" / "alinea"
    if not link.exists():
        link.symlink_to(Path(sys.executable).parent / "alinea")
    # a script, not a link: a link to a venv's python outside the venv loses its packages (Babel,
    # which make needs when the Spanish catalog is newer than its compiled copy)
    python = venv / "bin" / "python"
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    python.chmod(0o755)
    (venv / ".installed").touch()
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "install", f"VENV={venv}", "PIPX="],
        env={**{k: v for k, v in os.environ.items() if k != "PIPX_BIN_DIR"}, "HOME": str(home), "PATH": path},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_make_install_links_alinea_into_local_bin_and_says_to_add_it_to_path(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = make_install(tmp_path, home, os.environ["PATH"])
    assert done.returncode == 0, done.stderr
    command = home / ".local" / "bin" / "alinea"
    assert command.is_symlink()
    assert f"{home}/.local/bin is not on your PATH" in done.stdout
    assert "export PATH=" in done.stdout
    shown = subprocess.run([str(command), "--help"], capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0 and "usage: alinea" in shown.stdout


def test_make_install_says_when_local_bin_is_already_on_path(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = make_install(tmp_path, home, f"{home}/.local/bin:{os.environ['PATH']}")
    assert done.returncode == 0, done.stderr
    assert f"{home}/.local/bin is on your PATH: run `alinea`." in done.stdout
