"""Help lists only the keys that do something here, in words, each description in its own column."""

from __future__ import annotations

from pathlib import Path

from tests.tui.app_harness import demo_app, press, settle
from tui.screens.help import HelpScreen


async def test_help_over_the_team_lists_only_alineas_keys_in_words(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "demo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.action_show_team()
        await settle(app, pilot)
        await press(app, pilot, "question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        groups = {row.group for row in help_screen.rows}
        words = " ".join(row.description for row in help_screen.rows)
        assert "Option list" not in groups and "Scroll" not in words and "Page Left" not in words
        assert "Team" in groups
        keys_column = {row.region.x + 2 + 16 for row in help_screen.query(".help-row")}
        for words_widget in help_screen.query(".help-words"):
            assert words_widget.region.x in keys_column, "a description never runs into the key column"
        remove = next(w for w in help_screen.query(".help-words") if "Remove the highlighted member" in str(w.render()))
        assert remove.region.height >= 2, "the long Team line wraps, under itself"


async def test_help_on_the_board_groups_list_keys_under_the_board(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "demo")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "question_mark")
        rows = app.screen.rows
        assert {row.group for row in rows} == {"Board", "Everywhere"}, {row.group for row in rows}
        assert any(row.group == "Board" and row.keys.startswith("j") for row in rows)
