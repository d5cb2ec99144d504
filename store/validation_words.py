"""pydantic's validation errors in the reader's language.

pydantic words its errors in English ("Input should be a valid integer, …"). In English
they are shown as pydantic says them, unchanged; in another language the error's type and
context pick a translated sentence here. A type not listed keeps pydantic's words: better
English than nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from store.i18n import DEFAULT_LANGUAGE, N_, _, language, ngettext

#: error type -> its sentence (English as pydantic says it; placeholders from the error's ctx)
_SENTENCES = {
    "missing": N_("Field required"),
    "extra_forbidden": N_("Extra inputs are not permitted"),
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "int_from_float": N_("Input should be a valid integer, got a number with a fractional part"),
    "int_type": N_("Input should be a valid integer"),
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "float_type": N_("Input should be a valid number"),
    "finite_number": N_("Input should be a finite number"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input"),
    "bool_type": N_("Input should be a valid boolean"),
    "string_type": N_("Input should be a valid string"),
    "greater_than": N_("Input should be greater than {gt}"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}"),
    "less_than": N_("Input should be less than {lt}"),
    "less_than_equal": N_("Input should be less than or equal to {le}"),
    "string_pattern_mismatch": N_("String should match pattern '{pattern}'"),
    "date_parsing": N_("Input should be a valid date in the format YYYY-MM-DD, {error}"),
    "date_from_datetime_parsing": N_("Input should be a valid date or datetime, {error}"),
    "date_from_datetime_inexact": N_("Datetimes provided to dates should have zero time - e.g. be exact dates"),
    "date_type": N_("Input should be a valid date"),
    "datetime_parsing": N_("Input should be a valid datetime, {error}"),
    "datetime_from_date_parsing": N_("Input should be a valid datetime or date, {error}"),
    "datetime_type": N_("Input should be a valid datetime"),
    "timezone_aware": N_("Input should have timezone info"),
    "frozen_set_type": N_("Input should be a valid frozenset"),
    "list_type": N_("Input should be a valid list"),
}


def _counted(kind: str, context: Mapping[str, Any]) -> str | None:
    """The string-length errors: their number decides singular or plural."""
    if kind == "string_too_short":
        count = int(context.get("min_length", 1))
        return ngettext(
            "String should have at least {count} character", "String should have at least {count} characters", count
        ).format(count=count)
    if kind == "string_too_long":
        count = int(context.get("max_length", 0))
        return ngettext(
            "String should have at most {count} character", "String should have at most {count} characters", count
        ).format(count=count)
    return None


def validation_words(error: Mapping[str, Any], *, value_error_prefix: bool = False) -> str:
    """One pydantic error (an item of ``ValidationError.errors()``) in words.

    ``value_error_prefix``: keep pydantic's "Value error, " in front of an alinea validator's
    words in English (as the messages about a damaged file always said it).
    """
    said = str(error.get("msg", ""))
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    english = language() == DEFAULT_LANGUAGE
    if not (english and value_error_prefix):
        said = said.removeprefix("Value error, ")
    if kind == "value_error" or english:
        return said  # English: pydantic's own sentence; alinea's validators raise translated words
    try:
        counted = _counted(kind, context)
        if counted is not None:
            return counted
        if kind in _SENTENCES:
            return _(_SENTENCES[kind]).format(**{name: str(value) for name, value in context.items()})
    except (KeyError, IndexError, ValueError):
        pass  # a context pydantic shaped differently: its own words
    return said
