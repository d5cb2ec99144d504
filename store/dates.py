"""Dates as people type them: ISO dates, or relative ones such as +3d, fri, next mon."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RELATIVE = re.compile(r"^([+-])(\d+)([dwm]?)$")


def parse_date(text: str, today: date | None = None) -> date | None:
    """Parse a person's date; None for blank. Raises ValueError with a helpful message."""
    value = text.strip().lower()
    if not value:
        return None
    today = today or date.today()
    if value in ("today", "tod"):
        return today
    if value in ("tomorrow", "tom"):
        return today + timedelta(days=1)
    if value == "yesterday":
        return today - timedelta(days=1)
    match = _RELATIVE.match(value)
    if match:
        sign, amount, unit = match.groups()
        days = int(amount) * {"": 1, "d": 1, "w": 7, "m": 30}[unit]
        return today + timedelta(days=days if sign == "+" else -days)
    words = value.removeprefix("next ").split()
    day = words[0][:3] if len(words) == 1 else ""
    if day in WEEKDAYS:  # "fri" and "next fri" both mean the coming Friday
        ahead = (WEEKDAYS.index(day) - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{text!r} is not a date: use 2026-12-01, +3d, +2w, fri or next mon") from None


def day_label(day: date) -> str:
    """A date as people read it: "Tue 01 Dec"."""
    return f"{day:%a %d %b}"


def moment_label(moment: datetime, tz: tzinfo | None = None) -> str:
    """A time as people read it, in local time (or ``tz``): "Tue 01 Dec 10:14"."""
    return f"{moment.astimezone(tz):%a %d %b %H:%M}"
