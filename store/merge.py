"""The three-way record merge (DESIGN section 4), and the git merge driver around it.

``merge(base, ours, theirs)`` works record by record, by id, then field by field. It is
pure, deterministic and symmetric: swapping ``ours`` and ``theirs`` gives the same bytes,
so every clone that merges the same two histories ends up with the same file. Nothing an
edit wrote is dropped: a same-field collision keeps the later value and records the
other in the ``conflicts`` table; a delete that met an edit gives way to the edit.

Records are compared as plain dicts (as decoded from the file) so that merging two large
workspaces costs a dict comparison per record, not a pydantic validation.

Run as ``python -m store.merge %O %A %B %P`` it is the git merge driver: it reads the
three versions, merges, validates, writes ``%A`` atomically and exits 0; on any failure
it leaves ``%A`` as it is and exits 1, so git reports a conflict instead of committing.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from store.gcpolicy import quiet_start
from store.i18n import _, ngettext
from store.models import MODELS, SCHEMA_VERSION, SET_FIELDS, Record
from store.storage import META_ID, META_TABLE, Tables, decode_document, encode_document, write_atomically
from store.validation_words import validation_words

Doc = dict[str, Any]
COMMON = frozenset(Record.COMMON_FIELDS)
#: who a conflict record is created by: the merge, not a person
MERGE_AUTHOR = "alinea merge"
#: the field a delete-vs-edit conflict is logged under (kept: alive, lost: deleted)
DELETED = "deleted"
#: who "lost" when a record was missing from one side's file without a tombstone
REMOVED_BY = "a removal from the file"


def merge(
    base: Tables | None, ours: Tables, theirs: Tables, *, tally: list[int] | None = None
) -> tuple[Tables, list[Doc]]:
    """Merge two versions of a workspace against their common ancestor.

    ``base`` None (unrelated histories) counts as an empty workspace. Returns the merged
    tables (conflict records included) and the conflict records this merge added. The
    result shares record dicts with the inputs: treat all of them as read-only.

    ``tally``, when given ``[0, 0]``, gets how many records of the result differ from
    ``ours`` and from ``theirs`` (what a sync pulled and pushes), counted on the way: the
    merge already knows which records both sides hold alike.
    """
    base = base or {}
    conflicts: list[Doc] = []
    result: Tables = {}
    for name in sorted((set(ours) | set(theirs)) - {META_TABLE}):
        result[name] = _merge_table(
            name, base.get(name, {}), ours.get(name, {}), theirs.get(name, {}), conflicts, tally
        )
    _add_conflicts(result, conflicts)
    if tally is not None:  # a new conflict record is in neither side
        tally[0] += len(conflicts)
        tally[1] += len(conflicts)
    result[META_TABLE] = {META_ID: {"schema": SCHEMA_VERSION}}
    return result, conflicts


def _merge_table(
    name: str,
    base: dict[str, Doc],
    ours: dict[str, Doc],
    theirs: dict[str, Doc],
    log: list[Doc],
    tally: list[int] | None = None,
) -> dict[str, Doc]:
    merged: dict[str, Doc] = {}
    set_fields = SET_FIELDS.get(name, frozenset())
    for record_id in ours.keys() | theirs.keys():
        a, b = ours.get(record_id), theirs.get(record_id)
        if a == b:
            found = a
        elif a is None or b is None:
            found = _one_side_only(name, base.get(record_id), a, b, log)
            if tally is not None:  # the kept record is the side that holds it
                tally[0 if a is None else 1] += 1
        else:
            o = base.get(record_id)
            if a == o:
                found = b
            elif b == o:
                found = a
            else:
                found = _merge_record(name, o, a, b, set_fields, log)
            if tally is not None:
                tally[0] += found != a
                tally[1] += found != b
        if found is not None:
            merged[record_id] = found
    return merged


def _one_side_only(table: str, base: Doc | None, a: Doc | None, b: Doc | None, log: list[Doc]) -> Doc:
    """A record only one side holds: added there, or taken out of the other side's file.

    alinea deletes with a tombstone, never by removing a record, so a record missing without
    one was lost to a hand edit (a file emptied, a conflict resolved by dropping lines). The
    merge never removes a record outright: it is kept, and a conflict says so.
    """
    kept = a if b is None else b
    assert kept is not None
    if base is not None and table != "conflicts" and not kept.get(DELETED):
        log.append(_conflict(table, kept, None, DELETED, False, True))
    return kept


def _merge_record(
    table: str, base: Doc | None, a: Doc, b: Doc, set_fields: frozenset[str], log: list[Doc]
) -> Doc:
    """Both sides changed the record."""
    assert a is not None and b is not None
    base = base or {}
    winner, loser = (a, b) if _stamp(a) >= _stamp(b) else (b, a)
    record: Doc = {}
    for field in sorted((a.keys() | b.keys()) - COMMON):
        record[field] = _merge_field(table, field, base, winner, loser, set_fields, log)
    record.update(_common_fields(a, b, winner))
    record[DELETED] = _merge_deleted(table, base, a, b, winner, log)
    return record


_MISSING = object()


def _merge_field(
    table: str, field: str, base: Doc, winner: Doc, loser: Doc, set_fields: frozenset[str], log: list[Doc]
) -> Any:
    w, lo, o = winner.get(field, _MISSING), loser.get(field, _MISSING), base.get(field, _MISSING)
    if w == lo or lo == o:
        value = w
    elif w == o:
        value = lo
    elif field in set_fields and isinstance(w, list) and isinstance(lo, list):
        value = _merge_sets(o if isinstance(o, list) else [], w, lo)
    else:
        value = w
        if table != "conflicts":
            log.append(_conflict(table, winner, loser, field, _plain(w), _plain(lo)))
    return None if value is _MISSING else value


def _merge_sets(base: list[Any], a: list[Any], b: list[Any]) -> list[Any]:
    """Keep what both sides hold, add what either added, drop what either removed."""
    old, left, right = set(base), set(a), set(b)
    return sorted((left & right) | (left - old) | (right - old))


def _merge_deleted(table: str, base: Doc, a: Doc, b: Doc, winner: Doc, log: list[Doc]) -> bool:
    """A delete that met an edit of the record's data gives way: the record stays alive."""
    was = bool(base.get(DELETED, False))
    da, db = bool(a.get(DELETED, False)), bool(b.get(DELETED, False))
    if da == db:
        return da
    deleter, keeper = (a, b) if da else (b, a)
    if was:  # one side brought a deleted record back (an undo): keep it alive
        return False
    if _data_changed(base, keeper):
        if table != "conflicts":
            log.append(_conflict(table, keeper, deleter, DELETED, False, True))
        return False
    return True


def _data_changed(base: Doc, record: Doc) -> bool:
    fields = (base.keys() | record.keys()) - COMMON
    return any(base.get(field, _MISSING) != record.get(field, _MISSING) for field in fields)


def _common_fields(a: Doc, b: Doc, winner: Doc) -> Doc:
    """Merged bookkeeping: the first creation, the latest update, a rev past both sides."""
    first = min((a, b), key=lambda r: (r.get("created_at", ""), r.get("created_by", "")))
    return {
        "id": winner["id"],
        "created_at": first.get("created_at"),
        "created_by": first.get("created_by", ""),
        "updated_at": winner.get("updated_at"),
        "updated_by": winner.get("updated_by", ""),
        "rev": max(int(a.get("rev", 1)), int(b.get("rev", 1))) + 1,
    }


def _stamp(record: Doc) -> tuple[str, str, int, bytes]:
    """Which version is later: (updated_at, updated_by, rev), then the bytes as a tie-break."""
    return (
        str(record.get("updated_at", "")),
        str(record.get("updated_by", "")),
        int(record.get("rev", 1)),
        orjson.dumps(record, option=orjson.OPT_SORT_KEYS),
    )


def _plain(value: Any) -> Any:
    return None if value is _MISSING else value


def _conflict(table: str, kept_in: Doc, lost_in: Doc | None, field: str, kept: Any, lost: Any) -> Doc:
    """A conflict record whose id and times depend only on the two versions, never on the clock."""
    lost_by = lost_in.get("updated_by", "") if lost_in is not None else ""
    lost_at = lost_in.get("updated_at", "") if lost_in is not None else ""
    at = max(str(kept_in.get("updated_at", "")), str(lost_at))
    key = orjson.dumps([table, kept_in["id"], field, lost, lost_by, lost_at], option=orjson.OPT_SORT_KEYS)
    return {
        "id": hashlib.sha256(key).hexdigest()[:32],
        "created_at": at,
        "created_by": MERGE_AUTHOR,
        "updated_at": at,
        "updated_by": MERGE_AUTHOR,
        "rev": 1,
        "deleted": False,
        "table": table,
        "record_id": kept_in["id"],
        "field": field,
        "kept": kept,
        "lost": lost,
        "lost_by": lost_by or REMOVED_BY,
        "at": at,
        "resolved": False,
    }


def _add_conflicts(result: Tables, conflicts: list[Doc]) -> None:
    """Add the new conflicts; one already known (same id) keeps its state (it may be resolved)."""
    table = result.setdefault("conflicts", {})
    fresh = []
    for conflict in conflicts:
        if conflict["id"] not in table:
            table[conflict["id"]] = conflict
            fresh.append(conflict)
    conflicts[:] = fresh


# -- validation -------------------------------------------------------------------------
_ADAPTERS: dict[str, Any] = {}


def validate_tables(tables: Tables, path: Path, *, checked: Tables | None = None) -> None:
    """Check records against their models (one TypeAdapter call per table); raise InvalidRecord.

    Records that are the very dicts of ``checked`` (a version validated before) are skipped.
    """
    from pydantic import TypeAdapter, ValidationError

    from store.errors import InvalidRecord

    for name, docs in tables.items():
        if name == META_TABLE:
            continue
        if checked is not None:
            known = checked.get(name, {})
            docs = {rid: doc for rid, doc in docs.items() if known.get(rid) is not doc}
        model = MODELS.get(name)
        if model is None:
            raise InvalidRecord(path, _("unknown table {name}").format(name=repr(name)))
        if name not in _ADAPTERS:
            _ADAPTERS[name] = TypeAdapter(dict[str, model])  # type: ignore[valid-type]
        try:
            records = _ADAPTERS[name].validate_python(docs)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            words = _("{table} record {where} is invalid: {message}").format(
                table=name, where=where, message=validation_words(first, value_error_prefix=True)
            )
            raise InvalidRecord(path, words) from None
        for record_id, record in records.items():
            if record.id != record_id:
                words = _("{table} record {id} carries id {other}").format(table=name, id=record_id, other=record.id)
                raise InvalidRecord(path, words)


def merge_bytes(base: bytes | None, ours: bytes, theirs: bytes, path: Path) -> tuple[bytes, list[Doc]]:
    """Decode, merge, validate and encode: what the driver and the sync both do.

    Only what the merge brings in is validated: records from ``theirs`` and merged ones.
    ``ours`` is the checked-out version, validated when it was saved or before the sync,
    and re-validating its 50,000 unchanged records would double the cost of a merge.
    """
    old = decode_document(base, path, strict=False) if base is not None and base.strip() else None
    mine = decode_document(ours, path)
    _tables, payload, conflicts = merge_decoded(old, mine, decode_document(theirs, path), path)
    return payload, conflicts


def merge_decoded(
    old: Tables | None, mine: Tables, theirs: Tables, path: Path, *, tally: list[int] | None = None
) -> tuple[Tables, bytes, list[Doc]]:
    """merge_bytes for versions already decoded (``mine`` strictly and validated, ``theirs``
    strictly): the merged tables, their canonical bytes and the conflicts added (``tally``:
    see merge)."""
    try:
        tables, conflicts = merge(old, mine, theirs, tally=tally)
        validate_tables(tables, path, checked=mine)
        return tables, encode_document(tables), conflicts
    except (RecursionError, TypeError, ValueError, KeyError) as error:
        # Checked input should never get here; if it does, the merge fails in words and the
        # caller aborts it, rather than a traceback leaving the repository mid-merge.
        from store.errors import UnreadableFile

        words = _("could not be merged ({kind}: {error})").format(kind=type(error).__name__, error=error)
        raise UnreadableFile(path, words) from None


# -- the git merge driver ---------------------------------------------------------------
def main(argv: Sequence[str] | None = None) -> int:
    """``python -m store.merge %O %A %B %P``: merge into %A; exit 0 clean, 1 on failure."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 3:
        print("usage: python -m store.merge BASE OURS THEIRS [PATH]", file=sys.stderr)
        return 1
    base, ours, theirs = (Path(arg) for arg in args[:3])
    shown = Path(args[3]) if len(args) > 3 else ours
    quiet_start()  # a short-lived process building ~150,000 dicts (store.gcpolicy)
    try:
        payload, conflicts = merge_bytes(base.read_bytes(), ours.read_bytes(), theirs.read_bytes(), shown)
        write_atomically(ours, payload)
    except Exception as error:  # the driver must never crash git: report and leave %A alone
        _speak_the_persons_language()
        print(_("alinea merge of {file} failed: {error}").format(file=shown, error=error), file=sys.stderr)
        return 1
    if conflicts:
        _speak_the_persons_language()
        count = len(conflicts)
        words = ngettext(
            "alinea: merged {file}; {count:,} conflict to review",
            "alinea: merged {file}; {count:,} conflicts to review",
            count,
        )
        print(words.format(file=shown, count=count), file=sys.stderr)
    return 0


def _speak_the_persons_language() -> None:
    """git runs the driver in a process of its own: choose the language as the CLI does (only
    when there is something to say, so a clean merge reads no config)."""
    import os

    from store.config import load_config
    from store.i18n import language_from, use_language

    use_language(language_from(load_config()[0].language, os.environ))


if __name__ == "__main__":
    sys.exit(main())
