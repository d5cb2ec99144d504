"""Snapshots of the Objectives pane on the sample quarter (store.demo), with a fixed today."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, cast

from textual.pilot import Pilot

from tests.tui.app_harness import demo_app, objectives_settled, press, settle
from tui.app import AlineaApp

TODAY = date(2026, 11, 12)  # a Thursday in the demo's quarter


async def _objectives(pilot: Pilot[Any]) -> None:
    app = cast(AlineaApp, pilot.app)
    await settle(app, pilot)
    await press(app, pilot, "1")
    await objectives_settled(app, pilot)


def test_objectives_at_120x40(snap_compare: Any, tmp_path: Path) -> None:
    """The list at the left, under "── 2026-Q4 · current · 5 objectives": each objective on two
    lines, its status word in its colour ("at risk" for the CAC goal), title, a progress bar
    with its percentage; then kind, period, "Marketing + Sales" and the "shared" badge, and
    the pace at the right ("behind pace" highlighted for the conversion and CAC goals). The
    first, "Lift MQL→SQL conversion to 28%", is selected: the detail at the right shows its
    status, owners and departments, "Progress 39 % · 82 % of the time passed · behind pace",
    the proposal "behind pace — propose: at risk  (A accepts)", the description rendered
    from Markdown, and its two metric cards (baseline → current → target, sparkline, last
    measurement and change); its tasks further down.
    """
    assert snap_compare(demo_app(tmp_path / "demo", today=TODAY), terminal_size=(120, 40), run_before=_objectives)


def test_objectives_at_80x24_on_the_cac_goal(snap_compare: Any, tmp_path: Path) -> None:
    """At 80 columns the list sits above the detail. Three j down, the CAC goal is selected:
    marked at risk, behind pace, and its first card reads "€510 → … → €420" with
    "↓ lower is better" (a cost going down)."""

    async def to_cac(pilot: Pilot[Any]) -> None:
        await _objectives(pilot)
        app = cast(AlineaApp, pilot.app)
        await press(app, pilot, "j", "j", "j")
        await objectives_settled(app, pilot)

    assert snap_compare(demo_app(tmp_path / "demo", today=TODAY), terminal_size=(80, 24), run_before=to_cac)


def test_measurements_of_a_metric_at_80x24(snap_compare: Any, tmp_path: Path) -> None:
    """enter on the selected objective focuses its first metric card; enter again lists the
    measurements of "MQL→SQL rate" newest first, each with its date, value and change."""

    async def measurements(pilot: Pilot[Any]) -> None:
        await _objectives(pilot)
        await press(cast(AlineaApp, pilot.app), pilot, "enter", "enter")

    assert snap_compare(demo_app(tmp_path / "demo", today=TODAY), terminal_size=(80, 24), run_before=measurements)
