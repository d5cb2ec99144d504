"""`alinea …` subcommands: scripting and automation (DESIGN section 6).

Only the store is imported here; textual is imported when the app opens, so scripted
calls such as ``alinea list`` start fast. Bad input: one line on stderr, exit 2, nothing
written. A bad workspace file: one line on stderr, exit 1.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from store.errors import AlineaError, InvalidInput
from store.paths import default_workspace_dir
from store.schema import TABLE_NAMES, table_name
from store.text import printable

if TYPE_CHECKING:
    from store.models import Record

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

#: the columns `alinea list` shows after the id and the label
LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "members": ("department", "role", "email"),
    "objectives": ("kind", "status", "period", "due"),
    "metrics": ("objective_id", "unit", "baseline", "target", "direction"),
    "measurements": ("metric_id", "value"),
    "meetings": ("starts_at", "duration_min", "status", "series"),
    "agenda_items": ("meeting_id", "position", "minutes", "kind", "presenter_id", "status"),
    "feedback": ("kind", "status", "author_id", "subject_table"),
    "tasks": ("status", "owner_id", "department", "due", "priority"),
    "conflicts": ("table", "record_id", "field", "lost_by", "resolved"),
}


class UsageError(InvalidInput):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit code 2 like every other bad input."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        raise UsageError(f"{message} (see `alinea --help`)")


def workspace_folder(args: argparse.Namespace) -> Path:
    return Path(args.workspace) if args.workspace else default_workspace_dir()


def open_workspace(args: argparse.Namespace, *, writing: bool = False) -> Any:
    """Open the workspace; a command that writes also re-checks the merge driver entry."""
    from store.interrupted import finish_interrupted_merge, is_merging
    from store.workspace import Workspace

    folder = workspace_folder(args)
    if is_merging(folder):  # a manual `git pull` stopped with conflict markers: finish it
        finish_interrupted_merge(folder)
    if writing and (folder / ".git").is_dir():
        from store.repo import install_merge_driver

        install_merge_driver(folder)
    workspace = Workspace(folder)
    if workspace.error is not None:
        raise workspace.error
    return workspace


# -- output --------------------------------------------------------------------------
def print_json(value: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")


def display_value(workspace: Any, record: Record, field: str) -> str:
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
        return value.isoformat(timespec="minutes") if hasattr(value, "hour") else value.isoformat()
    return str(value)


def print_table(rows: list[list[str]]) -> None:
    if not rows:
        return
    widths = [min(max(len(row[i]) for row in rows), 48) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell[:48].ljust(width) for cell, width in zip(row, widths, strict=True)]
        print(printable("  ".join(cells).rstrip()))


# -- subcommands ---------------------------------------------------------------------
def cmd_open(args: argparse.Namespace) -> int:
    from tui.launch import open_app

    return open_app(Path(args.workspace) if args.workspace else None)


def cmd_init(args: argparse.Namespace) -> int:
    from store.repo import init_workspace

    folder = Path(args.dir) if args.dir else workspace_folder(args)
    init_workspace(folder)
    print(f"Created an alinea workspace in {folder}")
    if args.remote:
        from store.gitsync import setup_remote

        setup_remote(folder, args.remote)
        print(f"Shared it at {args.remote}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from store.demo import build_demo
    from store.paths import default_demo_dir

    folder = Path(args.dir) if args.dir else default_demo_dir()
    if not (folder / "alinea.json").exists():
        build_demo(folder)
        print(f"Created the sample sales+marketing quarter in {folder}")
    if args.no_open:
        return EXIT_OK
    from tui.launch import open_app

    return open_app(folder)


def cmd_add(args: argparse.Namespace) -> int:
    from store.inputs import parse_assignments

    table = table_name(args.table)
    workspace = open_workspace(args, writing=True)
    record = workspace.create(table, **parse_assignments(workspace, table, args.fields))
    print(record.id)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    table = table_name(args.table)
    workspace = open_workspace(args)
    records = workspace.records(table, include_deleted=args.all)
    if args.json:
        print_json(workspace.stored(records))
        return EXIT_OK
    if not records:
        print(f"No {table.replace('_', ' ')} yet: add one with `alinea add {table} …`", file=sys.stderr)
        return EXIT_OK
    columns = LIST_COLUMNS[table]
    rows = [["id", "title" if table != "members" else "name", *(c.removesuffix("_id") for c in columns)]]
    for record in records:
        label = record.label + (" (deleted)" if record.deleted else "")
        rows.append([record.id[:8], label, *(display_value(workspace, record, f) for f in columns)])
    print_table(rows)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    record = workspace.find(args.id)
    if args.json:
        print_json(workspace.stored([record])[0])
        return EXIT_OK
    print(f"{record.TABLE} {record.id}{' (deleted)' if record.deleted else ''}")
    for field in (*record.data_fields(), *record.COMMON_FIELDS[1:]):
        value = display_value(workspace, record, field)
        if "\n" in value:
            value = "\n    " + value.replace("\n", "\n    ")
        print(f"  {field}: {printable(value, multiline=True)}")
    return EXIT_OK


def cmd_set(args: argparse.Namespace) -> int:
    from store.inputs import parse_assignments

    workspace = open_workspace(args, writing=True)
    record = workspace.find(args.id)
    if record.deleted:
        raise InvalidInput(f"{record.TABLE} {record.id[:8]} is deleted")
    fields = parse_assignments(workspace, record.TABLE, args.fields)
    updated = workspace.update(record.TABLE, record.id, **fields)
    print(printable(f"Updated {record.TABLE} {updated.id[:8]} ({updated.label})"))
    return EXIT_OK


def cmd_rm(args: argparse.Namespace) -> int:
    workspace = open_workspace(args, writing=True)
    record = workspace.find(args.id)
    workspace.delete(record.TABLE, record.id)
    print(printable(f"Deleted {record.TABLE} {record.id[:8]} ({record.label})"))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    if args.repair:
        from store.repair import repair
        from store.workspace import DATA_FILE

        print(f"Repair: {repair(workspace_folder(args) / DATA_FILE).words}")
    workspace = open_workspace(args)
    workspace.check()
    from store.words import records_of

    counts = ", ".join(records_of(table, workspace.count(table)) for table in TABLE_NAMES)
    print(f"{workspace.path} is valid: {counts}")
    return EXIT_OK


# -- parser --------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="alinea", description="Where sales and marketing leads prepare and run their meetings.")
    parser.add_argument("-w", "--workspace", metavar="DIR", help="workspace folder (default: $ALINEA_WORKSPACE)")
    parser.set_defaults(func=cmd_open)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, func: Callable[[argparse.Namespace], int], text: str) -> argparse.ArgumentParser:
        made = sub.add_parser(name, help=text, description=text)
        made.set_defaults(func=func)
        return made

    init = command("init", cmd_init, "create a workspace: a git repository holding alinea.json")
    init.add_argument("dir", nargs="?", metavar="DIR")
    init.add_argument(
        "--remote", metavar="URL", help="share it at this git remote (if that fails, `alinea sync` finishes it later)"
    )
    demo = command("demo", cmd_demo, "a workspace filled with a sample sales+marketing quarter")
    demo.add_argument("dir", nargs="?", metavar="DIR")
    demo.add_argument("--no-open", action="store_true", help="create it, do not open the app")
    add = command("add", cmd_add, "add a record; prints its id")
    add.add_argument("table", metavar="TABLE")
    add.add_argument("fields", nargs="*", metavar="FIELD=VALUE")
    listing = command("list", cmd_list, "list the records of a table")
    listing.add_argument("table", metavar="TABLE")
    listing.add_argument("--json", action="store_true", help="a JSON array of records")
    listing.add_argument("--all", action="store_true", help="include deleted records")
    show = command("show", cmd_show, "show one record (ID: a unique prefix of 4+ characters)")
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true")
    change = command("set", cmd_set, "change fields of a record")
    change.add_argument("id", metavar="ID")
    change.add_argument("fields", nargs="+", metavar="FIELD=VALUE")
    remove = command("rm", cmd_rm, "delete a record (kept as a tombstone so the delete syncs)")
    remove.add_argument("id", metavar="ID")
    check = command("check", cmd_check, "validate the workspace file")
    check.add_argument(
        "--repair", action="store_true", help="merge the copies of a record kept twice (a hand-resolved conflict)"
    )
    from tui import cli_export, cli_history, cli_objectives, cli_serve, cli_sync

    cli_sync.register(sub)
    cli_history.register(sub)
    cli_serve.register(sub)
    cli_objectives.register(command)
    cli_export.register(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up allocates a great deal and frees little, so collections then only cost time
    # (~30 ms of the app's first frame). The app turns collection back on once it has painted.
    gc.disable()
    try:
        args = build_parser().parse_args(argv)
        return int(args.func(args))
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
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
