"""Text from the workspace, made safe to show on a terminal.

Every title, name and note comes from teammates. A control character printed raw lets it
drive the terminal: ``ESC ] 2 ;`` renames the window, ``ESC [ 2 J`` wipes the screen,
``ESC ] 52 ;`` writes the clipboard. ``printable`` shows each control character as a
visible sign instead (ESC as ``␛``), so a sequence reads as harmless text such as
``␛[2J``. Each character becomes exactly one character, so styled spans over the text
(Textual ``Content``) keep their offsets.
"""

from __future__ import annotations

#: C0 controls and DEL as their Unicode "control pictures" (ESC -> ␛, BEL -> ␇, CR -> ␍)
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
#: C1 controls (0x80-0x9F: 8-bit CSI, OSC, …) have no picture: shown as the replacement sign
_C1 = {code: "\ufffd" for code in range(0x80, 0xA0)}
_ONE_LINE = str.maketrans({**_PICTURES, **_C1, 0x09: " ", 0x0A: "\u2424"})  # tab: a space; newline: ␤
_LINES = str.maketrans({**_PICTURES, **_C1, 0x09: "\t", 0x0A: "\n"})


def printable(text: str, *, multiline: bool = False) -> str:
    """``text`` with every control character shown as a visible sign, one character for one.

    ``multiline``: keep newlines and tabs (notes, descriptions shown over several lines).
    """
    return text.translate(_LINES if multiline else _ONE_LINE)
