"""What the Agenda pane paints, as lines: meeting rows, agenda rows, the header and the totals.

Pure formatting over the store's rules (store.agenda): the pane hands in records and the
numbers, these return Textual ``Content``. Every workspace string goes through ``printable``.
Styles name the pane's component classes (``.agenda--warning``), so colours come from the theme.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from textual.content import Content

from store.agenda import (
    NO_DEPARTMENT,
    UNASSIGNED,
    Fill,
    airtime_label,
    attendees_by_department,
    meeting_end,
    when_label,
)
from store.i18n import _, ngettext
from store.text import printable
from tui.panes.words import agenda_kind, agenda_status, objective_status

if TYPE_CHECKING:
    from store.models import AgendaItem, Meeting, Member, Objective
    from store.proposals import Proposal
    from tui.widgets.virtual_list import Item

#: each kind of agenda item, with the mark in front of its title
KIND_MARKS = {"info": "○", "discussion": "◇", "decision": "◆", "update": "↻"}
#: the style an objective's status is shown in (its words: tui.panes.words.objective_status)
STATUS_STYLES = {
    "on_track": ".agenda--good",
    "at_risk": ".agenda--warning",
    "off_track": ".agenda--bad",
    "done": ".agenda--muted",
}
PROPOSED = "✚"


@dataclass(frozen=True)
class PastHeader:
    """The row that folds and unfolds the past meetings."""

    count: int
    open: bool


def member_words(member: Member | None) -> str:
    if member is None:
        return ""
    name = printable(member.name)
    return f"{name} ({printable(member.department)})" if member.department else name


def departments_words(counts: Sequence[tuple[str, int]]) -> str:
    """ "2 Sales · 2 Marketing"."""
    return " · ".join(f"{count} {printable(department)}" for department, count in counts)


def meeting_lines(
    meeting: Meeting, meeting_fill: Fill, members: Mapping[str, Member], tz: tzinfo | None, now: datetime
) -> Item:
    """Two lines: when and title; series and attendees by department, the fill at the right."""
    when = Content.styled(when_label(meeting.starts_at, tz, now), ".agenda--when")
    title = Content.assemble(when, "  ", (printable(meeting.title), ".agenda--title"))
    fill_style = ".agenda--warning" if meeting_fill.over else ".agenda--muted"
    # past ones sit under "past meetings"
    status = _("running") + " · " if str(meeting.status) == "running" else ""
    fill = Content.assemble((status, ".agenda--accent"), (meeting_fill.label, fill_style))
    series = printable(meeting.series) if meeting.series else _("no series")
    people = departments_words(attendees_by_department(meeting, members)) or _("no attendees")
    return (title, (Content.styled(f"{series} · {people}", ".agenda--muted"), fill))


def past_lines(header: PastHeader) -> Item:
    arrow = "▾" if header.open else "▸"
    action = _("enter folds them") if header.open else _("enter shows them")
    label = ngettext("{count:,} past meeting", "{count:,} past meetings", header.count).format(count=header.count)
    return (Content.assemble((f"{arrow} {label}", ".agenda--title"), (f"  {action}", ".agenda--muted")), "")


def item_lines(
    number: int,
    item: AgendaItem,
    start: datetime,
    members: Mapping[str, Member],
    objectives: Mapping[str, Objective],
    tz: tzinfo | None,
) -> Item:
    """Position, kind mark and title, start and time box at the right; kind, presenter,
    objective and status under it."""
    mark = KIND_MARKS.get(str(item.kind), "·")
    done = str(item.status) != "open"
    title_style = ".agenda--muted" if done else ".agenda--title"
    first = Content.assemble(
        (f"{number:>2} ", ".agenda--muted"), (f"{mark} ", ".agenda--accent"), (printable(item.title), title_style)
    )
    clock = Content.assemble((f"{start.astimezone(tz):%H:%M}", ".agenda--when"),
                             "  " + _("{minutes:>3} min").format(minutes=item.minutes))
    details: list[str | tuple[str, str]] = [f"     {agenda_kind(str(item.kind))}"]
    presenter = member_words(members.get(item.presenter_id) if item.presenter_id else None)
    details.append(f" · {presenter}" if presenter else " · " + _("no presenter"))
    objective = objectives.get(item.objective_id) if item.objective_id else None
    if objective is not None:
        style = STATUS_STYLES.get(str(objective.status), ".agenda--muted")
        details.append((f" · ^{printable(objective.title)}", style))
    status = str(item.status)
    right = Content.assemble((_("standing") + " · " if item.standing else "", ".agenda--muted"),
                             (agenda_status(status), ".agenda--good" if status == "done" else ".agenda--muted"))
    return ((first, clock), (Content.assemble(*details).stylize(".agenda--muted", 0, 5), right))


def proposal_lines(proposal: Proposal, members: Mapping[str, Member]) -> Item:
    """A proposed item: marked, with why it is proposed and what the keys do."""
    mark = KIND_MARKS.get(str(proposal.kind), "·")
    first = Content.assemble(
        (f" {PROPOSED} ", ".agenda--proposal"),
        (f"{mark} ", ".agenda--accent"),
        (printable(proposal.title), ".agenda--proposal"),
    )
    presenter = member_words(members.get(proposal.presenter_id) if proposal.presenter_id else None)
    reason = printable(proposal.reason) or _("proposed")
    second = "     " + _("proposed: {reason}").format(reason=reason) + (f" · {presenter}" if presenter else "")
    return (
        (first, _("{minutes:>3} min").format(minutes=proposal.minutes)),
        (Content.styled(second, ".agenda--proposal"), Content.styled(_("enter adds · d drops"), ".agenda--muted")),
    )


def header_lines(
    meeting: Meeting,
    members: Mapping[str, Member],
    objectives: Mapping[str, Objective],
    tz: tzinfo | None,
    now: datetime,
) -> Content:
    """Title; when, length, location and series; attendees; linked objectives in their status colours."""
    end = meeting_end(meeting).astimezone(tz)
    status = {"running": "  · " + _("running now"), "done": "  · " + _("ended")}.get(str(meeting.status), "")
    title = Content.assemble((printable(meeting.title), ".agenda--heading"), (status, ".agenda--accent"))
    place = [f"{when_label(meeting.starts_at, tz, now)}–{end:%H:%M}",
             _("{minutes} min").format(minutes=meeting.duration_min)]
    if meeting.location:
        place.append(printable(meeting.location))
    place.append(_("series {series}").format(series=printable(meeting.series)) if meeting.series else _("no series"))
    people = sorted(
        (members[i] for i in meeting.attendee_ids if i in members), key=lambda m: (m.department.lower(), m.name)
    )
    counts = departments_words(attendees_by_department(meeting, members))
    names = ", ".join(printable(m.name) for m in people)
    attendees = Content.assemble(
        (_("Attendees") + "  ", ".agenda--label"), counts or _("none"),
        (f"  {names}" if names else "", ".agenda--muted"),
    )
    linked = sorted((objectives[i] for i in meeting.objective_ids if i in objectives), key=lambda o: o.title)
    parts: list[str | tuple[str, str]] = [(_("Objectives") + "  ", ".agenda--label")]
    if not linked:
        parts.append((_("none linked (o proposes from the shared ones of the period)"), ".agenda--muted"))
    for index, objective in enumerate(linked):
        style = STATUS_STYLES.get(str(objective.status), ".agenda--muted")
        words = objective_status(str(objective.status)) if str(objective.status) in STATUS_STYLES else ""
        parts += [" · " if index else "", (f"● {printable(objective.title)}", style), (f" ({words})", ".agenda--muted")]
    return Content("\n").join(
        [title, Content.styled(" · ".join(place), ".agenda--muted"), attendees, Content.assemble(*parts)]
    )


def listeners(attending: Sequence[tuple[str, int]], shares: Sequence[tuple[str, int]]) -> list[str]:
    """Departments at the meeting that present nothing: a meeting where one side only listens is not aligned."""
    presenting = {department for department, minutes in shares if minutes}
    if not presenting:
        return []
    return [d for d, _ in attending if d not in presenting and d not in (NO_DEPARTMENT, UNASSIGNED)]


def totals_lines(
    meeting_fill: Fill, shares: Sequence[tuple[str, int]], proposals: int, silent: Sequence[str] = ()
) -> Content:
    """The total against the length, and the airtime by department (and who only listens)."""
    if meeting_fill.over:
        room = (_("{minutes} min over").format(minutes=-meeting_fill.free), ".agenda--warning")
    else:
        room = (_("{minutes} min free").format(minutes=meeting_fill.free), ".agenda--muted")
    below = ngettext("{count:,} proposal below", "{count:,} proposals below", proposals).format(count=proposals)
    total = Content.assemble(
        (_("Total") + "  ", ".agenda--label"),
        (meeting_fill.label, ".agenda--warning" if meeting_fill.over else ""),
        "  ",
        room,
        (f"  · {below}" if proposals else "", ".agenda--proposal"),
    )
    air = airtime_label([(printable(department), minutes) for department, minutes in shares])
    quiet = " · ".join(_("{department} only listens").format(department=printable(department))
                       for department in silent)
    airtime = Content.assemble(
        (_("Airtime") + "  ", ".agenda--label"),
        air or (_("nobody presents yet"), ".agenda--muted"),
        (f"  · {quiet}" if quiet else "", ".agenda--warning"),
    )
    return Content("\n").join([total, airtime])
