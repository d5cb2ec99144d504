"""A new member's first start: the sample quarter or an empty workspace, and who I am.

The welcome screen (tui/screens/welcome.py) asks; this carries the answer out, in the app's
write worker.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from store.i18n import _

if TYPE_CHECKING:
    from store.workspace import Workspace


def in_sample(who: str, today: date) -> bool:
    """Whether the sample quarter has a member with this git identity."""
    from store.demo import demo_rows

    return any(row.get("email") == who.lower() for row in demo_rows(today)["members"])


def apply_welcome(workspace: Workspace, *, sample: bool, name: str, department: str, today: date) -> str:
    """Load the sample quarter (into an empty workspace) and add me; returns what was done, in words."""
    loaded = added = False
    sample = sample and workspace.count("tasks") == 0
    if sample:
        from store.demo import demo_rows

        for table, rows in demo_rows(today).items():
            workspace.create_many(table, [{**row, "updated_by": row["created_by"]} for row in rows])
        loaded = True
    if name and workspace.me is None:
        email = workspace.who if "@" in workspace.who else ""
        if not email:  # no git email here: sign edits with the name, so `me` finds it next time
            workspace.identify_as(name)
        workspace.create("members", name=name, email=email, department=department)
        added = True
    if sample:  # one commit for the whole start, so a new workspace opens clean
        from store.repo import commit_all

        commit_all(workspace.folder, "Load the sample sales and marketing quarter")
    if loaded and added:
        return _("Loaded the sample quarter; added you, {name}, to the team.").format(name=name)
    if loaded:
        return _("Loaded the sample quarter.")
    if added:
        return _("Added you, {name}, to the team.").format(name=name)
    return ""
