"""A person's own themes: one TOML file each in the themes folder beside config.toml.

    name = "sunrise"          # required: what the palette and `theme = "…"` call it
    primary = "#E07A5F"       # required
    secondary = "#3D405B"     # optional, like accent, warning, error, success,
    background = "#F4F1DE"    #   foreground, background, surface, panel, boost
    dark = false              # optional (default true): light or dark text derives from it
    [variables]               # optional: Textual theme variables, e.g.
    footer-key-foreground = "#E07A5F"

Every colour is checked with Textual's own parser before the theme is registered, so a typo
gives a sentence naming the file and the key instead of a crash when the theme is applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import Theme

from store.i18n import _

COLOUR_KEYS = (
    "primary", "secondary", "accent", "warning", "error", "success",
    "foreground", "background", "surface", "panel", "boost",
)
REQUIRED_KEYS = ("name", "primary")
KNOWN_KEYS = frozenset({"name", "dark", "variables", *COLOUR_KEYS})
NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
TEXT_STYLES = frozenset({"none", "bold", "b", "italic", "i", "underline", "u", "reverse", "strike", "dim", "not"})
MAX_FILE_BYTES = 64 * 1024


class ThemeFileError(ValueError):
    """Why a theme file cannot be used, in words."""


@dataclass(frozen=True)
class ThemeProblem:
    """A theme file that was not loaded, and why."""

    path: Path
    reason: str
    name: str = ""  # the name the file gives, when it gives one

    def sentence(self) -> str:
        return _("The theme in {file} is not used: {reason}.").format(file=self.path.name, reason=self.reason)

    def fallback_sentence(self, theme: str) -> str:
        """The sentence when this file held the configured theme: which theme the app uses instead."""
        return _("The theme in {file} is not used: {reason}, so the app uses {theme}.").format(
            file=self.path.name, reason=self.reason, theme=theme)


def _colour(key: str, value: object) -> str:
    if not isinstance(value, str):
        raise ThemeFileError(_('{key} must be a colour in quotes, e.g. {key} = "#4C9BE8"').format(key=key))
    try:
        Color.parse(value)
    except ColorParseError:
        raise ThemeFileError(_('{key}: {value} is not a colour (try "#4C9BE8", "rgb(76,155,232)" or "teal")')
                             .format(key=key, value=repr(value))) from None
    return value


def _variable(key: str, value: object) -> str:
    """A theme variable: a colour with an optional opacity ("#81a1c1 35%"), or a text style."""
    if not isinstance(value, str) or not value.strip():
        raise ThemeFileError(_("variables.{key} must be a value in quotes").format(key=key))
    words = value.split()
    if key.endswith("text-style"):
        if not set(words) <= TEXT_STYLES:
            raise ThemeFileError(_('variables.{key}: {value} is not a text style (e.g. "bold", "none")')
                                 .format(key=key, value=repr(value)))
        return value
    opacity_ok = len(words) == 2 and re.fullmatch(r"\d{1,3}%", words[1]) is not None and int(words[1][:-1]) <= 100
    if len(words) > 2 or (len(words) == 2 and not opacity_ok):
        raise ThemeFileError(_('variables.{key}: {value} is not a colour with an optional opacity like "40%"')
                             .format(key=key, value=repr(value)))
    _colour(f"variables.{key}", words[0])
    return value


def theme_from_toml(data: dict[str, Any], taken: frozenset[str] = frozenset()) -> Theme:
    """A Theme from a parsed file; ThemeFileError names the first thing wrong.

    ``taken``: names already used by alinea's and Textual's themes (a file may not replace them).
    """
    missing = [key for key in REQUIRED_KEYS if key not in data]
    if missing:
        if len(missing) == len(REQUIRED_KEYS):
            raise ThemeFileError(_("name and primary missing (every theme needs a name and a primary colour)"))
        raise ThemeFileError(_("{key} missing (every theme needs a name and a primary colour)").format(key=missing[0]))
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise ThemeFileError(_("{keys}: unknown (the keys are {known})")
                             .format(keys=", ".join(unknown), known=", ".join(sorted(KNOWN_KEYS))))
    name = data["name"]
    if not isinstance(name, str) or NAME.fullmatch(name) is None:
        raise ThemeFileError(_('name: lower-case letters, digits, - and _, e.g. "sunrise"'))
    if name in taken:
        taken_name = _("there is already a theme called {name}; give yours another name")
        raise ThemeFileError(taken_name.format(name=repr(name)))
    colours = {key: _colour(key, data[key]) for key in COLOUR_KEYS if key in data}
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError(_("dark: true or false (no quotes)"))
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ThemeFileError(_('variables: a table of name = "value"'))
    checked = {str(key): _variable(str(key), value) for key, value in variables.items()}
    get = colours.get
    theme = Theme(
        name=name, primary=colours["primary"], secondary=get("secondary"), accent=get("accent"),
        warning=get("warning"), error=get("error"), success=get("success"), foreground=get("foreground"),
        background=get("background"), surface=get("surface"), panel=get("panel"), boost=get("boost"),
        dark=dark, variables=checked,
    )
    try:
        theme.to_color_system().generate()  # what applying it does: fail here, not mid-frame
    except (ColorParseError, ValueError) as error:
        raise ThemeFileError(_("its colours do not combine ({error})").format(error=error)) from None
    return theme


def read_theme_file(path: Path, taken: frozenset[str] = frozenset()) -> Theme:
    import tomllib

    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ThemeFileError(_("it could not be read ({reason})").format(reason=error.strerror or error)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ThemeFileError(_("it is too large for a theme"))
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ThemeFileError(_("it is not valid TOML ({error})").format(error=error)) from None
    return theme_from_toml(data, taken)


def _declared_name(path: Path) -> str:
    """The name a broken file meant to give, to explain a configured theme that is missing."""
    try:
        match = re.search(r'^\s*name\s*=\s*"([^"\n]*)"', path.read_text(encoding="utf-8", errors="replace"), re.M)
    except OSError:
        return ""
    return match.group(1) if match else ""


def load_user_themes(folder: Path, taken: frozenset[str] = frozenset()) -> tuple[list[Theme], list[ThemeProblem]]:
    """The valid themes in ``folder/*.toml`` (sorted by file name) and the files that were not."""
    try:
        paths = sorted(path for path in folder.glob("*.toml") if path.is_file())
    except OSError:
        return [], []
    themes: list[Theme] = []
    problems: list[ThemeProblem] = []
    names = set(taken)
    for path in paths:
        try:
            theme = read_theme_file(path, frozenset(names))
        except ThemeFileError as error:
            problems.append(ThemeProblem(path, str(error), _declared_name(path) or path.stem))
            continue
        names.add(theme.name)
        themes.append(theme)
    return themes, problems
