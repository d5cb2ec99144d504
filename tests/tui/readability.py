"""What a screen looks like cell by cell: the colours of each run of text, to check contrast."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.console import Console
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from textual.app import App


@dataclass(frozen=True)
class Run:
    text: str
    foreground: tuple[int, int, int]
    background: tuple[int, int, int]


def is_text(char: str) -> bool:
    """Letters, digits and signs; not spaces, lines, boxes or blocks (tab underlines, scrollbars)."""
    return not char.isspace() and not 0x2500 <= ord(char) <= 0x259F


def _rgb(color: RichColor | None, default: tuple[int, int, int], system: ColorSystem) -> tuple[int, int, int]:
    if color is None or color.is_default:
        return default
    if system != ColorSystem.TRUECOLOR:  # what a 16- or 256-colour terminal shows: the nearest it has
        color = color.downgrade(system)
    triplet = color.get_truecolor(DEFAULT_TERMINAL_THEME)
    return (triplet.red, triplet.green, triplet.blue)


def screen_runs(app: App[Any], system: ColorSystem = ColorSystem.TRUECOLOR) -> list[Run]:
    """Every run of visible text on the app's screen, with the colours a terminal of ``system`` paints."""
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    default_fg = (DEFAULT_TERMINAL_THEME.foreground_color.red, DEFAULT_TERMINAL_THEME.foreground_color.green,
                  DEFAULT_TERMINAL_THEME.foreground_color.blue)
    default_bg = (DEFAULT_TERMINAL_THEME.background_color.red, DEFAULT_TERMINAL_THEME.background_color.green,
                  DEFAULT_TERMINAL_THEME.background_color.blue)
    runs = []
    for segment in console._record_buffer:
        style = segment.style
        if style is None or not any(is_text(char) for char in segment.text):
            continue
        foreground = _rgb(style.color, default_fg, system)
        background = _rgb(style.bgcolor, default_bg, system)
        if style.reverse:
            foreground, background = background, foreground
        runs.append(Run(segment.text, foreground, background))
    return runs


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
