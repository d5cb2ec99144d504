"""Snapshots of the meeting runner on the sample quarter, with a fixed clock, in UTC."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.tui.app_harness import press, type_text
from tests.tui.runner_harness import Clock, demo_folder, open_runner, runner_app, utc  # noqa: F401 - fixture
from tui.app import AlineaApp


def _three_minutes_in(app: AlineaApp, clock: Clock) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        runner = await open_runner(app, pilot)
        await press(app, pilot, "d")
        await type_text(app, pilot, "Report pipeline from the CRM dashboard only")
        await press(app, pilot, "enter")
        clock.advance(minutes=3, seconds=20)
        runner.tick()
        await pilot.pause()

    return run_before


def test_runner_at_120x40(snap_compare: Any, tmp_path: Path, utc: None) -> None:  # noqa: F811
    """Title line "Sales × Marketing sync 17 Nov · Tue 17 Nov 09:30 · Room Lisbon + video link";
    under it "You drive this meeting: running, started by Ana at 09:31.". The countdown in
    large green digits "6:40" with "left" beside it; at the right "Meeting 3:20 of 45:00",
    "ends 10:15 · at this pace 10:16", "item 1 of 5". The current item "Pipeline numbers"
    (update · Jonas Weber (Sales) · 10 min · standing item · objective: Q4 pipeline target
    €2.4M), its notes on a panel, "Decisions: • Report pipeline from the CRM dashboard only"
    in green, then the objective's two metrics, each "current on 09 Nov · target · %" over a
    sparkline. At the right the agenda: "▶ 09:30 Pipeline numbers 10m" highlighted, then
    the four other items with their start times and time boxes. The footer lists the
    runner's keys."""
    clock = Clock()
    app = runner_app(demo_folder(tmp_path), clock)
    assert snap_compare(app, terminal_size=(120, 40), run_before=_three_minutes_in(app, clock))


def test_runner_at_80x24(snap_compare: Any, tmp_path: Path, utc: None) -> None:  # noqa: F811
    """The same moment at 80x24: the same lines, the item's heading and notes wrapped, the
    agenda column narrower (titles cut with "…"), the metrics' sparklines below the fold of
    the item panel (it scrolls); the footer shows the first keys."""
    clock = Clock()
    app = runner_app(demo_folder(tmp_path), clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_three_minutes_in(app, clock))


def test_runner_over_time_capturing_a_task(snap_compare: Any, tmp_path: Path, utc: None) -> None:  # noqa: F811
    """Item 2, "CAC recovery plan" (15 min), 17 minutes in: the countdown reads "+2:10" in
    the error colour with "over" beside it; "Pipeline numbers" is ticked "✓" in the agenda,
    "▶ 09:40 CAC recovery plan" marked. At the bottom the task line is open: "Task Send
    revised lead-score sheet @sofia fri !high" and under it "task: Send revised lead-score
    sheet · owner: Sofia Brandt (Sales) · due Fri 20 Nov · priority high · objective:
    Reduce CAC below €420 · enter adds it to To do"."""
    clock = Clock()
    app = runner_app(demo_folder(tmp_path), clock)

    async def run_before(pilot: Pilot[Any]) -> None:
        runner = await open_runner(app, pilot)
        clock.advance(minutes=9)
        await press(app, pilot, "space")
        clock.advance(minutes=17, seconds=10)
        runner.tick()
        await press(app, pilot, "t")
        await type_text(app, pilot, "Send revised lead-score sheet @sofia fri !high")

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
