"""Model validation: what a person can and cannot put in a record."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from pydantic import ValidationError

from store.errors import UnknownTable
from store.models import Feedback, Meeting, Objective, Task, table_name
from store.positions import key_between, spread_keys

COMMON = {
    "id": "a" * 32,
    "created_at": "2026-11-27T10:00:00+00:00",
    "updated_at": "2026-11-27T10:00:00+00:00",
}


def test_titles_must_not_be_blank() -> None:
    with pytest.raises(ValidationError):
        Task.model_validate({**COMMON, "title": "   "})
    assert Task.model_validate({**COMMON, "title": "  Call Acme "}).title == "Call Acme"


def test_dates_must_be_real() -> None:
    with pytest.raises(ValidationError):
        Task.model_validate({**COMMON, "title": "x", "due": "2026-02-30"})


def test_timestamps_are_utc_with_microseconds_on_disk() -> None:
    meeting = Meeting.model_validate({**COMMON, "title": "Weekly sync", "starts_at": "2026-12-01T10:00:00+01:00"})
    assert meeting.starts_at == datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)
    assert meeting.to_json()["starts_at"] == "2026-12-01T09:00:00.000000+00:00"


def test_sets_are_stored_sorted() -> None:
    ids = ["c" * 32, "b" * 32]
    objective = Objective.model_validate(
        {**COMMON, "title": "Pipeline", "owner_ids": ids, "departments": ["Sales", "Marketing"]}
    )
    assert objective.to_json()["owner_ids"] == sorted(ids)
    assert objective.to_json()["departments"] == ["Marketing", "Sales"]


def test_ids_must_be_uuid_hex() -> None:
    with pytest.raises(ValidationError):
        Task.model_validate({**COMMON, "title": "x", "owner_id": "ana"})


def test_period_shape() -> None:
    assert Objective.model_validate({**COMMON, "title": "x", "period": "2026-Q4"}).period == "2026-Q4"
    with pytest.raises(ValidationError, match="2026-Q4"):
        Objective.model_validate({**COMMON, "title": "x", "period": "Q4 2026"})


def test_feedback_subject_table_and_id_go_together() -> None:
    with pytest.raises(ValidationError, match="needs both its kind and the record"):
        Feedback.model_validate({**COMMON, "body": "Great deck", "subject_table": "tasks"})


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        Task.model_validate({**COMMON, "title": "x", "colour": "red"})


@pytest.mark.parametrize(
    ("typed", "table"),
    [
        ("task", "tasks"),
        ("Tasks", "tasks"),
        ("agenda-item", "agenda_items"),
        ("agenda_items", "agenda_items"),
        ("feedback", "feedback"),
    ],
)
def test_table_names_as_people_type_them(typed: str, table: str) -> None:
    assert table_name(typed) == table


def test_unknown_table_lists_the_real_ones() -> None:
    with pytest.raises(UnknownTable, match="tasks"):
        table_name("tickets")


def test_positions_sort_between_neighbours() -> None:
    keys = spread_keys(50)
    assert keys == sorted(keys) and len(set(keys)) == 50
    for low, high in zip(keys, keys[1:], strict=False):
        assert low < key_between(low, high) < high
    assert key_between(None, keys[0]) < keys[0] and key_between(keys[-1], None) > keys[-1]
