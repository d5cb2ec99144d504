"""Every string marked for translation has its Spanish words, with the same placeholders."""

from __future__ import annotations

import re

from store.i18n import LANGUAGES
from tools.catalogs import extracted, translations, untranslated

PLACEHOLDER = re.compile(r"\{[a-z_]*(?:![rs])?(?::[^}]*)?\}")


def test_every_marked_string_is_in_each_catalog() -> None:
    template = extracted()
    assert len(template) > 1
    for code in LANGUAGES[1:]:
        missing = [f"{m.locations[0][0]}: {m.id!r}" for m in untranslated(template, translations(code))]
        assert not missing, f"{len(missing)} strings lack a translation (make catalogs, then translate):\n" + "\n".join(
            missing[:40]
        )


def test_translations_keep_every_placeholder() -> None:
    """A translation that drops or renames a {placeholder} would fail at .format() in front of a person."""
    for code in LANGUAGES[1:]:
        wrong = []
        for message in translations(code):
            if not message.id or not message.string:
                continue
            sources = message.id if isinstance(message.id, tuple) else (message.id,)
            targets = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = set(PLACEHOLDER.findall(sources[-1]))
            wrong += [f"{sources[0]!r} -> {target!r}" for target in targets
                      if set(PLACEHOLDER.findall(target)) - set(PLACEHOLDER.findall("".join(sources)))
                      or not set(PLACEHOLDER.findall(target)) >= wanted - {"{count}"}]
        assert not wrong, "\n".join(wrong)
