"""Every screen works at 80x24: forms scroll to the focused field, the Save button stays in sight,
the Board's card titles keep more than a few letters."""

from __future__ import annotations

from pathlib import Path

from tests.tui.app_harness import demo_app, press, settle
from tui.screens.record_form import RecordForm

SMALL = (80, 24)


async def test_tab_reaches_every_field_of_the_task_form_and_save_stays_in_sight(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "demo")
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "n")
        form = app.screen
        assert isinstance(form, RecordForm)
        save, frame = form.query_one("#form-save"), form.query_one("#form")
        seen = []
        for _ in range(len(form.specs)):
            focused = app.focused
            assert focused is not None
            seen.append(focused.id)
            box = form.query_one(f"#box-{focused.id.removeprefix('field-')}")
            assert frame.region.contains_region(focused.region), f"{focused.id} is off-screen"
            assert form.query_one("#form-fields").region.contains_region(box.region.intersection(focused.region))
            assert frame.region.contains_region(save.region) and save.region.height, "Save is off-screen"
            await press(app, pilot, "tab")
        assert {"field-objective_id", "field-meeting_id"} <= set(seen)


async def test_the_welcome_fits_80x24_and_tab_brings_start_into_sight(tmp_path: Path) -> None:
    from store.repo import init_workspace
    from store.workspace import Workspace
    from tests.tui.app_harness import make_app
    from tui.screens.welcome import WelcomeScreen

    app = make_app(Workspace(init_workspace(tmp_path / "new")), first_run=True)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        welcome = app.screen
        assert isinstance(welcome, WelcomeScreen)
        from textual.widgets import RadioButton

        welcome.query_one("#welcome-empty", RadioButton).value = True  # then it asks my name too
        await settle(app, pilot)
        frame = welcome.query_one("#welcome")
        assert app.screen.region.contains_region(frame.region)
        start = welcome.query_one("#welcome-go")
        for _ in range(8):
            if app.focused is start:
                break
            await press(app, pilot, "tab")
        assert app.focused is start
        assert frame.region.contains_region(start.region), "Start is scrolled into sight"


def card_text(app, column: str, index: int) -> list[str]:
    """The lines a Board card shows, as painted."""
    from tui.widgets.board_column import BoardColumn

    card_list = app.query_one(f"#column-{column}", BoardColumn).card_list
    top = index * card_list.stride
    return [card_list.render_line(top + line).text.strip() for line in range(card_list.item_height)]


async def test_board_card_titles_take_two_lines_at_80_columns(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "demo")
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        title = app.workspace.get("tasks", app.query_one("#column-todo").cards[0].id).title
        lines = card_text(app, "todo", 0)
        assert len(lines) == 3, lines
        shown = " ".join(lines[:2]).lstrip("!‼↓ ").rstrip("…")
        assert len(shown) >= 24 and title.startswith(shown), (title, lines)
    wide = demo_app(tmp_path / "wide")
    async with wide.run_test(size=(120, 40)) as pilot:
        await settle(wide, pilot)
        assert len(card_text(wide, "todo", 0)) == 2, "a wide column keeps one line per title"
