"""The detail of the selected objective: status and pace, a proposal to accept, the Markdown
description, one card per metric, the linked tasks, open feedback and the meetings that
discussed it.

It is given an ``ObjectiveView`` (store.progress) and ``Links`` (store.objective_index) and
reuses its widgets from one objective to the next (moving with j stays cheap).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from store.agenda import when_label
from store.feedback_actions import first_line
from store.i18n import N_, _, ngettext
from store.objective_index import Links
from store.progress import ObjectiveView, percent
from store.text import printable
from tui.panes.metric_card import MetricCard
from tui.panes.words import due_label, feedback_kind, objective_kind, objective_status, task_count, task_status
from tui.widgets.board_column import short_name
from tui.widgets.virtual_list import Item, LazySequence, VirtualList

if TYPE_CHECKING:
    from store.models import Member, Objective, Task

MAX_TASK_ROWS = 8
TASK_STATUSES = ("todo", "doing", "blocked", "done")


class TaskLinks(VirtualList):
    """The objective's tasks; enter jumps to one on the Board."""

    DEFAULT_CSS = """
    TaskLinks { height: auto; max-height: 8; background: $surface; }
    TaskLinks > .virtual-list--cursor { background: $surface; }
    TaskLinks:focus > .virtual-list--cursor { background: $primary 35%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", N_("Down"), show=False, id="objectives.next_task", tooltip=N_("Next task")),
        Binding("k,up", "cursor_up", N_("Up"), show=False, id="objectives.previous_task", tooltip=N_("Previous task")),
        Binding("enter", "select_item", N_("Show on Board"), id="objectives.jump_task",
                tooltip=N_("Show the task on the Board")),
    ]

    def __init__(self) -> None:
        super().__init__(id="detail-tasks")
        self.task_ids: list[str] = []


def task_line(task: Task, members: Mapping[str, Member], today: date) -> Item:
    overdue = task.due is not None and task.due < today and str(task.status) != "done"
    owner = members.get(task.owner_id) if task.owner_id else None
    width = max(8, *(len(task_status(status)) + 1 for status in TASK_STATUSES))  # Spanish words are longer
    left = Content.assemble(
        (f"{task_status(str(task.status)):<{width}}", "$text-muted"),
        printable(task.title),
        ("  " + printable(short_name(owner.name)) if owner else "", "$text-muted"),
    )
    if task.due is None:
        return (left,)
    due = (_("overdue") + " " if overdue else "") + due_label(task.due, today)
    return ((left, Content.styled(due, "$error bold" if overdue else "$text-muted")),)


def header_lines(view: ObjectiveView, members_named: str) -> tuple[Content, Content]:
    objective: Objective = view.objective
    status = str(objective.status)
    tone = {"on_track": "$success", "at_risk": "$warning", "off_track": "$error"}.get(status, "$text-muted")
    title = Content.assemble(("● " + objective_status(status) + "  ", f"{tone} bold"),
                             (printable(objective.title), "bold"))
    facts = [objective_kind(str(objective.kind))]
    if objective.period:
        facts.append(printable(objective.period))
    if objective.due:
        facts.append(_("due {day}").format(day=due_label(objective.due, objective.due)))
    if members_named:
        facts.append(members_named)
    if view.departments:
        facts.append(" + ".join(printable(d) for d in view.departments))
    line = Content.styled(" · ".join(facts), "$text-muted")
    if view.shared:
        line += Content(" ") + Content.styled(" " + _("shared") + " ", "bold $text on $accent 60%")
    elif view.single_department:
        line += Content.styled("  ◐ " + _("one department owns it"), "$warning")
    return title, line


def pace_line(view: ObjectiveView) -> Content:
    pace = view.pace
    parts = [Content.assemble(_("Progress") + " ", (percent(view.progress), "bold"))]
    if pace.elapsed is not None:
        parts.append(Content(_("{share} of the time passed").format(share=percent(pace.elapsed))))
    parts.append(Content.styled(pace.label, "$warning bold reverse" if pace.behind else "$text-muted"))
    return Content(" · ").join(parts)


class ObjectiveDetail(VerticalScroll, can_focus=False):
    """What one objective is, how it goes, and what links to it."""

    DEFAULT_CSS = """
    ObjectiveDetail {
        padding: 0 1;
        & > Static { height: auto; }
        & > .detail-heading { color: $text-muted; text-style: bold; margin: 1 0 0 0; }
        & > #detail-proposal { color: $warning; text-style: bold; display: none; }
        & > #detail-description { margin: 0; padding: 0; height: auto; }
        & > #detail-metrics { height: auto; }
        & > .detail-muted { color: $text-muted; }
    }
    """

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # markdown-it is imported with the detail, after the first frame

        yield Static("", id="detail-title", markup=False)
        yield Static("", id="detail-facts", markup=False)
        yield Static("", id="detail-pace", markup=False)
        yield Static("", id="detail-proposal", markup=False)
        yield Markdown("", id="detail-description")
        yield Static(_("Metrics"), classes="detail-heading", id="detail-metrics-heading", markup=False)
        yield Vertical(id="detail-metrics")
        yield Static(_("Tasks"), classes="detail-heading", markup=False)
        yield Static("", id="detail-task-summary", markup=False)
        yield TaskLinks()
        yield Static(_("Open feedback"), classes="detail-heading", markup=False)
        yield Static("", id="detail-feedback", classes="detail-muted", markup=False)
        yield Static(_("Discussed in"), classes="detail-heading", markup=False)
        yield Static("", id="detail-meetings", classes="detail-muted", markup=False)

    @property
    def cards(self) -> list[MetricCard]:
        return list(self.query_one("#detail-metrics", Vertical).query_children(MetricCard))

    @property
    def task_list(self) -> TaskLinks:
        return self.query_one(TaskLinks)

    async def show(
        self, view: ObjectiveView | None, links: Links, members: Mapping[str, Member], today: date,
        *, objective: Objective | None = None,
    ) -> None:
        """Show ``view`` (or, while progress is being worked out, the bare ``objective``)."""
        objective = view.objective if view is not None else objective
        if objective is None:
            self.display = False
            return
        self.display = True
        owners = ", ".join(printable(short_name(members[i].name)) for i in sorted(objective.owner_ids) if i in members)
        if view is not None:
            title, facts = header_lines(view, owners)
            self._set("#detail-title", title)
            self._set("#detail-facts", facts)
            self._set("#detail-pace", pace_line(view))
            self._set_proposal(view)
        else:
            self._set("#detail-title", Content.styled(printable(objective.title), "bold"))
            self._set("#detail-facts", Content(""))
            self._set("#detail-pace", Content.styled(_("Working out progress…"), "$text-muted italic"))
        from textual.widgets import Markdown

        description = self.query_one("#detail-description", Markdown)
        text = printable(objective.description, multiline=True) or "*{}*".format(
            _("No description — e edits the objective."))
        if getattr(self, "_description", None) != text:
            self._description = text
            await description.update(text)
        await self._show_metrics(view, today)
        self._show_tasks(links, members, today)
        self._show_feedback(links, members)
        self._show_meetings(links)

    def _set(self, selector: str, content: Content) -> None:
        self.query_one(selector, Static).update(content)

    def _set_proposal(self, view: ObjectiveView) -> None:
        proposal = self.query_one("#detail-proposal", Static)
        words = ""
        if view.proposal is not None:
            status = objective_status(str(view.proposal))
            words = _("{pace} — propose: {status}  (A accepts)").format(pace=view.pace.label, status=status)
        elif view.overdue_on_track:
            words = _("past its due date and still on track — e updates its status")
        proposal.update(words)
        proposal.display = bool(words)

    async def _show_metrics(self, view: ObjectiveView | None, today: date) -> None:
        box = self.query_one("#detail-metrics", Vertical)
        views = view.metrics if view is not None else ()
        cards = self.cards
        for card, metric in zip(cards, views, strict=False):  # the extra cards or views follow
            card.show(metric)
        if len(cards) > len(views):
            await box.remove_children(cards[len(views):])
        elif len(views) > len(cards):
            await box.mount_all(MetricCard(metric, today) for metric in views[len(cards):])
        heading = _("Metrics") if views else _("Metrics — none yet: a adds one")
        self._set("#detail-metrics-heading", Content(heading))

    def _show_tasks(self, links: Links, members: Mapping[str, Member], today: date) -> None:
        counts = links.task_counts()
        overdue = links.overdue(today)
        if not counts:
            summary = Content.styled(_("No tasks linked — add one on the Board with this objective."), "$text-muted")
        else:
            summary = Content(" · ".join(task_count(str(s), n) for s, n in counts))
            if overdue:
                names = ", ".join(printable(t.title) for t in overdue[:3]) + (" …" if len(overdue) > 3 else "")
                summary += Content.styled(" · " + _("overdue: {names}").format(names=names), "$error bold")
        self._set("#detail-task-summary", summary)
        order = {"blocked": 0, "doing": 1, "todo": 2, "done": 3}
        tasks = sorted(links.tasks, key=lambda t: (order.get(str(t.status), 4), t.due or date.max, t.title.casefold()))
        task_list = self.task_list
        task_list.task_ids = [t.id for t in tasks]
        task_list.set_items(LazySequence(len(tasks), lambda i: task_line(tasks[i], members, today)), cursor=0)
        task_list.display = bool(tasks)
        task_list.styles.height = min(len(tasks), MAX_TASK_ROWS) or 1

    def _show_feedback(self, links: Links, members: Mapping[str, Member]) -> None:
        lines = []
        for entry in links.feedback[:5]:
            author = members.get(entry.author_id) if entry.author_id else None
            who = printable(short_name(author.name)) if author else _("someone")
            lines.append(f"{feedback_kind(str(entry.kind))}: “{printable(first_line(entry.body, 80))}” — {who}")
        if len(links.feedback) > 5:
            more = len(links.feedback) - 5
            lines.append(ngettext("… and {count} more in the Feedback pane", "… and {count} more in the Feedback pane",
                                  more).format(count=more))
        self._set("#detail-feedback", Content("\n".join(lines) or _("None open.")))

    def _show_meetings(self, links: Links) -> None:
        lines = [
            f"{when_label(d.meeting.starts_at)}  {printable(d.meeting.title)} — {printable(d.item.title)}"
            for d in links.discussed[:5]
        ]
        if len(links.discussed) > 5:
            earlier = len(links.discussed) - 5
            lines.append(ngettext("… and {count} earlier", "… and {count} earlier", earlier).format(count=earlier))
        self._set("#detail-meetings", Content("\n".join(lines) or _("Not on any agenda yet.")))
