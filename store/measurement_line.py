"""Recording a measurement from one typed line: ``1250 fri "webinar week"``.

The value comes first (with or without the metric's unit, thousands grouped by commas as
in the CSV import), then an optional date (today when left out; a weekday means the last
one, since a measurement is something that already happened), then an optional note,
quoted or not. Mistakes are refused in words, naming what to type instead.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from store.dates import WEEKDAYS, parse_date
from store.errors import InvalidInput
from store.importing import parse_number
from store.models import Measurement

HINT = 'value, then a date and a note if you like: 1250 fri "webinar week"'
_UNIT_MARKS = "€$£¥%"


@dataclass(frozen=True)
class MeasurementLine:
    value: float
    date: date
    note: str = ""


def _past_date(text: str, today: date) -> date | None:
    """A date as typed, reading a bare weekday as the last one (today included); None if not a date."""
    word = text.strip().lower()
    if word[:3] in WEEKDAYS and word.isalpha() and len(word) >= 3:
        back = (today.weekday() - WEEKDAYS.index(word[:3])) % 7
        return today - timedelta(days=back)
    try:
        return parse_date(word, today)
    except ValueError:
        return None


def _value(text: str, unit: str) -> float:
    cleaned = text.strip()
    unit = unit.strip()
    if unit and cleaned.lower().endswith(unit.lower()):
        cleaned = cleaned[: -len(unit)]
    elif unit and cleaned.lower().startswith(unit.lower()):
        cleaned = cleaned[len(unit) :]
    cleaned = cleaned.strip().strip(_UNIT_MARKS).strip()
    try:
        return parse_number(cleaned)
    except ValueError as error:
        raise InvalidInput(f"{error}; type the {HINT}") from None


def parse_measurement_line(line: str, today: date, *, unit: str = "") -> MeasurementLine:
    """The value, date and note of a typed line; raises InvalidInput in words."""
    try:
        tokens = shlex.split(line)
    except ValueError:
        raise InvalidInput('a quote is not closed: put the note between two " marks') from None
    if not tokens:
        raise InvalidInput(f"nothing typed: type the {HINT}")
    value = _value(tokens[0], unit)
    rest = tokens[1:]
    day = today
    if rest:
        found = _past_date(rest[0], today)
        if found is not None:
            day = found
            rest = rest[1:]
    if day > today:
        raise InvalidInput(f"{day:%a %d %b %Y} is after today: a measurement records what has happened")
    return MeasurementLine(value, day, " ".join(rest).strip())


def record_measurement(workspace: Any, metric_id: str, entry: MeasurementLine) -> Measurement:
    """Save ``entry`` for the metric: a new measurement, or the day's one updated in place
    (one value per metric and day, as the CSV import does)."""
    same_day = [
        m for m in workspace.records("measurements") if m.metric_id == metric_id and m.date == entry.date
    ]
    if same_day:
        latest = max(same_day, key=lambda m: (m.updated_at, m.id))
        fields: dict[str, Any] = {"value": entry.value}
        if entry.note:
            fields["note"] = entry.note
        saved: Measurement = workspace.update("measurements", latest.id, **fields)
    else:
        saved = workspace.create(
            "measurements", metric_id=metric_id, date=entry.date, value=entry.value, note=entry.note
        )
    return saved
