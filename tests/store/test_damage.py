"""A damaged or hostile workspace file is refused in words, never read as empty, never rewritten.

Each test writes real bytes into a real workspace and runs the CLI on it as a person would.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from store.errors import DuplicateKeys, UnreadableFile, UnsafeFile
from store.storage import decode_document
from store.strictjson import MAX_DEPTH
from store.workspace import Workspace
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refused_everywhere(capsys: pytest.CaptureFixture[str], folder: Path, *words: str) -> str:
    """check, list and add all exit 1 with one line naming the file; the file is untouched."""
    path = folder / "alinea.json"
    before = path.read_bytes()
    err = ""
    for argv in (["check"], ["list", "tasks"], ["add", "task", "title=would overwrite"]):
        code, out, err = run(capsys, "-w", str(folder), *argv)
        assert code == 1, (argv, out, err)
        assert len(err.strip().splitlines()) == 1 and str(path) in err
        for word in words:
            assert word in err
    assert path.read_bytes() == before
    return err


def task_line(path: Path, title: str) -> bytes:
    return next(line for line in path.read_bytes().split(b"\n") if title.encode() in line)


# -- 1. a key given twice -------------------------------------------------------------------
def test_a_record_kept_twice_is_refused_naming_both_lines(workspace: Workspace, capsys) -> None:
    task = workspace.create("tasks", title="Call Acme", department="Sales")
    path = workspace.path
    line = task_line(path, "Call Acme")
    other = line.replace(b"Call Acme", b"Call Acme today").replace(b'"department":"Sales"', b'"department":"Ops"')
    raw = path.read_bytes().replace(line, line.rstrip(b",") + b",\n" + other)  # both sides of a conflict kept
    path.write_bytes(raw)
    first = raw.split(b"\n").index(line.rstrip(b",") + b",") + 1

    err = refused_everywhere(capsys, workspace.folder, "twice", f"lines {first} and {first + 1}", "--repair")
    assert task.id[:8] in err and "tasks record" in err
    assert Workspace(workspace.folder).read_only


def test_a_field_given_twice_in_one_record_is_refused(workspace: Workspace, capsys) -> None:
    task = workspace.create("tasks", title="Call Acme")
    line = task_line(workspace.path, "Call Acme")
    workspace.path.write_bytes(
        workspace.path.read_bytes().replace(line, line.replace(b'"title":"Call Acme"', b'"title":"A","title":"B"'))
    )
    refused_everywhere(capsys, workspace.folder, "'title' twice", task.id[:8])


def test_a_hand_formatted_file_with_a_record_twice_is_refused(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Call Acme")
    text = json.dumps(json.loads(workspace.path.read_text()), indent=2)
    copy = json.dumps({**workspace.stored([task])[0], "title": "Other"})
    text = text.replace(f'"{task.id}": {{', f'"{task.id}": {copy},\n    "{task.id}": {{', 1)
    workspace.path.write_text(text)
    with pytest.raises(DuplicateKeys) as raised:
        decode_document(workspace.path.read_bytes(), workspace.path)
    assert raised.value.repairable and raised.value.line is not None


def test_the_strict_check_runs_once_per_file_and_again_after_any_change(workspace: Workspace, monkeypatch) -> None:
    """Opening a file that already passed the check (or that alinea saved) skips it; any rewrite of
    the file, even with the same bytes, is checked again, and a key given twice is still refused."""
    import store.storage

    task = workspace.create("tasks", title="Call Acme")
    saved = workspace.path.stat()
    os.utime(workspace.path, ns=(saved.st_atime_ns, saved.st_mtime_ns - 10**10))  # saved ten seconds ago
    checks: list[Path] = []
    check = store.storage.check_document
    monkeypatch.setattr(
        store.storage, "check_document", lambda raw, data, path: checks.append(path) or check(raw, data, path)
    )

    Workspace(workspace.folder)
    Workspace(workspace.folder)
    assert len(checks) == 1  # checked once, then vouched for by the stamp under .git/
    checks.clear()
    workspace.path.write_bytes(workspace.path.read_bytes())  # the same bytes, written again at once
    Workspace(workspace.folder)
    assert len(checks) == 1

    line = task_line(workspace.path, "Call Acme")
    twice = line.replace(b'"title":"Call Acme"', b'"title":"A","title":"B"')
    workspace.path.write_bytes(workspace.path.read_bytes().replace(line, twice))
    assert Workspace(workspace.folder).read_only
    assert task.id[:8] in str(Workspace(workspace.folder).error)


def test_a_canonical_file_reads_without_complaint(workspace: Workspace) -> None:
    workspace.create("tasks", title="Plain", description='spaces and "quotes": { here }\nand a newline')
    decode_document(workspace.path.read_bytes(), workspace.path)


# -- 4. an emptied or partial file is damage --------------------------------------------------
@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda raw: b"{}\n", "holds no tables"),
        (lambda raw: b'{"tasks": {}}\n', "no _meta table"),
        (lambda raw: raw.replace(b'"members": {},\n', b""), "lacks the members table"),
    ],
)
def test_an_emptied_or_partial_file_is_damage_not_an_empty_workspace(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], damage, words: str
) -> None:
    path = workspace_dir / "alinea.json"
    path.write_bytes(damage(path.read_bytes()))
    refused_everywhere(capsys, workspace_dir, words, "git checkout")


# -- 6. nesting bounded ---------------------------------------------------------------------
def deep(levels: int) -> object:
    value: object = "bottom"
    for _ in range(levels):
        value = [value]
    return value


def test_a_value_nested_too_deep_is_refused_with_its_line(workspace: Workspace, capsys) -> None:
    workspace.create("tasks", title="Call Acme")
    raw = workspace.path.read_bytes()
    conflict = {
        "id": "c" * 32, "created_at": "2026-01-05T09:00:00.000000Z", "created_by": "x", "updated_at":
        "2026-01-05T09:00:00.000000Z", "updated_by": "x", "rev": 1, "deleted": False, "table": "tasks",
        "record_id": "a" * 32, "field": "title", "kept": deep(300), "lost": "", "lost_by": "x",
        "at": "2026-01-05T09:00:00.000000Z", "resolved": False,
    }  # fmt: skip
    line = b'"conflicts": {\n"' + b"c" * 32 + b'": ' + json.dumps(conflict, separators=(",", ":")).encode() + b"\n}"
    workspace.path.write_bytes(raw.replace(b'"conflicts": {}', line))
    err = refused_everywhere(capsys, workspace.folder, f"deeper than {MAX_DEPTH} levels")
    record_line = workspace.path.read_bytes().split(b"\n").index(b'"conflicts": {') + 2
    assert f"{workspace.path}:{record_line}: conflicts record cccccccc" in err


def test_nesting_past_what_the_parser_takes_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "alinea.json"
    with pytest.raises(UnreadableFile, match="deeper than alinea reads"):
        decode_document(b'{"tasks": ' + b"[" * 2000 + b"]" * 2000 + b"}", path)


# -- 9. only a regular file -------------------------------------------------------------------
def test_a_workspace_file_that_is_a_symlink_is_never_read(workspace_dir: Path, tmp_path: Path, capsys) -> None:
    private = tmp_path / "private"
    private.mkdir()
    secret = Workspace(workspace_dir).path.read_bytes()  # a valid workspace elsewhere
    (private / "alinea.json").write_bytes(secret)
    path = workspace_dir / "alinea.json"
    path.unlink()
    path.symlink_to(private / "alinea.json")
    for argv in (["check"], ["list", "tasks"], ["add", "task", "title=x"]):
        code, _, err = run(capsys, "-w", str(workspace_dir), *argv)
        assert code == 1 and "symbolic link" in err, err
    assert path.is_symlink() and (private / "alinea.json").read_bytes() == secret
    with pytest.raises(UnsafeFile):
        Workspace(workspace_dir).check()


# -- 11. the file's mode is kept -------------------------------------------------------------
def test_a_private_file_stays_private_after_a_save(workspace: Workspace) -> None:
    os.chmod(workspace.path, 0o600)
    workspace.create("tasks", title="Secret deal")
    workspace.create("tasks", title="Another")
    assert stat.S_IMODE(workspace.path.stat().st_mode) == 0o600


# -- 3. repairing what a key given twice left -------------------------------------------------
def test_repair_merges_a_field_given_twice_and_keeps_the_other_value_for_review(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    task = workspace.create("tasks", title="Call Acme")
    line = task_line(workspace.path, "Call Acme")
    twice = line.replace(b'"title":"Call Acme"', b'"title":"Call Acme today","title":"Call Acme Monday"')
    workspace.path.write_bytes(workspace.path.read_bytes().replace(line, twice))
    code, out, err = run(capsys, "-w", str(workspace.folder), "check", "--repair")
    assert code == 0, err
    assert "merged the copies of 1 record; 1 value set aside" in out and "is valid" in out
    repaired = Workspace(workspace.folder)
    [conflict] = repaired.records("conflicts")
    assert {repaired.get("tasks", task.id).title, conflict.lost} == {"Call Acme today", "Call Acme Monday"}
    assert run(capsys, "-w", str(workspace.folder), "check", "--repair")[1].startswith(
        "Repair: nothing to repair"
    )


def test_repair_leaves_other_damage_alone_and_says_so(workspace_dir: Path, capsys) -> None:
    path = workspace_dir / "alinea.json"
    path.write_bytes(b"{}\n")
    code, _, err = run(capsys, "-w", str(workspace_dir), "check", "--repair")
    assert code == 1 and "holds no tables" in err and path.read_bytes() == b"{}\n"
