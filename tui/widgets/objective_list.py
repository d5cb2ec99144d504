"""The Objectives pane's list: two lines per objective, grouped under period headers.

Rows are plain values (``ObjectiveRow``); the list knows nothing of the store. Progress and
pace may arrive later than the rest (they are worked out in a worker on a large workspace),
so a row paints what it has and shows "…" where its progress will be.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from store.i18n import _, ngettext, pgettext
from tui.widgets.virtual_list import Item, VirtualList
from tui.widgets.words import N_

STATUS_WORDS = {"on_track": "on track", "at_risk": "at risk", "off_track": "off track", "done": "done"}


def status_word(status: str) -> str:
    """An objective's status in a few words, in the app's language: the panes' words (tui/panes/words.py)."""
    words = {"on_track": pgettext("objective status", "on track"), "at_risk": pgettext("objective status", "at risk"),
             "off_track": pgettext("objective status", "off track"), "done": pgettext("objective status", "done")}
    return words.get(status, status)
BAR_WIDTH = 10


@dataclass(frozen=True, slots=True)
class PeriodHeader:
    """A group's header: the period, and whether it holds today."""

    period: str
    count: int
    current: bool = False


@dataclass(frozen=True, slots=True)
class ObjectiveRow:
    """What the list shows of one objective (every text already made printable)."""

    id: str
    title: str
    status: str
    kind: str
    period: str
    departments: tuple[str, ...]
    #: None: not worked out yet (shows "…"); else (progress or None for no data, pace label, behind)
    progress: tuple[float | None, str, bool] | None = None


Entry = PeriodHeader | ObjectiveRow


def progress_bar(share: float | None, width: int = BAR_WIDTH) -> str:
    """"▰▰▰▰▱▱▱▱▱▱" for 40 %; all empty for no data."""
    filled = 0 if share is None else round(max(0.0, min(1.0, share)) * width)
    return "▰" * filled + "▱" * (width - filled)


def header_lines(header: PeriodHeader) -> Item:
    name = header.period or _("No period")
    words = _("{period} · current").format(period=name) if header.current else name
    count = ngettext("{count} objective", "{count} objectives", header.count).format(count=header.count)
    return (Content.styled(f"── {words} · {count} ", ".objective-list--header"), "")


def row_lines(row: ObjectiveRow) -> Item:
    status_style = f".objective-list--{row.status.replace('_', '-')}"
    status = status_word(row.status)
    title = Content.assemble(("● ", status_style), (f"{status:<9} ", status_style), (row.title, "bold"))
    if row.progress is None:
        right = Content.styled("…", ".objective-list--muted")
        pace = Content.styled("", ".objective-list--muted")
    else:
        share, pace_label, behind = row.progress
        amount = _("no data") if share is None else f"{round(share * 100):>3} %"
        right = Content.assemble((progress_bar(share), ".objective-list--bar"), f" {amount:>7}")
        pace = Content.styled(pace_label, ".objective-list--behind" if behind else ".objective-list--muted")
    facts = [row.kind, row.period] if row.period else [row.kind]
    details = Content.styled("  " + " · ".join(facts), ".objective-list--muted")
    if row.departments:
        details += Content.styled(" · " + " + ".join(row.departments), ".objective-list--muted")
    if len(row.departments) >= 2:
        details += Content(" ") + Content.styled(_(" shared "), ".objective-list--shared")
    elif len(row.departments) == 1:
        details += Content(" ") + Content.styled(_("◐ one department"), ".objective-list--single")
    return ((title, right), (details, pace))


def entry_lines(entry: Entry) -> Item:
    return header_lines(entry) if isinstance(entry, PeriodHeader) else row_lines(entry)


#: the rows' styles (``.objective-list--header`` …), for the widget that holds the list to
#: declare as its component classes, with ROW_CSS nested in its CSS. Not the list's own: Textual
#: restyles the list at each focus change, every component class of it included (thirteen
#: were 3 ms of each 1 / 4 between panes); the list finds them on its ancestors when it paints.
ROW_CLASSES: frozenset[str] = frozenset({
    "objective-list--header",
    "objective-list--muted",
    "objective-list--bar",
    "objective-list--on-track",
    "objective-list--at-risk",
    "objective-list--off-track",
    "objective-list--done",
    "objective-list--behind",
    "objective-list--shared",
    "objective-list--single",
})
ROW_CSS = """
    & > .objective-list--header { color: $text-muted; text-style: bold; }
    & > .objective-list--muted { color: $text-muted; }
    & > .objective-list--bar { color: $primary; }
    & > .objective-list--on-track { color: $success; }
    & > .objective-list--at-risk { color: $warning; text-style: bold; }
    & > .objective-list--off-track { color: $error; text-style: bold; }
    & > .objective-list--done { color: $text-muted; }
    & > .objective-list--behind { color: $warning; text-style: bold reverse; }
    & > .objective-list--shared { color: $text; background: $accent 60%; text-style: bold; }
    & > .objective-list--single { color: $warning; }
"""


class ObjectiveList(VirtualList):
    """Objectives under their period headers; the cursor steps over headers.

    Its rows name the ROW_CLASSES styles: the widget that holds the list declares them.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", N_("Down"), show=False, id="objectives.down", tooltip=N_("Next objective")),
        Binding("k,up", "cursor_up", N_("Up"), show=False, id="objectives.up", tooltip=N_("Previous objective")),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's keyword
        super().__init__(item_height=2, id=id)
        self.entries: Sequence[Entry] = ()

    def show(self, entries: Sequence[Entry], items: Sequence[Item], select: str | None = None) -> None:
        """Show ``entries`` (``items``: their lines, built lazily), keeping or putting the cursor on ``select``."""
        self.entries = entries
        cursor = self.cursor
        if select is not None:
            found = next((i for i, e in enumerate(entries) if isinstance(e, ObjectiveRow) and e.id == select), None)
            cursor = found if found is not None else cursor
        self.set_items(items, cursor=self._landing(min(cursor, len(entries) - 1), 1))

    @property
    def selected(self) -> ObjectiveRow | None:
        if not self.entries or not 0 <= self.cursor < len(self.entries):
            return None
        entry = self.entries[self.cursor]
        return entry if isinstance(entry, ObjectiveRow) else None

    def _landing(self, index: int, step: int) -> int:
        """The nearest objective from ``index`` going ``step``, else the other way; 0 if none."""
        count = len(self.entries)
        for direction in (step, -step):
            at = index
            while 0 <= at < count:
                if isinstance(self.entries[at], ObjectiveRow):
                    return at
                at += direction
        return 0

    def _move_to(self, index: int, step: int) -> None:
        if self.entries:
            self.cursor = self._landing(max(0, min(index, len(self.entries) - 1)), step)

    def action_cursor_down(self) -> None:
        self._move_to(self.cursor + 1, 1)

    def action_cursor_up(self) -> None:
        self._move_to(self.cursor - 1, -1)

    def action_page_down(self) -> None:
        self._move_to(self.cursor + self._page, 1)

    def action_page_up(self) -> None:
        self._move_to(self.cursor - self._page, -1)

    def action_first_item(self) -> None:
        self._move_to(0, 1)

    def action_last_item(self) -> None:
        self._move_to(len(self.entries) - 1, -1)
