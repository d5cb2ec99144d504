"""The meeting runner: the current item large, its countdown, the agenda beside it (DESIGN section 7).

The run is state in the workspace (store.meeting_run): this screen keeps a copy of the
meeting and its items to paint from, applies each step to that copy at once (so a key
paints in the next frame) and queues the same step for the workspace, computed again there
from the stored records with the same moment. After the writes are saved it reads the
workspace again. A teammate's sync, a restart or a crash leave the stored run as it was, so
the countdown reopens where it was.

The clock widget alone is repainted once a second (``set_interval``): nothing else moves,
so keys are not slowed by the ticking.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Markdown, Sparkline, Static

from store import meeting_run
from store.agenda import agenda_of, meeting_label, when_label
from store.dates import local_format
from store.errors import InvalidInput
from store.i18n import N_, _, ngettext
from store.meeting_run import Edit, current_item, run_clock
from store.models import AgendaStatus, MeetingStatus, SubjectTable
from store.text import printable
from tui.screens import runner_view as view
from tui.widgets.capture_line import CaptureLine
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.virtual_list import VirtualList
from tui.writes import Host, Refused, Saved, host_of, refusal

if TYPE_CHECKING:
    from store.models import AgendaItem, Meeting, Member
    from store.workspace import Workspace

#: the Statics whose size does not depend on their text (runner.tcss)
FIXED_SIZE = frozenset({"#runner-title", "#runner-status", "#runner-countdown-words", "#runner-meeting"})
METRIC_ROWS = 4  # metric rows kept mounted and filled in place: an item change mounts nothing
NO_ITEMS = N_(
    "This meeting has no agenda items yet: add them in the Agenda pane (2). t and f still capture; x ends it."
)
#: the keys 1-4: (key, pane, description, tooltip)
LEAVE_KEYS = (
    ("1", "objectives", N_("Objectives"),
     N_("Close the runner and show the Objectives pane (the meeting keeps running)")),
    ("2", "agenda", N_("Agenda"), N_("Close the runner and show the Agenda pane (the meeting keeps running)")),
    ("3", "feedback", N_("Feedback"),
     N_("Close the runner and show the Feedback pane (the meeting keeps running)")),
    ("4", "board", N_("Board"), N_("Close the runner and show the Board pane (the meeting keeps running)")),
)
Step = Callable[["Meeting", Sequence["AgendaItem"], datetime], list[Edit]]
Stored = Callable[["Workspace", str, datetime], Any]


class MetricLine(Vertical):
    """One metric of the linked objective: current vs target, and a sparkline of its measurements."""

    def compose(self) -> ComposeResult:
        yield Static("", classes="metric-label", markup=False)
        yield Sparkline([], classes="metric-spark")

    _row: view.MetricRow | None | str = "not shown yet"

    def show(self, row: view.MetricRow | None) -> None:
        if row == self._row:
            return
        self._row = row
        self.display = row is not None
        if row is not None:
            self.query_one(".metric-label", Static).update(row.label)
            self.query_one(Sparkline).data = row.series


class RunnerScreen(Screen[None]):
    """Run one meeting: countdown per item, decisions, tasks and feedback captured in place."""

    CSS_PATH = "runner.tcss"
    BINDING_GROUP_TITLE = N_("Meeting runner")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "next_item", N_("Next"), id="runner.next",
                tooltip=N_("The current item is done: on to the next")),
        Binding("b", "previous_item", N_("Back"), id="runner.back",
                tooltip=N_("Back to the item before, its clock where it stopped")),
        Binding("d", "capture('decision')", N_("Decision"), id="runner.decision",
                tooltip=N_("Record a decision: one line added to the item's outcome")),
        Binding("t", "capture('task')", N_("Task"), id="runner.task",
                tooltip=N_("Capture a task in one line (title @owner due !priority), into the Board's To do")),
        Binding("f", "capture('feedback')", N_("Feedback"), id="runner.feedback",
                tooltip=N_("Capture feedback about the item's objective (or the item)")),
        Binding("n", "edit_notes", N_("Notes"), id="runner.notes",
                tooltip=N_("Free notes for the item (ctrl+s saves)")),
        Binding("p", "pause_run", N_("Pause"), id="runner.pause", tooltip=N_("Pause or resume the clock")),
        Binding("x", "end_meeting", N_("End"), id="runner.end",
                tooltip=N_("End the meeting, then carry its open items to the next one")),
        Binding("escape", "close", N_("Close"), id="runner.close",
                tooltip=N_("Back to the panes (the meeting keeps running; the palette's Run meeting… returns)")),
        *(Binding(key, f"leave('{pane}')", description, show=False, id=f"runner.show_{pane}", tooltip=tooltip)
          for key, pane, description, tooltip in LEAVE_KEYS),
        Binding("question_mark", "app.show_help", N_("Help"), id="runner.help", key_display="?",
                tooltip=N_("Every key of this screen")),
    ]

    def __init__(self, meeting_id: str, *, now: Callable[[], datetime] | None = None, tz: tzinfo | None = None) -> None:
        """``now``: the clock (the app's by default; fixed in tests); ``tz``: shown times' zone (local)."""
        super().__init__()
        self.meeting_id = meeting_id
        self._clock = now
        self._tz = tz
        self.meeting: Meeting | None = None
        self.items: list[AgendaItem] = []
        self._members: dict[str, Member] = {}
        self._objectives: dict[str, str] = {}
        self._metrics: dict[str, list[view.MetricRow]] = {}
        self._pending = 0  # writes queued and not answered yet
        self._start_asked = False
        self._shown_key: tuple[Any, ...] | None = None
        self._clock_text: tuple[str, ...] = ()
        self._texts: dict[str, object] = {}  # what each Static shows: an unchanged one is not repainted
        self._item_pending = False  # the item's panel is to be painted after the next frame

    @property
    def host(self) -> Host:
        return host_of(self)

    def now(self) -> datetime:
        return self._clock() if self._clock is not None else self.host.now()

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="runner"):
            yield Static("", id="runner-title", markup=False)
            yield Static("", id="runner-status", markup=False)
            with Horizontal(id="runner-clock"):
                yield Digits("", id="runner-countdown")
                yield Static("", id="runner-countdown-words", markup=False)
                yield Static("", id="runner-meeting", markup=False)
            with Horizontal(id="runner-body"):
                with VerticalScroll(id="runner-item", can_focus=False):
                    yield Static("", id="item-title", markup=False)
                    yield Static("", id="item-meta", markup=False)
                    yield Markdown("", id="item-notes", open_links=False)
                    yield Static("", id="item-outcome", markup=False)
                    with Vertical(id="item-metrics"):
                        for _row in range(METRIC_ROWS):
                            yield MetricLine(classes="metric")
                        yield Static("", id="item-metrics-more", markup=False)
                with Vertical(id="runner-side"):
                    yield Static(_("Agenda"), id="runner-agenda-title", markup=False)
                    yield VirtualList(id="runner-agenda", empty_text=_("No agenda items"))
            yield CaptureLine(id="runner-capture")
        yield SteadyFooter(translate=_)

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#runner-agenda", VirtualList).focus()
        self.set_interval(1.0, self.tick)

    # -- reading ----------------------------------------------------------------------------
    def refresh_data(self) -> None:
        """Re-read the workspace (the app calls this after every change); not while my writes are queued."""
        if self._pending:
            return  # the last answer reads it again
        workspace = self.host.workspace
        if not workspace.loaded:
            self._put("#runner-title", _("Opening the workspace…"))
            return
        meeting = workspace.lookup("meetings", self.meeting_id)
        if meeting is None or meeting.deleted:
            self.meeting = None
            self._put("#runner-title", _("This meeting was deleted. escape closes the runner."))
            return
        self.meeting = meeting
        self.items = agenda_of(workspace.records("agenda_items"), self.meeting_id)
        self._members = {m.id: m for m in workspace.records("members", include_deleted=True)}
        self._read_objectives(workspace)
        if meeting.status == MeetingStatus.planned and not self._start_asked:
            self._start_asked = True
            self._start_run(workspace)
        self._show()

    def _read_objectives(self, workspace: Workspace) -> None:
        """The linked objectives' titles and metrics, for every item of the agenda (read once here)."""
        from store.progress import metric_view

        wanted = {item.objective_id for item in self.items if item.objective_id}
        self._objectives = {oid: printable(o.title) for oid in wanted if (o := workspace.lookup("objectives", oid))}
        metrics = [m for m in workspace.records("metrics") if m.objective_id in wanted]
        metric_ids = {m.id for m in metrics}
        measured = [m for m in workspace.records("measurements") if m.metric_id in metric_ids]
        self._metrics = {
            oid: view.metric_rows([metric_view(m, measured) for m in metrics if m.objective_id == oid])
            for oid in wanted
        }

    @property
    def current(self) -> AgendaItem | None:
        return current_item(self.items)

    def _driving(self) -> bool:
        meeting = self.meeting
        return meeting is not None and meeting_run.may_drive(meeting, self.host.workspace.who)

    # -- painting ---------------------------------------------------------------------------
    def _show(self, *, later: bool = False) -> None:
        """Paint the meeting; ``later``: the current item's panel (notes as Markdown, metrics)
        after the next frame, so the frame answering a key shows the agenda and the clock."""
        meeting = self.meeting
        if meeting is None:
            return
        now = self.now()
        title = meeting_label(meeting, self._tz, now)
        location = f" · {meeting.location}" if meeting.location else ""
        self._put("#runner-title", printable(title + location))
        self._put("#runner-status", self._status_words())
        if not later:
            self._show_item()
        agenda = self.query_one("#runner-agenda", VirtualList)
        current = self.current
        index = self.items.index(current) if current is not None else None
        agenda.update_items(view.agenda_rows(meeting, self.items, current, self._tz), cursor=index)
        self._clock_text = ()
        self.tick()
        # Asked after the repaints above: asked before them, the screen finds nothing to paint
        # yet and runs the callback at once, so the key's frame would wait for the panel.
        if later and not self._item_pending:  # keys pressed meanwhile: the panel shows the last one
            self._item_pending = True
            self.call_after_refresh(self._show_item_later)

    def _status_words(self) -> str:
        meeting = self.meeting
        assert meeting is not None
        workspace = self.host.workspace
        if meeting.status == MeetingStatus.done:
            if meeting.ended_at:
                return _("This meeting ended at {time}: read only. escape closes the runner.").format(
                    time=view.hour(meeting.ended_at, self._tz))
            return _("This meeting ended: read only. escape closes the runner.")
        if meeting.status == MeetingStatus.planned:
            if workspace.read_only:
                return _("Not started: the workspace is read-only because {reason}.").format(
                    reason=workspace.read_only_reason)
            return _("Starting the meeting…")
        label = meeting_run.running_label(meeting, self._members, self._tz)
        if self._driving():
            return _("You drive this meeting: {label}.").format(label=label)
        return _("{label}. Only they move it on; you can capture tasks (t) and feedback (f).").format(
            label=f"{label[:1].upper()}{label[1:]}")

    def _show_item_later(self) -> None:
        self._item_pending = False
        self._show_item()

    def _show_item(self) -> None:
        item = self.current
        key = (item.id, item.title, item.notes, item.outcome, item.kind, item.presenter_id, item.minutes,
               item.objective_id) if item is not None else (len(self.items), self.meeting and self.meeting.status)
        if key == self._shown_key:
            return
        self._shown_key = key
        ended = self.meeting is not None and self.meeting.status == MeetingStatus.done
        if item is None:
            self._put("#item-title", _("No item under discussion") if self.items else _("No agenda items"))
            through = _("The agenda is through: x ends the meeting, b goes back.")
            if ended:
                through = _("The meeting has ended. Its minutes: alinea export minutes {meeting}").format(
                    meeting=self.meeting_id[:8])
            self._put("#item-meta", through if self.items or ended else _(NO_ITEMS))
            self._put("#item-outcome", "")
            self._put_notes("")
            rows: list[view.MetricRow] = []
        else:
            objective = self._objectives.get(item.objective_id or "", "")
            self._put("#item-title", printable(item.title))
            self._put("#item-meta", view.item_heading(item, self._members, objective))
            self._put_notes(printable(item.notes, multiline=True) or _("*No notes: n adds them.*"))
            self._put("#item-outcome", view.outcome_text(item))
            rows = self._metrics.get(item.objective_id or "", [])
        for line, row in zip(self.query(MetricLine), [*rows[:METRIC_ROWS], *[None] * METRIC_ROWS], strict=False):
            line.show(row)
        more = len(rows) - METRIC_ROWS
        self._put("#item-metrics-more",
                  ngettext("and {count} more metric", "and {count} more metrics", more).format(count=more)
                  if more > 0 else "")

    def _put(self, selector: str, text: str) -> None:
        """Show ``text`` in a Static (hidden when empty), unless it shows it already. The title,
        the status and the clock's words have fixed sizes (runner.tcss): their updates skip the
        layout pass, which would otherwise come with every step and every tick."""
        if self._texts.get(selector) == text:
            return
        self._texts[selector] = text
        widget = self.query_one(selector, Static)
        widget.update(text, layout=selector not in FIXED_SIZE)
        widget.display = bool(text)

    def _put_notes(self, text: str) -> None:
        if self._texts.get("#item-notes") != text:
            self._texts["#item-notes"] = text
            self.query_one("#item-notes", Markdown).update(text)

    def tick(self) -> None:
        """The countdown and the meeting's time: the only thing repainted every second."""
        meeting = self.meeting
        if meeting is None:
            return
        run = run_clock(meeting, self.items, self.now())
        running = meeting.status == MeetingStatus.running
        digits = view.countdown_digits(run) if meeting.status != MeetingStatus.done else "--:--"
        words = view.countdown_words(run, meeting)
        lines = view.meeting_lines(run, meeting, self._tz)
        text = (digits, words, lines, str(running and run.warning), str(running and run.over), str(run.paused))
        if text == self._clock_text:
            return
        self._clock_text = text
        self.query_one("#runner-countdown", Digits).update(digits)
        self._put("#runner-countdown-words", words)
        self._put("#runner-meeting", lines)
        box = self.query_one("#runner-clock")
        box.set_class(running and run.warning and not run.paused, "-warning")
        box.set_class(running and run.over, "-over")
        box.set_class(run.paused, "-paused")

    # -- steps of the run ---------------------------------------------------------------------
    def _write(self, action: Callable[[Workspace], Any], purpose: str) -> None:
        """Queue a write once the step is painted: saving holds the interpreter a while, so
        the frame that answers the key goes out first."""
        self._pending += 1
        self.call_after_refresh(self.host.write, self, action, purpose=purpose)

    def _apply_local(self, edits: Sequence[Edit]) -> None:
        """Paint the step at once: the same edits on my copy of the records."""
        for edit in edits:
            if edit.table == "meetings" and self.meeting is not None:
                self.meeting = self.meeting.model_copy(update=edit.fields)
            elif edit.table == "agenda_items":
                self.items = [i.model_copy(update=edit.fields) if i.id == edit.record_id else i for i in self.items]

    def _start_run(self, workspace: Workspace) -> None:
        meeting = self.meeting
        if meeting is None or workspace.read_only:
            return
        now = self.now()
        self._apply_local(meeting_run.start(meeting, self.items, now, workspace.who))
        self._write(lambda ws: meeting_run.start_meeting(ws, self.meeting_id, now), "start")

    def _refuse_driving(self) -> bool:
        """Say why this person may not move the run on (None of that: False)."""
        meeting = self.meeting
        workspace = self.host.workspace
        if meeting is None:
            reason = _("This meeting was deleted.")
        elif workspace.read_only:
            reason = _("The workspace is read-only because {reason}.").format(reason=workspace.read_only_reason)
        elif meeting.status == MeetingStatus.done:
            reason = _("This meeting has ended: its minutes are kept as they are.")
        elif meeting.status == MeetingStatus.planned:
            reason = _("The meeting has not started yet.")
        elif not self._driving():
            label = meeting_run.running_label(meeting, self._members, self._tz)
            reason = _("Only the person who started the meeting moves it on ({label}).").format(label=label)
        else:
            return False
        self.notify(reason, title=_("Not yours to drive"), severity="warning")
        return True

    def _step(self, purpose: str, step: Step, stored: Stored, nothing: str = "") -> None:
        if self._refuse_driving():
            return
        assert self.meeting is not None
        now = self.now()
        try:
            edits = step(self.meeting, self.items, now)
        except InvalidInput as error:
            self.notify(str(error), severity="warning")
            return
        if not edits:
            if nothing:
                self.notify(nothing)
            return
        self._apply_local(edits)
        self._show(later=True)
        self._write(lambda ws: stored(ws, self.meeting_id, now), purpose)

    def action_next_item(self) -> None:
        through = _("The agenda is through: x ends the meeting.")
        self._step("next", meeting_run.done_and_next, meeting_run.next_item, through)

    def action_previous_item(self) -> None:
        self._step("back", meeting_run.back, meeting_run.previous_item, _("No item before this one is done."))

    def action_pause_run(self) -> None:
        self._step("pause", meeting_run.toggle_pause, meeting_run.pause_or_resume)

    def action_end_meeting(self) -> None:
        if self._refuse_driving():
            return
        from tui.screens.confirm import ConfirmScreen

        run = run_clock(self.meeting, self.items, self.now()) if self.meeting else None
        left = sum(1 for item in self.items if item.status == AgendaStatus.open)
        done, total = run.done if run else 0, len(self.items)
        if left:
            detail = ngettext(
                "{done} of {total} items done; {left} still open, to carry to the next meeting if you wish.",
                "{done} of {total} items done; {left} still open, to carry to the next meeting if you wish.",
                left).format(done=done, total=total, left=left)
        else:
            detail = _("{done} of {total} items done.").format(done=done, total=total)
        self.app.push_screen(ConfirmScreen(_("End the meeting now?"), detail, yes=_("end it"), no=_("keep going")),
                             self._end_confirmed)

    def _end_confirmed(self, yes: bool | None) -> None:
        if yes:
            self._step("end", meeting_run.end, meeting_run.end_meeting)

    def _offer_carry(self) -> None:
        """After the end: say what carrying would do, and do it if asked."""
        from store.carry import plan_carry
        from tui.screens.confirm import ConfirmScreen

        workspace = self.host.workspace
        meeting = workspace.get("meetings", self.meeting_id)
        ended = (_("The meeting ended at {time}.").format(time=view.hour(meeting.ended_at, self._tz))
                 if meeting.ended_at else "")
        try:
            plan = plan_carry(meeting, workspace.records("meetings", include_deleted=True),
                              workspace.records("agenda_items", include_deleted=True), self.now(), self._tz)
        except InvalidInput as error:
            self.notify(_("{ended} Its open items stay open here: {error}.").format(ended=ended, error=error),
                        title=_("Meeting ended"), timeout=10)
            return
        if plan.empty:
            self.notify(_("{ended} No open item to carry.").format(ended=ended), title=_("Meeting ended"))
            return
        if plan.new_meeting is not None:
            starts = plan.new_meeting.meeting["starts_at"]
            target = _("a new meeting on {when}, made from the series with its standing items").format(
                when=when_label(starts, self._tz))
        else:
            target_meeting = workspace.get("meetings", plan.target_id)
            target = meeting_label(target_meeting, self._tz, self.now())
        titles = [printable(fields["title"]) for _copy, fields in plan.copies]
        count = len(plan.mark_carried) or len(titles)
        question = ngettext("Carry {count} open item to the next meeting?",
                            "Carry {count} open items to the next meeting?", count).format(count=count)
        detail = _("To {target}:").format(target=target) + "\n" + "\n".join(f"  • {title}" for title in titles)
        self.app.push_screen(ConfirmScreen(question, f"{ended}\n{detail}", yes=_("carry them"),
                                           no=_("leave them here")),
                             self._carry_confirmed)

    def _carry_confirmed(self, yes: bool | None) -> None:
        if not yes:
            self.notify(_("The open items stay on this meeting; the next meeting can pull them from the Agenda pane."))
            return
        from store.carry import carry_over

        now, tz = self.now(), self._tz
        self._write(lambda ws: carry_over(ws, self.meeting_id, now, tz), "carry")

    # -- captured in the meeting --------------------------------------------------------------
    def _subject(self) -> tuple[str, str, str]:
        """(table, id, words) the feedback is about: the item's objective, else the item, else the meeting."""
        item = self.current
        if item is not None and item.objective_id and item.objective_id in self._objectives:
            return (SubjectTable.objectives, item.objective_id,
                    _("the objective {title}").format(title=self._objectives[item.objective_id]))
        if item is not None:
            return SubjectTable.agenda_items, item.id, _("the agenda item {title}").format(title=printable(item.title))
        return SubjectTable.meetings, self.meeting_id, _("this meeting")

    def action_capture(self, kind: str) -> None:
        workspace = self.host.workspace
        meeting = self.meeting
        if meeting is None:
            return
        if kind == "decision":
            if self._refuse_driving():
                return
            if self.current is None:
                self.notify(_("No item under discussion to record a decision on: b goes back to the last one."))
                return
        elif workspace.read_only:
            self.notify(_("The workspace is read-only because {reason}.").format(reason=workspace.read_only_reason),
                        severity="warning")
            return
        capture = self.query_one(CaptureLine)
        if kind == "decision":
            capture.open(kind, _("Decision"), _("what was decided, in one line"), view.decision_preview)
        elif kind == "task":
            capture.open(kind, _("Task"), _("Send revised lead-score sheet @ana fri !high"), self._task_preview)
        else:
            words = self._subject()[2]
            capture.open(kind, _("Feedback"), _("about {subject} (#concern, #idea … first)").format(subject=words),
                         lambda text: view.feedback_preview(text, words))

    def _task_preview(self, text: str) -> tuple[Any, bool]:
        from store.quickadd import parse_task_line

        members = [m for m in self._members.values() if not m.deleted]
        parsed = parse_task_line(text, members, self.host.today())
        item = self.current
        objective = self._objectives.get(item.objective_id or "", "") if item is not None else ""
        return view.task_preview(parsed, self._members, objective)

    @on(CaptureLine.Cancelled)
    def _capture_cancelled(self) -> None:
        self._close_capture()

    def _close_capture(self) -> None:
        self.query_one(CaptureLine).close()
        self.query_one("#runner-agenda", VirtualList).focus()

    @on(CaptureLine.Submitted)
    def _captured(self, event: CaptureLine.Submitted) -> None:
        self._close_capture()
        item = self.current
        text = event.text
        if event.kind == "decision" and item is not None:
            self._apply_local([meeting_run.record_decision(item, text)])
            self._shown_key = None
            self._show_item()
            decided = item.id
            self._write(lambda ws: meeting_run.add_decision(ws, decided, text), "decision")
        elif event.kind == "task":
            today, about = self.host.today(), item.id if item is not None else None
            self._write(lambda ws: meeting_run.add_task(ws, self.meeting_id, about, text, today), "task")
        elif event.kind == "feedback":
            table, subject_id, _words = self._subject()
            fields = view.feedback_fields(text, self.host.workspace.me, (table, subject_id))
            self._write(lambda ws: ws.create("feedback", **fields), "feedback")

    def action_edit_notes(self) -> None:
        if self._refuse_driving():
            return
        item = self.current
        if item is None:
            self.notify(_("No item under discussion: b goes back to the last one."))
            return
        from tui.screens.notes_editor import NotesEditor

        def save(text: str | None) -> None:
            if text is not None and text != item.notes:
                self._write(lambda ws: meeting_run.add_notes(ws, item.id, text), "notes")

        self.app.push_screen(NotesEditor(item.title, item.notes), save)

    # -- answers ------------------------------------------------------------------------------
    @on(Saved)
    def _saved(self, event: Saved) -> None:
        event.stop()
        self._pending = max(0, self._pending - 1)
        self.refresh_data()
        result = event.result
        if event.purpose == "task":
            owner = view.person(result.owner_id, self._members)
            title, owner = printable(result.title), owner or _("no owner")
            if result.due:
                added = _("{title} ({owner}, due {due}) is in To do on the Board.").format(
                    title=title, owner=owner, due=local_format(result.due, "%a %d %b"))
            else:
                added = _("{title} ({owner}) is in To do on the Board.").format(title=title, owner=owner)
            self.notify(added, title=_("Task added"))
        elif event.purpose == "feedback":
            self.notify(_("Feedback about {subject} saved.").format(subject=self._subject()[2]), title=_("Feedback"))
        elif event.purpose == "end":
            self._offer_carry()
        elif event.purpose == "carry":
            target = meeting_label(result.target, self._tz, self.now()) if result.target else _("the next meeting")
            if result.created_meeting:
                carried = ngettext("Carried {count} item to {target} (created now, with its standing items).",
                                   "Carried {count} items to {target} (created now, with its standing items).",
                                   result.carried)
            else:
                carried = ngettext("Carried {count} item to {target}.", "Carried {count} items to {target}.",
                                   result.carried)
            self.notify(carried.format(count=result.carried, target=target), title=_("Carried"))

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        """Nothing was written: read the stored run again and say why (the app's words)."""
        event.stop()
        self._pending = max(0, self._pending - 1)
        self.refresh_data()
        self.notify(refusal(event.error), title=_("Not saved"), severity="error", timeout=10)

    # -- leaving ------------------------------------------------------------------------------
    def action_close(self) -> None:
        self.dismiss(None)

    def action_leave(self, pane: str) -> None:
        self.dismiss(None)
        self.app.call_later(self.app.run_action, f"show_pane('{pane}')")


def meeting_to_run(workspace: Workspace, now: datetime) -> Meeting | None:
    """With no meeting named: the one running (mine first), else the next one (store.agenda.next_meeting)."""
    from store.agenda import next_meeting

    meetings = workspace.records("meetings")
    running = sorted((m for m in meetings if m.status == MeetingStatus.running),
                     key=lambda m: (not meeting_run.may_drive(m, workspace.who), m.starts_at))
    return running[0] if running else next_meeting(meetings, now)


def run_meeting(app: Any, meeting_id: str = "") -> None:
    """Open the runner on ``meeting_id``, or on the meeting to run now; say so when there is none."""
    host = host_of(app)
    if not meeting_id:
        meeting = meeting_to_run(host.workspace, host.now())
        if meeting is None:
            app.notify(_("No upcoming meeting to run: plan one in the Agenda pane (2)."), title=_("Run meeting"))
            return
        meeting_id = meeting.id
    app.push_screen(RunnerScreen(meeting_id))
