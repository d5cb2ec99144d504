"""The record form: create, refuse bad input under the field, cancel, relative dates."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, Static

from store.workspace import Workspace
from tests.tui.app_harness import TODAY, make_app, open_form, press, settle, type_text
from tui.screens.record_form import RecordForm


async def test_a_new_objective_is_created_through_the_form(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1", "n")
        assert isinstance(app.screen, RecordForm)
        assert app.focused is not None and app.focused.id == "field-title"
        await type_text(app, pilot, "Grow shared pipeline")
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, RecordForm)
    reopened = Workspace(workspace.folder)
    assert [o.title for o in reopened.records("objectives")] == ["Grow shared pipeline"]


async def test_a_member_added_through_the_form_is_saved(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_form(app, pilot, "members")
        await type_text(app, pilot, "Jonas Weber")
        await press(app, pilot, "tab")
        await type_text(app, pilot, "jonas@example.com")
        await press(app, pilot, "tab")
        await type_text(app, pilot, "Sales")
        await press(app, pilot, "tab")
        await type_text(app, pilot, "Head of Sales")
        await press(app, pilot, "enter")  # enter in a one-line field saves
        assert not isinstance(app.screen, RecordForm)
    (member,) = Workspace(workspace.folder).records("members")
    assert (member.name, member.email, member.department, member.role) == (
        "Jonas Weber", "jonas@example.com", "Sales", "Head of Sales"
    )


async def test_bad_input_saves_nothing_and_is_shown_under_its_field(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1", "n")
        form = app.screen
        assert isinstance(form, RecordForm)
        await type_text(app, pilot, "Launch webinar")
        form.query_one("#field-period", Input).value = "Q4"
        await settle(app, pilot)
        await press(app, pilot, "ctrl+s")
        assert app.screen is form, "the form stays open"
        error = form.query_one("#error-period", Static)
        assert "period looks like" in str(error.render())
        assert error.has_class("-shown")
        assert app.focused is form.query_one("#field-period")
    assert Workspace(workspace.folder).records("objectives") == []


async def test_an_empty_title_is_refused_under_the_title(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "tasks")
        await press(app, pilot, "ctrl+s")
        assert app.screen is form, "the form stays open"
        assert str(form.query_one("#error-title", Static).render()).strip()
    assert Workspace(workspace.folder).records("tasks") == []


async def test_escape_cancels_the_form_and_saves_nothing(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1", "n")
        await type_text(app, pilot, "Not wanted")
        await press(app, pilot, "escape", "y")  # y: discard the changes
        assert not isinstance(app.screen, RecordForm)
    assert Workspace(workspace.folder).records("objectives") == []


async def test_a_relative_due_date_is_resolved_shown_and_saved(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "tasks")
        await type_text(app, pilot, "Send the deck")
        form.query_one("#field-due", Input).focus()
        await type_text(app, pilot, "+3d")
        hint = str(form.query_one("#hint-due", Static).render())
        assert "Saturday 09 May 2026" in hint
        await press(app, pilot, "ctrl+s")
    (task,) = Workspace(workspace.folder).records("tasks")
    assert task.due == TODAY + timedelta(days=3)


async def test_a_bad_date_is_refused_under_the_date_field(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "tasks")
        await type_text(app, pilot, "Send the deck")
        form.query_one("#field-due", Input).value = "someday"
        await settle(app, pilot)
        await press(app, pilot, "ctrl+s")
        assert app.screen is form
        assert "is not a date" in str(form.query_one("#error-due", Static).render())
    assert Workspace(workspace.folder).records("tasks") == []


async def test_editing_a_task_keeps_fields_the_form_does_not_show(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Draft", position="m")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "tasks", record=task)
        form.query_one("#field-title", Input).value = "Draft the brief"
        await settle(app, pilot)
        await press(app, pilot, "ctrl+s")
    saved = Workspace(workspace.folder).get("tasks", task.id)
    assert (saved.title, saved.position, saved.rev) == ("Draft the brief", "m", 2)


async def test_a_meeting_takes_a_relative_start_time(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "meetings")
        await type_text(app, pilot, "Pipeline sync")
        form.query_one("#field-starts_at", Input).value = "fri 14:30"
        await settle(app, pilot)
        await press(app, pilot, "ctrl+s")
    (meeting,) = Workspace(workspace.folder).records("meetings")
    local = meeting.starts_at.astimezone()
    assert (local.date(), local.hour, local.minute) == (TODAY + timedelta(days=2), 14, 30)


async def test_add_a_member_from_the_owner_picker_and_own_the_task(workspace: Workspace) -> None:
    from textual.widgets import Select

    from tui.screens.record_form import ADD_MEMBER

    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        task_form = await open_form(app, pilot, "tasks")
        await type_text(app, pilot, "Brief the agency")
        task_form.query_one("#field-owner_id", Select).value = ADD_MEMBER
        await settle(app, pilot)
        member_form = app.screen
        assert isinstance(member_form, RecordForm) and member_form.table == "members"
        await type_text(app, pilot, "Priya Raman")
        await press(app, pilot, "ctrl+s")
        assert app.screen is task_form
        owner = task_form.query_one("#field-owner_id", Select).value
        await press(app, pilot, "ctrl+s")
    reopened = Workspace(workspace.folder)
    (member,) = reopened.records("members")
    (task,) = reopened.records("tasks")
    assert member.name == "Priya Raman" and owner == member.id and task.owner_id == member.id


async def test_saving_an_edit_keeps_a_change_pulled_while_the_form_was_open(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Draft", priority="normal")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "tasks", record=task)
        Workspace(workspace.folder).update("tasks", task.id, priority="urgent")  # a teammate, via a sync
        assert app.screen is form
        form.query_one("#field-title", Input).value = "Draft the brief"
        await settle(app, pilot)
        await press(app, pilot, "ctrl+s")
    saved = Workspace(workspace.folder).get("tasks", task.id)
    assert (saved.title, saved.priority) == ("Draft the brief", "urgent")
