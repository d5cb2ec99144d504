"""Counts in words: "1 card", "2 cards", "1 feedback entry"."""

from __future__ import annotations

#: tables whose records are not simply "<table without s>"
_TABLE_NOUNS = {
    "agenda_items": ("agenda item", "agenda items"),
    "feedback": ("feedback entry", "feedback entries"),
}


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 card", "3 cards"; ``many`` for the nouns that do not just add an s."""
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def records_of(table: str, count: int) -> str:
    """ "1 task", "2 agenda items", "1 feedback entry": a count of a table's records."""
    one, many = _TABLE_NOUNS.get(table, (table.removesuffix("s").replace("_", " "), table.replace("_", " ")))
    return plural(count, one, many)
