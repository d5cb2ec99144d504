"""Fractional-index keys for ordered records (agenda items, board cards).

A position is a string of base-62 digits read as a fraction in [0, 1); records sort by
it. ``key_between(a, b)`` returns a key strictly between two keys, so moving one record
rewrites one record, and two clones that insert concurrently merge without renumbering.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

#: ordered tables: the field whose equal values make records siblings in one list
SIBLING_FIELD = {"agenda_items": "meeting_id", "tasks": "status"}
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BASE = len(DIGITS)
_VALUE = {digit: index for index, digit in enumerate(DIGITS)}


def key_between(before: str | None, after: str | None) -> str:
    """A key that sorts after ``before`` and before ``after`` (None means open-ended)."""
    low = before or ""
    high = after or ""
    if high and low >= high:
        raise ValueError(f"{before!r} does not sort before {after!r}")
    if not low and not high:
        return DIGITS[_BASE // 2]
    key = ""
    index = 0
    while True:
        low_digit = _VALUE[low[index]] if index < len(low) else 0
        high_digit = _VALUE[high[index]] if high and index < len(high) else _BASE
        if not high and low_digit + 1 < _BASE:
            # Appending: step by one digit, not to the midpoint, so a list that only
            # grows at its end gains one character per ~60 appends, not per ~6.
            return key + DIGITS[low_digit + 1]
        if high_digit - low_digit > 1:
            return key + DIGITS[(low_digit + high_digit) // 2]
        # No room at this digit: keep the low digit and look one place further down.
        key += DIGITS[low_digit]
        if high_digit - low_digit == 1:
            high = ""  # anything above low's prefix now sorts below high
        index += 1


def spread_keys(count: int) -> list[str]:
    """``count`` increasing keys of equal width spread over the whole range (for seeding)."""
    width = 1
    while _BASE**width <= count * 4:
        width += 1
    span = _BASE**width
    keys = []
    for index in range(1, count + 1):
        value = index * span // (count + 1)
        digits = []
        for _ in range(width):
            value, digit = divmod(value, _BASE)
            digits.append(DIGITS[digit])
        keys.append("".join(reversed(digits)).rstrip("0") or DIGITS[1])
    return keys


def after_last(positions: Iterable[str]) -> str:
    """The key for a record added after every sibling (legacy blank keys count as none)."""
    last = max((p for p in positions if p), default=None)
    return key_between(last, None)


def place(rows: Sequence[tuple[str, str]], index: int) -> tuple[str, dict[str, str]]:
    """A key for a record put at ``index`` of ``rows`` ((id, position) pairs in display order).

    Returns the new key and the siblings that must move too: none while keys are distinct,
    which is every list alinea writes. Equal keys (two clones that appended at the same
    time, or schema-1 records without a position) leave no room between them, so the tied
    siblings after ``index`` get fresh keys as well: order repairs itself, nothing renumbers.
    """
    if not 0 <= index <= len(rows):
        raise IndexError(f"position {index} is outside a list of {len(rows)}")
    low = rows[index - 1][1] if index else ""
    repaired: list[str] = []
    after = index
    # Siblings at or below ``low`` (ties, blanks, out of order) must move above the new key.
    while after < len(rows) and rows[after][1] <= low:
        repaired.append(rows[after][0])
        after += 1
    high = rows[after][1] if after < len(rows) else None
    key = key_between(low or None, high)
    moves: dict[str, str] = {}
    previous = key
    for record_id in repaired:
        previous = key_between(previous, high)
        moves[record_id] = previous
    return key, moves
