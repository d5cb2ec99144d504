"""Committing on a machine with no git identity, as on a fresh laptop or in CI."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from store.repo import commit_all, init_workspace
from store.workspace import Workspace


@pytest.fixture
def no_identity(isolated_home: Path) -> Path:
    """A HOME whose git has no user, and may not guess one from the host name."""
    (isolated_home / ".gitconfig").write_text("[user]\n\tuseConfigOnly = true\n[init]\n\tdefaultBranch = main\n")
    return isolated_home


def last_author(folder: Path) -> str:
    return subprocess.run(["git", "log", "-1", "--format=%an <%ae>"], cwd=folder, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_a_workspace_is_created_and_committed_without_any_git_identity(no_identity: Path, tmp_path: Path) -> None:
    folder = init_workspace(tmp_path / "ws")
    Workspace(folder).create("tasks", title="First card")
    assert commit_all(folder, "First card")
    assert last_author(folder).endswith(">"), "committed under a fallback name and address"


def test_after_i_give_my_name_commits_carry_it_even_without_an_email(no_identity: Path, tmp_path: Path) -> None:
    folder = init_workspace(tmp_path / "ws")
    workspace = Workspace(folder)
    workspace.identify_as("Nia Okafor")  # what the welcome does when git knows no email
    workspace.create("members", name="Nia Okafor")
    assert commit_all(folder, "Add Nia")
    assert last_author(folder).startswith("Nia Okafor <")
