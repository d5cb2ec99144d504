"""The Board on the sample quarter in each of alinea's themes, at 120x40 with a fixed today."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from store.config import UserConfig
from store.demo import build_demo
from store.workspace import Workspace
from tests.tui.app_harness import make_app, settle

TODAY = date(2026, 11, 12)  # a Thursday in the demo's quarter


@pytest.mark.parametrize("theme", ["alinea-dark", "alinea-light", "alinea-contrast"])
def test_the_board_in_each_alinea_theme(snap_compare: Any, tmp_path: Path, theme: str) -> None:
    """The Board as in test_board_with_the_sample_quarter, in ``theme``.

    alinea-dark: light text on a blue-grey background, the focused To do header and the
    footer keys in blue. alinea-light: dark text on a near-white background, columns white
    on a light grey, the focused header in dark blue with white text, owner lines in grey.
    alinea-contrast: white on black with no dimmed text (owner lines white too, titles bold),
    the focused header in yellow with black text, the highlighted card on dark yellow,
    overdue dates in bright red, high priority marks in yellow. In each, every card's title,
    owner line and due date read clearly against the column behind them.
    """

    async def settled(pilot: Pilot[Any]) -> None:
        await settle(pilot.app, pilot)

    app = make_app(Workspace(build_demo(tmp_path / "demo", today=TODAY)), today=TODAY,
                   config=UserConfig(theme=theme))
    assert snap_compare(app, terminal_size=(120, 40), run_before=settled)
