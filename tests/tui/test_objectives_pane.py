"""The Objectives pane: create an objective, give it a metric, record measurements, watch
progress, sparkline and pace move, and accept the "at risk" the pace proposes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Sparkline

from store.workspace import Workspace
from tests.tui import app_harness
from tests.tui.app_harness import make_app, objectives_settled, on_disk, settle, type_text
from tui.panes.metric_card import MetricCard
from tui.panes.objectives import ObjectivesPane
from tui.screens.measurements import MeasurementsScreen
from tui.screens.record_form import RecordForm
from tui.widgets.prompt_line import PromptLine


async def press(app: Any, pilot: Any, *keys: str) -> None:
    """Press, then wait for the detail to follow the cursor."""
    await app_harness.press(app, pilot, *keys)
    await objectives_settled(app, pilot)


def _pane(app: Any) -> ObjectivesPane:
    return app.query_one("#objectives", ObjectivesPane)


async def _fill(app: Any, pilot: Any, **values: str) -> None:
    form = app.screen
    assert isinstance(form, RecordForm)
    for name, value in values.items():
        form.query_one(f"#field-{name}", Input).value = value
    await press(app, pilot, "ctrl+s")


async def test_objective_metric_measurements_pace_and_proposal(workspace: Workspace) -> None:
    workspace.create("members", name="Ana Ruiz", email="ana.ruiz@example.com", department="Sales")
    app = make_app(workspace)  # today: Wed 06 May 2026, 38 % into 2026-Q2
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1")
        pane = _pane(app)
        assert "press n to add the first objective" in pane.objective_list.empty_text

        await press(app, pilot, "n")
        await _fill(app, pilot, title="Grow newsletter signups")
        assert pane.shown_titles() == ["Grow newsletter signups"]
        objective = workspace.records("objectives")[0]
        assert objective.period == "2026-Q2"  # the current quarter by default

        await press(app, pilot, "a")
        await _fill(app, pilot, name="Signups", target="100")
        card = app.query_one(MetricCard)
        assert app.focused is card
        assert "no data" in str(pane.view_of(objective.id).pace.label)

        await press(app, pilot, "r")
        await type_text(app, pilot, "40 mon")
        await press(app, pilot, "enter")
        view = pane.view_of(objective.id)
        assert view.progress == 0.4 and view.pace.label == "on pace" and view.proposal is None
        assert list(app.query_one(Sparkline).data or []) == [40.0]

        await press(app, pilot, "r")
        await type_text(app, pilot, "oops")
        await press(app, pilot, "enter")
        prompt = app.query_one(PromptLine)
        assert prompt.display and "'oops' is not a number" in str(prompt.query_one("#prompt-error").render())

        prompt.query_one(Input).value = '10 today "lost a list"'
        await press(app, pilot, "enter")
        assert not prompt.display
        view = pane.view_of(objective.id)
        assert view.progress == 0.1 and view.pace.behind and str(view.proposal) == "at_risk"
        assert list(app.query_one(Sparkline).data or []) == [40.0, 10.0]
        proposal = str(app.query_one("#detail-proposal").render())
        assert "behind pace — propose: at risk" in proposal

        await press(app, pilot, "A")
        assert str(on_disk(workspace).get("objectives", objective.id).status) == "at_risk"
        assert pane.view_of(objective.id).proposal is None

        await press(app, pilot, "enter")  # the metric's measurements
        screen = app.screen
        assert isinstance(screen, MeasurementsScreen)
        await press(app, pilot, "d")  # the newest: today's 10
        assert [m.value for m in on_disk(workspace).records("measurements")] == [40.0]
        await press(app, pilot, "escape")
        assert pane.view_of(objective.id).progress == 0.4


async def test_the_palette_exports_the_report_and_imports_a_csv(workspace: Workspace, tmp_path: Path) -> None:
    objective = workspace.create("objectives", title="Pipeline", period="2026-Q2")
    workspace.create("metrics", objective_id=objective.id, name="Value", target=100)
    good = tmp_path / "good.csv"
    good.write_text("metric,date,value\nPipeline / Value,2026-05-04,20\nValue,2026-05-05,30\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("metric,date,value\nValue,2026-05-01,1\nValue,2026-05-02,lots\n")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1")
        pane = _pane(app)
        pane.action_import_measurements()
        await settle(app, pilot)
        await type_text(app, pilot, str(bad))
        await press(app, pilot, "enter")
        prompt = app.query_one(PromptLine)
        assert "line 3" in str(prompt.query_one("#prompt-error").render())
        assert on_disk(workspace).records("measurements") == []
        prompt.query_one(Input).value = str(good)
        await press(app, pilot, "enter")
        assert any("Imported 2 measurements" in n.message for n in app._notifications)
        assert pane.view_of(objective.id).progress == 0.3

        pane.action_export_report()
        await settle(app, pilot)
        report = workspace.folder / "exports" / "objectives-2026-05-06.md"
        assert "Pipeline" in report.read_text() and "30 %" in report.read_text()
        assert "/exports/" in (workspace.folder / ".git" / "info" / "exclude").read_text()


async def test_period_and_kind_filters_and_the_text_filter(workspace: Workspace) -> None:
    ana = workspace.create("members", name="Ana Ruiz", email="ana.ruiz@example.com", department="Sales")
    malik = workspace.create("members", name="Malik Johnson", department="Marketing")
    workspace.create("objectives", title="Old goal", period="2026-Q1", owner_ids=[ana.id])
    workspace.create("objectives", title="Shared campaign", kind="campaign", period="2026-Q2",
                     owner_ids=[ana.id, malik.id])
    workspace.create("objectives", title="Current goal", period="2026-Q2", owner_ids=[malik.id])
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1")
        pane = _pane(app)
        assert pane.shown_titles() == ["Current goal", "Shared campaign", "Old goal"]  # current period first
        await press(app, pilot, "p")
        assert pane.shown_titles() == ["Current goal", "Shared campaign"]
        await press(app, pilot, "c")
        assert pane.shown_titles() == ["Current goal"]
        await press(app, pilot, "escape")
        await press(app, pilot, "slash")
        await type_text(app, pilot, "malik")
        await press(app, pilot, "enter")
        assert pane.shown_titles() == ["Current goal", "Shared campaign"]
        await press(app, pilot, "j")
        assert pane.selected_id == workspace.records("objectives")[1].id


async def test_the_export_is_in_the_palette(workspace: Workspace) -> None:
    workspace.create("objectives", title="Pipeline", period="2026-Q2")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "ctrl+p")
        await type_text(app, pilot, "export objectives")
        await press(app, pilot, "enter")
        await settle(app, pilot)
        assert (workspace.folder / "exports" / "objectives-2026-05-06.md").exists()
        assert any("exports/objectives-2026-05-06.md" in n.message for n in app._notifications)


async def test_enter_on_a_linked_task_shows_it_on_the_board(workspace: Workspace) -> None:
    objective = workspace.create("objectives", title="Pipeline", period="2026-Q2")
    task = workspace.create("tasks", title="Call Contoso", objective_id=objective.id, status="doing")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1")
        await press(app, pilot, "enter")  # no metric: into the tasks
        await press(app, pilot, "enter")
        from tui.panes.board import BoardPane
        from tui.widgets.pane_tabs import PaneTabs

        assert app.query_one(PaneTabs).active == "board"
        selected = app.query_one(BoardPane).focused_column.selected
        assert selected is not None and selected.id == task.id
