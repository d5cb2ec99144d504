"""Feedback: the log, newest first, with one entry in full beside it (below it when narrow).

Respond, resolve, turn an entry into a task or put it on the next meeting's agenda; filter
by text, kind, status and the author's department. Each change is asked for with
``self.write`` (tui/writes.py) using store.feedback_actions, and ``_saved`` says what it did.
The log is a virtual list: 5,000 entries cost what the visible rows cost, and a row is
built (its first line cut at a word to fit) only when it is painted. The app opens on the
Board: store.feedback_actions is imported where it is used, so its first frame does without it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.dom import DOMNode
from textual.widgets import Input, Static

from store.dates import age_label, moment_label
from store.i18n import N_, _, ngettext
from store.references import noun, subject_of
from store.text import printable
from tui.panes.base import Pane
from tui.panes.words import agenda_status, feedback_kind, feedback_status, task_status
from tui.widgets.feedback_detail import DetailLabels, DetailView, FeedbackDetail, LinkSpec
from tui.widgets.virtual_list import Item, LazySequence, VirtualList
from tui.writes import Saved, host_of

if TYPE_CHECKING:
    from store.feedback_actions import ThreadItem
    from store.models import Feedback, Member

KINDS = ("praise", "concern", "idea", "question")
#: each kind's mark in the log and the detail
KIND_MARKS = {"praise": "+", "concern": "!", "idea": "*", "question": "?"}
STATUSES = ("open", "acknowledged", "resolved")
#: the departments `@` cycles through first, in this order (then any other, then all)
LEAD_DEPARTMENTS = ("Sales", "Marketing")
NO_MATCH = N_("No entries match — escape clears the filters")
WIDE = 100  # columns from which the detail sits beside the log rather than below it
#: what showing the pane reads, imported as it is built (once the data is in, while nothing
#: waits) rather than before the app's first frame or on the key that shows it
BUILT_WITH = ("store.feedback_actions",)


class FeedbackLog(VirtualList):
    """Two lines an entry: kind, first line, status and age; author and what it is about."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "feedback-log--praise",
        "feedback-log--concern",
        "feedback-log--idea",
        "feedback-log--question",
        "feedback-log--muted",
        "feedback-log--open",
    }
    DEFAULT_CSS = """
    FeedbackLog {
        & > .feedback-log--praise { color: $success; text-style: bold; }
        & > .feedback-log--concern { color: $error; text-style: bold; }
        & > .feedback-log--idea { color: $accent; text-style: bold; }
        & > .feedback-log--question { color: $warning; text-style: bold; }
        & > .feedback-log--muted { color: $text-muted; }
        & > .feedback-log--open { color: $text-primary; text-style: bold; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's keyword
        super().__init__(item_height=2, id=id)
        self._count = 0
        self._row: Callable[[int, int], Item] | None = None
        self._width = 0

    def set_rows(self, count: int, row: Callable[[int, int], Item], cursor: int) -> None:
        """``row(index, width)`` builds an entry's lines for the list's width, when painted."""
        self._count, self._row = count, row
        self.set_items(LazySequence(count, lambda index: row(index, self._width)), cursor=cursor)
        self._width = self.line_width or 100  # once the count is in: beside the scrollbar if they do not fit

    def on_resize(self) -> None:
        super().on_resize()
        width = self.line_width
        if self._row is not None and width and width != self._width:
            self.set_rows(self._count, self._row, self.cursor)


class FeedbackPane(Pane):
    """The feedback log and one entry in full."""

    BINDING_GROUP_TITLE = N_("Feedback")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_feedback", N_("New"), id="feedback.new",
                tooltip=N_("New feedback entry (pick what it is about)")),
        Binding("e", "edit_feedback", N_("Edit"), id="feedback.edit", tooltip=N_("Edit the selected entry")),
        Binding("r", "respond_feedback", N_("Respond"), id="feedback.respond",
                tooltip=N_("Write the response (the entry becomes acknowledged)")),
        Binding("x", "resolve_feedback", N_("Resolve"), id="feedback.resolve", tooltip=N_("Mark the entry resolved")),
        Binding("t", "make_task", N_("Task"), id="feedback.task",
                tooltip=N_("Turn the entry into a task for the owner of its subject")),
        Binding("a", "put_on_agenda", N_("Agenda"), id="feedback.agenda",
                tooltip=N_("Put the entry on the next meeting's agenda, presented by its author")),
        Binding("slash", "filter_feedback", N_("Filter"), id="feedback.filter", tooltip=N_("Filter the log by text")),
        Binding("c", "cycle_kind", N_("Kind"), id="feedback.kind", show=False,
                tooltip=N_("Show one kind: praise, concern, idea, question")),
        Binding("o", "cycle_status", N_("Status"), id="feedback.status", show=False,
                tooltip=N_("Show one status: open, acknowledged, resolved")),
        Binding("at", "cycle_department", N_("Dept"), id="feedback.department", key_display="@", show=False,
                tooltip=N_("Show the entries of one department's authors (Sales, Marketing, all)")),
        Binding("escape", "clear_filter", N_("Clear filters"), show=False, id="feedback.clear_filter",
                tooltip=N_("Clear every filter")),
    ]

    DEFAULT_CSS = """
    FeedbackPane {
        padding: 0;
        & > #feedback-filter { display: none; height: 1; padding: 0 1; }
        & > #feedback-status { height: 1; padding: 0 1; color: $text-muted; }
        & > #feedback-body { height: 1fr; }
        & #feedback-log { width: 3fr; height: 1fr; border: round $panel-lighten-2; }
        & #feedback-log:focus { border: round $primary; }
        & #feedback-detail { width: 2fr; height: 1fr; padding: 0 1; border: round $panel-lighten-2; }
        & #feedback-detail:focus-within { border: round $primary; }
        &.-narrow > #feedback-body { layout: vertical; }
        &.-narrow #feedback-log { width: 1fr; height: 3fr; }
        &.-narrow #feedback-detail { width: 1fr; height: 2fr; }
        & > .empty-state { height: 1fr; content-align: center middle; color: $text-muted; text-style: italic; }
        & #detail-heading { text-style: bold; }
        & #detail-meta { color: $text-muted; }
        & #detail-body { margin: 1 0 0 0; }
        & .detail-label { color: $text-muted; text-style: bold; margin: 1 0 0 0; }
        & .detail-none { color: $text-muted; text-style: italic; padding: 0 1; }
        & #detail-subject, & #detail-thread { height: auto; }
    }
    """

    def __init__(self, title: str = N_("Feedback"), *, id: str = "feedback") -> None:  # noqa: A002
        super().__init__(title, id=id)
        self.filter_text = ""
        self.kind: str | None = None
        self.status: str | None = None
        self.department: str | None = None
        self._all: list[Feedback] = []
        self._entries: list[Feedback] = []
        self._members: dict[str, Member] = {}
        self._threads: dict[str, list[ThreadItem]] = {}
        self._wanted: DetailView | None = None  # the detail to show once the one being mounted is done
        self._detail_busy = False

    def compose(self) -> ComposeResult:
        yield Static(_("Loading the workspace…"), id="feedback-status", markup=False)

    async def build(self) -> None:
        for module in BUILT_WITH:
            importlib.import_module(module)
        empty = Static("", classes="empty-state")
        empty.can_focus = True  # so n works before there is a first entry
        await self.mount(
            Input(placeholder=_("filter by text, author or subject · enter keeps it · escape clears"),
                  id="feedback-filter", compact=True),
            before="#feedback-status",
        )
        detail = FeedbackDetail(_detail_labels(), id="feedback-detail")
        await self.mount(Horizontal(FeedbackLog(id="feedback-log"), detail, id="feedback-body"), empty)

    # -- reading ----------------------------------------------------------------------
    @property
    def log_list(self) -> FeedbackLog:
        return self.query_one(FeedbackLog)

    @property
    def detail(self) -> FeedbackDetail:
        return self.query_one(FeedbackDetail)

    @property
    def entries(self) -> list[Feedback]:
        """The entries shown, newest first."""
        return list(self._entries)

    @property
    def selected(self) -> Feedback | None:
        cursor = self.log_list.cursor
        return self._entries[cursor] if self._entries and cursor < len(self._entries) else None

    def selected_record(self) -> tuple[str, str] | None:
        entry = self.selected
        return ("feedback", entry.id) if entry is not None else None

    def refresh_content(self) -> None:
        workspace = self.workspace
        if not workspace.loaded:
            self.query_one("#feedback-status", Static).update(_("Loading the workspace…"))
            return
        self._members = {m.id: m for m in workspace.records("members", include_deleted=True)}
        self._all = workspace.records("feedback")[::-1]  # stored oldest first: the log is newest first
        from store.feedback_actions import threads

        self._threads = threads(workspace)
        self._show()

    def _show(self, select: str | None = None) -> None:
        """Filter, fill the log (keeping the selection, or selecting ``select``) and the detail."""
        keep = select or (self.selected.id if self.selected else None)
        matches = self._matcher()
        self._entries = [entry for entry in self._all if matches(entry)] if matches else list(self._all)
        ids = [entry.id for entry in self._entries]
        cursor = ids.index(keep) if keep in ids else 0
        log = self.log_list
        log.set_rows(len(self._entries), self._row, cursor)
        empty = self.query_one(".empty-state", Static)
        empty.update(_(NO_MATCH) if self._all else _("No feedback yet. Press n to log the first feedback entry."))
        had_focus = self.app.focused in (log, empty)
        body = self.query_one("#feedback-body")
        body.display = bool(self._entries)
        empty.display = not self._entries
        self._show_status()
        if had_focus:
            self.focus_content()
        self._update_detail()

    def _show_status(self) -> None:
        total, shown = len(self._all), len(self._entries)
        if not total:
            self.query_one("#feedback-status", Static).update(_("No feedback yet — n logs the first entry"))
            return
        if shown != total:
            count = ngettext("{shown:,} of {total:,} feedback entry, newest first",
                             "{shown:,} of {total:,} feedback entries, newest first", total)
        else:
            count = ngettext("{total:,} feedback entry, newest first",
                             "{total:,} feedback entries, newest first", total)
        parts = [count.format(shown=shown, total=total)]
        parts += [_("kind {kind}").format(kind=feedback_kind(self.kind))] if self.kind else []
        parts += [_("status {status}").format(status=feedback_status(self.status))] if self.status else []
        parts += [_("by {department}").format(department=self.department)] if self.department else []
        parts += [_("filter “{text}”").format(text=self.filter_text)] if self.filter_text else []
        parts += [_("c kind · o status · @ department")] if len(parts) == 1 else [_("escape clears")]
        self.query_one("#feedback-status", Static).update(printable(" · ".join(parts)))

    def _author(self, entry: Feedback) -> Member | None:
        return self._members.get(entry.author_id) if entry.author_id else None

    def _author_words(self, entry: Feedback) -> str:
        author = self._author(entry)
        if author is None:
            return _("someone not in the team")
        return f"{author.name} ({author.department})" if author.department else author.name

    def _subject_words(self, entry: Feedback) -> str:
        ref = subject_of(self.workspace, entry)
        return _("about {noun}: {title}").format(noun=ref.noun, title=ref.title) if ref is not None else _("general")

    def _row(self, index: int, width: int) -> Item:
        from store.feedback_actions import first_line

        entry = self._entries[index]
        kind = entry.kind.value
        kind_style = f".feedback-log--{kind}"
        status = entry.status.value
        right = Content.styled(f"{feedback_status(status)} · {age_label(entry.created_at, self.today())}",
                               ".feedback-log--open" if status == "open" else ".feedback-log--muted")
        pad = max(9, *(len(feedback_kind(k)) + 1 for k in KINDS))  # Spanish words are longer
        lead = f"{KIND_MARKS[kind]} {feedback_kind(kind):<{pad}}"
        room = max(8, width - right.cell_length - len(lead) - 1)
        first = printable(first_line(entry.body, room))
        who = printable(f"   {self._author_words(entry)} · {self._subject_words(entry)}")
        return (
            (Content.assemble((lead, kind_style), first), right),
            Content.styled(who, ".feedback-log--muted"),
        )

    def _matcher(self) -> Callable[[Feedback], bool] | None:
        if not (self.filter_text or self.kind or self.status or self.department):
            return None
        words = self.filter_text.casefold().split()
        kind, status, department = self.kind, self.status, (self.department or "").casefold()

        def matches(entry: Feedback) -> bool:
            if (kind and entry.kind.value != kind) or (status and entry.status.value != status):
                return False
            if department:
                author = self._author(entry)
                if author is None or author.department.casefold() != department:
                    return False
            if not words:
                return True
            haystack = "\n".join(
                (entry.body, entry.response, self._author_words(entry), self._subject_words(entry))
            ).casefold()
            return all(word in haystack for word in words)

        return matches

    # -- the detail ---------------------------------------------------------------------
    @on(VirtualList.Highlighted, "#feedback-log")
    def _highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()
        self.call_after_refresh(self._update_detail)  # the moved cursor paints first

    def _update_detail(self) -> None:
        entry = self.selected
        self._wanted = self._detail_view(entry) if entry is not None else None
        if not self._detail_busy and self._wanted != self.detail.shown:
            self._detail_busy = True
            self._show_detail()

    @work(group="feedback-detail", exit_on_error=False)
    async def _show_detail(self) -> None:
        """Show the detail of the entry selected last. Never cut short (a mount cancelled
        half-way leaves the thread's links half there): keys pressed meanwhile are skipped
        over, and only the last selection is shown."""
        try:
            while self._wanted != self.detail.shown:
                await self.detail.show(self._wanted)
        finally:
            self._detail_busy = False

    def _detail_view(self, entry: Feedback) -> DetailView:
        from store.feedback_actions import first_line

        workspace = self.workspace
        kind = entry.kind.value
        ref = subject_of(workspace, entry)
        subject = LinkSpec(ref.table, ref.record_id, ref.noun, printable(ref.title), ref.gone) if ref else None
        made = []
        for item in self._threads.get(entry.id, []):
            extra = task_status(item.status) if item.table == "tasks" else agenda_status(item.status)
            meeting = workspace.lookup("meetings", item.meeting_id) if item.meeting_id else None
            if meeting is not None:
                extra += f" · {printable(meeting.label)}, {moment_label(meeting.starts_at)}"
            made.append(LinkSpec(item.table, item.record_id, noun(item.table), printable(item.title), extra=extra))
        return DetailView(
            entry_id=entry.id,
            heading=printable(f"{KIND_MARKS[kind]} {feedback_kind(kind).capitalize()}: {first_line(entry.body, 200)}"),
            meta=printable(f"{self._author_words(entry)} · {moment_label(entry.created_at)} · "
                           f"{feedback_status(entry.status.value)}"),
            subject=subject,
            body=printable(entry.body, multiline=True),
            response=printable(entry.response, multiline=True),
            thread=made,
            thread_hint=_("Nothing yet — t turns it into a task, a puts it on the next meeting's agenda."),
        )

    @on(VirtualList.Selected, "#feedback-log")
    def _opened(self, event: VirtualList.Selected) -> None:
        """enter on an entry: into its detail, on the first link (enter there jumps)."""
        event.stop()
        links = self.detail.links
        if links:
            links[0].focus()

    @on(FeedbackDetail.BackToList)
    def _back(self) -> None:
        self.log_list.focus()

    # -- focus and jumps ------------------------------------------------------------------
    def focus_content(self) -> None:
        log = self.log_list
        (log if self._entries else self.query_one(".empty-state", Static)).focus()

    def show_content(self, record_id: str) -> None:
        if record_id not in {entry.id for entry in self._entries}:
            self._clear_filters()
        self._show(select=record_id)
        self.log_list.focus()

    @on(events.Resize)
    def _resized(self, event: events.Resize) -> None:
        self.set_class(event.size.width < WIDE, "-narrow")

    # -- writing --------------------------------------------------------------------------
    def _writable_entry(self) -> Feedback | None:
        """The selected entry when it may be changed; else says why not and returns None."""
        workspace = self.workspace
        if workspace.read_only:
            self.notify(_("The workspace is read-only because {reason}.").format(reason=workspace.read_only_reason),
                        severity="warning")
            return None
        entry = self.selected
        if entry is None:
            self.notify(_("No feedback entry here — press n to log one."), severity="warning")
        return entry

    def action_new_feedback(self) -> None:
        pick_subject_and_give_feedback(self, then=self._form_closed)

    def action_edit_feedback(self) -> None:
        entry = self._writable_entry()
        if entry is not None:
            self.open_form("feedback", record=entry, then=self._form_closed)

    def _form_closed(self, saved: Any) -> None:
        if saved is not None:
            self._select(saved.id)
        else:
            self.focus_content()

    def action_respond_feedback(self) -> None:
        entry = self._writable_entry()
        if entry is None:
            return
        from store.feedback_actions import first_line, respond
        from tui.screens.respond import ResponseScreen

        def answered(text: str | None) -> None:
            if text is not None:
                self.write(lambda ws: respond(ws, entry.id, text), purpose="respond")

        heading = printable(_("Respond to: {text}").format(text=first_line(entry.body, 70)))
        self.app.push_screen(ResponseScreen(heading, entry.response), answered)

    def action_resolve_feedback(self) -> None:
        entry = self._writable_entry()
        if entry is None:
            return
        if entry.status.value == "resolved":
            self.notify(_("This entry is already resolved."))
            return
        from store.feedback_actions import resolve

        self.write(lambda ws: resolve(ws, entry.id), purpose="resolve")

    def action_make_task(self) -> None:
        entry = self._writable_entry()
        if entry is not None:
            from store.feedback_actions import turn_into_task

            self.write(lambda ws: turn_into_task(ws, entry.id), purpose="task")

    def action_put_on_agenda(self) -> None:
        entry = self._writable_entry()
        if entry is not None:
            from store.feedback_actions import put_on_agenda

            now = _now(self.host.now(), self.today())
            self.write(lambda ws: put_on_agenda(ws, entry.id, now), purpose="agenda")

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        from store.feedback_actions import first_line

        event.stop()
        result, purpose = event.result, event.purpose
        workspace = self.workspace
        if purpose == "respond":
            self.notify(printable(_("Responded to “{text}” — it is now {status}.").format(
                text=first_line(result.body, 60), status=feedback_status(result.status.value))))
            self._select(result.id)
        elif purpose == "resolve":
            self.notify(printable(_("Resolved “{text}”.").format(text=first_line(result.body, 60))))
            self._select(result.id)
        elif purpose == "task":
            owner = workspace.lookup("members", result.owner_id) if result.owner_id else None
            if owner is not None:
                words = _("Task created on the Board for {owner}: “{title}” (4 shows it).")
            else:
                words = _("Task created on the Board: “{title}” (4 shows it).")
            self.notify(printable(words.format(owner=owner.name if owner else "", title=result.title)))
            self._select(result.feedback_id)
        elif purpose == "agenda":
            meeting = workspace.get("meetings", result.meeting_id)
            when = moment_label(meeting.starts_at)
            self.notify(printable(_("Put on the agenda of {meeting}, {when}: “{title}” (2 shows it).").format(
                meeting=meeting.label, when=when, title=result.title)))
            self._select(result.feedback_id)

    def _select(self, entry_id: str | None) -> None:
        self.refresh_data()
        if entry_id is not None:
            self._show(select=entry_id)
        self.focus_content()

    # -- filtering ------------------------------------------------------------------------
    def action_filter_feedback(self) -> None:
        box = self.query_one("#feedback-filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#feedback-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.filter_text = event.value.strip()
        self._show()

    @on(Input.Submitted, "#feedback-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.filter_text:
            event.input.display = False
        self.focus_content()

    def action_cycle_kind(self) -> None:
        self.kind = _next(self.kind, KINDS)
        self._show()

    def action_cycle_status(self) -> None:
        self.status = _next(self.status, STATUSES)
        self._show()

    def action_cycle_department(self) -> None:
        known = self.workspace.departments()
        first = [d for lead in LEAD_DEPARTMENTS for d in known if d.casefold() == lead.casefold()]
        order = tuple(first + [d for d in known if d not in first])
        self.department = _next(self.department, order)
        self._show()

    def _clear_filters(self) -> None:
        box = self.query_one("#feedback-filter", Input)
        box.display = False
        if box.value:
            box.value = ""
        self.filter_text, self.kind, self.status, self.department = "", None, None, None

    def action_clear_filter(self) -> None:
        self._clear_filters()
        self._show()
        self.focus_content()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self.built and bool(
                self.filter_text or self.kind or self.status or self.department
                or self.query_one("#feedback-filter", Input).display
            )
        return True


def _detail_labels() -> DetailLabels:
    """The entry detail's labels, in the language chosen at start (not at import)."""
    return DetailLabels(
        about=_("About"), no_subject=_("nothing in particular"),
        response=_("Response"), thread=_("What was done with it"),
    )


def _next(current: str | None, choices: tuple[str, ...]) -> str | None:
    """The choice after ``current``; after the last, None (all)."""
    if not choices:
        return None
    if current not in choices:
        return choices[0]
    index = choices.index(current) + 1
    return choices[index] if index < len(choices) else None


def _now(now: datetime, today: date) -> datetime:
    """The host's moment; when the host's today is fixed elsewhere (tests, demos), that day's start."""
    return now if now.astimezone().date() == today else datetime.combine(today, time(0, 0)).astimezone()


# -- giving feedback (n here, F from any pane) --------------------------------------------------
def give_feedback(
    node: DOMNode, subject: tuple[str, str] | None, then: Callable[[Any], None] | None = None
) -> None:
    """Open the new-feedback form by me, about ``subject`` (table, id) or nothing in particular;
    ``then`` gets the saved entry (None when cancelled)."""
    from tui.screens.record_form import open_form

    workspace = host_of(node).workspace
    me = workspace.me
    defaults: dict[str, Any] = {"author_id": me.id if me is not None else None}
    if subject is not None and subject[1]:
        defaults.update(subject_table=subject[0], subject_id=subject[1])

    def saved(entry: Any) -> None:
        if entry is not None:
            about = subject_of(workspace, entry)
            if about is not None:
                words = _("Feedback saved about {noun} “{title}” — 3 shows the log.").format(
                    noun=about.noun, title=about.title)
            else:
                words = _("Feedback saved — 3 shows the log.")
            node.app.notify(printable(words))
        if then is not None:
            then(entry)

    open_form(node, "feedback", defaults=defaults, then=saved)


def pick_subject_and_give_feedback(node: DOMNode, then: Callable[[Any], None] | None = None) -> None:
    """Ask what the feedback is about (fuzzy, every table, or nothing), then open the form."""
    workspace = host_of(node).workspace
    if workspace.read_only:
        node.app.notify(_("The workspace is read-only because {reason}.").format(reason=workspace.read_only_reason),
                        severity="warning")
        return
    from tui.screens.subject_picker import SubjectPicker

    def picked(subject: tuple[str, str] | None) -> None:
        if subject is not None:
            give_feedback(node, subject, then)

    node.app.push_screen(SubjectPicker(), picked)


def give_feedback_about(node: DOMNode, pane: Pane) -> None:
    """F: feedback about the record selected in ``pane``."""
    from store.search import SUBJECT_TABLES

    selected = pane.selected_record()
    if selected is None:
        node.app.notify(_("Select a record first: F gives feedback about the selected card, objective, meeting "
                          "or agenda item."), severity="warning")
        return
    if selected[0] not in SUBJECT_TABLES:
        node.app.notify(_("Feedback is about an objective, a meeting, an agenda item or a task: select one first "
                          "(n here logs general feedback)."), severity="warning")
        return
    workspace = host_of(node).workspace
    if workspace.read_only:
        node.app.notify(_("The workspace is read-only because {reason}.").format(reason=workspace.read_only_reason),
                        severity="warning")
        return
    give_feedback(node, selected)

