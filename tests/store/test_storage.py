"""The workspace file: canonical bytes, stock TinyDB compatibility, atomic saves, bad files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

from store.errors import ConflictMarkers, NewerSchema, UnreadableFile
from store.storage import (
    CanonicalStorage,
    decode_document,
    empty_tables,
    encode_document,
    open_database,
)
from store.workspace import Workspace


def test_saved_file_is_one_record_per_line_sorted_and_stable(workspace: Workspace) -> None:
    for title in ("Zeta launch", "Alpha review", "Mid-quarter check"):
        workspace.create("tasks", title=title)
    raw = workspace.path.read_bytes()
    lines = raw.decode().splitlines()
    task_lines = [line for line in lines if '"title":' in line]
    assert len(task_lines) == 3
    ids = [line.split('"')[1] for line in task_lines]
    assert ids == sorted(ids)
    assert raw.endswith(b"}\n") and b"\r" not in raw
    table_names = [
        line.split('"')[1] for line in lines if line.endswith(": {") or line.endswith(": {},") or line.endswith(": {}")
    ]
    table_names = [name for name in table_names if len(name) != 32 and name != "1"]
    assert table_names == sorted(table_names)
    # Same data, same bytes: re-encoding what we read gives the file back.
    assert encode_document(decode_document(raw, workspace.path)) == raw


def test_record_lines_have_sorted_keys_and_keep_unicode(workspace: Workspace) -> None:
    workspace.create("members", name="Zoë Müller", department="Marketing")
    line = next(line for line in workspace.path.read_text("utf-8").splitlines() if "Zoë" in line)
    record = orjson.loads(line.split(": ", 1)[1].rstrip(","))
    assert list(record) == sorted(record)
    assert "\\u" not in line


def test_stock_tinydb_opens_the_file(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Prepare Q4 deck")
    stock = TinyDB(workspace.path)
    assert "tasks" in stock.tables()
    table = stock.table("tasks")
    table.document_id_class = str  # our ids are uuid hex strings, not TinyDB's counters
    assert [doc["title"] for doc in table.all()] == ["Prepare Q4 deck"]
    assert table.get(doc_id=task.id)["title"] == "Prepare Q4 deck"
    stock.close()


def test_tinydb_inserts_get_uuid_ids_not_counters(tmp_path: Path) -> None:
    path = tmp_path / "alinea.json"
    path.write_bytes(encode_document(empty_tables()))
    db = open_database(path)
    first = db.table("tasks").insert({"title": "a"})
    second = db.table("tasks").insert({"title": "b"})
    assert len(first) == 32 and len(second) == 32 and first != second
    assert encode_document(decode_document(path.read_bytes(), path)) == path.read_bytes()


def test_outside_change_is_noticed_without_reopening(workspace: Workspace) -> None:
    storage: CanonicalStorage = workspace.storage
    before = storage.read()
    assert before is not None and before["tasks"] == {}
    other = Workspace(workspace.folder)
    other.create("tasks", title="Written by another process")
    assert storage.changed_on_disk()
    assert [doc["title"] for doc in storage.read()["tasks"].values()] == ["Written by another process"]


def test_no_file_handle_stays_open(workspace: Workspace) -> None:
    workspace.create("tasks", title="x")
    fd_dir = Path(f"/proc/{os.getpid()}/fd")
    if not fd_dir.exists():
        pytest.skip("needs /proc")
    targets = {os.readlink(fd_dir / fd) for fd in os.listdir(fd_dir) if (fd_dir / fd).is_symlink()}
    assert str(workspace.path) not in targets


@pytest.mark.parametrize(
    ("content", "error", "line", "words"),
    [
        (b'{\n"tasks": {\n"abc": {"title": }\n}\n}\n', UnreadableFile, 3, "not valid JSON"),
        (b"[1, 2]\n", UnreadableFile, 1, "not a JSON object"),
        (
            b'{\n"tasks": {\n<<<<<<< HEAD\n"a": {}\n=======\n"b": {}\n>>>>>>> theirs\n}\n}\n',
            ConflictMarkers,
            3,
            "conflict markers",
        ),
        (b'{"_meta": {"1": {"schema": 99}}}\n', NewerSchema, None, "newer alinea"),
    ],
)
def test_bad_files_raise_typed_errors_naming_file_and_line(
    tmp_path: Path, content: bytes, error: type[Exception], line: int | None, words: str
) -> None:
    path = tmp_path / "alinea.json"
    with pytest.raises(error) as raised:
        decode_document(content, path)
    assert str(path) in str(raised.value) and words in str(raised.value)
    assert raised.value.line == line


def test_bad_file_opens_read_only_and_is_never_overwritten(workspace_dir: Path) -> None:
    path = workspace_dir / "alinea.json"
    broken = path.read_bytes().replace(b'"tasks": {}', b'"tasks": {"x": {"title": 1}}')
    path.write_bytes(broken)
    workspace = Workspace(workspace_dir)
    assert workspace.read_only and workspace.error is not None
    assert "tasks record x is invalid" in str(workspace.error)
    from store.errors import ReadOnlyWorkspace

    with pytest.raises(ReadOnlyWorkspace):
        workspace.create("tasks", title="would overwrite")
    assert path.read_bytes() == broken


SAVE_LOOP = textwrap.dedent(
    """
    import sys
    from store.workspace import Workspace
    ws = Workspace(sys.argv[1], who="loop@example.com")
    task = ws.create("tasks", title="counter 0", description="x" * 20000)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        ws.update("tasks", task.id, title=f"counter {n}")
    """
)


@pytest.mark.parametrize("delay_ms", [30, 120, 300])
def test_a_save_killed_midway_leaves_old_or_new_file(workspace_dir: Path, delay_ms: int) -> None:
    """SIGKILL a process in a loop of saves: the file always parses and validates."""
    child = subprocess.Popen(
        [sys.executable, "-c", SAVE_LOOP, str(workspace_dir)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"ready"
    try:
        child.wait(timeout=delay_ms / 1000)
    except subprocess.TimeoutExpired:
        pass
    child.send_signal(signal.SIGKILL)
    child.wait()
    workspace = Workspace(workspace_dir)
    assert workspace.error is None
    [task] = workspace.records("tasks")
    assert task.title.startswith("counter ")
    leftovers = [p.name for p in workspace_dir.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 1  # at most the temp file of the save that was killed


def test_edits_after_reopening_keep_the_file_canonical(workspace_dir: Path) -> None:
    """Saves re-encode only what changed; the bytes must still equal a full canonical encode."""
    first = Workspace(workspace_dir)
    made = first.create_many("tasks", [{"title": f"task {n}"} for n in range(30)])
    first.create_many("members", [{"name": f"member {n}"} for n in range(5)])
    reopened = Workspace(workspace_dir)
    reopened.update("tasks", made[3].id, title="renamed")
    reopened.create("tasks", title="new one")
    reopened.delete("tasks", made[7].id)
    reopened.create("feedback", body="first feedback")
    raw = workspace_dir.joinpath("alinea.json").read_bytes()
    assert encode_document(decode_document(raw, workspace_dir / "alinea.json")) == raw
    assert len(Workspace(workspace_dir).records("tasks")) == 30


def test_a_hand_formatted_file_is_saved_canonically_with_nothing_lost(workspace_dir: Path) -> None:
    import json

    first = Workspace(workspace_dir)
    kept = first.create("tasks", title="Kept through the rewrite")
    path = workspace_dir / "alinea.json"
    path.write_text(json.dumps(json.loads(path.read_text()), indent=2))  # as a person's editor might
    Workspace(workspace_dir).create("members", name="Bo Lind")
    raw = path.read_bytes()
    assert encode_document(decode_document(raw, path)) == raw
    reopened = Workspace(workspace_dir)
    assert [t.id for t in reopened.records("tasks")] == [kept.id]
    assert [m.name for m in reopened.records("members")] == ["Bo Lind"]


SCHEMA_1_FILE = (
    '{\n"_meta": {\n"1": {"schema":1}\n},\n"agenda_items": {\n'
    '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": {"created_at":"2026-11-02T09:00:00.000000+00:00","created_by":"",'
    '"deleted":false,"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","kind":"update","meeting_id":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",'
    '"minutes":10,"notes":"","objective_id":null,"outcome":"","position":"V","presenter_id":null,"rev":1,'
    '"status":"open","title":"Pipeline numbers","updated_at":"2026-11-02T09:00:00.000000+00:00","updated_by":""}\n},\n'
    '"conflicts": {},\n"feedback": {},\n"measurements": {},\n"meetings": {\n'
    '"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb": {"attendee_ids":[],"created_at":"2026-11-02T09:00:00.000000+00:00",'
    '"created_by":"","deleted":false,"duration_min":45,"id":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","location":"",'
    '"notes":"","objective_ids":[],"rev":1,"series":"weekly","starts_at":"2026-11-03T09:30:00.000000+00:00",'
    '"status":"planned","title":"Weekly alignment","updated_at":"2026-11-02T09:00:00.000000+00:00",'
    '"updated_by":""}\n},\n'
    '"members": {},\n"metrics": {},\n"objectives": {},\n"tasks": {}\n}\n'
)


def test_a_schema_1_file_opens_migrated_and_saves_as_schema_2(workspace_dir: Path) -> None:
    path = workspace_dir / "alinea.json"
    path.write_text(SCHEMA_1_FILE, encoding="utf-8")
    workspace = Workspace(workspace_dir)
    item = workspace.get("agenda_items", "a" * 32)
    assert item.standing is False and item.carried_from is None and item.started_at is None
    assert path.read_text(encoding="utf-8") == SCHEMA_1_FILE  # reading never rewrites
    workspace.create("tasks", title="Send the revised lead-score sheet")
    saved = path.read_bytes()
    assert b'"schema":2' in saved
    meeting_line = next(line for line in saved.splitlines() if line.startswith(b'"' + b"b" * 32))
    assert b'"started_at":null' in meeting_line and b'"paused_seconds":0' in meeting_line
    # The same data gives the same bytes: a fresh read re-encodes to what was saved.
    assert encode_document(decode_document(saved, path)) == saved


def test_a_newer_schema_opens_read_only_and_is_never_rewritten(workspace_dir: Path) -> None:
    path = workspace_dir / "alinea.json"
    newer = SCHEMA_1_FILE.replace('"schema":1', '"schema":99')
    path.write_text(newer, encoding="utf-8")
    workspace = Workspace(workspace_dir)
    assert workspace.read_only and "newer alinea" in str(workspace.read_only_reason)
    assert path.read_text(encoding="utf-8") == newer
