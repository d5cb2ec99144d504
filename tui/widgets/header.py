"""The app's header: Textual's, with the conflict count in the subtitle made a link.

A click on "2 conflicts to review" runs the link's action, which opens the review (the
same as `!`) and stops the click there; a click anywhere else still toggles the tall header.
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Header

#: the words tui/syncing.py puts in the subtitle for open conflicts
CONFLICT_COUNT = re.compile(r"\d+ conflicts? to review")
OPEN_CONFLICTS = "app.open('conflicts')"


class AlineaHeader(Header):
    """Title and sync state; the conflict count opens the review."""

    def format_title(self) -> Content:
        content = super().format_title()
        sub_title = self.screen_sub_title
        found = CONFLICT_COUNT.search(sub_title) if sub_title else None
        if found is None:
            return content
        start = len(content.plain) - len(sub_title) + found.start()
        return content.stylize(f"underline @click={OPEN_CONFLICTS}", start, start + len(found.group()))
