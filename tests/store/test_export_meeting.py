"""The agenda (Markdown, HTML, ICS) and minutes exports, and `alinea export`."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from markdown_it import MarkdownIt

from store import meeting_run as run
from store.carry import carry_over
from store.export.agenda import agenda_html, agenda_ics, agenda_markdown
from store.export.minutes import minutes_html, minutes_markdown
from store.workspace import Workspace
from tui.cli import main

UTC = timezone.utc
START = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def meeting_id(workspace: Workspace) -> str:
    ana = workspace.create("members", name="Ana Ruiz", email="ana.ruiz@example.com", department="Sales")
    malik = workspace.create("members", name="Malik Johnson", email="malik@example.com", department="Marketing")
    goal = workspace.create("objectives", title="Reduce CAC below €420", status="at_risk")
    cac = workspace.create("metrics", objective_id=goal.id, name="Blended CAC", unit="€", baseline=510, target=420)
    workspace.create("measurements", metric_id=cac.id, date=date(2026, 11, 23), value=498)
    workspace.create("measurements", metric_id=cac.id, date=date(2026, 12, 8), value=470)  # after the meeting
    meeting = workspace.create(
        "meetings",
        title="Sales × Marketing sync",
        starts_at=START,
        duration_min=45,
        location="Room Lisbon",
        series="Sync",
        attendee_ids=[ana.id, malik.id],
        objective_ids=[goal.id],
    )
    rows = [("Review Q4 pipeline", 15, ana.id, "Numbers from the **CRM**.")]
    rows += [("CAC plan", 20, malik.id, ""), ("AOB", 5, None, "")]
    for title, minutes, presenter, notes in rows:
        workspace.create(
            "agenda_items", meeting_id=meeting.id, title=title, minutes=minutes, presenter_id=presenter, notes=notes
        )
    return meeting.id


def _headings(markdown: str) -> list[tuple[str, str]]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [(tok.tag, tokens[i + 1].content) for i, tok in enumerate(tokens) if tok.type == "heading_open"]


def test_the_agenda_markdown_has_title_when_where_attendees_and_the_clock(
    workspace: Workspace, meeting_id: str
) -> None:
    text = agenda_markdown(workspace, workspace.get("meetings", meeting_id), UTC)
    assert _headings(text) == [
        ("h1", "Sales × Marketing sync · Tue 01 Dec 2026"),
        ("h2", "Attendees"),
        ("h2", "Agenda"),
    ]
    assert "Tue 01 Dec 09:30–10:15 (45 min)" in text and "Room Lisbon" in text
    tokens = MarkdownIt("commonmark").parse(text)
    ordered = [t for t in tokens if t.type == "ordered_list_open"]
    assert len(ordered) == 1
    inline = [t.content for t in tokens if t.type == "inline"]
    assert any(line.startswith("**09:30** Review Q4 pipeline — Ana Ruiz (Sales) · 15 min") for line in inline)
    assert any(line.startswith("**09:45** CAC plan — Malik Johnson (Marketing) · 20 min") for line in inline)
    assert any(line.startswith("**10:05** AOB — 5 min") for line in inline)
    assert "Numbers from the **CRM**." in text and "Planned: 40 / 45 min" in text


def test_html_escapes_a_script_title(workspace: Workspace, meeting_id: str) -> None:
    meeting = workspace.update("meetings", meeting_id, title="<script>alert(1)</script>")
    page = agenda_html(workspace, meeting, UTC)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<script>" not in minutes_html(workspace, meeting, UTC)


def test_the_ics_parses_back_with_uid_utc_times_and_attendees(workspace: Workspace, meeting_id: str) -> None:
    from icalendar import Calendar

    meeting = workspace.get("meetings", meeting_id)
    event = Calendar.from_ical(agenda_ics(workspace, meeting, UTC)).walk("VEVENT")[0]
    assert str(event["uid"]) == f"{meeting_id}@alinea"
    assert event.decoded("dtstart") == START and event.decoded("dtend") == START + timedelta(minutes=45)
    assert str(event["summary"]) == "Sales × Marketing sync" and str(event["location"]) == "Room Lisbon"
    assert sorted(str(a) for a in event["attendee"]) == ["mailto:ana.ruiz@example.com", "mailto:malik@example.com"]
    assert "09:45 CAC plan (20 min, Malik Johnson (Marketing))" in str(event["description"])
    again = Calendar.from_ical(agenda_ics(workspace, workspace.get("meetings", meeting_id), UTC))
    assert str(again.walk("VEVENT")[0]["uid"]) == str(event["uid"])  # stable


def test_the_minutes_hold_outcomes_tasks_feedback_metrics_and_carried_items(
    workspace: Workspace, meeting_id: str
) -> None:
    _, items = run.load(workspace, meeting_id)
    run.start_meeting(workspace, meeting_id, START + timedelta(minutes=1))
    run.add_decision(workspace, items[0].id, "Freeze the pipeline definition")
    run.add_task(workspace, meeting_id, items[0].id, "Send revised sheet @ana fri !high", date(2026, 12, 1))
    workspace.create("feedback", body="Keep to the time boxes", subject_table="meetings", subject_id=meeting_id)
    run.next_item(workspace, meeting_id, START + timedelta(minutes=15))
    run.end_meeting(workspace, meeting_id, START + timedelta(minutes=44))
    carry_over(workspace, meeting_id, START + timedelta(minutes=44))
    text = minutes_markdown(workspace, workspace.get("meetings", meeting_id), UTC)
    assert [h for tag, h in _headings(text) if tag == "h2"] == [
        "Attended",
        "Items",
        "Tasks",
        "Feedback",
        "Metrics at the end (Tue 01 Dec 2026)",
        "Carried to the next meeting",
    ]
    assert "**Held:** Tue 01 Dec 09:31–10:14" in text
    assert "- Freeze the pipeline definition" in text
    assert "| Send revised sheet | Ana Ruiz | Sales | Fri 04 Dec |" in text
    assert "Keep to the time boxes" in text
    assert "Blended CAC: €510 → €498 on 23 Nov → €420" in text  # not the later €470
    assert "- CAC plan → Sales × Marketing sync · Tue 08 Dec 09:30" in text


def test_cli_exports_to_stdout_or_a_file(workspace: Workspace, meeting_id: str, capsys, tmp_path) -> None:
    ws = str(workspace.folder)
    assert main(["-w", ws, "export", "agenda", meeting_id[:8]]) == 0
    assert capsys.readouterr().out.startswith("# Sales × Marketing sync")
    target = tmp_path / "agenda.ics"
    assert main(["-w", ws, "export", "agenda", meeting_id[:8], "--format", "ics", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert main(["-w", ws, "export", "minutes", meeting_id[:8], "--format", "html"]) == 0
    assert "<h1>Minutes: " in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "minutes", "MEETING", "--format", "ics"], "invalid choice: 'ics' (choose from 'md', 'html')"),
        (["export", "agenda", "ffff0000"], "no record with an id starting 'ffff0000'"),
        (["export", "agenda", "next"], "no upcoming meeting"),
        (["export", "slides", "MEETING"], "invalid choice: 'slides'"),
    ],
)
def test_cli_refuses_bad_input_in_one_line_exit_2(
    workspace: Workspace, meeting_id: str, capsys, argv: list[str], message: str
) -> None:
    argv = [meeting_id[:8] if arg == "MEETING" else arg for arg in argv]
    workspace.update("meetings", meeting_id, status="done")  # so nothing is upcoming
    assert main(["-w", str(workspace.folder), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_cli_next_is_the_upcoming_meeting_of_the_default_series(workspace: Workspace, capsys) -> None:
    soon = datetime.now(UTC) + timedelta(days=2)
    workspace.create("meetings", title="Old sync", starts_at=soon - timedelta(weeks=1), series="Sync")
    workspace.create("meetings", title="Next sync", starts_at=soon, series="Sync")
    assert main(["-w", str(workspace.folder), "export", "agenda", "next"]) == 0
    assert capsys.readouterr().out.startswith("# Next sync")
