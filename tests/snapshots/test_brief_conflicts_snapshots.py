"""Snapshots of the brief and the conflicts review, at 120x40 and 80x24, on the scripted week (UTC)."""

from __future__ import annotations

import itertools
import uuid

import pytest

from store.workspace import Workspace
from tests.store.test_brief import Clock, week  # noqa: F401 - the scripted week
from tests.tui.app_harness import make_app, settle
from tests.tui.test_brief_screen import utc  # noqa: F401 - TZ=UTC

Week = tuple[Workspace, Clock, dict[str, str]]
SIZES = [(120, 40), (80, 24)]


@pytest.fixture(autouse=True)
def ids_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Records made at the same moment are listed by id: number them so every run lists them alike."""
    counter = itertools.count(1)
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(counter)))


@pytest.fixture
def with_conflicts(week: Week) -> Week:  # noqa: F811
    """Two values a sync set aside: Ben's due date for the board deck, and Ben's title for the memo."""
    ws, clock, ids = week
    ws.create_many("conflicts", [
        dict(table="tasks", record_id=ids["deck"], field="due", kept="2026-11-12", lost="2026-11-19",
             lost_by="ben.ode@example.com", at=clock.now),
        dict(table="tasks", record_id=ids["memo"], field="title", kept="CAC memo", lost="Memo on CAC for the board",
             lost_by="ben.ode@example.com", at=clock.now),
    ])
    return ws, clock, ids


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_the_brief(with_conflicts: Week, size: tuple[int, int], snap_compare) -> None:
    """"Brief for Sync, Tue 17 Nov 09:30", what changed since the Sync of Tue 10 Nov; the agenda
    35 of 30 minutes planned, 5 over (red) and airtime Sales 20 · Marketing 15; the first line
    highlighted; metrics moved (green toward target, red away), objectives, tasks done, overdue
    (red), feedback, and at the end two conflicts; the highlighted line in full at the bottom."""
    ws, clock, _ = with_conflicts
    app = make_app(ws, today=clock.now.date())
    assert snap_compare(app, press=["0"], terminal_size=size, run_before=lambda pilot: settle(app, pilot))


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
def test_the_conflicts_review(with_conflicts: Week, size: tuple[int, int], snap_compare) -> None:
    """"Conflicts to review", "2 to review" and the keys; each conflict in three lines: the task's
    title, "task · Due", the kept value (green) by ana.ruiz@example.com and the set-aside value
    (yellow) by ben.ode@example.com with when it was merged; the first one highlighted; a footer
    with Accept, Restore, Undo, History, Help, Close."""
    ws, clock, _ = with_conflicts
    app = make_app(ws, today=clock.now.date())
    assert snap_compare(app, press=["exclamation_mark"], terminal_size=size,
                        run_before=lambda pilot: settle(app, pilot))


def test_no_conflicts_to_review(week: Week, snap_compare) -> None:  # noqa: F811
    """The review with nothing waiting: "No conflicts to review" in the list, at 80x24."""
    ws, clock, _ = week
    app = make_app(ws, today=clock.now.date())
    assert snap_compare(app, press=["exclamation_mark"], terminal_size=(80, 24),
                        run_before=lambda pilot: settle(app, pilot))
