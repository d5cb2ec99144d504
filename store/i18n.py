"""The app's words in the reader's language: gettext, with catalogs under store/locale.

Every string a person reads goes through ``_()`` (or ``ngettext`` for counts, ``pgettext``
where one English word needs two Spanish ones) *when it is shown*, never at import time:
the language is chosen after the modules are imported (config, then environment), and tests
switch it inside one process. Constants that are defined at import time (binding
descriptions, labels in tables) are marked with ``N_()`` and translated where they are drawn.

The catalogs are ``store/locale/<lang>/LC_MESSAGES/alinea.po``, compiled to ``.mo`` on
install (``make``); a checkout without the ``.mo`` compiles the ``.po`` in memory instead.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "alinea"
LOCALE_DIR = Path(__file__).parent / "locale"
#: the languages alinea speaks; English is the source language and needs no catalog
LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"
#: where the environment says the language, in the order gettext reads them
ENVIRONMENT_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def _(message: str) -> str:
    """``message`` in the current language ("" stays "": gettext would give the catalog's header)."""
    return _translations.gettext(message) if message else message


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now (see the module's docstring)."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count``, in the current language (a format string)."""
    return _translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, told apart by ``context`` ("status" Open vs "verb" Open)."""
    return _translations.pgettext(context, message)


def language() -> str:
    """The language the app speaks now: "en" or "es"."""
    return _language


def _code(value: str) -> str:
    """ "es_MX.UTF-8" -> "es"; "C" -> "c"."""
    return value.split(".")[0].split("@")[0].split("_")[0].split("-")[0].strip().lower()


def language_from(setting: str | None, environ: Mapping[str, str]) -> str:
    """The language to speak: the config's ``language``, else the environment, else English.

    The first environment variable that is set decides, as for gettext; LANGUAGE may list
    several ("fr:es"): the first one alinea speaks wins. A language alinea does not speak
    means English.
    """
    if setting:
        return _code(setting) if _code(setting) in LANGUAGES else DEFAULT_LANGUAGE
    for name in ENVIRONMENT_VARIABLES:
        value = environ.get(name, "")
        if not value:
            continue
        for part in value.split(":") if name == "LANGUAGE" else [value]:
            if _code(part) in LANGUAGES:
                return _code(part)
        if name != "LANGUAGE":  # a set locale such as C or fr_FR decides: English
            return DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def catalog_path(code: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def _load(code: str) -> gettext.NullTranslations:
    compiled = catalog_path(code, ".mo")
    source = catalog_path(code)
    try:
        if compiled.is_file() and (not source.is_file() or compiled.stat().st_mtime >= source.stat().st_mtime):
            with compiled.open("rb") as handle:
                return gettext.GNUTranslations(handle)
        if source.is_file():
            return gettext.GNUTranslations(io.BytesIO(compile_catalog(source)))
    except (OSError, ValueError):
        pass  # a broken catalog: English is better than no app
    return gettext.NullTranslations()


def compile_catalog(source: Path) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file (Babel: installed with alinea)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as handle:
        catalog = read_po(handle, locale=source.parent.parent.name, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def use_language(code: str) -> str:
    """Speak ``code`` from now on ("en" or "es"; anything else means English). Returns it."""
    global _translations, _language
    code = code if code in LANGUAGES else DEFAULT_LANGUAGE
    _translations = gettext.NullTranslations() if code == DEFAULT_LANGUAGE else _load(code)
    _language = code
    return code
