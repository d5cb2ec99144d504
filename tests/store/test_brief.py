"""The brief after a scripted week of changes, on a fixed clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from store.brief import Brief, build_brief, pick_meeting
from store.export.brief import brief_html, brief_markdown
from store.workspace import Workspace
from tui.cli import main

# The last sync: Tuesday 10 Nov 2026, 09:30 UTC; the next one a week later.
LAST = datetime(2026, 11, 10, 9, 30, tzinfo=timezone.utc)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def week(workspace_dir: Path) -> tuple[Workspace, Clock, dict[str, str]]:
    clock = Clock(LAST - timedelta(days=20))
    ws = Workspace(workspace_dir, clock=clock)
    ids: dict[str, str] = {}
    ids["ana"] = ws.create("members", name="Ana Ruiz", email="ana.ruiz@example.com", department="Sales").id
    ids["malik"] = ws.create("members", name="Malik Johnson", department="Marketing").id
    ids["pipe"] = ws.create("objectives", title="Pipeline", period="2026-Q4", owner_ids=[ids["ana"], ids["malik"]]).id
    ids["cac"] = ws.create("objectives", title="Reduce CAC", period="2026-Q4", owner_ids=[ids["malik"]]).id
    ids["value"] = ws.create("metrics", objective_id=ids["pipe"], name="Pipeline value", unit="€", target=1000).id
    ids["cost"] = ws.create(
        "metrics", objective_id=ids["cac"], name="CAC", unit="€", baseline=500, target=400, direction="decrease"
    ).id
    ws.create("measurements", metric_id=ids["value"], date="2026-11-02", value=300)
    ws.create("measurements", metric_id=ids["cost"], date="2026-11-02", value=460)
    sync = dict(series="Sync", duration_min=30)
    ids["last"] = ws.create("meetings", title="Sync", starts_at=LAST, status="done", **sync).id
    ids["next"] = ws.create("meetings", title="Sync", starts_at=LAST + timedelta(days=7), **sync).id
    ids["memo"] = ws.create("tasks", title="CAC memo", owner_id=ids["malik"], due="2026-11-20").id
    ids["deck"] = ws.create("tasks", title="Board deck", owner_id=ids["ana"], due="2026-11-12").id
    ids["old_fb"] = ws.create("feedback", author_id=ids["ana"], body="Old worry about CAC").id
    ids["done_fb"] = ws.create("feedback", author_id=ids["ana"], body="Settled", status="resolved").id

    # -- the week after the last sync ------------------------------------------------------
    clock.now = LAST + timedelta(days=1)
    ws.create("measurements", metric_id=ids["value"], date="2026-11-11", value=600)  # toward target
    ws.create("measurements", metric_id=ids["cost"], date="2026-11-11", value=480)  # a cost going up: away
    ws.update("tasks", ids["memo"], status="done")
    clock.now = LAST + timedelta(days=2)
    ids["new_fb"] = ws.create(
        "feedback", author_id=ids["malik"], subject_table="objectives", subject_id=ids["cac"], body="CPC rose again"
    ).id
    ws.create("agenda_items", meeting_id=ids["next"], title="Pipeline", presenter_id=ids["ana"], minutes=20)
    ws.create("agenda_items", meeting_id=ids["next"], title="CAC", presenter_id=ids["malik"], minutes=15)
    ws.update("objectives", ids["cac"], status="at_risk")
    clock.now = LAST + timedelta(days=6)
    return ws, clock, ids


def lines(brief: Brief, key: str) -> list[tuple[str, str, str]]:
    return [(line.text, line.table, line.record_id) for line in brief.section(key).lines]


def test_the_brief_after_a_scripted_week(week: tuple[Workspace, Clock, dict[str, str]]) -> None:
    ws, clock, ids = week
    meeting = pick_meeting(ws, None, now=clock.now)
    assert meeting is not None and meeting.id == ids["next"]
    brief = build_brief(ws, meeting, now=clock.now)
    assert brief.since == LAST and brief.previous is not None and brief.previous.id == ids["last"]

    assert sorted(lines(brief, "metrics")) == [
        ("CAC: €460 → €480 (+€20, away from target) · Reduce CAC", "metrics", ids["cost"]),
        ("Pipeline value: €300 → €600 (+€300, toward target) · Pipeline", "metrics", ids["value"]),
    ]
    assert {line.record_id: line.tone for line in brief.section("metrics").lines} == {
        ids["value"]: "good",
        ids["cost"]: "bad",
    }
    objectives = dict((record_id, text) for text, _, record_id in lines(brief, "objectives"))
    assert objectives[ids["pipe"]] == "Pipeline: progress 30 % → 60 %"
    assert objectives[ids["cac"]] == (
        "Reduce CAC: progress 40 % → 20 %; on pace → behind pace; edited by ana.ruiz@example.com, now at risk"
    )
    assert lines(brief, "tasks_done") == [("CAC memo (Malik Johnson)", "tasks", ids["memo"])]
    assert lines(brief, "tasks_overdue") == [
        ("Board deck (Ana Ruiz), due Thu 12 Nov, newly overdue", "tasks", ids["deck"])
    ]
    assert lines(brief, "feedback_new") == [
        ("Idea from Malik Johnson on Reduce CAC: CPC rose again", "feedback", ids["new_fb"])
    ]
    assert lines(brief, "feedback_open") == [("Idea from Ana Ruiz: Old worry about CAC", "feedback", ids["old_fb"])]
    assert lines(brief, "conflicts") == []
    assert (brief.agenda_minutes, brief.meeting_minutes, brief.over_by) == (35, 30, 5)
    assert brief.airtime == (("Sales", 20), ("Marketing", 15))


def test_without_a_previous_meeting_the_brief_covers_seven_days(
    week: tuple[Workspace, Clock, dict[str, str]],
) -> None:
    ws, clock, ids = week
    ws.delete("meetings", ids["last"])
    brief = build_brief(ws, ws.get("meetings", ids["next"]), now=clock.now)
    assert brief.previous is None and brief.since == clock.now - timedelta(days=7)
    nothing = build_brief(ws, None, now=clock.now)
    assert nothing.meeting is None and nothing.agenda_minutes == 0


def test_the_pre_read_parses_and_escapes(week: tuple[Workspace, Clock, dict[str, str]]) -> None:
    ws, clock, ids = week
    ws.create("feedback", author_id=ids["ana"], body="<script>alert(1)</script> **now**")
    brief = build_brief(ws, ws.get("meetings", ids["next"]), now=clock.now)
    text = brief_markdown(brief)
    tokens = MarkdownIt("commonmark").parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[1:4] == ["Agenda", "Metrics that moved (2)", "Objectives (2)"]
    assert "35 of 30 minutes planned, **5 over**" in text
    page = brief_html(brief)
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_cli_exports_the_brief_of_a_named_meeting(
    week: tuple[Workspace, Clock, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws, _, ids = week
    out = tmp_path / "brief.md"
    assert main(["-w", str(ws.folder), "export", "brief", ids["next"][:8], "-o", str(out)]) == 0
    assert out.read_text().startswith("# Brief for Sync")
    assert main(["-w", str(ws.folder), "export", "brief", "zzzz"]) == 2
