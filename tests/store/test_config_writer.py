"""Saving one setting (the theme) into config.toml keeps everything else a person wrote."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from store.config import ConfigError, UserConfig, load_config, save_setting, toml_string
from store.paths import config_file


def test_the_first_setting_creates_the_file_at_the_config_path() -> None:
    path = save_setting("theme", "alinea-light")
    assert path == config_file()
    assert path.read_text() == 'theme = "alinea-light"\n'
    assert load_config() == (UserConfig(theme="alinea-light"), None)


def test_the_theme_line_is_replaced_where_it_is_and_comments_stay(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        "# my settings\n"
        'theme = "nord"  # was gruvbox\n'
        "sync_interval_minutes = 15\n"
        "\n"
        "[keymap]\n"
        '"app.sync" = "ctrl+r"  # muscle memory\n'
    )
    save_setting("theme", "alinea-contrast", path)
    assert path.read_text() == (
        "# my settings\n"
        'theme = "alinea-contrast"\n'
        "sync_interval_minutes = 15\n"
        "\n"
        "[keymap]\n"
        '"app.sync" = "ctrl+r"  # muscle memory\n'
    )


def test_a_new_key_goes_before_the_first_table_not_into_it(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# keys\n[keymap]\n"board.new" = "a"\n')
    save_setting("theme", "alinea-light", path)
    config, problem = load_config(path)
    assert problem is None
    assert config == UserConfig(theme="alinea-light", keymap={"board.new": "a"})
    assert path.read_text().startswith('# keys\ntheme = "alinea-light"\n[keymap]\n')


def test_a_theme_key_inside_a_table_is_not_mistaken_for_the_setting(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\ntheme = "t"\n')
    save_setting("theme", "nord", path)
    assert tomllib.loads(path.read_text()) == {"theme": "nord", "keymap": {"theme": "t"}}


def test_a_config_that_is_not_toml_is_left_alone_and_the_error_says_so(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("theme = [unclosed\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        save_setting("theme", "nord", path)
    assert path.read_text() == "theme = [unclosed\n"


def test_a_key_hidden_in_a_multiline_string_is_not_guessed_at(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    text = 'note = """\ntheme = "x"\n"""\n'
    path.write_text(text)
    with pytest.raises(ConfigError, match="set it by hand"):
        save_setting("theme", "nord", path)
    assert path.read_text() == text


def test_values_with_quotes_and_control_characters_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    odd = 'my "theme"\\\t\x1b\x7f'
    save_setting("theme", odd, path)
    assert tomllib.loads(path.read_text())["theme"] == odd
    assert tomllib.loads(f"v = {toml_string('ñandú')}")["v"] == "ñandú"


def test_no_temporary_file_is_left_beside_the_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_setting("theme", "nord", path)
    save_setting("theme", "gruvbox", path)
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]
