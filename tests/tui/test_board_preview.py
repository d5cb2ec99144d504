"""Opening a workspace the Board has shown before: its cards come straight from the file's bytes
(store.board_preview), and a key that changes a card waits until the file is validated."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from store.workspace import Workspace
from tests.conftest import GIT_EMAIL
from tests.store.stamps import vouched_for
from tests.tui.app_harness import make_app, on_disk, settle
from tests.tui.test_footer import descriptions
from tui.screens.record_form import RecordForm
from tui.widgets.board_column import BoardColumn

TODAY = date(2026, 11, 12)


def _seeded(folder: Path) -> str:
    """Two todo cards, mine first; the file stamped as checked, as after an earlier open."""
    seed = Workspace(folder)
    ana = seed.create("members", name="Ana Ruiz", email=GIT_EMAIL, department="Sales")
    first = seed.create("tasks", title="Forecast for the board", owner_id=ana.id, position="a")
    seed.create("tasks", title="Partner newsletter", position="b")
    vouched_for(folder)
    return first.id


def _titles(column: BoardColumn) -> list[str]:
    return [card.title for card in column.cards]


async def test_the_board_shows_the_file_at_once_and_keeps_a_move_until_the_file_is_validated(
    workspace_dir: Path,
) -> None:
    moved = _seeded(workspace_dir)
    workspace = Workspace(workspace_dir, defer_load=True)
    app = make_app(workspace, today=TODAY)
    # The write worker validates the file under this lock: held here, as a slow disk or a large file would.
    validation = workspace._write_lock
    validation.acquire()
    held = True
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            todo = app.query_one("#column-todo", BoardColumn) if app.query("#column-todo") else None
            for _ in range(200):  # the preview is painted once the worker has read the file
                await pilot.pause()
                todo = app.query_one("#column-todo", BoardColumn) if app.query("#column-todo") else None
                if todo is not None and todo.cards:
                    break
            assert todo is not None
            assert _titles(todo) == ["Forecast for the board", "Partner newsletter"]
            assert not workspace.loaded and workspace.records("tasks") == [], "shown before any record is validated"
            await pilot.press("L", "j", "enter")  # move a card right, then open the next: kept until they are records
            await pilot.pause()
            assert _titles(todo) == ["Forecast for the board", "Partner newsletter"]
            assert not isinstance(app.screen, RecordForm)
            assert on_disk(workspace).get("tasks", moved).status == "todo", "nothing written yet"
            validation.release()
            held = False
            await settle(app, pilot)
            assert workspace.loaded and workspace.preview is None
            assert on_disk(workspace).get("tasks", moved).status == "doing", "the move was not lost"
            assert _titles(app.query_one("#column-doing", BoardColumn)) == ["Forecast for the board"]
            assert isinstance(app.screen, RecordForm) and app.screen.record is not None
            assert app.screen.record.title == "Partner newsletter", "the card the cursor was on when enter was pressed"
            await pilot.press("escape")
            await settle(app, pilot)
            assert {"New", "Move ←", "Filter", "Help"} <= set(descriptions(app)), "the footer shows the Board's keys"
    finally:
        if held:
            validation.release()


async def test_the_next_open_finds_the_cards_kept_by_this_one(workspace_dir: Path) -> None:
    """Once the file is validated, the app keeps the Board's cards under .git/ for the next open."""
    _seeded(workspace_dir)
    workspace = Workspace(workspace_dir, defer_load=True)
    app = make_app(workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert workspace.loaded
    (workspace_dir / ".git" / "alinea.checked").unlink()  # so the file's bytes alone could not be previewed
    preview = Workspace(workspace_dir, defer_load=True).preview_board()
    assert preview is not None
    assert [task.title for task in preview.tasks] == ["Forecast for the board", "Partner newsletter"]
