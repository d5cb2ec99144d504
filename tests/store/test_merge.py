"""The three-way record merge: every case of DESIGN section 4, the driver, and properties."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.errors import ConflictMarkers, InvalidRecord
from store.merge import REMOVED_BY, merge, merge_bytes, validate_tables
from store.models import SCHEMA_VERSION, Objective, Task
from store.storage import META_ID, META_TABLE, Tables, decode_document, empty_tables, encode_document

T0 = "2026-03-01T09:00:00.000000+00:00"


def at(minute: int) -> str:
    return f"2026-03-01T10:{minute:02d}:00.000000+00:00"


def task(n: int, **fields: Any) -> dict[str, Any]:
    data = {"id": f"{n:032x}", "created_at": T0, "created_by": "ana@example.com", "updated_at": T0}
    data.update(updated_by="ana@example.com", title=f"Task {n}")
    data.update(fields)
    return Task.model_validate(data).to_json()


def objective(n: int, **fields: Any) -> dict[str, Any]:
    data = {"id": f"{n:032x}", "created_at": T0, "updated_at": T0, "title": f"Objective {n}"}
    data.update(fields)
    return Objective.model_validate(data).to_json()


def edit(record: dict[str, Any], minute: int, who: str, **fields: Any) -> dict[str, Any]:
    """A record as the Workspace leaves it after an edit: new values, bumped bookkeeping."""
    return {**record, **fields, "updated_at": at(minute), "updated_by": who, "rev": record["rev"] + 1}


def tables(*records: tuple[str, dict[str, Any]]) -> Tables:
    made = empty_tables()
    for table, record in records:
        made[table][record["id"]] = record
    return made


def with_records(base: Tables, *records: tuple[str, dict[str, Any]]) -> Tables:
    made = copy.deepcopy(base)
    for table, record in records:
        made[table][record["id"]] = record
    return made


def without(base: Tables, table: str, record_id: str) -> Tables:
    made = copy.deepcopy(base)
    del made[table][record_id]
    return made


def both_ways(base: Tables | None, ours: Tables, theirs: Tables) -> tuple[Tables, list[dict[str, Any]]]:
    """Merge in both directions, check they give the same bytes, return one."""
    result, conflicts = merge(base, ours, theirs)
    mirrored, mirrored_conflicts = merge(base, theirs, ours)
    assert encode_document(result) == encode_document(mirrored)
    assert conflicts == mirrored_conflicts
    validate_tables(result, Path("merged.json"))
    return result, conflicts


TASK = task(1)
BASE = tables(("tasks", TASK))


# -- record level ------------------------------------------------------------------------
def test_a_change_on_one_side_is_taken() -> None:
    changed = edit(TASK, 1, "ben@example.com", title="Renamed")
    result, conflicts = both_ways(BASE, with_records(BASE, ("tasks", changed)), BASE)
    assert result["tasks"][TASK["id"]] == changed
    assert conflicts == []


def test_records_added_on_either_side_are_all_kept() -> None:
    ours = with_records(BASE, ("tasks", task(2)))
    theirs = with_records(BASE, ("tasks", task(3)), ("objectives", objective(4)))
    result, conflicts = both_ways(BASE, ours, theirs)
    assert sorted(result["tasks"]) == [task(n)["id"] for n in (1, 2, 3)]
    assert list(result["objectives"]) == [objective(4)["id"]]
    assert conflicts == []


def test_the_same_edit_on_both_sides_is_kept_once() -> None:
    changed = with_records(BASE, ("tasks", edit(TASK, 1, "ana@example.com", status="done")))
    result, conflicts = both_ways(BASE, changed, changed)
    assert result["tasks"] == changed["tasks"]
    assert conflicts == []


def test_a_delete_on_one_side_with_no_edit_on_the_other_deletes() -> None:
    gone = edit(TASK, 1, "ben@example.com", deleted=True)
    result, conflicts = both_ways(BASE, with_records(BASE, ("tasks", gone)), BASE)
    assert result["tasks"][TASK["id"]]["deleted"] is True
    assert conflicts == []


def test_a_record_removed_from_one_side_without_a_tombstone_is_kept_with_a_conflict() -> None:
    result, conflicts = both_ways(BASE, without(BASE, "tasks", TASK["id"]), BASE)
    assert result["tasks"][TASK["id"]] == TASK
    [conflict] = conflicts
    assert (conflict["record_id"], conflict["field"], conflict["kept"], conflict["lost"]) == (
        TASK["id"],
        "deleted",
        False,
        True,
    )
    assert conflict["lost_by"] == REMOVED_BY


def test_a_file_emptied_on_one_side_keeps_every_record() -> None:
    base = with_records(BASE, ("objectives", objective(2)))
    emptied = {name: {} for name in base}
    result, conflicts = both_ways(base, emptied, base)
    assert result["tasks"] == base["tasks"] and result["objectives"] == base["objectives"]
    assert len(conflicts) == 2


def test_a_delete_against_an_edit_keeps_the_edit_and_logs_the_delete() -> None:
    deleted = edit(TASK, 5, "ben@example.com", deleted=True)  # the later change
    edited = edit(TASK, 2, "ana@example.com", title="Still needed")
    result, conflicts = both_ways(BASE, with_records(BASE, ("tasks", deleted)), with_records(BASE, ("tasks", edited)))
    kept = result["tasks"][TASK["id"]]
    assert kept["deleted"] is False and kept["title"] == "Still needed"
    [conflict] = conflicts
    assert (conflict["table"], conflict["record_id"], conflict["field"]) == ("tasks", TASK["id"], "deleted")
    assert (conflict["kept"], conflict["lost"], conflict["lost_by"]) == (False, True, "ben@example.com")
    assert result["conflicts"][conflict["id"]] == conflict


def test_a_removed_record_against_an_edit_keeps_the_edit_and_logs_it() -> None:
    edited = edit(TASK, 2, "ana@example.com", title="Still needed")
    result, conflicts = both_ways(BASE, without(BASE, "tasks", TASK["id"]), with_records(BASE, ("tasks", edited)))
    assert result["tasks"][TASK["id"]] == edited
    [conflict] = conflicts
    assert conflict["field"] == "deleted" and conflict["lost"] is True


def test_deleted_on_both_sides_stays_deleted_without_a_conflict() -> None:
    ours = with_records(BASE, ("tasks", edit(TASK, 1, "ana@example.com", deleted=True)))
    theirs = with_records(BASE, ("tasks", edit(TASK, 2, "ben@example.com", deleted=True)))
    result, conflicts = both_ways(BASE, ours, theirs)
    assert result["tasks"][TASK["id"]]["deleted"] is True
    assert conflicts == []


def test_an_undo_of_a_delete_meeting_an_edit_keeps_the_record_alive() -> None:
    base = tables(("tasks", {**TASK, "deleted": True}))
    undone = edit(base["tasks"][TASK["id"]], 1, "ana@example.com", deleted=False)
    tombstone_edit = edit(base["tasks"][TASK["id"]], 2, "ben@example.com", status="done")
    result, _ = both_ways(base, with_records(base, ("tasks", undone)), with_records(base, ("tasks", tombstone_edit)))
    assert result["tasks"][TASK["id"]]["deleted"] is False
    assert result["tasks"][TASK["id"]]["status"] == "done"


# -- field level ---------------------------------------------------------------------------
def test_edits_of_different_fields_are_both_kept() -> None:
    ours = with_records(BASE, ("tasks", edit(TASK, 1, "ana@example.com", title="New title")))
    theirs = with_records(BASE, ("tasks", edit(TASK, 2, "ben@example.com", status="doing", priority="high")))
    result, conflicts = both_ways(BASE, ours, theirs)
    merged = result["tasks"][TASK["id"]]
    assert (merged["title"], merged["status"], merged["priority"]) == ("New title", "doing", "high")
    assert conflicts == []


def test_merged_bookkeeping_is_the_latest_update_and_a_rev_past_both() -> None:
    ours = with_records(BASE, ("tasks", edit(edit(TASK, 1, "ana@example.com", title="x"), 3, "ana@example.com")))
    theirs = with_records(BASE, ("tasks", edit(TASK, 2, "ben@example.com", status="doing")))
    merged = both_ways(BASE, ours, theirs)[0]["tasks"][TASK["id"]]
    assert (merged["updated_at"], merged["updated_by"], merged["rev"]) == (at(3), "ana@example.com", 4)
    assert (merged["created_at"], merged["created_by"]) == (TASK["created_at"], TASK["created_by"])


def test_set_fields_merge_as_sets() -> None:
    base = tables(("objectives", objective(1, departments=["Marketing", "Sales"])))
    record = base["objectives"][objective(1)["id"]]
    added = edit(record, 1, "ana@example.com", departments=["Marketing", "Sales", "Support"])
    ours = with_records(base, ("objectives", added))
    theirs = with_records(base, ("objectives", edit(record, 2, "ben@example.com", departments=["Finance", "Sales"])))
    result, conflicts = both_ways(base, ours, theirs)
    assert result["objectives"][record["id"]]["departments"] == ["Finance", "Sales", "Support"]
    assert conflicts == []


def test_the_same_field_changed_on_both_sides_keeps_the_later_value_and_logs_the_other() -> None:
    early = edit(TASK, 1, "ana@example.com", title="Ana's title")
    late = edit(TASK, 7, "ben@example.com", title="Ben's title")
    result, conflicts = both_ways(BASE, with_records(BASE, ("tasks", early)), with_records(BASE, ("tasks", late)))
    assert result["tasks"][TASK["id"]]["title"] == "Ben's title"
    [conflict] = conflicts
    assert (conflict["field"], conflict["kept"], conflict["lost"]) == ("title", "Ben's title", "Ana's title")
    assert conflict["lost_by"] == "ana@example.com" and conflict["resolved"] is False
    assert conflict["at"] == at(7)


def test_a_tie_in_time_is_decided_by_who_then_rev() -> None:
    ana = edit(TASK, 4, "ana@example.com", title="Ana")
    ben = edit(TASK, 4, "ben@example.com", title="Ben")
    result, [conflict] = both_ways(BASE, with_records(BASE, ("tasks", ana)), with_records(BASE, ("tasks", ben)))
    assert result["tasks"][TASK["id"]]["title"] == "Ben"
    assert conflict["lost"] == "Ana"


def test_a_conflict_already_known_keeps_its_resolved_state() -> None:
    early = with_records(BASE, ("tasks", edit(TASK, 1, "ana@example.com", title="A")))
    late = with_records(BASE, ("tasks", edit(TASK, 2, "ben@example.com", title="B")))
    first, [conflict] = both_ways(BASE, early, late)
    resolved = {**conflict, "resolved": True, "rev": 2}
    again, new = both_ways(BASE, with_records(early, ("conflicts", resolved)), late)
    assert new == []
    assert again["conflicts"][conflict["id"]]["resolved"] is True


def test_a_missing_base_merges_like_an_empty_one() -> None:
    ours = tables(("tasks", task(1, title="Ours")), ("tasks", task(2)))
    theirs = tables(("tasks", task(1, title="Theirs", updated_at=at(9))), ("tasks", task(3)))
    result, [conflict] = both_ways(None, ours, theirs)
    assert sorted(result["tasks"]) == [task(n)["id"] for n in (1, 2, 3)]
    assert result["tasks"][task(1)["id"]]["title"] == "Theirs"
    assert conflict["lost"] == "Ours"


def test_the_result_is_canonical_and_carries_the_schema() -> None:
    ours = with_records(BASE, ("tasks", task(2)))
    result, _ = merge(BASE, ours, BASE)
    assert result[META_TABLE] == {META_ID: {"schema": SCHEMA_VERSION}}
    raw = encode_document(result)
    assert encode_document(decode_document(raw, Path("x"))) == raw


# -- bytes and the git driver ----------------------------------------------------------------
def test_merge_bytes_refuses_a_result_that_fails_validation() -> None:
    bad = with_records(BASE, ("tasks", {**task(2), "title": ""}))
    with pytest.raises(InvalidRecord, match="title"):
        merge_bytes(encode_document(BASE), encode_document(BASE), encode_document(bad), Path("alinea.json"))


def test_merge_bytes_names_conflict_markers_in_an_input() -> None:
    marked = b"<<<<<<< ours\n{}\n=======\n{}\n>>>>>>> theirs\n"
    with pytest.raises(ConflictMarkers):
        merge_bytes(None, encode_document(BASE), marked, Path("alinea.json"))


def run_driver(tmp_path: Path, base: bytes, ours: bytes, theirs: bytes) -> tuple[int, bytes]:
    paths = [tmp_path / name for name in ("base", "ours", "theirs")]
    for path, payload in zip(paths, (base, ours, theirs), strict=True):
        path.write_bytes(payload)
    done = subprocess.run(
        [sys.executable, "-m", "store.merge", *map(str, paths), "alinea.json"], capture_output=True, timeout=60
    )
    return done.returncode, paths[1].read_bytes()


def test_the_driver_writes_the_merge_into_ours(tmp_path: Path) -> None:
    ours = with_records(BASE, ("tasks", edit(TASK, 1, "ana@example.com", title="Ours")))
    theirs = with_records(BASE, ("tasks", task(2)))
    code, written = run_driver(tmp_path, encode_document(BASE), encode_document(ours), encode_document(theirs))
    assert code == 0
    assert written == encode_document(merge(BASE, ours, theirs)[0])


def test_the_driver_treats_an_empty_base_as_unrelated_histories(tmp_path: Path) -> None:
    ours, theirs = tables(("tasks", task(1))), tables(("tasks", task(2)))
    code, written = run_driver(tmp_path, b"", encode_document(ours), encode_document(theirs))
    assert code == 0
    assert sorted(decode_document(written, Path("x"))["tasks"]) == [task(1)["id"], task(2)["id"]]


def test_the_driver_counts_conflicts_in_words(tmp_path: Path) -> None:
    ours = with_records(BASE, ("tasks", edit(TASK, 1, "ana@example.com", title="Ours")))
    theirs = with_records(BASE, ("tasks", edit(TASK, 2, "ben@example.com", title="Theirs")))
    paths = [tmp_path / name for name in ("base", "ours", "theirs")]
    for path, document in zip(paths, (BASE, ours, theirs), strict=True):
        path.write_bytes(encode_document(document))
    done = subprocess.run([sys.executable, "-m", "store.merge", *map(str, paths), "alinea.json"],
                          capture_output=True, text=True, timeout=60)
    assert "1 conflict to review" in done.stderr and "(s)" not in done.stderr


def test_the_driver_fails_on_an_unreadable_side_and_leaves_ours_alone(tmp_path: Path) -> None:
    ours = encode_document(BASE)
    code, written = run_driver(tmp_path, ours, ours, b'{"tasks": {"broken"')
    assert code == 1
    assert written == ours


# -- properties -------------------------------------------------------------------------------
WHO = ("ana@example.com", "ben@example.com", "cy@example.com")
TITLES = st.sampled_from(["Plan", "Launch", "Review", "Budget"])
DEPARTMENTS = st.sampled_from(["Sales", "Marketing", "Support", "Finance"])
STATUSES = st.sampled_from(["on_track", "at_risk", "off_track", "done"])
OP = st.one_of(
    st.tuples(st.just("create"), TITLES),
    st.tuples(st.just("title"), st.integers(0, 20), TITLES),
    st.tuples(st.just("status"), st.integers(0, 20), STATUSES),
    st.tuples(st.just("add_department"), st.integers(0, 20), DEPARTMENTS),
    st.tuples(st.just("remove_department"), st.integers(0, 20), DEPARTMENTS),
    st.tuples(st.just("delete"), st.integers(0, 20)),
)
OPS = st.lists(st.tuples(OP, st.integers(0, 59)), max_size=8)


def starting_tables() -> Tables:
    return tables(
        *(("objectives", objective(n, departments=["Sales"], created_by=WHO[0], updated_by=WHO[0])) for n in range(4))
    )


class Replica:
    """One clone: its tables, what it last synced (git's merge base), and what it wrote."""

    def __init__(self, index: int, start: Tables) -> None:
        self.index = index
        self.who = WHO[index]
        self.tables = copy.deepcopy(start)
        self.synced = copy.deepcopy(start)
        self.created: list[str] = []
        self.written: dict[tuple[str, str], Any] = {}  # (record, field) -> last value written
        self.added: dict[str, set[str]] = {}
        self.deleted: set[str] = set()

    def apply(self, ops: list[tuple[tuple[Any, ...], int]]) -> None:
        for serial, (op, minute) in enumerate(ops):
            table = self.tables["objectives"]
            if op[0] == "create":
                record = objective(1000 * (self.index + 1) + serial, title=op[1], created_by=self.who)
                record.update(updated_at=at(minute), updated_by=self.who, created_at=at(minute))
                table[record["id"]] = record
                self.created.append(record["id"])
                continue
            live = sorted(rid for rid, rec in table.items() if not rec["deleted"])
            if not live:
                continue
            rid = live[op[1] % len(live)]
            self._change(table, rid, op, minute)

    def _change(self, table: dict[str, Any], rid: str, op: tuple[Any, ...], minute: int) -> None:
        current = table[rid]
        if op[0] == "delete":
            fields: dict[str, Any] = {"deleted": True}
        elif op[0] in ("add_department", "remove_department"):
            departments = set(current["departments"])
            departments = departments | {op[2]} if op[0] == "add_department" else departments - {op[2]}
            fields = {"departments": sorted(departments)}
        else:
            fields = {op[0]: op[2]}
        if all(current.get(k) == v for k, v in fields.items()):
            return  # the Workspace saves nothing when nothing changes
        self._remember(rid, op)
        stamp = max(at(minute), current["updated_at"])
        table[rid] = {**current, **fields, "updated_at": stamp, "updated_by": self.who, "rev": current["rev"] + 1}

    def _remember(self, rid: str, op: tuple[Any, ...]) -> None:
        if op[0] == "delete":
            self.deleted.add(rid)
        elif op[0] == "add_department":
            self.added.setdefault(rid, set()).add(op[2])
        elif op[0] == "remove_department":
            self.added.get(rid, set()).discard(op[2])
        else:
            self.written[(rid, op[0])] = op[2]

    def sync(self, remote: list[Tables]) -> None:
        """Pull-merge-push against a central remote, the way `alinea sync` does."""
        if encode_document(remote[0]) != encode_document(self.synced):
            self.tables, _ = merge(self.synced, self.tables, remote[0])
        remote[0] = copy.deepcopy(self.tables)
        self.synced = copy.deepcopy(self.tables)


def replicas_after(ops: list[list[tuple[tuple[Any, ...], int]]]) -> tuple[Tables, list[Replica]]:
    start = starting_tables()
    replicas = [Replica(i, start) for i in range(3)]
    for replica, replica_ops in zip(replicas, ops, strict=True):
        replica.apply(replica_ops)
    return start, replicas


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(OPS, OPS)
def test_merging_either_way_gives_the_same_bytes(ours_ops: Any, theirs_ops: Any) -> None:
    start, (a, b, _) = replicas_after([ours_ops, theirs_ops, []])
    result, conflicts = merge(start, a.tables, b.tables)
    mirrored, _ = merge(start, b.tables, a.tables)
    assert encode_document(result) == encode_document(mirrored)
    validate_tables(result, Path("merged.json"))


@PROPERTY
@given(OPS, OPS)
def test_merging_a_version_with_itself_or_with_the_base_changes_nothing(ops: Any, other_ops: Any) -> None:
    start, (a, b, _) = replicas_after([ops, other_ops, []])
    assert encode_document(merge(start, a.tables, a.tables)[0]) == encode_document(a.tables)
    assert encode_document(merge(start, start, b.tables)[0]) == encode_document(b.tables)
    assert encode_document(merge(start, a.tables, start)[0]) == encode_document(a.tables)


@PROPERTY
@given(st.lists(OPS, min_size=3, max_size=3), st.permutations([0, 1, 2]), st.permutations([0, 1, 2]))
def test_three_replicas_converge_and_lose_no_edit(ops: Any, first_round: Any, second_round: Any) -> None:
    start, replicas = replicas_after(ops)
    remote = [copy.deepcopy(start)]
    for order in (first_round, second_round):
        for index in order:
            replicas[index].sync(remote)
    final = encode_document(remote[0])
    assert all(encode_document(replica.tables) == final for replica in replicas)
    validate_tables(remote[0], Path("merged.json"))
    objectives, conflicts = remote[0]["objectives"], list(remote[0]["conflicts"].values())
    for replica in replicas:
        assert set(replica.created) <= set(objectives), "a created record was lost"
        for (rid, field), value in replica.written.items():
            if start["objectives"].get(rid, {}).get(field) == value:
                continue  # changed and changed back: a three-way merge sees no change
            lost = {c["lost"] for c in conflicts if (c["record_id"], c["field"]) == (rid, field)}
            assert objectives[rid][field] == value or value in lost, f"{field}={value!r} by {replica.who} vanished"
        for rid, names in replica.added.items():
            already = set(start["objectives"].get(rid, {}).get("departments", []))
            assert names - already <= set(objectives[rid]["departments"]), "an added department was lost"
        for rid in replica.deleted:
            logged = any((c["record_id"], c["field"]) == (rid, "deleted") for c in conflicts)
            assert objectives[rid]["deleted"] or logged, "an edit beat a delete without a record of it"


@PROPERTY
@given(OPS, OPS)
def test_the_merge_counts_what_differs_from_each_side_as_a_comparison_would(ours_ops: Any, theirs_ops: Any) -> None:
    from store.gitsync import changed_records

    start, (a, b, _) = replicas_after([ours_ops, theirs_ops, []])
    tally = [0, 0]
    result, _ = merge(start, a.tables, b.tables, tally=tally)
    assert encode_document(result) == encode_document(merge(start, a.tables, b.tables)[0])
    assert tally == [sum(changed_records(side, result).values()) for side in (a.tables, b.tables)]
