"""pydantic v2 models: one per table, the enums they use (store/enums.py) and each table's words (``VOCAB``).

Records are frozen: an edit makes a new record (see Workspace), so a cached record can
be shared safely between the UI and a worker thread.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Annotated, Any, ClassVar, get_origin

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    field_validator,
    model_validator,
)

from store.enums import (
    AgendaKind,
    AgendaStatus,
    Direction,
    FeedbackKind,
    FeedbackStatus,
    MeetingStatus,
    ObjectiveKind,
    ObjectiveStatus,
    Priority,
    SubjectTable,
    TaskStatus,
)
from store.i18n import _
from store.schema import SCHEMA_VERSION, TABLE_NAMES, table_name
from store.vocabulary import VOCABULARY, Vocabulary

__all__ = ["SCHEMA_VERSION", "TABLE_NAMES", "table_name"]

ID_PATTERN = re.compile(r"^[0-9a-f]{32}$")


def _as_utc(value: datetime) -> datetime:
    offset = value.utcoffset()
    if offset is not None and not offset:
        return value  # already UTC: the common case, kept cheap
    if value.tzinfo is None:
        value = value.astimezone()  # a naive time is the person's local time
    return value.astimezone(timezone.utc)


def _iso_micro(value: datetime) -> str:
    return value.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _sorted_list(value: frozenset[str]) -> list[str]:
    return sorted(value)


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


# Reusable field types. Sets are frozensets in memory and sorted lists on disk, so the
# same data always gives the same bytes.
UtcTime = Annotated[datetime, AfterValidator(_as_utc), PlainSerializer(_iso_micro, return_type=str)]
# The bookkeeping stamps are set by the Workspace, never typed by a person: they only need
# an offset (checked inside pydantic-core) and are written as UTC. A Python validator on
# them cost ~100 ms when opening a large workspace.
Stamp = Annotated[AwareDatetime, PlainSerializer(_iso_micro, return_type=str)]
# Ids are checked by a pattern inside pydantic-core: a Python validator per id cost a
# third of the time to open a large workspace.
RecordId = Annotated[str, StringConstraints(pattern=ID_PATTERN.pattern)]
OptionalId = RecordId | None
IdSet = Annotated[frozenset[RecordId], PlainSerializer(_sorted_list, return_type=list[str])]
NameSet = Annotated[frozenset[str], PlainSerializer(_sorted_list, return_type=list[str])]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Text = Annotated[str, StringConstraints(max_length=100_000)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]


class Record(BaseModel):
    """The fields every record carries. The Workspace maintains them; UI code never sets them."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=False, defer_build=True)

    TABLE: ClassVar[str] = ""
    #: how people name this table's records and fields (store/vocabulary.py)
    VOCAB: ClassVar[Vocabulary]
    #: field -> table it refers to (for single ids and id sets alike)
    REFS: ClassVar[dict[str, str]] = {}
    COMMON_FIELDS: ClassVar[tuple[str, ...]] = (
        "id",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "rev",
        "deleted",
    )

    id: RecordId
    created_at: Stamp
    created_by: str = ""
    updated_at: Stamp
    updated_by: str = ""
    rev: int = Field(default=1, ge=1)
    deleted: bool = False

    @classmethod
    def data_fields(cls) -> list[str]:
        """The fields a person edits, in declaration order."""
        return [name for name in cls.model_fields if name not in cls.COMMON_FIELDS]

    @property
    def label(self) -> str:
        """A short human name for the record (titles, names, first line of a body)."""
        for name in ("title", "name"):
            value = getattr(self, name, None)
            if value:
                return str(value)
        return self.id[:8]

    def to_json(self) -> dict[str, Any]:
        """The record as stored on disk: JSON types only, sets sorted."""
        return self.model_dump(mode="json")


class Member(Record):
    TABLE = "members"
    VOCAB = VOCABULARY["members"]

    name: Title
    email: Short = ""
    department: Short = ""
    role: Short = ""

    @field_validator("email")
    @classmethod
    def _email_has_at(cls, value: str) -> str:
        if value and "@" not in value:
            raise ValueError(_("an email address needs an @"))
        return value.lower()


class Objective(Record):
    TABLE = "objectives"
    VOCAB = VOCABULARY["objectives"]
    REFS = {"owner_ids": "members"}

    title: Title
    kind: ObjectiveKind = ObjectiveKind.goal
    description: Text = ""
    departments: NameSet = frozenset()
    owner_ids: IdSet = frozenset()
    period: Short = ""
    status: ObjectiveStatus = ObjectiveStatus.on_track
    due: date | None = None

    @field_validator("period")
    @classmethod
    def _period_shape(cls, value: str) -> str:
        if value and not re.fullmatch(r"\d{4}(-(Q[1-4]|H[12]|\d{2}))?", value):
            raise ValueError(_("a period looks like 2026, 2026-Q4, 2026-H1 or 2026-11"))
        return value

    @field_validator("due", mode="before")
    @classmethod
    def _blank_due(cls, value: Any) -> Any:
        return _blank_to_none(value)


class Metric(Record):
    TABLE = "metrics"
    VOCAB = VOCABULARY["metrics"]
    REFS = {"objective_id": "objectives"}

    objective_id: RecordId
    name: Title
    unit: Short = ""
    baseline: float = 0.0
    target: float
    direction: Direction = Direction.increase


class Measurement(Record):
    TABLE = "measurements"
    VOCAB = VOCABULARY["measurements"]
    REFS = {"metric_id": "metrics"}

    metric_id: RecordId
    date: date
    value: float
    note: Text = ""

    @property
    def label(self) -> str:
        return f"{self.date.isoformat()}: {self.value:g}"


class Meeting(Record):
    TABLE = "meetings"
    VOCAB = VOCABULARY["meetings"]
    REFS = {"attendee_ids": "members", "objective_ids": "objectives"}

    title: Title
    starts_at: UtcTime
    duration_min: int = Field(default=60, gt=0, le=24 * 60)
    location: Short = ""
    series: Short = ""
    attendee_ids: IdSet = frozenset()
    objective_ids: IdSet = frozenset()
    status: MeetingStatus = MeetingStatus.planned
    notes: Text = ""
    # The run (schema 2): stored, so a countdown survives a pane switch, a restart or a crash.
    started_at: UtcTime | None = None
    started_by: Short = ""
    ended_at: UtcTime | None = None
    paused_at: UtcTime | None = None
    paused_seconds: int = Field(default=0, ge=0)


class AgendaItem(Record):
    TABLE = "agenda_items"
    VOCAB = VOCABULARY["agenda_items"]
    REFS = {
        "meeting_id": "meetings",
        "presenter_id": "members",
        "objective_id": "objectives",
        "carried_from": "agenda_items",
        "feedback_id": "feedback",
    }

    meeting_id: RecordId
    title: Title
    kind: AgendaKind = AgendaKind.discussion
    presenter_id: OptionalId = None
    minutes: int = Field(default=10, ge=0, le=24 * 60)
    position: str = ""
    objective_id: OptionalId = None
    notes: Text = ""
    outcome: Text = ""
    status: AgendaStatus = AgendaStatus.open
    # schema 2: standing items repeat in every meeting of the series; a carried item links
    # back to the one it continues; a run stamps when each item started and ended.
    standing: bool = False
    carried_from: OptionalId = None
    feedback_id: OptionalId = None
    started_at: UtcTime | None = None
    ended_at: UtcTime | None = None

    @field_validator("presenter_id", "objective_id", "carried_from", "feedback_id", mode="before")
    @classmethod
    def _blank_ids(cls, value: Any) -> Any:
        return _blank_to_none(value)


class Feedback(Record):
    TABLE = "feedback"
    VOCAB = VOCABULARY["feedback"]
    REFS = {"author_id": "members"}

    author_id: OptionalId = None
    subject_table: SubjectTable | None = None
    subject_id: OptionalId = None
    kind: FeedbackKind = FeedbackKind.idea
    body: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100_000)]
    status: FeedbackStatus = FeedbackStatus.open
    response: Text = ""

    @field_validator("author_id", "subject_table", "subject_id", mode="before")
    @classmethod
    def _blank_fields(cls, value: Any) -> Any:
        return _blank_to_none(value)

    @model_validator(mode="after")
    def _subject_is_whole(self) -> Feedback:
        if (self.subject_table is None) != (self.subject_id is None):
            raise ValueError(_("what it is about needs both its kind and the record: set both or neither"))
        return self

    @property
    def label(self) -> str:
        first = self.body.strip().splitlines()[0] if self.body.strip() else ""
        return first[:80] or self.id[:8]


class Task(Record):
    TABLE = "tasks"
    VOCAB = VOCABULARY["tasks"]
    REFS = {"owner_id": "members", "objective_id": "objectives", "meeting_id": "meetings", "feedback_id": "feedback"}

    title: Title
    description: Text = ""
    status: TaskStatus = TaskStatus.todo
    owner_id: OptionalId = None
    department: Short = ""
    due: date | None = None
    priority: Priority = Priority.normal
    objective_id: OptionalId = None
    meeting_id: OptionalId = None
    position: str = ""
    #: schema 2: the feedback entry this task was made from
    feedback_id: OptionalId = None

    @field_validator("owner_id", "objective_id", "meeting_id", "feedback_id", "due", mode="before")
    @classmethod
    def _blank_fields(cls, value: Any) -> Any:
        return _blank_to_none(value)


class Conflict(Record):
    """A value that lost a same-field collision in a merge, kept here for review."""

    TABLE = "conflicts"
    VOCAB = VOCABULARY["conflicts"]

    table: Short
    record_id: RecordId
    field: Short
    kept: Any = None
    lost: Any = None
    lost_by: str = ""
    at: UtcTime
    resolved: bool = False

    @property
    def label(self) -> str:
        return f"{self.table}.{self.field} of {self.record_id[:8]}"


MODELS: dict[str, type[Record]] = {
    model.TABLE: model
    for model in (Member, Objective, Metric, Measurement, Meeting, AgendaItem, Feedback, Task, Conflict)
}
assert tuple(MODELS) == TABLE_NAMES, "store.schema.TABLE_NAMES must list the models' tables in order"
#: fields whose value is a set: merged as sets, entered as comma lists
SET_FIELDS: dict[str, frozenset[str]] = {
    name: frozenset(field for field, info in model.model_fields.items() if get_origin(info.annotation) is frozenset)
    for name, model in MODELS.items()
}
