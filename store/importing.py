"""Importing measurements from a CSV file, the way numbers arrive from a CRM or an analytics export.

The file has a header row naming the columns ``metric,date,value`` and optionally
``note`` (in any order, any case). Each row names its metric by an id prefix (4+
characters), by "objective title / metric name", or by the metric's name alone when only
one metric has it (all case-insensitive). Dates are anything ``store.dates`` accepts.

Values: a plain number with a dot for decimals (``1234.5``, ``-3``, ``1e3``). Commas are
accepted only as thousands separators in groups of three (``1,234.5``); ``1,5`` is
refused, not guessed, because it reads as 1.5 in half of Europe and 15 nowhere.

``parse_measurements`` checks every row before anything is written: a bad row refuses the
whole file, naming its line and the problem. ``apply_import`` then writes the result in
one save: new measurements are created, a row whose metric and date already have a
measurement updates it in place.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from store.dates import parse_date
from store.errors import InvalidInput
from store.i18n import _, ngettext
from store.models import Measurement, Metric, Objective

COLUMNS = ("metric", "date", "value")
OPTIONAL = ("note",)
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_GROUPED_NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_HEX_PREFIX = re.compile(r"^[0-9a-f]{4,32}$")


class ImportRefused(InvalidInput):
    """The file is refused as a whole; nothing was written."""


@dataclass(frozen=True)
class ImportRow:
    """One valid row, ready to write."""

    line: int
    metric_id: str
    date: date
    value: float
    #: None when the file has no note column: an update then keeps the note it had
    note: str | None
    #: the measurement this row replaces (same metric and date), if any
    existing_id: str | None = None


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int = 0
    rows: tuple[ImportRow, ...] = field(default=(), repr=False)

    @property
    def summary(self) -> str:
        """"imported 12 measurements (3 updated)"."""
        total = self.created + self.updated + self.unchanged
        if self.unchanged:
            words = ngettext(
                "imported {count} measurement ({updated} updated, {unchanged} unchanged)",
                "imported {count} measurements ({updated} updated, {unchanged} unchanged)",
                total,
            )
        else:
            words = ngettext(
                "imported {count} measurement ({updated} updated)",
                "imported {count} measurements ({updated} updated)",
                total,
            )
        return words.format(count=total, updated=self.updated, unchanged=self.unchanged)


def parse_number(text: str) -> float:
    """A value as a person or a spreadsheet writes it; raises ValueError in words."""
    value = text.strip().replace("\u00a0", "").replace(" ", "")
    if _GROUPED_NUMBER.match(value):
        value = value.replace(",", "")
    if not _PLAIN_NUMBER.match(value):
        if "," in value:
            raise ValueError(
                _("{text} is not a number: use a dot for decimals (1.5); commas only group thousands (1,234.5)").format(
                    text=repr(text.strip())
                )
            )
        raise ValueError(_("{text} is not a number").format(text=repr(text.strip())))
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(_("{text} is too large").format(text=repr(text.strip())))
    return number


class MetricFinder:
    """Resolves the metric column: id prefix, "objective / metric", or a unique metric name."""

    def __init__(self, metrics: Iterable[Metric], objectives: Iterable[Objective]) -> None:
        self.metrics = [m for m in metrics if not m.deleted]
        titles = {o.id: o.title for o in objectives if not o.deleted}
        self._by_pair: dict[tuple[str, str], list[Metric]] = {}
        self._by_name: dict[str, list[Metric]] = {}
        for metric in self.metrics:
            name = _key(metric.name)
            self._by_name.setdefault(name, []).append(metric)
            if metric.objective_id in titles:
                self._by_pair.setdefault((_key(titles[metric.objective_id]), name), []).append(metric)

    def find(self, text: str) -> Metric:
        wanted = text.strip()
        if not wanted:
            raise ValueError(_("the metric is empty"))
        found: dict[str, Metric] = {}
        if _HEX_PREFIX.match(wanted.lower()):
            found.update((m.id, m) for m in self.metrics if m.id.startswith(wanted.lower()))
        # "objective / metric": try every slash, as titles may hold one themselves
        for index, char in enumerate(wanted):
            if char == "/":
                pair = (_key(wanted[:index]), _key(wanted[index + 1 :]))
                found.update((m.id, m) for m in self._by_pair.get(pair, []))
        if not found:
            found.update((m.id, m) for m in self._by_name.get(_key(wanted), []))
        if not found:
            raise ValueError(
                _("no metric {name}: name it as 'objective title / metric name' or by its id").format(name=repr(wanted))
            )
        if len(found) > 1:
            raise ValueError(
                _("{count} metrics match {name}: use 'objective title / metric name' or the id").format(
                    count=len(found), name=repr(wanted)
                )
            )
        return next(iter(found.values()))


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _header(line: int, row: list[str]) -> dict[str, int]:
    names = [_key(cell).lstrip("\ufeff") for cell in row]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        raise ImportRefused(
            _(
                "line {line}: the header must name the columns metric, date, value (and optionally note);"
                " missing {columns}"
            ).format(line=line, columns=", ".join(missing))
        )
    unknown = [name for name in names if name and name not in COLUMNS + OPTIONAL]
    if unknown:
        raise ImportRefused(
            _("line {line}: unknown column {column}: the columns are metric, date, value, note").format(
                line=line, column=repr(unknown[0])
            )
        )
    return {name: index for index, name in enumerate(names) if name}


def parse_measurements(
    text: str,
    metrics: Iterable[Metric],
    objectives: Iterable[Objective],
    measurements: Iterable[Measurement],
    *,
    today: date,
) -> list[ImportRow]:
    """Every row of the CSV text, validated; raises ImportRefused naming the first bad line."""
    finder = MetricFinder(metrics, objectives)
    existing = {(m.metric_id, m.date): m.id for m in sorted(measurements, key=lambda m: (m.updated_at, m.id))}
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    rows: list[ImportRow] = []
    seen: dict[tuple[str, date], int] = {}
    columns: dict[str, int] | None = None
    try:
        for raw in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in raw):
                continue
            if columns is None:
                columns = _header(line, raw)
                continue
            rows.append(_row(line, raw, columns, finder, existing, seen, today))
    except csv.Error as error:
        words = _("line {line}: not a CSV row ({error})").format(line=reader.line_num, error=error)
        raise ImportRefused(words) from None
    if columns is None:
        raise ImportRefused(_("the file is empty: it needs a header row metric,date,value[,note]"))
    return rows


def _row(
    line: int,
    raw: list[str],
    columns: dict[str, int],
    finder: MetricFinder,
    existing: dict[tuple[str, date], str],
    seen: dict[tuple[str, date], int],
    today: date,
) -> ImportRow:
    def cell(name: str) -> str:
        index = columns.get(name)
        return raw[index] if index is not None and index < len(raw) else ""

    if len(raw) > len(columns):
        raise ImportRefused(
            _(
                'line {line}: {values} values for {columns} columns; quote a value that holds a comma ("1,234.5")'
            ).format(line=line, values=len(raw), columns=len(columns))
        )
    try:
        metric = finder.find(cell("metric"))
        day = parse_date(cell("date"), today)
        if day is None:
            raise ValueError(_("the date is empty"))
        if not cell("value").strip():
            raise ValueError(_("the value is empty"))
        value = parse_number(cell("value"))
    except ValueError as error:
        raise ImportRefused(_("line {line}: {error}").format(line=line, error=error)) from None
    key = (metric.id, day)
    if key in seen:
        raise ImportRefused(
            _("line {line}: {metric} on {day} is already on line {other}").format(
                line=line, metric=repr(metric.name), day=day.isoformat(), other=seen[key]
            )
        )
    seen[key] = line
    note = cell("note").strip() if "note" in columns else None
    return ImportRow(line, metric.id, day, value, note, existing.get(key))


def apply_import(workspace: Any, rows: Iterable[ImportRow]) -> ImportResult:
    """Write parsed rows in one save: create the new ones, update the ones already measured."""
    rows = tuple(rows)
    new = [
        {"metric_id": r.metric_id, "date": r.date, "value": r.value, "note": r.note or ""}
        for r in rows
        if not r.existing_id
    ]
    changes = [
        (r.existing_id, {"value": r.value} if r.note is None else {"value": r.value, "note": r.note})
        for r in rows
        if r.existing_id
    ]
    created, changed = workspace.write_many("measurements", create=new, update=changes)
    return ImportResult(len(created), len(changed), len(changes) - len(changed), rows)


def import_measurements(workspace: Any, text: str, *, today: date) -> ImportResult:
    """Validate the whole CSV text against the workspace, then write it (nothing on a bad row)."""
    rows = parse_measurements(
        text,
        workspace.records("metrics"),
        workspace.records("objectives"),
        workspace.records("measurements"),
        today=today,
    )
    return apply_import(workspace, rows)
