"""The feedback form: an entry about a record edits and saves; errors in the form's words."""

from __future__ import annotations

from textual.widgets import Select, Static

from store.workspace import Workspace
from tests.tui.app_harness import make_app, on_disk, open_form, press, settle
from tui.screens.record_form import RecordForm


async def test_editing_an_entry_about_a_task_keeps_its_subject_and_saves(workspace: Workspace) -> None:
    task = workspace.create("tasks", title="Draft webinar landing page")
    entry = workspace.create("feedback", body="The form asks too much", subject_table="tasks", subject_id=task.id)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "feedback", record=entry)
        assert form.query_one("#field-subject_id", Select).value == task.id, "About is pre-filled"
        form.query_one("#field-status", Select).value = "acknowledged"
        await settle(app, pilot)
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, RecordForm), form.query_one("#form-error", Static).render()
    saved = on_disk(workspace).get("feedback", entry.id)
    assert (saved.status, saved.subject_table, saved.subject_id) == ("acknowledged", "tasks", task.id)


async def test_a_kind_of_subject_without_the_record_is_refused_in_the_forms_words(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "feedback", defaults={"body": "Too many steps"})
        form.query_one("#field-subject_table", Select).value = "tasks"
        await settle(app, pilot)
        await press(app, pilot, "ctrl+s")
        assert app.screen is form
        shown = " ".join(str(s.render()) for s in form.query(".field-error, #form-error"))
        assert "About" in shown
        assert "subject_table" not in shown and "subject_id" not in shown
    assert on_disk(workspace).records("feedback") == []
