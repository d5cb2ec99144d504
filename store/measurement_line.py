"""Recording a measurement from one typed line: ``1250 fri "webinar week"``.

The value comes first (with or without the metric's unit, thousands grouped by commas as
in the CSV import), then an optional date (today when left out; a weekday means the last
one, since a measurement is something that already happened), then an optional note,
quoted or not. Mistakes are refused in words, naming what to type instead.
"""

from __future__ import annotations

import shlex
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from store.dates import SPANISH_WEEKDAYS, WEEKDAYS, local_format, parse_date
from store.errors import InvalidInput
from store.i18n import _
from store.importing import parse_number
from store.models import Measurement

_UNIT_MARKS = "€$£¥%"


@dataclass(frozen=True)
class MeasurementLine:
    value: float
    date: date
    note: str = ""


def _past_date(text: str, today: date) -> date | None:
    """A date as typed, reading a bare weekday as the last one (today included); None if not a date."""
    word = text.strip().lower()
    weekday = _weekday(word)
    if weekday is not None:
        back = (today.weekday() - weekday) % 7
        return today - timedelta(days=back)
    try:
        return parse_date(word, today)
    except ValueError:
        return None


def _weekday(word: str) -> int | None:
    """Monday 0 … Sunday 6 for a bare weekday, English or Spanish ("fri", "vie", "miércoles")."""
    if not word.isalpha() or len(word) < 3:
        return None
    if word[:3] in WEEKDAYS:
        return WEEKDAYS.index(word[:3])
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
    return next((index for index, name in enumerate(SPANISH_WEEKDAYS) if name.startswith(plain)), None)


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
        raise InvalidInput(
            _('{error}; type the value, then a date and a note if you like: 1250 fri "webinar week"').format(
                error=error
            )
        ) from None


def parse_measurement_line(line: str, today: date, *, unit: str = "") -> MeasurementLine:
    """The value, date and note of a typed line; raises InvalidInput in words."""
    try:
        tokens = shlex.split(line)
    except ValueError:
        raise InvalidInput(_('a quote is not closed: put the note between two " marks')) from None
    if not tokens:
        raise InvalidInput(
            _('nothing typed: type the value, then a date and a note if you like: 1250 fri "webinar week"')
        )
    value = _value(tokens[0], unit)
    rest = tokens[1:]
    day = today
    if rest:
        found = _past_date(rest[0], today)
        if found is not None:
            day = found
            rest = rest[1:]
    if day > today:
        raise InvalidInput(
            _("{day} is after today: a measurement records what has happened").format(
                day=local_format(day, "%a %d %b %Y")
            )
        )
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
