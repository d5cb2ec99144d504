"""Finding records by a few typed letters (the palette's jump, the subject picker)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from store.dates import age_label
from store.search import SUBJECT_TABLES, search
from store.workspace import Workspace


def test_a_title_containing_the_text_ranks_before_letters_in_order(workspace: Workspace) -> None:
    ws = workspace
    webinar = ws.create("tasks", title="Draft webinar landing page").id
    scattered = ws.create("tasks", title="Write better newsletter brief").id  # w…b…n…r in order
    ws.create("tasks", title="Call the printer")
    hits = search(ws, "webinar")
    assert [hit.record_id for hit in hits] == [webinar]
    hits = search(ws, "wbnr")
    assert {hit.record_id for hit in hits} == {webinar, scattered}


def test_feedback_is_found_by_its_body_and_shown_by_its_first_line(workspace: Workspace) -> None:
    entry = workspace.create("feedback", body="Leads arrive late\n\nThe CRM sync runs only at night.", kind="concern")
    hits = search(workspace, "crm sync")
    assert [(hit.table, hit.record_id, hit.title, hit.detail) for hit in hits] == [
        ("feedback", entry.id, "Leads arrive late", "open")
    ]


def test_hits_show_each_records_state_and_deleted_records_are_not_found(workspace: Workspace) -> None:
    ws = workspace
    ws.create("objectives", title="Pipeline coverage 3x", status="at_risk")
    gone = ws.create("tasks", title="Pipeline hygiene")
    ws.delete("tasks", gone.id)
    ws.create("meetings", title="Pipeline review", starts_at=datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc))
    hits = search(ws, "pipeline", tables=SUBJECT_TABLES)
    assert sorted((hit.noun, hit.detail) for hit in hits) == [("meeting", "planned"), ("objective", "at risk")]
    assert any(hit.title.startswith("Pipeline review · ") for hit in hits)
    assert search(ws, "   ") == []


def test_age_reads_in_days_then_weeks_then_months() -> None:
    today = date(2026, 12, 10)
    at = lambda day: datetime(2026, 12, day, 12, tzinfo=timezone.utc)  # noqa: E731
    assert age_label(at(10), today) == "today"
    assert age_label(at(7), today) == "3 d"
    assert age_label(datetime(2026, 11, 1, 12, tzinfo=timezone.utc), today) == "5 w"
    assert age_label(datetime(2026, 6, 1, 12, tzinfo=timezone.utc), today) == "6 mo"


def test_a_hits_state_is_in_words_never_as_stored(workspace: Workspace) -> None:
    """The subject picker and the palette say "to do" and "in progress"-like words, not "todo"."""
    workspace.create("tasks", title="Pipeline hygiene")
    workspace.create("objectives", title="Pipeline coverage 3x", status="on_track")
    hits = search(workspace, "pipeline")
    assert sorted(hit.detail for hit in hits) == ["on track", "to do"]
