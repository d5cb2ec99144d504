"""Agenda items proposed from troubled objectives (``o``) and open feedback (``f``)."""

from __future__ import annotations

from datetime import date

from store.models import AgendaKind, ObjectiveStatus
from store.proposals import format_value, propose_from_feedback, propose_from_objectives
from tests.store.records import feedback, item, measurement, meeting, member, metric, objective

TODAY = date(2026, 11, 30)
ANA, MALIK = member("Ana Ruiz", "Sales"), member("Malik Johnson", "Marketing")
SOFIA = member("Sofia Brandt", "Sales")
PEOPLE = {m.id: m for m in (ANA, MALIK, SOFIA)}


def _cac() -> tuple:
    cac = objective(
        "Reduce CAC below €420", owner_ids=[MALIK.id, ANA.id], status=ObjectiveStatus.at_risk, period="2026-Q4"
    )
    blended = metric(cac.id, "Blended CAC", 510, 420, "€", direction="decrease")
    per_mql = metric(cac.id, "Cost per MQL", 96, 80, "€", direction="decrease")
    values = [measurement(blended.id, date(2026, 11, 2), 505), measurement(blended.id, date(2026, 11, 23), 498)]
    values.append(measurement(per_mql.id, date(2026, 11, 23), 84))
    return cac, [blended, per_mql], values


def test_a_troubled_linked_objective_is_proposed_on_its_furthest_behind_metric() -> None:
    cac, metrics, values = _cac()
    fine = objective("Webinars", owner_ids=[SOFIA.id], status=ObjectiveStatus.on_track)
    m = meeting(objective_ids=[cac.id, fine.id])
    [proposal] = propose_from_objectives(m, [], [cac, fine], metrics, values, PEOPLE, TODAY)
    assert proposal.title == "Review Reduce CAC below €420: Blended CAC at €498 of €420"
    assert proposal.presenter_id == ANA.id  # the first owner by name
    assert (proposal.minutes, proposal.kind, proposal.objective_id) == (10, AgendaKind.discussion, cac.id)
    assert proposal.fields(m.id)["objective_id"] == cac.id


def test_a_metric_without_data_says_so_and_what_is_on_the_agenda_is_not_proposed_again() -> None:
    cac, metrics, _ = _cac()
    m = meeting(objective_ids=[cac.id])
    [proposal] = propose_from_objectives(m, [], [cac], metrics[:1], [], PEOPLE, TODAY)
    assert proposal.title.endswith("Blended CAC at no data of €420")
    on_agenda = [item(m.id, "CAC", objective_id=cac.id)]
    assert propose_from_objectives(m, on_agenda, [cac], metrics, [], PEOPLE, TODAY) == []


def test_without_linked_objectives_the_shared_ones_of_the_period_are_considered() -> None:
    cac, metrics, values = _cac()
    sales_only = objective(
        "Sales goal", owner_ids=[ANA.id, SOFIA.id], status=ObjectiveStatus.off_track, period="2026-Q4"
    )
    last_quarter = objective("Old", owner_ids=[ANA.id, MALIK.id], status=ObjectiveStatus.off_track, period="2026-Q3")
    found = propose_from_objectives(meeting(), [], [cac, sales_only, last_quarter], metrics, values, PEOPLE, TODAY)
    assert [p.objective_id for p in found] == [cac.id]


def test_objectives_behind_pace_are_proposed_when_a_predicate_says_so() -> None:
    slow = objective("Pipeline", owner_ids=[ANA.id], status=ObjectiveStatus.on_track)
    m = meeting(objective_ids=[slow.id])
    assert propose_from_objectives(m, [], [slow], [], [], PEOPLE, TODAY) == []
    [proposal] = propose_from_objectives(m, [], [slow], [], [], PEOPLE, TODAY, behind_pace=lambda o: True)
    assert proposal.title == "Review Pipeline" and proposal.reason == "behind pace"


def test_open_feedback_about_the_objectives_or_the_meeting_is_proposed_once() -> None:
    cac, _, _ = _cac()
    m = meeting(objective_ids=[cac.id])
    topic = item(m.id, "Topic")
    about_cac = feedback(
        "Try a referral offer\nIt costs less.", author_id=MALIK.id, subject_table="objectives", subject_id=cac.id
    )
    about_item = feedback(
        "Keep to the time boxes", author_id=SOFIA.id, subject_table="agenda_items", subject_id=topic.id
    )
    resolved = feedback("Old", subject_table="meetings", subject_id=m.id, status="resolved")
    elsewhere = feedback("Unrelated")
    found = propose_from_feedback(m, [topic], [about_cac, about_item, resolved, elsewhere], [cac], PEOPLE, TODAY)
    assert sorted((p.title, p.presenter_id, p.minutes, p.feedback_id) for p in found) == [
        ("Keep to the time boxes", SOFIA.id, 5, about_item.id),
        ("Try a referral offer", MALIK.id, 5, about_cac.id),
    ]
    taken = [topic, item(m.id, "Referral", feedback_id=about_cac.id)]
    assert [p.feedback_id for p in propose_from_feedback(m, taken, [about_cac], [cac], PEOPLE, TODAY)] == []


def test_values_read_like_people_write_them() -> None:
    assert format_value(2_400_000, "€") == "€2,400,000"
    assert format_value(27.5, "%") == "27.5%"
    assert format_value(12, "leads") == "12 leads"
