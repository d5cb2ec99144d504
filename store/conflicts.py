"""Reviewing the values a merge set aside: list unresolved conflicts, apply a choice."""

from __future__ import annotations

from typing import Any, Literal

from store.errors import InvalidInput
from store.merge import DELETED
from store.models import Conflict

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
        raise InvalidInput(f"keep 'kept' or 'lost', not {keep!r}")
    conflict = workspace.find(conflict_id, "conflicts")
    if conflict.resolved:
        raise InvalidInput(f"conflict {conflict.id[:8]} is already resolved")
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


def describe(conflict: Conflict, workspace: Any) -> str:
    """One line: which record and field, what was kept, what was set aside and by whom."""
    try:
        label = workspace.get(conflict.table, conflict.record_id).label
    except InvalidInput:
        label = conflict.record_id[:8]
    if conflict.field == DELETED:
        change = f"kept the edit, set aside a delete by {conflict.lost_by}"
    else:
        change = f"kept {_short(conflict.kept)}, set aside {_short(conflict.lost)} by {conflict.lost_by}"
    return f"{conflict.id[:8]}  {conflict.table} {label!r} {conflict.field}: {change}"


def _short(value: Any, width: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"
