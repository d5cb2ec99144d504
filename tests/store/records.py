"""Records built in memory for the pure rules' tests: every common field filled in."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any

from store.models import AgendaItem, Feedback, Measurement, Meeting, Member, Metric, Objective

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)


def _common(**fields: Any) -> dict[str, Any]:
    return {"id": uuid.uuid4().hex, "created_at": T0, "updated_at": T0, **fields}


def member(name: str, department: str = "", email: str = "") -> Member:
    return Member.model_validate(_common(name=name, department=department, email=email))


def meeting(title: str = "Sales × Marketing sync", starts_at: datetime | None = None, **fields: Any) -> Meeting:
    start = starts_at or datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)
    return Meeting.model_validate(_common(title=title, starts_at=start, **fields))


def item(meeting_id: str, title: str, minutes: int = 10, position: str = "", **fields: Any) -> AgendaItem:
    return AgendaItem.model_validate(
        _common(meeting_id=meeting_id, title=title, minutes=minutes, position=position, **fields)
    )


def objective(title: str, **fields: Any) -> Objective:
    return Objective.model_validate(_common(title=title, **fields))


def metric(objective_id: str, name: str, baseline: float, target: float, unit: str = "", **fields: Any) -> Metric:
    return Metric.model_validate(
        _common(objective_id=objective_id, name=name, baseline=baseline, target=target, unit=unit, **fields)
    )


def measurement(metric_id: str, day: Any, value: float) -> Measurement:
    return Measurement.model_validate(_common(metric_id=metric_id, date=day, value=value))


def feedback(body: str, **fields: Any) -> Feedback:
    return Feedback.model_validate(_common(body=body, **fields))
