"""Reading the workspace file strictly: no key twice, nothing nested deeper than can be written back.

A JSON parser keeps the last of two equal keys, so a record that stands twice in the file
(the two sides of a git conflict, both kept by hand) would silently lose its first copy at
the next save. Such a file is refused as damage, naming the line; ``store.repair`` can then
merge the copies.

The check costs one compact encode and a byte comparison on a canonical file (the usual
case): with every space and newline taken out of both, a canonical file and the compact
encoding of its data (in the file's own key order) are the same bytes. Spaces and newlines
never move a quote, so two byte strings equal after that have the same keys in the same
objects; a key given twice in the file is missing from the encoding, and the comparison
fails. Only a file laid out any other way (edited by hand) is then parsed a second time,
slowly, with a hook that sees every key.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from store.errors import DuplicateKeys, UnreadableFile
from store.i18n import N_, _

#: the deepest nesting of objects and lists (the document itself counts) the file writer can write back
MAX_DEPTH = 254


def check_document(raw: bytes, data: dict[str, Any], path: Path) -> None:
    """Raise DuplicateKeys or UnreadableFile when ``raw`` holds a key twice or nests too deep."""
    try:
        compact = orjson.dumps(data)
    except orjson.JSONEncodeError:
        compact = None  # nested deeper than the writer goes: found and named below
    if compact is not None and _same_without_blanks(raw, compact):
        return
    check_depth(raw, data, path)
    check_duplicates(raw, path)
    if compact is None:
        raise UnreadableFile(path, _("nests values deeper than {count} levels").format(count=MAX_DEPTH))


def _same_without_blanks(a: bytes, b: bytes) -> bool:
    """``a`` and ``b`` are equal once spaces and newlines are removed (compared in slices, so
    no second copy of a 20 MB file is made)."""
    left, right = _stripped(a), _stripped(b)
    x = y = b""
    while True:
        x = x or next(left, b"")
        y = y or next(right, b"")
        if not x or not y:
            return not x and not y
        n = min(len(x), len(y))
        if x[:n] != y[:n]:
            return False
        x, y = x[n:], y[n:]


def _stripped(data: bytes, size: int = 1 << 18) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        piece = data[start : start + size].replace(b"\n", b"").replace(b" ", b"")
        if piece:
            yield piece


def depth_of(value: Any) -> int:
    """How many objects and lists are nested in ``value`` (without recursion: it may be very deep)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


def check_depth(raw: bytes, data: dict[str, Any], path: Path) -> None:
    """Refuse a record nested deeper than MAX_DEPTH (counting the document and its table)."""
    for name, table in data.items():
        for record_id, record in table.items():
            if depth_of(record) + 2 > MAX_DEPTH:
                raise UnreadableFile(
                    path,
                    _("{table} record {id} nests values deeper than {count} levels (damaged or hostile)").format(
                        table=name, id=record_id[:8], count=MAX_DEPTH
                    ),
                    line_at(raw, _key(record_id)),
                )


class _Twice(Exception):
    def __init__(self, key: str, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(key)
        self.key = key
        self.pairs = pairs


def _refuse_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _Twice(key, pairs)
            seen.add(key)
    return found


def check_duplicates(raw: bytes, path: Path) -> None:
    """The slow, exact check for a file not laid out canonically: every object's keys."""
    try:
        json.loads(raw, object_pairs_hook=_refuse_twice)
    except _Twice as twice:
        raise duplicate_error(raw, path, twice.key, twice.pairs) from None
    except RecursionError:
        raise UnreadableFile(path, _("nests values deeper than {count} levels").format(count=MAX_DEPTH)) from None
    except ValueError:
        return  # orjson read it; the stdlib parser differs only on numbers it cannot hold


#: marked here, translated where it is shown (``_(REPAIR_HINT)``)
REPAIR_HINT = N_("`alinea check --repair` merges the copies and keeps every value that differs for review")


def duplicate_error(raw: bytes, path: Path, key: str, pairs: list[tuple[str, Any]]) -> DuplicateKeys:
    """Words and line for a key found twice in one object."""
    lines = [line_at(raw, _key(key))]
    later = raw.find(_key(key), _position(raw, _key(key)) + 1)
    if later >= 0:
        lines.append(raw.count(b"\n", 0, later) + 1)
    owner = next((value for name, value in pairs if name == "id" and isinstance(value, str)), None)
    if owner is not None and key != "id":
        at = line_at(raw, _key(owner))
        words = _("record {id} has the field {key} twice; {hint}").format(
            id=owner[:8], key=repr(key), hint=_(REPAIR_HINT)
        )
        return DuplicateKeys(path, words, at, repairable=True)
    if pairs and all(isinstance(value, dict) for _name, value in pairs):
        table = _table_before(raw, _position(raw, _key(key)))
        where = _(" and ").join(str(line) for line in lines if line)
        if table:
            words = _(
                "holds the {table} record {id} twice (lines {lines}), as a git conflict resolved by keeping both"
                " sides leaves it; {hint}"
            )
        else:
            words = _(
                "holds the record {id} twice (lines {lines}), as a git conflict resolved by keeping both sides"
                " leaves it; {hint}"
            )
        words = words.format(table=table, id=key[:8], lines=where, hint=_(REPAIR_HINT))
        return DuplicateKeys(path, words, lines[-1], repairable=True)
    return DuplicateKeys(
        path, _("has the key {key} twice in one object; fix it by hand").format(key=repr(key)), lines[-1]
    )


def _key(key: str) -> bytes:
    return orjson.dumps(key) + b":"


def _position(raw: bytes, needle: bytes) -> int:
    return raw.find(needle)


def line_at(raw: bytes, needle: bytes) -> int | None:
    at = raw.find(needle)
    return None if at < 0 else raw.count(b"\n", 0, at) + 1


def _table_before(raw: bytes, position: int) -> str | None:
    """The table whose block holds ``position`` in a canonical file (for naming a record)."""
    from store.schema import TABLE_NAMES

    best, found = -1, None
    for name in TABLE_NAMES:
        at = raw.rfind(orjson.dumps(name) + b": {", 0, max(position, 0))
        if at > best:
            best, found = at, name
    return found
