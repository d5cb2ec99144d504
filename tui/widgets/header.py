"""The app's header: Textual's, with the conflict count in the subtitle made a link.

A click on "2 conflicts to review" runs the link's action, which opens the review (the
same as `!`) and stops the click there; a click anywhere else still toggles the tall header.
While there is a count, the header also takes the keyboard focus (tab reaches it, its
count shows reversed) and `enter` opens the review.

The count is found in the words of the current language (tui/syncing.py says it with the
same ``ngettext`` message as ``count_words`` here), and in English words too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Header
from textual.widgets._header import HeaderTitle

from store.i18n import language, ngettext
from tui.widgets.words import N_

OPEN_CONFLICTS = "app.open('conflicts')"


def count_words(count: int) -> str:
    """ "2 conflicts to review", in the app's language (the words the header links)."""
    return ngettext("{count} conflict to review", "{count} conflicts to review", count).format(count=count)


#: the English words (a subtitle not translated yet still links)
CONFLICT_COUNT = re.compile(r"\d+ conflicts? to review")


@lru_cache(maxsize=4)
def _count_pattern(code: str) -> re.Pattern[str]:
    """Every plural form of ``count_words`` in language ``code``, the count any number, then English's."""
    forms = {count_words(n).replace(str(n), "\0", 1) for n in (1, 2, 5, 21)}
    alternatives = sorted((re.escape(form).replace("\0", r"\d[\d,.]*") for form in forms), key=len, reverse=True)
    return re.compile("|".join([*alternatives, CONFLICT_COUNT.pattern]))


def conflict_count_pattern() -> re.Pattern[str]:
    return _count_pattern(language())


class AlineaHeader(Header):
    """Title and sync state; the conflict count opens the review (click, or enter when focused)."""

    BINDING_GROUP_TITLE = N_("Header")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", OPEN_CONFLICTS, N_("Review"), id="header.conflicts", key_display="⏎",
                tooltip=N_("Open the review of the conflicts a sync set aside")),
    ]
    DEFAULT_CSS = """
    AlineaHeader:focus { background-tint: $foreground 5%; }
    """

    def format_title(self) -> Content:
        content = super().format_title()
        sub_title = self.screen_sub_title
        found = conflict_count_pattern().search(sub_title) if sub_title else None
        self._focusable(found is not None)
        if found is None:
            return content
        start = len(content.plain) - len(sub_title) + found.start()
        style = "underline reverse" if self.has_focus else "underline"
        return content.stylize(f"{style} @click={OPEN_CONFLICTS}", start, start + len(found.group()))

    def _focusable(self, focusable: bool) -> None:
        """Reachable by tab only while there is a count to open (then it is worth a stop)."""
        if self.can_focus == focusable:
            return
        self.can_focus = focusable
        if not focusable and self.has_focus:
            self.screen.focus_next()

    def _show_title(self) -> None:
        self.query_one(HeaderTitle).update(self.format_title())

    def on_focus(self) -> None:
        self._show_title()

    def on_blur(self) -> None:
        self._show_title()
