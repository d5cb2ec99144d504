"""The screens in Spanish: the form, help, the runner, the welcome, the conflicts' header count."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static
from textual.widgets._footer import FooterKey

from store.workspace import Workspace
from tests.tui.app_harness import demo_app, make_app, open_form, press, settle, type_text
from tests.tui.runner_harness import (  # noqa: F401 - utc is a fixture
    Clock,
    demo_folder,
    open_runner,
    runner_app,
    utc,
)
from tui.launch import prepare
from tui.screens.conflicts import ConflictsScreen
from tui.screens.help import HelpScreen
from tui.screens.record_form import RecordForm
from tui.screens.welcome import WelcomeScreen
from tui.widgets.capture_line import CaptureLine
from tui.widgets.header import AlineaHeader


def shown(node: Widget, selector: str) -> str:
    return str(node.query_one(selector, Static).render())


async def test_the_task_form_speaks_spanish_and_reads_a_spanish_date(workspace: Workspace, spanish: None) -> None:
    app = make_app(workspace)  # today is Wednesday 06 May 2026
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "tasks")
        assert shown(form, "#form-title") == "Nueva tarea"
        assert [str(b.label) for b in form.query(Button)] == ["Guardar", "Cancelar"]
        assert shown(form, "#form-help") == "ctrl+s guarda (o enter en un campo de una línea) · esc cancela"
        await type_text(app, pilot, "Enviar la presentación")
        form.query_one("#field-due", Input).focus()
        await type_text(app, pilot, "próximo vie")
        assert shown(form, "#hint-due") == "→ viernes 15 mayo 2026"
        await press(app, pilot, "ctrl+s")
        assert not isinstance(app.screen, RecordForm)
    (task,) = Workspace(workspace.folder).records("tasks")
    assert (task.title, task.due) == ("Enviar la presentación", date(2026, 5, 15))


async def test_a_meeting_without_a_start_is_refused_in_spanish(workspace: Workspace, spanish: None) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        form = await open_form(app, pilot, "meetings")
        assert shown(form, "#form-title") == "Nueva reunión"
        await type_text(app, pilot, "Sincronía de pipeline")
        await press(app, pilot, "ctrl+s")
        assert app.screen is form, "the form stays open"
        assert shown(form, "#error-starts_at") == "se necesita fecha y hora, p. ej. 2026-12-01 10:00 o vie 14:30"
        form.query_one("#field-starts_at", Input).value = "vie 14:30"
        await settle(app, pilot)
        assert shown(form, "#hint-starts_at") == "→ viernes 08 mayo 2026, 14:30"
    assert Workspace(workspace.folder).records("meetings") == []


async def test_help_in_the_runner_speaks_spanish(tmp_path: Path, utc: None, spanish: None) -> None:  # noqa: F811
    app = runner_app(demo_folder(tmp_path), Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_runner(app, pilot)
        await press(app, pilot, "question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert shown(help_screen, "#help-title") == "Teclas de esta pantalla"
        groups = [str(w.render()) for w in help_screen.query(".help-group")]
        assert "Conducción de la reunión" in groups
        words = [str(w.render()) for w in help_screen.query(".help-words")]
        assert "El punto actual está hecho: al siguiente" in words
        assert "Registra una decisión: una línea añadida al resultado del punto" in words
        assert shown(help_screen, "#help-footer") == "escape cierra · ctrl+p busca cualquier acción por nombre"


async def test_the_runner_speaks_spanish(tmp_path: Path, utc: None, spanish: None) -> None:  # noqa: F811
    clock = Clock()
    app = runner_app(demo_folder(tmp_path), clock)
    async with app.run_test(size=(120, 40)) as pilot:
        runner = await open_runner(app, pilot)
        assert shown(runner, "#runner-countdown-words") == "restan"
        meeting = shown(runner, "#runner-meeting").splitlines()
        assert meeting[0].startswith("Reunión 0:00 de ") and meeting[2] == "punto 1 de 5"
        assert meeting[1].startswith("termina ")
        assert shown(runner, "#runner-status").startswith("Tú conduces esta reunión: ")
        assert shown(runner, "#runner-agenda-title") == "Agenda"
        footer = {key.key: key.description for key in runner.query(FooterKey)}
        assert (footer["space"], footer["d"], footer["x"]) == ("Siguiente", "Decisión", "Terminar")
        await press(app, pilot, "d")
        assert shown(runner.query_one(CaptureLine), "#capture-prompt") == "Decisión"
        assert shown(runner.query_one(CaptureLine), "#capture-preview") == (
            "una decisión necesita palabras · enter la añade al resultado del punto"
        )
        await press(app, pilot, "escape")
        clock.advance(minutes=40)
        runner.tick()
        await settle(app, pilot)
        assert shown(runner, "#runner-countdown-words") == "excedido"


async def test_the_welcome_speaks_spanish(workspace_dir: Path, spanish: None) -> None:
    opened = prepare(workspace_dir)
    try:
        app = make_app(opened.workspace, welcome=True, claim=opened.claim)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            welcome = app.screen
            assert isinstance(welcome, WelcomeScreen)
            assert shown(welcome, "#welcome-title") == "Bienvenido a alinea"
            assert str(welcome.query_one(".welcome-question", Label).render()) == (
                "¿Quién eres? Tus cambios se firman como ana.ruiz@example.com."
            )
            assert shown(welcome, "#welcome-help") == "tab avanza · enter o ctrl+s empieza · esc omite"
            assert str(welcome.query_one("#welcome-go", Button).label) == "Empezar"
            welcome.query_one("#welcome-name", Input).value = ""
            await press(app, pilot, "ctrl+s")
            assert shown(welcome, "#welcome-error") == (
                "Tu nombre, por favor: el equipo lo ve en lo que tienes a cargo (esc omite)."
            )
    finally:
        opened.release()


async def test_the_headers_count_in_spanish_opens_the_review(tmp_path: Path, spanish: None) -> None:
    app = demo_app(tmp_path / "demo")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        header = app.query_one(AlineaHeader)
        assert not header.can_focus, "no count: tab does not stop at the header"
        app.sub_title = "Ana Ruiz  ·  cambios sin sincronizar, 2 conflictos por revisar"
        await settle(app, pilot)
        assert header.can_focus
        header.focus()
        await press(app, pilot, "enter")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        assert shown(screen, "#conflicts-title") == "Conflictos por revisar"
