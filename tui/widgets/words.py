"""The marker of the words a widget declares (its keys' descriptions), for the catalog.

``N_`` returns its text unchanged: ``tools/catalogs.py`` finds the marked words by this name and
the footer, the help screen and the palette translate them where they show them. It stands here,
not imported from store.i18n, so that widgets take nothing from store/: the words a widget shows
at run time (labels, the footer's keys) are given to it, already in the person's language.
"""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802 - gettext's own name for the marker, which the catalog looks for
    return text
