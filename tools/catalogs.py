"""The Spanish catalog's life: ``extract`` every marked string and merge them into each
language's .po (new strings untranslated, gone ones dropped); ``compile``
each .po to the .mo the app reads (``make`` does this on install); ``check`` lists what is
missing a translation (the test in tests/setup/test_catalog.py says the same).

    python tools/catalogs.py extract|compile|check
    python tools/catalogs.py union OURS.po THEIRS.po   # after a merge conflict, then extract
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.i18n import DOMAIN, LANGUAGES, catalog_path  # noqa: E402

#: the packages whose strings a person reads
SOURCES = ("store", "tui", "themes")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
#: a fixed date, so that extracting again changes the .po only where the strings changed
STAMP = datetime(2026, 11, 29, tzinfo=timezone.utc)


def extracted() -> Catalog:
    """Every string marked in the source, with where it is used."""
    catalog = Catalog(project="alinea", domain=DOMAIN, creation_date=STAMP, revision_date=STAMP)
    for package in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / package, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
        ):
            catalog.add(message, None, [(f"{package}/{filename}", lineno)],
                        auto_comments=comments, context=context)
    return catalog


def translations(code: str) -> Catalog:
    with catalog_path(code).open("rb") as handle:
        return read_po(handle, locale=code, domain=DOMAIN)


def untranslated(template: Catalog, catalog: Catalog) -> Iterator[Message]:
    """The template's messages the catalog lacks, leaves empty or marks fuzzy."""
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        strings = found.string if found else None
        if not found or found.fuzzy or not (all(strings) if isinstance(strings, tuple) else strings):
            yield message


def extract() -> None:
    template = extracted()
    for code in LANGUAGES[1:]:
        path = catalog_path(code)
        if path.exists():
            catalog = translations(code)
            catalog.update(template, no_fuzzy_matching=True)
            catalog.obsolete.clear()
        else:
            catalog = Catalog(locale=code, domain=DOMAIN, project="alinea", version="1",
                              creation_date=STAMP, revision_date=STAMP, fuzzy=False,
                              last_translator="alinea", language_team="alinea")
            # one plural besides the singular, as Spanish grammar has (CLDR adds one for millions)
            catalog._num_plurals, catalog._plural_expr = 2, "(n != 1)"
            catalog.update(template)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog.revision_date = STAMP
        write(path, catalog)
        print(f"{path.relative_to(ROOT)}: {len(catalog)} messages")


def write(path: Path, catalog: Catalog) -> None:
    """Sorted, without line numbers: two people adding strings seldom touch the same lines."""
    catalog.header_comment = "# The Spanish words of alinea: tools/catalogs.py extract adds new strings here.\n#"
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True, include_lineno=False)


def union(ours: Path, theirs: Path) -> None:
    """Settle a merge conflict in a .po: ``ours`` gains every translation ``theirs`` has."""
    with ours.open("rb") as handle:
        catalog = read_po(handle, domain=DOMAIN)
    with theirs.open("rb") as handle:
        other = read_po(handle, domain=DOMAIN)
    for message in other:
        if message.id and message.string and not catalog.get(message.id, message.context):
            catalog[message.id] = message
        elif message.id and message.string:
            found = catalog.get(message.id, message.context)
            if found is not None and not found.string:
                found.string = message.string
    write(ours, catalog)


def compile_all() -> None:
    for code in LANGUAGES[1:]:
        with catalog_path(code, ".mo").open("wb") as handle:
            write_mo(handle, translations(code))


def check() -> int:
    template = extracted()
    missing = 0
    for code in LANGUAGES[1:]:
        for message in untranslated(template, translations(code)):
            missing += 1
            print(f"{code}: {message.locations[0][0]}:{message.locations[0][1]}: {message.id!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    verb = sys.argv[1] if len(sys.argv) > 1 else ""
    if verb == "extract":
        extract()
    elif verb == "compile":
        compile_all()
    elif verb == "check":
        sys.exit(check())
    elif verb == "union" and len(sys.argv) == 4:
        union(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(__doc__)
