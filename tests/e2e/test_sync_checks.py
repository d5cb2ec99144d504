"""A sync validates only what changed since a version it checked, and still never commits or
pushes an invalid record: a hand edit, a hand commit, a record moved to another table. The
merge it makes from the versions it holds is the driver's, byte for byte."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from store.gitsync import Outcome, sync_workspace
from store.merge import merge_bytes
from store.workspace import DATA_FILE
from tests.e2e.clones import Person
from tests.gitutil import git

pytestmark = pytest.mark.e2e


def synced_twice(ana: Person) -> str:
    """Two syncs, so the second starts from a version the first checked; a task's id."""
    task = ana.add_task("Kickoff deck")
    ana.ok("sync")
    ana.ok("set", task, "status=doing")
    ana.ok("sync")
    return task


def edit_line(folder: Path, record_id: str, old: bytes, new: bytes) -> None:
    """Change one record's line by hand, keeping the file's layout."""
    path = folder / DATA_FILE
    lines = path.read_bytes().split(b"\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(b'"' + record_id.encode()))
    assert old in lines[at]
    lines[at] = lines[at].replace(old, new)
    path.write_bytes(b"\n".join(lines))


def test_a_record_made_invalid_by_hand_after_a_sync_is_refused(ana: Person, remote: Path) -> None:
    task = synced_twice(ana)
    pushed = git(remote, "rev-parse", "main")
    edit_line(ana.folder, task, b'"status":"doing"', b'"status":"someday"')
    result = sync_workspace(ana.folder)
    assert result.outcome is Outcome.invalid_file and "nothing was synced" in result.message
    assert task[:8] in result.message or "tasks" in result.message
    assert git(remote, "rev-parse", "main") == pushed
    assert ana.git("status", "--porcelain", "--", DATA_FILE).strip(), "the bad edit was not committed"


def test_an_invalid_record_committed_by_hand_is_never_pushed(ana: Person, remote: Path) -> None:
    task = synced_twice(ana)
    pushed = git(remote, "rev-parse", "main")
    edit_line(ana.folder, task, b'"status":"doing"', b'"status":"someday"')
    ana.git("commit", "--quiet", "-am", "by hand")
    result = sync_workspace(ana.folder)
    assert result.outcome is Outcome.invalid_file
    assert git(remote, "rev-parse", "main") == pushed


def test_a_valid_task_line_moved_into_the_feedback_table_is_refused(ana: Person, remote: Path) -> None:
    task = synced_twice(ana)
    pushed = git(remote, "rev-parse", "main")
    path = ana.folder / DATA_FILE
    lines = path.read_bytes().split(b"\n")
    line = next(line for line in lines if line.startswith(b'"' + task.encode()))
    lines.remove(line)
    head = lines.index(b'"feedback": {},')
    lines[head : head + 1] = [b'"feedback": {', line.rstrip(b","), b"},"]
    tasks_head = next(i for i, text in enumerate(lines) if text.startswith(b'"tasks": {'))
    if lines[tasks_head + 1] == b"},":  # the only task moved: its table is empty now
        lines[tasks_head : tasks_head + 2] = [b'"tasks": {},']
    path.write_bytes(b"\n".join(lines))
    result = sync_workspace(ana.folder)
    assert result.outcome is Outcome.invalid_file, result.message
    assert "feedback" in result.message
    assert git(remote, "rev-parse", "main") == pushed


def test_the_merge_a_sync_commits_is_byte_for_byte_the_drivers(ana: Person, ben: Person) -> None:
    shared = ana.add_task("Shared")
    ana.ok("sync")
    ben.ok("sync")
    ana.ok("set", shared, "title=Ana's title")
    ana.add_task("Only Ana's")
    ana.ok("sync")
    ben.ok("set", shared, "title=Ben's title", "status=doing")
    ben.add_task("Only Ben's")
    ben.ok("sync")
    merge_commit = ben.git("rev-parse", "HEAD").strip()
    ours, theirs = (ben.git("rev-parse", f"{merge_commit}^{n}").strip() for n in (1, 2))
    base = ben.git("merge-base", ours, theirs).strip()
    versions = [git_bytes(ben.folder, f"{commit}:{DATA_FILE}") for commit in (base, ours, theirs)]
    expected, conflicts = merge_bytes(*versions, Path(DATA_FILE))
    assert conflicts, "the same title was changed on both sides"
    assert (ben.folder / DATA_FILE).read_bytes() == expected == git_bytes(ben.folder, f"HEAD:{DATA_FILE}")


def git_bytes(folder: Path, spec: str) -> bytes:
    return subprocess.run(["git", "show", spec], cwd=folder, capture_output=True, check=True).stdout
