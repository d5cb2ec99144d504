"""Counts in words: "1 card", "2 cards", "1 feedback entry"."""

from __future__ import annotations

from store.vocabulary import VOCABULARY


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 card", "3 cards"; ``many`` for the nouns that do not just add an s."""
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def records_of(table: str, count: int) -> str:
    """ "1 task", "2 agenda items", "1 feedback entry": a count of a table's records."""
    words = VOCABULARY.get(table)
    if words is None:
        return plural(count, table.removesuffix("s").replace("_", " "), table.replace("_", " "))
    return plural(count, words.noun, words.plural)
