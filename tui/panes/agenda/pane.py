"""The Agenda pane: the meetings at the left, the selected meeting's agenda at the right.

Prepare the next alignment meeting from the keyboard: plan a meeting (``n``, the next free
slot of its series by default), type its items in the quick-add line (``a``), reorder them
(``J`` / ``K``), take proposals from the objectives (``o``) and the feedback (``f``), plan
the next meeting of the series (``N``), pull what the last one left open (``p``) and export
it (``x``). The rules are the store's (store.agenda, store.quickadd, store.proposals,
store.carry, store.export); this pane shows them and asks for writes through the Host. The app
opens on the Board: they are imported where they are used, so its first frame does without them.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import datetime, time, timedelta, timezone
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

from store.i18n import N_, _, ngettext
from store.text import printable
from tui.panes.agenda.quick_add import QuickAddLine
from tui.panes.base import Pane
from tui.widgets.virtual_list import LazySequence, VirtualList
from tui.writes import Refused, Saved

if TYPE_CHECKING:
    from datetime import date

    from store.models import AgendaItem, Meeting, Member, Objective
    from store.proposals import Proposal
    from store.quickadd import ParsedItem
    from store.workspace import Workspace

NO_MEETINGS = N_("No meetings yet — press n to plan the first one")
NO_ITEMS = N_("No agenda items yet — press a to type the first one (o proposes from objectives, f from feedback)")
NO_MEETING = N_("No meeting selected — press n to plan one")
PAST = "__past__"  # the row that folds the past meetings
#: what showing the pane reads, imported as it is built (once the data is in, while nothing
#: waits) rather than before the app's first frame or on the key that shows it
BUILT_WITH = ("store.agenda", "store.proposals", "tui.panes.agenda.rows")


def now_for(today: date) -> datetime:
    """The moment the pane lives in: now, or noon of a fixed ``today`` (tests, snapshots)."""
    real = datetime.now(timezone.utc)
    if real.astimezone().date() == today:
        return real
    return datetime.combine(today, time(12, 0)).astimezone().astimezone(timezone.utc)


def default_start(now: datetime) -> datetime:
    """A meeting with no series: the next weekday at 09:30."""
    day = now.astimezone().date() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, time(9, 30)).astimezone().astimezone(timezone.utc)


class MeetingList(VirtualList):
    BINDING_GROUP_TITLE = N_("Meetings")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", N_("Down"), show=False, id="agenda.meeting_down", tooltip=N_("Next meeting")),
        Binding("k,up", "cursor_up", N_("Up"), show=False, id="agenda.meeting_up", tooltip=N_("Previous meeting")),
    ]


class ItemList(VirtualList):
    BINDING_GROUP_TITLE = N_("Agenda items")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", N_("Down"), show=False, id="agenda.item_down", tooltip=N_("Next agenda item")),
        Binding("k,up", "cursor_up", N_("Up"), show=False, id="agenda.item_up", tooltip=N_("Previous agenda item")),
    ]


class AgendaPane(Pane):
    """Meetings, and the agenda builder of the selected one."""

    BINDING_GROUP_TITLE = N_("Agenda")
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "agenda--title", "agenda--heading", "agenda--when", "agenda--muted", "agenda--label", "agenda--accent",
        "agenda--warning", "agenda--bad", "agenda--good", "agenda--proposal",
    }
    DEFAULT_CSS = """
    AgendaPane {
        padding: 0;
        & > .agenda--title { text-style: bold; }
        & > .agenda--heading { text-style: bold; color: $text; }
        & > .agenda--when { color: $text-accent; }
        & > .agenda--muted { color: $text-muted; }
        & > .agenda--label { color: $text-muted; text-style: bold; }
        & > .agenda--accent { color: $text-accent; }
        & > .agenda--warning { color: $text-warning; text-style: bold; }
        & > .agenda--bad { color: $text-error; text-style: bold; }
        & > .agenda--good { color: $text-success; }
        & > .agenda--proposal { color: $text-secondary; text-style: italic; }
        & #agenda-body { height: 1fr; }
        & #agenda-meetings { width: 2fr; max-width: 56; min-width: 30; margin: 0 1 0 0; }
        & #agenda-detail { width: 3fr; }
        & .agenda-caption {
            height: 1; padding: 0 1; background: $panel; color: $text-muted; text-style: bold;
            text-wrap: nowrap; text-overflow: ellipsis;
        }
        & #meeting-header { height: 4; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
        & #agenda-totals { height: 2; padding: 0 1; background: $panel; text-wrap: nowrap; text-overflow: ellipsis; }
        & MeetingList, & ItemList { padding: 0 0 0 1; }
    }
    /* Rules on the columns themselves, so Textual restyles their captions when focus enters. */
    #agenda-meetings:focus-within, #agenda-detail:focus-within { background: $surface; }
    #agenda-meetings:focus-within > .agenda-caption, #agenda-detail:focus-within > .agenda-caption {
        background: $primary;
        color: $text;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_meeting", N_("New meeting"), id="agenda.new",
                tooltip=N_("Plan a meeting (the next free slot of its series)")),
        Binding("a", "quick_add", N_("Add items"), id="agenda.quick_add",
                tooltip=N_("Type agenda items in the quick-add line")),
        Binding("e", "edit", N_("Edit"), id="agenda.edit", tooltip=N_("Edit the selected meeting or agenda item")),
        Binding("d", "delete", N_("Delete"), id="agenda.delete",
                tooltip=N_("Delete the meeting or item, or drop a proposal (u undoes)")),
        Binding("tab", "switch_side", N_("Meetings ⇄ agenda"), id="agenda.switch", show=False,
                tooltip=N_("Move between the meetings and the agenda")),
        Binding("J,ctrl+down", "move_item(1)", N_("Move down"), id="agenda.move_down", show=False,
                tooltip=N_("Move the agenda item down")),
        Binding("K,ctrl+up", "move_item(-1)", N_("Move up"), id="agenda.move_up", show=False,
                tooltip=N_("Move the agenda item up")),
        Binding("S", "toggle_standing", N_("Standing"), id="agenda.standing", show=False,
                tooltip=N_("Mark the agenda item standing (copied into every next meeting of the series), or not")),
        Binding("o", "propose('objectives')", N_("From objectives"), id="agenda.propose_objectives", show=False,
                tooltip=N_("Propose items for the meeting's objectives at risk, off track or behind pace")),
        Binding("f", "propose('feedback')", N_("From feedback"), id="agenda.propose_feedback", show=False,
                tooltip=N_("Propose items for open feedback about the meeting or its objectives")),
        Binding("N", "next_meeting", N_("Next of series"), id="agenda.next_meeting", show=False,
                tooltip=N_("Plan the next meeting of the series, with its standing items")),
        Binding("p", "pull_items", N_("Pull open items"), id="agenda.pull", show=False,
                tooltip=N_("Pull the open items of the previous meeting of the series")),
        Binding("x", "export_meeting", N_("Export"), id="agenda.export",
                tooltip=N_("Save the agenda (the minutes of a past meeting) as Markdown in exports/")),
        Binding("r", "run_meeting", N_("Run"), id="agenda.run", tooltip=N_("Run the selected meeting")),
    ]

    class RunRequested(Message):
        """The person asked to run a meeting (``r``): the app opens the meeting runner."""

        def __init__(self, meeting_id: str) -> None:
            super().__init__()
            self.meeting_id = meeting_id

    def __init__(self, title: str = N_("Agenda"), *, id: str = "agenda") -> None:  # noqa: A002
        super().__init__(title, id=id)
        self.past_open = False
        self._rows: list[str] = []  # meeting ids of the left list, PAST for the fold
        self._meetings: dict[str, Meeting] = {}
        self._upcoming: list[str] = []
        self._past: list[str] = []
        self._agendas: dict[str, list[AgendaItem]] = {}
        self._members: dict[str, Member] = {}
        self._objectives: dict[str, Objective] = {}
        self._proposals: dict[str, list[Proposal]] = defaultdict(list)
        self._entries: list[AgendaItem | Proposal] = []  # the right list: items, then proposals
        self._shown: str | None = None  # the meeting shown at the right
        self._select_item: str | None = None  # an item to select once it shows
        self._added_line = ""  # the quick-add line being saved
        self._follow_pending = False  # the agenda is to follow the meeting list's cursor after the frame

    def compose(self) -> ComposeResult:
        yield Static(_("Loading the workspace…"), id="agenda-status", classes="agenda-caption", markup=False)

    async def build(self) -> None:
        for module in BUILT_WITH:
            importlib.import_module(module)
        await self.query_one("#agenda-status").remove()
        meetings = Vertical(
            Static(_("Meetings"), classes="agenda-caption", id="meetings-caption", markup=False),
            MeetingList(item_height=2, gap=0, empty_text=_(NO_MEETINGS), id="meeting-list"),
            id="agenda-meetings",
        )
        detail = Vertical(
            Static(_("Agenda"), classes="agenda-caption", id="agenda-caption", markup=False),
            Static(_(NO_MEETING), id="meeting-header", markup=False),
            ItemList(item_height=2, gap=0, empty_text=_(NO_ITEMS), id="item-list"),
            QuickAddLine(self._parse, id="quick-add"),
            Static("", id="agenda-totals", markup=False),
            id="agenda-detail",
        )
        await self.mount(Horizontal(meetings, detail, id="agenda-body"))

    # -- widgets ----------------------------------------------------------------------
    @property
    def meeting_list(self) -> MeetingList:
        return self.query_one(MeetingList)

    @property
    def item_list(self) -> ItemList:
        return self.query_one(ItemList)

    @property
    def quick_add(self) -> QuickAddLine:
        return self.query_one(QuickAddLine)

    def focus_content(self) -> None:
        self.meeting_list.focus()

    # -- reading ----------------------------------------------------------------------
    @property
    def tz(self) -> Any:
        return None  # the person's local time

    def now(self) -> datetime:
        return now_for(self.today())

    @property
    def selected_meeting(self) -> Meeting | None:
        if self._follow_pending:  # a key acts on the meeting under the cursor, even before its frame
            self._follow_cursor()
        return self._meetings.get(self._shown) if self._shown else None

    @property
    def selected_entry(self) -> AgendaItem | Proposal | None:
        if not self._entries:
            return None
        return self._entries[min(self.item_list.cursor, len(self._entries) - 1)]

    @property
    def agenda(self) -> list[AgendaItem]:
        return self._agendas.get(self._shown or "", [])

    def refresh_content(self) -> None:
        workspace = self.workspace
        if not workspace.loaded:
            self.meeting_list.empty_text = _("Loading…")
            return
        self.meeting_list.empty_text = _(NO_MEETINGS)
        self._members = {m.id: m for m in workspace.records("members", include_deleted=True)}
        self._objectives = {o.id: o for o in workspace.records("objectives", include_deleted=True)}
        from store.agenda import agenda_of, group_meetings

        items: dict[str, list[AgendaItem]] = defaultdict(list)
        for item in workspace.records("agenda_items"):
            items[item.meeting_id].append(item)
        self._agendas = {meeting_id: agenda_of(found, meeting_id) for meeting_id, found in items.items()}
        groups = group_meetings(workspace.records("meetings"), self.now())
        self._meetings = {m.id: m for m in (*groups.upcoming, *groups.past)}
        self._upcoming = [m.id for m in groups.upcoming]
        self._past = [m.id for m in groups.past]
        keep = self._row_meeting(self.meeting_list.cursor) if self._follow_pending else self._shown
        if keep is not None and keep in self._past and not self.past_open and keep not in self._rows:
            keep = None
        self._show_rows(select=keep)

    def _show_rows(self, select: str | None = None) -> None:
        """Fill the meeting list (upcoming, the fold, past ones when open), selecting ``select``."""
        from store.agenda import fill
        from tui.panes.agenda.rows import PastHeader, meeting_lines, past_lines

        rows = list(self._upcoming)
        if self._past:
            rows.append(PAST)
            if self.past_open:
                rows += self._past
        self._rows = rows
        now, tz, members = self.now(), self.tz, self._members

        def lines(index: int) -> Any:
            row = rows[index]
            if row == PAST:
                return past_lines(PastHeader(len(self._past), self.past_open))
            meeting = self._meetings[row]
            return meeting_lines(meeting, fill(meeting, self._agendas.get(row, [])), members, tz, now)

        cursor = rows.index(select) if select in rows else None
        self.meeting_list.set_items(LazySequence(len(rows), lines), cursor=cursor)
        caption = _("Meetings  {upcoming} upcoming · {past} past").format(
            upcoming=len(self._upcoming), past=len(self._past))
        self.query_one("#meetings-caption", Static).update(caption)
        self._show_meeting(self._row_meeting(self.meeting_list.cursor))

    def _row_meeting(self, index: int) -> str | None:
        if not self._rows or not 0 <= index < len(self._rows):
            return None
        row = self._rows[index]
        return None if row == PAST else row

    def _show_meeting(self, meeting_id: str | None) -> None:
        """Paint the right side for a meeting (None: the empty state).

        Runs on every j / k in the meetings: the header, captions and totals have fixed
        heights, so their updates skip the layout pass (the bulk of a key's cost otherwise)."""
        from store.agenda import airtime, attendees_by_department, fill, item_starts
        from tui.panes.agenda.rows import header_lines, item_lines, listeners, proposal_lines, totals_lines

        changed = meeting_id != self._shown
        self._shown = meeting_id
        meeting = self.selected_meeting
        header = self.query_one("#meeting-header", Static)
        totals = self.query_one("#agenda-totals", Static)
        if meeting is None:
            self._entries = []
            header.update(_(NO_MEETING) if not self._rows else _("Choose a meeting — j / k, enter"), layout=False)
            totals.update("", layout=False)
            self.item_list.empty_text = ""
            self.item_list.set_items([], cursor=0)
            self.query_one("#agenda-caption", Static).update(_("Agenda"), layout=False)
            return
        ordered = self.agenda
        self.item_list.empty_text = _(NO_ITEMS)
        proposals = self._proposals.get(meeting.id, [])
        self._entries = [*ordered, *proposals]
        starts = item_starts(meeting, ordered)
        members, objectives, tz = self._members, self._objectives, self.tz
        count = len(ordered)

        def lines(index: int) -> Any:
            if index < count:
                item, start = starts[index]
                return item_lines(index + 1, item, start, members, objectives, tz)
            return proposal_lines(proposals[index - count], members)

        cursor: int | None = 0 if changed else None
        if self._select_item is not None:
            wanted = self._select_item
            found = next((i for i, entry in enumerate(self._entries) if getattr(entry, "id", None) == wanted), None)
            if found is not None:
                cursor, self._select_item = found, None
        self.item_list.set_items(LazySequence(len(self._entries), lines), cursor=cursor)
        header.update(header_lines(meeting, members, objectives, tz, self.now()), layout=False)
        shares = airtime(ordered, members)
        silent = listeners(attendees_by_department(meeting, members), shares)
        totals.update(totals_lines(fill(meeting, ordered), shares, len(proposals), silent), layout=False)
        caption = ngettext("Agenda  {count} item", "Agenda  {count} items", count).format(count=count)
        self.query_one("#agenda-caption", Static).update(caption, layout=False)

    @on(VirtualList.Highlighted, "#meeting-list")
    def _meeting_highlighted(self, event: VirtualList.Highlighted) -> None:
        """The cursor's frame goes out first; the meeting's agenda follows in the next one (keys
        pressed meanwhile are skipped over: the agenda shown is the last meeting's)."""
        event.stop()
        if not self._follow_pending:
            self._follow_pending = True
            self.call_after_refresh(self._follow_cursor)

    def _follow_cursor(self) -> None:
        """Show the agenda of the meeting under the cursor, if it is not the one shown."""
        self._follow_pending = False
        if not self.built:
            return
        meeting_id = self._row_meeting(self.meeting_list.cursor)
        if meeting_id != self._shown:
            self._show_meeting(meeting_id)

    @on(VirtualList.Highlighted, "#item-list")
    def _item_highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()

    @on(VirtualList.Selected, "#meeting-list")
    def _meeting_chosen(self, event: VirtualList.Selected) -> None:
        """enter: on the fold, open or close the past; on a meeting, go to its agenda."""
        event.stop()
        if self._rows and self._rows[event.index] == PAST:
            self.past_open = not self.past_open
            self._show_rows(select=PAST)
        elif self._shown:
            self.item_list.focus()

    @on(VirtualList.Selected, "#item-list")
    def _item_chosen(self, event: VirtualList.Selected) -> None:
        """enter: accept a proposal; edit an item."""
        from store.proposals import Proposal

        event.stop()
        entry = self.selected_entry
        if entry is None:
            return
        if isinstance(entry, Proposal):
            self._accept(entry)
        else:
            self._edit_item(entry)

    def selected_record(self) -> tuple[str, str] | None:
        """The agenda item under the cursor while the agenda has the focus, else the meeting shown
        (what `i` shows the history of, `F` gives feedback about, `0` makes the brief of)."""
        from store.proposals import Proposal

        if not self.built:
            return None
        entry = self.selected_entry if self._on_agenda else None
        if entry is not None and not isinstance(entry, Proposal):
            return ("agenda_items", entry.id)
        meeting = self.selected_meeting
        return ("meetings", meeting.id) if meeting is not None else None

    def show_content(self, record_id: str) -> None:
        """Select a meeting (the palette's "Jump to …")."""
        self.select_meeting(record_id)
        self.meeting_list.focus()

    def show_item(self, record_id: str, item_id: str) -> None:
        """Select a meeting with one of its agenda items under the cursor (a jump to the item)."""
        self._select_item = item_id
        self.select_meeting(record_id)
        self.item_list.focus()

    def select_meeting(self, meeting_id: str) -> None:
        if meeting_id in self._past and not self.past_open:
            self.past_open = True
        if meeting_id not in self._meetings:
            self.refresh_content()
        self._show_rows(select=meeting_id)

    # -- keys -------------------------------------------------------------------------
    def _writable(self) -> bool:
        """Refuse a change at the key in a read-only workspace, saying why."""
        workspace = self.workspace
        if workspace.read_only:
            self.notify(_("The workspace is read-only because {reason}.").format(reason=workspace.read_only_reason),
                        title=_("Read-only"), severity="warning")
            return False
        return True

    def _need_meeting(self) -> Meeting | None:
        meeting = self.selected_meeting
        if meeting is None:
            self.notify(_("Choose a meeting first — or press n to plan one"), severity="warning")
        return meeting

    @property
    def _on_agenda(self) -> bool:
        focused = self.app.focused
        return focused is not None and (focused is self.item_list or self.quick_add in focused.ancestors_with_self)

    def action_switch_side(self) -> None:
        if self.meeting_list.has_focus:
            self.item_list.focus()
        else:
            self.meeting_list.focus()

    def action_new_meeting(self) -> None:
        if not self._writable():
            return
        self.open_form("meetings", defaults=self._new_meeting_defaults(), then=self._meeting_form_closed)

    def _new_meeting_defaults(self) -> dict[str, Any]:
        """The next free slot of the selected meeting's series, with its people and objectives."""
        workspace, now = self.workspace, self.now()
        shown = self.selected_meeting
        series = shown.series if shown is not None and shown.series else None
        from store.agenda import default_series, plan_next_meeting, series_meetings

        if series is None:
            series = default_series(workspace.records("meetings"), now)
        meetings = workspace.records("meetings", include_deleted=True)
        if series and series_meetings(meetings, series):
            plan = plan_next_meeting(meetings, [], series, now, self.tz)
            return dict(plan.meeting)
        me = workspace.me
        return {"starts_at": default_start(now), "duration_min": 45, "attendee_ids": [me.id] if me else []}

    def _meeting_form_closed(self, saved: Meeting | None) -> None:
        if saved is not None:
            self.select_meeting(saved.id)
        self.meeting_list.focus()

    def action_edit(self) -> None:
        from store.proposals import Proposal

        if self._on_agenda:
            entry = self.selected_entry
            if entry is None:
                self.notify(_("No agenda item here — press a to add one"), severity="warning")
            elif isinstance(entry, Proposal):
                self._accept(entry)
            else:
                self._edit_item(entry)
            return
        meeting = self._need_meeting()
        if meeting is not None:
            self.open_form("meetings", record=meeting, then=self._meeting_form_closed)

    def _edit_item(self, item: AgendaItem) -> None:
        def closed(saved: AgendaItem | None) -> None:
            if saved is not None:
                self._select_item = saved.id
                self.refresh_data()
            self.item_list.focus()

        self.open_form("agenda_items", record=self.workspace.get("agenda_items", item.id), then=closed)

    def action_delete(self) -> None:
        from store.proposals import Proposal

        if self._on_agenda:
            entry = self.selected_entry
            if entry is None:
                return
            if isinstance(entry, Proposal):
                self._drop(entry)
            elif self._writable():
                item_id = entry.id
                self.write(lambda ws: ws.delete("agenda_items", item_id), purpose="delete_item")
            return
        meeting = self.selected_meeting
        if meeting is not None and self._writable():
            meeting_id = meeting.id
            self.write(lambda ws: ws.delete("meetings", meeting_id), purpose="delete_meeting")

    def action_move_item(self, step: int) -> None:
        from store.proposals import Proposal

        entry = self.selected_entry
        if not self._on_agenda or entry is None or isinstance(entry, Proposal) or not self._writable():
            return
        from store.agenda import move_down, move_up

        moves = (move_down if step > 0 else move_up)(self.agenda, entry.id)
        if not moves:
            return
        moved = entry.id

        def write(ws: Workspace) -> str:
            for item_id, position in moves.items():
                ws.update("agenda_items", item_id, position=position)
            return moved

        self.write(write, purpose="move")

    def action_toggle_standing(self) -> None:
        from store.proposals import Proposal

        entry = self.selected_entry
        if not self._on_agenda or entry is None or isinstance(entry, Proposal) or not self._writable():
            return
        item_id, standing = entry.id, not entry.standing
        self.write(lambda ws: ws.update("agenda_items", item_id, standing=standing), purpose="standing")

    # -- the quick-add line -----------------------------------------------------------
    def _parse(self, line: str) -> ParsedItem:
        from store.quickadd import parse_item_line

        members = [m for m in self._members.values() if not m.deleted]
        objectives = [o for o in self._objectives.values() if not o.deleted]
        return parse_item_line(line, members, objectives)

    def action_quick_add(self) -> None:
        if self._need_meeting() is None or not self._writable():
            return
        self.quick_add.open(self._parse)

    @on(QuickAddLine.Submitted)
    def _quick_added(self, event: QuickAddLine.Submitted) -> None:
        event.stop()
        meeting = self._need_meeting()
        if meeting is None or not self._writable():
            return
        fields = {**event.parsed.fields(), "meeting_id": meeting.id}
        self._added_line = event.line
        self.write(lambda ws: ws.create("agenda_items", **fields), purpose="add_item")

    @on(QuickAddLine.Closed)
    def _quick_closed(self, event: QuickAddLine.Closed) -> None:
        event.stop()
        self.item_list.focus()

    # -- proposals --------------------------------------------------------------------
    def action_propose(self, source: str) -> None:
        meeting = self._need_meeting()
        if meeting is None:
            return
        from tui.panes.agenda import proposing

        found = (proposing.from_objectives if source == "objectives" else proposing.from_feedback)(
            self.workspace, meeting, self.today()
        )
        shown = self._proposals[meeting.id]
        new = [p for p in found if p not in shown]
        if not new:
            self.notify(_nothing_to_propose(source, bool(found)))
            return
        shown.extend(new)
        self._show_meeting(meeting.id)
        self.item_list.cursor = len(self.agenda) + len(shown) - len(new)
        self.item_list.focus()
        self.notify(ngettext("{count} proposal at the end of the agenda: enter adds one, d drops it",
                             "{count} proposals at the end of the agenda: enter adds one, d drops it",
                             len(new)).format(count=len(new)))

    def _accept(self, proposal: Proposal) -> None:
        meeting = self.selected_meeting
        if meeting is None or not self._writable():
            return
        fields = proposal.fields(meeting.id)
        self._proposals[meeting.id].remove(proposal)
        self.write(lambda ws: ws.create("agenda_items", **fields), purpose="accept")

    def _drop(self, proposal: Proposal) -> None:
        if self._shown is None:
            return
        self._proposals[self._shown].remove(proposal)
        self._show_meeting(self._shown)

    # -- series -----------------------------------------------------------------------
    def action_next_meeting(self) -> None:
        meeting = self._need_meeting()
        if meeting is None or not self._writable():
            return
        if not meeting.series:
            self.notify(_("“{title}” belongs to no series: give it one with e, then N plans the next").format(
                title=printable(meeting.title)), severity="warning")
            return
        from store.carry import create_next_meeting

        series, now, tz = meeting.series, self.now(), self.tz
        self.write(lambda ws: create_next_meeting(ws, series, now, tz), purpose="next_meeting")

    def action_pull_items(self) -> None:
        meeting = self._need_meeting()
        if meeting is None or not self._writable():
            return
        from store.carry import pull_open_items

        meeting_id = meeting.id
        self.write(lambda ws: pull_open_items(ws, meeting_id), purpose="pull")

    # -- sharing ----------------------------------------------------------------------
    def action_export_meeting(self, document: str = "", fmt: str = "md") -> None:
        """Save the agenda (for a past meeting, the minutes) in exports/; say where."""
        meeting = self._need_meeting()
        if meeting is None:
            return
        from store.agenda import is_upcoming

        document = document or ("agenda" if is_upcoming(meeting, self.now()) else "minutes")
        tz = self.tz

        def export(ws: Workspace) -> tuple[str, str]:
            from store.export.files import meeting_file_name, save_export

            if document == "agenda":
                from store.export.agenda import export_agenda as export_document
            else:
                from store.export.minutes import export_minutes as export_document
            payload = export_document(ws, meeting, fmt, tz)
            name = meeting_file_name(meeting.title, meeting.starts_at, document, fmt, tz)
            return document, str(save_export(ws.folder, name, payload))

        self.write(export, purpose="export")

    def palette_commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        """The exports of the selected meeting, for the command palette."""
        for name, document, fmt in (
            (_("Export agenda as Markdown"), "agenda", "md"),
            (_("Export agenda as HTML"), "agenda", "html"),
            (_("Export agenda as calendar event"), "agenda", "ics"),
            (_("Export minutes as Markdown"), "minutes", "md"),
            (_("Export minutes as HTML"), "minutes", "html"),
        ):
            yield name, partial(self.action_export_meeting, document, fmt), _("the selected meeting, to exports/")

    def action_run_meeting(self) -> None:
        meeting = self._need_meeting()
        if meeting is not None:
            self.post_message(self.RunRequested(meeting.id))

    # -- answers ----------------------------------------------------------------------
    @on(Saved)
    def _saved(self, event: Saved) -> None:
        event.stop()
        purpose, result = event.purpose, event.result
        if purpose in ("add_item", "accept", "move"):
            self._select_item = result if isinstance(result, str) else result.id
            self.refresh_data()
            if purpose == "add_item":
                self.quick_add.clear(added=self._added_line)
            elif purpose == "accept":
                self.notify(_("Added “{title}” to the agenda").format(title=printable(result.title)))
        elif purpose == "standing":
            self._select_item = result.id
            self.refresh_data()
            words = (_("“{title}” is standing: every next meeting of the series gets it") if result.standing
                     else _("“{title}” is no longer standing"))
            self.notify(words.format(title=printable(result.title)))
        elif purpose == "delete_item":
            self.refresh_data()
            self.notify(_("Deleted “{title}” — u brings it back").format(title=printable(result.title)))
        elif purpose == "delete_meeting":
            self.refresh_data()
            self.notify(_("Deleted the meeting “{title}” — u brings it back").format(title=printable(result.title)))
        elif purpose == "next_meeting":
            self.select_meeting(result.id)
            standing = len(self._agendas.get(result.id, []))
            from store.agenda import when_label

            title, when = printable(result.title), when_label(result.starts_at, self.tz)
            if standing:
                self.notify(ngettext("Planned “{title}” on {when} with {count} standing item",
                                     "Planned “{title}” on {when} with {count} standing items",
                                     standing).format(title=title, when=when, count=standing))
            else:
                self.notify(_("Planned “{title}” on {when}").format(title=title, when=when))
        elif purpose == "pull":
            self.refresh_data()
            if result.carried:
                self.notify(ngettext("Pulled {count} open item from the previous meeting of the series",
                                     "Pulled {count} open items from the previous meeting of the series",
                                     result.carried).format(count=result.carried))
            else:
                self.notify(_("Nothing to pull: the previous meeting of the series left no open item not carried yet"))
        elif purpose == "export":
            document, path = result
            words = _("Saved the agenda to {path}") if document == "agenda" else _("Saved the minutes to {path}")
            self.notify(words.format(path=path), title=_("Exported"), timeout=10)

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        if event.purpose == "accept":
            self.refresh_data()  # the proposal is gone from the list; the refusal bubbles up to be said


def _nothing_to_propose(source: str, shown_already: bool) -> str:
    if shown_already:
        return _("Those proposals are on the agenda already, marked ✚")
    if source == "objectives":
        return _("Nothing to propose: no objective of this meeting is at risk, off track or behind pace "
                 "(or the agenda already covers it)")
    return _("Nothing to propose: no open feedback about this meeting, its items or its objectives")
