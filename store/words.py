"""Counts in words: "1 card", "2 cards", "1 feedback entry".

``records_of`` is in the reader's language (the table's ngettext forms, store/vocabulary.py).
``plural`` glues an English noun to a count and cannot be translated: new code writes
``ngettext("{count:,} card", "{count:,} cards", n).format(count=n)`` instead.
"""

from __future__ import annotations

from store.vocabulary import count_of


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 card", "3 cards"; ``many`` for the nouns that do not just add an s (English only)."""
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def records_of(table: str, count: int) -> str:
    """ "1 task", "2 agenda items", "1 feedback entry": a count of a table's records."""
    return count_of(table, count)
