"""Opening for the app: the Board's tables first, the rest just after, and nothing written before all is validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.errors import ReadOnlyWorkspace
from store.storage import CHECKED_STAMP, CanonicalStorage
from store.workspace import DATA_FILE, FIRST_TABLES, Workspace
from tests.store.stamps import replace_objectives, vouched_for

BAD_OBJECTIVE = b'"objectives": {"' + b"b" * 32 + b'": {"title": 1}}'


def _seed(folder: Path) -> tuple[str, str]:
    seed = Workspace(folder)
    task = seed.create("tasks", title="Call the agency")
    objective = seed.create("objectives", title="Grow the pipeline")
    return task.id, objective.id


def _never_checked(folder: Path) -> None:
    """As a file fresh from a clone or a pull: no stamp vouches for it."""
    (folder / ".git" / CHECKED_STAMP).unlink(missing_ok=True)


def _first_tables_alone(folder: Path) -> bool:
    return CanonicalStorage(folder / DATA_FILE).read_first(FIRST_TABLES) is not None


@pytest.mark.parametrize("vouched", [True, False], ids=["stamped file", "file never checked"])
def test_the_boards_tables_are_in_first_and_the_rest_once_finished(workspace_dir: Path, vouched: bool) -> None:
    task_id, objective_id = _seed(workspace_dir)
    vouched_for(workspace_dir) if vouched else _never_checked(workspace_dir)
    assert _first_tables_alone(workspace_dir) == vouched
    workspace = Workspace(workspace_dir, defer_load=True)
    workspace.load(first=FIRST_TABLES)
    assert workspace.ready("tasks", "members") and not workspace.loaded
    assert not workspace.ready("objectives")
    assert [task.id for task in workspace.records("tasks")] == [task_id]
    assert workspace.records("objectives") == [], "not shown before it is validated"
    workspace.finish_load()
    assert workspace.loaded and not workspace.read_only
    assert [objective.id for objective in workspace.records("objectives")] == [objective_id]
    assert [task.id for task in workspace.records("tasks")] == [task_id]


def test_a_stamp_no_longer_vouches_once_the_bytes_changed(workspace_dir: Path) -> None:
    _seed(workspace_dir)
    vouched_for(workspace_dir)
    assert _first_tables_alone(workspace_dir)
    path = workspace_dir / DATA_FILE
    path.write_bytes(path.read_bytes().replace(b"Call the agency", b"Call the agencY"))
    assert not _first_tables_alone(workspace_dir), "changed bytes are parsed whole, and strictly checked, again"


@pytest.mark.parametrize("vouched", [True, False], ids=["stamped file", "file never checked"])
def test_a_bad_record_in_a_table_validated_later_makes_the_workspace_read_only_and_refuses_writes(
    workspace_dir: Path, vouched: bool
) -> None:
    _seed(workspace_dir)
    path = workspace_dir / DATA_FILE
    replace_objectives(workspace_dir, BAD_OBJECTIVE)
    vouched_for(workspace_dir) if vouched else _never_checked(workspace_dir)
    broken = path.read_bytes()
    workspace = Workspace(workspace_dir, defer_load=True)
    workspace.load(first=FIRST_TABLES)
    assert workspace.records("tasks"), "the Board's tables are fine, and shown"
    with pytest.raises(ReadOnlyWorkspace) as refused:
        workspace.create("tasks", title="Would be written over a bad file")  # finishes the validation first
    assert "objectives record " + "b" * 32 + " is invalid" in str(refused.value)
    assert workspace.read_only and workspace.loaded
    assert workspace.records("tasks") == [], "a bad file's first open shows none of it"
    assert path.read_bytes() == broken, "never written"


def test_a_file_changed_before_the_rest_is_validated_is_read_again_whole(workspace_dir: Path) -> None:
    """A `git pull` between the two steps: what is shown at the end is the file as it is now."""
    task_id, _objective_id = _seed(workspace_dir)
    vouched_for(workspace_dir)
    workspace = Workspace(workspace_dir, defer_load=True)
    workspace.load(first=FIRST_TABLES)
    assert workspace.get("tasks", task_id).title == "Call the agency"
    Workspace(workspace_dir, who="bo@example.com").update("tasks", task_id, title="Call the agency today")
    workspace.finish_load()
    assert workspace.loaded and not workspace.read_only
    assert workspace.get("tasks", task_id).title == "Call the agency today"
