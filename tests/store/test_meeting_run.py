"""Running a meeting with a fake clock: countdown, overrun, pause, reopen, capture, end."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from store import meeting_run as run
from store.agenda import agenda_of
from store.errors import InvalidInput
from store.models import AgendaStatus, MeetingStatus
from store.workspace import Workspace
from tests.conftest import GIT_EMAIL

START = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


@pytest.fixture
def planned(workspace: Workspace) -> str:
    ana = workspace.create("members", name="Ana Ruiz", email=GIT_EMAIL, department="Sales")
    goal = workspace.create("objectives", title="Pipeline")
    meeting = workspace.create("meetings", title="Sync", starts_at=START, duration_min=30, attendee_ids=[ana.id])
    workspace.create("agenda_items", meeting_id=meeting.id, title="Pipeline numbers", minutes=10, objective_id=goal.id)
    workspace.create("agenda_items", meeting_id=meeting.id, title="Webinar budget", minutes=15)
    workspace.create("agenda_items", meeting_id=meeting.id, title="AOB", minutes=5)
    return meeting.id


def test_starting_runs_the_meeting_and_its_first_item(workspace: Workspace, planned: str) -> None:
    meeting = run.start_meeting(workspace, planned, at(1))
    assert (meeting.status, meeting.started_at, meeting.started_by) == (MeetingStatus.running, at(1), GIT_EMAIL)
    _, items = run.load(workspace, planned)
    assert run.current_item(items).title == "Pipeline numbers"
    clock = run.run_clock(meeting, items, at(5))
    assert (clock.countdown, clock.elapsed, clock.length) == ("6:00", 240, 1800)
    assert clock.planned_end == at(30)
    with pytest.raises(InvalidInput, match="running already"):
        run.start_meeting(workspace, planned, at(2))


def test_the_countdown_goes_negative_when_an_item_runs_over(workspace: Workspace, planned: str) -> None:
    meeting = run.start_meeting(workspace, planned, at(0))
    _, items = run.load(workspace, planned)
    clock = run.run_clock(meeting, items, at(12) + timedelta(seconds=10))
    assert clock.item_remaining == -130 and clock.countdown == "+2:10 over" and clock.over
    assert run.run_clock(meeting, items, at(9.5)).warning


def test_done_and_next_then_back(workspace: Workspace, planned: str) -> None:
    run.start_meeting(workspace, planned, at(0))
    assert run.next_item(workspace, planned, at(8)).title == "Webinar budget"
    meeting, items = run.load(workspace, planned)
    assert items[0].status == AgendaStatus.done and items[0].ended_at == at(8)
    assert run.run_clock(meeting, items, at(10)).countdown == "13:00"
    back = run.previous_item(workspace, planned, at(11))
    assert back.title == "Pipeline numbers"
    meeting, items = run.load(workspace, planned)
    assert run.run_clock(meeting, items, at(11)).countdown == "2:00"  # resumes where it stopped
    assert items[1].started_at is None


def test_pause_stops_both_clocks_and_resume_continues(workspace: Workspace, planned: str) -> None:
    run.start_meeting(workspace, planned, at(0))
    run.pause_or_resume(workspace, planned, at(4))
    meeting, items = run.load(workspace, planned)
    assert run.run_clock(meeting, items, at(20)).countdown == "6:00"
    assert run.run_clock(meeting, items, at(20)).paused
    meeting = run.pause_or_resume(workspace, planned, at(20))
    assert meeting.paused_seconds == 16 * 60 and meeting.paused_at is None
    _, items = run.load(workspace, planned)
    clock = run.run_clock(meeting, items, at(21))
    assert (clock.countdown, clock.elapsed) == ("5:00", 300)


def test_a_reopened_workspace_finds_the_countdown_where_it_was(workspace: Workspace, planned: str) -> None:
    run.start_meeting(workspace, planned, at(0))
    run.next_item(workspace, planned, at(9))
    reopened = Workspace(workspace.folder)
    meeting, items = run.load(reopened, planned)
    clock = run.run_clock(meeting, items, at(14))
    assert (clock.item.title, clock.countdown, clock.done) == ("Webinar budget", "10:00", 1)


def test_only_the_person_who_started_drives(workspace: Workspace, planned: str) -> None:
    meeting = run.start_meeting(workspace, planned, at(0))
    other = Workspace(workspace.folder, who="malik@example.com")
    assert run.may_drive(meeting, GIT_EMAIL) and not run.may_drive(meeting, "malik@example.com")
    with pytest.raises(InvalidInput, match="only ana.ruiz@example.com drives"):
        run.next_item(other, planned, at(3))
    members = workspace.records("members")
    assert run.running_label(meeting, members, timezone.utc) == "running, started by Ana at 09:30"


def test_decisions_notes_and_tasks_are_captured_on_the_item(workspace: Workspace, planned: str) -> None:
    run.start_meeting(workspace, planned, at(0))
    _, items = run.load(workspace, planned)
    first = items[0]
    run.add_decision(workspace, first.id, "Adopt the shared  lead score")
    item = run.add_decision(workspace, first.id, "Review in four weeks")
    assert item.outcome == "- Adopt the shared lead score\n- Review in four weeks"
    assert run.decisions(item) == ["Adopt the shared lead score", "Review in four weeks"]
    assert run.add_notes(workspace, first.id, "From the CRM").notes == "From the CRM"
    earlier = workspace.create("tasks", title="Existing card")
    task = run.add_task(workspace, planned, first.id, "Send revised lead-score sheet @ana fri !high", date(2026, 12, 1))
    assert (task.meeting_id, task.objective_id, task.status, task.department) == (
        planned,
        first.objective_id,
        "todo",
        "Sales",
    )
    assert task.due == date(2026, 12, 4) and task.priority == "high" and task.position > earlier.position
    with pytest.raises(InvalidInput, match="no member matches @nobody"):
        run.add_task(workspace, planned, first.id, "Something @nobody", date(2026, 12, 1))


def test_ending_stamps_the_meeting_and_leaves_the_unfinished_item_open(workspace: Workspace, planned: str) -> None:
    run.start_meeting(workspace, planned, at(0))
    run.next_item(workspace, planned, at(10))
    run.pause_or_resume(workspace, planned, at(20))
    meeting = run.end_meeting(workspace, planned, at(22))
    assert (meeting.status, meeting.ended_at, meeting.paused_at, meeting.paused_seconds) == (
        MeetingStatus.done,
        at(22),
        None,
        120,
    )
    items = agenda_of(workspace.records("agenda_items"), planned)
    assert [i.status for i in items] == ["done", "open", "open"]
    assert items[1].ended_at == at(20)  # the item stopped counting when the pause began
    assert run.meeting_elapsed(meeting, at(60)) == 20 * 60
    with pytest.raises(InvalidInput, match="has ended"):
        run.start_meeting(workspace, planned, at(30))


def test_a_step_reaches_the_file_whole_never_half(workspace: Workspace, planned: str) -> None:
    """The item done and the next one started are one save: at no moment does the file on disk
    hold one without the other (a machine that stops halfway leaves the step undone, not half done)."""
    run.start_meeting(workspace, planned, at(0))
    seen_on_disk = []

    def look_at_the_file(change: object) -> None:
        _, items = run.load(Workspace(workspace.folder, who=GIT_EMAIL), planned)
        seen_on_disk.append((items[0].status, items[1].started_at))

    unsubscribe = workspace.subscribe(look_at_the_file)
    run.next_item(workspace, planned, at(8))
    unsubscribe()
    look_at_the_file(None)
    before, after = (AgendaStatus.open, None), (AgendaStatus.done, at(8))
    assert seen_on_disk[-1] == after
    assert set(seen_on_disk) <= {before, after}, "a step was on disk half done"
