"""The sample quarter in Spanish: the same quarter, told by a Mexican sales and marketing team."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from store.demo import demo_rows
from store.models import MODELS
from store.workspace import Workspace

TODAY = date(2026, 11, 18)
#: the fields that hold the team's words (and whose email signs a record): the rest is the story
WORDS = {"name", "email", "department", "departments", "role", "title", "description", "notes", "outcome",
         "body", "response", "note", "series", "location", "unit", "created_by", "started_by"}


def _texts(rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    found = []
    for table in rows.values():
        for row in table:
            for field in WORDS - {"email", "created_by", "started_by"}:
                value = row.get(field)
                found += value if isinstance(value, list) else [value] if isinstance(value, str) and value else []
    return found


def test_the_spanish_quarter_has_the_english_records_links_dates_and_statuses() -> None:
    english, spanish = demo_rows(TODAY, "en"), demo_rows(TODAY, "es")
    assert list(spanish) == list(english)
    for table in english:
        assert len(spanish[table]) == len(english[table]), table
        for ours, theirs in zip(spanish[table], english[table], strict=True):
            story = {key: value for key, value in theirs.items() if key not in WORDS}
            assert {key: value for key, value in ours.items() if key not in WORDS} == story, (table, theirs["id"])
    refs = {field for model in MODELS.values() for field in model.REFS}
    assert refs & set().union(*(row.keys() for rows in english.values() for row in rows)), "links were compared"


def test_the_spanish_quarter_reads_spanish() -> None:
    english, spanish = demo_rows(TODAY, "en"), demo_rows(TODAY, "es")
    members = {row["name"]: row for row in spanish["members"]}
    assert {"Sofía Hernández", "Diego Ramírez", "Ana Ruiz"} <= set(members)
    assert members["Sofía Hernández"]["department"] == "Ventas"
    assert {row["department"] for row in spanish["members"]} == {"Ventas", "Marketing"}
    assert all(row["title"].startswith("Reunión Ventas × Marketing ") for row in spanish["meetings"])
    assert any("Ciudad de México" in row["location"] for row in spanish["meetings"])
    assert any("Buen Fin" in row["title"] for row in spanish["objectives"])
    assert "leads calificados por marketing (MQL)" in " ".join(row["description"] for row in spanish["objectives"])
    assert "Redactar la landing del webinar 2" in {row["title"] for row in spanish["tasks"]}
    # not one English sentence left behind ("Marketing" is Spanish too; Ana Ruiz is in both teams)
    left = set(_texts(english)) & set(_texts(spanish)) - {"Marketing", "Ana Ruiz", "%"}
    assert not left, left


def test_the_english_quarter_is_the_one_it_always_was() -> None:
    """English is the default, and keeps its team: the docs' screenshots and the tests rely on it."""
    rows = demo_rows(TODAY)
    assert rows == demo_rows(TODAY, "en")
    assert {row["department"] for row in rows["members"]} == {"Sales", "Marketing"}
    assert rows["meetings"][0]["title"] == "Sales × Marketing sync 20 Oct"


def test_alinea_demo_in_spanish_says_so_and_writes_the_spanish_quarter(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    env = {**os.environ, "LANG": "es_MX.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "tui.cli", "demo", str(folder), "--no-open"],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Se creó el trimestre de muestra de ventas y marketing en {folder}\n"
    members = json.loads((folder / "alinea.json").read_text(encoding="utf-8"))["members"]
    assert "Sofía Hernández" in {row["name"] for row in members.values()}


async def test_the_app_in_spanish_opens_on_the_spanish_quarter(tmp_path: Path, spanish: None) -> None:
    from store.demo import build_demo
    from tests.tui.app_harness import make_app, settle
    from tui.widgets.board_column import BoardColumn

    workspace = Workspace(build_demo(tmp_path / "demo", today=TODAY))
    app = make_app(workspace, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        cards = [card.title for card in app.query_one("#column-todo", BoardColumn).cards]
        assert "Redactar la landing del webinar 2" in cards
        assert app.sub_title.startswith("Ana Ruiz"), "the test's git identity is Ana, in Spanish too"


async def test_the_first_run_loads_the_sample_quarter_in_spanish(workspace_dir: Path, spanish: None) -> None:
    from tests.tui.app_harness import make_app, press, settle, wait_until
    from tui.screens.welcome import WelcomeScreen
    from tui.widgets.board_column import BoardColumn

    app = make_app(Workspace(workspace_dir), first_run=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await press(app, pilot, "ctrl+s")  # the sample quarter is the default choice
        column = app.query_one("#column-doing", BoardColumn)
        await wait_until(pilot, lambda: bool(column.cards))
        assert "Reporte diario de la cola de SDR" in [card.title for card in column.cards]
        await settle(app, pilot)
    reopened = Workspace(workspace_dir)
    assert {member.department for member in reopened.records("members")} == {"Ventas", "Marketing"}
    assert reopened.me is not None and reopened.me.name == "Ana Ruiz"
