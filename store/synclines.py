"""What a sync commits, pushes and pulls, and what it must validate, from the file's lines.

The canonical file (store.storage) holds one record per line, tables in order, so two
versions of it differ in exactly the lines of the records that changed. Splitting two
20 MB versions into lines and comparing them as sets costs a few tens of milliseconds;
decoding both and comparing 50,000 records as dicts cost ten times that. A file not laid
out that way (edited by hand) gives no lines, and the caller decodes it as before.

Validation works the same way. A version of the file whose every record line was checked
(validated against the models, each line one whole record of its table) is remembered by
its blob id in ``.git/alinea-checked``; a later version need only validate the records on
lines that version lacks: every other line is, byte for byte, a record already checked.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import orjson

from store.schema import SCHEMA_VERSION
from store.storage import META_ID, META_TABLE, Tables, encode_line

#: a table's record lines (without the comma between them), by table name
FileLines = dict[str, list[bytes]]
LineSets = dict[str, set[bytes]]


def blob_id(raw: bytes) -> str:
    """The id git gives these bytes as a file (a SHA-1 repository's blob id)."""
    digest = hashlib.sha1(b"blob %d\0" % len(raw))  # noqa: S324  git's object id, not a secret
    digest.update(raw)
    return digest.hexdigest()


def file_lines(raw: bytes) -> FileLines | None:
    """Each table's record lines, or None when the file is not laid out as a canonical file:
    ``{``, then the tables joined by ``,\n``, each a ``"<name>": {`` line, its record lines
    joined by ``,\n`` and a ``}`` line (or ``"<name>": {}``), then ``}``."""
    if not raw.startswith(b"{\n") or not raw.endswith(b"\n}\n"):
        return None
    tables: FileLines = {}
    at, end = 2, len(raw) - 2  # raw[end:] is the document's closing "}\n"
    try:
        while at < end:
            eol = raw.index(b"\n", at)
            head = raw[at:eol]
            if head.endswith((b": {}", b": {},")):  # an empty table
                tables[_name(head[: head.rindex(b": {}")])] = []
                at = eol + 1
                if not head.endswith(b",") and at != end:
                    return None
                continue
            if not head.endswith(b": {"):
                return None
            close = raw.find(b"\n}", eol)  # the first line that starts with "}" closes the block
            if close < 0:
                return None
            tables[_name(head[:-3])] = raw[eol + 1 : close].split(b",\n") if close > eol else []
            if raw.startswith(b",\n", close + 2):
                at = close + 4
            elif raw.startswith(b"\n", close + 2) and close + 3 == end:
                at = end
            else:
                return None
    except (ValueError, orjson.JSONDecodeError):
        return None
    return tables if at == end else None


def line_sets(lines: FileLines) -> LineSets:
    """The lines of each table as a set (a table's lines are distinct in a file read strictly)."""
    return {name: set(table) for name, table in lines.items()}


def _name(quoted: bytes) -> str:
    name = orjson.loads(quoted)
    if not isinstance(name, str):
        raise ValueError(quoted)
    return name


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


def changed_counts(old: LineSets, new: LineSets) -> dict[str, int]:
    """How many records of each table differ between two versions (store.gitsync.changed_records,
    from lines): a record counts when its line is in one version only, unless both of its lines
    decode to the same record (a file laid out by hand may write the same record differently)."""
    counts: dict[str, int] = {}
    for name in sorted((old.keys() | new.keys()) - {META_TABLE}):
        before, after = old.get(name, set()), new.get(name, set())
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


# -- validating only what changed -------------------------------------------------------------
_META_LINES = {encode_line(META_ID, {"schema": SCHEMA_VERSION})}


def records_to_check(lines: LineSets, tables: Tables, checked: LineSets) -> Tables | None:
    """The records of ``tables`` (decoded strictly from the file split into ``lines``) that
    lie on lines the checked version lacks; None when the lines cannot be trusted to be the
    records (a file laid out by hand, a migrated schema): then every record is validated.

    Why the rest need no validation: the whole file parsed, with no key twice (so a table's
    lines are distinct); each line of a table's block is a whole ``"<id>": {…}`` member (a
    checked line was one in the checked version; any other line is parsed here on its own
    and must be one), so the lines are the table's records, and a line byte-equal to a
    checked line of the same table holds a record validated before.
    """
    if lines.keys() != tables.keys() or lines.get(META_TABLE) != _META_LINES:
        return None
    todo: Tables = {}
    for name, table_lines in lines.items():
        table = tables[name]
        if name == META_TABLE:
            continue
        if len(table_lines) != len(table):
            return None
        fresh: dict[str, Any] = {}
        for line in table_lines - checked.get(name, set()):
            record = _record(line)
            if record is None or len(record) != 1:
                return None
            ((rid, doc),) = record.items()
            if not isinstance(doc, dict) or table.get(rid) != doc:
                return None
            fresh[rid] = table[rid]
        todo[name] = fresh
    return todo


STAMP_FILE = "alinea-checked"
#: how many checked versions are remembered (the last commits, merges and pushes of this clone)
KEEP = 16
_fingerprint: str | None = None


def _validator_fingerprint() -> str:
    """What a record was checked against: the models' source and pydantic's version. A stamp
    made by another alinea (say, before an upgrade) is ignored."""
    global _fingerprint
    if _fingerprint is None:
        import pydantic

        import store.merge
        import store.models
        import store.schema
        import store.vocabulary

        digest = hashlib.sha1(pydantic.VERSION.encode())  # noqa: S324  a fingerprint, not a secret
        for module in (store.models, store.schema, store.vocabulary, store.merge):
            digest.update(Path(str(module.__file__)).read_bytes())
        _fingerprint = digest.hexdigest()
    return _fingerprint


def checked_blobs(folder: Path) -> list[str]:
    """Blob ids of versions of the workspace file checked in this clone, oldest first."""
    try:
        text = (Path(folder) / ".git" / STAMP_FILE).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return []
    head, _, rest = text.partition("\n")
    if head != f"alinea checked {_validator_fingerprint()}":
        return []
    return [line for line in rest.split("\n") if len(line) == 40]


def remember_checked(folder: Path, blob: str) -> None:
    """Remember a checked version; nothing is lost when this fails (the next sync checks it all)."""
    git_dir = Path(folder) / ".git"
    if not git_dir.is_dir():
        return
    kept = [known for known in checked_blobs(folder) if known != blob][-(KEEP - 1) :] + [blob]
    tmp = git_dir / f"{STAMP_FILE}.{os.getpid()}.tmp"
    try:
        tmp.write_text("\n".join([f"alinea checked {_validator_fingerprint()}", *kept]) + "\n", encoding="ascii")
        os.replace(tmp, git_dir / STAMP_FILE)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # e.g. a read-only .git: there is nothing to clean up either
