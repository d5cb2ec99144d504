from __future__ import annotations

from store.words import plural, records_of


def test_one_is_singular() -> None:
    assert plural(1, "card") == "1 card"
    assert plural(0, "card") == "0 cards"
    assert plural(2, "entry", "entries") == "2 entries"
    assert plural(12_000, "change") == "12,000 changes"


def test_records_of_a_table_in_words() -> None:
    assert records_of("objectives", 1) == "1 objective"
    assert records_of("metrics", 2) == "2 metrics"
    assert records_of("agenda_items", 1) == "1 agenda item"
    assert records_of("feedback", 3) == "3 feedback entries"
