"""`alinea export KIND …`: one subcommand; each kind of export adds itself here.

A module that exports something calls ``add_kind`` (tui/cli/common.py) from its
``register_exports(kinds)``; ``register`` lists those modules. Output goes to stdout, or to
``-o FILE``.
"""

from __future__ import annotations

import argparse

from store.i18n import _
from tui.cli import agenda, objectives
from tui.cli.common import AddCommand, UsageError


def register(command: AddCommand) -> None:
    """Add `alinea export` with every kind of export."""
    export = command("export", _missing_kind, _("write an agenda, minutes, the objectives or the brief to share"))
    kinds = export.add_subparsers(dest="kind", metavar="KIND", parser_class=type(export))
    agenda.register_exports(kinds)
    objectives.register_exports(kinds)


def _missing_kind(args: argparse.Namespace) -> int:
    raise UsageError(
        _("say what to export: `alinea export agenda|minutes MEETING`, `export objectives` or `export brief`")
    )
