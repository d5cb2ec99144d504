"""`make docs` (tools/screenshots.py) writes the README's pictures; a missing pane is skipped, not fatal."""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "screenshots.py"


def text_of(svg: Path) -> str:
    """The SVG with its entities read (Rich writes each space as &#160;)."""
    return html.unescape(svg.read_text(encoding="utf-8")).replace("\xa0", " ")


def test_make_docs_writes_a_picture_of_each_pane(tmp_path: Path) -> None:
    out = tmp_path / "pictures"
    result = subprocess.run([sys.executable, str(SCRIPT), str(out)], capture_output=True, text=True, timeout=300,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for pane in ("objectives", "agenda", "feedback", "board"):
        svg = text_of(out / f"{pane}.svg")
        assert svg.startswith("<svg") and f"alinea · {pane.capitalize()}" in svg
        assert f"wrote {out / f'{pane}.svg'}" in result.stdout
    board = text_of(out / "board.svg")
    assert ">demo<" in board and "Ana Ruiz  ·  clean" in board  # the demo and its lead, whoever runs it
    assert "Draft webinar 2 landing" in board and "overdue 11 Nov" in board  # the sample quarter, on its fixed day
    runner = out / "runner.svg"
    assert runner.exists() or "skipped runner.svg (Meeting runner): " in result.stdout


def test_a_pane_the_app_does_not_have_is_skipped_with_a_reason(tmp_path: Path) -> None:
    code = (
        "import sys, tools.screenshots as s\n"
        "s.PANES = s.PANES + (('calendar', 'Calendar'),)\n"
        f"sys.exit(s.main([{str(tmp_path / 'out')!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "skipped calendar.svg (Calendar): the app has no calendar pane" in result.stdout
    assert (tmp_path / "out" / "board.svg").exists() and not (tmp_path / "out" / "calendar.svg").exists()
