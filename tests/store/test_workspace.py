"""The Workspace facade: typed CRUD, common fields, references, tombstones, undo, events."""

from __future__ import annotations

import threading
from datetime import date, datetime, timezone

import pytest
from filelock import FileLock

from store.errors import AmbiguousId, InvalidInput, RecordNotFound, UnknownField
from store.models import TaskStatus
from store.storage import lock_path_for, write_atomically
from store.workspace import Change, FieldErrors, Workspace
from tests.conftest import GIT_EMAIL


def test_create_fills_common_fields_from_git_identity(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Draft the webinar brief", due="2026-12-04")
    assert len(task.id) == 32 and task.rev == 1 and not task.deleted
    assert task.created_by == task.updated_by == GIT_EMAIL
    assert task.created_at.tzinfo is not None and task.due == date(2026, 12, 4)
    reopened = Workspace(workspace.folder).get("tasks", task.id)
    assert reopened == task


def test_update_bumps_rev_and_keeps_created_fields(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Call Acme")
    moved = workspace.update("tasks", task.id, status="doing")
    assert moved.status is TaskStatus.doing and moved.rev == 2
    assert moved.created_at == task.created_at and moved.updated_at >= task.updated_at


def test_update_with_same_values_writes_nothing(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Call Acme")
    before = workspace.path.read_bytes()
    assert workspace.update("tasks", task.id, title="Call Acme") == task
    assert workspace.path.read_bytes() == before


def test_invalid_values_are_refused_per_field_and_nothing_is_saved(workspace: Workspace) -> None:
    before = workspace.path.read_bytes()
    with pytest.raises(FieldErrors) as raised:
        workspace.create("tasks", title="   ", due="not a date", priority="asap")
    assert set(raised.value.errors) == {"title", "due", "priority"}
    with pytest.raises(UnknownField):
        workspace.create("tasks", title="ok", colour="red")
    assert workspace.path.read_bytes() == before


def test_references_must_name_live_records(workspace: Workspace) -> None:
    ana = workspace.create("members", name="Ana Ruiz", email="ana@example.com", department="Sales")
    task = workspace.create("tasks", title="Call Acme", owner_id=ana.id)
    with pytest.raises(FieldErrors) as raised:
        workspace.create("tasks", title="Orphan", owner_id="f" * 32)
    assert "owner_id" in raised.value.errors
    workspace.delete("members", ana.id)
    with pytest.raises(FieldErrors):
        workspace.create("tasks", title="Given to a removed member", owner_id=ana.id)
    # An old record still names the removed member, and edits to other fields still save.
    assert workspace.update("tasks", task.id, title="Call Acme today").owner_id == ana.id
    assert workspace.lookup("members", ana.id).name == "Ana Ruiz"


def test_delete_is_a_tombstone_and_undo_brings_it_back(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Book the venue")
    workspace.delete("tasks", task.id)
    assert workspace.records("tasks") == []
    assert [t.id for t in workspace.records("tasks", include_deleted=True)] == [task.id]
    assert Workspace(workspace.folder).get("tasks", task.id).deleted
    workspace.undo()
    assert [t.title for t in workspace.records("tasks")] == ["Book the venue"]


def test_undo_steps_back_through_edits_in_order(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="v1")
    workspace.update("tasks", task.id, title="v2")
    workspace.update("tasks", task.id, title="v3", status="doing")
    workspace.undo()
    assert workspace.get("tasks", task.id).title == "v2"
    assert workspace.get("tasks", task.id).status is TaskStatus.todo
    workspace.undo()
    assert workspace.get("tasks", task.id).title == "v1"
    workspace.undo()  # undoing the create tombstones the record
    assert workspace.records("tasks") == []
    assert workspace.undo() is None and not workspace.can_undo
    # Undo is an edit like any other: it is on disk, with a higher rev.
    assert Workspace(workspace.folder).get("tasks", task.id).rev == 6


def test_undo_takes_back_only_what_it_changed(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="v1")
    workspace.update("tasks", task.id, title="v2")
    Workspace(workspace.folder).update("tasks", task.id, priority="urgent")  # pulled meanwhile
    workspace.undo()
    saved = Workspace(workspace.folder).get("tasks", task.id)
    assert (saved.title, saved.priority) == ("v1", "urgent")


def test_subscribers_hear_every_change(workspace: Workspace) -> None:
    heard: list[Change] = []
    unsubscribe = workspace.subscribe(heard.append)
    task = workspace.create("tasks", title="a")
    workspace.update("tasks", task.id, title="b")
    workspace.delete("tasks", task.id)
    workspace.undo()
    assert [c.kind for c in heard] == ["created", "updated", "deleted", "undone"]
    assert {c.record_id for c in heard} == {task.id}
    unsubscribe()
    workspace.create("tasks", title="unheard")
    assert len(heard) == 4


def test_outside_change_reloads_and_tells_subscribers(workspace: Workspace) -> None:
    heard: list[Change] = []
    workspace.subscribe(heard.append)
    Workspace(workspace.folder).create("tasks", title="From a git pull")
    assert workspace.reload_if_changed()
    assert [c.kind for c in heard] == ["reloaded"]
    assert [t.title for t in workspace.records("tasks")] == ["From a git pull"]
    assert not workspace.reload_if_changed()


def test_a_save_never_overwrites_an_outside_change(workspace: Workspace) -> None:
    Workspace(workspace.folder).create("tasks", title="theirs")
    workspace.create("tasks", title="mine")
    assert sorted(t.title for t in Workspace(workspace.folder).records("tasks")) == ["mine", "theirs"]


def test_find_by_unique_prefix(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Call Acme")
    assert workspace.find(task.id[:6]) == task
    with pytest.raises(InvalidInput):
        workspace.find(task.id[:3])
    with pytest.raises(RecordNotFound):
        workspace.find("zzzz")


def test_ambiguous_prefix_is_refused(workspace: Workspace) -> None:
    made = workspace.create_many(
        "tasks", [{"title": "a", "id": "abcd" + "0" * 28}, {"title": "b", "id": "abcd" + "1" * 28}]
    )
    assert len(made) == 2
    with pytest.raises(AmbiguousId, match="2 records"):
        workspace.find("abcd")


def test_me_is_the_member_with_my_git_email(workspace: Workspace) -> None:
    assert workspace.me is None
    workspace.create("members", name="Ana Ruiz", email=GIT_EMAIL.upper(), department="Sales")
    assert workspace.me is not None and workspace.me.name == "Ana Ruiz"


def test_fixed_clock_stamps_records(workspace_dir) -> None:
    moment = datetime(2026, 11, 27, 9, 30, tzinfo=timezone.utc)
    workspace = Workspace(workspace_dir, clock=lambda: moment, who="bo@example.com")
    task = workspace.create("tasks", title="x")
    assert task.created_at == moment and task.created_by == "bo@example.com"


def test_an_edit_made_on_stale_data_keeps_what_another_process_wrote_first(workspace: Workspace) -> None:
    """The app may hold data from before a sync rewrote the file: its next edit builds on the file."""
    task = workspace.create("tasks", title="Draft the brief")
    Workspace(workspace.folder).update("tasks", task.id, title="Draft the brief (pulled edit)")
    workspace.update("tasks", task.id, status="doing")  # this workspace has not seen the pull
    saved = Workspace(workspace.folder).get("tasks", task.id)
    assert (saved.title, saved.status) == ("Draft the brief (pulled edit)", "doing")


def test_a_save_waits_for_a_sync_holding_the_lock_then_builds_on_its_result(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Book the venue")
    sync_lock = FileLock(lock_path_for(workspace.path))  # what a sync holds while it merges
    sync_lock.acquire()
    saver = threading.Thread(target=lambda: workspace.update("tasks", task.id, status="done"))
    saver.start()
    merged = workspace.path.read_bytes().replace(b'"title":"Book the venue"', b'"title":"Book the venue (merged)"')
    write_atomically(workspace.path, merged)
    sync_lock.release()
    saver.join(timeout=30)
    saved = Workspace(workspace.folder).get("tasks", task.id)
    assert (saved.title, saved.status) == ("Book the venue (merged)", "done")


def test_reading_while_another_thread_saves_never_sees_a_half_changed_table(workspace: Workspace) -> None:
    """The app's UI thread lists records while its worker saves: that must never raise."""
    done = threading.Event()

    def save_many() -> None:
        for round_ in range(30):
            workspace.create_many("tasks", [{"title": f"task {round_}.{n}"} for n in range(200)])
        done.set()

    saver = threading.Thread(target=save_many)
    saver.start()
    seen = 0
    while not done.is_set():
        seen = max(seen, len(workspace.records("tasks")))  # raised "dict changed size" before
    saver.join()
    assert len(workspace.records("tasks")) == 6000 and seen <= 6000
