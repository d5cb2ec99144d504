"""The meeting runner, driven from the keyboard on the sample quarter with a fake clock."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Digits, Static

from store import meeting_run
from store.export.minutes import minutes_markdown
from store.models import AgendaStatus, MeetingStatus, TaskStatus
from store.workspace import Workspace
from tests.tui.app_harness import on_disk, press, settle, type_text
from tests.tui.runner_harness import (  # noqa: F401 - utc is a fixture
    START,
    Clock,
    agenda,
    demo_folder,
    open_runner,
    planned_meeting,
    runner_app,
    utc,
)
from tui.screens.confirm import ConfirmScreen
from tui.screens.runner import RunnerScreen
from tui.widgets.board_column import BoardColumn
from tui.widgets.capture_line import CaptureLine

DECISION = "Report pipeline from the CRM dashboard only"
TASK = "Send revised lead-score sheet @sofia fri !high"


def _countdown(app) -> tuple[str, str, str]:  # noqa: ANN001
    digits = app.screen.query_one("#runner-countdown", Digits).value
    words = str(app.screen.query_one("#runner-countdown-words", Static).render())
    meeting = str(app.screen.query_one("#runner-meeting", Static).render())
    return digits, words, meeting


async def _run_two_items_then_end(app, pilot, clock: Clock, *, carry: bool) -> None:  # noqa: ANN001
    """Item 1: a decision and a task, done after 9 minutes; item 2 done after 14; then x, y, y|n."""
    await open_runner(app, pilot)
    await press(app, pilot, "d")
    await type_text(app, pilot, DECISION)
    await press(app, pilot, "enter")
    await press(app, pilot, "t")
    await type_text(app, pilot, TASK)
    await press(app, pilot, "enter")
    clock.advance(minutes=9)
    await press(app, pilot, "space")
    clock.advance(minutes=14)
    await press(app, pilot, "space")
    clock.advance(minutes=2)
    await press(app, pilot, "x")
    assert isinstance(app.screen, ConfirmScreen)
    await press(app, pilot, "y")
    assert isinstance(app.screen, ConfirmScreen)  # the offer to carry the open items
    await press(app, pilot, "y" if carry else "n")


async def test_a_meeting_run_through_two_items_ends_and_carries_the_rest(tmp_path: Path, utc: None) -> None:  # noqa: F811
    folder = demo_folder(tmp_path)
    clock = Clock()
    app = runner_app(folder, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _run_two_items_then_end(app, pilot, clock, carry=True)
        runner = app.screen
        assert isinstance(runner, RunnerScreen)
        assert "ended at 09:56" in str(runner.query_one("#runner-status", Static).render())
        await press(app, pilot, "escape")
        await press(app, pilot, "4")
        todo = [card.title for card in app.query_one("#column-todo", BoardColumn).cards]
        assert "Send revised lead-score sheet" in todo

    stored = on_disk(Workspace(folder))
    meeting = stored.get("meetings", runner.meeting_id)
    assert meeting.status == MeetingStatus.done
    assert (meeting.started_at, meeting.ended_at) == (START, START.replace(minute=56))
    assert meeting.started_by == "ana.ruiz@example.com"
    items = agenda(stored, meeting.id)
    assert [i.status for i in items] == ["done", "done", "carried", "carried", "open"]  # the standing item stays
    assert meeting_run.decisions(items[0]) == [DECISION]
    task = next(t for t in stored.records("tasks") if t.title == "Send revised lead-score sheet")
    sofia = next(m for m in stored.records("members") if m.name.startswith("Sofia"))
    assert (task.status, task.owner_id, task.priority) == (TaskStatus.todo, sofia.id, "high")
    assert task.meeting_id == meeting.id
    assert task.objective_id == items[0].objective_id and task.due.strftime("%a") == "Fri"
    following = next(m for m in stored.records("meetings") if m.status == "planned")
    carried = agenda(stored, following.id)
    assert [i.title for i in carried if i.carried_from] == ["MQL→SQL after the SLA", "Webinar 2 promotion"]
    assert {i.carried_from for i in carried if i.carried_from} == {items[2].id, items[3].id}
    assert [i.title for i in carried if i.standing] == ["Pipeline numbers", "Open feedback"]


async def test_the_minutes_after_a_run(tmp_path: Path, utc: None) -> None:  # noqa: F811
    folder = demo_folder(tmp_path)
    clock = Clock()
    app = runner_app(folder, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _run_two_items_then_end(app, pilot, clock, carry=True)
        meeting_id = app.screen.meeting_id

    stored = on_disk(Workspace(folder))
    minutes = minutes_markdown(stored, stored.get("meetings", meeting_id))
    assert "09:31" in minutes and "09:56" in minutes  # the actual start and end
    assert DECISION in minutes
    assert "Send revised lead-score sheet" in minutes and "Sofia" in minutes
    assert "MQL→SQL after the SLA" in minutes and "Webinar 2 promotion" in minutes


async def test_ending_without_carrying_leaves_the_items_open(tmp_path: Path, utc: None) -> None:  # noqa: F811
    folder = demo_folder(tmp_path)
    clock = Clock()
    app = runner_app(folder, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await _run_two_items_then_end(app, pilot, clock, carry=False)
        meeting_id = app.screen.meeting_id
    stored = on_disk(Workspace(folder))
    assert [i.status for i in agenda(stored, meeting_id)] == ["done", "done", "open", "open", "open"]
    assert len(stored.records("meetings")) == 6  # no next meeting made


async def test_reopening_the_app_mid_run_finds_the_countdown_where_it_was(tmp_path: Path, utc: None) -> None:  # noqa: F811
    folder = demo_folder(tmp_path)
    clock = Clock()
    app = runner_app(folder, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_runner(app, pilot)
        clock.advance(minutes=12)
        await press(app, pilot, "space")  # item 2 (15 min) starts at 09:43
    clock.advance(minutes=5, seconds=30)  # the app is closed, or crashed, meanwhile

    again = runner_app(folder, clock)
    async with again.run_test(size=(120, 40)) as pilot:
        await open_runner(again, pilot)
        digits, words, meeting = _countdown(again)
        assert (digits, words) == ("9:30", "left")
        assert "Meeting 17:30 of 45:00" in meeting and "item 2 of 5" in meeting
        clock.advance(seconds=10)
        again.screen.tick()
        assert _countdown(again)[0] == "9:20"


async def test_the_countdown_warns_in_the_last_minute_and_says_how_far_over(tmp_path: Path, utc: None) -> None:  # noqa: F811
    clock = Clock()
    app = runner_app(demo_folder(tmp_path), clock)
    async with app.run_test(size=(120, 40)) as pilot:
        runner = await open_runner(app, pilot)
        box = runner.query_one("#runner-clock")
        clock.advance(minutes=9, seconds=15)
        runner.tick()
        assert _countdown(app)[:2] == ("0:45", "left") and box.has_class("-warning")
        clock.advance(minutes=3)
        runner.tick()
        assert _countdown(app)[:2] == ("+2:15", "over") and box.has_class("-over")
        await press(app, pilot, "p")
        clock.advance(minutes=5)
        runner.tick()
        assert _countdown(app)[:2] == ("+2:15", "paused")
        await press(app, pilot, "p")
        clock.advance(seconds=5)
        runner.tick()
        assert _countdown(app)[:2] == ("+2:20", "over")


async def test_a_teammate_who_did_not_start_the_run_follows_it_read_only(tmp_path: Path, utc: None) -> None:  # noqa: F811
    folder = demo_folder(tmp_path)
    workspace = Workspace(folder)
    meeting = planned_meeting(workspace)
    meeting_run.apply(workspace, meeting_run.start(meeting, agenda(workspace, meeting.id), START,
                                                  "sofia.brandt@example.com"))
    clock = Clock()
    clock.advance(minutes=2)
    app = runner_app(folder, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        runner = await open_runner(app, pilot)
        status = str(runner.query_one("#runner-status", Static).render())
        assert "Running, started by Sofia at 09:31" in status
        await press(app, pilot, "space")
        await press(app, pilot, "d")
        said = [n.message for n in app._notifications]
        assert any("Only the person who started the meeting moves it on" in m for m in said)
        assert not runner.query_one(CaptureLine).is_open
    stored = on_disk(workspace)
    assert agenda(stored, meeting.id)[0].status == AgendaStatus.open
    assert stored.get("meetings", meeting.id).started_by == "sofia.brandt@example.com"


async def test_a_task_line_says_what_is_wrong_and_saves_nothing(tmp_path: Path, utc: None) -> None:  # noqa: F811
    folder = demo_folder(tmp_path)
    app = runner_app(folder, Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        runner = await open_runner(app, pilot)
        tasks = len(Workspace(folder).records("tasks"))
        await press(app, pilot, "t")
        await type_text(app, pilot, "Call the agency @nobody")
        preview = str(runner.query_one("#capture-preview", Static).render())
        assert preview == "no member matches @nobody"
        await press(app, pilot, "enter")
        assert runner.query_one(CaptureLine).is_open
        await press(app, pilot, "escape")
        assert not runner.query_one(CaptureLine).is_open and isinstance(app.screen, RunnerScreen)
    assert len(on_disk(Workspace(folder)).records("tasks")) == tasks


async def test_feedback_and_notes_about_the_current_item(tmp_path: Path, utc: None) -> None:  # noqa: F811
    folder = demo_folder(tmp_path)
    app = runner_app(folder, Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        runner = await open_runner(app, pilot)
        item = runner.current
        await press(app, pilot, "f")
        await type_text(app, pilot, "#concern the dashboard lags a day")
        await press(app, pilot, "enter")
        await press(app, pilot, "n")
        await type_text(app, pilot, " Ask IT.")
        await press(app, pilot, "ctrl+s")
        await settle(app, pilot)
    stored = on_disk(Workspace(folder))
    entry = next(f for f in stored.records("feedback") if f.body == "the dashboard lags a day")
    me = stored.member_by_email("ana.ruiz@example.com")
    assert (entry.kind, entry.author_id, entry.subject_table, entry.subject_id) == (
        "concern", me.id, "objectives", item.objective_id)
    assert stored.get("agenda_items", item.id).notes.endswith("Ask IT.")


async def test_the_palette_runs_the_next_meeting(tmp_path: Path, utc: None) -> None:  # noqa: F811
    folder = demo_folder(tmp_path)
    planned = planned_meeting(Workspace(folder)).id
    app = runner_app(folder, Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "ctrl+p")
        await type_text(app, pilot, "Run meeting")
        await press(app, pilot, "enter")
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.meeting_id == planned
