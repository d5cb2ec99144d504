"""Every colour in the app's styles comes from the theme, so every theme (and a person's own)
recolours all of it: no hex, rgb(), hsl() or named colours in TCSS or in a widget's DEFAULT_CSS."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual._color_constants import COLOR_NAME_TO_RGB
from textual.css.tokenize import tokenize
from textual.dom import DOMNode

import tui

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", ".git", "node_modules", "build", "dist"}
#: words that name no colour of their own
NOT_A_COLOUR = {"transparent", "auto"}


def fixed_colours(css: str, where: str) -> list[str]:
    """``where:line value`` for each colour written into ``css`` instead of taken from a $variable."""
    found = []
    for token in tokenize(css, (where, "")):
        value = token.value.lower()
        if token.name == "color" or (token.name == "token" and value in COLOR_NAME_TO_RGB
                                     and value not in NOT_A_COLOUR):
            found.append(f"{where}:{token.location[0] + 1} {token.value}")
    return found


def tcss_files() -> list[Path]:
    return sorted(
        path for path in ROOT.rglob("*.tcss")
        if not SKIP_DIRS & set(path.relative_to(ROOT).parts)
    )


def default_css() -> list[tuple[str, str]]:
    """(class, DEFAULT_CSS) of every widget and screen defined in the tui package."""
    found: dict[str, str] = {}
    for module_info in pkgutil.walk_packages(tui.__path__, prefix="tui."):
        if module_info.name.endswith("__main__"):  # running it is the CLI
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, DOMNode) and value.__module__ == module.__name__
                    and "DEFAULT_CSS" in vars(value)):
                found[f"{module.__name__}.{name}"] = value.DEFAULT_CSS
    return sorted(found.items())


def test_the_project_has_styles_to_check() -> None:
    assert any(path.name == "app.tcss" for path in tcss_files())
    assert any(name.endswith("BoardColumn") for name, _ in default_css())


@pytest.mark.parametrize("path", tcss_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_tcss_files_take_every_colour_from_the_theme(path: Path) -> None:
    assert fixed_colours(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))) == []


def test_widgets_default_css_takes_every_colour_from_the_theme() -> None:
    assert [colour for name, css in default_css() for colour in fixed_colours(css, name)] == []


def test_the_check_sees_each_way_of_writing_a_colour() -> None:
    css = """
    Foo {
        color: red;
        background: #fff 50%;
        border: tall rgb(1, 2, 3);
        & > .bar { outline: solid hsl(120, 50%, 50%); tint: ansi_bright_red 20%; }
        color: $primary 30%;
        background: transparent;
        height: auto;
    }
    """
    assert [entry.split(" ", 1)[1] for entry in fixed_colours(css, "x")] == [
        "red", "#fff", "rgb(1, 2, 3)", "hsl(120, 50%, 50%)", "ansi_bright_red",
    ]
