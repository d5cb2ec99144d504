from __future__ import annotations

from datetime import date

import pytest

from store.dates import parse_date

FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("+3d", date(2026, 11, 30)),
        ("+2w", date(2026, 12, 11)),
        ("-1d", date(2026, 11, 26)),
        ("today", FRIDAY),
        ("tomorrow", date(2026, 11, 28)),
        ("mon", date(2026, 11, 30)),
        ("next mon", date(2026, 11, 30)),
        ("fri", date(2026, 12, 4)),
        ("Tuesday", date(2026, 12, 1)),
        ("", None),
    ],
)
def test_dates_as_people_type_them(text: str, expected: date | None) -> None:
    assert parse_date(text, FRIDAY) == expected


def test_nonsense_says_what_works() -> None:
    with pytest.raises(ValueError, match=r"\+3d"):
        parse_date("soonish", FRIDAY)
