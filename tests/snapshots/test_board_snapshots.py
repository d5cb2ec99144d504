"""Snapshots of the task board on the sample quarter (store.demo), at 120x40 with a fixed today."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.tui.app_harness import demo_app, settle

TODAY = date(2026, 11, 12)  # a Thursday in the demo's quarter


def test_board_with_the_sample_quarter(snap_compare: Any, tmp_path: Path) -> None:
    """The Board tab: four columns, To do 9, Doing 8, Blocked 4, Done 9, each with its count.

    The To do column is focused (its header in the primary colour) with its first card,
    "Draft webinar 2 landing page", highlighted. Each card shows its title (high priority
    marked "!" in the warning colour, urgent "‼" in the error colour, low "↓") and under it
    the owner's short name · department, with the due date at the right. "Send partner
    newsletter copy", "Pipeline hygiene…" and "CRM field for lead source…" are past due:
    their dates read "overdue …" in the error colour. Done cards are never marked overdue.
    The status line above the columns says "30 cards"; the footer lists the board's keys.
    """
    async def settled(pilot: Pilot[Any]) -> None:
        await settle(pilot.app, pilot)

    assert snap_compare(demo_app(tmp_path / "demo", today=TODAY), terminal_size=(120, 40), run_before=settled)


def test_board_filtered_by_an_owner(snap_compare: Any, tmp_path: Path) -> None:
    """After "/", typing "sofia" and enter: a one-line filter input reading "sofia" sits above
    the columns, the status line reads "7 of 30 cards · filter “sofia”", and only Sofia B.'s
    cards remain, each column counting its matches: To do 1, Doing 2, Blocked 1, Done 3.
    The To do column keeps the focus, its one card highlighted.
    """

    async def filter_by_sofia(pilot: Pilot[Any]) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("slash", *"sofia", "enter")
        await settle(pilot.app, pilot)

    app = demo_app(tmp_path / "demo", today=TODAY)
    assert snap_compare(app, terminal_size=(120, 40), run_before=filter_by_sofia)
