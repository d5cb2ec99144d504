"""Every key of the focused pane or screen is a palette command, found by its words."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList

from tests.tui.app_harness import demo_app, press, settle, type_text, wait_until
from tui.app import AlineaApp


def hits(app: AlineaApp) -> list[str]:
    if not isinstance(app.screen, CommandPalette):
        return []
    options = app.screen.query_one("CommandList", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def search(app: AlineaApp, pilot, words: str) -> list[str]:
    await press(app, pilot, "ctrl+p")
    await type_text(app, pilot, words)
    await wait_until(pilot, lambda: bool(hits(app)))
    return hits(app)


async def test_the_boards_keys_are_palette_commands(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "demo")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for words, expected in (("delete", "Delete the selected card"), ("move", "Move the card to the next column"),
                                ("filter", "Filter by text"), ("mine", "Show only my cards")):
            found = await search(app, pilot, words)
            assert any(expected in hit for hit in found), (words, found)
            await press(app, pilot, "escape")
        board = app.query_one("#board")
        card = board.focused_column.selected
        found = await search(app, pilot, "delete")
        await press(app, pilot, "enter")  # the first hit: delete the selected card
        await settle(app, pilot)
    assert app.workspace.lookup("tasks", card.id).deleted, found
