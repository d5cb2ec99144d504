"""The Objectives pane changes objectives from the keyboard (e edits, d deletes, u brings it
back: each checked on disk), refuses every change in a read-only window in words, and shows a
teammate's hostile text (escape sequences, markup, endless words) as plain text."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from store.workspace import Workspace
from tests.conftest import GIT_EMAIL
from tests.tui import app_harness
from tests.tui.app_harness import make_app, objectives_settled, on_disk, settle
from tests.tui.test_hostile_text import CLIPBOARD, RENAME_WINDOW, WIPE_SCREEN, assert_harmless, terminal_output
from tui.app import AlineaApp
from tui.launch import prepare
from tui.panes.metric_card import MetricCard
from tui.panes.objectives import ObjectivesPane
from tui.screens.record_form import RecordForm
from tui.widgets.prompt_line import PromptLine

LONG_WORD = "Supercalifragilisticexpialidocious" * 6


async def press(app: AlineaApp, pilot: Any, *keys: str) -> None:
    await app_harness.press(app, pilot, *keys)
    await objectives_settled(app, pilot)


async def open_objectives(app: AlineaApp, pilot: Any) -> ObjectivesPane:
    await settle(app, pilot)
    await press(app, pilot, "1")
    return app.query_one("#objectives", ObjectivesPane)


def behind_pace(workspace: Workspace, title: str = "Grow newsletter signups") -> str:
    """An on-track objective of 2026-Q2 with one metric at 5 % on 06 May (38 % of the quarter
    gone): the pane proposes "at risk" for it. Returns its id."""
    objective = workspace.create("objectives", title=title, period="2026-Q2", status="on_track")
    metric = workspace.create("metrics", objective_id=objective.id, name="Signups", baseline=0, target=100)
    workspace.create("measurements", metric_id=metric.id, value=5, date=date(2026, 5, 1))
    return objective.id


async def test_e_edits_the_selected_objective_and_the_file_holds_the_change(workspace: Workspace) -> None:
    objective_id = behind_pace(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_objectives(app, pilot)
        assert pane.selected_id == objective_id
        await press(app, pilot, "e")
        form = app.screen
        assert isinstance(form, RecordForm)
        title = form.query_one("#field-title", Input)
        assert title.value == "Grow newsletter signups"  # the form opens on the objective, filled in
        title.value = "Grow newsletter signups to 2,000"
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, RecordForm)
        assert on_disk(workspace).get("objectives", objective_id).title == "Grow newsletter signups to 2,000"
        assert pane.shown_titles() == ["Grow newsletter signups to 2,000"]
        assert "Grow newsletter signups to 2,000" in str(app.query_one("#detail-title", Static).render())
        assert app.focused is pane.objective_list


async def test_d_deletes_the_selected_objective_and_u_brings_it_back(workspace: Workspace) -> None:
    kept = behind_pace(workspace, "Cut cost per lead")
    doomed = behind_pace(workspace, "Grow newsletter signups")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_objectives(app, pilot)
        await press(app, pilot, "j")
        assert pane.selected_id == doomed
        app._notifications.clear()
        await press(app, pilot, "d")
        assert [o.id for o in on_disk(workspace).records("objectives")] == [kept]
        assert on_disk(workspace).get("objectives", doomed).deleted  # a tombstone: the delete syncs
        assert pane.shown_titles() == ["Cut cost per lead"]
        said = [n.message for n in app._notifications]
        assert "Deleted “Grow newsletter signups” — u brings it back" in said
        await press(app, pilot, "u")
        assert sorted(o.id for o in on_disk(workspace).records("objectives")) == sorted([kept, doomed])
        assert pane.shown_titles() == ["Cut cost per lead", "Grow newsletter signups"]
        metrics = on_disk(workspace).records("metrics")
        assert [m.objective_id for m in metrics if m.name == "Signups"].count(doomed) == 1


async def test_a_read_only_window_refuses_every_change_to_objectives_in_words(workspace_dir: Path) -> None:
    seed = Workspace(workspace_dir)
    seed.create("members", name="Ana Ruiz", email=GIT_EMAIL, department="Sales")
    objective_id = behind_pace(seed)
    before = (workspace_dir / "alinea.json").read_bytes()
    first, second = prepare(workspace_dir), prepare(workspace_dir)
    try:
        first.claim()
        app = make_app(second.workspace, claim=second.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            pane = await open_objectives(app, pilot)
            assert app.workspace.read_only and pane.selected_id == objective_id
            assert pane.view_of(objective_id) is not None and pane.view_of(objective_id).proposal is not None
            for key in ("n", "e", "d", "a", "r", "A"):
                app._notifications.clear()
                await press(app, pilot, key)
                assert not isinstance(app.screen, RecordForm), f"{key} opened a form"
                assert not app.query_one(PromptLine).display, f"{key} opened the prompt line"
                said = [n.message for n in app._notifications]
                assert said, f"{key} said nothing"
                assert all("read-only because" in text and "another alinea window" in text for text in said), said
            app._notifications.clear()
            pane.action_import_measurements()  # the palette's "Import measurements…"
            await settle(app, pilot)
            assert not app.query_one(PromptLine).display
            assert any("read-only because" in n.message for n in app._notifications)
    finally:
        second.release()
        first.release()
    assert (workspace_dir / "alinea.json").read_bytes() == before


async def test_hostile_text_in_an_objective_and_its_metric_shows_as_text(workspace: Workspace) -> None:
    workspace.create("members", name="Ana Ruiz", email=GIT_EMAIL, department="Sales")
    objective = workspace.create(
        "objectives", title=f"[bold]Grow[/bold] {RENAME_WINDOW} {LONG_WORD}", period="2026-Q2",
        description=f"[red]alarm[/red] {WIPE_SCREEN} [link=https://evil.example]click[/link] {LONG_WORD} end",
        departments=["[i]Sales"],
    )
    metric = workspace.create(
        "metrics", objective_id=objective.id, name=f"[b]Signups[/b]{CLIPBOARD} {LONG_WORD}", unit="[u]x",
        baseline=0, target=100,
    )
    workspace.create("measurements", metric_id=metric.id, value=5, date=date(2026, 5, 1), note="[blink]n")
    for size in ((120, 40), (80, 24)):
        app = make_app(workspace)
        async with app.run_test(size=size) as pilot:
            pane = await open_objectives(app, pilot)
            output = terminal_output(app)
            assert_harmless(output)
            title = str(app.query_one("#detail-title", Static).render())
            assert f"[bold]Grow[/bold] ␛]2;pwned␇ {LONG_WORD}" in title  # markup shown, not applied
            assert "[i]Sales" in str(app.query_one("#detail-facts", Static).render())
            shown_text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output)
            assert "[red]alarm[/red] ␛[2J" in shown_text  # the description: markup shown, not applied
            assert "[link=https://evil.example]click[/link]" in shown_text
            await press(app, pilot, "enter")  # into the detail, on the metric's card
            card = app.query_one(MetricCard)
            assert app.focused is card
            name = str(card.query_one(".metric-name", Static).render())
            assert name.startswith("[b]Signups[/b]␛]52;c;ZXZpbA==␇")
            assert "[u]x" in str(card.query_one(".metric-values", Static).render())
            assert_harmless(terminal_output(app))
            # nothing is pushed off the screen sideways: the detail scrolls only down, each line
            # of the metric's card is one line, cut with "…" where a word is too long for it
            assert pane.detail.max_scroll_x == 0
            for line in card.query(Static):
                assert line.size.height == 1
                rendered = "".join(segment.text for segment in line.render_line(0))
                assert len(rendered.rstrip()) <= line.size.width
            shown = "".join(segment.text for segment in card.query_one(".metric-name", Static).render_line(0))
            assert shown.rstrip().endswith("…"), shown
            assert app.query_one("#objectives-list").region.width > 0
