"""The names the file format is built on, apart from the models.

Kept free of pydantic so that opening the app (and the storage layer) does not pay for
importing it before the first frame; store.models checks that it agrees with these.
"""

from __future__ import annotations

from store.errors import UnknownTable
from store.i18n import _

SCHEMA_VERSION = 2
TABLE_NAMES: tuple[str, ...] = (
    "members",
    "objectives",
    "metrics",
    "measurements",
    "meetings",
    "agenda_items",
    "feedback",
    "tasks",
    "conflicts",
)


def table_name(text: str) -> str:
    """Resolve a table name as a person types it: singular or plural, dashes or underscores."""
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    candidates = {key, key + "s", key.removesuffix("s")}
    for name in TABLE_NAMES:
        if name in candidates:
            return name
    raise UnknownTable(
        _("unknown table {name}; tables are: {tables}").format(name=repr(text), tables=", ".join(TABLE_NAMES))
    )
