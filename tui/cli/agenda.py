"""`alinea export agenda|minutes MEETING`: the agenda or the minutes of a meeting as a file.

tui/cli/export.py calls ``register_exports(kinds)``. ``MEETING`` is an id prefix or ``next``
(the next upcoming meeting of the default series). Bad input (an unknown meeting, a format
the document has no form in) raises InvalidInput: one line on stderr, exit 2, nothing written.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone
from typing import Any

from store.errors import InvalidInput
from store.i18n import _
from tui.cli.common import EXIT_OK, add_kind, open_for, write_output


def register_exports(kinds: Any) -> None:
    """Add `alinea export agenda` (md, html, ics) and `alinea export minutes` (md, html)."""
    for document, formats, text in (
        ("agenda", ("md", "html", "ics"), _("a meeting's agenda, to send out or import into a calendar")),
        ("minutes", ("md", "html"), _("a meeting's minutes: decisions, tasks, metrics, carried items")),
    ):
        parser = add_kind(kinds, document, cmd_export_meeting, text, formats)
        parser.add_argument("meeting", metavar="MEETING", help=_("a meeting id prefix (4+ characters), or `next`"))


def find_meeting(workspace: Any, text: str, now: datetime) -> Any:
    """A meeting by id prefix, or `next`."""
    if text.strip().lower() == "next":
        from store.agenda import next_meeting

        found = next_meeting(workspace.records("meetings"), now)
        if found is None:
            raise InvalidInput(_("no upcoming meeting: plan one with `alinea add meeting title=… starts_at=…`"))
        return found
    record = workspace.find(text, table="meetings")
    if record.deleted:
        raise InvalidInput(_("meeting {id} is deleted").format(id=record.id[:8]))
    return record


def cmd_export_meeting(args: argparse.Namespace) -> int:
    workspace = open_for(args)
    meeting = find_meeting(workspace, args.meeting, datetime.now(timezone.utc))
    if args.kind == "agenda":
        from store.export.agenda import export_agenda

        payload = export_agenda(workspace, meeting, args.format)
    else:
        from store.export.minutes import export_minutes

        payload = export_minutes(workspace, meeting, args.format)
    write_output(args, payload.decode("utf-8"))
    return EXIT_OK
