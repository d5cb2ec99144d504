"""alinea's Textual themes. Colours live here and nowhere else; TCSS uses the variables."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.theme import BUILTIN_THEMES, Theme

from store.i18n import _

if TYPE_CHECKING:
    from textual.app import App

ALINEA_DARK = Theme(
    name="alinea-dark",
    primary="#4C9BE8",
    secondary="#7A6FF0",
    accent="#F2A541",
    warning="#F2A541",
    error="#E5534B",
    success="#57AB5A",
    foreground="#E6EDF3",
    background="#161B22",
    surface="#1F2630",
    panel="#27303C",
    dark=True,
)

ALINEA_LIGHT = Theme(
    name="alinea-light",
    primary="#1F5FAD",
    secondary="#5A4FCF",
    accent="#B35900",
    warning="#B35900",
    error="#C0312B",
    success="#2D7A32",
    foreground="#1F2328",
    background="#F6F8FA",
    surface="#FFFFFF",
    panel="#E6EBF0",
    dark=False,
    variables={"footer-key-foreground": "#1F5FAD"},
)

ALINEA_CONTRAST = Theme(
    name="alinea-contrast",
    primary="#FFD700",
    secondary="#00FFFF",
    accent="#FF8C00",
    warning="#FFD700",
    error="#FF4040",
    success="#00FF7F",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    dark=True,
    # No dimmed text: on a 16-colour terminal a 60 % grey lands on the palette's grey, too close
    # to the yellow of the highlighted row. Titles stay apart from details by being bold.
    variables={"border": "#FFFFFF", "footer-key-foreground": "#FFD700", "text": "auto 100%", "text-muted": "auto 100%"},
)

THEMES: tuple[Theme, ...] = (ALINEA_DARK, ALINEA_LIGHT, ALINEA_CONTRAST)
DEFAULT_THEME = ALINEA_DARK.name


def use_themes(app: App[Any], wanted: str, folder: Path | None = None) -> list[str]:
    """Register alinea's themes and the person's own (``folder``: store.paths.themes_dir()), then
    switch to ``wanted``; the notices to show: theme files that were not loaded and why, and the
    fallback when ``wanted`` is not there."""
    from store.paths import themes_dir
    from themes.user import load_user_themes

    for theme in THEMES:
        app.register_theme(theme)
    user_themes, problems = load_user_themes(folder or themes_dir(), frozenset(app.available_themes))
    for theme in user_themes:
        app.register_theme(theme)
    if wanted in app.available_themes:
        app.theme = wanted
        return [problem.sentence() for problem in problems]
    app.theme = DEFAULT_THEME
    notices = [
        problem.fallback_sentence(DEFAULT_THEME) if problem.name == wanted else problem.sentence()
        for problem in problems
    ]
    if not any(problem.name == wanted for problem in problems):
        missing = _("There is no theme called {name}; using {theme}.")
        notices.append(missing.format(name=repr(wanted), theme=DEFAULT_THEME))
    return notices


def theme_names(app: App[Any]) -> list[str]:
    """Every theme to offer: alinea's first, then the person's own, then Textual's, by name."""
    ours = [theme.name for theme in THEMES]
    rest = sorted(name for name in app.available_themes if name not in ours)
    builtin = set(BUILTIN_THEMES)
    return ours + [name for name in rest if name not in builtin] + [name for name in rest if name in builtin]
