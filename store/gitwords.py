"""What went wrong talking to a remote, in words that lead to the fix (ssh and https).

git passes on what ssh says; ssh says it tersely ("Host key verification failed."). This
module reads git's stderr, and the remote's URL, and names the problem and the next step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from store.i18n import _


class Failure(StrEnum):
    offline = "offline"
    auth_failed = "auth_failed"


@dataclass(frozen=True)
class SshTarget:
    user: str
    host: str
    port: int

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def login(self, ssh: str) -> str:
        """The command that connects once by hand with the person's own ssh."""
        port = f" -p {self.port}" if self.port != 22 else ""
        user = f"{self.user}@" if self.user else ""
        return f"{ssh}{port} {user}{self.host}"

    @property
    def known_hosts_name(self) -> str:
        return self.host if self.port == 22 else f"[{self.host}]:{self.port}"


def ssh_target(url: str) -> SshTarget | None:
    """The ssh user, host and port of a remote URL (``ssh://…`` or scp-like ``user@host:path``)."""
    url = url.strip()
    if re.match(r"^(ssh|git\+ssh|ssh\+git)://", url):
        parts = urlsplit(url)
        try:
            port = parts.port or 22
        except ValueError:
            port = 22
        return SshTarget(parts.username or "", parts.hostname or "", port)
    scp = re.match(r"^(?:([^@/:]+)@)?(\[[^\]]+\]|[^/:]+):(?!//)", url)
    if scp and "://" not in url and not re.match(r"^[A-Za-z]:[\\/]", url):
        return SshTarget(scp.group(1) or "", scp.group(2).strip("[]"), 22)
    return None


_UNKNOWN_HOST = ("host key verification failed", "host key is known for", "no matching host key")
_UNREACHABLE = (
    "ssh: connect to host",
    "connection timed out",
    "connection refused",
    "could not resolve hostname",
    "no route to host",
    "network is unreachable",
    "operation timed out",
    "connection closed by",
)
_AUTH_WORDS = (
    "authentication failed",
    "permission denied",
    "could not read username",
    "could not read password",
    "terminal prompts disabled",
    "http 401",
    "http 403",
    "the requested url returned error: 401",
    "the requested url returned error: 403",
)


def first_line(stderr: str, fallback: str = "") -> str:
    for line in stderr.splitlines():
        line = line.strip().removeprefix("fatal: ").removeprefix("error: ")
        if line and not line.startswith("@@@"):
            return line
    return fallback


def explain(stderr: str, remote: str, url: str, ssh: str, person_ssh: str) -> tuple[Failure, str]:
    """Classify a failed fetch, push or clone; the message names no fix it cannot back up.

    ``ssh`` is the command line git ran ssh with, ``person_ssh`` the person's own (for the
    "connect once" advice: it must use their known_hosts and key).
    """
    words = stderr.lower()
    reason = first_line(stderr, _("no answer"))
    target = ssh_target(url)
    if target is not None:
        if "remote host identification has changed" in words or ("host key for" in words and "has changed" in words):
            return Failure.auth_failed, _(
                "the ssh host key of {where} has CHANGED since you last connected: this may be an "
                "attack (someone between you and the server), or the server was reinstalled; alinea never "
                "accepts a changed key. Ask whoever runs the server; if they confirm the new key, remove "
                "the old one with `ssh-keygen -R '{host}'` and connect once by hand"
            ).format(where=target.where, host=target.known_hosts_name)
        if any(word in words for word in _UNKNOWN_HOST):
            return Failure.auth_failed, _(
                "the server's host key is not known yet: connect once with `{login}` "
                "(or add its key to known_hosts) and sync again"
            ).format(login=target.login(person_ssh))
        if "permission denied (publickey" in words or "permission denied (" in words:
            return Failure.auth_failed, _(
                "the server refused your ssh key (publickey) at {where}; ssh ran as: {ssh}"
            ).format(where=target.where, ssh=ssh)
        if any(word in words for word in _UNREACHABLE):
            return Failure.offline, _("could not reach {where} ({reason})").format(where=target.where, reason=reason)
    if any(word in words for word in _AUTH_WORDS):
        words = _("{remote} refused the credentials ({reason})").format(remote=remote, reason=reason)
        return Failure.auth_failed, words
    return Failure.offline, _("could not reach {where} ({reason})").format(where=remote, reason=reason)
