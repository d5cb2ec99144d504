"""Snapshots of the Agenda pane on the sample quarter (store.demo), with a fixed today.

Times show in the person's local time: the snapshots run in UTC, as the demo plans them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui.app_harness import demo_app, settle

TODAY = date(2026, 11, 12)  # a Thursday in the demo's quarter; the next sync is Tue 17 Nov


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def agenda_after(*keys: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("2")
        await settle(pilot.app, pilot)
        for key in keys:
            await pilot.press(key)
        await settle(pilot.app, pilot)

    return run_before


def test_agenda_of_the_next_sync_at_120x40(snap_compare: Any, tmp_path: Path) -> None:
    """Left, "Meetings 1 upcoming · 5 past" in the primary colour (focused): the next sync
    "Tue 17 Nov 09:30 Sales × Marketing sync 17 Nov" highlighted, "Sales × Marketing sync ·
    3 Marketing · 3 Sales" under it with "45 / 45 min" at the right, then the folded
    "▸ 5 past meetings  enter shows them". Right: the header (title; "Tue 17 Nov 09:30–10:15 ·
    45 min · Room Lisbon + video link · series …"; attendees by department and names; the
    linked objectives as coloured dots with their status), then the five items numbered
    1–5, each with its kind mark, title, start time and time box, and under it the kind,
    presenter (department), ^objective and status; standing items say so. At the bottom
    "Total 45 / 45 min 0 min free" and "Airtime Sales 25 min · Marketing 20 min".
    The footer lists n, a, e, d, x, r and the app's keys."""
    assert snap_compare(demo_app(tmp_path / "demo", today=TODAY), terminal_size=(120, 40), run_before=agenda_after())


def test_agenda_of_the_next_sync_at_80x24(snap_compare: Any, tmp_path: Path) -> None:
    """The same at 80x24: the meetings column narrower (titles cut with an ellipsis, the fill
    kept whole at the right), the five items and the totals still visible."""
    assert snap_compare(demo_app(tmp_path / "demo", today=TODAY), terminal_size=(80, 24), run_before=agenda_after())


def test_quick_add_reads_the_line_and_proposals_are_marked(snap_compare: Any, tmp_path: Path) -> None:
    """After f (proposals from feedback) and a: the feedback proposals follow the five items,
    each marked "✚" in the secondary colour with "proposed: open … from …" and
    "enter adds · d drops"; the totals line says how many proposals are below. The quick-add
    line under the agenda holds "Budget 15m @mal #dec" and reads it: "✓ “Budget” · time box
    15 min · presenter Malik Johnson (Marketing) · kind decision  enter adds it"."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await agenda_after("f", "a")(pilot)
        await pilot.press(*"Budget", "space", *"15m", "space", *"@mal", "space", *"#dec")
        pilot.app.clear_notifications()
        await settle(pilot.app, pilot)

    assert snap_compare(demo_app(tmp_path / "demo", today=TODAY), terminal_size=(120, 40), run_before=run_before)


def test_past_meetings_unfolded_at_80x24(snap_compare: Any, tmp_path: Path) -> None:
    """After j and enter on the fold: "▾ 5 past meetings  enter folds them" and the five past
    syncs, latest first; the cursor on the fold, the right side asking to choose a meeting."""
    app = demo_app(tmp_path / "demo", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=agenda_after("j", "enter"))
