"""The Pane every pane extends: what the app may call on a pane, and how a pane gets its data.

Calls go down, messages go up. The app calls only these methods: ``refresh_data`` (after
every change of the workspace), ``focus_default`` and ``show_record``. A pane reads the
workspace and today's date, and asks for changes with ``write`` (answered by ``Saved`` or
``Refused`` messages, see tui/writes.py), all through the ``Host`` protocol: it never
imports the app.

Panes mount lazily, through this one helper: a pane composes only what the first frame
shows; ``build`` mounts the rest just after that frame (a hidden pane's, once the data is
in). Until then (and while a hidden pane has not been shown since a change) the calls above
are remembered and carried out later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from textual import events
from textual.message import Message
from textual.widget import Widget

from store.i18n import _
from tui.writes import Action, Host, host_of

if TYPE_CHECKING:
    from store.workspace import Workspace


#: seconds after the data is in that a pane hidden meanwhile builds (unless shown sooner)
BUILD_AFTER_DATA = 0.1


@runtime_checkable
class Refreshable(Protocol):
    """What the app re-reads after every change: each pane, and a screen that lists records (Team)."""

    def refresh_data(self) -> None: ...


class Pane(Widget):
    """One of the four panes: refreshed from the workspace, focused, asked to show a record.

    The panes sit under the tab bar (tui/widgets/pane_tabs.py), which shows one at a time.
    """

    DEFAULT_CSS = """
    Pane {
        height: 1fr;
    }
    """

    class Focused(Message):
        """A widget of this pane took the focus while another pane was on show (this one should be)."""

        def __init__(self, pane: Pane) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, title: str, *, id: str) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.tab_label = _(title)  #: the tab's name, marked N_() by whoever names the pane
        self.built = False  # ``build`` has mounted the pane's widgets (just after the first frame)
        self._building = False
        self._deferred = False  # hidden at start while the data loaded: built later (``_build_when_due``)
        self._stale = True
        self._focus_when_built = False
        self._show_when_built: str | None = None
        self._item_when_built: str | None = None

    # -- for subclasses ---------------------------------------------------------------
    async def build(self) -> None:
        """Mount what the first frame can do without (called once, just after it)."""

    def refresh_content(self) -> None:
        """Re-read the workspace and repaint (only called once built and shown)."""

    def focus_content(self) -> None:
        """Focus the pane's main widget (only called once built)."""

    def show_content(self, record_id: str) -> None:
        """Select a record and focus it (only called once built and fresh)."""

    def palette_commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        """The pane's own palette commands: (name, callback, help). None by default."""
        return iter(())

    def show_item(self, record_id: str, item_id: str) -> None:
        """Show ``record_id`` with one of its parts selected: a meeting's agenda item, an
        objective's metric (only called once built and fresh). By default, the record."""
        self.show_content(record_id)

    def selected_record(self) -> tuple[str, str] | None:
        """(table, id) of the record selected in this pane, or None: what F gives feedback about,
        what i shows the history of."""
        return None

    # -- what a pane reaches ------------------------------------------------------------
    @property
    def host(self) -> Host:
        return host_of(self)

    @property
    def workspace(self) -> Workspace:
        return self.host.workspace

    def today(self) -> date:
        return self.host.today()

    def empty_words(self, words: str) -> str:
        """What an empty list says: ``words`` ("No tasks yet — press n to add one"), unless the
        workspace file could not be read, when the pane is empty for that reason."""
        error = self.workspace.error
        return _("The workspace could not be read: {error}").format(error=error) if error is not None else words

    def write(self, action: Action, *, purpose: str = "") -> None:
        """Save ``action(workspace)`` in the write queue; this pane hears ``Saved`` or ``Refused``."""
        self.host.write(self, action, purpose=purpose)

    def open_form(
        self, table: str, *, record: Any = None, defaults: dict[str, Any] | None = None,
        then: Callable[[Any], None] | None = None,
    ) -> None:
        from tui.screens.record_form import open_form

        open_form(self, table, record=record, defaults=defaults, then=then)

    # -- what the app calls ---------------------------------------------------------------
    def on_mount(self) -> None:
        self.call_after_refresh(self._build_when_due)

    async def _build_when_due(self) -> None:
        """The shown pane builds just after the first frame; a hidden one once the data is in
        (a large file loads meanwhile, in the write worker), or when it is shown if sooner."""
        if self.display or self.workspace.loaded:
            await self._build()
        else:
            self._deferred = True

    async def _build(self) -> None:
        if self.built or self._building:
            return
        self._building = True
        await self.build()
        self.built = True
        self.refresh_data()
        if self._show_when_built is not None:
            self.show_record(self._show_when_built, self._item_when_built)
        elif self._focus_when_built:
            self.focus_default()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if not self.display:  # focused from code while hidden: as Textual's TabbedContent, show it
            self.post_message(self.Focused(self))

    def on_show(self) -> None:
        self.shown()

    def shown(self) -> None:
        """The pane is on show (the tab bar says so at once, Textual's Show comes after the frame):
        it builds if it waited, and re-reads the workspace if that changed meanwhile."""
        if self._deferred and not self.built:
            self.call_later(self._build)
        elif self._stale and self.built:
            self.refresh_data()

    def refresh_data(self) -> None:
        """Re-read the workspace; a hidden pane waits until it is shown (start-up paints sooner)."""
        if not self.built or not self.display:
            if self._deferred and not self.built and self.workspace.loaded:
                self.set_timer(BUILD_AFTER_DATA, self._build)  # once the data's first frame is out
            self._stale = True
            return
        self._stale = False
        self.refresh_content()

    def focus_default(self) -> None:
        self._focus_when_built = not self.built
        if self.built:
            self.focus_content()

    def show_record(self, record_id: str, item_id: str | None = None) -> None:
        """Select a record (the palette's "Jump to …"); ``item_id``: the agenda item or metric in it."""
        self._show_when_built = None if self.built else record_id
        self._item_when_built = None if self.built else item_id
        if not self.built:
            return
        if self._stale:
            self._stale = False
            self.refresh_content()
        if item_id is not None:
            self.show_item(record_id, item_id)
        else:
            self.show_content(record_id)


#: which pane shows a record of each table (agenda items show in their meeting, metrics in their objective)
PANE_OF_TABLE = {"objectives": "objectives", "meetings": "agenda", "feedback": "feedback", "tasks": "board"}


def shown_item(workspace: Workspace, table: str, record_id: str) -> str | None:
    """The part of a record a jump selects: the agenda item itself, the metric (a measurement's)."""
    if table in ("agenda_items", "metrics"):
        return record_id
    if table == "measurements":
        return str(workspace.get(table, record_id).metric_id)
    return None


def shown_in(workspace: Workspace, table: str, record_id: str) -> tuple[str, str]:
    """The pane that shows a record, and the record it shows for it (its meeting, its objective)."""
    if table == "agenda_items":
        table, record_id = "meetings", workspace.get(table, record_id).meeting_id
    elif table == "measurements":
        table, record_id = "metrics", workspace.get(table, record_id).metric_id
    if table == "metrics":
        table, record_id = "objectives", workspace.get(table, record_id).objective_id
    return PANE_OF_TABLE[table], record_id
