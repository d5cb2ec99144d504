"""What a hostile teammate or a hand-run git can put in the repository: refused in words, nothing run.

Real clones of a real bare remote, driven through the CLI, with hand `git pull`s where a
person would type them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store.strictjson import MAX_DEPTH
from store.workspace import DATA_FILE, Workspace
from tests.e2e.clones import Person
from tests.gitutil import git
from tui.cli import main

pytestmark = pytest.mark.e2e

STAMP = "2026-01-05T09:00:00.000000+00:00"


def vandal_clone(tmp_path: Path, remote: Path) -> Path:
    """A plain clone made by hand: commits whatever it likes and pushes it."""
    git(tmp_path, "clone", "--quiet", str(remote), "vandal")
    folder = tmp_path / "vandal"
    git(folder, "config", "user.email", "vandal@example.com")
    return folder


def push(folder: Path, message: str) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "--quiet", "-m", message)
    git(folder, "push", "--quiet", "origin", "main")


def deep_conflict_line(levels: int) -> bytes:
    value: object = "x"
    for _ in range(levels):
        value = [value]
    record = {
        "id": "c" * 32, "created_at": STAMP, "created_by": "v", "updated_at": STAMP, "updated_by": "v", "rev": 1,
        "deleted": False, "table": "tasks", "record_id": "a" * 32, "field": "title", "kept": value, "lost": "",
        "lost_by": "v", "at": STAMP, "resolved": False,
    }  # fmt: skip
    return b'"conflicts": {\n"' + b"c" * 32 + b'": ' + json.dumps(record, separators=(",", ":")).encode() + b"\n}"


def push_deep_record(tmp_path: Path, remote: Path) -> str:
    vandal = vandal_clone(tmp_path, remote)
    path = vandal / DATA_FILE
    path.write_bytes(path.read_bytes().replace(b'"conflicts": {}', deep_conflict_line(300)))
    push(vandal, "a record nested 300 levels deep")
    return git(remote, "rev-parse", "main")


def usable(person: Person, task: str) -> None:
    """list, add and check work, the clone is not mid-merge, and my task is still there."""
    assert task[:8] in person.ok("list", "tasks")
    person.ok("add", "task", "title=After the refusal")
    person.ok("check")
    assert not (person.folder / ".git" / "MERGE_HEAD").exists()


# -- 6. a record nested too deep ----------------------------------------------------------
def test_a_record_nested_too_deep_stops_the_sync_in_words_and_nothing_breaks(
    ana: Person, remote: Path, tmp_path: Path
) -> None:
    ana.ok("sync")
    bad_head = push_deep_record(tmp_path, remote)
    task = ana.add_task("Mine")
    code, out, err = ana.run("sync")
    assert code == 1 and "Traceback" not in out + err
    assert f"deeper than {MAX_DEPTH} levels" in err and "nothing was pushed" in err
    assert git(remote, "rev-parse", "main") == bad_head
    usable(ana, task)


def test_a_hand_pull_whose_merge_driver_fails_is_aborted_and_the_clone_stays_usable(
    ana: Person, remote: Path, tmp_path: Path
) -> None:
    ana.ok("sync")
    push_deep_record(tmp_path, remote)
    task = ana.add_task("Mine")
    assert ana.run("sync")[0] == 1  # refused in words: my commit stays local
    pulled = subprocess.run(["git", "pull", "--no-rebase", "--quiet"], cwd=ana.folder, capture_output=True)
    assert pulled.returncode != 0, "alinea's driver refuses the deep record"
    assert b"deeper than" in pulled.stderr
    code, _, err = ana.run("list", "tasks")
    assert code == 1 and "merge was aborted" in err and "as it was before" in err
    usable(ana, task)


# -- 8. code committed into the workspace repository never runs ----------------------------
HOSTILE_MERGE = """
from pathlib import Path
Path({marker!r}).write_text("ran")
raise SystemExit(0)  # and git would take our side as the merge: their edits silently gone
"""


def test_a_store_package_committed_into_the_workspace_never_runs(
    ana: Person, ben: Person, remote: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "hostile-code-ran"
    task = ana.add_task("Shared task")
    ana.ok("sync")
    vandal = vandal_clone(tmp_path, remote)
    (vandal / "store").mkdir()
    (vandal / "store" / "__init__.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n")
    (vandal / "store" / "merge.py").write_text(HOSTILE_MERGE.format(marker=str(marker)))
    push(vandal, "helpers")
    ana.ok("sync")
    ben.ok("sync")
    assert (ana.folder / "store" / "merge.py").exists() and (ben.folder / "store" / "merge.py").exists()

    ana.ok("set", task, "status=doing")  # edits on both sides: the merge driver has to run
    ana.ok("sync")
    ben.ok("set", task, "priority=high")
    ben.ok("sync")
    assert not marker.exists()
    merged = ben.tasks()[task]
    assert (merged.status, merged.priority) == ("doing", "high")

    ana.ok("set", task, "title=Shared task, renamed")
    ana.git("commit", "--quiet", "-am", "ana by hand")
    ben.ok("set", task, "department=Sales")
    ben.ok("sync")
    pulled = subprocess.run(["git", "pull", "--no-rebase", "--no-edit", "--quiet"], cwd=ana.folder, capture_output=True)
    assert pulled.returncode == 0, pulled.stderr
    assert not marker.exists()
    merged = ana.tasks()[task]
    assert (merged.title, merged.department, merged.priority) == ("Shared task, renamed", "Sales", "high")


# -- 12. an interpreter path git's shell must be told exactly ------------------------------
def test_the_driver_runs_from_an_interpreter_whose_path_holds_quotes_and_spaces(tmp_path: Path, remote: Path) -> None:
    prefix = Path(sys.prefix)
    if Path(sys.executable).parent != prefix / "bin":
        pytest.skip("needs the interpreter inside its prefix's bin/")
    odd = tmp_path / 'it\'s a "tricky" dir'
    odd.mkdir()
    (odd / "env").symlink_to(prefix, target_is_directory=True)
    python = odd / "env" / "bin" / Path(sys.executable).name
    source = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(source)}

    def alinea(*args: str) -> str:
        code = "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))"
        done = subprocess.run([str(python), "-c", code, *args], capture_output=True, text=True, env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout

    alinea("init", str(tmp_path / "ana"), "--remote", str(remote))
    alinea("clone", str(remote), str(tmp_path / "ben"))
    assert 's a "tricky" dir/env/bin/' in git(tmp_path / "ana", "config", "merge.alinea.driver")
    task = alinea("-w", str(tmp_path / "ana"), "add", "task", "title=Deck").strip()
    alinea("-w", str(tmp_path / "ana"), "sync")
    alinea("-w", str(tmp_path / "ben"), "sync")
    alinea("-w", str(tmp_path / "ana"), "set", task, "status=doing")
    alinea("-w", str(tmp_path / "ana"), "sync")
    alinea("-w", str(tmp_path / "ben"), "set", task, "priority=high")
    git(tmp_path / "ben", "commit", "--quiet", "-am", "by hand")
    pulled = subprocess.run(
        ["git", "pull", "--no-rebase", "--no-edit", "--quiet"], cwd=tmp_path / "ben", capture_output=True, env=env
    )
    assert pulled.returncode == 0, pulled.stderr
    merged = Workspace(tmp_path / "ben").get("tasks", task)
    assert (merged.status, merged.priority) == ("doing", "high")


# -- 9. a workspace file that is a symlink ---------------------------------------------------
def test_a_symlinked_workspace_file_is_refused_at_clone_open_and_sync(
    ana: Person, remote: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ana.add_task("Team task")
    ana.ok("sync")
    private = tmp_path / "private"
    main(["init", str(private)])
    Person(private, capsys).add_task("Private deal")
    vandal = vandal_clone(tmp_path, remote)
    (vandal / DATA_FILE).unlink()
    (vandal / DATA_FILE).symlink_to(Path("..") / "private" / DATA_FILE)
    push(vandal, "point at the private workspace")

    code = main(["clone", str(remote), str(tmp_path / "cy")])
    err = capsys.readouterr().err
    assert code == 1 and "symbolic link" in err
    cy = Person(tmp_path / "cy", capsys)
    for argv in (["list", "tasks"], ["add", "task", "title=x"], ["sync"]):
        code, out, err = cy.run(*argv)
        assert code == 1 and "symbolic link" in err and "Private deal" not in out + err, (argv, err)

    code, _, err = ana.run("sync")
    assert code == 1 and "symbolic link" in err
    shown = subprocess.run(["git", "cat-file", "-p", f"main:{DATA_FILE}"], cwd=remote, capture_output=True).stdout
    assert b"Private deal" not in shown
    assert "Team task" in ana.ok("list", "tasks")


# -- 7. a hand `git pull --rebase` that stopped --------------------------------------------
def test_a_rebase_left_half_done_says_exactly_what_to_run(ana: Person, ben: Person) -> None:
    task = ana.add_task("Plan")
    ana.ok("sync")
    ben.ok("sync")
    ana.ok("set", task, "status=doing")
    ana.ok("sync")
    ben.ok("set", task, "title=Plan the launch")
    ben.git("commit", "--quiet", "-am", "ben by hand")
    subprocess.run(["git", "config", "--remove-section", "merge.alinea"], cwd=ben.folder, capture_output=True)
    pulled = subprocess.run(["git", "pull", "--rebase", "--quiet"], cwd=ben.folder, capture_output=True)
    assert pulled.returncode != 0 and (ben.folder / ".git" / "rebase-merge").is_dir()
    for argv in (["list", "tasks"], ["sync"]):
        code, _, err = ben.run(*argv)
        assert code == 1 and "git rebase --abort" in err and "alinea sync" in err, err
    subprocess.run(["git", "rebase", "--abort"], cwd=ben.folder, check=True, capture_output=True)
    assert "pulled" in ben.ok("sync")
    merged = ben.tasks()[task]
    assert (merged.status, merged.title) == ("doing", "Plan the launch")


# -- 3. a hand-resolved conflict that kept both sides ---------------------------------------
def test_a_conflict_resolved_by_keeping_both_sides_is_refused_then_repaired_losing_nothing(
    ana: Person, ben: Person
) -> None:
    task = ana.add_task("Webinar", "department=Marketing")
    ana.ok("sync")
    ben.ok("sync")
    ana.ok("set", task, "title=Webinar for retail", "status=doing")
    ana.ok("sync")
    ben.ok("set", task, "title=Webinar in May", "department=Sales")
    ben.git("commit", "--quiet", "-am", "ben by hand")
    subprocess.run(["git", "config", "--remove-section", "merge.alinea"], cwd=ben.folder, capture_output=True)
    subprocess.run(["git", "pull", "--no-rebase", "--quiet"], cwd=ben.folder, capture_output=True)
    path = ben.folder / DATA_FILE
    markers = (b"<<<<<<<", b"=======", b">>>>>>>")
    lines = [line for line in path.read_bytes().split(b"\n") if not line.startswith(markers)]
    for at, line in enumerate(lines[:-1]):  # and put back the comma JSON wants between two records
        if line.startswith(b'"') and line.endswith(b"}") and lines[at + 1].startswith(b'"'):
            lines[at] = line + b","
    path.write_bytes(b"\n".join(lines))  # what a person does in an editor: keep both sides
    ben.git("commit", "--quiet", "-am", "merged by hand")

    code, _, err = ben.run("check")
    assert code == 1 and "twice" in err and "alinea check --repair" in err
    assert ben.run("sync")[0] == 1  # nothing is pushed while the file is refused

    out = ben.ok("check", "--repair")
    assert "merged the copies of 1 record" in out and "1 value set aside" in out
    merged = ben.tasks()[task]
    assert (merged.status, merged.department) == ("doing", "Sales")  # each side's other edit is kept
    [conflict] = Workspace(ben.folder).records("conflicts")
    assert {conflict.kept, conflict.lost} == {"Webinar for retail", "Webinar in May"} and merged.title == conflict.kept
    assert "set aside" in ben.ok("conflicts")
    assert "pushed" in ben.ok("sync")
    ana.ok("sync")
    assert ana.tasks()[task].title == merged.title and len(Workspace(ana.folder).records("conflicts")) == 1


# -- 5. undo after a teammate changed the same field ----------------------------------------
def test_undo_never_puts_my_old_value_over_a_teammates_newer_one(ana: Person, ben: Person) -> None:
    from store.gitsync import sync_workspace
    from store.workspace import UndoRefused

    task = ana.add_task("Pricing page")
    ana.ok("sync")
    ben.ok("sync")
    mine = Workspace(ana.folder)  # ana's app: open all along
    mine.update("tasks", task, title="Pricing page v2", status="doing")
    assert sync_workspace(ana.folder).ok
    ben.ok("sync")
    ben.ok("set", task, "title=Pricing page for retail")
    ben.ok("sync")
    assert sync_workspace(ana.folder).ok and mine.reload_if_changed()
    with pytest.raises(UndoRefused, match="ben.ode@example.com changed the title of 'Pricing page for retail'"):
        mine.undo()
    saved = Workspace(ana.folder).get("tasks", task)
    assert (saved.title, saved.status) == ("Pricing page for retail", "doing")  # nothing was written
    assert not mine.can_undo
