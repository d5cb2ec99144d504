"""The history of a record, read from a real git repository (and a real bare remote for merges)."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from store.errors import InvalidInput
from store.gitsync import setup_remote, sync_workspace
from store.history import Kind, describe, describe_all, read_history
from store.repo import commit_all
from store.workspace import Workspace

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc)


def ticking(start: datetime):
    """A fake clock that moves one minute on every reading."""
    moments = iter(start + timedelta(minutes=n) for n in range(10_000))
    return lambda: next(moments)


def opened(folder: Path, who: str, start: datetime = datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)) -> Workspace:
    return Workspace(folder, who=who, clock=ticking(start))


def lines(folder: Path, record_id: str) -> list[str]:
    return [line for entry in read_history(folder, record_id) for line in describe(entry, NOW, tz=timezone.utc)]


def test_history_lists_each_committed_change_newest_first_with_who_and_when(workspace_dir: Path) -> None:
    ana = opened(workspace_dir, "ana.ruiz@example.com")
    task = ana.create("tasks", title="Pricing deck", status="todo")
    commit_all(workspace_dir, "add")
    sofia = opened(workspace_dir, "sofia@example.com", datetime(2026, 12, 2, 10, 14, tzinfo=timezone.utc))
    sofia.update("tasks", task.id, status="doing")
    commit_all(workspace_dir, "start")
    sofia.update("tasks", task.id, status="done", title="Pricing deck v2")
    commit_all(workspace_dir, "finish")

    assert lines(workspace_dir, task.id) == [
        "status: doing → done, by sofia@example.com, Wed 02 Dec 10:15",
        "title: Pricing deck → Pricing deck v2, by sofia@example.com, Wed 02 Dec 10:15",
        "status: todo → doing, by sofia@example.com, Wed 02 Dec 10:14",
        "created, by ana.ruiz@example.com, Wed 02 Dec 09:00",
    ]


def test_the_change_not_committed_yet_comes_first(workspace_dir: Path) -> None:
    workspace = opened(workspace_dir, "ana.ruiz@example.com")
    task = workspace.create("tasks", title="Webinar invite", priority="normal")
    commit_all(workspace_dir, "add")
    workspace.update("tasks", task.id, priority="urgent")

    entries = read_history(workspace_dir, task.id)
    assert [entry.kind for entry in entries] == [Kind.changed, Kind.created]
    assert entries[0].commit is None
    assert describe(entries[0], NOW, tz=timezone.utc) == [
        "priority: normal → urgent, by ana.ruiz@example.com, Wed 02 Dec 09:01 (not synced yet)"
    ]


def test_a_record_never_committed_shows_its_creation_as_not_synced(workspace_dir: Path) -> None:
    task = opened(workspace_dir, "ana.ruiz@example.com").create("tasks", title="Fresh")

    assert lines(workspace_dir, task.id) == ["created, by ana.ruiz@example.com, Wed 02 Dec 09:00 (not synced yet)"]


def test_a_deletion_and_an_undo_are_said_in_words(workspace_dir: Path) -> None:
    workspace = opened(workspace_dir, "ana.ruiz@example.com")
    task = workspace.create("tasks", title="Old list")
    commit_all(workspace_dir, "add")
    workspace.delete("tasks", task.id)
    commit_all(workspace_dir, "rm")
    workspace.undo()
    commit_all(workspace_dir, "undo")

    assert lines(workspace_dir, task.id) == [
        "restored, by ana.ruiz@example.com, Wed 02 Dec 09:02",
        "deleted, by ana.ruiz@example.com, Wed 02 Dec 09:01",
        "created, by ana.ruiz@example.com, Wed 02 Dec 09:00",
    ]


def test_references_show_names_and_other_records_do_not_appear(workspace_dir: Path) -> None:
    workspace = opened(workspace_dir, "ana.ruiz@example.com")
    sofia = workspace.create("members", name="Sofia Brandt", email="sofia@example.com", department="Marketing")
    task = workspace.create("tasks", title="Battlecard")
    other = workspace.create("tasks", title="Unrelated")
    commit_all(workspace_dir, "add")
    workspace.update("tasks", task.id, owner_id=sofia.id)
    workspace.update("tasks", other.id, title="Still unrelated")
    commit_all(workspace_dir, "assign")

    names = {sofia.id: "Sofia Brandt", "ana.ruiz@example.com": "Ana Ruiz"}
    lines = describe_all(read_history(workspace_dir, task.id), NOW, names.get)
    assert "owner: (empty) → Sofia Brandt, by Ana Ruiz, Wed 02 Dec 09:03" in lines
    # the task took its new owner's department in the same edit
    assert "department: (empty) → Marketing, by Ana Ruiz, Wed 02 Dec 09:03" in lines
    assert len(read_history(workspace_dir, task.id)) == 2


def test_control_characters_in_values_never_reach_the_terminal(workspace_dir: Path) -> None:
    workspace = opened(workspace_dir, "ana.ruiz@example.com")
    task = workspace.create("tasks", title="Plain")
    commit_all(workspace_dir, "add")
    workspace.update("tasks", task.id, title="Evil \x1b[2J\x1b]0;pwned\x07 title")

    shown = "\n".join(lines(workspace_dir, task.id))
    assert "\x1b" not in shown and "\x07" not in shown
    assert "title: Plain → Evil ␛[2J␛]0;pwned␇ title" in shown


def test_a_teammates_change_pulled_by_sync_shows_under_their_name(tmp_path: Path, workspace_dir: Path) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--bare", "--quiet", str(remote)], check=True)
    mine = opened(workspace_dir, "ana.ruiz@example.com")
    task = mine.create("tasks", title="Lead score", status="todo", priority="normal")
    setup_remote(workspace_dir, str(remote))
    assert sync_workspace(workspace_dir).ok
    theirs_dir = tmp_path / "sofia"
    subprocess.run(["git", "clone", "--quiet", str(remote), str(theirs_dir)], check=True)
    theirs = opened(theirs_dir, "sofia@example.com", datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc))
    theirs.update("tasks", task.id, status="doing")
    assert sync_workspace(theirs_dir).ok
    mine.update("tasks", task.id, priority="high")  # a change of my own in between: sync merges
    assert sync_workspace(workspace_dir).ok

    shown = lines(workspace_dir, task.id)
    assert "status: todo → doing, by sofia@example.com, Wed 02 Dec 10:00" in shown
    assert "priority: normal → high, by ana.ruiz@example.com, Wed 02 Dec 09:01" in shown
    assert shown[-1] == "created, by ana.ruiz@example.com, Wed 02 Dec 09:00"
    assert len(shown) == 3  # the merge itself decided nothing: it adds no line


def test_a_change_from_another_year_says_the_year(workspace_dir: Path) -> None:
    workspace = opened(workspace_dir, "ana.ruiz@example.com", datetime(2025, 3, 4, 8, 5, tzinfo=timezone.utc))
    task = workspace.create("tasks", title="Old")
    commit_all(workspace_dir, "add")

    assert lines(workspace_dir, task.id) == ["created, by ana.ruiz@example.com, Tue 04 Mar 2025 08:05"]


def test_something_that_is_not_an_id_is_refused(workspace_dir: Path) -> None:
    with pytest.raises(InvalidInput):
        read_history(workspace_dir, "--output=/tmp/x")
