"""The store's messages in Spanish: refusals on the command line, sync, the config, the file."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from store.config import load_config
from store.errors import InvalidInput, UnreadableFile
from store.gitsync import sync_workspace
from store.measurement_line import parse_measurement_line
from store.storage import decode_document
from store.workspace import FieldErrors, UndoRefused, Workspace
from tests.gitutil import git

SUNDAY = date(2026, 11, 29)


def alinea(*argv: str, language: str = "es_MX.UTF-8") -> subprocess.CompletedProcess[str]:
    """The real `alinea` command in a process of its own, with the language from LANG."""
    env = {**os.environ, "LANG": language}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *argv], capture_output=True, text=True, env=env, timeout=60
    )


def test_a_bad_number_is_refused_in_spanish_on_the_command_line(workspace_dir: Path) -> None:
    ws = str(workspace_dir)
    objective = alinea("-w", ws, "add", "objective", "title=Cerrar el trimestre")
    assert objective.returncode == 0, objective.stderr
    done = alinea("-w", ws, "add", "metric", f"objective_id={objective.stdout.strip()}", "name=Leads", "target=muchos")
    assert done.returncode == 2
    assert done.stderr == "alinea: target: debe ser un número\n"
    english = alinea("-w", ws, "add", "metric", f"objective_id={objective.stdout.strip()}", "name=Leads",
                     "target=lots", language="C.UTF-8")  # fmt: skip
    assert english.stderr == "alinea: target: Input should be a valid number, unable to parse string as a number\n"


def test_a_bad_length_and_an_unknown_field_are_refused_in_spanish(workspace_dir: Path) -> None:
    ws = str(workspace_dir)
    length = alinea("-w", ws, "add", "meeting", "title=Pipeline", "starts_at=2026-12-01 10:00", "duration_min=0")
    assert (length.returncode, length.stderr) == (2, "alinea: duration_min: debe ser mayor que 0\n")
    unknown = alinea("-w", ws, "add", "task", "title=Llamar a Acme", "color=rojo")
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("alinea: tasks no tiene el campo 'color'; sus campos son: title, ")
    empty = alinea("-w", ws, "add", "task", "title=")
    assert empty.stderr == "alinea: title: debe tener al menos 1 carácter\n"


def test_sync_without_a_remote_says_so_in_spanish(workspace_dir: Path) -> None:
    done = alinea("-w", str(workspace_dir), "sync")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "No hay remoto con el cual sincronizar: todo está guardado localmente"
        " (compártelo con `git remote add origin URL` y luego sincroniza)\n"
    )


def test_a_sync_with_a_teammate_reports_in_spanish(workspace_dir: Path, tmp_path: Path, spanish: None) -> None:
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    git(workspace_dir, "remote", "add", "origin", str(remote))
    Workspace(workspace_dir).create("tasks", title="Llamar a Acme")
    result = sync_workspace(workspace_dir)
    assert result.ok
    assert result.message == "sincronizado con origin: enviados: 1 cambio; recibidos: 0 cambios"
    assert sync_workspace(workspace_dir).message == "al día con origin"


def test_a_config_problem_is_said_in_spanish(tmp_path: Path, spanish: None) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "alinea-light"\nsync_interval_minutes = 5000\n')
    config, problem = load_config(path)
    assert config.theme == "alinea-dark"  # the defaults, as in English
    assert problem == (
        f"{path}: sync_interval_minutes: un número entero de minutos de 0 a 1440; se usan los valores predeterminados"
    )
    path.write_text("colour = 'red'\n")
    assert load_config(path)[1] == (
        f"{path}: colour: ajuste desconocido (los ajustes son: keymap, language, sync_interval_minutes, theme);"
        " se usan los valores predeterminados"
    )


def test_a_damaged_file_is_named_in_spanish(tmp_path: Path, spanish: None) -> None:
    path = tmp_path / "alinea.json"
    with pytest.raises(UnreadableFile) as refused:
        decode_document(b"{}", path)
    assert str(refused.value) == (
        f"{path}:1: no tiene tablas, así que no es un archivo de espacio de trabajo completo (vaciado o dañado);"
        " no se lee nada de él: recupera la última versión buena con `git checkout -- alinea.json`"
    )


def test_a_form_field_error_reads_in_spanish(workspace_dir: Path, spanish: None) -> None:
    workspace = Workspace(workspace_dir)
    with pytest.raises(FieldErrors) as refused:
        workspace.create("tasks", title="Llamar a Acme", status="terminada")
    assert refused.value.errors == {"status": "debe ser uno de: todo, doing, blocked, done"}
    with pytest.raises(FieldErrors) as refused:
        workspace.create("members", name="Sofía", email="sofia")
    assert refused.value.errors == {"email": "un correo electrónico necesita una @"}


def test_a_measurement_line_reads_spanish_weekdays_and_refuses_in_spanish(spanish: None) -> None:
    assert parse_measurement_line('1250 vie "semana del webinar"', SUNDAY).date == date(2026, 11, 27)
    with pytest.raises(InvalidInput, match=r"^'mucho' no es un número; escribe el valor y, si quieres, una fecha"):
        parse_measurement_line("mucho", SUNDAY)
    with pytest.raises(InvalidInput, match="^mar 01 dic 2026 es posterior a hoy"):
        parse_measurement_line("10 2026-12-01", SUNDAY)


def test_undo_over_a_newer_edit_is_refused_in_spanish(workspace_dir: Path, spanish: None) -> None:
    mine, other_window = Workspace(workspace_dir), Workspace(workspace_dir)
    task = mine.create("tasks", title="Llamar a Acme")
    mine.update("tasks", task.id, title="Llamar a Acme hoy")
    other_window.update("tasks", task.id, title="Llamar a Acme el lunes")
    with pytest.raises(UndoRefused) as refused:
        mine.undo()
    said = str(refused.value)
    assert said.startswith("No se deshizo: ana.ruiz@example.com cambió 'Llamar a Acme el lunes' después (")
    assert said.endswith("); se queda como lo dejó")  # between them the field, as the form names it


def test_the_commit_message_stays_english_for_the_team_whatever_my_language(workspace_dir: Path, spanish: None) -> None:
    """The history is shared: a Spanish speaker's sync writes the commit message everyone reads."""
    from store.gitsync import describe_changes

    assert describe_changes({"tasks": 3, "meetings": 1}) == "3 tasks, 1 meeting"
