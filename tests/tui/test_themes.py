"""Themes: the palette previews and keeps a theme; a person's own theme files are checked first."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot

from store.config import UserConfig
from store.paths import config_file, themes_dir
from store.workspace import Workspace
from tests.tui.app_harness import make_app, settle
from themes import THEMES, theme_names
from themes.user import ThemeFileError, load_user_themes, theme_from_toml
from tui.app import AlineaApp
from tui.widgets.board_column import BoardColumn

SUNRISE = 'name = "sunrise"\nprimary = "#E07A5F"\nbackground = "#F4F1DE"\ndark = false\n' \
          '[variables]\nfooter-key-foreground = "#E07A5F"\ninput-selection-background = "#81a1c1 35%"\n'


def write_theme(file_name: str, text: str) -> Path:
    folder = themes_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    path.write_text(text)
    return path


async def open_theme_palette(app: AlineaApp, pilot: Pilot[Any]) -> CommandPalette:
    app.action_change_theme()
    await settle(app, pilot)
    await pilot.pause(0.3)  # the palette gathers its hits in batches
    assert isinstance(app.screen, CommandPalette)
    return app.screen


async def test_moving_through_the_themes_repaints_and_escape_goes_back(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.theme == "alinea-dark"
        await open_theme_palette(app, pilot)
        assert app.theme == "alinea-dark", "opening the palette changes nothing"
        column = app.query_one(BoardColumn)
        dark_background = column.styles.background
        await pilot.press("down")
        await settle(app, pilot)
        assert app.theme == "alinea-light"
        assert column.styles.background != dark_background, "the board behind the palette is repainted"
        await pilot.press("down")
        await settle(app, pilot)
        assert app.theme == "alinea-contrast"
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, CommandPalette)
        assert app.theme == "alinea-dark"
    assert not config_file().exists(), "escape saves nothing"


async def test_enter_keeps_the_theme_and_saves_it_in_the_config(workspace: Workspace) -> None:
    config_file().parent.mkdir(parents=True)
    config_file().write_text('# mine\nsync_interval_minutes = 5\n[keymap]\n"app.sync" = "ctrl+r"\n')
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_theme_palette(app, pilot)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert app.theme == "alinea-light"
        assert not isinstance(app.screen, CommandPalette)
        assert any("alinea-light, kept in" in n.message for n in app._notifications)
    text = config_file().read_text()
    assert text.startswith("# mine\n")
    assert tomllib.loads(text) == {"theme": "alinea-light", "sync_interval_minutes": 5,
                                   "keymap": {"app.sync": "ctrl+r"}}


async def test_typing_narrows_the_themes_and_previews_the_best_match(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_theme_palette(app, pilot)
        await pilot.press(*"nord")
        await settle(app, pilot)
        await pilot.pause(0.3)
        assert app.theme == "nord"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.theme == "nord"
    assert tomllib.loads(config_file().read_text()) == {"theme": "nord"}


async def test_the_palette_offers_theme_in_place_of_textuals_own(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Theme…" in titles and "Theme" not in titles


async def test_a_saved_theme_that_cannot_be_written_says_so_and_stays_in_use(workspace: Workspace) -> None:
    config_file().parent.mkdir(parents=True)
    config_file().write_text("theme = [broken\n")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_theme_palette(app, pilot)
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert app.theme == "alinea-light"
        assert any("not saved for next time" in n.message and "not valid TOML" in n.message
                   for n in app._notifications)
    assert config_file().read_text() == "theme = [broken\n"


def test_alinea_themes_are_offered_first_then_the_persons_then_textuals() -> None:
    from textual.app import App

    app: App[None] = App()
    for theme in THEMES:
        app.register_theme(theme)
    themes, problems = load_user_themes(Path(write_theme("sunrise.toml", SUNRISE)).parent)
    app.register_theme(themes[0])
    names = theme_names(app)
    assert names[:4] == ["alinea-dark", "alinea-light", "alinea-contrast", "sunrise"]
    assert "nord" in names[4:] and "textual-dark" in names[4:]


async def test_a_persons_theme_is_registered_and_used_from_the_config(workspace: Workspace) -> None:
    write_theme("sunrise.toml", SUNRISE)
    app = make_app(workspace, config=UserConfig(theme="sunrise"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.theme == "sunrise"
        assert app.current_theme.dark is False
        assert app.current_theme.primary == "#E07A5F"
        assert app.theme_variables["footer-key-foreground"] == "#E07A5F"
        assert not app._notifications


async def test_a_bad_theme_file_falls_back_and_says_why(workspace: Workspace) -> None:
    write_theme("sunrise.toml", SUNRISE.replace('"#E07A5F"\nbackground', '"blu"\nbackground'))
    app = make_app(workspace, config=UserConfig(theme="sunrise"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.theme == "alinea-dark"
        [notice] = [n.message for n in app._notifications]
        assert notice.startswith("The theme in sunrise.toml is not used: primary: 'blu' is not a colour")
        assert notice.endswith("so the app uses alinea-dark.")


async def test_a_bad_theme_file_that_is_not_in_use_is_still_reported(workspace: Workspace) -> None:
    write_theme("broken.toml", "name = \"broken\"\n")
    write_theme("sunrise.toml", SUNRISE)
    app = make_app(workspace, config=UserConfig(theme="alinea-light"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.theme == "alinea-light"
        assert "sunrise" in app.available_themes and "broken" not in app.available_themes
        assert [n.message for n in app._notifications] == [
            "The theme in broken.toml is not used: primary missing (every theme needs a name and a primary colour)."
        ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('primary = "#fff"\n', "name missing"),
        ('name = "x"\nprimary = "#fff"\nprimay = "#000"\n', "primay: unknown"),
        ('name = "Sun Rise"\nprimary = "#fff"\n', "name: lower-case letters"),
        ('name = "nord"\nprimary = "#fff"\n', "already a theme called 'nord'"),
        ('name = "x"\nprimary = 3\n', "primary must be a colour in quotes"),
        ('name = "x"\nprimary = "#fff"\nsurface = "#12345"\n', "surface: '#12345' is not a colour"),
        ('name = "x"\nprimary = "#fff"\ndark = "yes"\n', "dark: true or false"),
        ('name = "x"\nprimary = "#fff"\n[variables]\nborder = "red 140%"\n', "variables.border"),
        ('name = "x"\nprimary = "#fff"\n[variables]\nblock-cursor-text-style = "loud"\n', "not a text style"),
    ],
)
def test_theme_files_are_checked_key_by_key(text: str, reason: str) -> None:
    import tomllib as toml

    with pytest.raises(ThemeFileError, match=reason.replace("(", r"\(")):
        theme_from_toml(toml.loads(text), frozenset({"nord", "alinea-dark"}))


def test_a_file_that_is_not_toml_or_not_utf8_is_reported_not_raised() -> None:
    folder = write_theme("a.toml", "name = [\n").parent
    (folder / "b.toml").write_bytes(b"\xff\xfe")
    (folder / "notes.txt").write_text("not a theme")
    themes, problems = load_user_themes(folder)
    assert themes == []
    assert [(p.path.name, "not valid TOML" in p.reason) for p in problems] == [("a.toml", True), ("b.toml", True)]


def test_two_files_with_the_same_name_keep_the_first() -> None:
    folder = write_theme("a.toml", SUNRISE).parent
    write_theme("b.toml", SUNRISE)
    themes, problems = load_user_themes(folder)
    assert [theme.name for theme in themes] == ["sunrise"]
    assert [p.path.name for p in problems] == ["b.toml"] and "already a theme" in problems[0].reason
