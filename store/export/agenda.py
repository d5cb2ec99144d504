"""A meeting's agenda as Markdown, as one HTML page, and as a calendar event (ICS).

Every user string goes through ``inline`` / ``block`` (store.export.common): it comes
from teammates and must never become markup.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING

from store.agenda import agenda_of, fill, item_starts, meeting_end, when_label
from store.dates import local_format
from store.export.common import block, clean, inline, markdown_page
from store.i18n import _

if TYPE_CHECKING:
    from store.models import AgendaItem, Meeting, Member
    from store.workspace import Workspace

FORMATS = ("md", "html", "ics")


def _person(workspace: Workspace, member_id: str | None) -> Member | None:
    return workspace.lookup("members", member_id) if member_id else None


def presenter_words(workspace: Workspace, item: AgendaItem) -> str:
    member = _person(workspace, item.presenter_id)
    if member is None:
        return ""
    return f"{member.name} ({member.department})" if member.department else member.name


def attendee_lines(workspace: Workspace, meeting: Meeting) -> list[str]:
    people = [m for m in (_person(workspace, i) for i in meeting.attendee_ids) if m is not None]
    people.sort(key=lambda m: (m.department, m.name))
    return [f"- {inline(m.name)}" + (f" ({inline(m.department)})" if m.department else "") for m in people]


def _when(meeting: Meeting, tz: tzinfo | None) -> str:
    end = meeting_end(meeting).astimezone(tz)
    return _("{start}–{end} ({minutes} min)").format(
        start=when_label(meeting.starts_at, tz), end=f"{end:%H:%M}", minutes=meeting.duration_min
    )


def agenda_markdown(workspace: Workspace, meeting: Meeting, tz: tzinfo | None = None) -> str:
    """Title and date, when and where, attendees, then the items in order with their clock."""
    items = agenda_of(workspace.records("agenda_items"), meeting.id)
    day = local_format(meeting.starts_at.astimezone(tz), "%a %d %b %Y")
    lines = [f"# {inline(meeting.title)} · {day}", ""]
    lines.append(_("**When:** {when}").format(when=inline(_when(meeting, tz))) + "  ")
    if meeting.location:
        lines.append(_("**Where:** {where}").format(where=inline(meeting.location)) + "  ")
    if meeting.series:
        lines.append(_("**Series:** {series}").format(series=inline(meeting.series)) + "  ")
    lines[-1] = lines[-1].rstrip()
    attendees = attendee_lines(workspace, meeting)
    if attendees:
        lines += ["", "## " + _("Attendees"), "", *attendees]
    lines += ["", "## " + _("Agenda"), ""]
    if not items:
        lines.append(_("No items yet."))
    for number, (item, at) in enumerate(item_starts(meeting, items), start=1):
        lines.append(_item_line(workspace, number, item, at, tz))
        if item.notes.strip():
            lines += ["", block(item.notes, indent="   "), ""]
    total = fill(meeting, items)
    planned = _("Planned: {fill} (over the meeting's length)") if total.over else _("Planned: {fill}")
    lines += ["", planned.format(fill=total.label)]
    return "\n".join(lines).rstrip() + "\n"


def _item_line(workspace: Workspace, number: int, item: AgendaItem, at: datetime, tz: tzinfo | None) -> str:
    details = [_("{minutes} min").format(minutes=item.minutes), _kind_word(item.kind.value)]
    presenter = presenter_words(workspace, item)
    if presenter:
        details.insert(0, presenter)
    objective = workspace.lookup("objectives", item.objective_id) if item.objective_id else None
    if objective is not None:
        details.append(_("objective: {title}").format(title=objective.title))
    if item.standing:
        details.append(_("standing"))
    if item.carried_from:
        details.append(_("carried over"))
    shown = " · ".join(inline(part) for part in details)
    return f"{number}. **{at.astimezone(tz):%H:%M}** {inline(item.title)} — {shown}"


def agenda_html(workspace: Workspace, meeting: Meeting, tz: tzinfo | None = None) -> str:
    return markdown_page(_("Agenda: {title}").format(title=meeting.title), agenda_markdown(workspace, meeting, tz))


def agenda_ics(workspace: Workspace, meeting: Meeting, tz: tzinfo | None = None) -> bytes:
    """The meeting as one VEVENT: stable UID from the id, UTC times, the agenda as description."""
    from icalendar import Calendar, Event, vCalAddress, vText  # imported here: only exports pay for it

    calendar = Calendar()
    calendar.add("prodid", "-//alinea//agenda//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"{meeting.id}@alinea")
    event.add("dtstamp", meeting.updated_at.astimezone(timezone.utc))
    event.add("dtstart", meeting.starts_at.astimezone(timezone.utc))
    event.add("dtend", (meeting.starts_at + timedelta(minutes=meeting.duration_min)).astimezone(timezone.utc))
    event.add("summary", clean(meeting.title))
    if meeting.location:
        event.add("location", clean(meeting.location))
    event.add("description", _plain_agenda(workspace, meeting, tz))
    event.add("sequence", meeting.rev)
    for member_id in sorted(meeting.attendee_ids):
        member = _person(workspace, member_id)
        if member is None or not member.email:
            continue
        attendee = vCalAddress(f"mailto:{member.email}")
        attendee.params["cn"] = vText(clean(member.name))
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    return calendar.to_ical()


def _plain_agenda(workspace: Workspace, meeting: Meeting, tz: tzinfo | None) -> str:
    """The agenda as plain lines for a calendar's description (calendars show no Markdown)."""
    items = agenda_of(workspace.records("agenda_items"), meeting.id)
    lines = []
    for item, at in item_starts(meeting, items):
        presenter = presenter_words(workspace, item)
        line = _("{time} {title} ({minutes} min, {presenter})") if presenter else _("{time} {title} ({minutes} min)")
        lines.append(line.format(time=f"{at.astimezone(tz):%H:%M}", title=item.title, minutes=item.minutes,
                                 presenter=presenter))
    return clean("\n".join(lines) or _("No items yet."))


def _kind_word(kind: str) -> str:
    """An item's kind in a line of the agenda: "decision" as stored in English, "decisión" in Spanish."""
    from store.i18n import language
    from store.vocabulary import choice

    return kind if language() == "en" else choice(kind).lower()


def export_agenda(workspace: Workspace, meeting: Meeting, fmt: str, tz: tzinfo | None = None) -> bytes:
    """The agenda in ``fmt`` (md, html or ics), as bytes to write."""
    if fmt == "md":
        return agenda_markdown(workspace, meeting, tz).encode()
    if fmt == "html":
        return agenda_html(workspace, meeting, tz).encode()
    if fmt == "ics":
        return agenda_ics(workspace, meeting, tz)
    raise ValueError(fmt)
