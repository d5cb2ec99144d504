"""Feedback actions: respond, resolve, turn into a task, put on the agenda; links by title."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from store.errors import InvalidInput
from store.feedback_actions import (
    first_line,
    put_on_agenda,
    resolve,
    respond,
    task_from_feedback,
    thread,
    turn_into_task,
)
from store.references import DELETED, reference, subject_of, title_of
from store.workspace import Workspace

NOW = datetime(2026, 11, 18, 8, tzinfo=timezone.utc)


@pytest.fixture
def team(workspace: Workspace) -> dict[str, str]:
    ws = workspace
    ids = {
        "ana": ws.create("members", name="Ana Ruiz", department="Sales").id,
        "malik": ws.create("members", name="Malik Johnson", department="Marketing").id,
        "priya": ws.create("members", name="Priya Raman", department="Marketing").id,
    }
    ids["goal"] = ws.create("objectives", title="Reduce CAC", owner_ids=[ids["malik"], ids["ana"]]).id
    sync = dict(series="Sync", duration_min=45, attendee_ids=[ids["malik"], ids["priya"]])
    ids["past"] = ws.create("meetings", title="Sync 1", starts_at=NOW - timedelta(days=6), status="done", **sync).id
    ids["next"] = ws.create("meetings", title="Sync 2", starts_at=NOW + timedelta(days=6), **sync).id
    ids["other"] = ws.create("meetings", title="Board prep", starts_at=NOW + timedelta(days=1)).id
    ids["item"] = ws.create(
        "agenda_items", meeting_id=ids["past"], title="CAC trend", presenter_id=ids["priya"], objective_id=ids["goal"]
    ).id
    ws.create("agenda_items", meeting_id=ids["next"], title="Pipeline", position="V", minutes=10)
    ids["task"] = ws.create(
        "tasks", title="CAC memo", owner_id=ids["malik"], objective_id=ids["goal"], meeting_id=ids["past"], position="V"
    ).id
    return ids


def feedback(ws: Workspace, author: str, table: str | None, subject: str | None, body: str, **more: str) -> str:
    return ws.create("feedback", author_id=author, subject_table=table, subject_id=subject, body=body, **more).id


def test_respond_acknowledges_and_resolve_closes(workspace: Workspace, team: dict[str, str]) -> None:
    entry = feedback(workspace, team["ana"], "objectives", team["goal"], "CAC has barely moved")
    answered = respond(workspace, entry, "  Recovery plan next week ")
    assert answered.status.value == "acknowledged" and answered.response == "Recovery plan next week"
    assert resolve(workspace, entry).status.value == "resolved"
    assert respond(workspace, entry, "Done").status.value == "resolved"
    with pytest.raises(InvalidInput, match="write a response"):
        respond(workspace, entry, "  ")


def test_a_task_from_feedback_on_an_objective_goes_to_its_first_owner(
    workspace: Workspace, team: dict[str, str]
) -> None:
    entry = feedback(workspace, team["priya"], "objectives", team["goal"], "Try a referral offer\n\nIt costs less.")
    task = turn_into_task(workspace, entry)
    assert task.title == "Try a referral offer" and task.description.endswith("It costs less.")
    assert task.owner_id == team["ana"] and task.department == "Sales"  # Ana before Malik, by name
    assert task.feedback_id == entry and task.objective_id == team["goal"] and task.status.value == "todo"
    assert task.position > "V"  # after the last To do card
    assert [(t.table, t.record_id) for t in thread(workspace, entry)] == [("tasks", task.id)]


@pytest.mark.parametrize(
    ("subject", "owner", "objective", "meeting"),
    [("task", "malik", "goal", "past"), ("item", "priya", "goal", "past"), ("past", "malik", None, "past")],
)
def test_task_owner_follows_the_subject(
    workspace: Workspace, team: dict[str, str], subject: str, owner: str, objective: str | None, meeting: str
) -> None:
    table = {"task": "tasks", "item": "agenda_items", "past": "meetings"}[subject]
    entry = workspace.get("feedback", feedback(workspace, team["ana"], table, team[subject], "Follow up"))
    fields = task_from_feedback(workspace, entry)
    assert fields["owner_id"] == team[owner]
    assert fields["objective_id"] == (team[objective] if objective else None)
    assert fields["meeting_id"] == team[meeting]


def test_feedback_about_nothing_or_a_deleted_subject_goes_to_its_author(
    workspace: Workspace, team: dict[str, str]
) -> None:
    loose = workspace.get("feedback", feedback(workspace, team["priya"], None, None, "Shared Slack channel?"))
    assert task_from_feedback(workspace, loose)["owner_id"] == team["priya"]
    entry = workspace.get("feedback", feedback(workspace, team["priya"], "tasks", team["task"], "Memo is late"))
    workspace.delete("tasks", team["task"])
    fields = task_from_feedback(workspace, entry)
    assert fields["owner_id"] == team["priya"] and fields["objective_id"] is None
    assert title_of(workspace, "tasks", team["task"]) == DELETED
    assert subject_of(workspace, entry).gone and subject_of(workspace, entry).title == DELETED
    assert title_of(workspace, "tasks", "f" * 32) == DELETED  # never seen on this clone
    assert title_of(workspace, "nonsense", "f" * 32) == DELETED
    assert reference(workspace, None, None) is None and title_of(workspace, "tasks", None) == ""


def test_on_the_agenda_of_the_next_meeting_of_the_subjects_series(workspace: Workspace, team: dict[str, str]) -> None:
    entry = feedback(workspace, team["malik"], "agenda_items", team["item"], "Review CAC weekly", kind="idea")
    item = put_on_agenda(workspace, entry, NOW)
    assert item.meeting_id == team["next"]  # the series' next meeting, not the earlier board prep
    assert item.presenter_id == team["malik"] and item.minutes == 5 and item.feedback_id == entry
    assert item.objective_id == team["goal"] and item.position > "V"
    loose = feedback(workspace, team["ana"], None, None, "Lunch together?")
    assert put_on_agenda(workspace, loose, NOW).meeting_id == team["other"]  # simply the next meeting
    second = put_on_agenda(workspace, entry, NOW)
    assert second.position > item.position
    assert [t.record_id for t in thread(workspace, entry)] == [item.id, second.id]


def test_no_planned_meeting_is_said_in_words(workspace: Workspace, team: dict[str, str]) -> None:
    entry = feedback(workspace, team["ana"], None, None, "Anything")
    with pytest.raises(InvalidInput, match="no meeting is planned"):
        put_on_agenda(workspace, entry, NOW + timedelta(days=30))
    assert workspace.count("agenda_items") == 2


def test_first_line_is_cut_at_a_word() -> None:
    assert first_line("\n\n## Heading here\nmore") == "Heading here"
    long = "word " * 40
    cut = first_line(long, limit=30)
    assert cut.endswith("…") and len(cut) <= 30 and "wor…" not in cut
