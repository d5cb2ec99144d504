"""Recording a measurement from one typed line (the Objectives pane's r)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from store.errors import InvalidInput
from store.measurement_line import MeasurementLine, parse_measurement_line, record_measurement
from store.repo import init_workspace
from store.workspace import Workspace

TODAY = date(2026, 5, 6)  # a Wednesday


def test_value_weekday_and_quoted_note() -> None:
    entry = parse_measurement_line('1250 fri "webinar week"', TODAY)
    assert entry == MeasurementLine(1250.0, date(2026, 5, 1), "webinar week")  # the last Friday, not the next


def test_value_alone_is_today_and_units_and_groups_are_read() -> None:
    assert parse_measurement_line("1,250", TODAY) == MeasurementLine(1250.0, TODAY)
    assert parse_measurement_line("€1,250.5", TODAY, unit="€").value == 1250.5
    assert parse_measurement_line("28.5%", TODAY, unit="%").value == 28.5
    assert parse_measurement_line("31 yesterday from the CRM", TODAY) == MeasurementLine(
        31.0, date(2026, 5, 5), "from the CRM"
    )
    assert parse_measurement_line("7 wed", TODAY).date == TODAY
    assert parse_measurement_line("7 2026-04-30", TODAY).date == date(2026, 4, 30)


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("", "nothing typed"),
        ("lots", "not a number"),
        ("1,5", "use a dot for decimals"),
        ('12 "open quote', "quote is not closed"),
        ("12 +3d", "after today"),
    ],
)
def test_mistakes_are_said_in_words(line: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        parse_measurement_line(line, TODAY)


def test_a_second_value_on_the_same_day_updates_the_first(tmp_path: Path) -> None:
    workspace = Workspace(init_workspace(tmp_path / "ws"), who="ana@example.com")
    objective = workspace.create("objectives", title="Pipeline")
    metric = workspace.create("metrics", objective_id=objective.id, name="Value", target=100)
    first = record_measurement(workspace, metric.id, MeasurementLine(10, TODAY, "first"))
    second = record_measurement(workspace, metric.id, MeasurementLine(12, TODAY))
    assert second.id == first.id and second.value == 12 and second.note == "first"
    other = record_measurement(workspace, metric.id, MeasurementLine(15, date(2026, 5, 7 - 2)))
    assert other.id != first.id
    assert len(Workspace(workspace.folder).records("measurements")) == 2
