"""The brief in the app: after a scripted week on a fixed clock, jump from a line, export it."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from store.workspace import Workspace
from tests.store.test_brief import Clock, week  # noqa: F401 - the scripted week
from tests.tui.app_harness import make_app, press, settle
from tui.screens.brief import PREPARING, BriefList, BriefScreen
from tui.screens.conflicts import ConflictsScreen

Week = tuple[Workspace, Clock, dict[str, str]]


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch):
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def shown(screen: BriefScreen) -> list[str]:
    return [row.text for row in screen.query_one(BriefList).rows]


class HeldClock:
    """The week's clock, held in worker threads until released: the brief is "still being prepared"."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.released = threading.Event()

    def __call__(self) -> datetime:
        if threading.current_thread() is not threading.main_thread():
            self.released.wait(10)
        return self.clock()


async def test_the_brief_after_a_scripted_week(week: Week) -> None:  # noqa: F811
    ws, clock, ids = week
    held = HeldClock(clock)
    app = make_app(Workspace(ws.folder, clock=held), today=clock.now.date())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("0")
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await pilot.pause()
        assert str(screen.query_one("#brief-status").render()) == PREPARING
        held.released.set()
        await settle(app, pilot)
        rows = shown(screen)
        assert str(screen.query_one("#brief-title").render()) == "Brief for Sync, Tue 17 Nov 09:30"
        assert str(screen.query_one("#brief-status").render()) == (
            "What changed since Sync (Tue 10 Nov 09:30), as of Mon 16 Nov 09:30"
        )
        assert rows[:3] == ["Agenda of Sync, Tue 17 Nov 09:30", "35 of 30 minutes planned, 5 over",
                            "Airtime: Sales 20 min · Marketing 15 min"]
        assert "Metrics that moved (2)" in rows and "Tasks done (1)" in rows
        assert "CAC memo (Malik Johnson)" in rows
        assert "Board deck (Ana Ruiz), due Thu 12 Nov, newly overdue" in rows
        assert "Idea from Malik Johnson on Reduce CAC: CPC rose again" in rows
        assert rows[-2:] == ["Conflicts to review (0)", "No conflicts to review."]
        # the cursor starts on the first line about a record, and j skips the section headings
        brief_list = screen.query_one(BriefList)
        assert brief_list.current is not None and brief_list.current.text.startswith("35 of 30")
        await press(app, pilot, "j", "j")
        assert brief_list.current is not None and brief_list.current.table == "metrics"  # past "Metrics that moved"


async def test_enter_on_a_line_shows_its_record_in_its_pane(week: Week) -> None:  # noqa: F811
    ws, clock, ids = week
    app = make_app(ws, today=clock.now.date())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "0")
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        brief_list = screen.query_one(BriefList)
        while brief_list.current is not None and brief_list.current.text != "CAC memo (Malik Johnson)":
            before = brief_list.cursor
            await press(app, pilot, "j")
            assert brief_list.cursor != before, "the done task is not in the brief"
        await press(app, pilot, "enter")
        assert not isinstance(app.screen, BriefScreen)
        board = app.pane("board")
        assert app.query_one("#panes").active == "board"
        assert board.selected_record() == ("tasks", ids["memo"])


async def test_export_writes_the_pre_read_to_exports(week: Week) -> None:  # noqa: F811
    ws, clock, ids = week
    app = make_app(ws, today=clock.now.date())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "0")
        await press(app, pilot, "x")
    [written] = (Path(ws.folder) / "exports").iterdir()
    assert written.name == "2026-11-17-sync-brief.md"
    assert written.read_text().startswith("# Brief for Sync")


async def test_a_conflict_line_opens_the_review_on_it(week: Week) -> None:  # noqa: F811
    ws, clock, ids = week
    [conflict] = ws.create_many("conflicts", [dict(table="tasks", record_id=ids["deck"], field="title",
                                                   kept="Board deck", lost="Deck for the board",
                                                   lost_by="ben@example.com", at=clock.now)])
    app = make_app(ws, today=clock.now.date())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "0")
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        brief_list = screen.query_one(BriefList)
        await press(app, pilot, "end")
        assert brief_list.current is not None and brief_list.current.table == "conflicts"
        await press(app, pilot, "enter")
        review = app.screen
        assert isinstance(review, ConflictsScreen) and review.selected_id == conflict.id


async def test_the_brief_in_spanish(week: Week, spanish: None) -> None:  # noqa: F811
    ws, clock, _ids = week
    app = make_app(ws, today=clock.now.date())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "0")
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await settle(app, pilot)
        assert str(screen.query_one("#brief-title").render()).startswith("Resumen previo de Sync, ")
        assert str(screen.query_one("#brief-status").render()) == (
            "Qué cambió desde Sync (mar 10 nov 09:30), al lun 16 nov 09:30"
        )
        rows = shown(screen)
        assert rows[0].startswith("Agenda de Sync, ")
        assert rows[1:3] == ["35 de 30 minutos planeados, 5 de más", "Tiempo por área: Sales 20 min · Marketing 15 min"]
        footer = {key.key: key.description for key in screen.query(FooterKey)}
        assert (footer["enter"], footer["x"], footer["escape"]) == ("Abrir", "Exportar", "Cerrar")
