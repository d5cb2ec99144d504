"""What alinea sets around every git call: the environment, and the attributes of alinea.json.

The environment never lets git prompt, fills in an identity where git knows none, and
keeps the person's own ssh command (``GIT_SSH_COMMAND``, ``core.sshCommand``, ``GIT_SSH``,
in git's own order of precedence), only adding ``BatchMode=yes`` and a connect timeout.
Everything it needs from git's config comes from one ``git config`` process.

``$GIT_DIR/info/attributes`` outranks every ``.gitattributes`` a teammate can commit, so
the entry written there keeps ``alinea.json`` merged by alinea's driver, byte for byte as
saved (no filter, no end-of-line or encoding conversion).
"""

from __future__ import annotations

import getpass
import os
import shlex
import socket
import subprocess
from functools import lru_cache
from pathlib import Path

from store.workspace import DATA_FILE

#: seconds ssh waits for the server to answer before git gives up on it
CONNECT_TIMEOUT = 15
#: the line alinea keeps in $GIT_DIR/info/attributes
ATTRIBUTES_LINE = f"/{DATA_FILE} merge=alinea -text -filter -ident -working-tree-encoding"
_CONFIG_KEYS = ("user.name", "user.email", "core.sshcommand")
_PLINK = ("plink", "plink.exe", "tortoiseplink", "tortoiseplink.exe")


def cached_config(folder: Path) -> dict[str, str]:
    """``read_config``, asked of git once per folder (and HOME): a header's status read runs
    four git commands, and each would otherwise start a `git config` process first."""
    return dict(_cached_config(Path(folder).resolve(), os.environ.get("HOME", "")))


@lru_cache(maxsize=64)
def _cached_config(folder: Path, home: str) -> tuple[tuple[str, str], ...]:
    return tuple(read_config(folder).items())


def forget_config() -> None:
    """After alinea itself changes git's config (the welcome sets user.name)."""
    _cached_config.cache_clear()


def read_config(folder: Path) -> dict[str, str]:
    """The git config values alinea needs, as git resolves them in ``folder`` (one process)."""
    pattern = "^(" + "|".join(key.replace(".", r"\.") for key in _CONFIG_KEYS) + ")$"
    try:
        done = subprocess.run(
            ["git", "config", "--null", "--get-regexp", pattern],
            cwd=folder if folder.is_dir() else None,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=10,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    found: dict[str, str] = {}
    for entry in done.stdout.decode(errors="replace").split("\0"):
        key, _, value = entry.partition("\n")
        if key:
            found[key.lower()] = value  # the last one wins, as in git
    return found


def person_ssh_command(environ: dict[str, str], core_ssh_command: str = "") -> str:
    """The ssh command git would run for this person: GIT_SSH_COMMAND, then core.sshCommand,
    then GIT_SSH (a program, run without a shell), else plain ssh."""
    command = environ.get("GIT_SSH_COMMAND", "").strip() or core_ssh_command.strip()
    if not command and environ.get("GIT_SSH", "").strip():
        command = shlex.quote(environ["GIT_SSH"].strip())
    return command or "ssh"


def ssh_command(environ: dict[str, str], core_ssh_command: str = "") -> str:
    """The person's ssh command with what alinea needs added: never a prompt, a connect timeout."""
    command = person_ssh_command(environ, core_ssh_command)
    try:
        program = os.path.basename(shlex.split(command)[0]).lower()
    except (ValueError, IndexError):
        program = ""
    if program in _PLINK:
        return f"{command} -batch"
    return f"{command} -o BatchMode=yes -o ConnectTimeout={CONNECT_TIMEOUT}"


def git_env(folder: Path, config: dict[str, str] | None = None) -> dict[str, str]:
    """Never prompt; keep the person's ssh; where git knows no name or no email, still commit.

    With no identity at all, commits go under the login's name and address. Once the
    welcome has set ``user.name`` (a machine with no email), they carry that name and no
    address ("Mara Lind <>"), never the login's: the person signed with their name.
    """
    config = cached_config(Path(folder)) if config is None else config
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    env["GIT_SSH_COMMAND"] = ssh_command(env, config.get("core.sshcommand", ""))
    login = getpass.getuser()
    fallback = {
        "NAME": None if config.get("user.name") else login,
        "EMAIL": None
        if config.get("user.email")
        else ""
        if config.get("user.name")
        else f"{login}@{socket.gethostname() or 'localhost'}",
    }
    for role in ("AUTHOR", "COMMITTER"):
        for part, value in fallback.items():
            if value is not None:
                env.setdefault(f"GIT_{role}_{part}", value)
    return env


def git_dir(folder: Path) -> Path | None:
    """The repository's git folder (``.git``, or where a ``.git`` file points)."""
    dot_git = Path(folder) / ".git"
    if dot_git.is_dir():
        return dot_git
    try:
        text = dot_git.read_text()
    except OSError:
        return None
    if not text.startswith("gitdir:"):
        return None
    found = Path(text.removeprefix("gitdir:").strip())
    found = found if found.is_absolute() else (Path(folder) / found)
    common = found / "commondir"  # a linked worktree keeps info/ in the main repository
    if common.is_file():
        shared = Path(common.read_text().strip())
        found = shared if shared.is_absolute() else found / shared
    return found


def ensure_merge_attributes(folder: Path) -> None:
    """Keep alinea's line in $GIT_DIR/info/attributes, which outranks any committed .gitattributes."""
    found = git_dir(folder)
    if found is None:
        return
    path = found / "info" / "attributes"
    try:
        existing = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        existing = ""
    lines = existing.splitlines()
    if lines and lines[-1] == ATTRIBUTES_LINE:
        return  # last line wins among the file's own lines: ours must be the last one
    kept = [line for line in lines if line != ATTRIBUTES_LINE]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".attributes.{os.getpid()}.tmp")
    tmp.write_text("".join(f"{line}\n" for line in [*kept, ATTRIBUTES_LINE]), encoding="utf-8")
    os.replace(tmp, path)
