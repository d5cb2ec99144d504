"""The brief as a pre-read to send before the meeting (`alinea export brief`): Markdown or HTML."""

from __future__ import annotations

from store.brief import Brief
from store.dates import moment_label
from store.export.common import inline, markdown_page
from store.i18n import _


def _title(brief: Brief) -> str:
    if brief.meeting is None:
        return _("Brief: the last 7 days")
    return _("Brief for {title}, {when}").format(title=brief.meeting.title, when=moment_label(brief.meeting.starts_at))


def brief_markdown(brief: Brief) -> str:
    now = moment_label(brief.now)
    if brief.previous:
        changed = _("What changed since {title} ({when}), as of {now}.").format(
            title=inline(brief.previous.title), when=moment_label(brief.previous.starts_at), now=now
        )
    else:
        changed = _("What changed since {when}, as of {now}.").format(when=moment_label(brief.since), now=now)
    lines = [f"# {inline(_title(brief))}", "", changed]
    if brief.meeting is not None:
        fill = _("{planned} of {length} minutes planned").format(
            planned=brief.agenda_minutes, length=brief.meeting_minutes
        )
        if brief.over_by:
            fill = _("{planned} of {length} minutes planned, **{over} over**").format(
                planned=brief.agenda_minutes, length=brief.meeting_minutes, over=brief.over_by
            )
        lines += ["", "## " + _("Agenda"), "", f"- {fill}"]
        if brief.airtime:
            airtime = ", ".join(
                _("{department} {minutes} min").format(department=inline(name), minutes=minutes)
                for name, minutes in brief.airtime
            )
            lines.append("- " + _("Airtime: {airtime}").format(airtime=airtime))
    for section in brief.sections:
        lines += ["", f"## {section.title} ({len(section.lines)})", ""]
        lines += [f"- {inline(line.text)}" for line in section.lines] or [section.empty]
    return "\n".join(lines) + "\n"


def brief_html(brief: Brief) -> str:
    return markdown_page(_title(brief), brief_markdown(brief))
