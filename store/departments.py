"""Department names: one spelling per department, and a task's department following its owner.

Departments are free text on members, tasks and objectives. Typing "marketing" where the
team already says "Marketing" must not make a second department, so a name is matched to
the existing ones without regard to case (and surrounding or doubled spaces).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def known_departments(records: Mapping[str, Iterable[Any]]) -> list[str]:
    """The departments in use, one spelling each (the team's members' first), by name.

    ``records``: live records by table; members come first so their spelling wins.
    """
    found: dict[str, str] = {}
    for member in records.get("members", ()):
        if member.department:
            found.setdefault(_key(member.department), member.department)
    for task in records.get("tasks", ()):
        if task.department:
            found.setdefault(_key(task.department), task.department)
    for objective in records.get("objectives", ()):
        for name in sorted(objective.departments):
            found.setdefault(_key(name), name)
    return sorted(found.values(), key=_key)


def same_spelling(name: str, known: Iterable[str]) -> str:
    """``name`` as the team already spells it ("marketing" → "Marketing"), else as typed."""
    wanted = _key(name)
    if not wanted:
        return name
    for existing in known:
        if _key(existing) == wanted:
            return existing
    return " ".join(name.split())


def settle_departments(
    table: str,
    fields: dict[str, Any],
    *,
    current: Any | None,
    known: Callable[[], list[str]],
    owner_department: Callable[[str], str],
) -> dict[str, Any]:
    """The fields of a create (``current`` None) or update, departments settled:

    - names take the team's spelling;
    - a task without a department takes its owner's; when its owner changes, the task
      follows the new owner's department, unless this same edit set the department.

    ``known()`` lists the departments of the other records (asked only when a name is
    given); ``owner_department(member_id)`` gives a member's department ("" when unknown).
    """
    fields = dict(fields)
    # A form saves every field: an unchanged name needs no look at the other records.
    name = fields.get("department") if table in ("members", "tasks") else None
    if isinstance(name, str) and name.strip() and (current is None or name != current.department):
        fields["department"] = same_spelling(name, known())
    names = fields.get("departments") if table == "objectives" else None
    if names and not isinstance(names, str) and (current is None or set(names) != set(current.departments)):
        spelled = known()
        fields["departments"] = [same_spelling(str(name), spelled) for name in names]
    if table != "tasks":
        return fields
    owner = fields.get("owner_id", current.owner_id if current is not None else None)
    department = fields.get("department", current.department if current is not None else "")
    if current is None:
        follow = bool(owner) and not (department or "").strip()
    else:
        owner_changed = "owner_id" in fields and (fields["owner_id"] or None) != current.owner_id
        set_by_hand = "department" in fields and (fields["department"] or "") != current.department
        follow = bool(owner) and owner_changed and not set_by_hand
    if follow and owner:
        theirs = owner_department(owner)
        if theirs:
            fields["department"] = theirs
    return fields
