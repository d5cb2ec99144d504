"""What every `alinea` subcommand shares: the exit codes, the workspace folder, the output.

Only the store is imported here, so scripted calls such as ``alinea list`` start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from store.errors import AlineaError, InvalidInput
from store.i18n import _
from store.paths import default_workspace_dir
from store.text import printable

if TYPE_CHECKING:
    from store.models import Record
    from store.opening import Purpose
    from store.workspace import Workspace

#: the one set of exit codes: done; git, the network or the workspace file failed; bad input
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]
#: ``command(name, handler, help)`` adds a subcommand to the one parser and returns its parser
AddCommand = Callable[[str, Handler, str], argparse.ArgumentParser]


class UsageError(InvalidInput):
    """A command line argparse cannot read: exit code 2, like every other bad input."""


def workspace_folder(args: argparse.Namespace) -> Path:
    return Path(args.workspace) if args.workspace else default_workspace_dir()


def open_for(args: argparse.Namespace, purpose: Purpose = "read") -> Workspace:
    """The workspace a command works on, opened in store.opening's one order.

    Reading never commits: a merge a manual `git pull` left half done is finished only by a
    command that writes.
    """
    from store.opening import open_workspace

    return open_workspace(workspace_folder(args), purpose)


def print_json(value: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")


def display_value(workspace: Workspace, record: Record, field: str) -> str:
    value = getattr(record, field)
    target = record.REFS.get(field)
    if value is None:
        return ""
    if target and isinstance(value, (str, frozenset)):
        ids = [value] if isinstance(value, str) else sorted(value)
        found = [workspace.lookup(target, record_id) for record_id in ids]
        return ", ".join(item.label if item else record_id[:8] for item, record_id in zip(found, ids, strict=True))
    if isinstance(value, frozenset):
        return ", ".join(sorted(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat(timespec="minutes") if hasattr(value, "hour") else value.isoformat())
    return str(value)


def print_table(rows: list[list[str]]) -> None:
    if not rows:
        return
    widths = [min(max(len(row[i]) for row in rows), 48) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell[:48].ljust(width) for cell, width in zip(row, widths, strict=True)]
        print(printable("  ".join(cells).rstrip()))


def add_kind(kinds: Any, name: str, handler: Handler, text: str, formats: tuple[str, ...]) -> argparse.ArgumentParser:
    """One kind of export, with the options every kind shares: --format and -o."""
    parser: argparse.ArgumentParser = kinds.add_parser(name, help=text, description=text)
    parser.add_argument("--format", choices=formats, default=formats[0],
                        help=_("default {format}").format(format=formats[0]))
    parser.add_argument("-o", "--output", metavar="FILE", help=_("write to FILE instead of the screen"))
    parser.set_defaults(func=handler)
    return parser


def write_output(args: argparse.Namespace, text: str) -> None:
    """The export to ``-o FILE`` (saying where it went) or to stdout, without control characters."""
    from store.export.common import clean

    text = clean(text)
    if args.output:
        path = Path(args.output)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            reason = error.strerror or error
            raise AlineaError(_("cannot write {path}: {reason}").format(path=path, reason=reason)) from None
        print(_("Wrote {path}").format(path=path), file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
