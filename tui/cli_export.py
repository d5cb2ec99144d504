"""`alinea export KIND …`: one subcommand, each kind of export adds itself here.

A module that exports something calls ``add_kind`` from its ``register_exports(kinds)``;
``register`` lists those modules. Output goes to stdout, or to ``-o FILE``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from store.errors import AlineaError
from store.export.common import clean

Handler = Callable[[argparse.Namespace], int]


def register(command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    """Add `alinea export` with every kind of export (tui/cli.py calls this)."""
    from tui import cli_agenda, cli_objectives

    export = command("export", _missing_kind, "write an agenda, minutes, the objectives or the brief to share")
    kinds = export.add_subparsers(dest="kind", metavar="KIND", parser_class=type(export))
    cli_agenda.register_exports(kinds)
    cli_objectives.register_exports(kinds)


def add_kind(kinds: Any, name: str, handler: Handler, text: str, formats: tuple[str, ...]) -> argparse.ArgumentParser:
    """One kind of export, with the options every kind shares: --format and -o."""
    parser: argparse.ArgumentParser = kinds.add_parser(name, help=text, description=text)
    parser.add_argument("--format", choices=formats, default=formats[0], help=f"default {formats[0]}")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of the screen")
    parser.set_defaults(func=handler)
    return parser


def write_output(args: argparse.Namespace, text: str) -> None:
    """The export to ``-o FILE`` (saying where it went) or to stdout, without control characters."""
    text = clean(text)
    if args.output:
        path = Path(args.output)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            raise AlineaError(f"cannot write {path}: {error.strerror or error}") from None
        print(f"Wrote {path}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _missing_kind(args: argparse.Namespace) -> int:
    from tui.cli import UsageError

    raise UsageError(
        "say what to export: `alinea export agenda|minutes MEETING`, `export objectives` or `export brief`"
    )
