"""Turn what a person types (CLI ``FIELD=VALUE``, a form field) into model values.

Dates and date-times accept relative entry (``+3d``, ``fri 14:30``: store/dates.py); sets
are comma lists; references accept an id or unique id prefix, and members also their email,
name, first name or a unique start of their name. Everything else is left to the pydantic
models, so the rules live in one place.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, cast, get_args

from store.dates import parse_date, parse_datetime
from store.errors import AmbiguousId, InvalidInput, RecordNotFound, UnknownField
from store.i18n import _
from store.models import MODELS, SET_FIELDS

if TYPE_CHECKING:
    from store.models import Member
    from store.workspace import Workspace

_ID_PREFIX = re.compile(r"^[0-9a-f]{4,32}$")
#: how many names an error lists before "…"
_SHOWN_NAMES = 6


def split_assignment(text: str) -> tuple[str, str]:
    field, sep, value = text.partition("=")
    if not sep or not field.strip():
        raise InvalidInput(_("expected FIELD=VALUE, got {text}").format(text=repr(text)))
    return field.strip(), value


def _field_type(table: str, field: str, kind: type) -> bool:
    annotation = MODELS[table].model_fields[field].annotation
    return annotation is kind or kind in get_args(annotation)


def folded(text: str) -> str:
    """Text for matching as people type it: no case, no accents ("Jonás" matches "jonas")."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def _names(members: Iterable[Member]) -> str:
    names = sorted(member.name for member in members)
    shown = ", ".join(names[:_SHOWN_NAMES])
    return shown + (", …" if len(names) > _SHOWN_NAMES else "")


def match_member(workspace: Workspace, text: str) -> Member:
    """The member ``text`` names: an email, a name, a first name, a unique start of a name,
    or an id prefix. Raises AmbiguousId naming the candidates, or RecordNotFound."""
    value = folded(text)
    members = workspace.records("members")
    by_email = workspace.member_by_email(text.strip())
    if by_email is not None:
        return by_email
    for rule in (
        lambda m: folded(m.name) == value,
        lambda m: folded(m.name).split(" ")[0] == value,
    ):
        found = [m for m in members if rule(m)]
        if len(found) == 1:
            return found[0]
        if found:
            raise AmbiguousId(
                _("{text} could be {names}: type more of the name or the email").format(
                    text=repr(text.strip()), names=_names(found)
                )
            )
    if _ID_PREFIX.match(value):
        try:
            return cast("Member", workspace.find(value, table="members"))
        except RecordNotFound:
            pass
    found = [m for m in members if folded(m.name).startswith(value)] if value else []
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousId(
            _("{text} could be {names}: type more of the name").format(text=repr(text.strip()), names=_names(found))
        )
    if members:
        raise RecordNotFound(
            _("no member called {text} (the team: {names})").format(text=repr(text.strip()), names=_names(members))
        )
    raise RecordNotFound(_("no member called {text} (the team has no members yet)").format(text=repr(text.strip())))


def resolve_reference(workspace: Workspace, target: str, text: str) -> str:
    """An id or unique id prefix → the record id; for members also a name (see match_member)."""
    value = text.strip()
    if target == "members":
        return match_member(workspace, value).id
    return workspace.find(value, table=target).id


def parse_value(workspace: Workspace, table: str, field: str, text: str, *, today: date | None = None) -> Any:
    """The value for ``field`` of ``table`` from a person's text (raises InvalidInput)."""
    model = MODELS[table]
    if field not in model.data_fields():
        raise UnknownField(
            _("{table} has no field {field}; its fields are: {fields}").format(
                table=table, field=repr(field), fields=", ".join(model.data_fields())
            )
        )
    target = model.REFS.get(field)
    if field in SET_FIELDS[table]:
        items = [item.strip() for item in text.split(",") if item.strip()]
        return [resolve_reference(workspace, target, item) for item in items] if target else items
    if target:
        return resolve_reference(workspace, target, text) if text.strip() else None
    if table == "feedback" and field == "subject_id" and text.strip():
        return workspace.find(text).id
    if _field_type(table, field, datetime) or _field_type(table, field, date):  # as the forms accept them
        try:
            parse = parse_datetime if _field_type(table, field, datetime) else parse_date
            return parse(text, today)
        except ValueError as error:
            raise InvalidInput(_("{field}: {message}").format(field=field, message=error)) from None
    choices = _enum_values(table, field)
    if choices:  # "done", "Done" or, in Spanish, "Hecho": the stored id
        return model.VOCAB.parse_choice(text, choices) or text
    return text


def _enum_values(table: str, field: str) -> list[str]:
    annotation = MODELS[table].model_fields[field].annotation
    for kind in (annotation, *get_args(annotation)):
        if isinstance(kind, type) and issubclass(kind, Enum):
            return [str(member.value) for member in kind]
    return []


def parse_assignments(workspace: Workspace, table: str, assignments: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for assignment in assignments:
        field, text = split_assignment(assignment)
        fields[field] = parse_value(workspace, table, field, text)
    if table == "feedback" and fields.get("subject_id") and "subject_table" not in fields:
        fields["subject_table"] = workspace.find(fields["subject_id"]).TABLE  # what the id names
    return fields
