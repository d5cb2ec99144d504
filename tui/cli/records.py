"""`alinea add | list | show | set | rm | check`: the records of a workspace, for scripts."""

from __future__ import annotations

import argparse
import sys

from store.errors import InvalidInput
from store.i18n import _
from store.schema import TABLE_NAMES, table_name
from store.text import printable
from tui.cli.common import EXIT_OK, AddCommand, display_value, open_for, print_json, print_table, workspace_folder


def register(command: AddCommand) -> None:
    add = command("add", cmd_add, _("add a record; prints its id"))
    add.add_argument("table", metavar="TABLE")
    add.add_argument("fields", nargs="*", metavar="FIELD=VALUE")
    listing = command("list", cmd_list, _("list the records of a table"))
    listing.add_argument("table", metavar="TABLE")
    listing.add_argument("--json", action="store_true", help=_("a JSON array of records"))
    listing.add_argument("--all", action="store_true", help=_("include deleted records"))
    show = command("show", cmd_show, _("show one record (ID: a unique prefix of 4+ characters)"))
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true")
    change = command("set", cmd_set, _("change fields of a record"))
    change.add_argument("id", metavar="ID")
    change.add_argument("fields", nargs="+", metavar="FIELD=VALUE")
    remove = command("rm", cmd_rm, _("delete a record (kept as a tombstone so the delete syncs)"))
    remove.add_argument("id", metavar="ID")
    check = command("check", cmd_check, _("validate the workspace file"))
    check.add_argument(
        "--repair", action="store_true", help=_("merge the copies of a record kept twice (a hand-resolved conflict)")
    )


def cmd_add(args: argparse.Namespace) -> int:
    from store.inputs import parse_assignments

    table = table_name(args.table)
    workspace = open_for(args, "write")
    record = workspace.create(table, **parse_assignments(workspace, table, args.fields))
    print(record.id)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from store.vocabulary import VOCABULARY

    table = table_name(args.table)
    words = VOCABULARY[table]
    workspace = open_for(args)
    records = workspace.records(table, include_deleted=args.all)
    if args.json:
        print_json(workspace.stored(records))
        return EXIT_OK
    if not records:
        print(_("No {records} yet: add one with `alinea add {table} …`").format(records=words.plural, table=table),
              file=sys.stderr)
        return EXIT_OK
    columns = words.list_columns
    rows = [["id", "title" if table != "members" else "name", *(c.removesuffix("_id") for c in columns)]]
    for record in records:
        label = _("{title} (deleted)").format(title=record.label) if record.deleted else record.label
        rows.append([record.id[:8], label, *(display_value(workspace, record, f) for f in columns)])
    print_table(rows)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    workspace = open_for(args)
    record = workspace.find(args.id)
    if args.json:
        print_json(workspace.stored([record])[0])
        return EXIT_OK
    heading = _("{table} {id} (deleted)") if record.deleted else "{table} {id}"
    print(heading.format(table=record.TABLE, id=record.id))
    for field in (*record.data_fields(), *record.COMMON_FIELDS[1:]):
        value = display_value(workspace, record, field)
        if "\n" in value:
            value = "\n    " + value.replace("\n", "\n    ")
        print(f"  {field}: {printable(value, multiline=True)}")
    return EXIT_OK


def cmd_set(args: argparse.Namespace) -> int:
    from store.inputs import parse_assignments

    workspace = open_for(args, "write")
    record = workspace.find(args.id)
    if record.deleted:
        raise InvalidInput(_("{noun} {id} is deleted").format(noun=record.VOCAB.noun, id=record.id[:8]))
    fields = parse_assignments(workspace, record.TABLE, args.fields)
    updated = workspace.update(record.TABLE, record.id, **fields)
    said = _("Updated {noun} {id} ({title})").format(noun=record.VOCAB.noun, id=updated.id[:8], title=updated.label)
    print(printable(said))
    return EXIT_OK


def cmd_rm(args: argparse.Namespace) -> int:
    workspace = open_for(args, "write")
    record = workspace.find(args.id)
    workspace.delete(record.TABLE, record.id)
    said = _("Deleted {noun} {id} ({title})").format(noun=record.VOCAB.noun, id=record.id[:8], title=record.label)
    print(printable(said))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from store.vocabulary import VOCABULARY

    if args.repair:
        from store.repair import repair
        from store.workspace import DATA_FILE

        print(_("Repair: {outcome}").format(outcome=repair(workspace_folder(args) / DATA_FILE).words))
    workspace = open_for(args)
    workspace.check()
    counts = ", ".join(VOCABULARY[table].count(workspace.count(table)) for table in TABLE_NAMES)
    print(_("{path} is valid: {counts}").format(path=workspace.path, counts=counts))
    return EXIT_OK
