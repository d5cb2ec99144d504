"""The meeting runner on the sample quarter, with a clock the test moves (no sleeping)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from store.agenda import agenda_of
from store.demo import build_demo
from store.workspace import Workspace
from tests.tui.app_harness import make_app, settle
from tui.app import AlineaApp
from tui.screens.runner import RunnerScreen

BUILT = date(2026, 11, 12)  # the demo is built on a Thursday: its next sync is Tue 17 Nov 09:30 UTC
MEETING_DAY = date(2026, 11, 17)
START = datetime(2026, 11, 17, 9, 31, tzinfo=timezone.utc)  # a minute late


@dataclass
class Clock:
    """The moment the app sees; the test moves it."""

    moment: datetime = START

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times shown in UTC, whatever the machine's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def demo_folder(tmp_path: Path) -> Path:
    return build_demo(tmp_path / "demo", today=BUILT)


def runner_app(folder: Path, clock: Clock) -> AlineaApp:
    return make_app(Workspace(folder), today=MEETING_DAY, now=clock)


def planned_meeting(workspace: Workspace) -> Any:
    return next(m for m in workspace.records("meetings") if m.status == "planned")


def agenda(workspace: Workspace, meeting_id: str) -> list[Any]:
    return agenda_of(workspace.records("agenda_items"), meeting_id)


async def open_runner(app: AlineaApp, pilot: Pilot[Any]) -> RunnerScreen:
    """The runner on the next meeting, as the palette's "Run meeting…" opens it."""
    await settle(app, pilot)
    app.action_run_meeting()
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, RunnerScreen)
    return screen
