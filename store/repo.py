"""Creating a workspace repository and keeping its merge driver installed."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from store.errors import AlineaError
from store.gitenv import ensure_merge_attributes, git_env
from store.i18n import _
from store.identity import git_config
from store.storage import CanonicalStorage, create_file, file_lock, lock_path_for
from store.workspace import DATA_FILE

GITATTRIBUTES = f"{DATA_FILE} merge=alinea\n"
# A save killed mid-way can leave its temp file; neither it nor a lock file is ever shared.
GITIGNORE = f".{DATA_FILE}.*.tmp\n.{DATA_FILE}.lock\n"
GIT_TIMEOUT = 60.0


class GitError(AlineaError):
    """A git command failed; the message carries git's own words."""


def run_git(folder: Path, *args: str, timeout: float = GIT_TIMEOUT) -> str:
    """Run git in ``folder`` with stdin closed; raise GitError with git's message on failure."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=folder,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=git_env(folder),
        )
    except FileNotFoundError:
        raise GitError(_("git is not installed (alinea keeps the workspace in a git repository)")) from None
    except subprocess.TimeoutExpired:
        raise GitError(
            _("git {command} did not finish within {seconds:.0f} s").format(command=args[0], seconds=timeout)
        ) from None
    if done.returncode != 0:
        message = (done.stderr or done.stdout).strip().splitlines()
        said = message[-1] if message else f"exit {done.returncode}"  # git's own words, as git said them
        raise GitError(_("git {command} failed: {reason}").format(command=args[0], reason=said))
    return done.stdout


def merge_driver_command() -> str:
    """The driver line for .git/config: this interpreter, by absolute path.

    git runs the line with ``sh`` in the work tree, so the path is quoted for the shell (it
    may hold spaces or quotes), and ``-P`` keeps the work tree off ``sys.path``: a ``store/``
    package committed into the workspace repository must never be imported instead of
    alinea's own.
    """
    return f"{shlex.quote(str(Path(sys.executable).absolute()))} -P -m store.merge %O %A %B %P"


def install_merge_driver(folder: Path) -> None:
    """Write the merge driver entry into .git/config if it is missing or stale, and the attribute
    that makes git use it whatever a committed .gitattributes says."""
    ensure_merge_attributes(folder)
    command = merge_driver_command()
    if git_config(folder, "merge.alinea.driver") != command:
        run_git(folder, "config", "merge.alinea.name", "alinea record-level merge")
        run_git(folder, "config", "merge.alinea.driver", command)


def init_workspace(folder: Path) -> Path:
    """A new workspace: git repository, empty alinea.json, .gitattributes, driver, first commit."""
    folder = Path(folder)
    data = folder / DATA_FILE
    if data.exists():
        raise AlineaError(_("{folder} already holds a workspace ({file})").format(folder=folder, file=DATA_FILE))
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / ".git").exists():
        run_git(folder, "init", "--quiet", "--initial-branch=main")
    create_file(data)
    attributes = folder / ".gitattributes"
    existing = attributes.read_text() if attributes.exists() else ""
    if GITATTRIBUTES.strip() not in existing:
        attributes.write_text(existing + GITATTRIBUTES)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text(GITIGNORE)
    from store.opening import ready_git

    for problem in ready_git(folder, will_write=True):
        raise AlineaError(problem)
    run_git(folder, "add", DATA_FILE, ".gitattributes", ".gitignore")
    run_git(folder, "commit", "--quiet", "-m", "Create alinea workspace")
    return folder


def commit_all(folder: Path, message: str) -> bool:
    """Commit the workspace file if it changed; True when a commit was made.

    Takes the save lock, as a sync does, so the two never run git in one repository at once.
    Call it without holding that lock.
    """
    with file_lock(lock_path_for(folder / DATA_FILE), CanonicalStorage.LOCK_TIMEOUT):
        run_git(folder, "add", DATA_FILE)
        if not run_git(folder, "status", "--porcelain", "--", DATA_FILE).strip():
            return False
        run_git(folder, "commit", "--quiet", "-m", message)
        return True
