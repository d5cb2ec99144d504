"""`alinea …` subcommands: scripting and automation (DESIGN section 6).

One parser, built from the registry below: each module of this package adds its
subcommands through ``register(command)``. One set of exit codes (tui.cli.common): 0 done;
1 when git, the network or the workspace file failed; 2 for bad input (one line on stderr,
nothing written). Only the store is imported, so ``alinea list`` starts fast; textual is
imported when the app opens. The subcommands' modules are imported when the parser is built,
which opening the app (``alinea``, ``alinea -w DIR``) does without: its first frame waits for
every module imported before it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from store.errors import AlineaError, InvalidInput
from store.gcpolicy import quiet_start, resume
from store.i18n import N_, _, language_from, ngettext, use_language
from store.text import printable
from tui.cli import start
from tui.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, Handler, UsageError

#: every module of this package that adds subcommands, in the order `alinea --help` lists them
REGISTRY = ("start", "records", "team", "history", "serve", "objectives", "export")

#: argparse's own words (it asks gettext for them; _Parser answers in alinea's language)
ARGPARSE_WORDS = (
    N_("usage: "), N_("options"), N_("positional arguments"), N_("show this help message and exit"),
    N_("commands"), N_("unrecognized arguments: %s"), N_("the following arguments are required: %s"),
    N_("argument %(argument_name)s: %(message)s"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"), N_("expected one argument"), N_("expected at most one argument"),
    N_("expected at least one argument"), N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"), N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"), N_("one of the arguments %s is required"),
    N_("unexpected option string: %s"), N_("can't open '%(filename)s': %(error)s"),
)


@contextmanager
def argparse_in_our_language() -> Iterator[None]:
    """argparse's words ("usage:", "options:", its errors) through alinea's catalog while it runs.

    argparse looks up its module's ``_`` and ``ngettext`` each time it speaks; they are put
    back afterwards, so other parsers in the process are left as they were.
    """
    names = vars(argparse)
    saved = {"_": names["_"], "ngettext": names["ngettext"]}
    names.update(_=_, ngettext=ngettext)
    try:
        yield
    finally:
        names.update(saved)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit code 2 like every other bad input."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(_("{message} (see `alinea --help`)").format(message=message))


def build_parser() -> argparse.ArgumentParser:
    with argparse_in_our_language():  # the help and the groups' titles are words made here
        about = _("Where sales and marketing leads prepare and run their meetings.")
        parser = _Parser(prog="alinea", description=about)
        parser.add_argument("-w", "--workspace", metavar="DIR", help=_("workspace folder (default: $ALINEA_WORKSPACE)"))
        parser.set_defaults(func=start.cmd_open)
        sub = parser.add_subparsers(title=_("commands"), metavar="COMMAND", parser_class=_Parser)

        def command(name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
            made: argparse.ArgumentParser = sub.add_parser(name, help=text, description=text)
            made.set_defaults(func=handler)
            return made

        for name in REGISTRY:
            importlib.import_module(f"{__name__}.{name}").register(command)
    return parser


def opening_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The command line when it only opens the app (``alinea``, ``alinea -w DIR``), read as the
    full parser would read it but without building every subcommand; else None (the full parser
    reads it, and says what is wrong with it)."""
    parser = _Parser(prog="alinea", add_help=False)
    parser.add_argument("-w", "--workspace")
    try:
        args, rest = parser.parse_known_args(argv)
    except UsageError:
        return None
    if rest:
        return None
    args.func = start.cmd_open
    return args


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line read by the one parser, its words in the chosen language."""
    opening = opening_only(sys.argv[1:] if argv is None else argv)
    if opening is not None:
        return opening
    parser = build_parser()
    with argparse_in_our_language():  # `--help` and the usage errors are said while parsing
        return parser.parse_args(argv)


def choose_language() -> str:
    """Speak the config's language, else the environment's (store.i18n); returns it."""
    from store.config import load_config

    config, _problem = load_config()  # the app reports a config it ignored; here only the language matters
    return use_language(language_from(config.language, os.environ))


def main(argv: Sequence[str] | None = None) -> int:
    quiet_start()  # see store.gcpolicy
    try:
        choose_language()
        args = parse(argv)
        handler: Any = args.func
        return int(handler(args))
    except AlineaError as error:
        print(printable(f"alinea: {error}"), file=sys.stderr)
        return EXIT_BAD_INPUT if isinstance(error, InvalidInput) else EXIT_FAILED
    except RecursionError:
        print(_("alinea: the workspace holds values nested too deep to handle; nothing was changed"), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `alinea list tasks | head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep the interpreter's final flush quiet
        return EXIT_OK
    except OSError as error:  # a disk or permission failure outside a save: one line, never a traceback
        reason = error.strerror or error
        said = (_("alinea: {file}: {reason}; nothing was changed").format(file=error.filename, reason=reason)
                if error.filename else _("alinea: {reason}; nothing was changed").format(reason=reason))
        print(said, file=sys.stderr)
        return EXIT_FAILED
    finally:
        resume()
