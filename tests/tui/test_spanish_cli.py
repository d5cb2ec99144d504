"""`alinea` in Spanish, as a person at a Spanish terminal runs it: help, bad input, output lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from store.paths import config_file
from tests.tui.test_cli import run
from tui.cli import main
from tui.cli.serve import APP_MAIN


def alinea(*argv: str, lang: str = "es_MX.UTF-8") -> subprocess.CompletedProcess[str]:
    """A real `alinea` process with the terminal's language (HOME is the test's: no config)."""
    env = {key: value for key, value in os.environ.items() if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = lang
    return subprocess.run([sys.executable, "-m", "tui.cli", *argv], capture_output=True, text=True, env=env,
                          timeout=60)


def test_help_reads_spanish_at_a_spanish_terminal() -> None:
    done = alinea("--help")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("uso: alinea"), out
    assert "opciones:" in out and "muestra esta ayuda y sale" in out and "comandos:" in out, out
    assert "crea un espacio de trabajo" in out and "envía y recibe los cambios del equipo" in out, out
    for english in ("usage:", "options:", "show this help message", "create a workspace"):
        assert english not in out


def test_help_stays_english_at_an_english_terminal() -> None:
    out = alinea("--help", lang="en_US.UTF-8").stdout
    assert out.startswith("usage: alinea") and "show this help message and exit" in out and "options:" in out


def test_bad_input_is_one_spanish_line_and_exit_2(tmp_path: Path) -> None:
    done = alinea("-w", str(tmp_path / "ws"), "serve", "--port", "0")
    assert (done.returncode, done.stderr) == (2, "alinea: el puerto debe estar entre 1 y 65535, no 0\n")
    done = alinea("list")
    assert done.returncode == 2
    assert done.stderr == "alinea: se requieren los siguientes argumentos: TABLE (consulta `alinea --help`)\n"
    done = alinea("conflicts", "resolve", "abcd", "--keep", "mine")
    assert done.returncode == 2 and done.stderr.startswith("alinea: argumento --keep: opción no válida: 'mine'")


def test_the_config_language_outranks_an_english_terminal(tmp_path: Path) -> None:
    """`alinea serve` starts each tab's app with its own environment and reads the config again:
    the served app's entry point chooses the language the same way."""
    config = config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('language = "es"\n', encoding="utf-8")
    env = dict(os.environ, LANG="en_US.UTF-8")
    env.pop("LANGUAGE", None)
    served = subprocess.run([sys.executable, "-c", APP_MAIN, "--help"], capture_output=True, text=True, env=env,
                            timeout=60)
    assert served.stdout.startswith("uso: alinea"), (served.stdout, served.stderr)


def test_output_lines_in_spanish(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "es_MX.UTF-8")  # main() chooses the language, as at a Spanish terminal
    ws = str(workspace_dir)
    assert run(capsys, "-w", ws, "conflicts") == (0, "No hay conflictos por revisar.\n", "")
    code, out, err = run(capsys, "-w", ws, "add", "tasks", "title=Llamar a Acme")
    assert code == 0, err
    code, out, _ = run(capsys, "-w", ws, "set", out.strip()[:8], "status=doing")
    assert code == 0 and out.startswith("Se actualizó ") and out.rstrip().endswith("(Llamar a Acme)"), out
    assert main(["-w", ws, "export", "agenda", "next"]) == 2
    assert capsys.readouterr().err.startswith("alinea: no hay próximas reuniones: planea una con")
