"""The user's settings: a small TOML file at store.paths.config_file().

Read only when asked (never at import time). A file that does not parse or holds bad
values gives the defaults plus a message in words, so the app can say what it ignored.

A frozen dataclass checked by hand rather than a pydantic model: the config is read before
the app's first frame, and importing pydantic there costs ~80 ms of start-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from store.paths import config_file

MAX_SYNC_INTERVAL = 24 * 60


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class UserConfig:
    """Settings a person may put in config.toml."""

    #: alinea-dark, alinea-light, alinea-contrast (themes/), or any theme Textual ships (e.g. "nord")
    theme: str = "alinea-dark"
    #: sync in the background every N minutes while the app is open (0: only on open, quit and `s`)
    sync_interval_minutes: int = 0
    #: binding id -> keys, e.g. {"app.sync" = "ctrl+r", "board.new" = "a,insert"}
    keymap: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> UserConfig:
        """Check each setting; raise ConfigError naming the first bad one."""
        known = {f.name for f in fields(cls)}
        for key in data:
            if key not in known:
                raise ConfigError(f"{key}: unknown setting (settings are: {', '.join(sorted(known))})")
        theme = data.get("theme", cls.theme)
        if not isinstance(theme, str) or not theme:
            raise ConfigError("theme: give a theme name in quotes, e.g. \"alinea-light\"")
        interval = data.get("sync_interval_minutes", cls.sync_interval_minutes)
        if isinstance(interval, bool) or not isinstance(interval, int) or not 0 <= interval <= MAX_SYNC_INTERVAL:
            raise ConfigError(f"sync_interval_minutes: a whole number of minutes from 0 to {MAX_SYNC_INTERVAL}")
        keymap = data.get("keymap", {})
        if not isinstance(keymap, dict) or not all(
            isinstance(key, str) and isinstance(value, str) for key, value in keymap.items()
        ):
            raise ConfigError('keymap: a table of binding id = "keys", e.g. "board.new" = "a"')
        return cls(theme=theme, sync_interval_minutes=interval, keymap=dict(keymap))


def load_config(path: Path | None = None) -> tuple[UserConfig, str | None]:
    """The config and, when the file was ignored, why (in words)."""
    path = path or config_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return UserConfig(), None
    except OSError as error:
        return UserConfig(), f"could not read {path}: {error.strerror or error}; using the defaults"
    import tomllib  # only when there is a file: most starts have none, and the app starts sooner

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return UserConfig(), f"{path} is not valid TOML ({error}); using the defaults"
    try:
        return UserConfig.from_toml(data), None
    except ConfigError as error:
        return UserConfig(), f"{path}: {error}; using the defaults"
