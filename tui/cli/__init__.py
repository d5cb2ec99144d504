"""`alinea …` subcommands: scripting and automation (DESIGN section 6).

One parser, built from the registry below: each module of this package adds its
subcommands through ``register(command)``. One set of exit codes (tui.cli.common): 0 done;
1 when git, the network or the workspace file failed; 2 for bad input (one line on stderr,
nothing written). Only the store is imported, so ``alinea list`` starts fast; textual is
imported when the app opens.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from store.errors import AlineaError, InvalidInput
from store.gcpolicy import quiet_start, resume
from store.i18n import language_from, use_language
from store.text import printable
from tui.cli import export, history, objectives, records, serve, start, team
from tui.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, Handler, UsageError

#: every module that adds subcommands, in the order `alinea --help` lists them
REGISTRY = (start, records, team, history, serve, objectives, export)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit code 2 like every other bad input."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `alinea --help`)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="alinea", description="Where sales and marketing leads prepare and run their meetings.")
    parser.add_argument("-w", "--workspace", metavar="DIR", help="workspace folder (default: $ALINEA_WORKSPACE)")
    parser.set_defaults(func=start.cmd_open)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
        made: argparse.ArgumentParser = sub.add_parser(name, help=text, description=text)
        made.set_defaults(func=handler)
        return made

    for module in REGISTRY:
        module.register(command)
    return parser


def choose_language() -> str:
    """Speak the config's language, else the environment's (store.i18n); returns it."""
    from store.config import load_config

    config, _problem = load_config()  # the app reports a config it ignored; here only the language matters
    return use_language(language_from(config.language, os.environ))


def main(argv: Sequence[str] | None = None) -> int:
    quiet_start()  # see store.gcpolicy
    try:
        choose_language()
        args = build_parser().parse_args(argv)
        handler: Any = args.func
        return int(handler(args))
    except AlineaError as error:
        print(printable(f"alinea: {error}"), file=sys.stderr)
        return EXIT_BAD_INPUT if isinstance(error, InvalidInput) else EXIT_FAILED
    except RecursionError:
        print("alinea: the workspace holds values nested too deep to handle; nothing was changed", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `alinea list tasks | head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep the interpreter's final flush quiet
        return EXIT_OK
    except OSError as error:  # a disk or permission failure outside a save: one line, never a traceback
        where = f"{error.filename}: " if error.filename else ""
        print(f"alinea: {where}{error.strerror or error}; nothing was changed", file=sys.stderr)
        return EXIT_FAILED
    finally:
        resume()
