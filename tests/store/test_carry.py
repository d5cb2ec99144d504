"""Carry-over at close and pulling open items: once, idempotent, and across two clones."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from store import meeting_run as run
from store.agenda import agenda_of, series_meetings
from store.carry import carried_id, carry_over, create_next_meeting, pull_open_items
from store.merge import merge
from store.models import AgendaStatus
from store.storage import decode_document
from store.workspace import Workspace

START = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)
SERIES = "Sales × Marketing sync"


def _meeting_with_agenda(workspace: Workspace, start: datetime = START) -> str:
    meeting = workspace.create("meetings", title="Sync", starts_at=start, duration_min=45, series=SERIES)
    rows = [("Pipeline numbers", True), ("Lead routing bug", False), ("CAC plan", False), ("Webinar 2", False)]
    for title, standing in rows:
        workspace.create("agenda_items", meeting_id=meeting.id, title=title, standing=standing)
    return meeting.id


def _run_two_items_and_end(workspace: Workspace, meeting_id: str) -> None:
    run.start_meeting(workspace, meeting_id, START)
    run.next_item(workspace, meeting_id, START + timedelta(minutes=10))
    run.next_item(workspace, meeting_id, START + timedelta(minutes=20))
    run.end_meeting(workspace, meeting_id, START + timedelta(minutes=40))


def test_open_items_go_to_a_new_next_meeting_with_the_standing_items(workspace: Workspace) -> None:
    meeting_id = _meeting_with_agenda(workspace)
    _run_two_items_and_end(workspace, meeting_id)
    result = carry_over(workspace, meeting_id, START + timedelta(minutes=41))
    assert result.created_meeting and result.carried == 2 and result.marked == 2
    target = result.target
    assert target.starts_at == START + timedelta(weeks=1) and target.series == SERIES
    new_agenda = agenda_of(workspace.records("agenda_items"), target.id)
    assert [(i.title, i.standing, bool(i.carried_from)) for i in new_agenda] == [
        ("Pipeline numbers", True, False),
        ("CAC plan", False, True),
        ("Webinar 2", False, True),
    ]
    old = agenda_of(workspace.records("agenda_items"), meeting_id)
    assert [i.status for i in old] == ["done", "done", "carried", "carried"]
    assert {i.carried_from for i in new_agenda if i.carried_from} == {old[2].id, old[3].id}


def test_carrying_twice_never_duplicates(workspace: Workspace) -> None:
    meeting_id = _meeting_with_agenda(workspace)
    _run_two_items_and_end(workspace, meeting_id)
    carry_over(workspace, meeting_id, START)
    count = workspace.count("agenda_items")
    again = carry_over(workspace, meeting_id, START)
    assert (again.carried, again.marked, again.created_meeting) == (0, 0, False)
    assert workspace.count("agenda_items") == count


def test_carrying_into_an_existing_next_meeting_appends_after_its_items(workspace: Workspace) -> None:
    meeting_id = _meeting_with_agenda(workspace)
    later = workspace.create("meetings", title="Sync", starts_at=START + timedelta(weeks=1), series=SERIES)
    first = workspace.create("agenda_items", meeting_id=later.id, title="Already planned")
    _run_two_items_and_end(workspace, meeting_id)
    result = carry_over(workspace, meeting_id, START)
    assert result.target.id == later.id and not result.created_meeting
    titles = [i.title for i in agenda_of(workspace.records("agenda_items"), later.id)]
    assert titles == [first.title, "CAC plan", "Webinar 2"]


def test_two_clones_closing_the_same_meeting_offline_merge_into_one_carry(workspace: Workspace, tmp_path: Path) -> None:
    """Both clones create the next meeting and the same copies: the merge keeps one of each.
    The two runs' end times and drivers collide: the later values are kept, the others set
    aside as conflicts for review."""
    meeting_id = _meeting_with_agenda(workspace)
    base = workspace.path.read_bytes()
    clones = []
    for name, who, ending in (("ours", "ana@example.com", 40), ("theirs", "malik@example.com", 42)):
        (tmp_path / name).mkdir()
        shutil.copy(workspace.path, tmp_path / name / "alinea.json")
        clone = Workspace(tmp_path / name, who=who)
        run.start_meeting(clone, meeting_id, START)
        run.end_meeting(clone, meeting_id, START + timedelta(minutes=ending))
        carry_over(clone, meeting_id, START + timedelta(minutes=ending))
        clones.append(clone.path.read_bytes())
    path = workspace.path
    merged, conflicts = merge(*(decode_document(raw, path) for raw in (base, *clones)))
    meetings = [m for m in merged["meetings"].values() if not m["deleted"]]
    assert len(meetings) == 2
    items = list(merged["agenda_items"].values())
    copies = [i for i in items if i["carried_from"]]
    assert len(copies) == 3 and len({i["carried_from"] for i in copies}) == 3
    assert len([i for i in items if i["title"] == "Pipeline numbers"]) == 2  # the old one and one copy
    # What really collided is kept for review: who ran it, and when it (and its item in progress) ended.
    collided = {("meetings", "ended_at"), ("meetings", "started_by"), ("agenda_items", "ended_at")}
    assert {(c["table"], c["field"]) for c in conflicts} == collided
    ended = merged["meetings"][meeting_id]["ended_at"]
    assert ended.startswith("2026-12-01T10:12")  # the later end is kept


def test_pull_takes_the_open_items_of_the_previous_meeting_not_carried_yet(workspace: Workspace) -> None:
    previous = _meeting_with_agenda(workspace)
    nxt = create_next_meeting(workspace, SERIES, START)
    assert [i.title for i in agenda_of(workspace.records("agenda_items"), nxt.id)] == ["Pipeline numbers"]
    pulled = pull_open_items(workspace, nxt.id)
    assert pulled.carried == 3
    assert pull_open_items(workspace, nxt.id).carried == 0
    old = agenda_of(workspace.records("agenda_items"), previous)
    assert [i.status for i in old] == [AgendaStatus.open] + [AgendaStatus.carried] * 3
    copy = workspace.get("agenda_items", carried_id(old[1].id, nxt.id))
    assert copy.title == "Lead routing bug"


def test_the_next_meeting_of_a_series_is_made_once_per_previous_meeting(workspace: Workspace) -> None:
    _meeting_with_agenda(workspace)
    first = create_next_meeting(workspace, SERIES, START)
    second = create_next_meeting(workspace, SERIES, START)
    assert second.starts_at == first.starts_at + timedelta(weeks=1)
    assert len(series_meetings(workspace.records("meetings"), SERIES)) == 3
