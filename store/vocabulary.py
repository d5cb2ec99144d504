"""The words for each table's data: noun, plural, field labels, input hints, `alinea list` columns.

The one place these words are written. Each model carries its table's entry as
``Model.VOCAB`` (store/models.py); the palette, the forms, the panes, the CLI and sync's
commit messages read them from here. Kept free of pydantic, like store/schema.py, so
the app can name its keys before the first frame without importing the models.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from store.schema import TABLE_NAMES

DATE_HINT = "2026-12-01, +3d, fri, next mon"
DATETIME_HINT = "2026-12-01 10:00, fri 14:30, +1w 9:00"
NAMES_HINT = "Sales, Marketing"

#: labels shared by every table that has the field
_LABELS = {
    "owner_id": "Owner",
    "owner_ids": "Owners",
    "attendee_ids": "Attendees",
    "objective_id": "Objective",
    "objective_ids": "Objectives",
    "meeting_id": "Meeting",
    "metric_id": "Metric",
    "presenter_id": "Presenter",
    "author_id": "Author",
    "subject_table": "About (kind)",
    "subject_id": "About",
    "duration_min": "Length (minutes)",
    "minutes": "Time box (minutes)",
    "starts_at": "Starts at",
    "due": "Due",
}
#: how a choice reads where it is not just its name in words (the Board's column titles)
_CHOICES = {"todo": "To do"}
_HINTS = {"due": DATE_HINT, "date": DATE_HINT, "starts_at": DATETIME_HINT, "departments": NAMES_HINT}


@dataclass(frozen=True)
class Vocabulary:
    """How people name one table's records and fields."""

    table: str
    noun: str
    plural: str
    #: the columns `alinea list` shows after the id and the label
    list_columns: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)

    def label(self, field_name: str) -> str:
        """A field's label in a form ("Owner", "Due"), else its name in words."""
        return self.labels.get(field_name) or _LABELS.get(field_name) or field_name.replace("_", " ").capitalize()

    def hint(self, field_name: str) -> str:
        """What to type in a field, shown as its placeholder ("" when it needs none)."""
        return self.hints.get(field_name) or _HINTS.get(field_name, "")

    def choice(self, value: str) -> str:
        """A choice in words, the same everywhere: "todo" → "To do", "on_track" → "On track"."""
        return _CHOICES.get(value) or value.replace("_", " ").capitalize()

    def count(self, number: int) -> str:
        """'1 task', '3 feedback entries', '1,200 tasks'."""
        return f"{number:,} {self.noun if number == 1 else self.plural}"


VOCABULARY: dict[str, Vocabulary] = {
    vocabulary.table: vocabulary
    for vocabulary in (
        Vocabulary("members", "member", "members", ("department", "role", "email")),
        Vocabulary("objectives", "objective", "objectives", ("kind", "status", "period", "due")),
        Vocabulary("metrics", "metric", "metrics", ("objective_id", "unit", "baseline", "target", "direction")),
        Vocabulary("measurements", "measurement", "measurements", ("metric_id", "value")),
        Vocabulary("meetings", "meeting", "meetings", ("starts_at", "duration_min", "status", "series")),
        Vocabulary(
            "agenda_items",
            "agenda item",
            "agenda items",
            ("meeting_id", "position", "minutes", "kind", "presenter_id", "status"),
        ),
        Vocabulary("feedback", "feedback entry", "feedback entries", ("kind", "status", "author_id", "subject_table")),
        Vocabulary("tasks", "task", "tasks", ("status", "owner_id", "department", "due", "priority")),
        Vocabulary("conflicts", "conflict", "conflicts", ("table", "record_id", "field", "lost_by", "resolved")),
    )
}
assert tuple(VOCABULARY) == TABLE_NAMES, "every table needs its words"


def vocabulary(table: str) -> Vocabulary:
    return VOCABULARY[table]
