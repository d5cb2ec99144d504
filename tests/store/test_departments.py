"""Departments: one spelling per department, and a task's following its owner."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.workspace import Workspace
from tui.cli import main


@pytest.fixture
def team(workspace: Workspace) -> dict[str, str]:
    mara = workspace.create("members", name="Mara Lind", department="Marketing")
    sam = workspace.create("members", name="Sam Ode", department="Sales")
    nobody = workspace.create("members", name="Kim Vo")
    return {"mara": mara.id, "sam": sam.id, "kim": nobody.id}


def test_a_department_typed_in_another_case_takes_the_teams_spelling(
    workspace: Workspace, team: dict[str, str]
) -> None:
    newcomer = workspace.create("members", name="Lea Storm", department="marketing ")
    assert newcomer.department == "Marketing"
    task = workspace.create("tasks", title="Brief", department="SALES")
    assert task.department == "Sales"
    objective = workspace.create("objectives", title="Grow", departments=["sales", "marketing", "Support"])
    assert objective.departments == {"Sales", "Marketing", "Support"}
    assert workspace.departments() == ["Marketing", "Sales", "Support"]


def test_the_only_holder_may_correct_the_spelling(workspace: Workspace) -> None:
    lea = workspace.create("members", name="Lea Storm", department="marketing")
    assert workspace.update("members", lea.id, department="Marketing").department == "Marketing"


def test_a_new_task_takes_its_owners_department(workspace: Workspace, team: dict[str, str]) -> None:
    assert workspace.create("tasks", title="Brief", owner_id=team["mara"]).department == "Marketing"
    assert workspace.create("tasks", title="Call", owner_id=team["mara"], department="").department == "Marketing"
    assert workspace.create("tasks", title="Deal", owner_id=team["mara"], department="Sales").department == "Sales"
    assert workspace.create("tasks", title="Loose", owner_id=team["kim"]).department == ""


def test_a_task_follows_its_new_owner(workspace: Workspace, team: dict[str, str]) -> None:
    task = workspace.create("tasks", title="Brief", owner_id=team["mara"])
    # as a form saves it: every field, the department unchanged
    moved = workspace.update("tasks", task.id, owner_id=team["sam"], department="Marketing", title="Brief")
    assert moved.department == "Sales"
    assert workspace.undo() is not None
    assert workspace.get("tasks", task.id).department == "Marketing", "one undo puts both back"


def test_a_department_set_in_the_same_edit_wins(workspace: Workspace, team: dict[str, str]) -> None:
    task = workspace.create("tasks", title="Brief", owner_id=team["mara"])
    moved = workspace.update("tasks", task.id, owner_id=team["sam"], department="Partners")
    assert moved.department == "Partners"


def test_an_owner_without_a_department_leaves_it(workspace: Workspace, team: dict[str, str]) -> None:
    task = workspace.create("tasks", title="Brief", owner_id=team["mara"])
    assert workspace.update("tasks", task.id, owner_id=team["kim"]).department == "Marketing"
    assert workspace.update("tasks", task.id, title="Brief 2").department == "Marketing"


def test_the_cli_agrees(workspace_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(workspace_dir)
    assert main(["-w", ws, "add", "member", "name=Mara Lind", "department=Marketing"]) == 0
    assert main(["-w", ws, "add", "member", "name=Sam Ode", "department=sales"]) == 0
    assert main(["-w", ws, "add", "task", "title=Brief", "owner_id=Mara"]) == 0
    task_id = capsys.readouterr().out.split()[-1]
    assert Workspace(workspace_dir).get("tasks", task_id).department == "Marketing"
    assert main(["-w", ws, "set", task_id[:8], "owner_id=Sam"]) == 0
    assert Workspace(workspace_dir).get("tasks", task_id).department == "sales"
    assert main(["-w", ws, "add", "member", "name=Ola Berg", "department=MARKETING"]) == 0
    assert "Marketing" in [m.department for m in Workspace(workspace_dir).records("members") if m.name == "Ola Berg"]
