"""Dates and date-times as people type them: ISO, or relative ones such as +3d, fri, next mon 14:30.

Every date and date-time a person types goes through here: the forms and the CLI share it.
"fri" is the coming Friday (a week today on a Friday); "next fri" is the Friday of next
week (Monday to Sunday).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache

from store.i18n import _, language

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: Spanish weekdays, typed whole or by three letters or more, accents optional ("mié", "sab")
SPANISH_WEEKDAYS = ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo")
_SPANISH_WORDS = {"hoy": "today", "manana": "tomorrow", "ayer": "yesterday", "pasado manana": "+2d"}
_SPANISH_NEXT = ("proximo ", "proxima ", "siguiente ")
#: "el martes que viene", "el viernes de la semana que viene": next week's, like "próximo"
_SPANISH_NEXT_AFTER = (" de la semana que viene", " de la proxima semana", " que viene")
#: strftime's fields to CLDR's, for the languages Babel formats (alinea's patterns use only these)
_CLDR_FIELDS = {"%a": "EEE", "%A": "EEEE", "%d": "dd", "%b": "MMM", "%B": "MMMM", "%Y": "yyyy", "%m": "MM",
                "%H": "HH", "%M": "mm"}
_RELATIVE = re.compile(r"^([+-])(\d+)([dwm]?)$")
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
DEFAULT_TIME = time(9, 0)


def _next_week(today: date) -> date:
    """The Monday that starts "next week". On a Sunday the week starting tomorrow is the
    one people call "this week", so "next mon" is the Monday after it, never tomorrow."""
    monday = today + timedelta(days=7 - today.weekday())
    return monday + timedelta(days=7) if today.weekday() == 6 else monday


@lru_cache(maxsize=32)
def _cldr_pattern(pattern: str) -> str:
    return re.sub(r"%[a-zA-Z]", lambda field: _CLDR_FIELDS[field.group()], pattern)


def local_format(value: date | datetime, pattern: str) -> str:
    """``value`` by a strftime ``pattern`` ("%a %d %b %Y"), in the app's language.

    English is strftime's (C locale) words; Spanish is Babel's: "mar 01 dic 2026 09:30".
    """
    if language() == "en":
        return value.strftime(pattern)
    from babel.dates import format_date, format_datetime  # only for a language other than English

    if isinstance(value, datetime):
        return format_datetime(value, _cldr_pattern(pattern), locale=language())
    return format_date(value, _cldr_pattern(pattern), locale=language())


def preview_date(value: date | None) -> str:
    """A parsed date with its weekday, to show under what was typed: "Fri 04 Dec 2026"."""
    return local_format(value, "%a %d %b %Y") if value else ""


def _typed(text: str) -> str:
    """What a person typed, lower case, Spanish words in English: "próximo vie" -> "next fri"."""
    value = " ".join(text.strip().lower().split())
    plain = "".join(c for c in unicodedata.normalize("NFD", value) if unicodedata.category(c) != "Mn")
    plain = plain.removeprefix("el ")  # "el martes": the coming Tuesday, as "martes"
    if plain in _SPANISH_WORDS:
        return _SPANISH_WORDS[plain]
    following = plain.startswith(_SPANISH_NEXT) or plain.endswith(_SPANISH_NEXT_AFTER)
    rest = plain.split(" ", 1)[1] if plain.startswith(_SPANISH_NEXT) else plain
    rest = next((rest.removesuffix(end) for end in _SPANISH_NEXT_AFTER if rest.endswith(end)), rest)
    for index, name in enumerate(SPANISH_WEEKDAYS):
        if len(rest) >= 3 and name.startswith(rest):
            return ("next " if following else "") + WEEKDAYS[index]
    return value


def parse_date(text: str, today: date | None = None) -> date | None:
    """Parse a person's date; None for blank. Raises ValueError with a helpful message."""
    value = _typed(text)
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
    following = value.startswith("next ")
    words = value.removeprefix("next ").split()
    day = words[0][:3] if len(words) == 1 else ""
    if day in WEEKDAYS:
        if following:
            return _next_week(today) + timedelta(days=WEEKDAYS.index(day))
        ahead = (WEEKDAYS.index(day) - today.weekday()) % 7 or 7  # "fri": the coming Friday
        return today + timedelta(days=ahead)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("{text} is not a date: use 2026-12-01, +3d, +2w, fri or next mon").format(
            text=repr(text))) from None


def day_label(day: date) -> str:
    """A date as people read it: "Tue 01 Dec"."""
    return local_format(day, "%a %d %b")


def moment_label(moment: datetime, tz: tzinfo | None = None) -> str:
    """A time as people read it, in local time (or ``tz``): "Tue 01 Dec 10:14"."""
    return local_format(moment.astimezone(tz), "%a %d %b %H:%M")


def parse_datetime(text: str, today: date | None = None) -> datetime | None:
    """A local date and time as a person types it: ``2026-05-12 10:00``, ``fri 14:30``, ``+2d``.

    The date part accepts whatever ``parse_date`` does; without a time it is 09:00. The
    result is naive: the person's local time. None for blank. Raises ValueError with a
    message fit to show under a form field or on the CLI's stderr.
    """
    value = " ".join(text.strip().lower().split())
    if re.match(r"^\d{4}-\d\d-\d\dt", value):  # ISO with a T between date and time
        value = value.replace("t", " ", 1)
    if not value:
        return None
    if re.match(r"^\d{4}-\d\d-\d\d \d", value):  # ISO, perhaps with seconds and an offset
        try:
            return datetime.fromisoformat(value.upper())
        except ValueError:
            pass  # e.g. "2026-05-12 2pm": read by the rules below
    today = today or date.today()
    words = value.split()
    moment = DEFAULT_TIME
    match = _TIME.match(words[-1]) if len(words) > 1 or ":" in words[-1] else None
    if match:
        token, words = words[-1], words[:-1]
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if match.group(3) == "pm" and hour < 12:
            hour += 12
        if match.group(3) == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            raise ValueError(_("{token} is not a time of day: use 14:30").format(token=repr(token)))
        moment = time(hour, minute)
    try:
        day = parse_date(" ".join(words), today) if words else today
    except ValueError:
        raise ValueError(_("{text} is not a date and time: use 2026-12-01 10:00, fri 14:30 or +3d 9:00").format(
            text=repr(text))) from None
    return datetime.combine(day or today, moment)


def age_label(moment: datetime, today: date) -> str:
    """How long ago something happened, short enough for a list row: "today", "3 d", "5 w", "4 mo"."""
    days = max(0, (today - moment.astimezone().date()).days)
    if days == 0:
        return _("today")
    if days < 14:
        return _("{count} d").format(count=days)
    if days < 70:
        return _("{count} w").format(count=days // 7)
    return _("{count} mo").format(count=days // 30)
