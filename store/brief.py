"""The brief: what changed since the last meeting and what needs attention, before the next one.

For a meeting (by default the next planned one), counted from the start of the previous
meeting of its series (or the last 7 days when there is none): metrics that moved and
whether toward their target, objectives whose progress, pace or record changed, tasks
done, tasks overdue, new and still-open feedback, conflicts waiting for review; then the
meeting's agenda fill and airtime per department.

Pure: records and ``now`` come in. Every line carries the table and id of its record so
the UI can jump to it. Computed from ``updated_at`` stamps and measurement dates; an
objective's earlier progress is recomputed from the measurements dated before ``since``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from store.dates import day_label
from store.errors import InvalidInput
from store.i18n import N_, _
from store.models import FeedbackStatus, Meeting, MeetingStatus, ObjectiveStatus, TaskStatus
from store.progress import ObjectiveView, format_change, format_value, objective_views, percent, toward_target
from store.references import title_of

DEFAULT_WINDOW = timedelta(days=7)
#: a progress change smaller than this (one point) is not news
PROGRESS_STEP = 0.01
NO_DEPARTMENT = N_("No department")

_STATUS_WORDS = {
    ObjectiveStatus.on_track: N_("on track"),
    ObjectiveStatus.at_risk: N_("at risk"),
    ObjectiveStatus.off_track: N_("off track"),
    ObjectiveStatus.done: N_("done"),
}


def status_word(status: ObjectiveStatus) -> str:
    """An objective's status in a sentence, in the reader's language: "at risk"."""
    return _(_STATUS_WORDS[status])


@dataclass(frozen=True)
class BriefLine:
    """One line of the brief: words, and the record it is about (for `enter` to jump)."""

    text: str
    table: str
    record_id: str
    #: "good", "bad" or "" (the UI may colour by it)
    tone: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    lines: tuple[BriefLine, ...]
    #: what to say when there are no lines
    empty: str


@dataclass(frozen=True)
class Brief:
    meeting: Meeting | None
    previous: Meeting | None
    since: datetime
    now: datetime
    sections: tuple[Section, ...]
    agenda_minutes: int = 0
    meeting_minutes: int = 0
    #: (department, minutes) of the meeting's agenda, most first
    airtime: tuple[tuple[str, int], ...] = field(default=())

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    @property
    def over_by(self) -> int:
        """Minutes the agenda runs past the meeting's length (0 when it fits)."""
        return max(0, self.agenda_minutes - self.meeting_minutes)


# -- which meeting --------------------------------------------------------------------------------
def upcoming(source: Any, now: datetime, series: str | None = None) -> Meeting | None:
    """The next planned (or running) meeting from ``now`` on, of ``series`` when given."""
    found = [
        m
        for m in source.records("meetings")
        if m.status is not MeetingStatus.done
        and m.starts_at + timedelta(minutes=m.duration_min) >= now
        and (series is None or m.series == series)
    ]
    return min(found, key=lambda m: (m.starts_at, m.id), default=None)


def pick_meeting(source: Any, text: str | None, *, now: datetime) -> Meeting | None:
    """The meeting a person names: an id prefix, or ``next`` (``próxima``)/nothing for the next meeting.

    None when nothing is planned (the brief then covers the last 7 days)."""
    if text is None or text.strip().lower() in ("", "next", "próxima", "proxima", "siguiente"):
        return upcoming(source, now)
    found = source.find(text, "meetings")
    if found.deleted:
        raise InvalidInput(_("meeting {id} was deleted").format(id=found.id[:8]))
    return found


def previous_meeting(source: Any, meeting: Meeting) -> Meeting | None:
    """The latest meeting of the same series that started before this one."""
    if not meeting.series:
        return None
    earlier = [
        m
        for m in source.records("meetings")
        if m.series == meeting.series and m.id != meeting.id and m.starts_at < meeting.starts_at
    ]
    return max(earlier, key=lambda m: (m.starts_at, m.id), default=None)


# -- the sections -------------------------------------------------------------------------------------
def _metric_lines(views: list[ObjectiveView], since_day: date) -> list[BriefLine]:
    lines = []
    for view in views:
        for metric_view in view.metrics:
            metric = metric_view.metric
            if metric_view.last_date is None or metric_view.last_date < since_day:
                continue
            before = metric_view.value_on(since_day - timedelta(days=1))
            now_value = metric_view.current
            unit = metric.unit
            if before is None:
                text = _("{metric}: first measurement {value}").format(
                    metric=metric.name, value=format_value(now_value, unit)
                )
                tone = ""
            elif now_value == before:
                continue
            else:
                change = now_value - before if now_value is not None else None
                toward = toward_target(metric, change)
                template = (
                    _("{metric}: {before} → {after} ({change}, toward target)")
                    if toward
                    else _("{metric}: {before} → {after} ({change}, away from target)")
                )
                text = template.format(
                    metric=metric.name,
                    before=format_value(before, unit),
                    after=format_value(now_value, unit),
                    change=format_change(change, unit),
                )
                tone = "good" if toward else "bad"
            text += f" · {view.objective.title}"
            lines.append(BriefLine(text, "metrics", metric.id, tone))
    return lines


def _objective_lines(source: Any, views: list[ObjectiveView], since: datetime) -> list[BriefLine]:
    since_day = since.date()
    before = {v.objective.id: v for v in objective_views(source, since_day, until=since_day - timedelta(days=1))}
    lines = []
    for view in views:
        goal = view.objective
        old = before.get(goal.id)
        notes = []
        if old is not None and (old.progress is None) != (view.progress is None):
            notes.append(_progress_note(old.progress, view.progress))
        elif old is not None and old.progress is not None and view.progress is not None:
            if abs(view.progress - old.progress) >= PROGRESS_STEP:
                notes.append(_progress_note(old.progress, view.progress))
        if old is not None and old.pace.label != view.pace.label:
            notes.append(f"{old.pace.label} → {view.pace.label}")  # each in the reader's language
        if goal.updated_at >= since and goal.created_at < since:
            who = goal.updated_by or _("someone")
            notes.append(_("edited by {who}, now {status}").format(who=who, status=status_word(goal.status)))
        elif goal.created_at >= since:
            notes.append(_("new, {status}").format(status=status_word(goal.status)))
        if view.proposal is not None:
            notes.append(_("behind pace: propose {status}").format(status=status_word(view.proposal)))
        if view.overdue_on_track:
            notes.append(_("past its due date and still on track"))
        if notes:
            tone = "bad" if view.pace.behind or view.overdue_on_track else ""
            text = _("{title}: {notes}").format(title=goal.title, notes="; ".join(notes))
            lines.append(BriefLine(text, "objectives", goal.id, tone))
    return lines


def _progress_note(before: float | None, after: float | None) -> str:
    return _("progress {before} → {after}").format(before=percent(before), after=percent(after))


def _owner(source: Any, owner_id: str | None) -> str:
    return title_of(source, "members", owner_id) or _("no owner")


def _task_lines(source: Any, since: datetime, today: date) -> tuple[list[BriefLine], list[BriefLine]]:
    tasks = source.records("tasks")
    done = [
        BriefLine(_("{title} ({owner})").format(title=t.title, owner=_owner(source, t.owner_id)), "tasks", t.id, "good")
        for t in sorted(tasks, key=lambda t: (t.updated_at, t.id))
        if t.status is TaskStatus.done and t.updated_at >= since
    ]
    _late = _("{title} ({owner}), due {day}")
    late = [t for t in tasks if t.status is not TaskStatus.done and t.due is not None and t.due < today]
    overdue = [
        BriefLine(
            (_("{title} ({owner}), due {day}, newly overdue") if t.due >= since.date() else _late)
            .format(title=t.title, owner=_owner(source, t.owner_id), day=day_label(t.due)),
            "tasks",
            t.id,
            "bad",
        )
        for t in sorted(late, key=lambda t: (t.due, t.id))
    ]
    return done, overdue


def _feedback_text(source: Any, entry: Any) -> str:
    from store.feedback_actions import first_line
    from store.vocabulary import choice

    author = title_of(source, "members", entry.author_id) or _("someone")
    kind, body = choice(entry.kind.value), first_line(entry.body, 80)
    if entry.subject_table is not None:
        about = title_of(source, entry.subject_table.value, entry.subject_id)
        return _("{kind} from {author} on {subject}: {body}").format(kind=kind, author=author, subject=about, body=body)
    return _("{kind} from {author}: {body}").format(kind=kind, author=author, body=body)


def _feedback_lines(source: Any, since: datetime) -> tuple[list[BriefLine], list[BriefLine]]:
    entries = sorted(source.records("feedback"), key=lambda f: (f.created_at, f.id))
    new = [BriefLine(_feedback_text(source, f), "feedback", f.id) for f in entries if f.created_at >= since]
    still_open = [
        BriefLine(_feedback_text(source, f), "feedback", f.id)
        for f in entries
        if f.created_at < since and f.status is FeedbackStatus.open
    ]
    return new, still_open


def _conflict_lines(source: Any) -> list[BriefLine]:
    """Each open conflict; the line names the conflict (the review screen opens on it)."""
    from store.conflicts import conflict_views

    lines = []
    for view in conflict_views(source):
        text = _("{noun} {title} · {field}: kept {kept}, set aside {lost}").format(
            noun=view.noun.capitalize(), title=view.title, field=view.field_label, kept=view.kept, lost=view.lost
        )
        lines.append(BriefLine(text, "conflicts", view.id, "bad"))
    return lines


def agenda_fill(source: Any, meeting: Meeting) -> tuple[int, tuple[tuple[str, int], ...]]:
    """(planned minutes, airtime by the presenters' departments, most first)."""
    items = [a for a in source.records("agenda_items") if a.meeting_id == meeting.id]
    airtime: dict[str, int] = {}
    for item in items:
        presenter = source.lookup("members", item.presenter_id) if item.presenter_id else None
        department = (presenter.department.strip() if presenter is not None else "") or _(NO_DEPARTMENT)
        airtime[department] = airtime.get(department, 0) + item.minutes
    ordered = sorted(airtime.items(), key=lambda pair: (-pair[1], pair[0].casefold()))
    return sum(item.minutes for item in items), tuple(ordered)


def build_brief(source: Any, meeting: Meeting | None, *, now: datetime) -> Brief:
    """The brief for ``meeting`` (None: no meeting planned; the last 7 days) as of ``now``."""
    previous = previous_meeting(source, meeting) if meeting is not None else None
    since = previous.starts_at if previous is not None and previous.starts_at < now else now - DEFAULT_WINDOW
    today = now.date()
    done, overdue = _task_lines(source, since, today)
    new, still_open = _feedback_lines(source, since)
    views = objective_views(source, today)
    sections = (
        Section("metrics", _("Metrics that moved"), tuple(_metric_lines(views, since.date())),
                _("No new measurements.")),
        Section("objectives", _("Objectives"), tuple(_objective_lines(source, views, since)),
                _("No objective changed.")),
        Section("tasks_done", _("Tasks done"), tuple(done), _("No task was finished.")),
        Section("tasks_overdue", _("Tasks overdue"), tuple(overdue), _("Nothing is overdue.")),
        Section("feedback_new", _("New feedback"), tuple(new), _("No new feedback.")),
        Section("feedback_open", _("Feedback still open"), tuple(still_open), _("No older feedback is waiting.")),
        Section("conflicts", _("Conflicts to review"), tuple(_conflict_lines(source)), _("No conflicts to review.")),
    )
    minutes, airtime = agenda_fill(source, meeting) if meeting is not None else (0, ())
    return Brief(
        meeting=meeting,
        previous=previous,
        since=since,
        now=now,
        sections=sections,
        agenda_minutes=minutes,
        meeting_minutes=meeting.duration_min if meeting is not None else 0,
        airtime=airtime,
    )
