"""The choices of the models' fields (statuses, kinds, priorities), as StrEnums.

Kept free of pydantic, like store/vocabulary.py: the rules the panes import (store.agenda,
store.progress, …) compare statuses at run time, and the app imports those before its first
frame, long before a record is validated. store.models re-exports every name.
"""

from __future__ import annotations

from enum import StrEnum


class ObjectiveKind(StrEnum):
    goal = "goal"
    campaign = "campaign"
    strategy = "strategy"


class ObjectiveStatus(StrEnum):
    on_track = "on_track"
    at_risk = "at_risk"
    off_track = "off_track"
    done = "done"


class Direction(StrEnum):
    increase = "increase"
    decrease = "decrease"


class MeetingStatus(StrEnum):
    planned = "planned"
    running = "running"
    done = "done"


class AgendaKind(StrEnum):
    info = "info"
    discussion = "discussion"
    decision = "decision"
    update = "update"


class AgendaStatus(StrEnum):
    open = "open"
    done = "done"
    carried = "carried"


class FeedbackKind(StrEnum):
    praise = "praise"
    concern = "concern"
    idea = "idea"
    question = "question"


class FeedbackStatus(StrEnum):
    open = "open"
    acknowledged = "acknowledged"
    resolved = "resolved"


class SubjectTable(StrEnum):
    objectives = "objectives"
    meetings = "meetings"
    agenda_items = "agenda_items"
    tasks = "tasks"


class TaskStatus(StrEnum):
    todo = "todo"
    doing = "doing"
    blocked = "blocked"
    done = "done"


class Priority(StrEnum):
    low = "low"
    normal = "normal"
    high = "high"
    urgent = "urgent"
