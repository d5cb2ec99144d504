"""`alinea` (the app), `alinea init` and `alinea demo`: making and opening a workspace."""

from __future__ import annotations

import argparse
from pathlib import Path

from store.i18n import _
from tui.cli.common import EXIT_OK, AddCommand, workspace_folder


def register(command: AddCommand) -> None:
    init = command("init", cmd_init, _("create a workspace: a git repository holding alinea.json"))
    init.add_argument("dir", nargs="?", metavar="DIR")
    init.add_argument(
        "--remote", metavar="URL",
        help=_("share it at this git remote (if that fails, `alinea sync` finishes it later)"),
    )
    demo = command("demo", cmd_demo, _("a workspace filled with a sample sales+marketing quarter"))
    demo.add_argument("dir", nargs="?", metavar="DIR")
    demo.add_argument("--no-open", action="store_true", help=_("create it, do not open the app"))


def cmd_open(args: argparse.Namespace) -> int:
    """The app; textual is imported only here."""
    from tui.launch import open_app

    return open_app(Path(args.workspace) if args.workspace else None)


def cmd_init(args: argparse.Namespace) -> int:
    from store.repo import init_workspace

    folder = Path(args.dir) if args.dir else workspace_folder(args)
    init_workspace(folder)
    print(_("Created an alinea workspace in {folder}").format(folder=folder))
    if args.remote:
        from store.gitsync import setup_remote

        setup_remote(folder, args.remote)
        print(_("Shared it at {remote}").format(remote=args.remote))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from store.demo import build_demo
    from store.i18n import _
    from store.paths import default_demo_dir

    folder = Path(args.dir) if args.dir else default_demo_dir()
    if not (folder / "alinea.json").exists():
        build_demo(folder)
        print(_("Created the sample sales+marketing quarter in {folder}").format(folder=folder))
    if args.no_open:
        return EXIT_OK
    from tui.launch import open_app

    return open_app(folder)
