"""The workspace file: a TinyDB database written canonically, saved atomically.

Canonical form (DESIGN section 3): tables sorted, one record per line as
``"<id>": {…}`` with sorted keys, records sorted by id, UTF-8, LF, trailing newline.
Same data gives the same bytes, so git diffs and merges work record by record, and a
stock ``tinydb.TinyDB("alinea.json")`` still opens the file.

The storage holds no open file handle: git replaces the file on pull, and writes into a
stale handle would be lost. Reads are cached and re-read when (inode, mtime_ns, size)
changes. Serialised lines are cached per record, so one edit re-encodes one record.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from store.errors import ConflictMarkers, NewerSchema, SaveFailed, UnreadableFile, UnsafeFile
from store.i18n import _, ngettext
from store.schema import SCHEMA_VERSION, TABLE_NAMES
from store.strictjson import check_document

if TYPE_CHECKING:
    from filelock import BaseFileLock

META_TABLE = "_meta"
META_ID = "1"
Tables = dict[str, dict[str, dict[str, Any]]]
_CONFLICT_PREFIXES = (b"<<<<<<< ", b"=======", b">>>>>>> ", b"||||||| ")


def empty_tables() -> Tables:
    tables: Tables = {name: {} for name in TABLE_NAMES}
    tables[META_TABLE] = {META_ID: {"schema": SCHEMA_VERSION}}
    return tables


def encode_line(record_id: str, record: dict[str, Any]) -> bytes:
    return orjson.dumps(record_id) + b": " + orjson.dumps(record, option=orjson.OPT_SORT_KEYS)


def _encode_table(name: str, lines: Iterable[bytes]) -> bytes:
    body = b",\n".join(lines)
    head = orjson.dumps(name) + b": {"
    return head + b"\n" + body + b"\n}" if body else head + b"}"


def encode_document(tables: Tables) -> bytes:
    """The canonical bytes of a whole document (used by merge and by a full save)."""
    parts = [
        _encode_table(name, (encode_line(rid, rec) for rid, rec in sorted(tables[name].items())))
        for name in sorted(tables)
    ]
    return b"{\n" + b",\n".join(parts) + b"\n}\n"


def find_conflict_marker(raw: bytes) -> int | None:
    """The 1-based line of the first git conflict marker, if any."""
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.startswith(_CONFLICT_PREFIXES):
            return number
    return None


def line_of(raw: bytes, record_id: str) -> int | None:
    """The 1-based line on which a record starts (for error messages)."""
    at = raw.find(orjson.dumps(record_id) + b":")
    return None if at < 0 else raw.count(b"\n", 0, at) + 1


def decode_document(raw: bytes, path: Path, *, strict: bool = True) -> Tables:
    """Parse and check the structure; raise a typed error naming the file and line.

    ``strict`` (the default) also refuses a key given twice and values nested deeper than
    the file can be written back (see store.strictjson); a merge base, whose values never
    reach the result, is read without it.
    """
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        marker = find_conflict_marker(raw)
        if marker is not None:
            raise ConflictMarkers(path, conflict_marker_reason(path), marker) from None
        if "depth" in error.msg or "recursion" in error.msg:
            words = _("nests values deeper than alinea reads (damaged or hostile)")
            raise UnreadableFile(path, words, error.lineno) from None
        # the JSON parser's own words stay as it says them
        raise UnreadableFile(path, _("is not valid JSON ({error})").format(error=error.msg), error.lineno) from None
    if not isinstance(data, dict):
        raise UnreadableFile(path, _("is not a JSON object of tables"), 1)
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            words = _("table {name} is not an object of records").format(name=repr(name))
            raise UnreadableFile(path, words, line_of(raw, name))
    meta = data.get(META_TABLE, {}).get(META_ID)
    if meta is None:
        if not data:
            words = _(
                "holds no tables, so it is not a whole workspace file (emptied or damaged); nothing is read from it:"
                " bring the last good version back with `git checkout -- {file}`"
            ).format(file=path.name)
        else:
            words = _(
                "has no {table} table, so it is not a whole workspace file (emptied or damaged); nothing is read"
                " from it: bring the last good version back with `git checkout -- {file}`"
            ).format(table=META_TABLE, file=path.name)
        raise UnreadableFile(path, words, 1)
    schema = meta.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA_VERSION:
        raise NewerSchema(
            path,
            _("was written by a newer alinea (schema {schema}, this one reads {version}); upgrade alinea").format(
                schema=schema, version=SCHEMA_VERSION
            ),
        )
    if strict:
        check_document(raw, data, path)
    data = migrate(data, schema)
    missing = [name for name in TABLE_NAMES if name not in data]
    if missing:
        raise UnreadableFile(
            path,
            ngettext(
                "lacks the {tables} table (damaged); nothing is read from it: bring the last good version back"
                " with `git checkout -- {file}`",
                "lacks the {tables} tables (damaged); nothing is read from it: bring the last good version back"
                " with `git checkout -- {file}`",
                len(missing),
            ).format(tables=", ".join(missing), file=path.name),
        )
    return data


def conflict_marker_reason(path: Path) -> str:
    """What to do about conflict markers: a rebase left half done needs other words than a merge."""
    from store.paths import rebase_in_progress

    if rebase_in_progress(path.parent):
        return _(
            "has git conflict markers from a `git rebase` (e.g. `git pull --rebase`) that stopped half way:"
            " run `git rebase --abort`, then `alinea sync`, which merges record by record"
        )
    return _("has git conflict markers (an unfinished merge)")


# Pure, deterministic migrations: MIGRATIONS[n] turns a schema-n document into schema n+1.
# Each writes every new field with its default into every record, so a migrated file has
# the same bytes whichever clone migrated it.
_SCHEMA_2_FIELDS: dict[str, dict[str, Any]] = {
    "meetings": {"started_at": None, "started_by": "", "ended_at": None, "paused_at": None, "paused_seconds": 0},
    "agenda_items": {
        "standing": False, "carried_from": None, "feedback_id": None, "started_at": None, "ended_at": None,
    },
    "tasks": {"feedback_id": None},
}


def _to_schema_2(data: Tables) -> Tables:
    """Schema 2: a meeting's run, standing and carried agenda items, tasks made from feedback."""
    migrated = dict(data)
    for table, defaults in _SCHEMA_2_FIELDS.items():
        migrated[table] = {rid: {**defaults, **record} for rid, record in data.get(table, {}).items()}
    return migrated


MIGRATIONS: dict[int, Any] = {1: _to_schema_2}


def migrate(data: Tables, schema: int) -> Tables:
    while schema < SCHEMA_VERSION:
        data = MIGRATIONS[schema](data)
        schema += 1
    data[META_TABLE] = {META_ID: {"schema": SCHEMA_VERSION}}
    return data


def _file_schema(raw: bytes) -> int | None:
    """The schema number the file on disk says (its _meta block is the first table)."""
    head = raw[: raw.find(b"}") + 1] if raw.startswith(b'{\n"_meta"') else b""
    found = head.rsplit(b'"schema":', 1)
    try:
        return int(found[1].strip(b" }\n")) if len(found) == 2 else None
    except ValueError:
        return None


def write_atomically(path: Path, payload: bytes) -> None:
    """Temp file in the same folder, flush, fsync, replace, fsync the folder.

    The new file keeps the old one's permissions (a chmod 600 stays 600). An OS error (disk
    full, no permission, an immutable file) raises SaveFailed naming the file and the cause;
    the old file is then untouched and no temp file is left behind.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        try:
            mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            mode = None
        with open(tmp, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError as error:
        _remove_quietly(tmp)
        raise SaveFailed(
            _("could not save {path}: {error}; the file is as it was").format(path=path, error=error.strerror or error)
        ) from None
    except BaseException:
        _remove_quietly(tmp)
        raise


def _remove_quietly(tmp: Path) -> None:
    try:
        tmp.unlink(missing_ok=True)
    except OSError:
        pass  # e.g. an immutable folder, where the temp file could not be made either


def read_regular(path: Path) -> bytes:
    """The bytes of the workspace file, refusing a symbolic link or anything but a regular file."""
    return read_with_signature(path)[0]


def read_with_signature(path: Path) -> tuple[bytes, tuple[int, int, int]]:
    """The bytes of the workspace file and the (inode, mtime_ns, size) of the very file they came from,
    refusing a symbolic link or anything but a regular file.

    A link committed by a teammate (``alinea.json -> ../private/alinea.json``) would make
    alinea read, and later commit and push, another file. Opened with O_NOFOLLOW, so a link
    swapped in at any moment is refused too. OS errors become UnreadableFile in words.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        if error.errno == errno.ELOOP or path.is_symlink():
            raise UnsafeFile(
                path, _("is a symbolic link; alinea reads only a regular file, never what a link points to")
            ) from None
        raise UnreadableFile(path, _("cannot be read ({error})").format(error=error.strerror or error)) from None
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):
            raise UnsafeFile(path, _("is not a regular file; alinea reads only a regular file"))
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return handle.read(), (found.st_ino, found.st_mtime_ns, found.st_size)
    except OSError as error:
        raise UnreadableFile(path, _("cannot be read ({error})").format(error=error.strerror or error)) from None
    finally:
        os.close(descriptor)


def file_lock(path: Path, timeout: float) -> BaseFileLock:
    """An inter-process lock on ``path`` (held per thread: threads exclude each other too)."""
    from filelock import FileLock

    return FileLock(path, timeout=timeout)


def lock_path_for(path: Path) -> Path:
    """The save/sync lock lives under .git/ so it is never committed."""
    git_dir = path.parent / ".git"
    return git_dir / "alinea.lock" if git_dir.is_dir() else path.with_name(f".{path.name}.lock")


#: Bump when the strict check (store.strictjson) starts refusing something new: stamps written
#: before then no longer vouch for a file.
STRICT_CHECK_VERSION = 1
CHECKED_STAMP = "alinea.checked"


def _checked_stamp(path: Path) -> Path | None:
    """Where the stamp of the last strictly checked file lives: under .git/, never committed."""
    git_dir = path.parent / ".git"
    return git_dir / CHECKED_STAMP if git_dir.is_dir() else None


def _stamp_text(path: Path, signature: tuple[int, int, int]) -> str:
    return f"{path.name} {' '.join(map(str, signature))} schema {SCHEMA_VERSION} check {STRICT_CHECK_VERSION}\n"


def was_checked(path: Path, signature: tuple[int, int, int]) -> bool:
    """Whether exactly this file (same inode, mtime and size) passed the strict check.

    A change of the file (a save, a git checkout or pull, an edit by hand) gives it another
    inode or mtime. File times tick coarsely (a few ms), so, as git does for its index, a stamp
    written in the same tick as the file's mtime vouches for nothing: an edit in that tick
    would keep the mtime. The next open then checks again and stamps later.
    """
    stamp = _checked_stamp(path)
    if stamp is None:
        return False
    try:
        return stamp.read_text() == _stamp_text(path, signature) and signature[1] < stamp.stat().st_mtime_ns
    except (OSError, UnicodeDecodeError):
        return False


def mark_checked(path: Path, signature: tuple[int, int, int] | None) -> None:
    """Remember that the file with ``signature`` passed the strict check (best effort: a stamp
    that cannot be written only means the next open checks again)."""
    stamp = _checked_stamp(path)
    if stamp is None or signature is None:
        return
    try:
        stamp.write_text(_stamp_text(path, signature))
    except OSError:
        pass


def file_signature(path: Path) -> tuple[int, int, int] | None:
    try:
        found = path.lstat()  # a link swapped in counts as a change, and is then refused on reading
    except FileNotFoundError:
        return None
    return (found.st_ino, found.st_mtime_ns, found.st_size)


def table_blocks(raw: bytes, data: Tables) -> dict[str, bytes]:
    """Each table's block of a canonical file, as it is, so a save need not re-encode it.

    A raw newline never occurs inside JSON strings, so ``\n"<table>": {`` can only be a
    table's head. In a canonical file the tables stand in sorted order and each block ends
    where ``,\n`` and the next head begin, so one pass over the file finds them all. A file
    laid out any other way (edited by hand) gives no blocks: the next save encodes it afresh.
    """
    spans = block_spans(raw, data)
    return {name: raw[start:end] for name, (start, end) in spans.items()}


def block_spans(raw: bytes, names: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Where each table's block stands in a canonical file holding exactly the tables ``names``
    (see ``table_blocks``); empty when the file is laid out otherwise."""
    names = sorted(names)
    starts: list[int] = []
    position = 0
    for name in names:
        at = raw.find(b"\n" + orjson.dumps(name) + b": {", position)
        if at < 0:
            return {}
        position = at + 1
        starts.append(position)
    ends = [start - 2 for start in starts[1:]] + [len(raw) - 3]
    spans: dict[str, tuple[int, int]] = {}
    for name, start, end in zip(names, starts, ends, strict=True):
        separator = raw[end : end + 3] if name == names[-1] else raw[end : end + 2]
        if separator not in (b",\n", b"\n}\n") or not raw.endswith((b"\n}", b": {}"), start, end):
            return {}
        spans[name] = (start, end)
    return spans


def block_value(name: str, block: bytes) -> bytes:
    """The JSON object of a table's block, without its ``"<name>": `` head."""
    return block[len(orjson.dumps(name)) + 2 :]


def block_lines(block: bytes) -> dict[str, bytes]:
    """The record lines of a table block, by id."""
    lines = {}
    for line in block.split(b"\n")[1:-1]:
        body = line[:-1] if line.endswith(b",") else line
        lines[body[1 : body.index(b'"', 1)].decode()] = body
    return lines


class CanonicalStorage(Storage):
    """A TinyDB Storage that writes the canonical file atomically and caches reads."""

    #: a sync holds the lock through its fetch, merge and pushes: a save waits that long
    LOCK_TIMEOUT = 300.0

    def __init__(self, path: str | os.PathLike[str], lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = Path(path)
        self._lock_timeout = lock_timeout
        self._lock: BaseFileLock | None = None
        self._lock_made = threading.Lock()
        self._data: Tables | None = None
        self._raw: bytes = b""
        self._signature: tuple[int, int, int] | None = None
        #: the bytes ``read_first`` parsed part of, and their signature
        self._first: tuple[bytes, tuple[int, int, int]] | None = None
        #: encoded block of each table, valid for the data last read or written (once indexed)
        self._blocks: dict[str, bytes] = {}
        self._indexed = True
        #: encoded line of each record, for the tables edited since the last load
        self._lines: dict[str, dict[str, bytes]] = {}
        self._dirty: set[tuple[str, str]] = set()
        #: bumped whenever the data is (re)loaded from disk, not on our own saves
        self.generation = 0
        #: inside ``one_save``: how deep, and the data its writes left to save at its end
        self._holding = 0
        self._held: Tables | None = None

    @property
    def lock(self) -> BaseFileLock:
        """The save lock, made on first use: importing filelock costs the app's first frame ~7 ms."""
        with self._lock_made:  # one lock object per storage, whichever thread asks first
            if self._lock is None:
                self._lock = file_lock(lock_path_for(self.path), self._lock_timeout)
            return self._lock

    # -- TinyDB's Storage interface -------------------------------------------------
    def read(self) -> Tables | None:
        signature = file_signature(self.path)
        if signature is None:
            return None
        if signature != self._signature or self._data is None:
            self._load(signature)
        return self._data

    def read_first(self, names: Iterable[str]) -> dict[str, bytes] | None:
        """The blocks of the tables ``names`` only (``table_blocks``), for the Workspace to parse and
        validate on their own: on a large file a fraction of the whole parse. None where they cannot
        stand for the whole parse: the file was never strictly checked (``was_checked``: no key
        given twice, no nesting too deep), has another schema, or is laid out otherwise than alinea
        saves it; ``read()`` then parses all of it, and says what is wrong. The Workspace validates
        the rest, from ``read()``, before any write, and keeps these tables only where ``block``
        then finds the same bytes.
        """
        raw, signature = read_with_signature(self.path)
        if not was_checked(self.path, signature) or _file_schema(raw) != SCHEMA_VERSION:
            return None
        spans = block_spans(raw, [META_TABLE, *TABLE_NAMES])
        if not spans:
            return None
        self._first = raw, signature  # the whole parse reads these bytes, if the file is still them
        return {name: raw[spans[name][0] : spans[name][1]] for name in names if name in spans}

    def block(self, name: str) -> bytes | None:
        """A table's block in the bytes ``read()`` last parsed (None in a file laid out otherwise)."""
        self.index_blocks()
        return self._blocks.get(name)

    def write(self, data: Tables) -> None:
        if self._holding:  # saved once, at the end of ``one_save``
            self._held = self._data = data
            return
        with self.lock:
            payload = self._encode(data)
            write_atomically(self.path, payload)
            self._data, self._raw = data, payload
            self._signature = file_signature(self.path)
            # Canonical bytes encoded here from checked data: no key twice, no nesting it cannot write.
            mark_checked(self.path, self._signature)

    def close(self) -> None:  # no handle is ever held open
        pass

    # -- alinea's additions ---------------------------------------------------------
    @contextmanager
    def one_save(self) -> Iterator[None]:
        """Writes inside are kept in memory and saved once, at the end, in one atomic replace: a
        change of several records (a meeting runner's step) is on disk whole or not at all, even
        if the machine stops halfway. Should a write inside fail, what came before it is saved.
        Call it holding the save lock (the Workspace's transaction does)."""
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
            if not self._holding and self._held is not None:
                data, self._held = self._held, None
                self.write(data)

    @property
    def signature(self) -> tuple[int, int, int] | None:
        """(inode, mtime_ns, size) of the file the data held now was read from or written to."""
        return self._signature

    def changed_on_disk(self) -> bool:
        return file_signature(self.path) != self._signature

    def mark_dirty(self, table: str, record_id: str) -> None:
        """Say which record the next write changes, so only its line is re-encoded."""
        self._dirty.add((table, record_id))

    def line_of(self, record_id: str) -> int | None:
        return line_of(self._raw, record_id)

    def _load(self, signature: tuple[int, int, int]) -> None:
        first, self._first = self._first, None
        raw, read = first if first is not None and first[1] == signature else read_with_signature(self.path)
        # The strict check (~40 ms on a large file) is skipped for a file it already passed.
        checked = was_checked(self.path, read)
        self._data = decode_document(raw, self.path, strict=not checked)
        if not checked:
            mark_checked(self.path, read)
        self._raw = raw
        self._signature = signature
        self._blocks, self._lines, self._indexed = {}, {}, False
        self._dirty.clear()
        self.generation += 1

    def index_blocks(self) -> None:
        """Find each table's block in the bytes last read (one pass, ~12-20 ms on a large file),
        so the first save costs what any save does. The Workspace calls it once the file is
        validated (after the app has shown the first tables); a save calls it if nobody did.
        A migrated file's blocks are stale: its first save encodes every table afresh."""
        if self._indexed or self._data is None:
            return
        self._indexed = True
        migrated = self._data[META_TABLE][META_ID]["schema"] != _file_schema(self._raw)
        self._blocks = {} if migrated else table_blocks(self._raw, self._data)

    def _encode(self, data: Tables) -> bytes:
        """Re-encode only the dirty records and their tables; reuse every other block."""
        self.index_blocks()
        dirty, self._dirty = self._dirty, set()
        if not dirty:  # a write through TinyDB's own API: we cannot tell what changed
            self._blocks, self._lines = {}, {}
        for name in {table for table, _record in dirty}:
            touched = {rid for table, rid in dirty if table == name}
            lines = self._lines.get(name)
            if lines is None:
                lines = block_lines(self._blocks[name]) if name in self._blocks else {}
                if lines.keys() - touched != data.get(name, {}).keys() - touched:
                    lines = {rid: encode_line(rid, rec) for rid, rec in data.get(name, {}).items()}
            for table, rid in dirty:
                if table != name:
                    continue
                if rid in data[name]:
                    lines[rid] = encode_line(rid, data[name][rid])
                else:
                    lines.pop(rid, None)
            self._lines[name] = lines
            self._blocks[name] = _encode_table(name, (lines[rid] for rid in sorted(lines)))
        for name in data.keys() - self._blocks.keys():
            self._blocks[name] = _encode_table(name, (encode_line(r, d) for r, d in sorted(data[name].items())))
        for name in self._blocks.keys() - data.keys():
            del self._blocks[name]
        return b"{\n" + b",\n".join(self._blocks[name] for name in sorted(data)) + b"\n}\n"


class RecordTable(Table):
    """A TinyDB table keyed by uuid4-hex strings, never TinyDB's integer counter.

    Integer ids collide across clones and are reused after deletes; uuids do neither.
    """

    document_id_class = str  # type: ignore[assignment]  # TinyDB's stubs assume integer ids

    def _get_next_id(self) -> str:
        return uuid.uuid4().hex

    def put(self, records: Iterable[tuple[str, dict[str, Any]]]) -> None:
        """Insert or replace whole records by id, in one atomic save."""
        storage = self._storage
        tables = storage.read()
        if tables is None:
            tables = empty_tables()
        table = tables.setdefault(self.name, {})
        for record_id, record in records:
            table[record_id] = record
            if isinstance(storage, CanonicalStorage):
                storage.mark_dirty(self.name, record_id)
        storage.write(tables)
        self.clear_cache()


class AlineaDB(TinyDB):
    table_class = RecordTable


def open_database(path: Path) -> AlineaDB:
    return AlineaDB(path, storage=CanonicalStorage)


def create_file(path: Path) -> None:
    """Write an empty workspace file (refuses to replace an existing one)."""
    if path.exists():
        raise FileExistsError(path)
    write_atomically(path, encode_document(empty_tables()))
