"""The Feedback pane: give feedback from any pane with F, respond, resolve, turn it into a task
or an agenda item, filter, follow its links, find it from the palette."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList, Select

from store.workspace import Workspace
from tests.tui.app_harness import demo_app, make_app, on_disk, press, settle, type_text, wait_until
from tui.panes.feedback import FeedbackPane
from tui.screens.record_form import RecordForm
from tui.screens.respond import ResponseScreen
from tui.screens.subject_picker import SubjectPicker
from tui.widgets.pane_tabs import PaneTabs
from tui.widgets.record_link import RecordLink


def _pane(app) -> FeedbackPane:
    return app.query_one(FeedbackPane)


def _said(app) -> str:
    return "\n".join(n.message for n in app._notifications)


async def test_feedback_on_a_card_goes_from_the_board_to_the_log_to_the_next_agenda(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "demo")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        board = app.query_one("#board")
        card = board.focused_column.selected
        assert card is not None
        await press(app, pilot, "F")
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.query_one("#field-subject_id", Select).value == card.id
        me = app.workspace.me
        assert me is not None and form.query_one("#field-author_id", Select).value == me.id
        await type_text(app, pilot, "The landing page brief is missing the offer")
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, RecordForm)
        assert "Feedback saved about task" in _said(app)

        await press(app, pilot, "3", "home")
        pane = _pane(app)
        entry = pane.selected
        assert entry is not None and entry.body == "The landing page brief is missing the offer"
        assert (entry.subject_table, entry.subject_id, entry.author_id) == ("tasks", card.id, me.id)
        assert [link.record_id for link in pane.detail.links] == [card.id]

        await press(app, pilot, "r")
        assert isinstance(app.screen, ResponseScreen)
        await type_text(app, pilot, "Priya adds it today")
        await press(app, pilot, "ctrl+s")
        assert "now acknowledged" in _said(app)

        await press(app, pilot, "a")
        assert "Put on the agenda of" in _said(app)
        made = [link for link in pane.detail.links if link.table == "agenda_items"]
        assert len(made) == 1, "the thread shows the agenda item made from it"

    saved = on_disk(app.workspace)
    answered = saved.get("feedback", entry.id)
    assert (answered.status, answered.response) == ("acknowledged", "Priya adds it today")
    (item,) = [i for i in saved.records("agenda_items") if i.feedback_id == entry.id]
    meeting = saved.get("meetings", item.meeting_id)
    assert (item.presenter_id, meeting.status) == (me.id, "planned")


async def test_turning_feedback_into_a_task_says_where_it_went(workspace: Workspace) -> None:
    malik = workspace.create("members", name="Malik Johnson", department="Marketing")
    goal = workspace.create("objectives", title="Reduce CAC", owner_ids=[malik.id])
    entry = workspace.create("feedback", body="CAC report lags a week", subject_table="objectives", subject_id=goal.id)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "3", "t")
        assert "Task created on the Board for Malik Johnson: “CAC report lags a week”" in _said(app)
        await press(app, pilot, "x")
        assert "Resolved" in _said(app)
    saved = on_disk(workspace)
    (task,) = saved.records("tasks")
    assert (task.owner_id, task.feedback_id, task.objective_id) == (malik.id, entry.id, goal.id)
    assert saved.get("feedback", entry.id).status == "resolved"


async def test_n_picks_the_subject_by_a_few_letters_of_its_title(workspace: Workspace) -> None:
    workspace.create("members", name="Ana Ruiz", email="ana.ruiz@example.com", department="Sales")
    workspace.create("tasks", title="Book the venue")
    webinar = workspace.create("objectives", title="Webinar series: data-driven marketing")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "3", "n")
        assert isinstance(app.screen, SubjectPicker)
        await type_text(app, pilot, "wbnr")
        await press(app, pilot, "enter")
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.query_one("#field-subject_table", Select).value == "objectives"
        assert form.query_one("#field-subject_id", Select).value == webinar.id
        await type_text(app, pilot, "Record every session")
        await press(app, pilot, "ctrl+s")
        selected = _pane(app).selected
        assert selected is not None and selected.body == "Record every session", "the new entry is selected"


async def test_F_with_nothing_selected_says_to_select_a_record(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "F")
        assert not isinstance(app.screen, RecordForm)
        assert "Select a record first" in _said(app)


async def test_a_link_to_a_deleted_record_says_deleted_and_does_not_jump(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Pipeline hygiene")
    workspace.create("feedback", body="Stale deals inflate the pipeline", subject_table="tasks", subject_id=task.id)
    workspace.delete("tasks", task.id)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "3")
        pane = _pane(app)
        row = pane.log_list._items[0]
        assert "about task: (deleted)" in str(row[1])
        await press(app, pilot, "enter")  # into the detail, on the subject's link
        link = app.focused
        assert isinstance(link, RecordLink) and link.gone and "(deleted)" in str(link.render())
        await press(app, pilot, "enter")
        assert app.query_one(PaneTabs).active == "feedback"
        assert "That task was deleted" in _said(app)


async def test_enter_on_the_subject_link_jumps_to_it_in_its_pane(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Ship the ABM landing page", status="blocked")
    workspace.create("feedback", body="Needs the new logo", subject_table="tasks", subject_id=task.id)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "3", "enter", "enter")
        assert app.query_one(PaneTabs).active == "board"
        column = app.query_one("#board").focused_column
        assert column.key == "blocked" and column.selected is not None and column.selected.id == task.id


async def test_the_log_filters_by_kind_status_department_and_text(workspace: Workspace) -> None:
    ana = workspace.create("members", name="Ana Ruiz", department="Sales")
    malik = workspace.create("members", name="Malik Johnson", department="Marketing")
    workspace.create("feedback", body="Great webinar", kind="praise", author_id=malik.id)
    workspace.create("feedback", body="Leads arrive late", kind="concern", author_id=ana.id)
    workspace.create("feedback", body="Which leads are hot?", kind="question", author_id=ana.id, status="resolved")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "3")
        pane = _pane(app)
        bodies = lambda: [entry.body for entry in pane.entries]  # noqa: E731
        assert bodies() == ["Which leads are hot?", "Leads arrive late", "Great webinar"], "newest first"
        await press(app, pilot, "c", "c")  # praise, then concern
        assert bodies() == ["Leads arrive late"]
        await press(app, pilot, "escape", "o", "o", "o")  # open, acknowledged, resolved
        assert bodies() == ["Which leads are hot?"]
        await press(app, pilot, "escape", "at")
        assert bodies() == ["Which leads are hot?", "Leads arrive late"], "Sales first"
        await press(app, pilot, "at")
        assert bodies() == ["Great webinar"]
        await press(app, pilot, "at", "slash")
        await type_text(app, pilot, "leads")
        await press(app, pilot, "enter")
        assert bodies() == ["Which leads are hot?", "Leads arrive late"]
        await press(app, pilot, "escape")
        assert len(bodies()) == 3


async def test_editing_an_entry_from_the_log_saves(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Draft webinar landing page")
    entry = workspace.create("feedback", body="Too many fields", subject_table="tasks", subject_id=task.id)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "3", "e")
        form = app.screen
        assert isinstance(form, RecordForm)
        form.query_one("#field-kind", Select).value = "concern"
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, RecordForm)
    assert on_disk(workspace).get("feedback", entry.id).kind == "concern"


async def test_the_palette_finds_a_feedback_entry_by_its_body_and_jumps_to_it(workspace: Workspace) -> None:
    workspace.create("feedback", body="Praise for the SDR team")
    target = workspace.create("feedback", body="Leads arrive late\n\nThe CRM sync runs only at night.")
    workspace.create("feedback", body="A third entry")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "ctrl+p")
        await type_text(app, pilot, "crm sync")
        await wait_until(pilot, lambda: _hits(app) > 0)
        await press(app, pilot, "enter")
        await settle(app, pilot)
        assert app.query_one(PaneTabs).active == "feedback"
        selected = _pane(app).selected
        assert selected is not None and selected.id == target.id


def _hits(app) -> int:
    return app.screen.query_one("CommandList", OptionList).option_count if isinstance(app.screen, CommandPalette) else 0


async def test_writes_are_refused_at_the_key_in_a_read_only_workspace(workspace: Workspace) -> None:
    workspace.create("feedback", body="Leads arrive late")
    workspace.make_read_only("another alinea is writing it")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "3", "x")
        assert "read-only because another alinea is writing it" in _said(app)
        await press(app, pilot, "n")
        assert not isinstance(app.screen, SubjectPicker)
