"""The "large workspace" of DESIGN section 8: five years of a busy team (about 20 MB).

The records are built as the JSON dicts the file holds (exactly ``Record.to_json()``),
not through the models, so generating 50,000 records takes about a second; the smoke
test checks that they validate. Deterministic for a given ``seed`` and ``today``.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from store.positions import spread_keys
from store.repo import commit_all, init_workspace
from store.storage import META_ID, META_TABLE, Tables, empty_tables, encode_document, migrate, write_atomically
from store.workspace import DATA_FILE

COUNTS = {
    "members": 40,
    "objectives": 200,
    "metrics": 600,
    "measurements": 30_000,
    "meetings": 260,
    "agenda_items": 2_000,
    "feedback": 5_000,
    "tasks": 10_000,
}
YEARS = 5
OPEN_STATUSES = ("on_track", "on_track", "at_risk", "off_track")
SERIES = ("Sales × Marketing sync", "Pipeline review", "Campaign planning", "Leadership alignment")
DEPARTMENTS = ("Sales", "Marketing", "Customer Success", "Product")
FIRST = ("Ana", "Malik", "Sofia", "Tomás", "Priya", "Jonas", "Lena", "Omar", "Chloé", "Kenji", "Marta", "Elif",
         "David", "Aisha", "Lukas", "Nora", "Rafael", "Ingrid", "Samuel", "Yuki")
LAST = ("Ruiz", "Johnson", "Brandt", "Oliveira", "Raman", "Weber", "Novak", "Haddad", "Laurent", "Sato",
        "García", "Yılmaz", "Cohen", "Okafor", "Fischer", "Lindqvist", "Costa", "Berg", "Mensah", "Tanaka")
ROLES = ("Head of {d}", "{d} Manager", "SDR", "Account Executive", "Content Lead", "Analyst", "Team Lead")
VERBS = ("Draft", "Review", "Update", "Prepare", "Follow up", "Qualify", "Launch", "Analyse", "Fix", "Plan",
         "Negotiate", "Publish", "Clean up", "Test", "Report on")
THINGS = ("landing page", "battlecard", "lead score", "pricing deck", "webinar invite", "ABM audience",
          "case study", "pipeline report", "email sequence", "CRM workflow", "partner newsletter",
          "forecast", "renewal list", "event budget", "attribution model", "demo script")
ACCOUNTS = ("Northwind", "Contoso", "Globex", "Initech", "Umbrella Retail", "Stark Foods", "Wayne Logistics",
            "Acme Stores", "Hooli", "Vandelay Imports")
SENTENCES = (
    "The numbers come from the CRM dashboard as of Monday.",
    "Marketing sourced most of the new opportunities this month.",
    "Conversion from MQL to SQL improved after the follow-up SLA.",
    "We need legal to sign off before anything goes out.",
    "Budget moves from paid search to account-based campaigns.",
    "The webinar audience was mostly mid-market retail.",
    "Two target accounts asked for a follow-up call next week.",
    "**Decision needed**: keep the current lead score weights or change them.",
    "- check the attribution model\n- share the findings in the sync",
    "Customer interviews point to pricing clarity as the main blocker.",
    "The SDR queue is back under 24 hours on average.",
    "See the shared drive for the full analysis and the raw export.",
)
METRICS = (("Pipeline value", "€", 0, 2_400_000, "increase"), ("MQL→SQL rate", "%", 19, 28, "increase"),
           ("Blended CAC", "€", 510, 420, "decrease"), ("Campaign CTR", "%", 0.45, 0.8, "increase"),
           ("Lead conversion", "%", 1.6, 2.2, "increase"), ("Meetings booked", "", 0, 40, "increase"),
           ("Registrations", "", 0, 900, "increase"), ("Cost per MQL", "€", 96, 80, "decrease"))


class _Gen:
    """One generator run: a seeded Random, the time span, and helpers for common fields."""

    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.start = datetime.combine(today - timedelta(days=365 * YEARS), time(8), tzinfo=timezone.utc)
        self.span_s = 365 * YEARS * 86_400
        self.emails: list[str] = []

    def new_id(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def moment(self, share: float) -> datetime:
        """A time ``share`` of the way through the five years (0..1)."""
        return self.start + timedelta(seconds=int(self.span_s * share), microseconds=self.rng.randrange(1_000_000))

    def common(self, record_id: str, at: datetime) -> dict[str, Any]:
        stamp = at.isoformat(timespec="microseconds")
        creator = self.rng.choice(self.emails)
        edited = self.rng.random() < 0.3
        return {
            "id": record_id,
            "created_at": stamp,
            "created_by": creator,
            "updated_at": (at + timedelta(days=2)).isoformat(timespec="microseconds") if edited else stamp,
            "updated_by": self.rng.choice(self.emails) if edited else creator,
            "rev": 2 if edited else 1,
            "deleted": self.rng.random() < 0.01,
        }

    def text(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(SENTENCES) for _ in range(self.rng.randint(low, high)))

    def sample(self, items: list[str], low: int, high: int) -> list[str]:
        return sorted(self.rng.sample(items, min(len(items), self.rng.randint(low, high))))


def _count(table: str, scale: float) -> int:
    return max(2, round(COUNTS[table] * scale))


def _members(gen: _Gen, n: int) -> dict[str, dict[str, Any]]:
    rows = {}
    for index in range(n):
        first, last = FIRST[index % len(FIRST)], LAST[(index * 7 + index // len(FIRST)) % len(LAST)]
        gen.emails.append(f"{first}.{last}@example.com".lower())
    for index, email in enumerate(gen.emails):
        department = DEPARTMENTS[index % len(DEPARTMENTS)]
        record_id = gen.new_id()
        rows[record_id] = {
            **gen.common(record_id, gen.moment(index / (4 * n))),
            "name": f"{FIRST[index % len(FIRST)]} {LAST[(index * 7 + index // len(FIRST)) % len(LAST)]}",
            "email": email,
            "department": department,
            "role": gen.rng.choice(ROLES).format(d=department),
        }
    return rows


def _objectives(gen: _Gen, n: int, members: list[str]) -> dict[str, dict[str, Any]]:
    rows = {}
    for index in range(n):
        share = index / n
        at = gen.moment(share)
        quarter = (at.month - 1) // 3 + 1
        past = share < 0.95
        record_id = gen.new_id()
        rows[record_id] = {
            **gen.common(record_id, at),
            "title": f"{gen.rng.choice(VERBS)} {gen.rng.choice(THINGS)} for {gen.rng.choice(ACCOUNTS)} (Q{quarter})",
            "kind": gen.rng.choice(("goal", "goal", "campaign", "strategy")),
            "description": gen.text(2, 8),
            "departments": gen.sample(list(DEPARTMENTS[:2]), 1, 2),
            "owner_ids": gen.sample(members, 1, 3),
            "period": f"{at.year}-Q{quarter}",
            "status": "done" if past and gen.rng.random() < 0.8 else gen.rng.choice(OPEN_STATUSES),
            "due": (at + timedelta(days=90)).date().isoformat(),
        }
    return rows


def _metrics(gen: _Gen, n: int, objectives: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    rows = {}
    owners = list(objectives)
    for index in range(n):
        objective_id = owners[index * len(owners) // n]
        name, unit, baseline, target, direction = gen.rng.choice(METRICS)
        record_id = gen.new_id()
        rows[record_id] = {
            **gen.common(record_id, datetime.fromisoformat(objectives[objective_id]["created_at"])),
            "objective_id": objective_id,
            "name": name,
            "unit": unit,
            "baseline": float(baseline),
            "target": float(target),
            "direction": direction,
        }
    return rows


def _measurements(gen: _Gen, n: int, metrics: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    rows = {}
    ids = list(metrics)
    per_metric = max(1, n // len(ids))
    for index in range(n):
        metric_id = ids[min(index // per_metric, len(ids) - 1)]
        metric = metrics[metric_id]
        week = index % per_metric
        day = datetime.fromisoformat(metric["created_at"]) + timedelta(weeks=week)
        progress = week / per_metric
        value = metric["baseline"] + (metric["target"] - metric["baseline"]) * progress * gen.rng.uniform(0.7, 1.1)
        record_id = gen.new_id()
        rows[record_id] = {
            **gen.common(record_id, day + timedelta(hours=8)),
            "metric_id": metric_id,
            "date": day.date().isoformat(),
            "value": round(value, 2),
            "note": gen.rng.choice(SENTENCES) if gen.rng.random() < 0.1 else "",
        }
    return rows


def _meetings(gen: _Gen, n: int, members: list[str], objectives: list[str]) -> dict[str, dict[str, Any]]:
    rows = {}
    for index in range(n):
        share = index / n
        at = gen.moment(share).replace(hour=9, minute=30, second=0, microsecond=0)
        done = share < 0.99
        series = SERIES[index % len(SERIES)]
        nearby = objectives[int(share * len(objectives)) : int(share * len(objectives)) + 12] or objectives[-12:]
        record_id = gen.new_id()
        rows[record_id] = {
            **gen.common(record_id, at - timedelta(days=6)),
            "title": series,
            "starts_at": at.isoformat(timespec="microseconds"),
            "duration_min": gen.rng.choice((30, 45, 60, 90)),
            "location": gen.rng.choice(("Room Lisbon", "Room Oslo", "Video call", "Room Lisbon + video link")),
            "series": series,
            "attendee_ids": gen.sample(members, 4, 10),
            "objective_ids": gen.sample(nearby, 1, 4),
            "status": "done" if done else "planned",
            "notes": gen.text(3, 12) if done else "",
        }
    return rows


def _agenda_items(gen: _Gen, n: int, meetings: dict[str, dict[str, Any]], members: list[str]) -> dict:
    rows = {}
    ids = list(meetings)
    for slot, meeting_id in enumerate(ids):
        count = n // len(ids) + (1 if slot < n % len(ids) else 0)
        meeting = meetings[meeting_id]
        done = meeting["status"] == "done"
        for position in spread_keys(count):
            record_id = gen.new_id()
            rows[record_id] = {
                **gen.common(record_id, datetime.fromisoformat(meeting["created_at"])),
                "meeting_id": meeting_id,
                "title": f"{gen.rng.choice(VERBS)} {gen.rng.choice(THINGS)}",
                "kind": gen.rng.choice(("info", "discussion", "decision", "update")),
                "presenter_id": gen.rng.choice(members),
                "minutes": gen.rng.choice((5, 10, 15)),
                "position": position,
                "objective_id": gen.rng.choice(meeting["objective_ids"]),
                "notes": gen.text(1, 4),
                "outcome": gen.text(1, 2) if done else "",
                "status": gen.rng.choice(("done", "done", "carried")) if done else "open",
            }
    return rows


def _tasks(gen: _Gen, n: int, members: dict, objectives: list[str], meetings: list[str]) -> dict:
    rows = {}
    member_ids = list(members)
    statuses = [gen.rng.choices(("todo", "doing", "blocked", "done"), (8, 5, 2, 85))[0] for _ in range(n)]
    positions = {status: iter(spread_keys(statuses.count(status))) for status in set(statuses)}
    for index, status in enumerate(statuses):
        share = index / n
        at = gen.moment(share)
        owner = gen.rng.choice(member_ids)
        record_id = gen.new_id()
        rows[record_id] = {
            **gen.common(record_id, at),
            "title": f"{gen.rng.choice(VERBS)} {gen.rng.choice(THINGS)} for {gen.rng.choice(ACCOUNTS)}",
            "description": gen.text(1, 5),
            "status": status,
            "owner_id": owner,
            "department": members[owner]["department"],
            "due": (at + timedelta(days=gen.rng.randint(2, 40))).date().isoformat(),
            "priority": gen.rng.choices(("low", "normal", "high", "urgent"), (2, 6, 3, 1))[0],
            "objective_id": gen.rng.choice(objectives) if gen.rng.random() < 0.6 else None,
            "meeting_id": gen.rng.choice(meetings) if gen.rng.random() < 0.2 else None,
            "position": next(positions[status]),
        }
    return rows


def _feedback(gen: _Gen, n: int, members: list[str], subjects: dict[str, list[str]]) -> dict:
    rows = {}
    for index in range(n):
        table = gen.rng.choice((*subjects, None))
        status = gen.rng.choice(("open", "acknowledged", "resolved", "resolved"))
        record_id = gen.new_id()
        rows[record_id] = {
            **gen.common(record_id, gen.moment(index / n)),
            "author_id": gen.rng.choice(members),
            "subject_table": table,
            "subject_id": gen.rng.choice(subjects[table]) if table else None,
            "kind": gen.rng.choice(("praise", "concern", "idea", "question")),
            "body": gen.text(1, 5),
            "status": status,
            "response": gen.text(1, 2) if status != "open" else "",
        }
    return rows


def make_large_tables(seed: int = 0, today: date | None = None, scale: float = 1.0) -> Tables:
    """The canonical tables of the large workspace (``scale`` shrinks it for smoke tests)."""
    gen = _Gen(seed, today or date.today())
    tables = empty_tables()
    members = tables["members"] = _members(gen, max(4, round(COUNTS["members"] * scale)))
    member_ids = list(members)
    objectives = tables["objectives"] = _objectives(gen, _count("objectives", scale), member_ids)
    metrics = tables["metrics"] = _metrics(gen, _count("metrics", scale), objectives)
    tables["measurements"] = _measurements(gen, _count("measurements", scale), metrics)
    meetings = tables["meetings"] = _meetings(gen, _count("meetings", scale), member_ids, list(objectives))
    agenda = tables["agenda_items"] = _agenda_items(gen, _count("agenda_items", scale), meetings, member_ids)
    tasks = tables["tasks"] = _tasks(gen, _count("tasks", scale), members, list(objectives), list(meetings))
    subjects = {"objectives": list(objectives), "meetings": list(meetings), "agenda_items": list(agenda),
                "tasks": list(tasks)}
    tables["feedback"] = _feedback(gen, _count("feedback", scale), member_ids, subjects)
    tables[META_TABLE] = {META_ID: tables[META_TABLE][META_ID]}
    return migrate(tables, 1)  # the generator writes schema-1 records: fill in the fields added since


def write_large_workspace(folder: Path, seed: int = 0, *, today: date | None = None, scale: float = 1.0) -> Path:
    """A committed workspace holding the large tables; returns the folder."""
    folder = init_workspace(Path(folder))
    write_atomically(folder / DATA_FILE, encode_document(make_large_tables(seed, today, scale)))
    commit_all(folder, "Large benchmark workspace")
    return folder
