"""Snapshots of the app shell at 120x40 with a fixed today, on the demo quarter."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from store.repo import init_workspace
from store.workspace import Workspace
from tests.tui.app_harness import demo_app as demo_app_for
from tests.tui.app_harness import make_app, settle
from tui.app import AlineaApp
from tui.screens.record_form import open_form

SIZE = (120, 40)


@pytest.fixture
def demo_app(tmp_path: Path) -> AlineaApp:  # a fixture around the harness helper
    return demo_app_for(tmp_path / "demo")


def test_new_task_form_with_a_relative_due_date(demo_app: AlineaApp, snap_compare) -> None:
    """The Objectives pane (list and detail) dimmed behind a "New task" form: Title "Book the venue",
    Status "Doing" (the Board's word),
    Due "+3d" with "→ Saturday 09 May 2026" in green under it, Save / Cancel, and the key hint line."""

    async def run_before(pilot) -> None:
        await settle(demo_app, pilot)
        await pilot.press("1")
        open_form(demo_app, "tasks", defaults={"status": "doing"})
        await settle(demo_app, pilot)
        await pilot.press(*"Book", "space", *"the", "space", *"venue")
        form = demo_app.screen
        form.query_one("#field-title", Input).cursor_blink = False  # the cursor is shown, whatever the timing
        form.query_one("#field-due", Input).value = "+3d"
        await settle(demo_app, pilot)

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)


def test_form_shows_a_refused_value_under_its_field(demo_app: AlineaApp, snap_compare) -> None:
    """A "New objective" form after ctrl+s with period "Q4": the Period label turns red and
    "a period looks like 2026, 2026-Q4, 2026-H1 or 2026-11" shows under the field; nothing saved."""

    async def run_before(pilot) -> None:
        await settle(demo_app, pilot)
        await pilot.press("1")
        open_form(demo_app, "objectives")
        await settle(demo_app, pilot)
        await pilot.press(*"Lift", "space", *"NPS")
        demo_app.screen.query_one("#field-period", Input).value = "Q4"
        await settle(demo_app, pilot)
        await pilot.press("ctrl+s")
        await settle(demo_app, pilot)

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)


def test_help_lists_the_keys_of_the_objectives_pane(demo_app: AlineaApp, snap_compare) -> None:
    """The help over the Objectives pane: "Keys on this screen", the objective list's own keys
    (j ↓ next objective, k ↑ previous, pgdn, pgup, home, end, ⏎ open), an "Objectives" group
    (n, e, d, a, r, A, p, c, /), then "Everywhere" (1–4, u, s, ?, ^p, q, F give feedback about
    the selected record), each description in a column of its own; no Textual built-in keys."""

    async def run_before(pilot) -> None:
        await settle(demo_app, pilot)
        await pilot.press("1")
        await settle(demo_app, pilot)
        await pilot.press("question_mark")
        await settle(demo_app, pilot)

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)


def test_welcome_on_a_first_run(tmp_path: Path, snap_compare) -> None:
    """The welcome over an empty workspace: the alinea intro, "How would you like to start?" with
    "Start empty" chosen, then "Who are you?" with Name (git's "Ana Ruiz" filled in) and Department
    fields, and a Start button."""
    app = make_app(Workspace(init_workspace(tmp_path / "new")), first_run=True)

    async def run_before(pilot) -> None:
        await settle(app, pilot)
        app.screen.query_one("#welcome-empty").value = True
        await settle(app, pilot)
        app.screen.query_one("#welcome-name").focus()
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_team_lists_members_by_department(demo_app: AlineaApp, snap_compare) -> None:
    """The Team over the Board: "6 members in 2 departments", Marketing · 3 then Sales · 3 as
    headings, each member with role and email, the first (Malik Johnson) highlighted, and the
    Team's keys in the footer (n Add, e Edit, d Remove, u Undo, ? Help, esc Close)."""

    async def run_before(pilot) -> None:
        await settle(demo_app, pilot)
        demo_app.action_show_team()
        await settle(demo_app, pilot)

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)
