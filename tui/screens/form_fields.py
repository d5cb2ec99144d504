"""What kind of input each model field needs, read from the pydantic model.

Pure: no widgets here, so the rules are easy to test and the form stays small.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, Literal, Union, get_args, get_origin

from store.dates import local_format
from store.models import Record

FieldKind = Literal[
    "text", "markdown", "date", "datetime", "enum", "ref", "refs", "names", "integer", "number", "bool", "subject"
]
MARKDOWN_FIELDS = frozenset({"description", "notes", "body", "outcome", "response"})
#: fields the form never shows (ordering keys kept by the panes)
#: kept by the app itself (order, a meeting's run, links made by actions), never typed in a form
HIDDEN_FIELDS = frozenset({
    "position", "standing", "carried_from", "feedback_id",
    "started_at", "started_by", "ended_at", "paused_at", "paused_seconds",
})
FIRST_FIELDS = ("title", "name", "body")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: FieldKind
    label: str
    optional: bool  # may be left empty (the model has a default or accepts None)
    nullable: bool = False  # the value may be None (a select offers a blank choice)
    choices: tuple[str, ...] = ()
    target: str | None = None


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def field_kind(model: type[Record], name: str) -> FieldSpec:
    info = model.model_fields[name]
    annotation, nullable = _unwrap_optional(info.annotation)
    label = model.VOCAB.label(name)
    target = model.REFS.get(name)
    optional = nullable or not info.is_required()
    if name in MARKDOWN_FIELDS:
        return FieldSpec(name, "markdown", label, optional)
    if get_origin(annotation) is frozenset:
        return FieldSpec(name, "refs" if target else "names", label, True, target=target)
    if target:
        return FieldSpec(name, "ref", label, optional, nullable, target=target)
    if name == "subject_id":
        return FieldSpec(name, "subject", label, True, True)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return FieldSpec(name, "enum", label, optional, nullable, choices=tuple(str(m.value) for m in annotation))
    if annotation is datetime:
        return FieldSpec(name, "datetime", label, optional)
    if annotation is date:
        return FieldSpec(name, "date", label, optional)
    if annotation is bool:
        return FieldSpec(name, "bool", label, optional)
    if annotation is int:
        return FieldSpec(name, "integer", label, optional)
    if annotation is float:
        return FieldSpec(name, "number", label, optional)
    return FieldSpec(name, "text", label, optional)


def form_fields(model: type[Record]) -> list[FieldSpec]:
    """The fields a form shows, in the model's order."""
    return [field_kind(model, name) for name in model.data_fields() if name not in HIDDEN_FIELDS]


def first_field(specs: list[FieldSpec]) -> str | None:
    names = [spec.name for spec in specs]
    for name in FIRST_FIELDS:
        if name in names:
            return name
    return names[0] if names else None


def format_date_hint(value: date | None) -> str:
    """What a typed date reads as, in the app's language: "→ Friday 04 December 2026"."""
    return f"→ {local_format(value, '%A %d %B %Y')}" if value else ""


def format_datetime_hint(value: datetime | None) -> str:
    return f"→ {local_format(value, '%A %d %B %Y, %H:%M')}" if value else ""
