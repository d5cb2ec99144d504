"""`alinea clone`, `alinea sync` and `alinea conflicts`: the team side of the CLI.

Handlers return tui.cli.common's exit codes: 1 when git or the network failed (the local
data is kept); bad input is raised as InvalidInput and reported by tui.cli in one line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from store.i18n import _
from store.text import printable
from tui.cli.common import EXIT_FAILED, EXIT_OK, AddCommand, open_for, workspace_folder


def register(command: AddCommand) -> None:
    clone = command("clone", cmd_clone, _("join a team's workspace"))
    clone.add_argument("url", metavar="URL")
    clone.add_argument("dir", nargs="?", metavar="DIR", help=_("where to put it (default: the workspace folder)"))

    sync = command("sync", cmd_sync, _("send and receive the team's changes"))
    sync.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help=_("network timeout (default 30)"))

    conflicts = command("conflicts", cmd_conflicts, _("values a merge set aside, for review"))
    conflicts.add_argument("--all", action="store_true", help=_("include resolved conflicts"))
    actions = conflicts.add_subparsers(dest="action", metavar="ACTION", parser_class=type(conflicts))
    resolve = actions.add_parser("resolve", help=_("keep one of the two values"), description=_("resolve a conflict"))
    resolve.add_argument("id", metavar="ID", help=_("the conflict's id (a unique prefix of 4+ characters)"))
    resolve.add_argument("--keep", required=True, choices=("kept", "lost"), help=_("kept: the merged value stays"))
    resolve.set_defaults(func=cmd_resolve)


def cmd_clone(args: argparse.Namespace) -> int:
    from store.gitsync import clone_workspace

    folder = clone_workspace(args.url, Path(args.dir) if args.dir else workspace_folder(args))
    print(_("Cloned {url} into {folder}").format(url=args.url, folder=folder))
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from store.gitsync import sync_workspace
    from store.workspace import Workspace

    folder = workspace_folder(args)
    Workspace(folder)  # a clear error when the folder holds no workspace
    result = sync_workspace(folder, timeout=args.timeout)
    if result.ok:
        print(printable(result.message[:1].upper() + result.message[1:]))
        return EXIT_OK
    print(printable(f"alinea: {result.message}"), file=sys.stderr)
    return EXIT_FAILED


def cmd_conflicts(args: argparse.Namespace) -> int:
    from store.conflicts import conflict_views, describe_lines

    shown = conflict_views(open_for(args), include_resolved=args.all)
    open_count = sum(1 for view in shown if not view.resolved)
    if not open_count and not shown:
        print(_("No conflicts to review."))
        return EXIT_OK
    for view in shown:
        print(printable("\n".join(describe_lines(view)), multiline=True))
    if open_count:
        print(_("{count} to review: `alinea conflicts resolve ID --keep kept|lost`").format(count=open_count))
    return EXIT_OK


def cmd_resolve(args: argparse.Namespace) -> int:
    from store.conflicts import conflict_view, describe_lines, resolve

    workspace = open_for(args, "write")
    conflict = resolve(workspace, args.id, args.keep)
    said = (_("Resolved conflict {id}: kept the merged value") if args.keep == "kept"
            else _("Resolved conflict {id}: kept the value the merge had set aside"))
    print(said.format(id=conflict.id[:8]))
    print("\n".join(describe_lines(conflict_view(workspace, conflict))[1:]))
    return EXIT_OK
