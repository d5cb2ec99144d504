"""Text from teammates shown on a terminal: control characters become visible signs, one for one."""

from __future__ import annotations

import pytest

from store.text import printable

HOSTILE = "Deal\x1b]2;pwned\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07\rdone\x9b31m"


def test_escape_sequences_read_as_harmless_text() -> None:
    shown = printable(HOSTILE)
    assert shown == "Deal␛]2;pwned␇␛[2J␛]52;c;ZXZpbA==␇␍done\ufffd31m"
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown)
    assert len(shown) == len(HOSTILE)  # styled spans over the text keep their offsets


@pytest.mark.parametrize(("multiline", "expected"), [(False, "a␤b c"), (True, "a\nb\tc")])
def test_newlines_and_tabs_stay_only_where_text_spans_lines(multiline: bool, expected: str) -> None:
    assert printable("a\nb\tc", multiline=multiline) == expected


def test_ordinary_text_is_unchanged() -> None:
    text = "Zoë Müller · Q4 “pipeline” review — 50 % ✓ 日本"
    assert printable(text) == text and printable(text, multiline=True) == text
