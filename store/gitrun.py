"""The async git runner used by sync: no prompts, no stdin, and a timeout that really stops git.

git may start ssh, credential helpers or a merge driver; on a timeout the whole process
group is killed, so nothing lingers waiting for a password or a dead network.
"""

from __future__ import annotations

import asyncio
import os
import signal
from dataclasses import dataclass
from pathlib import Path

from store.repo import GitError, git_env

NETWORK_TIMEOUT = 30.0
LOCAL_TIMEOUT = 60.0


class GitTimeout(GitError):
    """git did not finish in time; its process group was killed."""


@dataclass(frozen=True)
class GitRun:
    args: tuple[str, ...]
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
    """Runs git in one folder with one environment (computed once: it asks git for the identity)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.env = git_env(self.folder)

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
            raise GitError("git is not installed (alinea keeps the workspace in a git repository)") from None
        try:
            out, err = await asyncio.wait_for(process.communicate(), timeout)
        except asyncio.TimeoutError:
            await _stop(process)
            raise GitTimeout(f"git {args[0]} did not finish within {timeout:.0f} s") from None
        except asyncio.CancelledError:
            await _stop(process)
            raise
        done = GitRun(tuple(args), process.returncode or 0, out, err.decode(errors="replace"))
        if check and not done.ok:
            raise GitError(f"git {args[0]} failed: {done.reason}")
        return done

    async def out(self, *args: str, timeout: float = LOCAL_TIMEOUT) -> str:
        """stdout of a git command that must succeed."""
        return (await self.run(*args, timeout=timeout, check=True)).stdout


async def _stop(process: asyncio.subprocess.Process) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    await process.wait()
