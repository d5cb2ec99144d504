"""`alinea history ID`: who changed what and when for one record (DESIGN section 6).

tui/cli.py calls ``register(subparsers)``. An id that matches no record, or more than one,
is bad input: one line on stderr, exit 2 (reported by tui/cli.py).
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone
from typing import Any

from tui.cli import open_workspace

EXIT_OK = 0
NOUNS = {"agenda_items": "agenda item", "feedback": "feedback entry"}


def register(subparsers: Any) -> None:
    text = "who changed what and when for one record (ID: a unique prefix of 4+ characters)"
    history = subparsers.add_parser("history", help=text, description=text)
    history.add_argument("id", metavar="ID")
    history.set_defaults(func=cmd_history)


def cmd_history(args: argparse.Namespace) -> int:
    from store.history import describe_all, names_in, printable, read_history

    workspace = open_workspace(args)
    record = workspace.find(args.id)
    noun = NOUNS.get(record.TABLE, record.TABLE.removesuffix("s"))
    print(f"{noun} {record.id[:8]}  {printable(record.label)}{' (deleted)' if record.deleted else ''}")
    entries = read_history(workspace.folder, record.id)
    for line in describe_all(entries, datetime.now(timezone.utc), names_in(workspace)):
        print(f"  {line}")
    if not entries:
        print("  no change recorded yet")
    return EXIT_OK
