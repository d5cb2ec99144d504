"""The `alinea` command line: every subcommand, and every bad input refused cleanly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from store.workspace import Workspace
from tests.gitutil import git
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def ws(workspace_dir: Path) -> str:
    return str(workspace_dir)


def add(capsys: pytest.CaptureFixture[str], ws: str, table: str, *fields: str) -> str:
    code, out, err = run(capsys, "-w", ws, "add", table, *fields)
    assert code == 0, err
    return out.strip()


def test_init_makes_a_committed_git_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "init", str(tmp_path / "team"))
    assert code == 0 and "Created" in out
    folder = tmp_path / "team"
    assert (folder / ".gitattributes").read_text() == "alinea.json merge=alinea\n"
    tracked = subprocess.run(["git", "ls-files"], cwd=folder, capture_output=True, text=True).stdout.split()
    assert {"alinea.json", ".gitattributes"} <= set(tracked)
    driver = subprocess.run(["git", "config", "merge.alinea.driver"], cwd=folder, capture_output=True, text=True)
    assert "-m store.merge %O %A %B %P" in driver.stdout
    assert subprocess.run(["git", "status", "--porcelain"], cwd=folder, capture_output=True, text=True).stdout == ""


def test_init_refuses_an_existing_workspace(ws: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "init", ws)
    assert code != 0 and "already holds a workspace" in err


def test_add_list_show_set_rm_round_trip(ws: str, capsys: pytest.CaptureFixture[str]) -> None:
    ana = add(capsys, ws, "member", "name=Ana Ruiz", "email=ana@example.com", "department=Sales")
    task = add(
        capsys,
        ws,
        "tasks",
        "title=Call Acme about renewal",
        "owner_id=ana@example.com",
        "due=2026-12-04",
        "priority=high",
    )
    assert len(task) == 32

    code, out, _ = run(capsys, "-w", ws, "list", "task")
    assert code == 0 and "Call Acme about renewal" in out and "Ana Ruiz" in out and task[:8] in out

    code, out, _ = run(capsys, "-w", ws, "show", task[:6], "--json")
    shown = json.loads(out)
    assert shown["id"] == task and shown["owner_id"] == ana and shown["due"] == "2026-12-04"

    code, out, _ = run(capsys, "-w", ws, "set", task[:6], "status=doing", "title=Call Acme today")
    assert code == 0
    code, out, _ = run(capsys, "-w", ws, "show", task)
    assert "status: doing" in out and "title: Call Acme today" in out

    code, out, _ = run(capsys, "-w", ws, "rm", task[:8])
    assert code == 0 and "Deleted" in out
    assert json.loads(run(capsys, "-w", ws, "list", "tasks", "--json")[1]) == []
    everything = json.loads(run(capsys, "-w", ws, "list", "tasks", "--json", "--all")[1])
    assert [(t["id"], t["deleted"]) for t in everything] == [(task, True)]


def test_list_json_carries_id_and_every_field(ws: str, capsys: pytest.CaptureFixture[str]) -> None:
    add(capsys, ws, "agenda-item", "title=Q4 pipeline review", f"meeting_id={_meeting(capsys, ws)}", "minutes=15")
    [item] = json.loads(run(capsys, "-w", ws, "list", "agenda_items", "--json")[1])
    from store.models import AgendaItem

    assert set(item) == set(AgendaItem.model_fields) and item["minutes"] == 15


def _meeting(capsys: pytest.CaptureFixture[str], ws: str) -> str:
    return add(capsys, ws, "meeting", "title=Sales x Marketing sync", "starts_at=2026-12-01T10:00:00+00:00")


def test_sets_are_comma_lists_and_dates_may_be_relative(ws: str, capsys: pytest.CaptureFixture[str]) -> None:
    ana = add(capsys, ws, "member", "name=Ana Ruiz", "email=ana@example.com")
    bo = add(capsys, ws, "member", "name=Bo Lind", "email=bo@example.com")
    objective = add(
        capsys,
        ws,
        "objective",
        "title=Lift MQL to SQL rate",
        "owner_ids=ana@example.com, Bo Lind",
        "departments=Sales,Marketing",
        "due=+2w",
    )
    shown = json.loads(run(capsys, "-w", ws, "show", objective, "--json")[1])
    assert shown["owner_ids"] == sorted([ana, bo]) and shown["departments"] == ["Marketing", "Sales"]
    assert shown["due"] > "2026-01-01"


def test_feedback_subject_table_follows_from_the_id(ws: str, capsys: pytest.CaptureFixture[str]) -> None:
    task = add(capsys, ws, "task", "title=Webinar landing page")
    note = add(capsys, ws, "feedback", "body=The form asks for too much", "kind=concern", f"subject_id={task[:6]}")
    shown = json.loads(run(capsys, "-w", ws, "show", note, "--json")[1])
    assert shown["subject_table"] == "tasks" and shown["subject_id"] == task


def test_check_reports_counts(ws: str, capsys: pytest.CaptureFixture[str]) -> None:
    add(capsys, ws, "task", "title=x")
    code, out, _ = run(capsys, "-w", ws, "check")
    assert code == 0 and "is valid" in out and "1 task," in out and "0 objectives" in out
    assert "1 tasks" not in out and "feedback entries" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["add", "tickets", "title=x"], "unknown table 'tickets'"),
        (["add", "task", "colour=red"], "no field 'colour'"),
        (["add", "task", "title=x", "due=someday"], "is not a date"),
        (["add", "task", "title=x", "due=2026-02-30"], "is not a date"),
        (["add", "task", "title="], "title"),
        (["add", "task", "just-text"], "FIELD=VALUE"),
        (["add", "task", "title=x", "owner_id=nobody@example.com"], "no member called 'nobody@example.com'"),
        (["set", "ffffffff", "title=x"], "no record with an id starting 'ffffffff'"),
        (["show", "ab"], "at least 4 characters"),
        (["rm", "0123456789"], "no record"),
        (["list"], "the following arguments are required"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_leaves_the_file_untouched(
    ws: str, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    before = (Path(ws) / "alinea.json").read_bytes()
    code, out, err = run(capsys, "-w", ws, *argv)
    assert code == 2
    assert words in err and len(err.strip().splitlines()) == 1 and err.startswith("alinea: ")
    assert (Path(ws) / "alinea.json").read_bytes() == before


def test_ambiguous_prefix_is_exit_2(ws: str, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = Workspace(Path(ws))
    workspace.create_many("tasks", [{"title": "a", "id": "beef" + "0" * 28}, {"title": "b", "id": "beef" + "1" * 28}])
    before = (Path(ws) / "alinea.json").read_bytes()
    code, _, err = run(capsys, "-w", ws, "set", "beef", "title=z")
    assert code == 2 and "2 records have ids starting 'beef'" in err
    assert (Path(ws) / "alinea.json").read_bytes() == before


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda raw: raw[:-5], "not valid JSON"),
        (
            lambda raw: raw.replace(b'"tasks": {}', b'"tasks": {\n<<<<<<< HEAD\n=======\n>>>>>>> x\n}'),
            "conflict markers",
        ),
        (lambda raw: raw.replace(b'"schema":2', b'"schema":70'), "newer alinea"),
        (lambda raw: raw.replace(b'"tasks": {}', b'"tasks": {"' + b"a" * 32 + b'": {"title": ""}}'), "is invalid"),
    ],
)
def test_a_bad_file_is_reported_exit_1_and_never_rewritten(
    ws: str, capsys: pytest.CaptureFixture[str], damage, words: str
) -> None:
    path = Path(ws) / "alinea.json"
    path.write_bytes(damage(path.read_bytes()))
    broken = path.read_bytes()
    for argv in (["check"], ["list", "tasks"], ["add", "task", "title=x"]):
        code, _, err = run(capsys, "-w", ws, *argv)
        assert code == 1 and words in err and str(path) in err
    assert path.read_bytes() == broken


def test_no_workspace_says_how_to_make_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "-w", str(tmp_path / "nowhere"), "list", "tasks")
    assert code == 1 and "alinea init" in err


def test_workspace_from_environment(
    ws: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALINEA_WORKSPACE", ws)
    code, out, _ = run(capsys, "add", "task", "title=From the env")
    assert code == 0
    assert [t.title for t in Workspace(Path(ws)).records("tasks")] == ["From the env"]


def test_console_script_runs_without_loading_textual(ws: str) -> None:
    code = (
        "import sys; from tui.cli import main; rc = main(['-w', sys.argv[1], 'list', 'tasks']);"
        "assert 'textual' not in sys.modules, 'textual imported'; sys.exit(rc)"
    )
    done = subprocess.run([sys.executable, "-c", code, ws], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "No tasks yet" in done.stderr


def test_the_garbage_collector_is_back_on_after_a_command(ws: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Start-up runs with collection off for speed; leaving it off would leak a long session."""
    import gc

    run(capsys, "-w", ws, "list", "tasks")
    run(capsys, "-w", ws, "add", "tickets")
    assert gc.isenabled()


def test_control_characters_from_the_workspace_never_reach_the_terminal_raw(
    ws: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = "Deal\x1b]2;pwned\x07\x1b[2J\rwon"
    task = add(capsys, ws, "task", f"title={hostile}", "description=line one\n\x1b]52;c;ZXZpbA==\x07line two")
    outputs = []
    for argv in (["list", "tasks"], ["show", task], ["set", task, "status=doing"], ["rm", task]):
        code, out, err = run(capsys, "-w", ws, *argv)
        assert code == 0, err
        outputs.append(out + err)
    shown = "".join(outputs)
    assert "\x1b" not in shown and "\x07" not in shown and "\r" not in shown
    assert "Deal␛]2;pwned␇␛[2J␍won" in shown and "␛]52;c;ZXZpbA==␇line two" in shown
    code, out, _ = run(capsys, "-w", ws, "list", "tasks", "--json", "--all")
    assert json.loads(out)[0]["title"] == hostile  # JSON output escapes it and keeps it exact


def test_add_accepts_a_date_and_time_as_the_form_does(ws: str, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import datetime, timedelta

    meeting = add(capsys, ws, "meeting", "title=Pipeline review", "starts_at=fri 14:30")
    starts = Workspace(Path(ws)).get("meetings", meeting).starts_at.astimezone()
    today = datetime.now().date()
    assert (starts.weekday(), starts.hour, starts.minute) == (4, 14, 30)
    assert today < starts.date() <= today + timedelta(days=7)
    code, _, err = run(capsys, "-w", ws, "add", "meeting", "title=Later", "starts_at=fri 25:00")
    assert code == 2 and "not a time of day" in err


def _half_done_merge(folder: Path, tmp_path: Path) -> str:
    """A teammate's edit of the same record pulled by hand without the merge driver: markers, MERGE_HEAD."""
    ws = str(folder)
    task = Workspace(folder).create("tasks", title="Book the venue")
    git(folder, "commit", "--quiet", "-am", "A task")
    git(tmp_path, "clone", "--quiet", ws, str(tmp_path / "teammate"))
    Workspace(tmp_path / "teammate", who="jonas@example.com").update("tasks", task.id, title="Book the big venue")
    git(tmp_path / "teammate", "commit", "--quiet", "-am", "Jonas renames it")
    Workspace(folder).update("tasks", task.id, title="Book the small venue")
    git(folder, "commit", "--quiet", "-am", "Ana renames it")
    git(folder, "config", "--remove-section", "merge.alinea")
    subprocess.run(["git", "pull", "--quiet", "--no-rebase", str(tmp_path / "teammate"), "main"], cwd=folder,
                   capture_output=True)
    assert (folder / ".git" / "MERGE_HEAD").exists()
    return git(folder, "rev-parse", "HEAD")


def test_list_never_commits_a_half_done_merge_and_add_finishes_it(
    workspace_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = _half_done_merge(workspace_dir, tmp_path)
    code, _, err = run(capsys, "-w", str(workspace_dir), "list", "tasks")
    assert code == 1 and "conflict markers" in err
    assert git(workspace_dir, "rev-parse", "HEAD") == head and (workspace_dir / ".git" / "MERGE_HEAD").exists()
    add(capsys, str(workspace_dir), "task", "title=Print the badges")
    assert git(workspace_dir, "rev-parse", "HEAD") != head and not (workspace_dir / ".git" / "MERGE_HEAD").exists()
    titles = {task.title for task in Workspace(workspace_dir).records("tasks")}
    assert "Print the badges" in titles and len(titles) == 2

