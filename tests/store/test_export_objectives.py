"""`alinea export objectives`: the status report a lead sends around."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from store.errors import InvalidInput
from store.export.objectives import objectives_html, objectives_markdown
from store.workspace import Workspace
from tui.cli import main

TODAY = date(2026, 11, 16)


@pytest.fixture
def seeded(workspace: Workspace) -> Workspace:
    ana = workspace.create("members", name="Ana Ruiz", department="Sales")
    mal = workspace.create("members", name="Malik Johnson", department="Marketing")
    pipe = workspace.create("objectives", title="Pipeline €2.4M", period="2026-Q4", owner_ids=[ana.id, mal.id])
    cac = workspace.create("objectives", title="Reduce CAC", period="2026-Q4", status="at_risk", owner_ids=[mal.id])
    workspace.create("objectives", title="Old launch", period="2026-Q3", status="done", owner_ids=[ana.id])
    value = workspace.create("metrics", objective_id=pipe.id, name="Pipeline value", unit="€", target=2_400_000)
    cost = workspace.create(
        "metrics", objective_id=cac.id, name="Blended CAC", unit="€", baseline=510, target=420, direction="decrease"
    )
    workspace.create("metrics", objective_id=cac.id, name="Cost per MQL", unit="€", baseline=96, target=80)
    workspace.create("measurements", metric_id=value.id, date="2026-11-09", value=1_200_000)
    workspace.create("measurements", metric_id=cost.id, date="2026-11-02", value=500)
    workspace.create("measurements", metric_id=cost.id, date="2026-11-09", value=492)
    return workspace


def tokens(markdown: str) -> list[tuple[str, str]]:
    """(heading level, text) of every heading, in order."""
    found = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [(t.tag, found[i + 1].content) for i, t in enumerate(found) if t.type == "heading_open"]


def test_report_groups_objectives_by_status_with_their_metrics(seeded: Workspace) -> None:
    text = objectives_markdown(seeded, today=TODAY)
    assert tokens(text) == [
        ("h1", "Objectives: status report"),
        ("h2", "At risk (1)"),
        ("h3", "Reduce CAC"),
        ("h2", "On track (1)"),
        ("h3", "Pipeline €2.4M"),
        ("h2", "Done (1)"),
        ("h3", "Old launch"),
    ]
    parsed = MarkdownIt("commonmark").enable("table").parse(text)
    cells = [t.children[0].content for t in parsed if t.type == "inline" and t.children]
    assert "Blended CAC ↓" in cells and "€510" in cells and "€492" in cells and "€420" in cells
    assert "Mon 09 Nov 2026" in cells
    assert "Cost per MQL ↑" in cells and "no data" in cells
    assert "Owners: Ana Ruiz, Malik Johnson (Marketing, Sales) · shared" in text.replace("**", "")
    assert "Progress: 50 % · Pace: on pace (50 % of the time passed)" in text
    assert "Owners: Malik Johnson (Marketing) · one department only" in text


def test_period_filter_keeps_that_period(seeded: Workspace) -> None:
    text = objectives_markdown(seeded, today=TODAY, period="2026-Q3")
    assert [h for _, h in tokens(text)] == ["Objectives 2026-Q3: status report", "Done (1)", "Old launch"]
    assert "Reduce CAC" not in objectives_markdown(seeded, today=TODAY, period="2026-H1")
    assert "Reduce CAC" in objectives_markdown(seeded, today=TODAY, period="2026")
    with pytest.raises(InvalidInput, match="not a period"):
        objectives_markdown(seeded, today=TODAY, period="Q4")


def test_html_escapes_a_script_in_a_title(seeded: Workspace) -> None:
    seeded.create("objectives", title="<script>alert(1)</script> | *win*", period="2026-Q4")
    page = objectives_html(seeded, today=TODAY)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | *win*" in page
    assert page.startswith("<!DOCTYPE html>") and "<table>" in page


def test_cli_writes_the_report_to_a_file(seeded: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    code = main(["-w", str(seeded.folder), "export", "objectives", "--format", "html", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    assert "Reduce CAC" in out.read_text()
    code = main(["-w", str(seeded.folder), "export", "objectives", "--period", "2026-Q3"])
    shown = capsys.readouterr().out
    assert code == 0 and "Old launch" in shown and "Reduce CAC" not in shown
    assert main(["-w", str(seeded.folder), "export", "objectives", "--period", "soon"]) == 2
