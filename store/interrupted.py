"""Finishing a merge that git left half done, with the same record merge as the driver.

A manual ``git pull`` in a clone whose ``.git/config`` lacks the driver merges
``alinea.json`` as text: it stops with conflict markers and MERGE_HEAD. The three
versions are still in git (index stages 1-3, or HEAD / MERGE_HEAD / their merge base),
so the record merge can finish the job without asking anyone.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from store.errors import AlineaError, SaveFailed, WorkspaceFileError
from store.i18n import N_, _
from store.repo import GitError, git_env, run_git
from store.storage import Tables, decode_document, file_lock, lock_path_for, write_atomically
from store.workspace import DATA_FILE

LOCK_TIMEOUT = 30.0


#: marked here, translated where it is shown (``_(REBASE_WORDS)``)
REBASE_WORDS = N_(
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
        staged = DATA_FILE in _unmerged_stages(folder)
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
    return finish_merge_known(folder, {}) is not None


@dataclass(frozen=True)
class Merged:
    """What finishing a merge committed: the record merge's bytes and tables, or None for
    both when the file had been resolved by hand (valid, kept as it was). ``ours_held``: our
    side was the caller's own version (validated), not one read from git. ``tally``: how many
    records of the result differ from our side and from theirs (store.merge.merge)."""

    payload: bytes | None
    tables: Tables | None
    ours_held: bool = False
    tally: tuple[int, int] = (0, 0)


def finish_merge_known(folder: Path, known: Mapping[str, Tables]) -> Merged | None:
    """finish_merge_locked, given versions of the file the caller already decoded, by blob id
    (sync: its own validated version, the remote's copy decoded strictly), so a version is
    read and decoded once per sync. None when no merge was in progress."""
    folder = Path(folder)
    if not is_merging(folder):
        return None
    path = folder / DATA_FILE
    unmerged = _unmerged_stages(folder)
    others = [name for name in unmerged if name != DATA_FILE]
    if others:
        raise GitError(
            _("the merge also conflicts in {files}: finish those with git, then sync").format(files=", ".join(others))
        )
    merged = Merged(None, None)
    if DATA_FILE in unmerged or not _is_valid(path):
        stages = unmerged.get(DATA_FILE)
        if stages is None:  # staged by hand, but invalid: the versions come from the commits
            blobs: list[str | None] = [None, None, None]
            raws = list(_three_versions(folder, False))
        else:
            blobs = [stages.get(stage) for stage in (1, 2, 3)]
            raws = [_blob(folder, blob) if blob is not None and blob not in known else None for blob in blobs]
        held = [known.get(blob) if blob is not None else None for blob in blobs]
        if (raws[1] is None and held[1] is None) or (raws[2] is None and held[2] is None):
            raise GitError(
                _("cannot finish the merge of {file}: one side removed the file; finish it with git").format(
                    file=DATA_FILE
                )
            )
        from store.merge import merge_decoded  # pydantic loads only when a merge is really left to finish

        try:
            base = held[0] if held[0] is not None else _base(raws[0], path)
            ours = held[1] if held[1] is not None else decode_document(raws[1] or b"", path)
            theirs = held[2] if held[2] is not None else decode_document(raws[2] or b"", path)
            tally = [0, 0]
            tables, payload, _conflicts = merge_decoded(base, ours, theirs, path, tally=tally)
            write_atomically(path, payload)
        except (WorkspaceFileError, SaveFailed) as error:
            _abort(folder, error)
        merged = Merged(payload, tables, ours_held=held[1] is not None, tally=(tally[0], tally[1]))
    run_git(folder, "add", "--", DATA_FILE)
    run_git(folder, "commit", "--quiet", "--no-edit", "--no-verify")
    return merged


def _blob(folder: Path, blob: str) -> bytes | None:
    return git_bytes(folder, "cat-file", "blob", blob)


def _base(raw: bytes | None, path: Path) -> Tables | None:
    """A merge base as merge_bytes reads it: none when there is no base or an empty one."""
    return decode_document(raw, path, strict=False) if raw is not None and raw.strip() else None


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
            _(
                "the merge of {file} cannot be finished ({error}); run `git merge --abort` to go back to your data"
            ).format(file=DATA_FILE, error=error)
        ) from None
    raise MergeAborted(
        _("a git merge was aborted and your data is as it was before it: {error}").format(error=error)
    ) from None


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


def _unmerged_stages(folder: Path) -> dict[str, dict[int, str]]:
    """The unmerged paths of the index, each with the blob id of its stages (1 base, 2 ours, 3 theirs)."""
    found: dict[str, dict[int, str]] = {}
    for line in run_git(folder, "ls-files", "--unmerged").splitlines():
        info, _tab, name = line.partition("\t")
        _mode, blob, stage = info.split()
        found.setdefault(name, {})[int(stage)] = blob
    return found
