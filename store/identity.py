"""Who is editing: the git identity of the workspace's repository, and which member that is."""

from __future__ import annotations

import getpass
import os
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.models import Member

#: this clone's own note of which member it belongs to (in .git/config, never shared)
MEMBER_KEY = "alinea.member"


@dataclass(frozen=True)
class GitIdentity:
    """user.name and user.email as git resolves them in a folder ("" when unset), and the
    member this clone last knew as its person."""

    name: str = ""
    email: str = ""
    member_id: str = ""

    @property
    def who(self) -> str:
        """What ``*_by`` fields record: the email, else the name, else the login name."""
        return self.email.lower() or self.name or getpass.getuser()


def _git_env() -> dict[str, str]:
    return {**os.environ, "GIT_TERMINAL_PROMPT": "0"}


def git_config(folder: Path, key: str) -> str:
    """A git config value as git resolves it in ``folder`` ("" when unset or git is missing)."""
    try:
        done = subprocess.run(
            ["git", "config", "--get", key],
            cwd=folder if folder.is_dir() else None,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=10,
            env=_git_env(),
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def read_identity(folder: Path) -> GitIdentity:
    """The git identity in ``folder``, read with one git call (the last value of each key wins,
    as git resolves them: the repository's own config over the global one)."""
    try:
        done = subprocess.run(
            ["git", "config", "--get-regexp", r"^(user\.name|user\.email|alinea\.member)$"],
            cwd=folder if folder.is_dir() else None,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=10,
            env=_git_env(),
        )
    except (OSError, subprocess.TimeoutExpired):
        return GitIdentity()
    values: dict[str, str] = {}
    for line in done.stdout.splitlines() if done.returncode == 0 else []:
        key, _, value = line.partition(" ")
        values[key.lower()] = value.strip()
    return GitIdentity(values.get("user.name", ""), values.get("user.email", ""), values.get(MEMBER_KEY, ""))


def git_identity(folder: Path) -> str:
    """user.email, else user.name, else the login name: what ``*_by`` fields record."""
    return read_identity(folder).who


def _set_config(folder: Path, key: str, value: str) -> None:
    subprocess.run(
        ["git", "config", key, value],
        cwd=folder,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=10,
        check=True,
        env=_git_env(),
    )
    from store.gitenv import forget_config  # lazily: store.gitenv imports the workspace, which imports this

    forget_config()  # git's next call carries what was just set


def remember_name(folder: Path, name: str) -> None:
    """Set user.name in the workspace's own git config, for a machine with no git identity,
    so its commits carry the person's name and the app recognises them next time."""
    _set_config(folder, "user.name", name)


def remember_member(folder: Path, member_id: str) -> None:
    """Note in this clone's .git/config which member is its person (see ``former_me``)."""
    _set_config(folder, MEMBER_KEY, member_id)


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def is_me(member: Member, identity: GitIdentity) -> bool:
    """Whether ``member`` is the person of this git identity: by email, or by name when git
    knows no email (a machine where the welcome asked for a name)."""
    who = identity.who.lower()
    return bool(who) and who in (member.email, member.name.lower())


def former_me(members: Iterable[Member], identity: GitIdentity) -> Member | None:
    """The member who was me before my git identity gained (or changed) its email.

    Nobody has the email, but one member has git's user.name and either no email yet, or
    is the member this clone noted as its person. Two members of that name: None (the
    welcome asks, rather than guess).
    """
    if not identity.email or not identity.name:
        return None
    members = list(members)
    email = identity.email.lower()
    if any(member.email == email for member in members):
        return None
    name = _folded(identity.name)
    named = [m for m in members if _folded(m.name) == name and (not m.email or m.id == identity.member_id)]
    return named[0] if len(named) == 1 else None


def suggested_name(identity: GitIdentity) -> str:
    """The name to offer where the welcome asks who I am: git's user.name when it is set."""
    return identity.name.strip()
