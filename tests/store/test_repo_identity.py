"""Committing on a machine with no git identity, as on a fresh laptop or in CI, and staying the
same member when that identity later gains or changes its email."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from store.gitsync import sync_workspace
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


def git_identity_is(home: Path, name: str = "", email: str = "") -> None:
    """The person's global git config, as `git config --global` leaves it."""
    user = "".join(f"\t{key} = {value}\n" for key, value in (("name", name), ("email", email)) if value)
    (home / ".gitconfig").write_text(f"[user]\n\tuseConfigOnly = true\n{user}[init]\n\tdefaultBranch = main\n")


def welcome(folder: Path, name: str, department: str = "") -> None:
    """The welcome's data step, as the app runs it when I give my name."""
    from store.welcome import apply_welcome

    apply_welcome(Workspace(folder), sample=False, name=name, department=department, today=date(2026, 11, 27))


def test_commits_after_the_welcome_are_signed_with_the_typed_name_not_the_login(
    no_identity: Path, tmp_path: Path
) -> None:
    folder = init_workspace(tmp_path / "ws")
    welcome(folder, "Mara Lind", "Marketing")
    assert commit_all(folder, "Add Mara")
    assert last_author(folder) == "Mara Lind <>", "her name, and no made-up address of the login"
    Workspace(folder).create("tasks", title="Brief")
    assert sync_workspace(folder).ok  # no remote: the sync commits locally
    assert last_author(folder) == "Mara Lind <>"


def test_gaining_a_git_email_keeps_me_the_member_i_was(no_identity: Path, tmp_path: Path) -> None:
    folder = init_workspace(tmp_path / "ws")
    welcome(folder, "Mara Lind", "Marketing")
    git_identity_is(no_identity, email="mara@example.com")  # later: git config --global user.email …

    workspace = Workspace(folder)
    assert workspace.who == "mara@example.com"
    me = workspace.recognise_me()
    assert me is not None and me.name == "Mara Lind" and me.email == "mara@example.com"
    assert not workspace.can_undo, "nothing of mine to undo"
    reopened = Workspace(folder)
    assert reopened.me is not None and reopened.me.id == me.id
    assert reopened.count("members") == 1, "never a second Mara"


def test_a_changed_git_email_moves_to_the_member_this_clone_knows(no_identity: Path, tmp_path: Path) -> None:
    folder = init_workspace(tmp_path / "ws")
    git_identity_is(no_identity, name="Mara Lind", email="mara@old.example.com")
    welcome(folder, "Mara Lind")
    assert Workspace(folder).recognise_me() is not None  # an open notes who this clone's person is
    git_identity_is(no_identity, name="Mara Lind", email="mara@new.example.com")

    me = Workspace(folder).recognise_me()
    assert me is not None and me.email == "mara@new.example.com"
    assert Workspace(folder).count("members") == 1


def test_someone_else_on_this_clone_is_not_given_my_card(no_identity: Path, tmp_path: Path) -> None:
    folder = init_workspace(tmp_path / "ws")
    git_identity_is(no_identity, name="Mara Lind", email="mara@example.com")
    welcome(folder, "Mara Lind")
    assert Workspace(folder).recognise_me() is not None
    git_identity_is(no_identity, name="Ben Olsen", email="ben@example.com")

    assert Workspace(folder).recognise_me() is None
    [mara] = Workspace(folder).records("members")
    assert mara.email == "mara@example.com"


def test_a_name_two_members_share_is_not_guessed(no_identity: Path, tmp_path: Path) -> None:
    folder = init_workspace(tmp_path / "ws")
    workspace = Workspace(folder, who="someone@example.com")
    workspace.create("members", name="Mara Lind")
    workspace.create("members", name="mara lind", department="Sales")
    git_identity_is(no_identity, name="Mara Lind", email="mara@example.com")

    assert Workspace(folder).recognise_me() is None
    assert all(m.email == "" for m in Workspace(folder).records("members"))


def test_the_welcome_suggests_gits_name_and_the_only_department(tmp_path: Path, isolated_home: Path) -> None:
    folder = init_workspace(tmp_path / "ws")
    assert Workspace(folder).suggested_member() == ("Ana Ruiz", "")  # tests/conftest.py's git identity
    Workspace(folder, who="sam@example.com").create("members", name="Sam Ode", department="Sales")
    assert Workspace(folder).suggested_member() == ("Ana Ruiz", "Sales")


def test_without_a_git_name_nothing_is_suggested(no_identity: Path, tmp_path: Path) -> None:
    assert Workspace(init_workspace(tmp_path / "ws")).suggested_member() == ("", "")
