"""A meeting's minutes as Markdown and as one HTML page.

Title, date, who attended, the actual start and end, each item with its outcome and
decisions, the tasks created in the meeting, the feedback captured, the linked objectives'
metrics as they stood at the end, and the items carried to the next meeting.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from store.agenda import agenda_of, meeting_end, meeting_label, when_label
from store.dates import local_format
from store.export.agenda import attendee_lines, presenter_words
from store.export.common import block, inline, markdown_page
from store.i18n import N_, _, language
from store.meeting_run import decisions
from store.models import AgendaStatus, SubjectTable
from store.proposals import format_value, latest
from store.vocabulary import choice

if TYPE_CHECKING:
    from store.models import AgendaItem, Feedback, Meeting, Task
    from store.workspace import Workspace

FORMATS = ("md", "html")
#: how an item ended, after its title
_ITEM_ENDS = {AgendaStatus.done: N_("done"), AgendaStatus.carried: N_("carried"), AgendaStatus.open: N_("not reached")}


def _outcome_lines(item: AgendaItem) -> list[str]:
    """The item's outcome: its prose, then its decisions as a list."""
    prose = [line for line in item.outcome.splitlines() if not line.startswith(("- ", "* "))]
    lines = []
    if "\n".join(prose).strip():
        lines += ["", block("\n".join(prose))]
    made = decisions(item)
    if made:
        lines += ["", _("Decisions:"), "", *(f"- {inline(text)}" for text in made)]
    return lines


def tasks_of(workspace: Workspace, meeting: Meeting) -> list[Task]:
    return [t for t in workspace.records("tasks") if t.meeting_id == meeting.id]


def feedback_of(workspace: Workspace, meeting: Meeting, items: list[AgendaItem]) -> list[Feedback]:
    """Feedback captured during the run, or about the meeting or one of its items."""
    item_ids = {item.id for item in items}
    found = []
    for entry in workspace.records("feedback"):
        during = (
            meeting.started_at is not None
            and meeting.ended_at is not None
            and meeting.started_at <= entry.created_at <= meeting.ended_at
        )
        about = (entry.subject_table == SubjectTable.meetings and entry.subject_id == meeting.id) or (
            entry.subject_table == SubjectTable.agenda_items and entry.subject_id in item_ids
        )
        if during or about:
            found.append(entry)
    return found


def minutes_markdown(workspace: Workspace, meeting: Meeting, tz: tzinfo | None = None) -> str:
    items = agenda_of(workspace.records("agenda_items"), meeting.id)
    day = local_format(meeting.starts_at.astimezone(tz), "%a %d %b %Y")
    lines = ["# " + _("Minutes: {title} · {day}").format(title=inline(meeting.title), day=day), ""]
    if meeting.started_at is not None:
        end = f"{meeting.ended_at.astimezone(tz):%H:%M}" if meeting.ended_at else _("still running")
        held = _("**Held:** {start}–{end}").format(start=inline(when_label(meeting.started_at, tz)), end=end)
        lines.append(held + "  ")
    else:
        lines.append(_("**Held:** not run yet") + "  ")
    planned_end = meeting_end(meeting).astimezone(tz)
    lines.append(_("**Planned:** {start}–{end}").format(
        start=inline(when_label(meeting.starts_at, tz)), end=f"{planned_end:%H:%M}"
    ))
    if meeting.location:
        lines[-1] += "  "
        lines.append(_("**Where:** {where}").format(where=inline(meeting.location)))
    attendees = attendee_lines(workspace, meeting)
    if attendees:
        lines += ["", "## " + _("Attended"), "", *attendees]
    lines += ["", "## " + _("Items")]
    for number, item in enumerate(items, start=1):
        presenter = presenter_words(workspace, item)
        by = f" — {inline(presenter)}" if presenter else ""
        lines += ["", f"### {number}. {inline(item.title)}{by} ({_(_ITEM_ENDS[item.status])})"]
        lines += _outcome_lines(item)
    if not items:
        lines += ["", _("No items.")]
    lines += _task_section(workspace, meeting)
    lines += _feedback_section(workspace, meeting, items)
    lines += _metric_section(workspace, meeting, items, tz)
    lines += _carried_section(workspace, items, tz)
    if meeting.notes.strip():
        lines += ["", "## " + _("Notes"), "", block(meeting.notes)]
    return "\n".join(lines).rstrip() + "\n"


def _task_section(workspace: Workspace, meeting: Meeting) -> list[str]:
    tasks = tasks_of(workspace, meeting)
    if not tasks:
        return []
    header = "| " + " | ".join((_("Task"), _("Owner"), _("Department"), _("Due"))) + " |"
    lines = ["", "## " + _("Tasks"), "", header, "|---|---|---|---|"]
    for task in tasks:
        owner = workspace.lookup("members", task.owner_id) if task.owner_id else None
        due = local_format(task.due, "%a %d %b") if task.due else ""
        cells = [task.title, owner.name if owner else "", task.department, due]
        lines.append("| " + " | ".join(inline(cell) for cell in cells) + " |")
    return lines


def _feedback_section(workspace: Workspace, meeting: Meeting, items: list[AgendaItem]) -> list[str]:
    entries = feedback_of(workspace, meeting, items)
    if not entries:
        return []
    lines = ["", "## " + _("Feedback"), ""]
    for entry in entries:
        author = workspace.lookup("members", entry.author_id) if entry.author_id else None
        by = f" — {inline(author.name)}" if author else ""
        kind = entry.kind.value if language() == "en" else choice(entry.kind.value).lower()
        lines.append(f"- {inline(kind)}: {inline(entry.label)}{by}")
    return lines


def _metric_section(workspace: Workspace, meeting: Meeting, items: list[AgendaItem], tz: tzinfo | None) -> list[str]:
    """Each linked objective's metrics as they stood at the end: baseline → latest → target."""
    objective_ids = set(meeting.objective_ids) | {i.objective_id for i in items if i.objective_id}
    objectives = [o for o in workspace.records("objectives") if o.id in objective_ids]
    if not objectives:
        return []
    moment = meeting.ended_at or meeting_end(meeting)
    day = moment.astimezone(tz).date()
    lines = ["", "## " + _("Metrics at the end ({day})").format(day=local_format(day, "%a %d %b %Y"))]
    measurements = workspace.records("measurements")
    metrics = workspace.records("metrics")
    for objective in objectives:
        status = objective.status.value.replace("_", " ") if language() == "en" else (
            choice(objective.status.value).lower()
        )
        lines += ["", f"**{inline(objective.title)}** ({inline(status)})", ""]
        own = [m for m in metrics if m.objective_id == objective.id]
        if not own:
            lines.append("- " + _("no metrics"))
        for metric in own:
            last = latest(measurements, metric.id, until=day)
            now = _("{value} on {day}").format(
                value=format_value(last.value, metric.unit), day=local_format(last.date, "%d %b")
            ) if last else _("no data")
            base, target = format_value(metric.baseline, metric.unit), format_value(metric.target, metric.unit)
            lines.append(f"- {inline(metric.name)}: {inline(base)} → {inline(now)} → {inline(target)}")
    return lines


def _carried_section(workspace: Workspace, items: list[AgendaItem], tz: tzinfo | None) -> list[str]:
    carried = [item for item in items if item.status == AgendaStatus.carried]
    if not carried:
        return []
    copies = {i.carried_from: i for i in workspace.records("agenda_items") if i.carried_from}
    lines = ["", "## " + _("Carried to the next meeting"), ""]
    for item in carried:
        copy = copies.get(item.id)
        target = workspace.lookup("meetings", copy.meeting_id) if copy else None
        where = f" → {inline(meeting_label(target, tz))}" if target is not None else ""
        lines.append(f"- {inline(item.title)}{where}")
    return lines


def minutes_html(workspace: Workspace, meeting: Meeting, tz: tzinfo | None = None) -> str:
    return markdown_page(_("Minutes: {title}").format(title=meeting.title), minutes_markdown(workspace, meeting, tz))


def export_minutes(workspace: Workspace, meeting: Meeting, fmt: str, tz: tzinfo | None = None) -> bytes:
    if fmt == "md":
        return minutes_markdown(workspace, meeting, tz).encode()
    if fmt == "html":
        return minutes_html(workspace, meeting, tz).encode()
    raise ValueError(fmt)
