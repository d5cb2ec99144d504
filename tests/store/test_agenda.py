"""The agenda's pure rules: order and moves, the running clock, airtime, meetings and series."""

from __future__ import annotations

import random
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store import agenda
from store.agenda import (
    UNASSIGNED,
    agenda_of,
    airtime,
    append_position,
    clock_line,
    default_series,
    fill,
    group_meetings,
    insert_position,
    move_down,
    move_to,
    move_to_bottom,
    move_to_top,
    move_up,
    next_meeting,
    next_slot,
    plan_next_meeting,
    series_meetings,
    when_label,
)
from store.merge import merge
from store.models import AgendaItem, MeetingStatus
from store.storage import decode_document
from store.workspace import Workspace
from tests.store.records import item, meeting, member

UTC = timezone.utc
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def build(titles: list[str]) -> tuple[str, list[AgendaItem]]:
    m = meeting()
    items: list[AgendaItem] = []
    for title in titles:
        items.append(item(m.id, title, position=append_position(items)))
    return m.id, items


def apply_moves(items: list[AgendaItem], moves: dict[str, str], meeting_id: str) -> list[AgendaItem]:
    moved = [i.model_copy(update={"position": moves[i.id]}) if i.id in moves else i for i in items]
    return agenda_of(moved, meeting_id)


def titles(items: list[AgendaItem]) -> list[str]:
    return [i.title for i in items]


# -- order ------------------------------------------------------------------------------
def test_appended_items_keep_the_order_they_were_added_in() -> None:
    meeting_id, items = build(["a", "b", "c"])
    assert titles(agenda_of(reversed(items), meeting_id)) == ["a", "b", "c"]


def test_inserting_between_two_items_rewrites_nothing_else() -> None:
    meeting_id, items = build(["a", "c"])
    position, moves = insert_position(items, 1)
    assert moves == {}
    new = item(meeting_id, "b", position=position)
    assert titles(agenda_of([*items, new], meeting_id)) == ["a", "b", "c"]


def test_each_move_rewrites_one_item() -> None:
    meeting_id, items = build(["a", "b", "c", "d"])
    for change, expected in [
        (move_up(items, items[2].id), ["a", "c", "b", "d"]),
        (move_down(items, items[0].id), ["b", "a", "c", "d"]),
        (move_to_top(items, items[3].id), ["d", "a", "b", "c"]),
        (move_to_bottom(items, items[0].id), ["b", "c", "d", "a"]),
    ]:
        assert len(change) == 1
        assert titles(apply_moves(items, change, meeting_id)) == expected


def test_moving_the_first_item_up_changes_nothing() -> None:
    _, items = build(["a", "b"])
    assert move_up(items, items[0].id) == {}
    assert move_down(items, items[1].id) == {}


def test_items_without_positions_are_repaired_by_the_first_move() -> None:
    """Schema-1 items all had position '': a move still lands where asked."""
    m = meeting()
    items = agenda_of([item(m.id, t) for t in "abcd"], m.id)
    before = titles(items)
    change = move_to(items, items[3].id, 1)
    after = titles(apply_moves(items, change, m.id))
    assert after == [before[0], before[3], before[1], before[2]]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=200, max_size=200))
def test_two_hundred_random_moves_keep_a_strict_order(moves: list[tuple[int, int]]) -> None:
    meeting_id, items = build([str(n) for n in range(10)])
    expected = titles(items)
    for source, target in moves:
        change = move_to(items, items[source].id, target)
        items = apply_moves(items, change, meeting_id)
        expected.insert(target, expected.pop(source))
        assert titles(items) == expected
        positions = [i.position for i in items]
        assert positions == sorted(positions) and len(set(positions)) == len(positions)


def _clone(source: Path, target: Path) -> Path:
    target.mkdir()
    shutil.copy(source / "alinea.json", target / "alinea.json")
    return target


def test_two_reorders_on_two_clones_merge_without_renumbering(workspace: Workspace, tmp_path: Path) -> None:
    m = workspace.create("meetings", title="Sync", starts_at=NOW)
    for title in "abcde":
        workspace.create("agenda_items", meeting_id=m.id, title=title)
    base_bytes = workspace.path.read_bytes()
    ours = Workspace(_clone(workspace.folder, tmp_path / "ours"), who="ana@example.com")
    theirs = Workspace(_clone(workspace.folder, tmp_path / "theirs"), who="malik@example.com")
    mine = agenda_of(ours.records("agenda_items"), m.id)
    for item_id, position in move_to_top(mine, mine[3].id).items():  # d to the top
        ours.update("agenda_items", item_id, position=position)
    other = agenda_of(theirs.records("agenda_items"), m.id)
    for item_id, position in move_to_bottom(other, other[0].id).items():  # a to the bottom
        theirs.update("agenda_items", item_id, position=position)

    path = workspace.path
    merged, conflicts = merge(
        decode_document(base_bytes, path),
        decode_document(ours.path.read_bytes(), path),
        decode_document(theirs.path.read_bytes(), path),
    )
    assert conflicts == []
    rows = sorted(merged["agenda_items"].values(), key=lambda r: r["position"])
    assert [r["title"] for r in rows] == ["d", "b", "c", "e", "a"]
    base = decode_document(base_bytes, path)
    untouched = [r for r in rows if r["title"] in "bce"]
    assert all(r == base["agenda_items"][r["id"]] for r in untouched)  # no renumbering


def test_new_items_and_tasks_without_a_position_go_after_their_siblings(workspace: Workspace) -> None:
    m = workspace.create("meetings", title="Sync", starts_at=NOW)
    other = workspace.create("meetings", title="Other", starts_at=NOW)
    first = workspace.create("agenda_items", meeting_id=m.id, title="first")
    workspace.create("agenda_items", meeting_id=other.id, title="elsewhere", position="zz")
    second = workspace.create("agenda_items", meeting_id=m.id, title="second")
    assert first.position and first.position < second.position < "zz"
    todo = workspace.create("tasks", title="a")
    done = workspace.create("tasks", title="b", status="done")
    later = workspace.create("tasks", title="c")
    assert "" not in (todo.position, done.position) and todo.position < later.position


# -- clock, totals, airtime -------------------------------------------------------------
def test_the_running_clock_adds_the_time_boxes() -> None:
    m = meeting(starts_at=datetime(2026, 12, 1, 9, 30, tzinfo=UTC), duration_min=45)
    items = [item(m.id, "Review Q4 pipeline", 15, "1"), item(m.id, "Webinar budget", 20, "2")]
    items.append(item(m.id, "AOB", 5, "3"))
    assert clock_line(m, items, UTC) == "09:30 Review Q4 pipeline · 09:45 Webinar budget · 10:05 AOB"
    total = fill(m, items)
    assert (total.label, total.over, total.free) == ("40 / 45 min", False, 5)
    items.append(item(m.id, "One more", 10, "4"))
    assert fill(m, items).over and fill(m, items).label == "50 / 45 min"


def test_airtime_counts_minutes_per_department_and_nobody_apart() -> None:
    sofia, malik = member("Sofia Brandt", "Sales"), member("Malik Johnson", "Marketing")
    ana = member("Ana Ruiz", "Sales")
    m = meeting()
    items = [
        item(m.id, "a", 10, presenter_id=sofia.id),
        item(m.id, "b", 15, presenter_id=malik.id),
        item(m.id, "c", 10, presenter_id=ana.id),
        item(m.id, "d", 5),
    ]
    people = {p.id: p for p in (sofia, malik, ana)}
    assert airtime(items, people) == [("Sales", 20), ("Marketing", 15), (UNASSIGNED, 5)]


# -- meetings and series ----------------------------------------------------------------
def test_meetings_are_upcoming_soonest_first_then_past_latest_first() -> None:
    def at(days: int) -> datetime:
        return NOW + timedelta(days=days)

    past_done = meeting("old", at(-7), status=MeetingStatus.done)
    older = meeting("older", at(-14), status=MeetingStatus.done)
    running = meeting("now", at(-1), status=MeetingStatus.running)
    soon, later = meeting("soon", at(1)), meeting("later", at(8))
    missed = meeting("missed", at(-3))  # planned, never run, over
    groups = group_meetings([later, older, soon, past_done, running, missed], NOW)
    assert [m.title for m in groups.upcoming] == ["now", "soon", "later"]
    assert [m.title for m in groups.past] == ["missed", "old", "older"]


def test_the_when_label_tells_meetings_of_one_title_apart() -> None:
    moment = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    assert when_label(moment, UTC) == "Tue 01 Dec 09:30"
    assert when_label(moment, UTC, now=datetime(2027, 1, 5, tzinfo=UTC)) == "Tue 01 Dec 2026 09:30"
    a, b = meeting("Sync", moment), meeting("Sync", moment + timedelta(weeks=1))
    assert agenda.meeting_label(a, UTC) != agenda.meeting_label(b, UTC)


def test_the_next_slot_is_a_week_later_or_the_series_interval() -> None:
    first = meeting("Sync", datetime(2026, 12, 1, 9, 30, tzinfo=UTC), series="S")
    assert next_slot([first]) == datetime(2026, 12, 8, 9, 30, tzinfo=UTC)
    second = meeting("Sync", datetime(2026, 12, 15, 9, 30, tzinfo=UTC), series="S")
    assert next_slot([first, second]) == datetime(2026, 12, 29, 9, 30, tzinfo=UTC)
    assert next_slot([first], now=datetime(2026, 12, 20, tzinfo=UTC)) == datetime(2026, 12, 22, 9, 30, tzinfo=UTC)


def test_the_next_meeting_copies_attendees_objectives_and_standing_items_in_order() -> None:
    sofia = member("Sofia Brandt", "Sales")
    last = meeting(
        "Sync 01 Dec",
        datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
        series="S",
        duration_min=45,
        location="Lisbon",
        attendee_ids=[sofia.id],
    )
    items = [
        item(last.id, "Pipeline numbers", 10, "1", standing=True, presenter_id=sofia.id),
        item(last.id, "One-off topic", 15, "2"),
        item(last.id, "Open feedback", 5, "3", standing=True),
    ]
    plan = plan_next_meeting([last], items, "S", tz=UTC)
    assert plan.meeting["title"] == "Sync 08 Dec"
    assert plan.meeting["starts_at"] == datetime(2026, 12, 8, 9, 30, tzinfo=UTC)
    assert plan.meeting["attendee_ids"] == [sofia.id] and plan.meeting["duration_min"] == 45
    copies = [fields for _, fields in plan.items]
    assert [c["title"] for c in copies] == ["Pipeline numbers", "Open feedback"]
    assert copies[0]["position"] < copies[1]["position"] and all(c["standing"] for c in copies)
    assert plan_next_meeting([last], items, "S", tz=UTC) == plan  # the same on every clone


def test_next_is_the_upcoming_meeting_of_the_default_series() -> None:
    s1 = [meeting("A", NOW + timedelta(days=d), series="Team") for d in (-14, -7, 3)]
    other = meeting("B", NOW + timedelta(days=1), series="Board")
    assert default_series([*s1, other], NOW) == "Board"  # the soonest upcoming
    assert next_meeting([*s1, other], NOW) == other
    past_only = [meeting("A", NOW - timedelta(days=d), series="Team") for d in (1, 8)]
    assert default_series([*past_only, meeting("C", NOW - timedelta(days=3), series="x")], NOW) == "Team"
    assert next_meeting(past_only, NOW) is None
    assert series_meetings(past_only, "Team")[0].starts_at < series_meetings(past_only, "Team")[1].starts_at


def test_random_insertions_never_collide() -> None:
    rng = random.Random(7)
    meeting_id, items = build(["x"])
    for n in range(100):
        index = rng.randrange(len(items) + 1)
        position, moves = insert_position(items, index)
        assert moves == {}
        items = agenda_of([*items, item(meeting_id, str(n), position=position)], meeting_id)
        assert items[index].title == str(n)
