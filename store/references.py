"""References between records, shown by title: never an id, never a crash.

Every reference (owner, objective, meeting, a feedback entry's subject, carried_from, …)
is shown as the record's title; a reference to a record that was deleted, or that this
clone has never seen, shows "(deleted)". The UI jumps with (table, id).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from store.i18n import N_, _
from store.vocabulary import VOCABULARY

DELETED = N_("(deleted)")


def noun(table: str) -> str:
    """How people name one record of a table (store/vocabulary.py)."""
    words = VOCABULARY.get(table)
    return words.word() if words else table.replace("_", " ")


class Lookup(Protocol):
    """A Workspace, or anything that finds records by table and id the same way."""

    def lookup(self, table: str, record_id: str) -> Any | None: ...

    def records(self, table: str, *, include_deleted: bool = False) -> list[Any]: ...


@dataclass(frozen=True)
class Ref:
    """A reference as shown: the table, the id, the title, and whether the record is gone."""

    table: str
    record_id: str
    title: str
    gone: bool = False

    @property
    def noun(self) -> str:
        return noun(self.table)


def live(source: Lookup, table: str | None, record_id: str | None) -> Any | None:
    """The record if it exists and is not deleted, else None (never raises)."""
    if not table or not record_id:
        return None
    try:
        found = source.lookup(str(table), record_id)
    except Exception:  # noqa: BLE001 - an odd table name from a teammate's file must not crash a view
        return None
    return None if found is None or getattr(found, "deleted", False) else found


def title_of(source: Lookup, table: str | None, record_id: str | None) -> str:
    """The record's title; "(deleted)" for a tombstoned or missing record; "" for no reference."""
    if not table or not record_id:
        return ""
    found = live(source, table, record_id)
    return found.label if found is not None else _(DELETED)


def reference(source: Lookup, table: str | None, record_id: str | None) -> Ref | None:
    """A Ref for a (table, id) pair; None when nothing is referenced."""
    if not table or not record_id:
        return None
    found = live(source, table, record_id)
    return Ref(str(table), record_id, found.label if found is not None else _(DELETED), found is None)


def subject_of(source: Lookup, entry: Any) -> Ref | None:
    """A feedback entry's subject (objective, meeting, agenda item, task), or None."""
    table = entry.subject_table.value if entry.subject_table is not None else None
    return reference(source, table, entry.subject_id)
