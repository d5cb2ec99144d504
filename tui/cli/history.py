"""`alinea history ID`: who changed what and when for one record (DESIGN section 6).

An id that matches no record, or more than one, is bad input: one line on stderr, exit 2
(reported by tui/cli/__init__.py).
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone

from store.i18n import _
from tui.cli.common import EXIT_OK, AddCommand, open_for


def register(command: AddCommand) -> None:
    text = _("who changed what and when for one record (ID: a unique prefix of 4+ characters)")
    history = command("history", cmd_history, text)
    history.add_argument("id", metavar="ID")


def cmd_history(args: argparse.Namespace) -> int:
    from store.history import describe_all, names_in, printable, read_history

    workspace = open_for(args)
    record = workspace.find(args.id)
    noun = record.VOCAB.noun
    title = (_("{noun} {id}  {title} (deleted)") if record.deleted else "{noun} {id}  {title}").format(
        noun=noun, id=record.id[:8], title=printable(record.label))
    print(title)
    entries = read_history(workspace.folder, record.id)
    for line in describe_all(entries, datetime.now(timezone.utc), names_in(workspace)):
        print(f"  {line}")
    if not entries:
        print("  " + _("no change recorded yet"))
    return EXIT_OK
