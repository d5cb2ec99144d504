"""`alinea import measurements`, `alinea export objectives` and `alinea export brief`.

tui/cli/__init__.py's registry calls ``register(command)``; tui/cli/export.py calls
``register_exports(kinds)``.
Bad input raises InvalidInput (one line on stderr, exit 2, nothing written).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from store.errors import InvalidInput
from store.i18n import _
from tui.cli.common import EXIT_OK, AddCommand, add_kind, open_for, write_output


def register(command: AddCommand) -> None:
    """Add `alinea import`."""
    importing = command("import", _missing_kind, _("bring numbers in from a file"))
    kinds = importing.add_subparsers(dest="kind", metavar="KIND", parser_class=type(importing))
    text = _("measurements from a CSV file: metric,date,value[,note]; one bad row writes nothing")
    measurements = kinds.add_parser("measurements", help=text, description=text)
    measurements.add_argument("file", metavar="FILE.csv")
    measurements.set_defaults(func=cmd_import_measurements)


def register_exports(kinds: Any) -> None:
    """Add `alinea export objectives` and `alinea export brief`."""
    formats = ("md", "html")
    report = add_kind(kinds, "objectives", cmd_export_objectives, _("the objectives' status report"), formats)
    report.add_argument("--period", metavar="P",
                        help=_("only this period's objectives (2026-Q4, 2026-H1, 2026-11, 2026)"))
    brief = add_kind(kinds, "brief", cmd_export_brief, _("what changed since the last meeting, as a pre-read"), formats)
    brief.add_argument("meeting", nargs="?", metavar="MEETING",
                       help=_("id prefix or `next` (default: the next meeting)"))


def _missing_kind(args: argparse.Namespace) -> int:
    raise InvalidInput(_("say what to import: `alinea import measurements FILE.csv`"))


def cmd_import_measurements(args: argparse.Namespace) -> int:
    from store.importing import import_measurements

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_("{path} is not a UTF-8 text file: save it as CSV (UTF-8)").format(path=path)) from None
    except OSError as error:
        reason = error.strerror or error
        raise InvalidInput(_("cannot read {path}: {reason}").format(path=path, reason=reason)) from None
    result = import_measurements(open_for(args, "write"), text, today=date.today())
    print(result.summary[:1].upper() + result.summary[1:])
    return EXIT_OK


def cmd_export_objectives(args: argparse.Namespace) -> int:
    from store.export.objectives import objectives_html, objectives_markdown

    workspace = open_for(args)
    render = objectives_html if args.format == "html" else objectives_markdown
    write_output(args, render(workspace, today=date.today(), period=args.period))
    return EXIT_OK


def cmd_export_brief(args: argparse.Namespace) -> int:
    from store.brief import build_brief, pick_meeting
    from store.export.brief import brief_html, brief_markdown
    from store.workspace import utc_now

    workspace = open_for(args)
    now = utc_now()
    meeting = pick_meeting(workspace, args.meeting, now=now)
    brief = build_brief(workspace, meeting, now=now)
    write_output(args, brief_html(brief) if args.format == "html" else brief_markdown(brief))
    return EXIT_OK
