"""The panes in Spanish: what a Spanish-speaking lead reads on the Board, the Agenda, the
Objectives and the Feedback panes (titles, empty states, hints, status words, counts)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from textual.widgets import Static

from store.workspace import Workspace
from tests.conftest import GIT_EMAIL
from tests.tui.app_harness import demo_app, make_app, objectives_settled, settle
from tui.app import AlineaApp
from tui.panes.agenda import AgendaPane
from tui.panes.feedback import FeedbackPane
from tui.panes.objectives import ObjectivesPane
from tui.widgets.board_column import BoardColumn
from tui.widgets.pane_tabs import PaneTabs

TODAY = date(2026, 11, 12)


def _text(app: AlineaApp, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


async def test_the_board_speaks_spanish_when_empty(spanish: None, workspace: Workspace) -> None:
    app = make_app(workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        titles = [column.title for column in app.query(BoardColumn)]
        assert titles == ["Por hacer", "En curso", "Bloqueada", "Hecho"]
        tabs = app.query_one(PaneTabs)
        assert [tabs.label(pane) for pane in ("objectives", "agenda", "feedback", "board")] == [
            "Objetivos", "Agenda", "Retroalimentación", "Tablero"]
        empty = "Aún no hay tareas — pulsa n para agregar una"
        assert empty in _text(app, "#board-status")
        todo = app.query_one("#column-todo", BoardColumn)
        assert empty in " ".join(todo.card_list.render_line(y).text.strip() for y in range(3))


async def test_the_board_counts_cards_in_spanish(spanish: None, workspace: Workspace) -> None:
    workspace.create("tasks", title="Forecast", status="todo", position="a")
    app = make_app(workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert _text(app, "#board-status") == "1 tarjeta"


async def test_the_agenda_says_in_spanish_how_to_plan_and_add(spanish: None, workspace: Workspace) -> None:
    app = make_app(workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        pane = app.query_one(AgendaPane)
        assert pane.meeting_list.empty_text == "Aún no hay reuniones — pulsa n para planear la primera"
        assert "pulsa n para planear una" in _text(app, "#meeting-header")

    me = workspace.create("members", name="Ana Ruiz", email=GIT_EMAIL, department="Ventas")
    starts = datetime(2026, 11, 17, 9, 30, tzinfo=timezone.utc)
    workspace.create("meetings", title="Sincronía semanal", starts_at=starts, duration_min=45, attendee_ids=[me.id])
    app = make_app(workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        pane = app.query_one(AgendaPane)
        assert pane.item_list.empty_text.startswith("Aún no hay puntos en la agenda — pulsa a para escribir el primero")
        assert _text(app, "#agenda-caption") == "Agenda  0 puntos"
        await pilot.press("a")
        await settle(app, pilot)
        assert _text(app, "#quick-add-preview") == (
            "Escribe un título; 15m o 1h la duración, @nombre quien presenta, #tipo, ^objetivo."
        )
        assert "Total  0 / 45 min  45 min libres" in _text(app, "#agenda-totals")


async def test_an_objectives_status_and_kind_read_in_spanish(spanish: None, tmp_path: Path) -> None:
    app = demo_app(tmp_path / "ws")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("1")
        await objectives_settled(app, pilot)
        pane = app.query_one("#objectives", ObjectivesPane)
        view = pane.view_of(pane.selected_id or "")
        assert view is not None
        words = {"on_track": "en camino", "at_risk": "en riesgo", "off_track": "desviado", "done": "logrado"}
        title = _text(app, "#detail-title")
        assert title.startswith(f"● {words[str(view.objective.status)]}  ")
        facts = _text(app, "#detail-facts")
        assert facts.startswith(("meta · ", "campaña · ", "estrategia · "))
        assert pane._row(view.objective).kind in ("meta", "campaña", "estrategia")  # the list's second line
        assert "objetivos · periodo todos (p) · tipo todos (c)" in _text(app, "#objectives-status")
        assert "hechas" in _text(app, "#detail-task-summary") or "por hacer" in _text(app, "#detail-task-summary")


async def test_the_feedback_log_reads_in_spanish(spanish: None, tmp_path: Path) -> None:
    app = demo_app(tmp_path / "ws")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        pane = app.query_one(FeedbackPane)
        count = len(pane.entries)
        assert _text(app, "#feedback-status") == (
            f"{count} comentarios, los más recientes primero · c tipo · o estado · @ departamento"
        )
        first = pane.log_list.render_line(0).text  # the first entry's first line
        assert any(word in first for word in ("elogio", "inquietud", "idea", "pregunta"))
        assert any(word in first for word in ("abierto", "atendido", "resuelto"))
        # the first line of the entry fills the room beside its kind, not one word
        entry = pane.entries[0]
        assert entry.body.split()[1] in first
