"""Finishing a merge that git left half done, with the same record merge as the driver.

A manual ``git pull`` in a clone whose ``.git/config`` lacks the driver merges
``alinea.json`` as text: it stops with conflict markers and MERGE_HEAD. The three
versions are still in git (index stages 1-3, or HEAD / MERGE_HEAD / their merge base),
so the record merge can finish the job without asking anyone.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from store.errors import AlineaError, SaveFailed, WorkspaceFileError
from store.repo import GitError, git_env, run_git
from store.storage import decode_document, file_lock, lock_path_for, write_atomically
from store.workspace import DATA_FILE

LOCK_TIMEOUT = 30.0


REBASE_WORDS = (
    "a `git rebase` (e.g. `git pull --rebase`) stopped half way in this workspace; alinea never rebases:"
    " run `git rebase --abort`, then `alinea sync`, which merges record by record"
)


class MergeAborted(AlineaError):
    """A merge left half done could not be finished (a damaged side, a full disk): it was aborted."""


def is_merging(folder: Path) -> bool:
    """Whether git is in the middle of a merge in this workspace."""
    return (Path(folder) / ".git" / "MERGE_HEAD").exists()


def git_bytes(folder: Path, *args: str) -> bytes | None:
    """A git command's exact stdout bytes (file contents), or None when it fails."""
    done = subprocess.run(
        ["git", *args], cwd=folder, stdin=subprocess.DEVNULL, capture_output=True, env=git_env(folder), timeout=60
    )
    return done.stdout if done.returncode == 0 else None


def finish_interrupted_merge(folder: Path) -> bool:
    """Finish a merge git left in progress; True if one was finished. Takes the save lock.

    Raises a WorkspaceFileError when a version cannot be merged into a valid workspace,
    or GitError when other files conflict too: then the merge is left for a person.
    """
    folder = Path(folder)
    if not is_merging(folder):
        return False
    with file_lock(lock_path_for(folder / DATA_FILE), LOCK_TIMEOUT):
        return finish_merge_locked(folder)


def abort_if_unfinishable(folder: Path) -> None:
    """For a command that only reads: never commit the merge, but abort one that no merge
    could ever finish (a damaged side), so the clone stays usable; raises MergeAborted then."""
    folder = Path(folder)
    if not is_merging(folder):
        return
    path = folder / DATA_FILE
    with file_lock(lock_path_for(path), LOCK_TIMEOUT):
        if not is_merging(folder):
            return
        staged = DATA_FILE in _unmerged(folder)
        if not staged and _is_valid(path):
            return  # resolved by hand: left for the next command that writes
        base, ours, theirs = _three_versions(folder, staged)
        if ours is None or theirs is None:
            return
        from store.merge import merge_bytes

        try:
            merge_bytes(base, ours, theirs, path)  # computed only: a reader writes nothing
        except WorkspaceFileError as error:
            _abort(folder, error)


def finish_merge_locked(folder: Path) -> bool:
    """finish_interrupted_merge for a caller that already holds the save lock (sync)."""
    folder = Path(folder)
    if not is_merging(folder):
        return False
    path = folder / DATA_FILE
    unmerged = _unmerged(folder)
    others = [name for name in unmerged if name != DATA_FILE]
    if others:
        raise GitError(f"the merge also conflicts in {', '.join(others)}: finish those with git, then sync")
    if DATA_FILE in unmerged or not _is_valid(path):
        base, ours, theirs = _three_versions(folder, DATA_FILE in unmerged)
        if ours is None or theirs is None:
            raise GitError(f"cannot finish the merge of {DATA_FILE}: one side removed the file; finish it with git")
        from store.merge import merge_bytes  # pydantic loads only when a merge is really left to finish

        try:
            payload, _ = merge_bytes(base, ours, theirs, path)
            write_atomically(path, payload)
        except (WorkspaceFileError, SaveFailed) as error:
            _abort(folder, error)
    run_git(folder, "add", "--", DATA_FILE)
    run_git(folder, "commit", "--quiet", "--no-edit", "--no-verify")
    return True


def remove_merge_leftovers(folder: Path) -> None:
    """Remove the temp copies git makes for a merge driver (``.merge_file_*``) when a failed merge
    left them behind (git stopped by a full disk or a signal): they hold nothing git lacks."""
    for leftover in Path(folder).glob(".merge_file_*"):
        try:
            leftover.unlink()
        except OSError:
            pass  # e.g. an immutable folder: nothing more can be done, and nothing is lost


def _abort(folder: Path, error: WorkspaceFileError | SaveFailed) -> None:
    """A merge that cannot be finished is aborted, so the clone stays usable with its own data."""
    remove_merge_leftovers(folder)
    try:
        run_git(folder, "merge", "--abort")
    except GitError:
        raise GitError(
            f"the merge of {DATA_FILE} cannot be finished ({error}); run `git merge --abort` to go back to your data"
        ) from None
    raise MergeAborted(f"a git merge was aborted and your data is as it was before it: {error}") from None


def _is_valid(path: Path) -> bool:
    """A file someone already resolved (and staged) by hand is kept as it is, if it is valid."""
    from store.merge import validate_tables

    try:
        validate_tables(decode_document(path.read_bytes(), path), path)
    except (OSError, WorkspaceFileError):
        return False
    return True


def _three_versions(folder: Path, staged: bool) -> tuple[bytes | None, bytes | None, bytes | None]:
    """Base, ours, theirs: from the index stages while git still holds them, else from commits."""
    if staged:
        return tuple(git_bytes(folder, "show", f":{stage}:{DATA_FILE}") for stage in (1, 2, 3))  # type: ignore[return-value]
    base_commit = git_bytes(folder, "merge-base", "HEAD", "MERGE_HEAD")
    base = git_bytes(folder, "show", f"{base_commit.decode().strip()}:{DATA_FILE}") if base_commit else None
    ours = git_bytes(folder, "show", f"HEAD:{DATA_FILE}")
    theirs = git_bytes(folder, "show", f"MERGE_HEAD:{DATA_FILE}")
    return base, ours, theirs


def _unmerged(folder: Path) -> list[str]:
    return [line for line in run_git(folder, "diff", "--name-only", "--diff-filter=U").splitlines() if line]
