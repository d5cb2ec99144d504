from __future__ import annotations

from datetime import date

import pytest

from store.dates import parse_date, preview_date

FRIDAY = date(2026, 11, 27)
SUNDAY = date(2026, 11, 29)


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


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (SUNDAY, "mon", date(2026, 11, 30)),  # tomorrow
        (SUNDAY, "next mon", date(2026, 12, 7)),  # the Monday of the following week, never tomorrow
        (SUNDAY, "next sun", date(2026, 12, 13)),
        (date(2026, 11, 28), "sun", SUNDAY),  # a Saturday: "sun" is tomorrow...
        (date(2026, 11, 28), "next sun", date(2026, 12, 6)),  # ...and "next sun" the one after
        (date(2026, 11, 30), "fri", date(2026, 12, 4)),  # a Monday: this week's Friday
        (date(2026, 11, 30), "next fri", date(2026, 12, 11)),  # next week's
        (date(2026, 11, 30), "next mon", date(2026, 12, 7)),
    ],
)
def test_next_day_is_in_the_following_week(today: date, text: str, expected: date) -> None:
    assert parse_date(text, today) == expected


def test_next_day_always_differs_from_the_plain_day_on_a_sunday() -> None:
    for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"):
        assert parse_date(f"next {day}", SUNDAY) > parse_date(day, SUNDAY)


def test_the_preview_shows_the_weekday() -> None:
    assert preview_date(parse_date("fri", FRIDAY)) == "Fri 04 Dec 2026"
    assert preview_date(None) == ""


def test_nonsense_says_what_works() -> None:
    with pytest.raises(ValueError, match=r"\+3d"):
        parse_date("soonish", FRIDAY)
