"""Snapshots in Spanish (120x40) on the Spanish sample quarter: the Board, the Agenda and a form.

Spanish words run longer than English ones: these pictures keep the columns, the footer and the
form's labels from overflowing. Times show in UTC, as the demo plans them.
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
from tui.app import AlineaApp

TODAY = date(2026, 11, 12)  # a Thursday in the demo's quarter


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def spanish_demo(tmp_path: Path, spanish: None) -> AlineaApp:
    return demo_app(tmp_path / "demo", today=TODAY)


def after(*keys: str) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot.app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot.app, pilot)

    return run_before


def test_the_board_in_spanish(spanish_demo: AlineaApp, snap_compare) -> None:
    """Tablero: Por hacer, En curso, Bloqueada, Hecho with their counts; the Spanish demo's cards
    (owner · Ventas/Marketing, due dates in Spanish); the footer's keys in Spanish and ^p Paleta."""
    assert snap_compare(spanish_demo, terminal_size=(120, 40), run_before=after())


def test_the_agenda_in_spanish(spanish_demo: AlineaApp, snap_compare) -> None:
    """Agenda: the Spanish meetings on the left, the next one's points on the right with start
    times, minutes, presenters and departments, the total against the meeting's length."""
    assert snap_compare(spanish_demo, terminal_size=(120, 40), run_before=after("2"))


def test_the_new_task_form_in_spanish(spanish_demo: AlineaApp, snap_compare) -> None:
    """"Nueva tarea" over the Board: labels in Spanish, a due date typed in Spanish ("próximo vie")
    previewed below it in Spanish, the status select on "Por hacer", ^s Guardar in the footer."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await after("n")(pilot)
        await pilot.press(*"Cotizar", "space", *"stand")
        pilot.app.screen.query_one("#field-due").focus()
        await pilot.press(*"próximo", "space", *"vie")
        await settle(pilot.app, pilot)

    assert snap_compare(spanish_demo, terminal_size=(120, 40), run_before=run_before)
