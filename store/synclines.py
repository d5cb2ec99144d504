"""What a sync commits, pushes and pulls, counted from the lines of the canonical file.

The canonical file (store.storage) holds one record per line, tables in order, so two
versions of it differ in exactly the lines of the records that changed. Splitting two
20 MB versions into lines and comparing them as sets costs a few tens of milliseconds;
decoding both and comparing 50,000 records as dicts cost ten times that. A file not laid
out that way (edited by hand) gives no lines, and the caller decodes it as before.
"""

from __future__ import annotations

import hashlib

import orjson

from store.storage import META_TABLE

#: a table's record lines (the trailing comma taken off), by table name
FileLines = dict[str, list[bytes]]


def blob_id(raw: bytes) -> str:
    """The id git gives these bytes as a file (a SHA-1 repository's blob id)."""
    digest = hashlib.sha1(b"blob %d\0" % len(raw))  # noqa: S324  git's object id, not a secret
    digest.update(raw)
    return digest.hexdigest()


def file_lines(raw: bytes) -> FileLines | None:
    """Each table's record lines, or None when the file is not laid out one record per line."""
    lines = raw.split(b"\n")
    if len(lines) < 3 or lines[0] != b"{" or lines[-1] != b"" or lines[-2] != b"}":
        return None
    tables: FileLines = {}
    end = len(lines) - 2
    at = 1
    try:
        while at < end:
            head = lines[at]
            if head.endswith((b": {}", b": {},")):  # an empty table
                tables[_name(head[: head.rindex(b": {}")])] = []
                at += 1
                continue
            if not head.endswith(b": {"):
                return None
            close = _closing(lines, at + 1, end)
            if close is None:
                return None
            tables[_name(head[:-3])] = [line[:-1] if line.endswith(b",") else line for line in lines[at + 1 : close]]
            at = close + 1
    except (ValueError, orjson.JSONDecodeError):
        return None
    return tables


def _name(quoted: bytes) -> str:
    name = orjson.loads(quoted)
    if not isinstance(name, str):
        raise ValueError(quoted)
    return name


def _closing(lines: list[bytes], start: int, end: int) -> int | None:
    """The line that closes a table's block: ``},`` between tables, ``}`` after the last."""
    found = [line for line in (_index(lines, b"},", start, end), _index(lines, b"}", start, end)) if line >= 0]
    return min(found) if found else None


def _index(lines: list[bytes], line: bytes, start: int, end: int) -> int:
    try:
        return lines.index(line, start, end)
    except ValueError:
        return -1


def line_id(line: bytes) -> str | None:
    """The id a record line starts with (``"<id>": {…}``), or None if it is not such a line."""
    end = line.find(b'"', 1)
    if line.startswith(b'"') and end > 0 and b"\\" not in line[1:end]:
        try:
            return line[1:end].decode()
        except UnicodeDecodeError:
            return None
    record = _record(line)
    return next(iter(record)) if record is not None and len(record) == 1 else None


def _record(line: bytes) -> dict[str, object] | None:
    try:
        found = orjson.loads(b"{" + line + b"}")
    except orjson.JSONDecodeError:
        return None
    return found if isinstance(found, dict) else None


def changed_counts(old: FileLines, new: FileLines) -> dict[str, int]:
    """How many records of each table differ between two versions (store.gitsync.changed_records,
    from lines): a record counts when its line is in one version only, unless both of its lines
    decode to the same record (a file laid out by hand may write the same record differently)."""
    counts: dict[str, int] = {}
    for name in sorted((old.keys() | new.keys()) - {META_TABLE}):
        before, after = set(old.get(name, ())), set(new.get(name, ()))
        gone, came = before - after, after - before
        if not gone and not came:
            continue
        old_by_id = _by_id(gone)
        new_by_id = _by_id(came)
        changed = 0
        for rid in old_by_id.keys() | new_by_id.keys():
            a, b = old_by_id.get(rid), new_by_id.get(rid)
            if a is None or b is None or rid == "":
                changed += 1
            else:
                was = _record(a)
                changed += was is None or was != _record(b)
        if changed:
            counts[name] = changed
    return counts


def _by_id(lines: set[bytes]) -> dict[str, bytes]:
    """Lines by the id they start with; a line with no id of its own is counted under ''."""
    found: dict[str, bytes] = {}
    for line in lines:
        found[line_id(line) or ""] = line
    return found
