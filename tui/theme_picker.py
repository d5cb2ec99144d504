"""The palette's "Theme…": every theme, previewed on the whole app as the cursor moves.

Enter keeps the highlighted theme and saves it as ``theme = "…"`` in config.toml (in a
thread: a slow disk never holds a frame); escape goes back to the theme the palette opened on.
``ThemedApp`` puts it in the palette in place of Textual's own "Theme" command, which neither
previews nor remembers.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from textual import on
from textual.app import App, SystemCommand
from textual.command import Command, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.i18n import N_, _
from themes import THEMES, theme_names

#: what the palette says under each kind of theme
ALINEA = "alinea"
OWN = N_("your theme")
TEXTUAL = "Textual"
#: Textual's own palette commands (titles and help), in alinea's language where they are shown
TEXTUAL_COMMAND_WORDS = (
    N_("Quit"), N_("Quit the application as soon as possible"), N_("Keys"),
    N_("Hide the keys and widget help panel"), N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"), N_("Maximize"),
    N_("Maximize the focused widget"), N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
)


def theme_of(option: Option | None) -> str | None:
    """The theme an option of the palette stands for (the hit's plain text is the name)."""
    return option.hit.text if isinstance(option, Command) else None


class ThemeChoices(Provider):
    """Every theme the app knows; the one in use first, so opening the palette changes nothing."""

    def _choices(self) -> list[tuple[str, str]]:
        from textual.theme import BUILTIN_THEMES

        ours = {theme.name for theme in THEMES}
        current = self.app.theme
        names = theme_names(self.app)
        names.sort(key=lambda name: name != current)  # stable: the rest keep their order
        return [
            (name, (_("in use · {kind}") if name == current else "{kind}").format(
                kind=ALINEA if name in ours else TEXTUAL if name in BUILTIN_THEMES else _(OWN)))
            for name in names
        ]

    def _pick(self, name: str) -> None:
        pick_theme(self.app, name)

    async def discover(self) -> Hits:
        for name, kind in self._choices():
            yield DiscoveryHit(name, partial(self._pick, name), text=name, help=kind)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, kind in self._choices():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._pick, name), text=name, help=kind)


class ThemePalette(CommandPalette):
    """The command palette, limited to themes, repainting the app with the highlighted one."""

    def __init__(self) -> None:
        super().__init__(providers=[ThemeChoices],
                         placeholder=_("Search for themes… (enter keeps one, escape goes back)"))
        self._before = ""
        self._kept = False

    def on_mount(self) -> None:
        self._before = self.app.theme

    @on(OptionList.OptionHighlighted)
    def _preview(self, event: OptionList.OptionHighlighted) -> None:
        name = theme_of(event.option)
        if name is not None and name in self.app.available_themes and name != self.app.theme:
            self.app.theme = name

    @on(OptionList.OptionSelected)
    def _keep(self, event: OptionList.OptionSelected) -> None:
        self._kept = theme_of(event.option) is not None

    def on_unmount(self) -> None:
        if not self._kept and self.app.theme != self._before:
            self.app.theme = self._before


def pick_theme(app: App[Any], name: str) -> None:
    """Use ``name`` now and from the next start on."""
    if name not in app.available_themes:
        app.notify(_("There is no theme called {name}.").format(name=repr(name)), severity="error")
        return
    app.theme = name
    app.run_worker(partial(_save_theme, app, name), thread=True, group="theme", exclusive=True)


def _save_theme(app: App[Any], name: str) -> None:
    """In a worker thread: write the config, then say in the app how it went."""
    from store.config import ConfigError, save_setting

    try:
        path = save_setting("theme", name)
    except (ConfigError, OSError) as error:
        app.call_from_thread(app.notify, _("The theme is in use but not saved for next time: {error}").format(
            error=error), title=_("Theme"), severity="warning", timeout=10)
        return
    app.call_from_thread(app.notify, _("{name}, kept in {path}.").format(name=name, path=path), title=_("Theme"),
                         timeout=4)


class ThemedApp(App[int]):
    """An app whose palette "Theme…" previews and remembers (see the module doc), its words
    (Textual's own commands too) in alinea's language."""

    def action_change_theme(self) -> None:
        self.push_screen(ThemePalette())

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title == "Theme":
                yield SystemCommand(_("Theme…"), _("preview every theme as you move; enter keeps one for next time"),
                                    self.action_change_theme)
            else:
                yield command._replace(title=_(command.title), help=_(command.help))
