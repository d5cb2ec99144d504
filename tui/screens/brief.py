"""The brief: what changed since the last meeting, read before the next one (key `0`).

``store.brief.build_brief`` takes about a second on a large workspace, so it runs in a
thread worker that posts one message; the screen says "Preparing the brief…" meanwhile.
Each line names its record: `enter` shows it in its pane (a conflict opens the review
screen on it), `x` writes the brief as Markdown to the workspace's ``exports/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from store.i18n import N_, _
from store.text import printable
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.virtual_list import Item, VirtualList
from tui.writes import host_of

if TYPE_CHECKING:
    from textual.app import App

    from store.brief import Brief
    from store.workspace import Workspace

PREPARING = N_("Preparing the brief…")
_TONES = {"good": ".brief-list--good", "bad": ".brief-list--bad"}


@dataclass(frozen=True)
class Row:
    """One row of the list: a section heading (no record) or a line about a record."""

    text: str
    table: str = ""
    record_id: str = ""
    tone: str = ""

    @property
    def heading(self) -> bool:
        return not self.table


def brief_rows(brief: Brief, now: datetime) -> list[Row]:
    """The brief as rows: the meeting's agenda first, then each section with its lines or its empty words."""
    from store.agenda import when_label

    rows: list[Row] = []
    meeting = brief.meeting
    if meeting is not None:
        rows.append(Row(_("Agenda of {title}, {when}").format(title=meeting.title,
                                                              when=when_label(meeting.starts_at, now=now))))
        minutes = {"planned": brief.agenda_minutes, "length": brief.meeting_minutes, "over": brief.over_by}
        fill = (_("{planned} of {length} minutes planned, {over} over") if brief.over_by
                else _("{planned} of {length} minutes planned")).format(**minutes)
        rows.append(Row(fill, "meetings", meeting.id, "bad" if brief.over_by else ""))
        if brief.airtime:
            airtime = " · ".join(_("{name} {minutes} min").format(name=name, minutes=minutes)
                                 for name, minutes in brief.airtime)
            rows.append(Row(_("Airtime: {airtime}").format(airtime=airtime), "meetings", meeting.id))
    for section in brief.sections:
        rows.append(Row(f"{section.title} ({len(section.lines)})"))
        if not section.lines:
            rows.append(Row(section.empty, "", "", "empty"))
        rows.extend(Row(line.text, line.table, line.record_id, line.tone) for line in section.lines)
    return rows


def _item(row: Row) -> Item:
    text = printable(row.text)
    if row.heading and row.tone == "empty":
        return (Content.styled(f"  {text}", ".brief-list--muted"),)
    if row.heading:
        return (Content.styled(text, ".brief-list--heading"),)
    tone = _TONES.get(row.tone)
    return (Content("  ") + (Content.styled(text, tone) if tone else Content(text)),)


def brief_title(brief: Brief, now: datetime) -> str:
    from store.agenda import when_label

    if brief.meeting is None:
        return _("Brief: the last 7 days (no meeting planned)")
    return _("Brief for {title}, {when}").format(title=brief.meeting.title,
                                                 when=when_label(brief.meeting.starts_at, now=now))


def brief_since(brief: Brief) -> str:
    from store.dates import moment_label

    if brief.previous is not None:
        return _("What changed since {title} ({when}), as of {now}").format(
            title=brief.previous.title, when=moment_label(brief.previous.starts_at), now=moment_label(brief.now))
    return _("What changed since {when}, as of {now}").format(when=moment_label(brief.since),
                                                             now=moment_label(brief.now))


def export_name(brief: Brief) -> str:
    """ "2026-11-17-sync-brief.md" (beside the meeting's agenda and minutes in exports/)."""
    from store.export.files import meeting_file_name

    if brief.meeting is None:
        return f"{brief.now.astimezone():%Y-%m-%d}-last-7-days-brief.md"
    return meeting_file_name(brief.meeting.title, brief.meeting.starts_at, "brief", "md")


def make_brief(workspace: Workspace, meeting_id: str | None) -> Brief:
    """The brief for ``meeting_id`` (None: the next meeting of the default series). Slow: call in a worker."""
    from store.agenda import next_meeting
    from store.brief import build_brief

    now = workspace.clock()
    meeting = workspace.lookup("meetings", meeting_id) if meeting_id else None
    if meeting is None or meeting.deleted:
        meeting = next_meeting(workspace.records("meetings"), now)
    return build_brief(workspace, meeting, now=now)


def write_brief(workspace: Workspace, brief: Brief) -> str:
    """Write the brief's Markdown to exports/ and say where, in words."""
    from store.export.brief import brief_markdown
    from store.export.files import save_export

    path = save_export(workspace.folder, export_name(brief), brief_markdown(brief).encode("utf-8"))
    return _("Wrote the brief to {path}").format(path=path)


def export_brief(app: App[Any], meeting_id: str | None = None) -> None:
    """The palette's "Export brief": build it in a worker, write it, say where."""
    workspace = host_of(app).workspace

    def run() -> None:
        try:
            said = write_brief(workspace, make_brief(workspace, meeting_id))
        except Exception as error:  # noqa: BLE001 - said in words
            app.call_from_thread(app.notify, _("Could not export the brief: {error}").format(error=error),
                                 severity="error")
            return
        app.call_from_thread(app.notify, said, title=_("Brief"))

    app.notify(_("Preparing the brief to export…"))
    app.run_worker(run, thread=True, group="export-brief", exit_on_error=False)


class BriefList(VirtualList):
    """The brief's rows; j/k skip the section headings."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_item", N_("Open"), id="brief.open", key_display="⏎",
                tooltip=N_("Show the line's record in its pane (a conflict: in the review)")),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *VirtualList.COMPONENT_CLASSES,
        "brief-list--heading",
        "brief-list--good",
        "brief-list--bad",
        "brief-list--muted",
    }
    DEFAULT_CSS = """
    BriefList {
        & > .brief-list--heading { text-style: bold; color: $secondary; }
        & > .brief-list--good { color: $success; }
        & > .brief-list--bad { color: $error; }
        & > .brief-list--muted { color: $text-muted; text-style: italic; }
    }
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.rows: list[Row] = []

    def show_rows(self, rows: list[Row]) -> None:
        self.rows = rows
        self.set_items([_item(row) for row in rows], cursor=self._step(-1, 1))

    def _step(self, start: int, step: int) -> int:
        """The next line about a record from ``start`` in ``step``'s direction (else ``start``)."""
        index = start + step
        while 0 <= index < len(self.rows):
            if not self.rows[index].heading:
                return index
            index += step
        return max(0, start)

    def action_cursor_down(self) -> None:
        self.cursor = self._step(self.cursor, 1)

    def action_cursor_up(self) -> None:
        self.cursor = self._step(self.cursor, -1)

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if self.rows and self.cursor < len(self.rows) else None


class BriefScreen(ModalScreen[None]):
    """The brief of a meeting, section by section; enter opens a line's record."""

    CSS_PATH = "brief.tcss"
    BINDING_GROUP_TITLE = N_("Brief")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "export_brief", N_("Export"), id="brief.export",
                tooltip=N_("Write the brief as Markdown to exports/ in the workspace folder")),
        Binding("question_mark", "app.show_help", N_("Help"), id="brief.help", key_display="?",
                tooltip=N_("Every key of this screen")),
        Binding("escape,q", "close", N_("Close"), id="brief.close", tooltip=N_("Close the brief")),
    ]

    class Ready(Message):
        """The worker has built the brief."""

        def __init__(self, brief: Brief) -> None:
            super().__init__()
            self.brief = brief

    class Failed(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(self, *, meeting_id: str | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.brief: Brief | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="brief"):
            yield Static(_("Brief"), id="brief-title", markup=False)
            yield Static(_(PREPARING), id="brief-status", markup=False)
            yield BriefList(id="brief-list")
            yield Static("", id="brief-detail", markup=False)
        yield SteadyFooter(translate=_)

    def on_mount(self) -> None:
        self.query_one(BriefList).focus()
        self.prepare()

    def prepare(self) -> None:
        """(Re)build the brief in the worker; the list keeps what it shows until the new one is in."""
        self._build(host_of(self).workspace, self.meeting_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="brief")
    def _build(self, workspace: Workspace, meeting_id: str | None) -> None:
        try:
            brief = make_brief(workspace, meeting_id)
        except Exception as error:  # noqa: BLE001 - said in words on the screen
            self.post_message(self.Failed(str(error)))
            return
        self.post_message(self.Ready(brief))

    @on(Ready)
    def _show(self, message: Ready) -> None:
        brief = self.brief = message.brief
        self.meeting_id = brief.meeting.id if brief.meeting is not None else None
        self.query_one("#brief-title", Static).update(printable(brief_title(brief, brief.now)))
        self.query_one("#brief-status", Static).update(printable(brief_since(brief)))
        brief_list = self.query_one(BriefList)
        keep = brief_list.cursor
        brief_list.show_rows(brief_rows(brief, brief.now))
        if 0 < keep < len(brief_list.rows) and not brief_list.rows[keep].heading:
            brief_list.cursor = keep
        self._show_detail()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.query_one("#brief-status", Static).update(printable(
            _("The brief could not be prepared: {reason}").format(reason=message.reason)))

    @on(VirtualList.Highlighted, "#brief-list")
    def _show_detail(self) -> None:
        row = self.query_one(BriefList).current
        detail = "" if row is None or row.heading else printable(row.text)
        self.query_one("#brief-detail", Static).update(detail)

    @on(VirtualList.Selected, "#brief-list")
    def _selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        self.action_open_line()

    def action_open_line(self) -> None:
        row = self.query_one(BriefList).current
        if row is None or row.heading:
            return
        if row.table == "conflicts":
            from tui.screens.conflicts import ConflictsScreen

            self.app.push_screen(ConflictsScreen(select=row.record_id), lambda _: self.prepare())
            return
        workspace = host_of(self).workspace
        if workspace.lookup(row.table, row.record_id) is None:
            self.notify(_("That record is gone (deleted since)."), severity="warning")
            return
        self.dismiss(None)
        self.app.call_later(self.app.run_action, f"jump_to({row.table!r}, {row.record_id!r})")

    def action_export_brief(self) -> None:
        if self.brief is None:
            self.notify(_("The brief is still being prepared."))
            return
        self._export(host_of(self).workspace, self.brief)

    @work(thread=True, exit_on_error=False, group="brief-export")
    def _export(self, workspace: Workspace, brief: Brief) -> None:
        try:
            said = write_brief(workspace, brief)
        except Exception as error:  # noqa: BLE001 - said in words
            self.app.call_from_thread(self.notify, _("Could not export the brief: {error}").format(error=error),
                                      severity="error")
            return
        self.app.call_from_thread(self.notify, said, title=_("Brief"))

    def action_close(self) -> None:
        self.dismiss(None)
