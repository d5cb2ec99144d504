"""The domain's words in Spanish: the Board's statuses, counts, typed statuses, exports, the brief."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from store.brief import build_brief
from store.export.agenda import agenda_markdown
from store.export.brief import brief_markdown
from store.export.minutes import minutes_markdown
from store.quickadd import parse_task_line
from store.vocabulary import VOCABULARY, count_of
from store.words import records_of
from store.workspace import Workspace
from tui.cli import main

UTC = timezone.utc
START = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def _headings(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [tokens[i + 1].content for i, tok in enumerate(tokens) if tok.type == "heading_open"]


def test_the_boards_statuses_and_the_forms_labels_read_in_spanish(spanish: None) -> None:
    tasks = VOCABULARY["tasks"]
    statuses = [tasks.choice(s) for s in ("todo", "doing", "blocked", "done")]
    assert statuses == ["Por hacer", "En curso", "Bloqueada", "Hecho"]
    assert [VOCABULARY["objectives"].choice(s) for s in ("on_track", "at_risk", "off_track")] == [
        "En camino", "En riesgo", "Desviado"
    ]
    assert VOCABULARY["meetings"].choice("done") == "Terminada"  # a meeting is over, a task is done
    assert (tasks.label("owner_id"), tasks.label("due"), tasks.label("title")) == ("Responsable", "Vence", "Título")
    assert tasks.hint("due") == "2026-12-01, +3d, vie, próximo lun"
    assert (tasks.word(), VOCABULARY["feedback"].words()) == ("tarea", "comentarios")


def test_english_keeps_its_words() -> None:
    tasks = VOCABULARY["tasks"]
    assert [tasks.choice(s) for s in ("todo", "doing")] == ["To do", "Doing"]
    assert (tasks.label("owner_id"), tasks.label("lost_by"), tasks.hint("due")) == (
        "Owner", "Lost by", "2026-12-01, +3d, fri, next mon"
    )


def test_counts_of_records_read_in_spanish_singular_and_plural(spanish: None) -> None:
    assert [records_of("tasks", n) for n in (1, 3)] == ["1 tarea", "3 tareas"]
    assert [records_of("feedback", n) for n in (1, 2)] == ["1 comentario", "2 comentarios"]
    assert records_of("agenda_items", 2) == "2 puntos de la agenda"
    assert VOCABULARY["meetings"].count(1) == "1 reunión"
    assert count_of("tasks", 3, translated=False) == "3 tasks"  # for text that is not shown


def test_a_status_typed_in_spanish_is_stored_as_its_id(
    workspace_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    ws = str(workspace_dir)
    assert main(["-w", ws, "add", "tasks", "title=Llamar a Acme", "status=En curso", "priority=alta"]) == 0
    task_id = capsys.readouterr().out.strip()
    task = Workspace(workspace_dir).get("tasks", task_id)
    assert (task.status.value, task.priority.value) == ("doing", "high")
    assert main(["-w", ws, "set", task_id[:8], "status=Hecho"]) == 0
    assert Workspace(workspace_dir).get("tasks", task_id).status.value == "done"
    assert main(["-w", ws, "set", task_id[:8], "status=To do"]) == 0  # the English word works too
    stored = (workspace_dir / "alinea.json").read_text(encoding="utf-8")
    assert '"status":"todo"' in stored.replace(" ", "") and "Por hacer" not in stored


def test_a_quick_added_task_takes_a_spanish_priority(spanish: None) -> None:
    parsed = parse_task_line("Enviar la hoja !alta", [], date(2026, 11, 29))
    assert (parsed.ok, parsed.title, parsed.priority) == (True, "Enviar la hoja", "high")


@pytest.fixture
def meeting_id(workspace: Workspace) -> str:
    ana = workspace.create("members", name="Ana Ruiz", email="ana@example.com", department="Ventas")
    meeting = workspace.create(
        "meetings", title="Sincronía semanal", starts_at=START, duration_min=30, attendee_ids=[ana.id]
    )
    workspace.create("agenda_items", meeting_id=meeting.id, title="Embudo Q4", minutes=15, presenter_id=ana.id)
    return meeting.id


def test_an_exported_agenda_and_minutes_have_spanish_headings(
    spanish: None, workspace: Workspace, meeting_id: str
) -> None:
    meeting = workspace.get("meetings", meeting_id)
    agenda = agenda_markdown(workspace, meeting, UTC)
    assert _headings(agenda) == ["Sincronía semanal · mar 01 dic 2026", "Asistentes", "Agenda"]
    assert "**Cuándo:** mar 01 dic 09:30–10:00 (30 min)" in agenda
    assert "Planeado: 15 / 30 min" in agenda
    minutes = minutes_markdown(workspace, meeting, UTC)
    assert _headings(minutes)[:4] == [
        "Minuta: Sincronía semanal · mar 01 dic 2026",
        "Asistieron",
        "Puntos",
        "1. Embudo Q4 — Ana Ruiz (Ventas) (no se alcanzó)",
    ]
    assert "**Realizada:** aún no se realiza" in minutes


def test_the_brief_reads_in_spanish(spanish: None, workspace: Workspace) -> None:
    now = datetime.now(UTC)
    workspace.create("tasks", title="Presentación al consejo", due=(now - timedelta(days=30)).date())
    brief = build_brief(workspace, None, now=now)
    assert [s.title for s in brief.sections][:4] == [
        "Métricas que cambiaron", "Objetivos", "Tareas hechas", "Tareas vencidas"
    ]
    assert brief.section("metrics").empty == "No hay mediciones nuevas."
    (late,) = brief.section("tasks_overdue").lines
    assert late.text.startswith("Presentación al consejo (sin responsable), vence ")
    text = brief_markdown(brief)
    assert text.startswith("# Resumen previo: los últimos 7 días\n")
    assert "## Tareas vencidas (1)" in text and "No hay conflictos por revisar." in text
