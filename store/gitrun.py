"""The async git runner used by sync: no prompts, no stdin, and a timeout that really stops git.

git may start ssh, credential helpers or a merge driver; on a timeout the whole process
group is killed, so nothing lingers waiting for a password or a dead network. Every group
still running is known, so ``kill_running()`` can end them all when the app quits.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

from store.gitenv import git_env, read_config
from store.i18n import _
from store.repo import GitError

NETWORK_TIMEOUT = 30.0
LOCAL_TIMEOUT = 60.0


class GitTimeout(GitError):
    """git did not finish in time; its process group was killed."""


#: process groups of the git commands this process started and that still run
_running: set[int] = set()
_running_lock = threading.Lock()


def kill_running() -> int:
    """Kill every git process group this process started that still runs; how many there were.

    For the app at quit: a fetch from a remote that never answers must not outlive it.
    """
    with _running_lock:
        groups = list(_running)
    for group in groups:
        _kill_group(group)
    return len(groups)


def _kill_group(group: int) -> None:
    try:
        os.killpg(group, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


@dataclass(frozen=True)
class GitRun:
    returncode: int
    raw: bytes
    stderr: str

    @property
    def stdout(self) -> str:
        return self.raw.decode(errors="replace")

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def reason(self) -> str:
        """git's own words for what went wrong: its first message line is the most specific."""
        for line in (self.stderr or self.stdout).splitlines():
            line = line.strip().removeprefix("fatal: ").removeprefix("error: ")
            if line:
                return line
        return f"exit {self.returncode}"


class GitRunner:
    """Runs git in one folder with one environment (computed once, from one `git config`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.config = read_config(self.folder)
        self.env = git_env(self.folder, self.config)

    @property
    def ssh_command(self) -> str:
        return self.env["GIT_SSH_COMMAND"]

    async def run(self, *args: str, timeout: float = LOCAL_TIMEOUT, check: bool = False) -> GitRun:
        try:
            process = await asyncio.create_subprocess_exec(
                "git",
                *args,
                cwd=self.folder,
                env=self.env,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                start_new_session=True,  # its own process group, so a timeout can kill ssh too
            )
        except FileNotFoundError:
            raise GitError(_("git is not installed (alinea keeps the workspace in a git repository)")) from None
        with _running_lock:
            _running.add(process.pid)
        try:
            out, err = await asyncio.wait_for(process.communicate(), timeout)
        except asyncio.TimeoutError:
            await _stop(process)
            raise GitTimeout(
                _("git {command} did not finish within {seconds:.0f} s").format(command=_verb(args), seconds=timeout)
            ) from None
        except asyncio.CancelledError:
            await _stop(process)
            raise
        finally:
            with _running_lock:
                _running.discard(process.pid)
        done = GitRun(process.returncode or 0, out, err.decode(errors="replace"))
        if check and not done.ok:
            raise GitError(_("git {command} failed: {reason}").format(command=_verb(args), reason=done.reason))
        return done

    async def out(self, *args: str, timeout: float = LOCAL_TIMEOUT) -> str:
        """stdout of a git command that must succeed."""
        return (await self.run(*args, timeout=timeout, check=True)).stdout


def _verb(args: tuple[str, ...]) -> str:
    """The git command's name, past any ``-c key=value`` in front of it."""
    rest = list(args)
    while rest and rest[0] == "-c":
        rest = rest[2:]
    return rest[0] if rest else "git"


async def _stop(process: asyncio.subprocess.Process) -> None:
    _kill_group(process.pid)
    await process.wait()
