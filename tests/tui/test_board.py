"""The task board, driven from the keyboard as a person would."""

from __future__ import annotations

from datetime import date

import pytest
from textual.color import Color

from store.workspace import Workspace
from tests.conftest import GIT_EMAIL
from tests.tui.app_harness import make_app, on_disk, press, settle, type_text
from tui.app import AlineaApp
from tui.panes.board import EMPTY_BOARD, BoardPane
from tui.screens.record_form import RecordForm
from tui.widgets.board_column import BoardColumn

TODAY = date(2026, 11, 12)


@pytest.fixture
def board_workspace(workspace: Workspace) -> Workspace:
    """Ana (me, Sales) and Priya (Marketing); three todo cards, one doing card."""
    ana = workspace.create("members", name="Ana Ruiz", email=GIT_EMAIL, department="Sales")
    priya = workspace.create("members", name="Priya Rao", email="priya@example.com", department="Marketing")
    rows = [
        ("Forecast for the board", "todo", ana.id, "Sales", date(2026, 11, 20), "a"),
        ("Webinar landing page", "todo", priya.id, "Marketing", date(2026, 11, 2), "b"),
        ("Partner newsletter", "todo", priya.id, "Marketing", None, "c"),
        ("Qualify demo requests", "doing", ana.id, "Sales", date(2026, 11, 13), "a"),
    ]
    for title, status, owner, department, due, position in rows:
        workspace.create(
            "tasks", title=title, status=status, owner_id=owner, department=department, due=due, position=position
        )
    return workspace


def titles(app: AlineaApp, status: str) -> list[str]:
    return [card.title for card in app.query_one(f"#column-{status}", BoardColumn).cards]


def task_id(workspace: Workspace, title: str) -> str:
    return next(task.id for task in workspace.records("tasks") if task.title == title)


async def test_moving_a_card_right_changes_its_status_on_disk(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("L")
        await settle(app, pilot)
        moved = task_id(board_workspace, "Forecast for the board")
        assert on_disk(board_workspace).get("tasks", moved).status == "doing"
        assert titles(app, "doing")[0] == "Forecast for the board"
        doing = app.query_one("#column-doing", BoardColumn)
        assert app.focused is doing.card_list
        assert doing.selected is not None and doing.selected.id == moved


async def test_shift_left_moves_a_card_back(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("l", "shift+left")
        await settle(app, pilot)
        assert titles(app, "doing") == []
        assert "Qualify demo requests" in titles(app, "todo")
        moved = task_id(board_workspace, "Qualify demo requests")
        assert on_disk(board_workspace).get("tasks", moved).status == "todo"


async def test_reordering_with_shift_j_and_k_persists(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("J")
        await settle(app, pilot)
        expected = ["Webinar landing page", "Forecast for the board", "Partner newsletter"]
        assert titles(app, "todo") == expected
        fresh = [task.title for task in on_disk(board_workspace).records("tasks") if task.status == "todo"]
        assert fresh == expected
        await pilot.press("J")
        await settle(app, pilot)
        await pilot.press("k", "K")
        await settle(app, pilot)
        fresh = [task.title for task in on_disk(board_workspace).records("tasks") if task.status == "todo"]
        assert fresh == ["Partner newsletter", "Webinar landing page", "Forecast for the board"]


async def test_delete_then_undo_restores_the_card(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        assert "Forecast for the board" not in titles(app, "todo")
        deleted = [t for t in on_disk(board_workspace).records("tasks", include_deleted=True) if t.deleted]
        assert [t.title for t in deleted] == ["Forecast for the board"]
        await pilot.press("u")
        await settle(app, pilot)
        assert titles(app, "todo")[0] == "Forecast for the board"
        assert not any(t.deleted for t in on_disk(board_workspace).records("tasks", include_deleted=True))


async def test_filter_narrows_the_visible_cards_and_escape_clears_it(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"marketing")
        await pilot.pause()
        assert titles(app, "todo") == ["Webinar landing page", "Partner newsletter"]
        assert titles(app, "doing") == []
        await pilot.press("escape")
        await pilot.pause()
        assert len(titles(app, "todo")) == 3
        assert app.focused is app.query_one("#column-todo", BoardColumn).card_list


async def test_filter_matches_owner_names_and_enter_keeps_it(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"ana", "enter")
        await pilot.pause()
        assert titles(app, "todo") == ["Forecast for the board"]
        assert titles(app, "doing") == ["Qualify demo requests"]
        assert app.focused is app.query_one("#column-todo", BoardColumn).card_list


async def test_mine_only_shows_the_cards_i_own(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert titles(app, "todo") == ["Forecast for the board"]
        assert "mine only" in str(app.query_one("#board-status").render())
        await pilot.press("m")
        await pilot.pause()
        assert len(titles(app, "todo")) == 3


async def test_h_and_l_move_focus_between_columns(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        columns = list(app.query(BoardColumn))
        assert app.focused is columns[0].card_list
        await pilot.press("l", "right", "l")
        assert app.focused is columns[3].card_list
        await pilot.press("l")
        assert app.focused is columns[3].card_list
        await pilot.press("h", "left")
        assert app.focused is columns[1].card_list


async def test_j_and_k_move_within_a_column(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        todo = app.query_one("#column-todo", BoardColumn)
        await pilot.press("j", "down")
        assert todo.selected is not None and todo.selected.title == "Partner newsletter"
        await pilot.press("k")
        assert todo.selected.title == "Webinar landing page"


async def test_overdue_cards_are_marked_in_the_error_colour(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)  # the file is read in a worker: wait for it, and for the cards it draws
        todo = app.query_one("#column-todo", BoardColumn)
        overdue = {card.title for card in todo.cards if card.overdue}
        assert overdue == {"Webinar landing page"}
        card_list = todo.card_list
        line = card_list.render_line(4)  # second line of the second card
        assert "overdue 2 Nov" in line.text
        error = Color.parse(app.current_theme.error)
        overdue_segment = next(segment for segment in line if "overdue" in segment.text)
        assert overdue_segment.style is not None and overdue_segment.style.color is not None
        shown = Color.from_rich_color(overdue_segment.style.color)
        assert all(abs(a - b) <= 2 for a, b in zip(shown.rgb, error.rgb, strict=True))  # $error, up to rounding


async def test_selection_is_kept_across_a_refresh(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("j")
        board_workspace.create("tasks", title="A new first card", status="todo", position="0")
        app.query_one(BoardPane).refresh_data()
        await pilot.pause()
        todo = app.query_one("#column-todo", BoardColumn)
        assert titles(app, "todo")[0] == "A new first card"
        assert todo.selected is not None and todo.selected.title == "Webinar landing page"


async def test_an_empty_board_says_which_key_creates_the_first_card(workspace: Workspace) -> None:
    app = make_app(workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)  # one pause is not always enough for the columns' first layout under load
        assert EMPTY_BOARD in str(app.query_one("#board-status").render())
        todo = app.query_one("#column-todo", BoardColumn)
        shown = " ".join(todo.card_list.render_line(y).text.strip() for y in range(3))
        assert EMPTY_BOARD in shown


async def test_n_opens_the_form_in_the_focused_column_and_the_card_lands_there(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("l", "l", "n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.defaults["status"] == "blocked"
        assert app.focused is not None and app.focused.id == "field-title"
        await type_text(app, pilot, "Waiting on legal")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, RecordForm)
        assert titles(app, "blocked") == ["Waiting on legal"]
        blocked = app.query_one("#column-blocked", BoardColumn)
        assert app.focused is blocked.card_list
    (saved,) = [task for task in on_disk(board_workspace).records("tasks") if task.title == "Waiting on legal"]
    assert saved.status == "blocked"
    me = board_workspace.me
    assert me is not None and (saved.owner_id, saved.department) == (me.id, "Sales"), "a new card is mine by default"


async def test_a_new_card_goes_to_the_end_of_its_column(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        await type_text(app, pilot, "Last of the todos")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert titles(app, "todo")[-1] == "Last of the todos"
        todo = app.query_one("#column-todo", BoardColumn)
        assert todo.selected is not None and todo.selected.title == "Last of the todos"


async def test_e_and_enter_open_the_selected_card_for_editing(board_workspace: Workspace) -> None:
    app = make_app(board_workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "e")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, RecordForm) and form.record is not None
        assert form.record.title == "Webinar landing page"
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, RecordForm)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RecordForm) and app.screen.record is not None
        assert app.screen.record.title == "Webinar landing page"


async def test_one_card_is_counted_as_one_card(workspace) -> None:
    workspace.create("tasks", title="Only card")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert str(app.query_one("#board-status").render()) == "1 card"


async def test_undo_puts_the_cursor_on_the_restored_card(workspace) -> None:
    for title in ("First", "Second", "Third"):
        workspace.create("tasks", title=title, position=title[0].lower())
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "j")
        board = app.query_one("#board")
        second = board.focused_column.selected
        assert second.title == "Second"
        await press(app, pilot, "d")
        assert board.focused_column.selected.title == "Third"
        await press(app, pilot, "u")
        assert board.focused_column.selected.id == second.id
        assert any(n.message == "Undid the last change to “Second”." for n in app._notifications)
