"""The brief as a pre-read to send before the meeting (`alinea export brief`): Markdown or HTML."""

from __future__ import annotations

from store.brief import Brief
from store.dates import moment_label
from store.export.common import inline, markdown_page


def _title(brief: Brief) -> str:
    if brief.meeting is None:
        return "Brief: the last 7 days"
    return f"Brief for {brief.meeting.title}, {moment_label(brief.meeting.starts_at)}"


def brief_markdown(brief: Brief) -> str:
    since = f"since {inline(brief.previous.title)} ({moment_label(brief.previous.starts_at)})" if brief.previous else (
        f"since {moment_label(brief.since)}"
    )
    lines = [f"# {inline(_title(brief))}", "", f"What changed {since}, as of {moment_label(brief.now)}."]
    if brief.meeting is not None:
        fill = f"{brief.agenda_minutes} of {brief.meeting_minutes} minutes planned"
        if brief.over_by:
            fill += f", **{brief.over_by} over**"
        lines += ["", "## Agenda", "", f"- {fill}"]
        if brief.airtime:
            airtime = ", ".join(f"{inline(name)} {minutes} min" for name, minutes in brief.airtime)
            lines.append(f"- Airtime: {airtime}")
    for section in brief.sections:
        lines += ["", f"## {section.title} ({len(section.lines)})", ""]
        lines += [f"- {inline(line.text)}" for line in section.lines] or [section.empty]
    return "\n".join(lines) + "\n"


def brief_html(brief: Brief) -> str:
    return markdown_page(_title(brief), brief_markdown(brief))
