"""Snapshots of the feedback log on the sample quarter (store.demo), with a fixed today and UTC."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui.app_harness import demo_app, settle

TODAY = date(2026, 11, 12)  # a Thursday in the demo's quarter


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times in the detail read in local time: the same picture on every machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


async def _feedback_log(pilot: Pilot[Any]) -> None:
    await settle(pilot.app, pilot)
    await pilot.press("3")
    await settle(pilot.app, pilot)
    await pilot.press("j")
    await settle(pilot.app, pilot)


def test_feedback_log_at_120x40(snap_compare: Any, tmp_path: Path) -> None:
    """The Feedback tab: "15 feedback entries, newest first · c kind · o status · @ department"
    above the log. Each entry is two lines: its kind's mark and word in the kind's colour
    ("+ praise" green, "! concern" red, "* idea" accent, "? question" amber), the first line
    of the body cut at a word with "…", and at the right its status and age ("open · 2 w",
    open in bold); under it the author (department) and what it is about ("about objective:
    Lift MQL→SQL…", "about meeting: …", "general"). The second entry is highlighted; the
    detail at the right shows it in full: the question's heading, author, date and status,
    "About" with a link "→ meeting: Sales × Marketing sync …", the body, and "What was done
    with it" saying that t and a make a task or an agenda item. The footer lists n e r x t a /.
    """
    assert snap_compare(demo_app(tmp_path / "demo", today=TODAY), terminal_size=(120, 40), run_before=_feedback_log)


def test_feedback_log_at_80x24(snap_compare: Any, tmp_path: Path) -> None:
    """The same log at 80x24: the detail sits below the log instead of beside it; each row
    still shows the mark, kind, first line (cut at a word with "…"), status and age, and the
    author · subject line under it."""
    assert snap_compare(demo_app(tmp_path / "demo", today=TODAY), terminal_size=(80, 24), run_before=_feedback_log)
