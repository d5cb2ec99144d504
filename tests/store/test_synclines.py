"""A sync counts its changes, and finds the records it must validate, from the canonical file's lines."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import given

from store.gitsync import changed_records
from store.storage import decode_document, empty_tables, encode_document
from store.synclines import blob_id, changed_counts, file_lines, line_id, line_sets, records_to_check
from tests.store.test_merge import OPS, PROPERTY, replicas_after, task

PATH = Path("alinea.json")


def lines_of(tables: Any) -> Any:
    found = file_lines(encode_document(tables))
    assert found is not None
    return line_sets(found)


@PROPERTY
@given(OPS, OPS)
def test_lines_count_the_records_that_changed_between_two_versions(ours_ops: Any, theirs_ops: Any) -> None:
    start, (a, b, _) = replicas_after([ours_ops, theirs_ops, []])
    for old, new in ((start, a.tables), (a.tables, b.tables), (b.tables, start)):
        lines_old, lines_new = file_lines(encode_document(old)), file_lines(encode_document(new))
        assert lines_old is not None and lines_new is not None
        assert changed_counts(line_sets(lines_old), line_sets(lines_new)) == changed_records(old, new)


def test_an_empty_workspace_and_a_new_table_are_counted() -> None:
    empty = empty_tables()
    full = empty_tables()
    full["tasks"] = {record["id"]: record for record in (task(1), task(2))}
    lines_empty, lines_full = lines_of(empty), lines_of(full)
    assert changed_counts(lines_empty, lines_full) == {"tasks": 2} == changed_counts(lines_full, lines_empty)
    assert changed_counts({}, lines_full) == {"tasks": 2}


def test_a_file_laid_out_by_hand_gives_no_lines() -> None:
    tables = empty_tables()
    tables["tasks"] = {task(1)["id"]: task(1)}
    assert file_lines(json.dumps(tables, indent=2).encode() + b"\n") is None
    assert file_lines(b"{}") is None


def test_the_same_record_written_another_way_is_not_counted() -> None:
    tables = empty_tables()
    record = task(1)
    tables["tasks"] = {record["id"]: record}
    canonical = encode_document(tables)
    line = next(line for line in canonical.split(b"\n") if line.startswith(b'"' + record["id"].encode()))
    reordered = f'"{record["id"]}": {json.dumps(dict(reversed(record.items())))}'.encode()
    by_hand = file_lines(canonical.replace(line, reordered))
    lines = file_lines(canonical)
    assert by_hand is not None and lines is not None
    assert changed_counts(line_sets(lines), line_sets(by_hand)) == {}


def test_a_line_names_its_record_even_with_an_escaped_id() -> None:
    assert line_id(b'"abc": {"id": "abc"}') == "abc"
    assert line_id(b'"a\\"b": {"id": "x"}') == 'a"b'
    assert line_id(b"not a record") is None


def test_blob_id_is_the_one_git_gives(tmp_path: Any) -> None:
    import subprocess

    payload = encode_document(empty_tables())
    (tmp_path / "f").write_bytes(payload)
    done = subprocess.run(["git", "hash-object", str(tmp_path / "f")], capture_output=True, text=True, check=True)
    assert blob_id(payload) == done.stdout.strip()


def test_only_records_on_new_lines_are_to_be_checked() -> None:
    old = empty_tables()
    old["tasks"] = {record["id"]: record for record in (task(1), task(2), task(3))}
    new = copy.deepcopy(old)
    new["tasks"][task(2)["id"]] = {**task(2), "title": "Renamed"}
    new["tasks"][task(4)["id"]] = task(4)
    raw = encode_document(new)
    todo = records_to_check(lines_of(new), decode_document(raw, PATH), lines_of(old))
    assert todo is not None and set(todo["tasks"]) == {task(2)["id"], task(4)["id"]}
    assert not any(todo[name] for name in todo if name != "tasks")


def test_a_record_spread_over_two_lines_makes_everything_checked() -> None:
    old = empty_tables()
    old["tasks"] = {task(1)["id"]: task(1)}
    raw = encode_document(old).replace(b'"title":', b'\n"title":')
    lines = file_lines(raw)
    assert lines is not None
    assert records_to_check(line_sets(lines), decode_document(raw, PATH), lines_of(old)) is None


def test_a_file_of_another_schema_makes_everything_checked() -> None:
    old = empty_tables()
    lines = lines_of(old)
    lines["_meta"] = {b'"1": {"schema":1}'}
    assert records_to_check(lines, old, lines_of(old)) is None


def test_a_canonical_file_splits_into_its_record_lines_whatever_tables_are_empty() -> None:
    from store.storage import encode_line

    for filled in ((), ("tasks",), ("agenda_items", "tasks"), ("_meta", "tasks")):
        tables = empty_tables()
        for name in filled:
            tables[name] = {record["id"]: record for record in (task(1), task(2))}
        lines = file_lines(encode_document(tables))
        assert lines == {name: [encode_line(r, d) for r, d in sorted(t.items())] for name, t in tables.items()}
