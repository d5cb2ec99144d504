"""Turn what a person types (CLI ``FIELD=VALUE``, a form field) into model values.

Dates accept relative entry (``+3d``, ``fri``); sets are comma lists; references accept an
id or unique id prefix, and members also their email or exact name. Everything else is
left to the pydantic models, so the rules live in one place.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, get_args

from store.dates import parse_date
from store.errors import InvalidInput, UnknownField
from store.models import MODELS, SET_FIELDS

if TYPE_CHECKING:
    from store.workspace import Workspace


def split_assignment(text: str) -> tuple[str, str]:
    field, sep, value = text.partition("=")
    if not sep or not field.strip():
        raise InvalidInput(f"expected FIELD=VALUE, got {text!r}")
    return field.strip(), value


def _is_date_field(table: str, field: str) -> bool:
    annotation = MODELS[table].model_fields[field].annotation
    return annotation is date or date in get_args(annotation)


def resolve_reference(workspace: Workspace, target: str, text: str) -> str:
    """An id, unique id prefix, or (for members) an email or exact name → the record id."""
    value = text.strip()
    if target == "members":
        by_email = workspace.member_by_email(value)
        if by_email is not None:
            return by_email.id
        named = [m for m in workspace.records("members") if m.name.lower() == value.lower()]
        if len(named) == 1:
            return named[0].id
    return workspace.find(value, table=target).id


def parse_value(workspace: Workspace, table: str, field: str, text: str, *, today: date | None = None) -> Any:
    """The value for ``field`` of ``table`` from a person's text (raises InvalidInput)."""
    model = MODELS[table]
    if field not in model.data_fields():
        raise UnknownField(f"{table} has no field {field!r}; its fields are: {', '.join(model.data_fields())}")
    target = model.REFS.get(field)
    if field in SET_FIELDS[table]:
        items = [item.strip() for item in text.split(",") if item.strip()]
        return [resolve_reference(workspace, target, item) for item in items] if target else items
    if target:
        return resolve_reference(workspace, target, text) if text.strip() else None
    if table == "feedback" and field == "subject_id" and text.strip():
        return workspace.find(text).id
    if _is_date_field(table, field):
        try:
            return parse_date(text, today)
        except ValueError as error:
            raise InvalidInput(f"{field}: {error}") from None
    return text


def parse_assignments(workspace: Workspace, table: str, assignments: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for assignment in assignments:
        field, text = split_assignment(assignment)
        fields[field] = parse_value(workspace, table, field, text)
    if table == "feedback" and fields.get("subject_id") and "subject_table" not in fields:
        fields["subject_table"] = workspace.find(fields["subject_id"]).TABLE  # what the id names
    return fields
