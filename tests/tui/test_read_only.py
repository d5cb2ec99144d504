"""A read-only window refuses write keys at the key, saying why; a damaged file says so in the
panes' empty states."""

from __future__ import annotations

from pathlib import Path

from store.workspace import Workspace
from tests.tui.app_harness import make_app, press, settle
from tui.launch import prepare
from tui.screens.record_form import RecordForm
from tui.widgets.board_column import BoardColumn


async def test_a_second_window_refuses_write_keys_at_the_key(workspace_dir: Path) -> None:
    seed = Workspace(workspace_dir)
    seed.create("tasks", title="Call the agency")
    first, second = prepare(workspace_dir), prepare(workspace_dir)
    try:
        first.claim()
        app = make_app(second.workspace, claim=second.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert app.workspace.read_only
            app._notifications.clear()
            for key in ("n", "e", "enter", "d", "L", "u", "1", "n"):
                await press(app, pilot, key)
                assert not isinstance(app.screen, RecordForm), f"{key} opened a form"
            said = [n.message for n in app._notifications]
            assert said and all("read-only because" in text and "another alinea window" in text for text in said)
            assert not any(n.title == "Not saved" for n in app._notifications), "refused at the key, not at save"
    finally:
        second.release()
        first.release()
    (task,) = Workspace(workspace_dir).records("tasks")
    assert (task.status, task.deleted) == ("todo", False)


async def test_a_damaged_file_says_it_could_not_be_read_where_the_panes_are_empty(workspace_dir: Path) -> None:
    (workspace_dir / "alinea.json").write_text('{"tasks": {oops\n')
    opened = prepare(workspace_dir)
    try:
        app = make_app(opened.workspace, claim=opened.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            todo = app.query_one("#column-todo", BoardColumn).card_list
            assert todo.empty_text.startswith("The workspace could not be read:")
            assert "No tasks yet" not in todo.empty_text
            status = str(app.query_one("#board-status").render())
            assert status.startswith("The workspace could not be read:")
    finally:
        opened.release()
