"""Which language alinea speaks, and Spanish dates read and written."""

from __future__ import annotations

import gettext
import io
from datetime import date, datetime

import pytest

from store.config import ConfigError, UserConfig
from store.dates import day_label, local_format, moment_label, parse_date, parse_datetime, preview_date
from store.i18n import _, catalog_path, compile_catalog, language, language_from, use_language

SUNDAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("setting", "environ", "expected"),
    [
        ("es", {"LANG": "en_US.UTF-8"}, "es"),  # the config outranks the environment
        ("en", {"LANGUAGE": "es"}, "en"),
        ("", {"LANG": "es_MX.UTF-8"}, "es"),
        ("", {"LC_ALL": "es_ES.UTF-8", "LANG": "en_GB.UTF-8"}, "es"),
        ("", {"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, "en"),  # the first variable set decides
        ("", {"LC_MESSAGES": "es_AR", "LANG": "C.UTF-8"}, "es"),
        ("", {"LANGUAGE": "fr:es", "LANG": "fr_FR.UTF-8"}, "es"),  # the first language alinea speaks
        ("", {"LANGUAGE": "fr", "LANG": "es_ES.UTF-8"}, "es"),
        ("", {"LANG": "fr_FR.UTF-8"}, "en"),
        ("", {}, "en"),
    ],
)
def test_the_config_then_the_environment_choose_the_language(
    setting: str, environ: dict[str, str], expected: str
) -> None:
    assert language_from(setting, environ) == expected


def test_the_config_refuses_a_language_alinea_does_not_speak() -> None:
    assert UserConfig.from_toml({"language": "es"}).language == "es"
    with pytest.raises(ConfigError, match="language"):
        UserConfig.from_toml({"language": "fr"})


def test_spanish_words_come_from_the_catalog_and_english_is_back_after() -> None:
    use_language("es")
    assert (language(), _("today")) == ("es", "hoy")
    use_language("en")
    assert (language(), _("today")) == ("en", "today")


def test_a_checkout_without_the_compiled_catalog_reads_the_po_file() -> None:
    translations = gettext.GNUTranslations(io.BytesIO(compile_catalog(catalog_path("es"))))
    assert translations.gettext("today") == "hoy"


def test_spanish_dates_read_as_a_spanish_speaker_writes_them(spanish: None) -> None:
    assert local_format(datetime(2026, 12, 1, 9, 30), "%a %d %b %Y %H:%M") == "mar 01 dic 2026 09:30"
    assert day_label(date(2026, 12, 4)) == "vie 04 dic"
    assert preview_date(date(2026, 12, 4)) == "vie 04 dic 2026"
    assert moment_label(datetime(2026, 12, 1, 10, 14).astimezone()) == "mar 01 dic 10:14"


def test_english_dates_are_unchanged() -> None:
    assert local_format(datetime(2026, 12, 1, 9, 30), "%a %d %b %Y %H:%M") == "Tue 01 Dec 2026 09:30"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("vie", date(2026, 12, 4)),
        ("Viernes", date(2026, 12, 4)),
        ("mié", date(2026, 12, 2)),
        ("mie", date(2026, 12, 2)),
        ("sábado", date(2026, 12, 5)),
        ("próximo lun", date(2026, 12, 7)),  # on a Sunday, as "next mon": the week after tomorrow's
        ("proximo  vie", date(2026, 12, 11)),
        ("mañana", date(2026, 11, 30)),
        ("manana", date(2026, 11, 30)),
        ("hoy", SUNDAY),
        ("ayer", date(2026, 11, 28)),
        ("pasado mañana", date(2026, 12, 1)),
        ("el martes", date(2026, 12, 1)),  # the coming Tuesday, as "mar"
        ("El martes que viene", date(2026, 12, 8)),  # next week's, as "próximo mar"
        ("el viernes de la semana que viene", date(2026, 12, 11)),
        ("+3d", date(2026, 12, 2)),
        ("fri", date(2026, 12, 4)),  # English keeps working in either language
    ],
)
def test_relative_dates_accept_spanish(typed: str, expected: date) -> None:
    assert parse_date(typed, SUNDAY) == expected


def test_a_spanish_date_with_a_time(spanish: None) -> None:
    assert parse_datetime("próximo mar 14:30", SUNDAY) == datetime(2026, 12, 8, 14, 30)
    with pytest.raises(ValueError, match="no es una fecha"):
        parse_date("marzo", SUNDAY)
