"""A sample workspace: one quarter of a sales + marketing team, for `alinea demo`.

Everything is derived from ``today`` (ids, timestamps, measurements), so two builds with
the same ``today`` give byte-identical ``alinea.json`` files; snapshot tests rely on it.
Records go in through ``Workspace.create_many``: one validated save per table.

The quarter is told in the reader's language (store.i18n): the structure below is written
once, in English; another language takes the words from its table (store/demo_es.py), keyed
by the English text, so ids, dates, links and statuses are the same in every language.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from store import i18n
from store.positions import key_between, spread_keys
from store.repo import commit_all, init_workspace
from store.workspace import Workspace

SERIES = "Sales × Marketing sync"
LOCATION = "Room Lisbon + video link"
WEEKS_IN_QUARTER = 13
WEEKS_BEFORE_TODAY = 10
_NAMESPACE = uuid.UUID("6f1d3c52-8a4e-4f0b-9d7e-2b5a1c9e7f30")


# -- the cast and the plan --------------------------------------------------------------
# (key, name, department, role)
MEMBERS = [
    ("ana", "Ana Ruiz", "Sales", "Head of Sales"),
    ("malik", "Malik Johnson", "Marketing", "Head of Marketing"),
    ("sofia", "Sofia Brandt", "Sales", "SDR Lead"),
    ("tomas", "Tomás Oliveira", "Marketing", "Demand Generation Manager"),
    ("priya", "Priya Raman", "Marketing", "Content Lead"),
    ("jonas", "Jonas Weber", "Sales", "Account Executive"),
]
EMAILS = {
    "ana": "ana.ruiz@example.com",
    "malik": "malik.johnson@example.com",
    "sofia": "sofia.brandt@example.com",
    "tomas": "tomas.oliveira@example.com",
    "priya": "priya.raman@example.com",
    "jonas": "jonas.weber@example.com",
}
DEPARTMENT = {key: department for key, _, department, _ in MEMBERS}


@dataclass(frozen=True)
class MetricPlan:
    key: str
    name: str
    unit: str
    baseline: float
    target: float
    direction: str = "increase"
    pace: float = 1.0  # share of the planned progress actually made (below ~0.8: at risk)
    cumulative: bool = False  # sums that only grow (pipeline, registrations)
    digits: int = 1


@dataclass(frozen=True)
class ObjectivePlan:
    key: str
    title: str
    kind: str
    owners: tuple[str, ...]
    status: str
    description: str
    metrics: tuple[MetricPlan, ...]
    due_week: int = WEEKS_IN_QUARTER


OBJECTIVES = [
    ObjectivePlan(
        "pipeline",
        "Q{quarter} pipeline target €2.4M",
        "goal",
        ("ana", "malik"),
        "on_track",
        "Build **€2.4M** of qualified pipeline this quarter.\n\n"
        "- Marketing sources 55%, outbound SDR 30%, partners 15%\n"
        "- Only stage-2 opportunities with a confirmed budget count",
        (
            MetricPlan("value", "Pipeline value", "€", 0, 2_400_000, pace=1.04, cumulative=True, digits=-3),
            MetricPlan("opps", "Qualified opportunities", "", 0, 60, pace=1.0, cumulative=True, digits=0),
        ),
    ),
    ObjectivePlan(
        "conversion",
        "Lift MQL→SQL conversion to 28%",
        "goal",
        ("sofia", "tomas"),
        "on_track",
        "Marketing-qualified leads convert at 19% today. A shared lead score, a 24-hour SDR "
        "follow-up SLA and a tighter ICP filter should lift it to **28%**.",
        (
            # behind pace while still marked on track: the app proposes "at risk"
            MetricPlan("mql_sql", "MQL→SQL rate", "%", 19.0, 28.0, pace=0.45),
            MetricPlan("lead_conv", "Lead conversion (visitor→lead)", "%", 1.6, 2.2, pace=0.5, digits=2),
        ),
    ),
    ObjectivePlan(
        "webinar",
        "Webinar series: Data-driven retail",
        "campaign",
        ("priya", "tomas", "jonas"),
        "on_track",
        "Three webinars with retail analytics customers as guest speakers.\n\n"
        "1. Forecasting demand with POS data\n2. Pricing experiments that paid off\n"
        "3. From dashboards to decisions",
        (
            MetricPlan("registrations", "Registrations", "", 0, 900, pace=1.08, cumulative=True, digits=0),
            MetricPlan("attendance", "Attendance rate", "%", 35.0, 45.0, pace=1.0),
            MetricPlan("ctr", "Invitation email CTR", "%", 2.1, 3.5, pace=0.97, digits=2),
        ),
        due_week=11,
    ),
    ObjectivePlan(
        "cac",
        "Reduce CAC below €420",
        "goal",
        ("malik", "ana"),
        "at_risk",
        "Blended customer acquisition cost is €510. Paid search CPCs rose 18% since last "
        "quarter, so the plan shifts budget to ABM and webinars. **At risk**: CAC is going down, "
        "but at half the pace the target needs.",
        (
            # a cost going down, but not fast enough
            MetricPlan("cac", "Blended CAC", "€", 510, 420, "decrease", pace=0.5, digits=0),
            MetricPlan("cpl", "Cost per MQL", "€", 96, 80, "decrease", pace=0.55, digits=0),
        ),
    ),
    ObjectivePlan(
        "abm",
        "LinkedIn ABM campaign for top-50 accounts",
        "campaign",
        ("tomas", "jonas"),
        "on_track",
        "Account-based campaign on LinkedIn for the 50 target accounts the sales team picked. "
        "Sponsored content plus SDR follow-up within two days of an engagement.",
        (
            MetricPlan("engaged", "Engaged target accounts", "", 0, 35, pace=1.0, cumulative=True, digits=0),
            MetricPlan("ctr", "Campaign CTR", "%", 0.45, 0.8, pace=1.02, digits=2),
            MetricPlan("booked", "Meetings booked", "", 0, 20, pace=0.92, cumulative=True, digits=0),
        ),
    ),
]

# Agenda per meeting: (title, kind, presenter, minutes, objective or None, notes, outcome)
AgendaRow = tuple[str, str, str, int, str | None, str, str]
PAST_AGENDAS: list[list[AgendaRow]] = [
    [
        ("Series kickoff: one sync for both teams", "info", "ana", 15, "pipeline",
         "Replaces the separate sales and marketing weeklies.", "Owners confirmed for all five objectives."),
        ("Shared lead score definition", "decision", "sofia", 15, "conversion",
         "Proposal: firmographic fit 60%, engagement 40%.", "Adopted; review after four weeks."),
        ("Webinar topics", "discussion", "priya", 10, "webinar",
         "Shortlist of five topics from customer interviews.", "Three topics picked."),
    ],
    [
        ("Pipeline numbers", "update", "jonas", 10, "pipeline",
         "€310k created, 9 qualified opportunities.", "On plan."),
        ("SDR follow-up SLA", "decision", "sofia", 15, "conversion",
         "MQLs wait 41 hours on average before a first touch.", "24-hour SLA from Monday."),
        ("Top-50 account list", "decision", "tomas", 15, "abm",
         "Sales picked 62 accounts; cut to 50.", "List frozen; ABM launch next week."),
    ],
    [
        ("Pipeline numbers", "update", "jonas", 10, "pipeline",
         "€690k created.", "Slightly ahead of plan."),
        ("CAC trend", "discussion", "malik", 15, "cac",
         "Paid search CPC up again.", "Shift 15% of search budget to ABM."),
        ("Webinar 1 speaker", "info", "priya", 5, "webinar",
         "Speaker confirmed from a grocery chain.", "Noted."),
        ("Lead routing bug", "discussion", "sofia", 10, None,
         "Leads from the pricing page skipped the SDR queue.", "Carried: needs CRM admin."),
    ],
    [
        ("Pipeline numbers", "update", "jonas", 10, "pipeline",
         "€1.05M created, 24 qualified opportunities.", "On plan."),
        ("Lead routing bug", "discussion", "sofia", 10, None,
         "CRM admin found the workflow rule.", "Fixed; 37 leads re-routed."),
        ("ABM first results", "update", "tomas", 15, "abm",
         "CTR 0.6% after two weeks; 9 accounts engaged.", "Keep creative; add retargeting."),
    ],
    [
        ("Pipeline numbers", "update", "jonas", 10, "pipeline",
         "€1.38M created.", "On plan."),
        ("CAC still above plan", "decision", "malik", 20, "cac",
         "CAC €498 against a €420 target; budget shift not visible yet.", "Marked at risk; pause two campaigns."),
        ("Webinar 1 debrief", "discussion", "priya", 10, "webinar",
         "312 registrations, 41% attendance.", "Reuse the format for webinar 2."),
    ],
]
NEXT_AGENDA: list[AgendaRow] = [
    ("Pipeline numbers", "update", "jonas", 10, "pipeline",
     "Numbers from the CRM dashboard, as of Monday.", ""),
    ("CAC recovery plan", "decision", "malik", 15, "cac",
     "Options: cut paid search further, raise ABM budget, or move the target to next quarter.", ""),
    ("MQL→SQL after the SLA", "discussion", "sofia", 10, "conversion",
     "Conversion by lead source since the 24-hour SLA started.", ""),
    ("Webinar 2 promotion", "info", "priya", 5, "webinar", "Email, LinkedIn and partner newsletter dates.", ""),
    ("Open feedback", "discussion", "ana", 5, None, "Go through open feedback entries.", ""),
]
#: items every meeting of the series holds, copied into each new one
STANDING = frozenset({"Pipeline numbers", "Open feedback"})
MEETING_NOTES = [
    "Kickoff of the quarter. Everyone agreed to report metrics every Monday.",
    "Good energy. The SLA starts Monday; Sofia shares a daily queue report.",
    "CAC is the worry. Budget shift approved.",
    "Routing fix landed. ABM looks promising.",
    "CAC at risk. Two paid campaigns paused; recovery plan next week.",
]

# Tasks: (title, status, owner, due offset from today in days, priority, objective, meeting index)
TaskRow = tuple[str, str, str, int, str, str | None, int | None]
TASKS: list[TaskRow] = [
    ("Draft webinar 2 landing page", "todo", "priya", 6, "high", "webinar", 4),
    ("Book guest speaker for webinar 3", "todo", "priya", 14, "normal", "webinar", None),
    ("Build ABM retargeting audience", "todo", "tomas", 9, "normal", "abm", 3),
    ("Write CAC recovery options memo", "todo", "malik", 5, "urgent", "cac", 4),
    ("Refresh ICP filter in lead scoring", "todo", "sofia", 12, "normal", "conversion", None),
    ("Prepare Q-end forecast for the board", "todo", "ana", 20, "high", "pipeline", None),
    ("Send partner newsletter copy", "todo", "priya", -1, "normal", "webinar", None),
    ("Update battlecard for retail vertical", "todo", "jonas", 16, "low", None, None),
    ("Interview two churned customers", "todo", "malik", 21, "low", None, None),
    ("Follow up engaged ABM accounts", "doing", "jonas", 3, "high", "abm", 3),
    ("Daily SDR queue report", "doing", "sofia", 2, "normal", "conversion", 1),
    ("A/B test webinar invitation subject lines", "doing", "tomas", 4, "normal", "webinar", None),
    ("Pipeline hygiene: close stale opportunities", "doing", "ana", -3, "high", "pipeline", None),
    ("Case study with grocery chain", "doing", "priya", 10, "normal", "webinar", 4),
    ("Negotiate LinkedIn media rate", "doing", "malik", 7, "normal", "cac", None),
    ("Qualify inbound demo requests", "doing", "sofia", 1, "urgent", "conversion", None),
    ("Proposal for Northwind Retail", "doing", "jonas", 8, "high", "pipeline", None),
    ("CRM field for lead source of truth", "blocked", "sofia", -5, "high", "conversion", 2),
    ("Attribution report across channels", "blocked", "tomas", 11, "normal", "cac", None),
    ("Legal review of webinar recording consent", "blocked", "priya", 4, "normal", "webinar", None),
    ("Data enrichment vendor contract", "blocked", "malik", 15, "low", None, None),
    ("Define shared lead score", "done", "sofia", -25, "high", "conversion", 0),
    ("Pick webinar topics", "done", "priya", -27, "normal", "webinar", 0),
    ("Freeze top-50 account list", "done", "tomas", -24, "high", "abm", 1),
    ("Fix pricing-page lead routing", "done", "sofia", -12, "urgent", None, 2),
    ("Launch ABM campaign", "done", "tomas", -20, "high", "abm", 1),
    ("Webinar 1 run of show", "done", "priya", -16, "normal", "webinar", None),
    ("Pause two paid search campaigns", "done", "malik", -3, "high", "cac", 4),
    ("Quarter kickoff deck", "done", "ana", -62, "normal", "pipeline", None),
    ("Set up 24-hour SLA alert", "done", "sofia", -22, "normal", "conversion", 1),
]
#: tasks made from a feedback entry (its index in FEEDBACK): linked back, created after it
FROM_FEEDBACK = {"Refresh ICP filter in lead scoring": 1}
DESCRIPTIONS = {
    "Write CAC recovery options memo": "Three options with cost and expected CAC impact, for the next sync.",
    "Pipeline hygiene: close stale opportunities": "Anything without activity for 45 days: close or re-qualify.",
    "CRM field for lead source of truth": "Waiting for the CRM admin to add the field; blocked since the routing fix.",
    "Legal review of webinar recording consent": "Legal asked for the speaker release form first.",
}

# Feedback: (author, subject kind, subject key, kind, body, status, response)
FeedbackRow = tuple[str, str | None, Any, str, str, str, str]
FEEDBACK: list[FeedbackRow] = [
    ("jonas", "objectives", "webinar", "praise", "Webinar 1 leads were the best-qualified we had this quarter.",
     "acknowledged", "Thanks! We'll keep the same targeting for webinar 2."),
    ("sofia", "objectives", "conversion", "concern",
     "MQLs from content downloads rarely convert. Can we stop scoring them as MQLs?", "acknowledged",
     "Good catch: turned into a task to refresh the ICP filter in lead scoring."),
    ("malik", "objectives", "cac", "idea",
     "Try a referral offer for existing customers; it costs less than paid search.", "open", ""),
    ("ana", "meetings", 4, "concern", "The sync ran 15 minutes over. Let's keep to the time boxes.",
     "acknowledged", "Agreed, I'll keep time next week."),
    ("priya", "tasks", "Legal review of webinar recording consent", "question",
     "Does legal need the release before or after the recording?", "resolved",
     "Before: the form is in the shared drive now."),
    ("tomas", "objectives", "abm", "praise", "Sales follow-up on engaged ABM accounts is fast. Keep it up!",
     "resolved", "Thanks, it helps that the alerts go straight to Slack."),
    ("jonas", "tasks", "Follow up engaged ABM accounts", "question",
     "Which accounts count as engaged: two clicks, or a visit to the pricing page?", "acknowledged",
     "Two or more clicks in 14 days, or any pricing page visit."),
    ("sofia", "meetings", 2, "idea", "Start each sync with the pipeline numbers so we all look at the same data.",
     "resolved", "Done: pipeline review is the first item now."),
    ("malik", "objectives", "pipeline", "question", "Do partner-sourced deals count toward the €2.4M?",
     "resolved", "Yes, stage 2 and later with a confirmed budget."),
    ("priya", "objectives", "webinar", "idea", "Cut the webinar recordings into 3-minute clips for LinkedIn.",
     "open", ""),
    ("ana", "tasks", "Pipeline hygiene: close stale opportunities", "concern",
     "Stale opportunities inflate the pipeline figure by about 10%.", "open", ""),
    ("tomas", "tasks", "Attribution report across channels", "concern",
     "Blocked on data access for two weeks; the CAC analysis depends on it.", "open", ""),
    ("jonas", None, None, "idea", "A shared Slack channel for hot accounts would save us a lot of emails.",
     "acknowledged", "Set up #hot-accounts; let's try it for a month."),
    ("sofia", "meetings", 5, "question", "Can we review the lead score weights at the next sync?", "open", ""),
    ("malik", "objectives", "conversion", "praise", "The 24-hour SLA clearly works: conversion is up 5 points.",
     "open", ""),
]


# -- the words, in one language ---------------------------------------------------------
@dataclass(frozen=True)
class Words:
    """What the demo's records say: English as written above, or another language's table."""

    series: str
    location: str
    months: tuple[str, ...] | None  # None: strftime's "%b" (English, as it always was)
    cast: Mapping[str, tuple[str, str, str]]  # member key -> (name, email, role)
    table: Mapping[str, str] | None  # None: the English words themselves
    units: Mapping[str, str]

    def say(self, text: str) -> str:
        """``text`` in this language; a text missing from the table is a bug (KeyError), not English."""
        return text if self.table is None or not text else self.table[text]

    def name(self, key: str) -> str:
        return self.cast[key][0]

    def email(self, key: str) -> str:
        return self.cast[key][1]

    def role(self, key: str) -> str:
        return self.cast[key][2]

    def department(self, key: str) -> str:
        return self.say(DEPARTMENT[key])

    def unit(self, unit: str) -> str:
        return self.units.get(unit, unit)

    def meeting_title(self, day: date) -> str:
        # dated, so the meetings of the series are told apart by their titles too
        if self.months is None:
            return f"{self.series} {day:%d %b}"
        return f"{self.series} {day:%d} {self.months[day.month - 1]}"


def demo_words(language: str | None = None) -> Words:
    """The demo's words in ``language`` (default: the language the app speaks now)."""
    language = language or i18n.language()
    if language == "es":
        from store import demo_es

        return Words(demo_es.SERIES, demo_es.LOCATION, demo_es.MONTHS, demo_es.CAST, demo_es.WORDS, demo_es.UNITS)
    cast = {key: (name, EMAILS[key], role) for key, name, _, role in MEMBERS}
    return Words(SERIES, LOCATION, None, cast, None, {})


# -- helpers ----------------------------------------------------------------------------
def _id(today: date, *parts: object) -> str:
    """A stable id for a demo record: same ``today`` and key give the same id."""
    return uuid.uuid5(_NAMESPACE, "/".join([today.isoformat(), *map(str, parts)])).hex


def _at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.utc)


def _quarter_label(day: date) -> tuple[str, int]:
    quarter = (day.month - 1) // 3 + 1
    return f"{day.year}-Q{quarter}", quarter


@dataclass(frozen=True)
class _Calendar:
    today: date
    start: date  # Monday of the quarter's first week
    next_meeting: date  # the planned sync, after today

    @property
    def meetings(self) -> list[date]:
        return [self.next_meeting - timedelta(weeks=5 - index) for index in range(6)]

    @property
    def measure_days(self) -> list[date]:
        days = [self.start + timedelta(weeks=week) for week in range(WEEKS_IN_QUARTER)]
        return [day for day in days if day <= self.today]


def _calendar(today: date) -> _Calendar:
    monday = today - timedelta(days=today.weekday())
    start = monday - timedelta(weeks=WEEKS_BEFORE_TODAY)
    tuesday = monday + timedelta(days=1)
    next_meeting = tuesday if tuesday > today else tuesday + timedelta(weeks=1)
    return _Calendar(today, start, next_meeting)


# -- the tables -------------------------------------------------------------------------
def _members(today: date, cal: _Calendar, words: Words) -> list[dict[str, Any]]:
    return [
        {
            "id": _id(today, "member", key),
            "name": words.name(key),
            "email": words.email(key),
            "department": words.department(key),
            "role": words.role(key),
            "created_at": _at(cal.start - timedelta(days=7), 8, index),
            "created_by": words.email("ana"),
        }
        for index, (key, *_) in enumerate(MEMBERS)
    ]


def _objectives(today: date, cal: _Calendar, words: Words) -> list[dict[str, Any]]:
    period, quarter = _quarter_label(cal.start + timedelta(weeks=WEEKS_IN_QUARTER // 2))
    rows = []
    for index, plan in enumerate(OBJECTIVES):
        rows.append(
            {
                "id": _id(today, "objective", plan.key),
                "title": words.say(plan.title).format(quarter=quarter),
                "kind": plan.kind,
                "description": words.say(plan.description),
                "departments": sorted({words.department(owner) for owner in plan.owners}),
                "owner_ids": [_id(today, "member", owner) for owner in plan.owners],
                "period": period,
                "status": plan.status,
                "due": cal.start + timedelta(weeks=plan.due_week, days=-3),
                "created_at": _at(cal.start, 10, index),
                "created_by": words.email(plan.owners[0]),
            }
        )
    return rows


def _metrics(today: date, cal: _Calendar, words: Words) -> list[dict[str, Any]]:
    return [
        {
            "id": _id(today, "metric", plan.key, metric.key),
            "objective_id": _id(today, "objective", plan.key),
            "name": words.say(metric.name),
            "unit": words.unit(metric.unit),
            "baseline": float(metric.baseline),
            "target": float(metric.target),
            "direction": metric.direction,
            "created_at": _at(cal.start, 11, index),
            "created_by": words.email(plan.owners[0]),
        }
        for plan in OBJECTIVES
        for index, metric in enumerate(plan.metrics)
    ]


def _trend_value(metric: MetricPlan, week: int, rng: random.Random) -> float:
    """Where the metric stands after ``week`` weeks: planned progress times pace, plus noise."""
    share = week / (WEEKS_IN_QUARTER - 1)
    planned = metric.baseline + (metric.target - metric.baseline) * share * metric.pace
    if metric.cumulative:
        value = planned * rng.uniform(0.96, 1.04)
    else:
        value = planned + abs(metric.target - metric.baseline) * rng.uniform(-0.06, 0.06)
    return round(value, metric.digits) if metric.digits else float(round(value))


def _measurements(today: date, cal: _Calendar, rng: random.Random, words: Words) -> list[dict[str, Any]]:
    rows = []
    for plan in OBJECTIVES:
        for metric in plan.metrics:
            previous = None
            for week, day in enumerate(cal.measure_days):
                value = _trend_value(metric, week, rng)
                if metric.cumulative and previous is not None:
                    value = max(value, previous)  # running totals never fall
                previous = value
                rows.append(
                    {
                        "id": _id(today, "measurement", plan.key, metric.key, week),
                        "metric_id": _id(today, "metric", plan.key, metric.key),
                        "date": day,
                        "value": value,
                        "note": "" if week else words.say("baseline week"),
                        "created_at": _at(day, 16, 30),
                        "created_by": words.email(plan.owners[-1]),
                    }
                )
    return rows


def _run_minutes(index: int) -> list[tuple[int, int]]:
    """(start, end) minutes after 09:30 of each item of a past meeting, as it was run:
    a minute late to start, and some items over or under their time box."""
    spans, clock = [], 1
    for number, row in enumerate(PAST_AGENDAS[index]):
        spent = row[3] + (2, -1, 3, 0)[(index + number) % 4]
        spans.append((clock, clock + spent))
        clock += spent
    return spans


def _meetings(today: date, cal: _Calendar, words: Words) -> list[dict[str, Any]]:
    attendees = [_id(today, "member", key) for key, *_ in MEMBERS]
    objectives = [_id(today, "objective", plan.key) for plan in OBJECTIVES]
    rows = []
    for index, day in enumerate(cal.meetings):
        done = index < len(PAST_AGENDAS)
        run: dict[str, Any] = {}
        if done:  # run by Ana: started a minute late, ended after its last item
            start = _at(day, 9, 30)
            run = {
                "started_at": start + timedelta(minutes=1),
                "started_by": words.email("ana"),
                "ended_at": start + timedelta(minutes=_run_minutes(index)[-1][1] + 1),
            }
        rows.append(
            {
                "id": _id(today, "meeting", index),
                "title": words.meeting_title(day),
                **run,
                "starts_at": _at(day, 9, 30),
                "duration_min": 45,
                "location": words.location,
                "series": words.series,
                "attendee_ids": attendees,
                "objective_ids": objectives,
                "status": "done" if done else "planned",
                "notes": words.say(MEETING_NOTES[index]) if done else "",
                "created_at": _at(day - timedelta(days=6), 8),
                "created_by": words.email("ana"),
            }
        )
    return rows


def _agenda_items(today: date, cal: _Calendar, words: Words) -> list[dict[str, Any]]:
    rows = []
    for index, day in enumerate(cal.meetings):
        done = index < len(PAST_AGENDAS)
        agenda = PAST_AGENDAS[index] if done else NEXT_AGENDA
        position = None
        for number, (title, kind, presenter, minutes, objective, notes, outcome) in enumerate(agenda):
            position = key_between(position, None)
            carried = done and outcome.startswith("Carried")
            outcome = words.say(outcome)
            run: dict[str, Any] = {}
            if done:
                begin, end = _run_minutes(index)[number]
                start = _at(day, 9, 30)
                run = {"started_at": start + timedelta(minutes=begin), "ended_at": start + timedelta(minutes=end)}
                if kind == "decision" and outcome:  # decisions are the outcome's bullet lines
                    outcome = f"- {outcome}"
            source = _carried_source(title, index)
            rows.append(
                {
                    "id": _id(today, "agenda", index, number),
                    "meeting_id": _id(today, "meeting", index),
                    "title": words.say(title),
                    "kind": kind,
                    "presenter_id": _id(today, "member", presenter),
                    "minutes": minutes,
                    "position": position,
                    "objective_id": _id(today, "objective", objective) if objective else None,
                    "notes": words.say(notes),
                    "outcome": outcome,
                    "status": "carried" if carried else "done" if done else "open",
                    "standing": title in STANDING,
                    "carried_from": _id(today, "agenda", index - 1, source) if source is not None else None,
                    **run,
                    "created_at": _at(day - timedelta(days=5), 10, number),
                    "created_by": words.email(presenter),
                }
            )
    return rows


def _carried_source(title: str, index: int) -> int | None:
    """The number of the previous meeting's item this one was carried from, if any."""
    if index == 0 or index - 1 >= len(PAST_AGENDAS):
        return None
    for number, row in enumerate(PAST_AGENDAS[index - 1]):
        if row[0] == title and row[6].startswith("Carried"):
            return number
    return None


def _tasks(today: date, cal: _Calendar, rng: random.Random, words: Words) -> list[dict[str, Any]]:
    by_status: dict[str, list[TaskRow]] = {}
    for row in TASKS:
        by_status.setdefault(row[1], []).append(row)
    rows = []
    for status, tasks in by_status.items():
        for position, (title, _, owner, due, priority, objective, meeting) in zip(
            spread_keys(len(tasks)), tasks, strict=True
        ):
            due_date = today + timedelta(days=due)
            if meeting is not None:  # captured in that meeting, due a few days later
                created = cal.meetings[meeting]
                due_date = max(due_date, created + timedelta(days=2))
            else:
                created = min(cal.start + timedelta(days=rng.randrange(60)), today, today + timedelta(days=due - 3))
            feedback = FROM_FEEDBACK.get(title)
            if feedback is not None:
                created = min(_feedback_day(cal, feedback) + timedelta(days=1), today)
            rows.append(
                {
                    "id": _id(today, "task", title),
                    "title": words.say(title),
                    "description": words.say(DESCRIPTIONS.get(title, "")),
                    "status": status,
                    "owner_id": _id(today, "member", owner),
                    "department": words.department(owner),
                    "due": due_date,
                    "priority": priority,
                    "objective_id": _id(today, "objective", objective) if objective else None,
                    "meeting_id": _id(today, "meeting", meeting) if meeting is not None else None,
                    "position": position,
                    "feedback_id": _id(today, "feedback", feedback) if feedback is not None else None,
                    "created_at": _at(created, 11, rng.randrange(60)),
                    "created_by": words.email(owner),
                }
            )
    return rows


def _subject_id(today: date, table: str | None, key: Any) -> str | None:
    if table is None:
        return None
    singular = {"objectives": "objective", "meetings": "meeting", "tasks": "task"}[table]
    return _id(today, singular, key)


def _feedback_day(cal: _Calendar, index: int) -> date:
    return cal.start + timedelta(days=(index * 67) // len(FEEDBACK) + 3)


def _feedback(today: date, cal: _Calendar, words: Words) -> list[dict[str, Any]]:
    rows = []
    for index, (author, table, key, kind, body, status, response) in enumerate(FEEDBACK):
        day = _feedback_day(cal, index)
        rows.append(
            {
                "id": _id(today, "feedback", index),
                "author_id": _id(today, "member", author),
                "subject_table": table,
                "subject_id": _subject_id(today, table, key),
                "kind": kind,
                "body": words.say(body),
                "status": status,
                "response": words.say(response),
                "created_at": _at(min(day, today), 14, index),
                "created_by": words.email(author),
            }
        )
    return rows


TableBuilder = Callable[[date, _Calendar, random.Random, Words], list[dict[str, Any]]]
# Referenced tables first, so every id a record names already exists.
BUILDERS: list[tuple[str, TableBuilder]] = [
    ("members", lambda t, c, r, w: _members(t, c, w)),
    ("objectives", lambda t, c, r, w: _objectives(t, c, w)),
    ("metrics", lambda t, c, r, w: _metrics(t, c, w)),
    ("measurements", _measurements),
    ("meetings", lambda t, c, r, w: _meetings(t, c, w)),
    ("agenda_items", lambda t, c, r, w: _agenda_items(t, c, w)),
    ("tasks", _tasks),
    ("feedback", lambda t, c, r, w: _feedback(t, c, w)),
]


def demo_rows(today: date, language: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The demo's rows per table, as ``Workspace.create_many`` takes them, in ``language``
    (default: the language the app speaks now)."""
    words = demo_words(language)
    rng = random.Random(today.toordinal())
    cal = _calendar(today)
    now = _at(today, 8)
    # nothing was written after this morning, not even the next meeting's agenda
    return {
        table: [{**row, "created_at": min(row["created_at"], now)} for row in build(today, cal, rng, words)]
        for table, build in BUILDERS
    }


def build_demo(folder: Path, *, today: date | None = None, language: str | None = None) -> Path:
    """Create a workspace in ``folder`` holding a sales + marketing quarter, committed, in
    ``language`` (default: the language the app speaks now)."""
    today = today or date.today()
    folder = init_workspace(Path(folder))
    stamp = _at(today, 8)
    workspace = Workspace(folder, who=demo_words(language).email("ana"), clock=lambda: stamp)
    for table, rows in demo_rows(today, language).items():
        # the person who wrote a record is also its last editor
        workspace.create_many(table, [{**row, "updated_by": row["created_by"]} for row in rows])
    commit_all(folder, "Load the sample sales and marketing quarter")
    return folder
