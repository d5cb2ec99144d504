"""The panes' words for a record's status or kind, in the reader's language.

Lower case, as the panes show them inside a line ("on track", "to do"); the capitalised
choices of forms and column titles are the vocabulary's (store/vocabulary.py). Each
function translates when called (store.i18n: never at import time). One English word can
need two Spanish ones ("done": an objective is "logrado", a task "hecha"), hence the contexts.
"""

from __future__ import annotations

from datetime import date

from store.dates import local_format
from store.i18n import _, ngettext, pgettext


def due_label(due: date, today: date) -> str:
    """A due date as a card shows it: "5 Dec", with the year when it is not this one's."""
    if due.year == today.year:
        return f"{due.day} {local_format(due, '%b')}"
    return f"{due.day} {local_format(due, '%b %Y')}"


def card_due(due: date | None, today: date, *, overdue: bool) -> str:
    """A card's due date in words: "5 Dec", "overdue 24 Nov", or nothing."""
    if due is None:
        return ""
    when = due_label(due, today)
    return _("overdue {day}").format(day=when) if overdue else when


def objective_status(status: str) -> str:
    """ "on_track" -> "on track" ("en camino")."""
    words = {
        "on_track": pgettext("objective status", "on track"),
        "at_risk": pgettext("objective status", "at risk"),
        "off_track": pgettext("objective status", "off track"),
        "done": pgettext("objective status", "done"),
    }
    return words.get(status, status)


def objective_kind(kind: str) -> str:
    words = {
        "goal": pgettext("objective kind", "goal"),
        "campaign": pgettext("objective kind", "campaign"),
        "strategy": pgettext("objective kind", "strategy"),
    }
    return words.get(kind, kind)


def task_status(status: str) -> str:
    """ "todo" -> "to do" ("por hacer")."""
    words = {
        "todo": pgettext("task status", "to do"),
        "doing": pgettext("task status", "doing"),
        "blocked": pgettext("task status", "blocked"),
        "done": pgettext("task status", "done"),
    }
    return words.get(status, status)


def task_count(status: str, count: int) -> str:
    """ "2 done" ("2 hechas"): how many of an objective's tasks have a status."""
    words = {
        "todo": ngettext("{count} to do", "{count} to do", count),
        "doing": ngettext("{count} doing", "{count} doing", count),
        "blocked": ngettext("{count} blocked", "{count} blocked", count),
        "done": ngettext("{count} done", "{count} done", count),
    }
    return words[status].format(count=count) if status in words else f"{count} {status}"


def agenda_kind(kind: str) -> str:
    words = {
        "info": pgettext("agenda item kind", "info"),
        "discussion": pgettext("agenda item kind", "discussion"),
        "decision": pgettext("agenda item kind", "decision"),
        "update": pgettext("agenda item kind", "update"),
    }
    return words.get(kind, kind)


def agenda_status(status: str) -> str:
    words = {
        "open": pgettext("agenda item status", "open"),
        "done": pgettext("agenda item status", "done"),
        "carried": pgettext("agenda item status", "carried"),
    }
    return words.get(status, status)


def feedback_kind(kind: str) -> str:
    words = {
        "praise": pgettext("feedback kind", "praise"),
        "concern": pgettext("feedback kind", "concern"),
        "idea": pgettext("feedback kind", "idea"),
        "question": pgettext("feedback kind", "question"),
    }
    return words.get(kind, kind)


def feedback_status(status: str) -> str:
    words = {
        "open": pgettext("feedback status", "open"),
        "acknowledged": pgettext("feedback status", "acknowledged"),
        "resolved": pgettext("feedback status", "resolved"),
    }
    return words.get(status, status)
