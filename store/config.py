"""The user's settings: a small TOML file at store.paths.config_file().

Read only when asked (never at import time). A file that does not parse or holds bad
values gives the defaults plus a message in words, so the app can say what it ignored.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from store.paths import config_file

THEMES = ("alinea-dark", "alinea-light", "alinea-contrast")


class UserConfig(BaseModel):
    """Settings a person may put in config.toml."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: one of THEMES, or any theme Textual ships (e.g. "nord")
    theme: str = "alinea-dark"
    #: sync in the background every N minutes while the app is open (0: only on open, quit and `s`)
    sync_interval_minutes: int = Field(default=0, ge=0, le=24 * 60)
    #: binding id -> keys, e.g. {"app.sync" = "ctrl+r", "board.new" = "a,insert"}
    keymap: dict[str, str] = Field(default_factory=dict)


def load_config(path: Path | None = None) -> tuple[UserConfig, str | None]:
    """The config and, when the file was ignored, why (in words)."""
    path = path or config_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return UserConfig(), None
    except OSError as error:
        return UserConfig(), f"could not read {path}: {error.strerror or error}; using the defaults"
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return UserConfig(), f"{path} is not valid TOML ({error}); using the defaults"
    try:
        return UserConfig.model_validate(data), None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "config"
        return UserConfig(), f"{path}: {where}: {first['msg']}; using the defaults"
