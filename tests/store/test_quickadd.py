"""The quick-add lines of the agenda (``a``) and the runner's task line (``t``)."""

from __future__ import annotations

from datetime import date

import pytest

from store.models import AgendaKind, Priority
from store.quickadd import parse_item_line, parse_minutes, parse_task_line
from tests.store.records import member, objective

SOFIA = member("Sofia Brandt", "Sales", "sofia.brandt@example.com")
ANA = member("Ana Ruiz", "Sales", "ana.ruiz@example.com")
ANAND = member("Anand Patel", "Marketing", "anand@example.com")
TOMAS = member("Tomás Oliveira", "Marketing", "t.oliveira@example.com")
MEMBERS = [SOFIA, ANA, ANAND, TOMAS]
PIPELINE = objective("Q4 pipeline target €2.4M")
CAC = objective("Reduce CAC below €420")
CONVERSION = objective("Lift MQL→SQL conversion to 28%")
OBJECTIVES = [PIPELINE, CAC, CONVERSION]
TODAY = date(2026, 12, 1)  # a Tuesday


def test_every_token_of_an_item_line() -> None:
    parsed = parse_item_line("Review Q4 pipeline 15m @sofia #decision ^pipeline", MEMBERS, OBJECTIVES)
    assert parsed.ok
    assert parsed.title == "Review Q4 pipeline"
    assert (parsed.minutes, parsed.presenter_id, parsed.kind, parsed.objective_id) == (
        15,
        SOFIA.id,
        AgendaKind.decision,
        PIPELINE.id,
    )
    roles = [(t.text, t.role, t.shown) for t in parsed.tokens if t.role != "title"]
    assert roles == [
        ("15m", "minutes", "15 min"),
        ("@sofia", "presenter", "Sofia Brandt (Sales)"),
        ("#decision", "kind", "decision"),
        ("^pipeline", "objective", "Q4 pipeline target €2.4M"),
    ]
    line = "Review Q4 pipeline 15m @sofia #decision ^pipeline"
    assert all(line[t.start : t.end] == t.text for t in parsed.tokens)


@pytest.mark.parametrize(("text", "minutes"), [("15m", 15), ("1h", 60), ("1h30m", 90), ("1h30", 90), ("45min", 45)])
def test_time_boxes(text: str, minutes: int) -> None:
    assert parse_minutes(text) == minutes


def test_a_quoted_title_keeps_its_hash_and_at() -> None:
    parsed = parse_item_line('"Budget #2 @ HQ" 10m', MEMBERS, OBJECTIVES)
    assert parsed.ok and parsed.title == "Budget #2 @ HQ" and parsed.minutes == 10


def test_people_match_by_first_name_email_or_last_name_without_accents() -> None:
    for query in ("@tomas", "@TOMÁS", "@oliv", "@t.oliveira", '@"Tomás Oliveira"'):
        assert parse_item_line(f"Topic {query}", MEMBERS, OBJECTIVES).presenter_id == TOMAS.id, query
    assert parse_item_line("Topic @ana", MEMBERS, OBJECTIVES).presenter_id == ANA.id  # exact first name wins


def test_unknown_and_ambiguous_names_are_refused_in_words() -> None:
    unknown = parse_item_line("Topic @xyz", MEMBERS, OBJECTIVES)
    assert not unknown.ok and unknown.errors == ("no member matches @xyz",)
    ambiguous = parse_item_line("Topic @an", MEMBERS, OBJECTIVES)
    assert ambiguous.errors[0].startswith("@an could be Ana Ruiz or Anand Patel")
    assert ambiguous.tokens[-1].error == ambiguous.errors[0]


def test_unknown_objective_and_kind_are_refused_listing_the_choices() -> None:
    assert parse_item_line("Topic ^budget", MEMBERS, OBJECTIVES).errors == ("no objective's title starts with ^budget",)
    assert parse_item_line("Topic ^reduce", MEMBERS, OBJECTIVES).objective_id == CAC.id
    kind = parse_item_line("Topic #vote", MEMBERS, OBJECTIVES)
    assert "#info, #discussion, #decision, #update" in kind.errors[0]
    assert parse_item_line("Topic #dec", MEMBERS, OBJECTIVES).kind == AgendaKind.decision


def test_a_line_without_title_or_with_two_time_boxes_is_refused() -> None:
    assert parse_item_line("15m @sofia", MEMBERS, OBJECTIVES).errors == ("an agenda item needs a title",)
    assert parse_item_line("x 5m 10m", MEMBERS, OBJECTIVES).errors == ("two time boxes: 5m and 10m; keep one",)


def test_fields_leave_unset_values_to_the_defaults() -> None:
    assert parse_item_line("Just a title", MEMBERS, OBJECTIVES).fields() == {"title": "Just a title"}


def test_every_token_of_a_task_line() -> None:
    parsed = parse_task_line("Send revised lead-score sheet @ana fri !high", MEMBERS, TODAY)
    assert parsed.ok and parsed.title == "Send revised lead-score sheet"
    assert (parsed.owner_id, parsed.due, parsed.priority) == (ANA.id, date(2026, 12, 4), Priority.high)
    assert [t.role for t in parsed.tokens][-3:] == ["owner", "due", "priority"]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("+3d", date(2026, 12, 4)),
        ("2026-12-04", date(2026, 12, 4)),
        ("tomorrow", date(2026, 12, 2)),
        ("next mon", date(2026, 12, 7)),
        ("friday", date(2026, 12, 4)),
    ],
)
def test_task_due_dates_in_every_form(text: str, due: date) -> None:
    parsed = parse_task_line(f"Do it {text}", MEMBERS, TODAY)
    assert parsed.ok and parsed.due == due and parsed.title == "Do it"


def test_a_bad_priority_or_date_is_refused() -> None:
    assert "!low, !normal, !high, !urgent" in parse_task_line("x !asap", MEMBERS, TODAY).errors[0]
    assert "is not a date" in parse_task_line("x 2026-13-45", MEMBERS, TODAY).errors[0]
    assert parse_task_line('"Review fri numbers" @sofia', MEMBERS, TODAY).due is None
