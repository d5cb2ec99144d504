"""`alinea history ID`: a record's changes from git, and bad ids refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.repo import commit_all
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_history_prints_the_record_and_its_changes_newest_first(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(workspace_dir)
    run(capsys, "-w", ws, "add", "member", "name=Ana Ruiz", "email=ana.ruiz@example.com", "department=Sales")
    code, out, _ = run(capsys, "-w", ws, "add", "task", "title=Pricing deck", "status=todo")
    task_id = out.strip()
    commit_all(workspace_dir, "add")
    assert run(capsys, "-w", ws, "set", task_id[:6], "status=doing")[0] == 0

    code, out, err = run(capsys, "-w", ws, "history", task_id[:6])

    assert code == 0, err
    printed = out.splitlines()
    assert printed[0] == f"task {task_id[:8]}  Pricing deck"
    assert printed[1].startswith("  status: todo → doing, by Ana Ruiz, ") and printed[1].endswith("(not synced yet)")
    assert printed[2].startswith("  created, by Ana Ruiz, ")
    assert len(printed) == 3


def test_history_of_an_unknown_id_is_one_line_on_stderr_and_exit_2(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "-w", str(workspace_dir), "history", "beef")

    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "beef" in err
