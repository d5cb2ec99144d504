"""A smoke test of the benchmark's generator at a small scale. The benchmark itself is
`make bench` and never runs here: timings are not tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from store.models import MODELS
from store.repo import run_git
from store.storage import encode_document
from store.workspace import Workspace
from tests.bench.large import COUNTS, make_large_tables, write_large_workspace

TODAY = date(2026, 11, 18)
SCALE = 0.02


def test_small_large_workspace_opens_and_validates(tmp_path: Path) -> None:
    folder = write_large_workspace(tmp_path / "large", seed=3, today=TODAY, scale=SCALE)
    workspace = Workspace(folder)
    assert workspace.error is None
    assert run_git(folder, "status", "--porcelain") == ""
    tables = make_large_tables(3, TODAY, SCALE)
    for table in COUNTS:
        assert len(workspace.records(table, include_deleted=True)) == len(tables[table]) > 0
    # the generator writes exactly what the models would: the file is already canonical
    for table in MODELS:
        for record_id, doc in tables[table].items():
            assert workspace.get(table, record_id).to_json() == doc


def test_references_resolve(tmp_path: Path) -> None:
    tables = make_large_tables(1, TODAY, SCALE)
    for table, model in MODELS.items():
        for doc in tables[table].values():
            for field, target in model.REFS.items():
                value = doc[field]
                for record_id in value if isinstance(value, list) else [value] if value else []:
                    assert record_id in tables[target], (table, field)
        if table == "feedback":
            for doc in tables[table].values():
                assert doc["subject_id"] is None or doc["subject_id"] in tables[doc["subject_table"]]


def test_same_seed_same_bytes() -> None:
    first = encode_document(make_large_tables(5, TODAY, SCALE))
    assert first == encode_document(make_large_tables(5, TODAY, SCALE))
    assert first != encode_document(make_large_tables(6, TODAY, SCALE))


def test_bench_runner_imports_without_running() -> None:
    from tests.bench import run

    assert callable(run.main) and "store" in run.SECTIONS
