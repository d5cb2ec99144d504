"""Snapshots at 80x24 (the smallest window alinea promises to work in), on the sample quarter."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.app_harness import demo_app as demo_app_for
from tests.tui.app_harness import settle
from tui.app import AlineaApp

SMALL = (80, 24)


@pytest.fixture
def demo_app(tmp_path: Path) -> AlineaApp:
    return demo_app_for(tmp_path / "demo")


def test_board_at_80x24(demo_app: AlineaApp, snap_compare) -> None:
    """The Board: four columns (To do 9, Doing 8, Blocked 4, Done 9), each card's title over two
    lines, then owner · department and the due date; the footer keeps n e d H L u ? q and ^p Palette."""

    async def run_before(pilot) -> None:
        await settle(demo_app, pilot)

    assert snap_compare(demo_app, terminal_size=SMALL, run_before=run_before)


def test_new_task_form_at_80x24_scrolled_to_the_meeting(demo_app: AlineaApp, snap_compare) -> None:
    """The "New task" form after tab to its last field: the fields scrolled so Meeting is focused in
    sight, Save / Cancel and "ctrl+s saves (enter too, in a one-line field)…" below, ^s Save in the footer."""

    async def run_before(pilot) -> None:
        await settle(demo_app, pilot)
        await pilot.press("n")
        await settle(demo_app, pilot)
        await pilot.press(*"Book", "space", *"the", "space", *"venue")
        for _ in range(8):
            await pilot.press("tab")
        await settle(demo_app, pilot)

    assert snap_compare(demo_app, terminal_size=SMALL, run_before=run_before)


def test_help_over_the_board_at_80x24(demo_app: AlineaApp, snap_compare) -> None:
    """Help over the Board: "Keys on this screen", the Board's keys (j ↓, k ↑, n, e ⏎, d, H, L, /, m…)
    with their words in a column of their own, then "Everywhere"; it scrolls; esc closes."""

    async def run_before(pilot) -> None:
        await settle(demo_app, pilot)
        await pilot.press("question_mark")
        await settle(demo_app, pilot)

    assert snap_compare(demo_app, terminal_size=SMALL, run_before=run_before)
