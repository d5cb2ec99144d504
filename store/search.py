"""Find records by a few typed letters: the palette's "Jump to …" and the subject picker.

Pure: reads records through a Lookup (a Workspace) and ranks them. A title that contains
what was typed ranks first (at its start or a word's start higher), then a title that
contains every typed word, then a title holding the letters in order ("wbnr" finds
"webinar"). Feedback entries are found by their whole body, shown by its first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from store.dates import day_label
from store.references import Lookup, noun
from store.vocabulary import choice

#: every table a person can jump to, in the order equal hits are listed
SEARCH_TABLES = ("tasks", "objectives", "meetings", "agenda_items", "feedback", "metrics", "members")
#: what a feedback entry can be about (store.models.SubjectTable)
SUBJECT_TABLES = ("objectives", "meetings", "agenda_items", "tasks")
LIMIT = 40


@dataclass(frozen=True)
class Found:
    """A record found: its table, id, title as shown, and a word on its state ("to do", "Sales")."""

    table: str
    record_id: str
    title: str
    detail: str
    score: float

    @property
    def noun(self) -> str:
        return noun(self.table)


def title(table: str, record: Any) -> str:
    """The title a list of hits shows: a meeting with its day, a feedback entry by its first line."""
    if table == "feedback":
        from store.feedback_actions import first_line

        return first_line(record.body, 80) or record.label
    if table == "meetings":
        return f"{record.label} · {day_label(record.starts_at.astimezone().date())}"
    return str(record.label)


def detail(table: str, record: Any) -> str:
    """A word on the record's state: its status, or a member's department."""
    if table == "members":
        return str(record.department)
    status = getattr(record, "status", None)
    if status is None:
        return ""
    value = str(getattr(status, "value", status))
    return choice(value, table).lower()  # "to do", "at risk"; "por hacer", "en riesgo"


class _Query:
    def __init__(self, text: str) -> None:
        self.text = " ".join(text.casefold().split())
        self.words = self.text.split()
        letters = self.text.replace(" ", "")
        self.letters = re.compile(".*?".join(re.escape(c) for c in letters)) if letters else None

    def score(self, shown: str, body: str) -> float:
        """0 for no match; higher is better. ``body`` is extra text searched by words only."""
        shown = shown.casefold()
        at = shown.find(self.text)
        if at >= 0:
            boundary = at == 0 or not shown[at - 1].isalnum()
            return 3.0 + (0.5 if at == 0 else 0.3 if boundary else 0.0) - len(shown) / 10_000
        if all(word in shown or word in body for word in self.words):
            return 2.0 - len(shown) / 10_000
        if self.letters is not None:
            found = self.letters.search(shown)
            if found is not None:
                return 1.0 + len(self.letters.pattern) / (10 * max(1, found.end() - found.start()))
        return 0.0


def search(source: Lookup, text: str, *, tables: tuple[str, ...] = SEARCH_TABLES, limit: int = LIMIT) -> list[Found]:
    """The best ``limit`` records of ``tables`` for ``text``, best first (nothing for blank text)."""
    query = _Query(text)
    if not query.text:
        return []
    found: list[Found] = []
    for rank, table in enumerate(tables):
        for record in source.records(table):
            shown = title(table, record)
            body = record.body.casefold() if table == "feedback" else ""
            score = query.score(shown, body)
            if score > 0:
                found.append(Found(table, record.id, shown, detail(table, record), score - rank / 1000))
    found.sort(key=lambda hit: (-hit.score, hit.title.casefold(), hit.record_id))
    return found[:limit]
