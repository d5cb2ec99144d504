"""The objectives' status report (`alinea export objectives`): Markdown or one HTML page.

Objectives grouped by status (off track, at risk, on track, done); each with its owners,
departments, shared badge, progress, pace, and every metric as baseline → current →
target with the date of its last measurement. User text goes through ``inline`` /
``block``, so a title can never become markup.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from store.dates import day_label
from store.export.common import inline, markdown_page
from store.i18n import N_, _, language
from store.models import ObjectiveStatus
from store.progress import ObjectiveView, format_value, objective_views, percent, period_bounds
from store.vocabulary import choice

#: the report's order: what needs attention first
STATUS_ORDER = (ObjectiveStatus.off_track, ObjectiveStatus.at_risk, ObjectiveStatus.on_track, ObjectiveStatus.done)
STATUS_WORDS = {
    ObjectiveStatus.off_track: N_("Off track"),
    ObjectiveStatus.at_risk: N_("At risk"),
    ObjectiveStatus.on_track: N_("On track"),
    ObjectiveStatus.done: N_("Done"),
}


def report_views(source: Any, *, today: date, period: str | None = None) -> list[ObjectiveView]:
    """The objectives the report covers: all live ones, or those of ``period`` (same string,
    or a period inside it: 2026-11 is in 2026-Q4)."""
    views = objective_views(source, today)
    if period:
        period = period.strip()
        bounds = period_bounds(period)
        if bounds is None:
            from store.errors import InvalidInput

            raise InvalidInput(
                _("{period} is not a period: use 2026, 2026-Q4, 2026-H1 or 2026-11").format(period=repr(period))
            )
        views = [v for v in views if v.objective.period == period or _within(v.objective.period, period)]
    return views


def _within(inner: str, outer: str) -> bool:
    inside, around = period_bounds(inner), period_bounds(outer)
    return inside is not None and around is not None and around[0] <= inside[0] and inside[1] <= around[1]


def objectives_markdown(source: Any, *, today: date, period: str | None = None) -> str:
    views = report_views(source, today=today, period=period)
    title = _("Objectives {period}").format(period=period) if period else _("Objectives")
    lines = ["# " + _("{title}: status report").format(title=inline(title)), ""]
    lines.append(_("As of {day} {year}.").format(day=day_label(today), year=today.year))
    if not views:
        empty = _("No objectives in {period}.").format(period=inline(period)) if period else _("No objectives yet.")
        lines += ["", empty]
    for status in STATUS_ORDER:
        group = [v for v in views if v.objective.status is status]
        if not group:
            continue
        lines += ["", f"## {choice(status.value, 'objectives')} ({len(group)})"]
        for view in sorted(group, key=lambda v: (v.objective.period, v.objective.title.casefold())):
            lines += ["", *_objective_lines(view)]
    return "\n".join(lines) + "\n"


def _objective_lines(view: ObjectiveView) -> list[str]:
    goal = view.objective
    owners = ", ".join(inline(m.name) for m in view.owners) or _("no owner")
    departments = ", ".join(inline(d) for d in view.departments) or _("no department")
    badge = (" · **" + _("shared") + "**") if view.shared else (
        " · " + _("one department only") if view.single_department else ""
    )
    facts = [goal.kind.value if language() == "en" else choice(goal.kind.value).lower()]
    if goal.period:
        facts.append(inline(goal.period))
    if goal.due:
        facts.append(_("due {day} {year}").format(day=day_label(goal.due), year=goal.due.year))
    pace = view.pace.label
    if view.pace.elapsed is not None and view.progress is not None:
        pace = _("{pace} ({share} of the time passed)").format(pace=pace, share=percent(view.pace.elapsed))
    lines = [
        f"### {inline(goal.title)}",
        "",
        f"- {' · '.join(facts)}",
        "- " + _("Owners: {owners} ({departments})").format(owners=owners, departments=departments) + badge,
        "- " + _("Progress: {progress} · Pace: {pace}").format(progress=percent(view.progress), pace=pace),
    ]
    if view.proposal is not None:
        lines.append("- " + _("Proposed status: {status}").format(status=_(STATUS_WORDS[view.proposal]).lower()))
    if view.overdue_on_track:
        lines.append("- " + _("Past its due date and still marked on track"))
    if view.metrics:
        titles = (_("Metric"), _("Baseline"), _("Current"), _("Target"), _("Progress"), _("Last measured"))
        lines += ["", "| " + " | ".join(titles) + " |", "|---" * 6 + "|"]
        for metric in view.metrics:
            m = metric.metric
            last = (
                f"{day_label(metric.last_date)} {metric.last_date.year}" if metric.last_date else _("no data")
            )
            arrow = "↓" if m.direction.value == "decrease" else "↑"
            lines.append(
                f"| {inline(m.name)} {arrow} | {inline(format_value(m.baseline, m.unit))}"
                f" | {inline(format_value(metric.current, m.unit))} | {inline(format_value(m.target, m.unit))}"
                f" | {percent(metric.progress)} | {last} |"
            )
    else:
        lines += ["", _("No metrics yet.")]
    return lines


def objectives_html(source: Any, *, today: date, period: str | None = None) -> str:
    title = _("Objectives {period}: status report").format(period=period) if period else (
        _("Objectives: status report")
    )
    return markdown_page(title, objectives_markdown(source, today=today, period=period))
