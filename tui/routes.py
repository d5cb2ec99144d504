"""Where the app's keys lead: the panes (`1`–`4`), a jump to a record, `F`, the runner, the Team,
help, and the global keys `0`, `!` and `i` (and the palette, and the header's conflict count);
which actions are off under a dialog, and which a read-only window refuses at the key.

``RoutedApp`` holds these actions, so ``AlineaApp`` (tui/app.py) only composes and routes
messages: the brief of the next meeting (or the meeting selected in the Agenda), the
conflicts review, the history of the record selected in the focused pane.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual import on
from textual.actions import ActionParseResult
from textual.app import App
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.screen import ModalScreen

from store.i18n import N_, _
from store.references import live, noun
from tui.panes.agenda import AgendaPane
from tui.panes.base import Pane, shown_in, shown_item
from tui.panes.feedback import give_feedback_about
from tui.readonly import refused_at_key
from tui.theme_picker import ThemedApp
from tui.widgets.pane_tabs import PaneTabs
from tui.widgets.record_link import JumpTo
from tui.writes import host_of

#: the app's keys for these (in the footer and in `?`, with ids a keymap can remap)
ROUTE_BINDINGS = [
    Binding("0", "open('brief')", N_("Brief"), id="app.brief",
            tooltip=N_("The brief: what changed since the last meeting")),
    Binding("i", "open('history')", N_("History"), id="app.history",
            tooltip=N_("Who changed the selected record, what and when")),
    Binding("exclamation_mark", "open('conflicts')", N_("Conflicts"), id="app.conflicts", key_display="!",
            tooltip=N_("Review the values a sync set aside")),
]
SELECT_FIRST = N_("Select a record first: i shows the history of the selected record.")


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
            app.notify(_(SELECT_FIRST), severity="warning")
            return
        show_history(app, *selected)


def focused_pane(app: App[Any]) -> Pane | None:
    """The pane holding the focus, else the pane on show."""
    focused = app.focused
    for node in focused.ancestors_with_self if focused is not None else ():
        if isinstance(node, Pane):
            return node
    try:
        active = app.query_one("#panes", PaneTabs).active_pane
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


#: app actions that make no sense while a form or dialog is open on top
MAIN_SCREEN_ACTIONS = frozenset({"show_pane", "undo_change", "sync_workspace", "quit_app", "feedback_about", "open"})


class RoutedApp(ThemedApp):
    """The app's actions that lead somewhere: a pane, a record in its pane, a screen."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in MAIN_SCREEN_ACTIONS and isinstance(self.screen, ModalScreen))

    async def run_action(self, action: str | ActionParseResult, default_namespace: DOMNode | None = None,
                         namespaces: Mapping[str, DOMNode] | None = None) -> bool:
        """Every key and palette command passes here: a read-only window refuses writes at the key."""
        if refused := refused_at_key(host_of(self).workspace, action if isinstance(action, str) else action[1]):
            self.notify(refused, title=_("Read-only"), severity="warning")
            return True
        return await super().run_action(action, default_namespace, namespaces)

    def pane(self, pane_id: str) -> Pane:
        return self.query_one(f"#{pane_id}", Pane)

    def action_show_pane(self, pane_id: str) -> None:
        self.query_one(PaneTabs).active = pane_id
        self.pane(pane_id).focus_default()

    @on(PaneTabs.Switched)
    def _tab_activated(self, event: PaneTabs.Switched) -> None:
        """The pane on show is up to date in its first frame; a click on its tab (or left / right
        on the tab bar) leads the focus into it."""
        pane = event.pane
        if not isinstance(pane, Pane):
            return
        pane.shown()
        if self.focused is not None and pane not in self.focused.ancestors:
            self.call_after_refresh(pane.focus_default)

    @on(Pane.Focused)
    def _focused_in_hidden_pane(self, event: Pane.Focused) -> None:
        if event.pane.id is not None:
            self.query_one(PaneTabs).active = event.pane.id

    @on(JumpTo)
    def _jump(self, event: JumpTo) -> None:
        self.action_jump_to(event.table, event.record_id)

    def action_jump_to(self, table: str, record_id: str) -> None:
        """Show a record in its pane (the palette's "Jump to …", a link's enter): an agenda item
        or a metric selected in its meeting or objective; a deleted record says so."""
        workspace = host_of(self).workspace
        if live(workspace, table, record_id) is None:
            self.notify(_("That {noun} was deleted: there is nothing to show.").format(noun=noun(table)),
                        severity="warning")
        elif table == "members":
            self.action_show_team(select=record_id)
        else:
            pane_id, shown_id = shown_in(workspace, table, record_id)
            self.action_show_pane(pane_id)
            self.pane(pane_id).show_record(shown_id, shown_item(workspace, table, record_id))

    def action_feedback_about(self) -> None:
        give_feedback_about(self, self.pane(self.query_one(PaneTabs).active))

    @on(AgendaPane.RunRequested)
    def _run_meeting(self, event: AgendaPane.RunRequested) -> None:
        self.action_run_meeting(event.meeting_id)

    def action_open(self, what: str) -> None:
        open_screen(self, what)

    def action_show_help(self) -> None:
        from tui.screens.help import HelpScreen, help_rows

        self.push_screen(HelpScreen(help_rows(self)))

    def action_show_team(self, select: str | None = None) -> None:
        """The Team screen: members by department (``select``: the member to highlight)."""
        from tui.screens.team import TeamScreen

        self.push_screen(TeamScreen(select=select))

    def action_run_meeting(self, meeting_id: str = "") -> None:
        """The meeting runner on ``meeting_id`` (none: the running or next meeting)."""
        from tui.screens.runner import run_meeting

        run_meeting(self, meeting_id)
