"""Property tests: whatever a person does, the file reloads to the same records, stably."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.errors import InvalidInput
from store.repo import init_workspace
from store.storage import decode_document, encode_document
from store.workspace import Workspace

titles = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=12)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("create"), titles),
        st.tuples(st.just("retitle"), st.integers(0, 20), titles),
        st.tuples(st.just("move"), st.integers(0, 20), st.sampled_from(["todo", "doing", "blocked", "done"])),
        st.tuples(st.just("delete"), st.integers(0, 20)),
        st.tuples(
            st.just("undo"),
        ),
    ),
    max_size=25,
)


def apply(workspace: Workspace, operation: tuple) -> None:
    kind, *args = operation
    tasks = workspace.records("tasks", include_deleted=True)
    try:
        if kind == "create":
            workspace.create("tasks", title=args[0])
        elif kind == "undo":
            workspace.undo()
        elif tasks:
            task = tasks[args[0] % len(tasks)]
            if kind == "retitle":
                workspace.update("tasks", task.id, title=args[1])
            elif kind == "move":
                workspace.update("tasks", task.id, status=args[1])
            else:
                workspace.delete("tasks", task.id)
    except InvalidInput:
        pass  # refused input (a blank title) must leave everything as it was


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations)
def test_any_sequence_of_operations_reloads_to_the_same_records(ops: list[tuple]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        workspace = Workspace(init_workspace(folder / "ws"), who="prop@example.com")
        for operation in ops:
            apply(workspace, operation)
        reopened = Workspace(workspace.folder)
        for table in ("tasks",):
            assert reopened.records(table, include_deleted=True) == workspace.records(table, include_deleted=True)
        raw = workspace.path.read_bytes()
        assert encode_document(decode_document(raw, workspace.path)) == raw  # saving again: same bytes
        assert all(task.title.strip() for task in reopened.records("tasks", include_deleted=True))
    finally:
        shutil.rmtree(folder)
