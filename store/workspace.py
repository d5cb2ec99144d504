"""Workspace: the one facade the UI and the CLI use.

Typed create / update / delete (tombstones) per table, queries, undo, and change events.
It maintains the common fields (created/updated at and by, rev) itself, validates every
value through the models, and checks that ids refer to live records.
"""

from __future__ import annotations

import subprocess
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from store import identity
from store.errors import (
    AmbiguousId,
    InvalidInput,
    InvalidRecord,
    NotAWorkspace,
    ReadOnlyWorkspace,
    RecordNotFound,
    UnknownField,
    WorkspaceBusy,
    WorkspaceFileError,
)
from store.i18n import DEFAULT_LANGUAGE, _, language
from store.schema import TABLE_NAMES
from store.storage import META_TABLE, AlineaDB, CanonicalStorage, RecordTable, block_value, open_database
from store.validation_words import validation_words

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError

    from store.board_preview import BoardPreview
    from store.models import Member, Record

DATA_FILE = "alinea.json"
UNDO_DEPTH = 100
#: what the Board and the header read: the app validates these first when it opens a workspace
#: (``load(first=...)``), shows them, and validates the rest just after (``finish_load``)
FIRST_TABLES = ("members", "tasks", "conflicts")
MIN_PREFIX = 4

ChangeKind = Literal["created", "updated", "deleted", "undone", "reloaded"]


@dataclass(frozen=True)
class Change:
    """What a subscriber is told after each change (``reloaded``: anything may have changed)."""

    kind: ChangeKind
    table: str | None = None
    record_id: str | None = None


@dataclass(frozen=True)
class _Pending:
    """Between ``load(first=...)`` and ``finish_load()``: the first tables as parsed (to check
    against the whole file's parse), and the records to fall back on should the file be bad."""

    first: dict[str, Any]  # each table's block (bytes) or parsed table (dict)
    before: dict[str, dict[str, Record]]


@dataclass(frozen=True)
class _UndoStep:
    table: str
    before: Record | None  # None: the change created the record
    after: Record


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class UndoRefused(InvalidInput):
    """Undo would put my old value over one a teammate set since; it is left as they set it."""


class FieldErrors(InvalidInput):
    """Invalid values, keyed by field, so a form can show each under its field."""

    def __init__(self, table: str, errors: dict[str, str]) -> None:
        self.table = table
        self.errors = errors
        super().__init__("; ".join(_sentence(field, message) for field, message in errors.items()))


def _sentence(field: str, message: str) -> str:
    """ "direction must be one of: …" reads as a sentence; other messages follow a colon."""
    return f"{field} {message}" if message.startswith("must ") else _("{field}: {message}").format(
        field=field, message=message
    )


def _choices(model: type[Record], field: str) -> list[str]:
    """The words an enum field accepts, in the order the model declares them."""
    from enum import Enum
    from typing import get_args

    annotation = model.model_fields[field].annotation if field in model.model_fields else None
    for kind in (annotation, *get_args(annotation)):
        if isinstance(kind, type) and issubclass(kind, Enum):
            return [str(member.value) for member in kind]
    return []


def model_of(table: str) -> type[Record]:
    """The model of a table. pydantic is imported here, on first use, not when this module
    is: the app paints its first frame before anything is validated."""
    from store.models import MODELS

    return MODELS[table]


def _field_errors(table: str, error: ValidationError) -> FieldErrors:
    errors: dict[str, str] = {}
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else "record"
        message = validation_words(item)
        choices = _choices(model_of(table), field) if item["type"] == "enum" else []
        if choices:  # pydantic says "Input should be 'a' or 'b'": say which words work
            message = _("must be one of: {choices}").format(choices=", ".join(choices))
        errors.setdefault(field, message)
    return FieldErrors(table, errors)


class Workspace:
    """A workspace folder: ``alinea.json`` inside a git repository."""

    def __init__(
        self,
        folder: Path,
        *,
        who: str | None = None,
        clock: Callable[[], datetime] = utc_now,
        defer_load: bool = False,
    ) -> None:
        """Open the workspace in ``folder``.

        ``defer_load``: read nothing yet; call ``load()`` later (the app paints its first
        frame first and loads a large file in a worker).
        """
        self.folder = Path(folder).resolve()
        self.path = self.folder / DATA_FILE
        if not self.path.is_file():
            raise NotAWorkspace(
                _("{folder} holds no {file}: create one with `alinea init {given}`").format(
                    folder=self.folder, file=DATA_FILE, given=folder
                )
            )
        self.clock = clock
        self._who = who
        self._given_who = who
        self._identity: identity.GitIdentity | None = None
        self._read_only_reason: str | None = None
        self.error: WorkspaceFileError | None = None
        self.db: AlineaDB = open_database(self.path)
        self.storage: CanonicalStorage = self.db.storage  # type: ignore[assignment]
        self._records: dict[str, dict[str, Record]] = {}
        self._generation = -1
        #: set between ``load(first=...)`` and ``finish_load()``: the rest of the file is not validated yet
        self._pending: _Pending | None = None
        #: the Board's cards shown before the file is validated (``preview_board``), until its records are in
        self.preview: BoardPreview | None = None
        self._undo: list[_UndoStep] = []
        self._listeners: list[Callable[[Change], None]] = []
        #: changes told only at the end of ``changes_held``, when set
        self._held: list[Change] | None = None
        self._write_lock = threading.RLock()
        if not defer_load:
            self._load()

    @property
    def loaded(self) -> bool:
        """The whole file is read and validated (or found bad: then ``error`` says why)."""
        return (self._generation >= 0 and self._pending is None) or self.error is not None

    def ready(self, *tables: str) -> bool:
        """Whether these tables' records are validated and in (before ``finish_load``, only the
        first tables are); with no table, whether the workspace is ``loaded``."""
        pending = self._pending
        if self.loaded or not tables or pending is None:
            return self.loaded
        return all(table in pending.first for table in tables)

    def load(self, first: Iterable[str] = ()) -> None:
        """Read and validate the file now (for a Workspace opened with ``defer_load``).

        ``first``: validate only these tables now, so they can be shown sooner; the rest is
        validated by ``finish_load()``, which every write calls first: nothing is written
        before the whole file is validated, and a bad record anywhere still makes the
        workspace read-only.
        """
        self._load(tuple(first))
        self._emit(Change("reloaded"))

    def preview_board(self) -> BoardPreview | None:
        """For a Workspace opened with ``defer_load``: the Board's cards kept when this very file
        was last validated (store.board_cache), else read from the file's bytes where the storage
        vouches for them (store.board_preview), without validating a record.
        Kept in ``preview`` (and told as a change) until ``finish_load`` validates the file; None
        where there is no such preview: then ``load(first=...)`` shows the Board sooner."""
        from store.board_cache import cached_board  # imported by the app's worker, not by every command
        from store.board_preview import PREVIEW_TABLES, board_preview

        if self._generation >= 0 or self._pending is not None:
            return None
        preview = cached_board(self.path)  # the cards kept when this very file was last validated
        if preview is None:
            try:
                blocks = self.storage.read_first(PREVIEW_TABLES)
            except WorkspaceFileError:
                return None  # the load says what is wrong, in its own words
            preview = board_preview(blocks) if blocks is not None else None
        self.preview = preview
        if preview is not None:
            self._emit(Change("reloaded"))
        return preview

    def keep_board(self) -> None:
        """Keep the Board's cards for the next open (store.board_cache), when the records held
        are exactly the file on disk, all validated."""
        from store.board_cache import keep_board

        signature = self.storage.signature
        if not self.loaded or self.error is not None or signature is None or self.storage.changed_on_disk():
            return
        names = {member.id: member.name for member in self.records("members", include_deleted=True)}
        keep_board(self.path, signature, self.records("tasks"), names)

    def finish_load(self) -> None:
        """Read the whole file and validate what ``load(first=...)`` left, or all of it after
        ``preview_board``. A bad file makes the workspace read-only (showing none of its records,
        as a bad file's first open does)."""
        with self._write_lock:
            pending = self._pending
            if pending is None:
                if self._generation < 0 and self.error is None:  # only previewed: validate it all now
                    self._load()
                    self._emit(Change("reloaded"))
                return
            error: WorkspaceFileError | None = None
            try:
                tables = self.storage.read() or {}
                # The first tables, parsed on their own, are kept where the whole parse read the very
                # same block or table (as for any file alinea wrote), and validated again where not.
                kept = {name for name, first in pending.first.items() if self._still(name, first, tables)}
                rest = self._validate({name: docs for name, docs in tables.items() if name not in kept})
                records = {**{name: self._records[name] for name in kept}, **rest}
                self.storage.index_blocks()
            except WorkspaceFileError as bad:
                records, error = pending.before, bad
            # The UI thread reads without the lock: the records first, then "loaded"
            self._records, self.error = records, error
            self._generation = self.storage.generation
            self._pending = None
            self.preview = None
        self._emit(Change("reloaded"))

    # -- opening and reloading --------------------------------------------------------
    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def read_only(self) -> bool:
        return self._read_only_reason is not None or self.error is not None

    @property
    def read_only_reason(self) -> str | None:
        """Why writes are refused, in words; None when they are not."""
        if self.error is not None:
            return _("its file cannot be used: {error}").format(error=self.error)
        return self._read_only_reason

    def make_read_only(self, reason: str) -> None:
        """Refuse every write from now on, saying ``reason`` (e.g. another window holds the workspace)."""
        self._read_only_reason = reason

    @property
    def who(self) -> str:
        """The git identity that records edits (user.email, else user.name)."""
        if self._who is None:
            self._who = self.identity.who
        return self._who

    @property
    def identity(self) -> identity.GitIdentity:
        """This clone's git identity (read once; ``identify_as`` reads it again)."""
        if self._identity is None:
            self._identity = identity.read_identity(self.folder)
        return self._identity

    def identify_as(self, name: str) -> None:
        """On a machine without a git email, make ``name`` this clone's identity (see ``me``)."""
        identity.remember_name(self.folder, name)
        self._who = self._identity = None

    def _load(self, first: tuple[str, ...] = ()) -> None:
        """Read and validate the file (only the ``first`` tables, if given: see ``load``).
        A bad file leaves the workspace read-only, never empty.

        The UI thread reads without the lock: ``loaded`` turns true only once the records are in.
        """
        if first:
            try:
                records, pending = self._load_first(first)
                self._pending, self._records = pending, records
                self.error = None
                self._generation = max(self._generation, self.storage.generation)
                self.preview = None
                return
            except WorkspaceFileError:
                pass  # read all of it, as any open would, to say what is wrong
        unfinished = self._pending
        try:
            tables = self.storage.read() or {}
            self._records = self._validate(tables)
            self.storage.index_blocks()
            self.error = None
        except WorkspaceFileError as error:
            if unfinished is not None:  # the first tables alone were never a whole good file
                self._records = unfinished.before
            self.error = error
            if self.storage.generation == self._generation:
                self._pending = self.preview = None
                return  # keep showing the last good data
        self._generation = self.storage.generation
        self._pending = self.preview = None

    def _still(self, name: str, first: Any, tables: dict[str, Any]) -> bool:
        """Whether the whole parse holds the same ``name`` table as the one validated first."""
        if isinstance(first, bytes):
            return self.storage.block(name) == first
        return tables.get(name) is first or tables.get(name) == first

    def _load_first(self, first: tuple[str, ...]) -> tuple[dict[str, dict[str, Record]], _Pending]:
        """The ``first`` tables validated, from their own blocks where the storage vouches for them
        (pydantic parses and validates each block in one pass), else from the whole parse."""
        blocks = self.storage.read_first(first)
        if blocks is not None:
            try:
                values = {name: block_value(name, block) for name, block in blocks.items()}
                return self._validate(values), _Pending(dict(blocks), self._records)
            except (WorkspaceFileError, ValueError, IndexError):
                pass  # the whole parse says what is wrong, in its own words
        tables = self.storage.read() or {}
        firsts = {name: tables[name] for name in first if name in tables}
        return self._validate(firsts), _Pending(dict(firsts), self._records)

    def _validate(self, tables: dict[str, Any]) -> dict[str, dict[str, Record]]:
        """Each table's records, from a table parsed (a dict) or its JSON text (bytes)."""
        from pydantic import ValidationError

        records: dict[str, dict[str, Record]] = {}
        for name, docs in tables.items():
            if name == META_TABLE:
                continue
            if name not in TABLE_NAMES:
                raise InvalidRecord(
                    self.path, _("unknown table {name}").format(name=repr(name)), self.storage.line_of(name)
                )
            model = model_of(name)
            try:
                adapter = _adapter(model)
                records[name] = (
                    adapter.validate_json(docs) if isinstance(docs, bytes) else adapter.validate_python(docs)
                )
            except ValidationError as error:
                record_id = str(error.errors()[0]["loc"][0])
                first = error.errors()[0]
                field = ".".join(str(part) for part in first["loc"][1:]) or "record"
                raise InvalidRecord(
                    self.path,
                    _("{table} record {id} is invalid: {field}: {message}").format(
                        table=name, id=record_id, field=field, message=validation_words(first, value_error_prefix=True)
                    ),
                    self.storage.line_of(record_id),
                ) from None
            for record_id, record in records[name].items():
                if record.id != record_id:
                    raise InvalidRecord(
                        self.path,
                        _("{table} record {id} carries id {other}").format(table=name, id=record_id, other=record.id),
                        self.storage.line_of(record_id),
                    )
        return records

    def reload_if_changed(self) -> bool:
        """Pick up an outside change of the file (a git pull). True if anything was reloaded."""
        if not self.storage.changed_on_disk() and self.error is None:
            return False
        before = self.storage.generation
        self._load()
        if self.storage.generation == before:
            return False
        self._emit(Change("reloaded"))
        return True

    def check(self) -> None:
        """Validate the file as it is on disk now; raise the typed error if it is bad."""
        if not self.loaded or self.storage.changed_on_disk():
            self._load()  # otherwise the open already validated exactly these bytes
        if self.error is not None:
            raise self.error

    # -- change events ----------------------------------------------------------------
    def subscribe(self, listener: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``listener`` after every change; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, change: Change) -> None:
        if self._held is not None:
            self._held.append(change)
            return
        for listener in list(self._listeners):
            listener(change)

    @contextmanager
    def changes_held(self) -> Iterator[None]:
        """Tell the changes made inside only at its end, in order: the app reads the file while
        git's processes claim the workspace beside it, and shows the data once both are done."""
        held: list[Change] = []
        self._held = held
        try:
            yield
        finally:
            self._held = None
            for change in held:
                self._emit(change)

    # -- queries ----------------------------------------------------------------------
    def records(self, table: str, *, include_deleted: bool = False) -> list[Any]:
        """Records of a table, ordered by position where the table has one, else by creation."""
        found = self._records.get(table)
        if not found:
            return []
        rows: list[Any] = [r for r in found.values() if include_deleted or not r.deleted]
        if "position" in model_of(table).model_fields:
            rows.sort(key=lambda r: (r.position, r.created_at, r.id))
        else:
            rows.sort(key=lambda r: (r.created_at, r.id))
        return rows

    def count(self, table: str) -> int:
        return sum(1 for r in self._records.get(table, {}).values() if not r.deleted)

    def get(self, table: str, record_id: str) -> Any:
        try:
            return self._records[table][record_id]
        except KeyError:
            raise RecordNotFound(_("no {table} record with id {id}").format(table=table, id=record_id)) from None

    def lookup(self, table: str, record_id: str) -> Any | None:
        """A record by id, deleted or not, or None (for showing old references by name)."""
        return self._records.get(table, {}).get(record_id)

    def stored(self, records: Iterable[Record]) -> list[dict[str, Any]]:
        """Records as they are in the file: JSON types, every field (cheaper than to_json)."""
        tables = self.storage.read() or {}
        return [tables.get(record.TABLE, {}).get(record.id) or record.to_json() for record in records]

    def find(self, prefix: str, table: str | None = None) -> Record:
        """A record by its id or any unique prefix of at least 4 characters."""
        prefix = prefix.strip().lower()
        if len(prefix) < MIN_PREFIX:
            raise InvalidInput(
                _("an id prefix needs at least {count} characters, got {prefix}").format(
                    count=MIN_PREFIX, prefix=repr(prefix)
                )
            )
        tables = [table] if table else list(TABLE_NAMES)
        hits = [
            record
            for name in tables
            for record_id, record in self._records.get(name, {}).items()
            if record_id.startswith(prefix)
        ]
        if not hits:
            raise RecordNotFound(_("no record with an id starting {prefix}").format(prefix=repr(prefix)))
        if len(hits) > 1:
            shown = ", ".join(f"{r.TABLE} {r.id[:12]}" for r in hits[:5])
            raise AmbiguousId(
                _("{count} records have ids starting {prefix} ({shown}): type more of the id").format(
                    count=len(hits), prefix=repr(prefix), shown=shown
                )
            )
        return hits[0]

    def member_by_email(self, email: str) -> Member | None:
        email = email.lower()
        for member in self.records("members"):
            if email and member.email == email:
                return member
        return None

    def departments(self) -> list[str]:
        """The departments in use, one spelling each, by name (suggestions for a department field)."""
        from store.departments import known_departments

        return known_departments(self._live(("members", "tasks", "objectives")))

    def _live(self, tables: Iterable[str], *, besides: str | None = None) -> dict[str, list[Record]]:
        """Live records of some tables, in file order (cheaper than ``records``: no sort)."""
        return {
            table: [r for r in self._records.get(table, {}).values() if not r.deleted and r.id != besides]
            for table in tables
        }

    def _settled(self, table: str, fields: dict[str, Any], current: Record | None) -> dict[str, Any]:
        """Departments as the team spells them, and a task's following its owner (store.departments)."""
        if table not in ("members", "tasks", "objectives"):
            return fields
        from store.departments import known_departments, settle_departments

        def owner_department(member_id: str) -> str:
            member: Any = self._records.get("members", {}).get(member_id)
            return member.department if member is not None and not member.deleted else ""

        besides = current.id if current is not None else None
        return settle_departments(
            table,
            fields,
            current=current,
            known=lambda: known_departments(self._live(("members", "tasks", "objectives"), besides=besides)),
            owner_department=owner_department,
        )

    @property
    def me(self) -> Member | None:
        """The member whose email (or name) is this clone's git identity."""
        given = self._given_who  # a Workspace opened as someone (the demo, tests)
        mine = identity.GitIdentity(name=given, email=given if "@" in given else "") if given else self.identity
        for member in self.records("members"):
            if identity.is_me(member, mine):
                return member
        return None

    def recognise_me(self) -> Member | None:
        """Call when the workspace opens for writing: keep me the member I was.

        When git's identity has gained (or changed) its email since the welcome asked my
        name, the member of that name gets the email, so I am never asked twice and never
        added twice. Notes this clone's member in its .git/config. Returns me, if known.
        """
        if self.read_only or not self.loaded:
            return None
        mine = self.identity
        me = self.me
        if me is None:
            former = identity.former_me(self.records("members"), mine)
            if former is not None:
                me = self.update("members", former.id, email=mine.email)
                self._undo.pop()  # bookkeeping of the clone, not an edit of mine to undo
        if me is not None and me.id != mine.member_id and (self.folder / ".git").is_dir():
            try:
                identity.remember_member(self.folder, me.id)
            except (OSError, subprocess.SubprocessError):
                pass  # a read-only .git: recognised by name and email alone
            self._identity = None
        return me

    def suggested_member(self) -> tuple[str, str]:
        """Name and department to offer where the welcome asks who I am: git's user.name, and
        the team's department when it has only one."""
        departments = self.departments()
        return identity.suggested_name(self.identity), departments[0] if len(departments) == 1 else ""

    # -- writes -----------------------------------------------------------------------
    def create(self, table: str, *, new_id: str | None = None, **fields: Any) -> Any:
        """Validate and save a new record; returns it. Raises FieldErrors, nothing saved.

        ``new_id``: an id derived from what the record comes from (a carried agenda item),
        so that clones creating it offline create the same record; refused when taken.
        An ordered record (agenda item, task) given no position goes after its siblings.
        """
        model = self._writable_model(table, fields)
        with self._transaction():
            if new_id is not None and new_id in self._records.get(table, {}):
                raise InvalidInput(_("a {table} record with id {id} exists already").format(table=table, id=new_id))
            fields = self._settled(table, fields, None)
            if "position" in model.model_fields and not fields.get("position"):
                fields["position"] = self._after_siblings(table, fields)
            now = self.clock()
            common = {
                "id": new_id or uuid.uuid4().hex,
                "created_at": now,
                "created_by": self.who,
                "updated_at": now,
                "updated_by": self.who,
                "rev": 1,
                "deleted": False,
            }
            record = self._build(model, {**fields, **common})
            self._check_references(record, set(fields))
            self._save(table, [record], before=[None], kind="created")
        return record

    def update(self, table: str, record_id: str, **fields: Any) -> Any:
        """Change some fields of a record; returns the new version."""
        model = self._writable_model(table, fields)
        with self._transaction():
            current = self.get(table, record_id)
            fields = self._settled(table, fields, current)
            record = self._build(model, {**current.model_dump(), **fields, **self._bump(current)})
            if _same_data(current, record):
                return current
            self._check_references(record, {f for f in fields if getattr(current, f) != getattr(record, f)})
            self._save(table, [record], before=[current], kind="updated")
        return record

    def delete(self, table: str, record_id: str) -> Any:
        """Tombstone a record (it stays in the file, so a delete merges like any edit)."""
        with self._transaction():
            current = self.get(table, record_id)
            if current.deleted:
                return current
            record = current.model_copy(update={"deleted": True, **self._bump(current)})
            self._save(table, [record], before=[current], kind="deleted")
        return record

    def create_many(self, table: str, rows: Iterable[dict[str, Any]]) -> list[Any]:
        """Create many records in one save (imports, the demo, benchmarks). Not undoable."""
        return self.write_many(table, create=rows)[0]

    def write_many(
        self,
        table: str,
        *,
        create: Iterable[dict[str, Any]] = (),
        update: Iterable[tuple[str, dict[str, Any]]] = (),
    ) -> tuple[list[Any], list[Any]]:
        """Create some records and change others in one save (imports). Not undoable.

        ``update``: (record id, fields) pairs; a change that leaves a record as it was is
        skipped. Returns the created and the changed records. Any invalid value raises
        FieldErrors before anything is written.
        """
        self._require_writable()
        model = model_of(table)
        now = self.clock()
        created = []
        for fields in create:
            fields = dict(fields)
            stamp = fields.pop("created_at", now)
            common = {
                "id": fields.pop("id", None) or uuid.uuid4().hex,
                "created_at": stamp,
                "created_by": fields.pop("created_by", self.who),
                "updated_at": stamp,
                "updated_by": fields.pop("updated_by", self.who),
                "rev": 1,
                "deleted": False,
            }
            created.append(self._build(model, {**fields, **common}))
        with self._transaction():
            changed = []
            for record_id, fields in update:
                self._writable_model(table, fields)
                current = self.get(table, record_id)
                record = self._build(model, {**current.model_dump(), **fields, **self._bump(current)})
                if not _same_data(current, record):
                    changed.append(record)
            if created or changed:
                self._save(table, created + changed, before=None, kind="created" if created else "updated")
        return created, changed

    def undo(self) -> Change | None:
        """Undo the last change made through this Workspace; None when there is nothing to undo."""
        with self._transaction():
            if not self._undo:
                return None
            step = self._undo.pop()
            current = self.get(step.table, step.after.id)
            _refuse_undo_over_someone_else(step, current)
            if step.before is None:
                restored = current.model_copy(update={"deleted": True, **self._bump(current)})
            else:  # put back only what this step changed: a pulled edit of another field stays
                data = {
                    name: getattr(step.before, name)
                    for name in step.before.data_fields()
                    if getattr(step.before, name) != getattr(step.after, name)
                }
                restored = current.model_copy(update={**data, "deleted": step.before.deleted, **self._bump(current)})
            self._write(step.table, [restored])
        change = Change("undone", step.table, restored.id)
        self._emit(change)
        return change

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    # -- internals --------------------------------------------------------------------
    def _after_siblings(self, table: str, fields: dict[str, Any]) -> str:
        """A key after the last sibling: the meeting's items, the status column's cards."""
        from store.positions import SIBLING_FIELD, after_last

        model = model_of(table)
        key = SIBLING_FIELD.get(table)
        siblings: list[Any] = list(self._records.get(table, {}).values())
        if key is None:
            return after_last(r.position for r in siblings if not r.deleted)
        value = fields.get(key, model.model_fields[key].default)  # enums are StrEnums: "todo" matches
        return after_last(
            r.position for r in siblings if not r.deleted and getattr(r, key) == value
        )

    def _require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyWorkspace(_("the workspace is read-only: {reason}").format(reason=self.read_only_reason))

    def _writable_model(self, table: str, fields: dict[str, Any]) -> type[Record]:
        self._require_writable()
        model = model_of(table)
        allowed = set(model.data_fields())
        unknown = sorted(set(fields) - allowed)
        if unknown:
            raise UnknownField(
                _("{table} has no field {field}; its fields are: {fields}").format(
                    table=table, field=repr(unknown[0]), fields=", ".join(model.data_fields())
                )
            )
        return model

    def _build(self, model: type[Record], data: dict[str, Any]) -> Record:
        from pydantic import ValidationError

        try:
            return model.model_validate(data)
        except ValidationError as error:
            raise _field_errors(model.TABLE, error) from None

    def _bump(self, current: Record) -> dict[str, Any]:
        now = max(self.clock(), current.updated_at)
        return {"updated_at": now, "updated_by": self.who, "rev": current.rev + 1}

    def _check_references(self, record: Record, fields: set[str]) -> None:
        """Ids set by this change must name live records (old ones may name removed ones)."""
        errors: dict[str, str] = {}
        for field, target in record.REFS.items():
            if field not in fields:
                continue
            value = getattr(record, field)
            ids = value if isinstance(value, frozenset) else {value} if value else set()
            for record_id in ids:
                found = self._records.get(target, {}).get(record_id)
                if found is None or found.deleted:
                    errors[field] = _("no {table} record with id {id}").format(table=target, id=record_id)
        if errors:
            raise FieldErrors(record.TABLE, errors)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """Hold the save lock, then catch up with the file before reading what to change.

        A sync (or another process) may rewrite the file while this one waits for the lock:
        a change computed from the older data must never be saved over what it wrote.
        """
        from filelock import Timeout  # here, not at the top: the app paints before it saves

        try:
            with self._write_lock, self.storage.lock:
                if self.storage.changed_on_disk():
                    self._load()  # undo steps stay good: each puts back only the fields it changed
                else:
                    self.finish_load()  # nothing is written before the whole file is validated
                self._require_writable()
                yield
        except Timeout:
            raise WorkspaceBusy(
                _("{path} stayed locked by another alinea (a sync?) for {seconds:.0f} s; nothing was saved: try again")
                .format(path=self.path, seconds=self.storage.lock.timeout)
            ) from None

    @contextmanager
    def one_save(self) -> Iterator[None]:
        """The creates and updates inside reach the file together, in one durable save
        (``CanonicalStorage.one_save``); each is still its own step of undo."""
        with self._transaction(), self.storage.one_save():
            yield

    def _save(self, table: str, records: list[Record], before: list[Record | None] | None, kind: ChangeKind) -> None:
        """Write records and remember how to undo them (call inside a transaction)."""
        self._write(table, records)
        if before is not None:
            self._undo.extend(_UndoStep(table, old, new) for old, new in zip(before, records, strict=True))
            del self._undo[:-UNDO_DEPTH]
        if len(records) == 1:
            self._emit(Change(kind, table, records[0].id))
        else:
            self._emit(Change("reloaded", table))

    def _write(self, table: str, records: list[Record]) -> None:
        stored = self.db.table(table)
        assert isinstance(stored, RecordTable)
        stored.put((record.id, record.to_json()) for record in records)
        # Copy, then swap: the UI thread may be iterating the old dict while a worker saves.
        bucket = dict(self._records.get(table, {}))
        bucket.update((record.id, record) for record in records)
        self._records = {**self._records, table: bucket}


_ADAPTERS: dict[type[Record], TypeAdapter[dict[str, Record]]] = {}


def _adapter(model: type[Record]) -> TypeAdapter[dict[str, Record]]:
    """One TypeAdapter per model validates a whole table in one call (the fast path)."""
    from pydantic import TypeAdapter

    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(dict[str, model])  # type: ignore[valid-type]
    return _ADAPTERS[model]


def _refuse_undo_over_someone_else(step: _UndoStep, current: Record) -> None:
    """Undo puts back my old values only where nobody changed them since (a sync or another window).

    Where someone did, undoing would silently replace their value with mine: the step is
    dropped, nothing is written, and the refusal names the fields and who changed them.
    """
    names = [*step.after.data_fields(), "deleted"]
    if step.before is not None:
        names = [name for name in names if getattr(step.before, name) != getattr(step.after, name)]
    since = [name for name in names if getattr(current, name) != getattr(step.after, name)]
    if not since:
        return
    fields = ", ".join(_field_words(current, name) for name in since)
    raise UndoRefused(
        _("Not undone: {who} changed the {fields} of {record} since; it stays as they set it").format(
            who=current.updated_by, fields=fields, record=repr(current.label)
        )
    )


def _field_words(record: Record, name: str) -> str:
    """A field as the refusal names it: "owner", "due"; in another language, the form's label."""
    if name == "deleted":
        return _("deletion")
    if language() == DEFAULT_LANGUAGE:
        return name.removesuffix("_ids").removesuffix("_id").replace("_", " ")
    return _(record.VOCAB.label(name)).lower()


def _same_data(a: Record, b: Record) -> bool:
    return all(getattr(a, name) == getattr(b, name) for name in a.data_fields()) and a.deleted == b.deleted
