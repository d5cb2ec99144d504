"""The app's shell in Spanish: the palette's commands, the header's sync words, the sync notice;
and the palette says a record's status in words ("At risk"), never as stored ("at_risk")."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.workspace import Workspace
from tests.gitutil import git
from tests.tui.app_harness import demo_app, make_app, press, settle
from tests.tui.test_palette_keys import search
from tests.tui.test_sync import shared  # noqa: F401 - the fixture: the workspace with a bare origin
from tui.widgets.pane_tabs import PaneTabs


async def test_the_palette_speaks_spanish(tmp_path: Path, spanish: None) -> None:
    app = demo_app(tmp_path / "demo")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        found = await search(app, pilot, "nueva tarea")
        assert any("Nueva tarea…" in hit and "abre un formulario de tarea vacío" in hit for hit in found), found
        await press(app, pilot, "escape")
        found = await search(app, pilot, "sincronizar")
        assert any("Sincronizar ahora" in hit for hit in found), found
        await press(app, pilot, "escape")
        found = await search(app, pilot, "webinar")
        assert any(hit.startswith("Ir a ") for hit in found), found
        await press(app, pilot, "escape")
        found = await search(app, pilot, "tema")
        assert any("Tema…" in hit for hit in found), found


@pytest.mark.usefixtures("shared")
async def test_a_sync_is_said_in_spanish(workspace_dir: Path, spanish: None) -> None:
    app = make_app(Workspace(workspace_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "al día" in app.sub_title, app.sub_title
        app.write(app, lambda ws: ws.create("tasks", title="Compartir"))
        await settle(app, pilot)
        assert "cambios sin sincronizar" in app.sub_title, app.sub_title
        await press(app, pilot, "s")
        await settle(app, pilot)
        assert "al día" in app.sub_title and "sincronizando" not in app.sub_title, app.sub_title
        assert any(n.title == "Sincronización" for n in app._notifications), [n.title for n in app._notifications]
    origin = Path(git(workspace_dir, "remote", "get-url", "origin").strip())
    assert "Compartir" in git(origin, "show", "main:alinea.json")


async def test_nothing_to_undo_is_said_in_spanish(workspace: Workspace, spanish: None) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "u")
        assert [n.message for n in app._notifications] == ["No hay nada que deshacer."]
        tabs = app.query_one(PaneTabs)
        assert [tabs.label(pane) for pane in ("objectives", "agenda", "feedback", "board")] == [
            "Objetivos", "Agenda", "Retroalimentación", "Tablero"]


async def test_the_palette_shows_a_status_in_words_not_as_stored(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "demo")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        found = await search(app, pilot, "Reduce CAC")
        jump = [hit for hit in found if "Jump to Reduce CAC below €420" in hit]
        assert jump and "At risk" in jump[0] and "at risk" not in jump[0] and "at_risk" not in jump[0], found
        await press(app, pilot, "escape")
        found = await search(app, pilot, "Send partner newsletter")
        jump = [hit for hit in found if "Jump to Send partner newsletter copy" in hit]
        assert jump and "To do" in jump[0] and "todo" not in jump[0], found
