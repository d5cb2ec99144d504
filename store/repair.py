"""Repairing a file that holds a record twice: the copies are merged as a sync would merge them.

A git conflict "resolved" by keeping both sides leaves each conflicting record on two lines
with one id. Reading refuses that file (store.strictjson); ``alinea check --repair`` runs
this: every record's copies are merged field by field with the record merge of
store.merge (no common ancestor: set fields are joined, every other field that differs
keeps the later edit and sets the other value aside in ``conflicts``), so nothing either
side wrote is lost. The result is validated before it replaces the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store.errors import DuplicateKeys, WorkspaceFileError
from store.i18n import _, ngettext
from store.storage import (
    CanonicalStorage,
    Tables,
    decode_document,
    encode_document,
    file_lock,
    lock_path_for,
    read_regular,
    write_atomically,
)
from store.strictjson import line_at


@dataclass(frozen=True)
class Repaired:
    records: int  # records that stood more than once
    conflicts: int  # values set aside for review

    @property
    def words(self) -> str:
        if not self.records:
            return _("nothing to repair: no record stands twice")
        if self.conflicts:
            aside = ngettext(
                "{count} value set aside for review (`alinea conflicts`)",
                "{count} values set aside for review (`alinea conflicts`)",
                self.conflicts,
            ).format(count=self.conflicts)
        else:
            aside = _("no value differed")
        return ngettext(
            "merged the copies of {count} record; {aside}",
            "merged the copies of {count} records; {aside}",
            self.records,
        ).format(count=self.records, aside=aside)


class _Pairs(list[tuple[str, Any]]):
    """An object as the parser saw it: every key, in order, even a repeated one."""


def repair(path: Path) -> Repaired:
    """Merge the copies of every record that stands twice in ``path``; save under the save lock."""
    with file_lock(lock_path_for(path), CanonicalStorage.LOCK_TIMEOUT):
        raw = read_regular(path)
        try:
            decode_document(raw, path)
            return Repaired(0, 0)
        except DuplicateKeys as error:
            if not error.repairable:
                raise
        copies = _copies(raw, path)
        tables, records, conflicts = _merge_copies(copies, _ancestor(path))
        from store.merge import validate_tables

        payload = encode_document(tables)
        validate_tables(decode_document(payload, path), path)
        write_atomically(path, payload)
        return Repaired(records, conflicts)


def _copies(raw: bytes, path: Path) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Every copy of every record, by table and id, in file order."""
    import json

    document = json.loads(raw, object_pairs_hook=_Pairs)
    if not isinstance(document, _Pairs):
        raise WorkspaceFileError(path, _("is not a JSON object of tables"))
    found: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for name, table in document:
        if not isinstance(table, _Pairs):
            raise WorkspaceFileError(path, _("table {name} is not an object of records").format(name=repr(name)))
        records = found.setdefault(name, {})
        for record_id, record in table:
            if not isinstance(record, _Pairs):
                raise WorkspaceFileError(
                    path, _("{table} record {id} is not an object").format(table=name, id=record_id[:8])
                )
            records.setdefault(record_id, []).extend(_versions(record, raw, path, record_id))
    return found


def _versions(record: _Pairs, raw: bytes, path: Path, record_id: str) -> list[dict[str, Any]]:
    """One copy, or two when a field stands twice in it: its first values and its last ones."""
    first: dict[str, Any] = {}
    last: dict[str, Any] = {}
    for key, value in record:
        plain = _plain(value, raw, path, record_id)
        first.setdefault(key, plain)
        last[key] = plain
    return [first] if first == last else [first, last]


def _plain(value: Any, raw: bytes, path: Path, record_id: str) -> Any:
    if isinstance(value, _Pairs):
        keys = [key for key, _item in value]
        if len(set(keys)) != len(keys):
            raise WorkspaceFileError(
                path,
                _("a value inside record {id} has a key twice, which alinea cannot merge; fix it by hand").format(
                    id=record_id[:8]
                ),
                line_at(raw, f'"{record_id}":'.encode()),
            )
        return {key: _plain(item, raw, path, record_id) for key, item in value}
    if isinstance(value, list):
        return [_plain(item, raw, path, record_id) for item in value]
    return value


def _ancestor(path: Path) -> Tables | None:
    """The version both sides started from, when git still knows the merge that made the copies.

    With it, a field only one side changed is simply taken; without it (no merge in the
    history) every field that differs between the copies is a conflict.
    """
    from store.interrupted import git_bytes

    folder = path.parent
    if (folder / ".git" / "MERGE_HEAD").exists():
        sides = ("HEAD", "MERGE_HEAD")
    elif git_bytes(folder, "rev-parse", "--quiet", "--verify", "HEAD^2") is not None:
        sides = ("HEAD^1", "HEAD^2")
    else:
        return None
    base = git_bytes(folder, "merge-base", *sides)
    version = git_bytes(folder, "show", f"{base.decode().strip()}:{path.name}") if base else None
    if not version:
        return None
    try:
        return decode_document(version, path, strict=False)
    except WorkspaceFileError:
        return None


def _merge_copies(copies: dict[str, dict[str, list[dict[str, Any]]]], base: Tables | None) -> tuple[Tables, int, int]:
    """Fold each record's copies into one with the record merge; count records and conflicts."""
    from store.merge import merge

    result: Tables = {name: {rid: versions[0] for rid, versions in records.items()} for name, records in copies.items()}
    rounds = max((len(v) for records in copies.values() for v in records.values()), default=1)
    added = 0
    for index in range(1, rounds):
        theirs: Tables = {
            name: {rid: _copy(versions, index, result[name][rid]) for rid, versions in records.items()}
            for name, records in copies.items()
        }
        meta = result.get("_meta")
        result, fresh = merge(base, result, theirs)
        if meta is not None:
            result["_meta"] = meta
        added += len(fresh)
    twice = sum(1 for records in copies.values() for versions in records.values() if len(versions) > 1)
    return result, twice, added


def _copy(versions: list[dict[str, Any]], index: int, merged: dict[str, Any]) -> dict[str, Any]:
    """The index-th copy of a record, or what is merged so far when it has no more copies."""
    return versions[index] if len(versions) > index else merged
