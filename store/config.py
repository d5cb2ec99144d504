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

from store.i18n import LANGUAGES, _
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
    #: "en" or "es"; empty: the LANGUAGE / LC_ALL / LC_MESSAGES / LANG environment, else English
    language: str = ""

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> UserConfig:
        """Check each setting; raise ConfigError naming the first bad one."""
        known = {f.name for f in fields(cls)}
        for key in data:
            if key not in known:
                raise ConfigError(
                    _("{key}: unknown setting (settings are: {settings})").format(
                        key=key, settings=", ".join(sorted(known))
                    )
                )
        theme = data.get("theme", cls.theme)
        if not isinstance(theme, str) or not theme:
            raise ConfigError(_("theme: give a theme name in quotes, e.g. \"alinea-light\""))
        interval = data.get("sync_interval_minutes", cls.sync_interval_minutes)
        if isinstance(interval, bool) or not isinstance(interval, int) or not 0 <= interval <= MAX_SYNC_INTERVAL:
            raise ConfigError(
                _("sync_interval_minutes: a whole number of minutes from 0 to {most}").format(most=MAX_SYNC_INTERVAL)
            )
        keymap = data.get("keymap", {})
        if not isinstance(keymap, dict) or not all(
            isinstance(key, str) and isinstance(value, str) for key, value in keymap.items()
        ):
            raise ConfigError(_('keymap: a table of binding id = "keys", e.g. "board.new" = "a"'))
        language = data.get("language", cls.language)
        if not isinstance(language, str) or language not in ("", *LANGUAGES):
            raise ConfigError(_('language: "en" (English) or "es" (Spanish)'))
        return cls(theme=theme, sync_interval_minutes=interval, keymap=dict(keymap), language=language)


def load_config(path: Path | None = None) -> tuple[UserConfig, str | None]:
    """The config and, when the file was ignored, why (in words)."""
    path = path or config_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return UserConfig(), None
    except OSError as error:
        return UserConfig(), _("could not read {path}: {error}; using the defaults").format(
            path=path, error=error.strerror or error
        )
    import tomllib  # only when there is a file: most starts have none, and the app starts sooner

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        return UserConfig(), _("{path} is not valid TOML ({error}); using the defaults").format(path=path, error=error)
    try:
        return UserConfig.from_toml(data), None
    except ConfigError as error:
        return UserConfig(), _("{path}: {error}; using the defaults").format(path=path, error=error)


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string: quotes, backslashes and control characters escaped."""
    escapes = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
    out = []
    for char in value:
        if char in escapes:
            out.append(escapes[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _top_level_key(line: str) -> str | None:
    """The key a top-level ``key = value`` line sets (bare or quoted), else None."""
    stripped = line.strip()
    if not stripped or stripped.startswith(("#", "[")) or "=" not in stripped:
        return None
    key = stripped.split("=", 1)[0].strip()
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        key = key[1:-1]
    return key


def with_setting(text: str, key: str, value: str) -> str:
    """``text`` (a config.toml) with top-level ``key`` set to the string ``value``.

    Every other line, comments included, stays as it was: the key's line is replaced where
    it is, or a new line goes just before the first table (``[keymap]``), or at the end.
    """
    line = f"{key} = {toml_string(value)}"
    lines = text.splitlines()
    first_table = next((i for i, old in enumerate(lines) if old.lstrip().startswith("[")), len(lines))
    for index in range(first_table):
        if _top_level_key(lines[index]) == key:
            lines[index] = line
            break
    else:
        lines.insert(first_table, line)
    return "\n".join(lines) + "\n"


def save_setting(key: str, value: str, path: Path | None = None) -> Path:
    """Set one top-level string setting in config.toml, keeping the rest of the file; return the file.

    The new text is checked before it replaces the old one (written beside it, then renamed),
    so a crash or a full disk leaves the old file whole. A file that is not valid TOML is left
    alone: ConfigError says so rather than lose what the person wrote.
    """
    import os
    import tempfile
    import tomllib

    path = path or config_file()
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(_("could not read {path}: {error}").format(path=path, error=error)) from error
    try:
        before = tomllib.loads(old)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            _("{path} is not valid TOML ({error}); fix it by hand to keep this setting").format(path=path, error=error)
        ) from error
    new = with_setting(old, key, value)
    try:
        after = tomllib.loads(new)
    except tomllib.TOMLDecodeError:
        after = None
    if after != {**before, key: value}:  # e.g. the key sat in a multi-line string: do not guess
        raise ConfigError(
            _("could not change {key} in {path} without touching other lines; set it by hand").format(
                key=key, path=path
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(new)
            file.flush()
            os.fsync(file.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
