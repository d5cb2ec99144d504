"""Form keys a new user relies on: ctrl+s and enter save, esc asks before losing changes,
ctrl+a selects all, departments are suggested, statuses read as on the Board."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, Static, TextArea

from store.workspace import Workspace
from tests.tui.app_harness import demo_app, make_app, open_form, press, settle, type_text
from tui.screens.discard import DiscardChanges
from tui.screens.record_form import RecordForm


async def test_enter_in_a_one_line_input_saves_the_form(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_form(app, pilot, "tasks")
        await type_text(app, pilot, "Book the venue")
        await press(app, pilot, "enter")  # the title is not the last field
        assert not isinstance(app.screen, RecordForm)
    assert [t.title for t in Workspace(workspace.folder).records("tasks")] == ["Book the venue"]


async def test_enter_opens_a_select_and_starts_a_line_in_a_text_area(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "tasks")
        await type_text(app, pilot, "Book the venue")
        form.query_one("#field-description", TextArea).focus()
        await type_text(app, pilot, "first")
        await press(app, pilot, "enter")
        await type_text(app, pilot, "second")
        assert app.screen is form
        assert form.query_one("#field-description", TextArea).text == "first\nsecond"
        status = form.query_one("#field-status", Select)
        status.focus()
        await press(app, pilot, "enter")
        assert app.screen is form and status.expanded, "enter opens the select"
        await press(app, pilot, "escape")
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, RecordForm)
    (task,) = Workspace(workspace.folder).records("tasks")
    assert task.description == "first\nsecond"


async def test_the_form_says_ctrl_s_saves_in_its_footer_and_key_line(workspace: Workspace) -> None:
    from textual.widgets._footer import FooterKey

    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "tasks")
        shown = {(key.key_display, key.description) for key in form.query(FooterKey) if key.display}
        assert ("^s", "Save") in shown
        assert str(form.query_one("#form-help", Static).render()).startswith("ctrl+s saves")


async def test_escape_on_a_changed_form_asks_before_discarding(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "tasks")
        await type_text(app, pilot, "Do not lose me")
        await press(app, pilot, "escape")
        assert isinstance(app.screen, DiscardChanges)
        await press(app, pilot, "enter")  # keeps editing
        assert app.screen is form
        assert form.query_one("#field-title", Input).value == "Do not lose me"
        await press(app, pilot, "escape")
        await press(app, pilot, "y")
        assert not isinstance(app.screen, (RecordForm, DiscardChanges))
    assert Workspace(workspace.folder).records("tasks") == []


async def test_escape_on_an_unchanged_form_closes_at_once(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Draft")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_form(app, pilot, "tasks", record=task)
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, (RecordForm, DiscardChanges))
        await open_form(app, pilot, "tasks")
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, (RecordForm, DiscardChanges))


async def test_ctrl_a_selects_all_of_an_input(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "tasks")
        await type_text(app, pilot, "Old title")
        await press(app, pilot, "ctrl+a")
        await type_text(app, pilot, "New")
        assert form.query_one("#field-title", Input).value == "New"


async def test_department_suggests_existing_departments_whatever_the_case(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "demo")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "tasks")
        department = form.query_one("#field-department", Input)
        department.focus()
        await type_text(app, pilot, "mar")
        await press(app, pilot, "right")  # accepts the suggestion
        assert department.value == "Marketing"


async def test_the_task_form_names_statuses_as_the_board_does(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "tasks", defaults={"status": "todo"})
        status = form.query_one("#field-status", Select)
        labels = [str(label) for label, value in status._options if value == "todo"]
        assert labels == ["To do"]
