"""Clones of a real bare remote, driven through the CLI as a person would: the e2e tests' people."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from store.models import Task
from store.workspace import DATA_FILE, Workspace
from tests.gitutil import git
from tui.cli import main


class Person:
    """Someone with a clone: runs `alinea -w <clone> …` and reads what it printed."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys

    def run(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["-w", str(self.folder), *args])
        out = self.capsys.readouterr()
        return code, out.out, out.err

    def ok(self, *args: str) -> str:
        code, out, err = self.run(*args)
        assert code == 0, err
        return out

    def add_task(self, title: str, *fields: str) -> str:
        return self.ok("add", "task", f"title={title}", *fields).strip()

    def tasks(self, *, deleted: bool = False) -> dict[str, Task]:
        workspace = Workspace(self.folder)
        return {t.id: t for t in workspace.records("tasks", include_deleted=deleted)}

    def git(self, *args: str) -> str:
        return git(self.folder, *args)



def drop_driver(folder: Path) -> None:
    """Make the clone's .git/config lack the merge driver, as a clone made by hand does."""
    subprocess.run(["git", "config", "--remove-section", "merge.alinea"], cwd=folder, capture_output=True)


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    path = tmp_path / "team.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(path)], check=True)
    return path


@pytest.fixture
def ana(tmp_path: Path, remote: Path, capsys: pytest.CaptureFixture[str]) -> Person:
    assert main(["init", str(tmp_path / "ana"), "--remote", str(remote)]) == 0
    return Person(tmp_path / "ana", capsys)


@pytest.fixture
def ben(tmp_path: Path, remote: Path, ana: Person, capsys: pytest.CaptureFixture[str]) -> Person:
    assert main(["clone", str(remote), str(tmp_path / "ben")]) == 0
    git(tmp_path / "ben", "config", "user.email", "ben.ode@example.com")
    return Person(tmp_path / "ben", capsys)


def same_file(*people: Person) -> bool:
    contents = {(person.folder / DATA_FILE).read_bytes() for person in people}
    return len(contents) == 1
