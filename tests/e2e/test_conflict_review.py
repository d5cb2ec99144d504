"""Reviewing a conflict produced by a real two-clone sync: the listing and the two choices."""

from __future__ import annotations

import re

import pytest

from store.conflicts import accept, conflict_views, restore
from store.workspace import Workspace
from tests.e2e.clones import Person

pytestmark = pytest.mark.e2e
MOMENT = r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d [A-Z][a-z]{2} \d\d:\d\d"


def clash(ana: Person, ben: Person) -> str:
    """Both change the same task's due date; Ben's later edit wins the merge."""
    task = ana.add_task("Webinar landing page", "due=2026-11-30")
    ana.ok("sync")
    ben.ok("sync")
    ana.ok("set", task, "due=2026-12-10")
    ben.ok("set", task, "due=2026-12-04")
    ana.ok("sync")
    ben.ok("sync")
    ana.ok("sync")
    return task


def test_the_listing_names_the_record_both_values_who_and_when(ana: Person, ben: Person) -> None:
    clash(ana, ben)
    listed = ana.ok("conflicts")
    head, kept, lost, footer = listed.splitlines()
    assert head.endswith("task 'Webinar landing page' · Due")
    assert re.fullmatch(rf"    kept:      '2026-12-04' by ben\.ode@example\.com, {MOMENT}", kept)
    assert re.fullmatch(rf"    set aside: '2026-12-10' by ana\.ruiz@example\.com, merged {MOMENT}", lost)
    assert footer.startswith("1 to review")

    views = conflict_views(Workspace(ana.folder))
    assert [(v.title, v.field_label, v.kept, v.lost, v.kept_by, v.lost_by) for v in views] == [
        ("Webinar landing page", "Due", "2026-12-04", "2026-12-10", "ben.ode@example.com", "ana.ruiz@example.com")
    ]


def test_restore_writes_the_set_aside_value_and_says_so_when_listed(ana: Person, ben: Person) -> None:
    task = clash(ana, ben)
    workspace = Workspace(ana.folder)
    view = conflict_views(workspace)[0]
    restore(workspace, view.id)
    assert Workspace(ana.folder).get("tasks", task).due.isoformat() == "2026-12-10"
    assert conflict_views(Workspace(ana.folder)) == []
    listed = ana.ok("conflicts", "--all")
    assert "resolved: the set-aside value was restored" in listed and "to review" not in listed
    ana.ok("sync")
    ben.ok("sync")
    assert ben.tasks()[task].due.isoformat() == "2026-12-10"


def test_accept_keeps_the_merged_value(ana: Person, ben: Person) -> None:
    task = clash(ana, ben)
    workspace = Workspace(ana.folder)
    accept(workspace, conflict_views(workspace)[0].id)
    reopened = Workspace(ana.folder)
    assert reopened.get("tasks", task).due.isoformat() == "2026-12-04"
    [view] = conflict_views(reopened, include_resolved=True)
    assert view.resolved and view.outcome == "kept"
    assert "resolved: the merged value stayed" in ana.ok("conflicts", "--all")
