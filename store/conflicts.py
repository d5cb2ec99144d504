"""Reviewing the values a merge set aside: list conflicts, accept the kept value or restore
the set-aside one.

``conflict_views`` gives the review screen and `alinea conflicts` everything they show:
the record by title and table, the field, both values in words, who wrote each and when,
and for a resolved conflict which value stayed. ``accept`` and ``restore`` write through
the Workspace like any edit, so the choice merges and syncs to the team.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, Literal

from store.dates import moment_label
from store.errors import InvalidInput
from store.export.common import clean
from store.i18n import N_, _, pgettext
from store.merge import DELETED, REMOVED_BY
from store.models import MODELS, Conflict
from store.references import noun, title_of

Keep = Literal["kept", "lost"]


def unresolved(workspace: Any) -> list[Conflict]:
    """Conflicts still waiting for a person, oldest first."""
    found = [c for c in workspace.records("conflicts") if not c.resolved]
    return sorted(found, key=lambda c: (c.at, c.id))


def resolve(workspace: Any, conflict_id: str, keep: Keep) -> Conflict:
    """Keep the merged value (``kept``) or put the set-aside one back (``lost``); mark it resolved.

    The choice goes through the Workspace like any edit, so it is validated, undoable and
    syncs to the team.
    """
    if keep not in ("kept", "lost"):
        raise InvalidInput(_("keep 'kept' or 'lost', not {keep}").format(keep=repr(keep)))
    conflict = workspace.find(conflict_id, "conflicts")
    if conflict.resolved:
        raise InvalidInput(_("conflict {id} is already resolved").format(id=conflict.id[:8]))
    if keep == "lost":
        _restore(workspace, conflict)
    return workspace.update("conflicts", conflict.id, resolved=True)


def _restore(workspace: Any, conflict: Conflict) -> None:
    record = workspace.get(conflict.table, conflict.record_id)
    if conflict.field == DELETED:
        if conflict.lost and not record.deleted:
            workspace.delete(conflict.table, record.id)
        return
    workspace.update(conflict.table, record.id, **{conflict.field: conflict.lost})


def accept(workspace: Any, conflict_id: str) -> Conflict:
    """Keep the value the merge kept; mark the conflict resolved."""
    return resolve(workspace, conflict_id, "kept")


def restore(workspace: Any, conflict_id: str) -> Conflict:
    """Write the set-aside value back to the record; mark the conflict resolved."""
    return resolve(workspace, conflict_id, "lost")


Outcome = Literal["kept", "lost", "changed"]


@dataclass(frozen=True)
class ConflictView:
    """One conflict as a person reviews it."""

    conflict: Conflict
    table: str
    record_id: str
    #: the record's title, or "(deleted)"
    title: str
    field: str
    field_label: str
    kept: str
    lost: str
    #: who wrote the kept value, when known ("" once the record was edited again)
    kept_by: str
    kept_at: datetime
    lost_by: str
    #: when the merge met the two values (the later of the two edits)
    at: datetime
    resolved: bool
    #: for a resolved conflict: "kept" (merged value stayed), "lost" (restored) or "changed" since
    outcome: Outcome | None

    @property
    def id(self) -> str:
        return self.conflict.id

    @property
    def noun(self) -> str:
        return noun(self.table)

    @property
    def is_delete(self) -> bool:
        return self.field == DELETED




def field_label(field: str, table: str = "") -> str:
    """The field's label as forms show it (one vocabulary); a removal says "Deleted"."""
    from store.vocabulary import VOCABULARY

    if field == DELETED:
        return pgettext("conflict field", "Deleted")
    words = VOCABULARY.get(table)
    return words.label(field) if words is not None else field.replace("_", " ").capitalize()


def value_text(source: Any, table: str, field: str, value: Any) -> str:
    """A stored value in words: references by title, sets as lists, blanks as "(empty)"."""
    if value is None or value == "" or value == []:
        return _("(empty)")
    model = MODELS.get(table)
    target = model.REFS.get(field) if model is not None else None
    if target:
        ids = value if isinstance(value, list) else [value]
        return ", ".join(title_of(source, target, str(i)) for i in ids)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _outcome(record: Any, conflict: Conflict) -> Outcome | None:
    if not conflict.resolved:
        return None
    if record is None:
        return "changed"
    if conflict.field == DELETED:
        return "lost" if record.deleted else "kept"
    current = record.to_json().get(conflict.field)
    if current == conflict.lost and current != conflict.kept:
        return "lost"
    return "kept" if current == conflict.kept else "changed"


def conflict_view(source: Any, conflict: Conflict) -> ConflictView:
    record = source.lookup(conflict.table, conflict.record_id)
    # the record's last writer wrote the kept value unless it was edited after the merge
    unchanged = record is not None and record.updated_at <= conflict.at
    deleted = conflict.field == DELETED
    return ConflictView(
        conflict=conflict,
        table=conflict.table,
        record_id=conflict.record_id,
        title=title_of(source, conflict.table, conflict.record_id) if not deleted or record is None else record.label,
        field=conflict.field,
        field_label=field_label(conflict.field, conflict.table),
        kept=_("kept the record") if deleted else value_text(source, conflict.table, conflict.field, conflict.kept),
        lost=_("deleted it") if deleted else value_text(source, conflict.table, conflict.field, conflict.lost),
        kept_by=record.updated_by if unchanged else "",
        kept_at=record.updated_at if unchanged else conflict.at,
        lost_by=conflict.lost_by,
        at=conflict.at,
        resolved=conflict.resolved,
        outcome=_outcome(record, conflict),
    )


def conflict_views(source: Any, *, include_resolved: bool = False) -> list[ConflictView]:
    """Open conflicts oldest first; with ``include_resolved``, the resolved ones after them."""
    found = [c for c in source.records("conflicts") if include_resolved or not c.resolved]
    found.sort(key=lambda c: (c.resolved, c.at, c.id))
    return [conflict_view(source, c) for c in found]


def describe_lines(view: ConflictView, tz: tzinfo | None = None) -> list[str]:
    """The conflict in a few lines for the CLI: record, field, both values, who and when, outcome."""
    head = f"{view.id[:8]}  {view.noun} {view.title!r} · {view.field_label}"
    kept_at, merged_at = moment_label(view.kept_at, tz), moment_label(view.at, tz)
    if view.is_delete:
        if view.kept_by:
            kept = "    " + _("kept the record, edited by {who}, {when}").format(who=view.kept_by, when=kept_at)
        else:
            kept = "    " + _("kept the record, edited, {when}").format(when=kept_at)
        lines = [
            head,
            kept,
            "    " + _("{what}, merged {when}").format(what=_set_aside_delete(view.lost_by), when=merged_at),
        ]
    else:
        if view.kept_by:
            kept = "    " + _("kept:      {value} by {who}, {when}").format(
                value=_short(view.kept), who=view.kept_by, when=kept_at
            )
        else:
            kept = "    " + _("kept:      {value}, {when}").format(value=_short(view.kept), when=kept_at)
        lines = [
            head,
            kept,
            "    " + _("set aside: {value} by {who}, merged {when}").format(
                value=_short(view.lost), who=view.lost_by, when=merged_at
            ),
        ]
    if view.resolved:
        lines.append("    " + _("resolved: {outcome}").format(outcome=_(_OUTCOME_WORDS[view.outcome or "changed"])))
    return [clean(line) for line in lines]


#: marked here, translated where they are shown
_OUTCOME_WORDS: dict[str, str] = {
    "kept": N_("the merged value stayed"),
    "lost": N_("the set-aside value was restored"),
    "changed": N_("the record changed since"),
}


def describe(conflict: Conflict, workspace: Any) -> str:
    """One line: which record and field, what was kept, what was set aside and by whom."""
    try:
        label = workspace.get(conflict.table, conflict.record_id).label
    except InvalidInput:
        label = conflict.record_id[:8]
    if conflict.field == DELETED:
        change = _("kept the edit, {what}").format(what=_set_aside_delete(conflict.lost_by))
    else:
        change = _("kept {kept}, set aside {lost} by {who}").format(
            kept=_short(conflict.kept), lost=_short(conflict.lost), who=conflict.lost_by
        )
    return f"{conflict.id[:8]}  {conflict.table} {label!r} {conflict.field}: {change}"


def _set_aside_delete(lost_by: str) -> str:
    if lost_by == REMOVED_BY:  # a record missing from one side's file, without a delete
        return _("one side's file had lost it without a delete (a hand edit)")
    return _("set aside a delete by {who}").format(who=lost_by)


def _short(value: Any, width: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"
