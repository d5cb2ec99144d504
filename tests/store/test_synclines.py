"""Counting a sync's changes from the canonical file's lines gives the counts of a record by record comparison."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given

from store.gitsync import changed_records
from store.storage import empty_tables, encode_document
from store.synclines import blob_id, changed_counts, file_lines, line_id
from tests.store.test_merge import OPS, PROPERTY, replicas_after, task


@PROPERTY
@given(OPS, OPS)
def test_lines_count_the_records_that_changed_between_two_versions(ours_ops: Any, theirs_ops: Any) -> None:
    start, (a, b, _) = replicas_after([ours_ops, theirs_ops, []])
    for old, new in ((start, a.tables), (a.tables, b.tables), (b.tables, start)):
        lines_old, lines_new = file_lines(encode_document(old)), file_lines(encode_document(new))
        assert lines_old is not None and lines_new is not None
        assert changed_counts(lines_old, lines_new) == changed_records(old, new)


def test_an_empty_workspace_and_a_new_table_are_counted() -> None:
    empty = empty_tables()
    full = empty_tables()
    full["tasks"] = {record["id"]: record for record in (task(1), task(2))}
    lines_empty, lines_full = file_lines(encode_document(empty)), file_lines(encode_document(full))
    assert lines_empty is not None and lines_full is not None
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
    assert changed_counts(lines, by_hand) == {}


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
