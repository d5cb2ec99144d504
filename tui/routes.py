"""Where the global keys `0`, `!` and `i` (and the palette, and the header's conflict count) lead.

The app forwards ``action_open(what)`` here, so it stays a router: the brief of the next
meeting (or the meeting selected in the Agenda), the conflicts review, the history of the
record selected in the focused pane.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.css.query import NoMatches
from textual.widgets import TabbedContent

from tui.panes.base import Pane
from tui.writes import host_of

if TYPE_CHECKING:
    from textual.app import App

#: the app's keys for these (in the footer and in `?`, with ids a keymap can remap)
ROUTE_BINDINGS = [
    Binding("0", "open('brief')", "Brief", id="app.brief", tooltip="The brief: what changed since the last meeting"),
    Binding("i", "open('history')", "History", id="app.history",
            tooltip="Who changed the selected record, what and when"),
    Binding("exclamation_mark", "open('conflicts')", "Conflicts", id="app.conflicts", key_display="!",
            tooltip="Review the values a sync set aside"),
]
SELECT_FIRST = "Select a record first: i shows the history of the selected record."


def open_screen(app: App[Any], what: str) -> None:
    """``what``: "brief", "export_brief", "conflicts" or "history"."""
    if what == "brief":
        from tui.screens.brief import BriefScreen

        app.push_screen(BriefScreen(meeting_id=selected_meeting(app)))
    elif what == "export_brief":
        from tui.screens.brief import export_brief

        export_brief(app, selected_meeting(app))
    elif what == "conflicts":
        from tui.screens.conflicts import ConflictsScreen

        app.push_screen(ConflictsScreen())
    elif what == "history":
        selected = selected_record(app)
        if selected is None:
            app.notify(SELECT_FIRST, severity="warning")
            return
        show_history(app, *selected)


def focused_pane(app: App[Any]) -> Pane | None:
    """The pane holding the focus, else the pane on show."""
    focused = app.focused
    for node in focused.ancestors_with_self if focused is not None else ():
        if isinstance(node, Pane):
            return node
    try:
        active = app.query_one("#panes", TabbedContent).active_pane
    except NoMatches:  # no panes on this screen
        return None
    return active if isinstance(active, Pane) else None


def selected_record(app: App[Any]) -> tuple[str, str] | None:
    pane = focused_pane(app)
    return pane.selected_record() if pane is not None else None


def selected_meeting(app: App[Any]) -> str | None:
    """The meeting selected in the Agenda pane when it is the one on show (else None: the next meeting)."""
    pane = focused_pane(app)
    if pane is None or pane.id != "agenda":
        return None
    selected = pane.selected_record()
    if selected is None:
        return None
    table, record_id = selected
    if table == "agenda_items":
        item = host_of(app).workspace.lookup(table, record_id)
        return item.meeting_id if item is not None else None
    return record_id if table == "meetings" else None


def show_history(app: App[Any], table: str, record_id: str) -> None:
    """The history screen of one record (a deleted record still has its history)."""
    from store.history import names_in
    from tui.screens.history import HistoryScreen

    workspace = host_of(app).workspace
    record = workspace.lookup(table, record_id)
    title = record.label if record is not None else record_id[:8]
    app.push_screen(HistoryScreen(workspace.folder, record_id, title, names=names_in(workspace), now=workspace.clock))
