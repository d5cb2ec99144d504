"""The focused Board column shows it in its header, and focus moves restyle no more than that.

h / l restyles only the two column headers: the card lists skip the restyle Textual does on
every focus change (CardList.watch_has_focus). These tests fail if a Textual upgrade or a new
CSS rule makes that unsafe.
"""

from __future__ import annotations

import inspect

from textual.color import Color
from textual.widget import Widget
from textual.widgets import Static

from store.workspace import Workspace
from tests.tui.app_harness import make_app, press, settle
from tui.widgets.board_column import BoardColumn, CardList


def header_background(column: BoardColumn) -> Color:
    return column.query_one(".column-header", Static).styles.background


async def test_the_focused_columns_header_is_highlighted_and_stays_so_under_a_form(workspace: Workspace) -> None:
    workspace.create("tasks", title="One card")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        primary = Color.parse(app.current_theme.primary)
        columns = list(app.query(BoardColumn))
        assert [header_background(c) == primary for c in columns] == [True, False, False, False]
        await press(app, pilot, "l", "l")
        assert [header_background(c) == primary for c in columns] == [False, False, True, False]
        await press(app, pilot, "h")
        assert [header_background(c) == primary for c in columns] == [False, True, False, False]
        await press(app, pilot, "n")  # the card form opens on top: the column keeps its highlight
        assert app.screen is not app.get_default_screen()
        assert [header_background(c) == primary for c in columns] == [False, True, False, False]
        await press(app, pilot, "escape")
        await press(app, pilot, "1")  # another pane has the focus: no column is highlighted
        assert not any(header_background(c) == primary for c in columns)


def test_textual_restyles_a_widget_on_focus_only_in_watch_has_focus() -> None:
    """CardList overrides Widget.watch_has_focus to skip its restyle: if Textual ever does more
    there, the override would skip that too. Review CardList.watch_has_focus when this fails."""
    body = inspect.getsource(Widget.watch_has_focus).split('"""')[-1].strip()
    assert body == "self.update_node_styles()", body


async def test_no_css_rule_gives_a_card_list_a_focused_look(workspace: Workspace) -> None:
    """Skipping the restyle is safe only while no rule with :focus or :blur can match a card list."""
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        card_list = app.query(CardList).first()
        focus_rules = [  # any selector of any rule (a parent's too) that needs a card list focused or blurred
            str(selector_set)
            for rule in app.stylesheet.rules
            for selector_set in rule.selector_set
            for selector in selector_set.selectors
            if {"focus", "blur"} & selector.pseudo_classes and selector._check(card_list)
        ]
        assert focus_rules == []
