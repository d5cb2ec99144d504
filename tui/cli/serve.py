"""`alinea serve`: the same app in a browser, through textual-serve (DESIGN section 6).

Each browser tab runs its own ``alinea -w DIR`` process, so the app lock of tui/launch.py
applies as between two terminal windows: the first tab holds the workspace, a second one
opens read-only and says why. The server listens on loopback unless ``--host`` says
otherwise, and then it warns: whoever reaches the port can edit the workspace.

tui/cli/__init__.py's registry calls ``register(command)``. textual-serve (and aiohttp) are imported only here.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys

from store.errors import InvalidInput
from store.i18n import _
from tui.cli.common import EXIT_OK, AddCommand, workspace_folder

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
#: how each tab starts the app: main() itself, so it works however alinea was installed
APP_MAIN = "import sys; from tui.cli import main; sys.exit(main())"


def register(command: AddCommand) -> None:
    serve = command("serve", cmd_serve, _("open the app in a web browser (for a colleague without a terminal)"))
    serve.add_argument("--host", default="127.0.0.1",
                       help=_("address to listen on (default 127.0.0.1: this computer only)"))
    serve.add_argument("--port", type=int, default=8000, help=_("port to listen on (default 8000)"))


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(folder: str) -> str:
    return shlex.join([sys.executable, "-c", APP_MAIN, "-w", folder])


def cmd_serve(args: argparse.Namespace) -> int:
    from tui.launch import prepare

    if not 0 < args.port < 65536:
        raise InvalidInput(_("the port must be between 1 and 65535, got {port}").format(port=args.port))
    opened = prepare(workspace_folder(args))  # create it now, so each tab only opens it
    folder = opened.workspace.folder
    if not is_loopback(args.host):
        print(
            _("alinea: warning: serving on {host}:{port}. Anyone who can reach this port "
              "can open and edit the workspace; there is no password.").format(host=args.host, port=args.port),
            file=sys.stderr,
        )
    from textual_serve.server import Server

    url_host = f"[{args.host}]" if ":" in args.host else args.host
    server = Server(app_command(str(folder)), host=args.host, port=args.port, title=f"alinea · {folder.name}",
                    public_url=f"http://{url_host}:{args.port}")
    url = f"http://{url_host}:{args.port}"
    print(_("Serving {folder} at {url} (one tab edits at a time; Ctrl+C stops)").format(folder=folder, url=url),
          flush=True)
    server.serve()
    return EXIT_OK
