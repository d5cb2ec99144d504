"""What the meeting runner shows, in words: pure functions of the records and the clock.

Kept apart from the screen so the screen holds only layout, keys and writes. Every string
from the workspace passes through ``printable``; styles name the runner's component classes
(``runner-screen--done`` …) so colours come from the theme in runner.tcss.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from textual.content import Content

from store.agenda import item_starts
from store.dates import local_format
from store.i18n import N_, _
from store.meeting_run import RunClock, decisions
from store.models import AgendaItem, AgendaStatus, FeedbackKind, Meeting, MeetingStatus, Member
from store.progress import MetricView, format_value, percent
from store.quickadd import ParsedTask, fold
from store.text import printable
from tui.panes.words import agenda_kind, feedback_kind

#: the priorities, shown lower case in the runner's lines (marked here for the catalog)
PRIORITY_WORDS = (N_("low"), N_("normal"), N_("high"), N_("urgent"))


def clock(seconds: int) -> str:
    """"12:30", "1:02:30" (a meeting's elapsed time)."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def hour(moment: datetime, tz: tzinfo | None = None) -> str:
    return moment.astimezone(tz).strftime("%H:%M")


def countdown_digits(run: RunClock) -> str:
    """The big countdown: "4:05", "+2:10" past the time box ("over" is said beside it)."""
    if run.item is None:
        return "--:--"
    seconds = run.item_remaining
    minutes, rest = divmod(abs(seconds), 60)
    return f"{'+' if seconds < 0 else ''}{minutes}:{rest:02d}"


def countdown_words(run: RunClock, meeting: Meeting) -> str:
    """The word beside the countdown."""
    if meeting.status == MeetingStatus.done:
        return _("ended")
    if run.paused:
        return _("paused")
    if run.item is None:
        return _("agenda done") if run.total else _("no items")
    return _("over") if run.over else _("left")


def meeting_lines(run: RunClock, meeting: Meeting, tz: tzinfo | None = None) -> str:
    """The meeting's elapsed time against its length, its end time, and how far the agenda is."""
    length = clock(run.length)
    if meeting.status == MeetingStatus.done and meeting.started_at and meeting.ended_at:
        return "\n".join((
            _("Meeting ran {elapsed} of {length}").format(elapsed=clock(run.elapsed), length=length),
            _("{start}–{end} · planned end {planned}").format(
                start=hour(meeting.started_at, tz), end=hour(meeting.ended_at, tz), planned=hour(run.planned_end, tz)),
            _("{done} of {total} items done").format(done=run.done, total=run.total),
        ))
    pace = hour(run.expected_end, tz)
    late = run.expected_end > run.planned_end and pace != hour(run.planned_end, tz)
    position = (_("item {number} of {total}").format(number=run.done + 1, total=run.total) if run.item is not None
                else _("{done} of {total} done").format(done=run.done, total=run.total))
    ends = (_("ends {planned} · at this pace {expected}") if late else _("ends {planned}")).format(
        planned=hour(run.planned_end, tz), expected=pace)
    return "\n".join((_("Meeting {elapsed} of {length}").format(elapsed=clock(run.elapsed), length=length), ends,
                      position))


def agenda_rows(
    meeting: Meeting, ordered: Sequence[AgendaItem], current: AgendaItem | None, tz: tzinfo | None = None
) -> list[list[tuple[Content, str]]]:
    """One row per item: a mark (✓ done, ▶ current, → carried), the planned start and title; the time box."""
    rows = []
    for item, start in item_starts(meeting, ordered):
        title = printable(item.title)
        if item is current:
            left = Content.styled(f"▶ {hour(start, tz)} {title}", "bold $accent")
        elif item.status == AgendaStatus.done:
            left = Content.styled(f"✓ {hour(start, tz)} {title}", "$text-muted")
        elif item.status == AgendaStatus.carried:
            left = Content.styled(f"→ {hour(start, tz)} {title}", "$text-muted italic")
        else:
            left = Content(f"  {hour(start, tz)} {title}")
        rows.append([(left, f"{item.minutes}m")])
    return rows


def person(member_id: str | None, members: Mapping[str, Member]) -> str:
    member = members.get(member_id) if member_id else None
    if member is None:
        return ""
    return printable(f"{member.name} ({member.department})" if member.department else member.name)


def item_heading(item: AgendaItem, members: Mapping[str, Member], objective_title: str) -> str:
    """Kind · presenter (department) · time box · objective."""
    parts = [agenda_kind(item.kind.value)]
    presenter = person(item.presenter_id, members)
    parts.append(presenter or _("no presenter"))
    parts.append(_("{minutes} min").format(minutes=item.minutes))
    if item.standing:
        parts.append(_("standing item"))
    if item.carried_from:
        parts.append(_("carried from the last meeting"))
    if objective_title:
        parts.append(_("objective: {title}").format(title=printable(objective_title)))
    return " · ".join(parts)


def outcome_text(item: AgendaItem) -> str:
    """The item's outcome: its prose, then the decisions recorded, as plain lines."""
    prose = [line for line in item.outcome.splitlines() if line.strip() and not line.startswith(("- ", "* "))]
    made = decisions(item)
    lines = [printable(line) for line in prose]
    if made:
        lines.append(_("Decisions:"))
        lines += [f"  • {printable(text)}" for text in made]
    return "\n".join(lines)


@dataclass(frozen=True)
class MetricRow:
    label: str
    series: list[float]


def metric_rows(views: Sequence[MetricView]) -> list[MetricRow]:
    """Each metric of the linked objective: current vs target, progress, and its history."""
    rows = []
    for view in views:
        metric = view.metric
        current = format_value(view.current, metric.unit)
        target = format_value(metric.target, metric.unit)
        values = {"name": printable(metric.name), "current": current, "target": target,
                  "progress": percent(view.progress)}
        if view.last_date:
            label = _("{name}: {current} on {day} · target {target} · {progress}").format(
                day=local_format(view.last_date, "%d %b"), **values)
        else:
            label = _("{name}: {current} · target {target} · {progress}").format(**values)
        rows.append(MetricRow(label, [value for _day, value in view.points]))
    return rows


# -- previews of the one-line captures ----------------------------------------------------
def task_preview(parsed: ParsedTask, members: Mapping[str, Member], objective_title: str) -> tuple[Content, bool]:
    """What the task line reads as, token by token; the first error in words."""
    if parsed.errors:
        return Content.styled(printable(parsed.errors[0]), "$error"), False
    parts = [_("task: {title}").format(title=printable(parsed.title))]
    owner = person(parsed.owner_id, members)
    parts.append(_("owner: {owner}").format(owner=owner) if owner else _("no owner"))
    if parsed.due is not None:
        parts.append(_("due {day}").format(day=local_format(parsed.due, "%a %d %b")))
    if parsed.priority is not None:
        parts.append(_("priority {priority}").format(priority=_(parsed.priority.value)))
    if objective_title:
        parts.append(_("objective: {title}").format(title=printable(objective_title)))
    parts.append(_("enter adds it to To do"))
    return Content(" · ".join(parts)), True


def feedback_line(text: str) -> tuple[FeedbackKind, str]:
    """A leading ``#kind`` (``#concern``, ``#q``) picks the kind; the rest is the body."""
    words = text.strip().split(maxsplit=1)
    if words and words[0].startswith("#") and len(words[0]) > 1:
        wanted = fold(words[0][1:])
        found = [kind for kind in FeedbackKind if kind.value.startswith(wanted)]
        if len(found) == 1:
            return found[0], words[1] if len(words) > 1 else ""
    return FeedbackKind.idea, text.strip()


def feedback_preview(text: str, subject: str) -> tuple[Content, bool]:
    kind, body = feedback_line(text)
    if not body:
        return Content(_("feedback about {subject} · start with #praise, #concern, #idea or #question").format(
            subject=printable(subject))), False
    return Content(_("{kind} about {subject} · from you · enter saves it").format(
        kind=feedback_kind(kind.value), subject=printable(subject))), True


def decision_preview(text: str) -> tuple[Content, bool]:
    if not text.strip():
        return Content(_("a decision needs some words · enter appends it to the item's outcome")), False
    return Content(_("enter appends it to the item's outcome as a decision")), True


def feedback_fields(text: str, author: Member | None, subject: tuple[str, str]) -> dict[str, Any]:
    """The feedback record captured about the item's subject (its objective, else the item)."""
    kind, body = feedback_line(text)
    return {
        "author_id": author.id if author else None,
        "subject_table": subject[0],
        "subject_id": subject[1],
        "kind": kind,
        "body": body,
    }

