"""The Agenda pane, driven from the keyboard as a person would; every change checked on disk."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from store.agenda import agenda_of
from store.repo import run_git
from store.workspace import Workspace
from tests.conftest import GIT_EMAIL
from tests.tui.app_harness import make_app, on_disk, settle, type_text, wait_until
from tui.app import AlineaApp
from tui.panes.agenda import AgendaPane
from tui.panes.agenda.pane import NO_ITEMS, NO_MEETINGS
from tui.panes.agenda.quick_add import QuickAddLine

TODAY = date(2026, 11, 12)  # a Thursday
SYNC_AT = datetime(2026, 11, 17, 9, 30, tzinfo=timezone.utc)  # the next Tuesday


@pytest.fixture
def agenda_workspace(workspace: Workspace) -> Workspace:
    """Ana (me, Sales), Sofia (Sales), Malik (Marketing); an objective at risk; one planned sync."""
    ana = workspace.create("members", name="Ana Ruiz", email=GIT_EMAIL, department="Sales")
    sofia = workspace.create("members", name="Sofia Brandt", email="sofia@example.com", department="Sales")
    malik = workspace.create("members", name="Malik Johnson", email="malik@example.com", department="Marketing")
    pipeline = workspace.create(
        "objectives", title="Pipeline coverage 3x", status="at_risk", owner_ids=[sofia.id], period="2026-Q4"
    )
    workspace.create("metrics", objective_id=pipeline.id, name="Coverage", unit="x", baseline=1, target=3)
    workspace.create(
        "meetings",
        title="Sales × Marketing sync",
        starts_at=SYNC_AT,
        duration_min=45,
        series="Weekly sync",
        attendee_ids=[ana.id, sofia.id, malik.id],
        objective_ids=[pipeline.id],
    )
    return workspace


def the_sync(workspace: Workspace) -> Any:
    return next(m for m in on_disk(workspace).records("meetings") if m.starts_at == SYNC_AT)


def agenda_titles(workspace: Workspace, meeting_id: str) -> list[str]:
    return [item.title for item in agenda_of(on_disk(workspace).records("agenda_items"), meeting_id)]


def _palette_hits(app: AlineaApp) -> int:
    return app.screen.query_one("CommandList", OptionList).option_count if isinstance(app.screen, CommandPalette) else 0


async def open_agenda(app: AlineaApp, pilot: Pilot[Any]) -> AgendaPane:
    await settle(app, pilot)
    await pilot.press("2")
    await settle(app, pilot)
    return app.query_one(AgendaPane)


async def test_three_items_typed_in_the_quick_add_line_then_reordered(agenda_workspace: Workspace) -> None:
    app = make_app(agenda_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_agenda(app, pilot)
        assert pane.selected_meeting is not None
        await pilot.press("a")
        await type_text(app, pilot, "Review Q4 pipeline 15m @sofia #decision ^pipe")
        preview = str(app.query_one("#quick-add-preview", Static).render())
        assert "Sofia Brandt (Sales)" in preview and "15 min" in preview and "Pipeline coverage 3x" in preview
        await pilot.press("enter")
        await type_text(app, pilot, "Webinar budget 10m @malik #info")
        await pilot.press("enter")
        await type_text(app, pilot, "Open feedback 5m")
        await pilot.press("enter")
        await settle(app, pilot)
        meeting = the_sync(agenda_workspace)
        assert agenda_titles(agenda_workspace, meeting.id) == ["Review Q4 pipeline", "Webinar budget", "Open feedback"]
        first = agenda_of(on_disk(agenda_workspace).records("agenda_items"), meeting.id)[0]
        presenter = on_disk(agenda_workspace).get("members", first.presenter_id)
        assert (first.minutes, first.kind, presenter.name) == (15, "decision", "Sofia Brandt")
        assert first.objective_id in meeting.objective_ids
        assert app.query_one(QuickAddLine).is_open  # the line stays open for the next item
        assert app.query_one("#quick-add-input").value == ""

        await pilot.press("escape")
        await settle(app, pilot)
        assert not app.query_one(QuickAddLine).is_open
        assert app.focused is pane.item_list
        assert pane.item_list.cursor == 2  # the last item added
        before = {item.id: item.rev for item in on_disk(agenda_workspace).records("agenda_items")}
        await pilot.press("K")
        await settle(app, pilot)
        assert agenda_titles(agenda_workspace, meeting.id) == ["Review Q4 pipeline", "Open feedback", "Webinar budget"]
        after = {item.id: item.rev for item in on_disk(agenda_workspace).records("agenda_items")}
        assert sum(after[i] != before[i] for i in before) == 1  # one record rewritten, no renumbering
        await pilot.press("ctrl+up")
        await settle(app, pilot)
        assert agenda_titles(agenda_workspace, meeting.id) == ["Open feedback", "Review Q4 pipeline", "Webinar budget"]
        assert pane.item_list.cursor == 0  # the moved item stays selected
        totals = str(app.query_one("#agenda-totals", Static).render())
        assert "30 / 45 min" in totals and "Sales 15 min · Marketing 10 min" in totals


async def test_an_unknown_presenter_is_refused_in_words(agenda_workspace: Workspace) -> None:
    app = make_app(agenda_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("a")
        await type_text(app, pilot, "Budget 10m @zed")
        await pilot.press("enter")
        await settle(app, pilot)
        assert "no member matches @zed" in str(app.query_one("#quick-add-preview", Static).render())
        assert on_disk(agenda_workspace).records("agenda_items") == []
        assert app.query_one("#quick-add-input").value == "Budget 10m @zed"  # kept to correct


async def test_accepting_a_proposal_from_the_objectives(agenda_workspace: Workspace) -> None:
    app = make_app(agenda_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_agenda(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert on_disk(agenda_workspace).records("agenda_items") == []  # proposals are not records
        assert app.focused is pane.item_list
        proposal = pane.selected_entry
        assert proposal is not None and proposal.title.startswith("Review Pipeline coverage 3x: Coverage at")
        await pilot.press("enter")
        await settle(app, pilot)
        items = on_disk(agenda_workspace).records("agenda_items")
        assert [item.title for item in items] == [proposal.title]
        assert items[0].minutes == 10 and items[0].objective_id is not None
        sofia = next(m.id for m in agenda_workspace.records("members") if m.name == "Sofia Brandt")
        assert items[0].presenter_id == sofia
        assert len(pane._entries) == 1  # the proposal became the item
        await pilot.press("o")
        await settle(app, pilot)
        assert len(pane._entries) == 1  # the objective is covered now: nothing more to propose


async def test_dropping_a_proposal_writes_nothing(agenda_workspace: Workspace) -> None:
    app = make_app(agenda_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_agenda(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert len(pane._entries) == 1
        await pilot.press("d")
        await settle(app, pilot)
        assert pane._entries == []
        assert on_disk(agenda_workspace).records("agenda_items") == []


async def test_next_meeting_of_the_series_with_its_standing_items(agenda_workspace: Workspace) -> None:
    meeting = the_sync(agenda_workspace)
    agenda_workspace.create("agenda_items", meeting_id=meeting.id, title="Pipeline numbers", minutes=10, standing=True)
    agenda_workspace.create("agenda_items", meeting_id=meeting.id, title="One-off topic", minutes=20)
    app = make_app(agenda_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_agenda(app, pilot)
        await pilot.press("N")
        await settle(app, pilot)
        meetings = sorted(on_disk(agenda_workspace).records("meetings"), key=lambda m: m.starts_at)
        assert len(meetings) == 2
        following = meetings[1]
        assert following.starts_at == SYNC_AT + timedelta(weeks=1)
        assert following.series == "Weekly sync" and following.attendee_ids == meeting.attendee_ids
        assert agenda_titles(agenda_workspace, following.id) == ["Pipeline numbers"]
        assert pane.selected_meeting is not None and pane.selected_meeting.id == following.id


async def test_x_saves_the_agenda_in_exports_out_of_git(agenda_workspace: Workspace) -> None:
    meeting = the_sync(agenda_workspace)
    agenda_workspace.create("agenda_items", meeting_id=meeting.id, title="Pipeline numbers", minutes=10)
    run_git(agenda_workspace.folder, "add", "-A")
    run_git(agenda_workspace.folder, "commit", "-qm", "the sync")
    app = make_app(agenda_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        saved = agenda_workspace.folder / "exports" / "2026-11-17-sales-marketing-sync-agenda.md"
        assert saved.exists()
        text = saved.read_text()
        assert "Sales × Marketing sync" in text and "Pipeline numbers" in text
        assert run_git(agenda_workspace.folder, "status", "--porcelain").strip() == ""
        assert any(str(saved) in notice.message for notice in app._notifications)


async def test_deleting_a_meeting_and_undoing_it(agenda_workspace: Workspace) -> None:
    app = make_app(agenda_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_agenda(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        assert on_disk(agenda_workspace).records("meetings") == []
        assert pane.meeting_list.empty_text == NO_MEETINGS and pane.meeting_list.item_count == 0
        await pilot.press("u")
        await settle(app, pilot)
        assert len(on_disk(agenda_workspace).records("meetings")) == 1
        assert pane.selected_meeting is not None
        assert pane.item_list.empty_text == NO_ITEMS


async def test_new_meeting_form_offers_the_next_free_slot_of_the_series(agenda_workspace: Workspace) -> None:
    from tui.screens.record_form import RecordForm

    app = make_app(agenda_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordForm)
        local = (SYNC_AT + timedelta(weeks=1)).astimezone()
        assert form.query_one("#field-starts_at").value == f"{local:%Y-%m-%d %H:%M}"
        assert form.query_one("#field-series").value == "Weekly sync"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert len(on_disk(agenda_workspace).records("meetings")) == 2


async def test_a_read_only_workspace_refuses_at_the_key(agenda_workspace: Workspace) -> None:
    app = make_app(agenda_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agenda(app, pilot)
        agenda_workspace.make_read_only("a test says so")
        await pilot.press("a")
        await settle(app, pilot)
        assert not app.query_one(QuickAddLine).is_open
        assert any("read-only because a test says so" in n.message for n in app._notifications)


async def test_run_asks_the_app_for_the_runner(agenda_workspace: Workspace) -> None:
    app = make_app(agenda_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        from importlib.util import find_spec

        if find_spec("tui.screens.runner") is None:
            assert any("runner is not available yet" in n.message for n in app._notifications)
        else:
            assert type(app.screen).__name__ == "RunnerScreen"


async def test_marking_an_item_standing_and_who_only_listens(agenda_workspace: Workspace) -> None:
    meeting = the_sync(agenda_workspace)
    sofia = next(m.id for m in agenda_workspace.records("members") if m.name == "Sofia Brandt")
    item = agenda_workspace.create("agenda_items", meeting_id=meeting.id, title="Pipeline numbers", presenter_id=sofia)
    app = make_app(agenda_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agenda(app, pilot)
        totals = str(app.query_one("#agenda-totals", Static).render())
        assert "Sales 10 min" in totals and "Marketing only listens" in totals
        await pilot.press("tab", "S")
        await settle(app, pilot)
        assert on_disk(agenda_workspace).get("agenda_items", item.id).standing


async def test_the_palette_exports_the_agenda_as_a_calendar_event(agenda_workspace: Workspace) -> None:
    app = make_app(agenda_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("ctrl+p")
        await type_text(app, pilot, "agenda as calendar")
        await wait_until(pilot, lambda: _palette_hits(app) > 0)  # the palette searches after a debounce
        await pilot.press("enter")
        await settle(app, pilot)
        saved = agenda_workspace.folder / "exports" / "2026-11-17-sales-marketing-sync-agenda.ics"
        assert saved.read_bytes().startswith(b"BEGIN:VCALENDAR")
