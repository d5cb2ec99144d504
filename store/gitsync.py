"""Sync a workspace with its git remote (DESIGN section 5), without ever losing an edit.

Under the save lock: validate → commit if dirty → fetch → merge (never rebase; the
record merge driver is passed with ``git -c``) → finish leftover conflicts from the index
stages → validate → push → on a rejected push fetch and merge again (3 tries). Every
outcome is a SyncResult whose ``message`` says in plain words what happened. Whatever
the outcome, the local commit stays in place; nothing invalid is committed or pushed.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from store.errors import AlineaError, WorkspaceFileError
from store.gitrun import NETWORK_TIMEOUT, GitRun, GitRunner, GitTimeout
from store.interrupted import LOCK_TIMEOUT, REBASE_WORDS, finish_merge_locked, is_merging, remove_merge_leftovers
from store.paths import rebase_in_progress
from store.repo import GitError, merge_driver_command, run_git
from store.storage import META_TABLE, Tables, decode_document, lock_path_for, read_regular
from store.words import plural, records_of
from store.workspace import DATA_FILE

PUSH_TRIES = 3
DRIVER_NAME = "alinea record-level merge"

_AUTH_WORDS = (
    "authentication failed",
    "permission denied",
    "could not read username",
    "could not read password",
    "terminal prompts disabled",
    "host key verification failed",
    "http 401",
    "http 403",
    "the requested url returned error: 401",
    "the requested url returned error: 403",
)
_REJECTED_WORDS = ("[rejected]", "[remote rejected]", "non-fast-forward", "fetch first", "stale info")


class Outcome(StrEnum):
    no_remote = "no_remote"
    up_to_date = "up_to_date"
    synced = "synced"
    offline = "offline"
    auth_failed = "auth_failed"
    rejected = "rejected"
    invalid_merge = "invalid_merge"
    invalid_file = "invalid_file"
    failed = "failed"


OK_OUTCOMES = frozenset({Outcome.no_remote, Outcome.up_to_date, Outcome.synced})


@dataclass(frozen=True)
class SyncResult:
    outcome: Outcome
    message: str
    committed: bool = False
    pushed_commits: int = 0
    pulled_commits: int = 0
    pushed_records: int = 0
    pulled_records: int = 0
    conflicts: int = 0  # conflicts this sync added, for review
    remote: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome in OK_OUTCOMES


class _Stop(Exception):
    """Ends a sync early with a result."""

    def __init__(self, result: SyncResult) -> None:
        super().__init__(result.message)
        self.result = result


# -- what changed ------------------------------------------------------------------------
def changed_records(old: Tables, new: Tables) -> dict[str, int]:
    """How many records of each table differ between two versions."""
    counts: dict[str, int] = {}
    for name in sorted((set(old) | set(new)) - {META_TABLE}):
        a, b = old.get(name, {}), new.get(name, {})
        changed = sum(1 for rid in a.keys() | b.keys() if a.get(rid) != b.get(rid))
        if changed:
            counts[name] = changed
    return counts


def describe_changes(counts: dict[str, int]) -> str:
    """'3 tasks, 1 meeting' (or 'no records' when only the layout changed)."""
    return ", ".join(records_of(name, count) for name, count in counts.items()) or "no records"


def _decode(raw: bytes | None, path: Path) -> Tables:
    return decode_document(raw, path) if raw else {}


def _read_valid(path: Path) -> Tables:
    from store.merge import validate_tables  # imports pydantic: only when a sync really runs

    tables = decode_document(read_regular(path), path)
    validate_tables(tables, path)
    return tables


def _unresolved_ids(tables: Tables) -> set[str]:
    return {
        rid for rid, doc in tables.get("conflicts", {}).items() if not doc.get("resolved") and not doc.get("deleted")
    }


# -- classifying git's failures ----------------------------------------------------------
def _network_failure(run: GitRun, remote: str) -> SyncResult:
    words = run.stderr.lower()
    if any(word in words for word in _AUTH_WORDS):
        return SyncResult(
            Outcome.auth_failed,
            f"{remote} refused the credentials ({run.reason}); your work is saved in a local commit",
            remote=remote,
        )
    return SyncResult(
        Outcome.offline,
        f"could not reach {remote} ({run.reason}); your work is saved in a local commit and syncs next time",
        remote=remote,
    )


def _is_rejected(run: GitRun) -> bool:
    words = run.stderr.lower()
    return any(word in words for word in _REJECTED_WORDS)


# -- the procedure -------------------------------------------------------------------------
class _Sync:
    def __init__(self, folder: Path, timeout: float) -> None:
        self.folder = folder
        self.path = folder / DATA_FILE
        self.timeout = timeout
        self.git = GitRunner(folder)
        self.remote = ""
        self.committed = False
        self.pulled_commits = 0
        self.pulled_records = 0
        self.new_conflicts: set[str] = set()
        self.tables: Tables = {}  # the workspace as it is on disk now

    def result(self, outcome: Outcome, message: str, **extra: Any) -> SyncResult:
        return SyncResult(
            outcome,
            message,
            committed=self.committed,
            pulled_commits=self.pulled_commits,
            pulled_records=self.pulled_records,
            conflicts=len(self.new_conflicts),
            remote=self.remote,
            **extra,
        )

    async def run(self) -> SyncResult:
        try:
            return await self._run()
        except _Stop as stop:
            return stop.result
        except WorkspaceFileError as error:
            return self.result(Outcome.invalid_file, f"nothing was synced: {error}")
        except GitTimeout as error:
            return self.result(Outcome.offline, f"{error}; your work is saved in a local commit")
        except AlineaError as error:
            return self.result(Outcome.failed, f"sync failed: {error}; your changes are kept locally")

    async def _run(self) -> SyncResult:
        await self._finish_leftover_merge()
        self.tables = _read_valid(self.path)
        await self._commit_if_dirty(self.tables)
        self.remote = await self._remote_name()
        if not self.remote:
            saved = "saved your changes in a local commit" if self.committed else "everything is saved locally"
            share = "share it with `git remote add origin URL`, then sync"
            return self.result(Outcome.no_remote, f"no remote to sync with: {saved} ({share})")
        branch = (await self.git.out("symbolic-ref", "--short", "HEAD")).strip()
        for _ in range(PUSH_TRIES):
            upstream_tables, upstream = await self._fetch_and_merge(branch)
            ahead = int(
                (await self.git.out("rev-list", "--count", f"{upstream}..HEAD" if upstream else "HEAD")).strip()
            )
            if ahead == 0:
                return self._pulled_only()
            push = await self.git.run(
                "push", "--quiet", "--set-upstream", self.remote, f"HEAD:refs/heads/{branch}", timeout=self.timeout
            )
            if push.ok:
                pushed = sum(changed_records(upstream_tables, self.tables).values())
                return self._synced(ahead, pushed)
            if not _is_rejected(push):
                return self._failure(push)
        return self.result(
            Outcome.rejected,
            f"{self.remote} kept rejecting the push after {PUSH_TRIES} tries; "
            "your work is saved in a local commit and syncs next time",
        )

    async def _finish_leftover_merge(self) -> None:
        if rebase_in_progress(self.folder):
            raise _Stop(self.result(Outcome.invalid_merge, REBASE_WORDS))
        if is_merging(self.folder):
            try:
                await asyncio.to_thread(finish_merge_locked, self.folder)
            except AlineaError as error:
                message = f"an unfinished git merge is in the way: {error}"
                raise _Stop(self.result(Outcome.invalid_merge, message)) from None

    async def _commit_if_dirty(self, tables: Tables) -> None:
        if not (await self.git.out("status", "--porcelain", "--", DATA_FILE)).strip():
            return
        head = await self.git.run("show", f"HEAD:{DATA_FILE}")
        try:
            before = _decode(head.raw if head.ok else None, self.path)
        except WorkspaceFileError:
            before = {}  # a damaged last commit: the message just counts every record
        message = f"alinea: {describe_changes(changed_records(before, tables))} changed"
        await self.git.out("add", "--", DATA_FILE)
        await self.git.out("commit", "--quiet", "--no-verify", "-m", message, "--", DATA_FILE)
        self.committed = True

    async def _remote_name(self) -> str:
        remotes = (await self.git.out("remote")).split()
        return "origin" if "origin" in remotes else (remotes[0] if remotes else "")

    async def _fetch_and_merge(self, branch: str) -> tuple[Tables, str]:
        """Fetch, merge the remote branch if it moved; the remote's tables and ref ('' if it has none)."""
        fetch = await self.git.run("fetch", "--quiet", self.remote, timeout=self.timeout)
        if not fetch.ok:
            raise _Stop(self._failure(fetch))
        upstream = f"refs/remotes/{self.remote}/{branch}"
        if not (await self.git.run("rev-parse", "--verify", "--quiet", upstream)).ok:
            return {}, ""  # an empty remote: the push creates the branch
        try:
            upstream_tables = _decode((await self.git.run("show", f"{upstream}:{DATA_FILE}")).raw, self.path)
        except WorkspaceFileError as error:
            reason = error.reason
            if (await self.git.run("ls-tree", upstream, "--", DATA_FILE)).stdout.startswith(("120000", "160000")):
                reason = f"its {DATA_FILE} is a symbolic link or a submodule, never a workspace file"
            message = f"{self.remote}'s copy cannot be merged and nothing was pushed: {reason}"
            raise _Stop(self.result(Outcome.invalid_merge, message)) from None
        behind = int((await self.git.out("rev-list", "--count", f"HEAD..{upstream}")).strip())
        if behind:
            await self._merge(upstream, upstream_tables)
            self.pulled_commits += behind
        return upstream_tables, upstream

    async def _merge(self, upstream: str, upstream_tables: Tables) -> None:
        before_head = (await self.git.out("rev-parse", "HEAD")).strip()
        local = self.tables
        merge = await self.git.run(
            "-c", f"merge.alinea.driver={merge_driver_command()}",
            "-c", f"merge.alinea.name={DRIVER_NAME}",
            "merge", "--quiet", "--no-edit", "--no-verify", "--allow-unrelated-histories",
            "-m", f"alinea: merge {upstream.removeprefix('refs/remotes/')}", upstream,
        )  # fmt: skip
        try:
            if not merge.ok:
                if not is_merging(self.folder):
                    raise GitError(f"git merge failed: {merge.reason}")
                await asyncio.to_thread(finish_merge_locked, self.folder)
            merged = _read_valid(self.path)
        except AlineaError as error:
            await self._undo_merge(before_head)
            raise _Stop(
                self.result(
                    Outcome.invalid_merge,
                    f"the merge with {self.remote} was aborted and nothing was pushed: {error}",
                )
            ) from None
        self.tables = merged
        self.pulled_records += sum(changed_records(local, merged).values())
        self.new_conflicts |= _unresolved_ids(merged) - _unresolved_ids(local) - _unresolved_ids(upstream_tables)

    async def _undo_merge(self, before_head: str) -> None:
        """Back to the local commit we had; it holds every local edit."""
        if is_merging(self.folder):
            await self.git.run("merge", "--abort")
        await self.git.run("reset", "--keep", before_head)
        remove_merge_leftovers(self.folder)

    def _failure(self, run: GitRun) -> SyncResult:
        failed = _network_failure(run, self.remote)
        return self.result(failed.outcome, failed.message)

    def _pulled_only(self) -> SyncResult:
        if not self.pulled_commits:
            return self.result(Outcome.up_to_date, f"up to date with {self.remote}")
        return self.result(Outcome.synced, f"synced with {self.remote}: {self._words(0)}")

    def _synced(self, pushed_commits: int, pushed_records: int) -> SyncResult:
        return self.result(
            Outcome.synced,
            f"synced with {self.remote}: {self._words(pushed_records)}",
            pushed_commits=pushed_commits,
            pushed_records=pushed_records,
        )

    def _words(self, pushed_records: int) -> str:
        words = f"pushed {plural(pushed_records, 'change')}, pulled {plural(self.pulled_records, 'change')}"
        if self.new_conflicts:
            words += f", {plural(len(self.new_conflicts), 'conflict')} to review (`alinea conflicts`)"
        return words


async def sync(folder: Path, *, timeout: float = NETWORK_TIMEOUT, workspace: Any = None) -> SyncResult:
    """Sync a workspace folder with its remote; ``workspace`` (if given) reloads afterwards.

    Holds the save lock for the whole sync, so no edit is saved halfway through it.
    """
    folder = Path(folder).resolve()
    lock = FileLock(lock_path_for(folder / DATA_FILE), timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout:
        return SyncResult(Outcome.failed, "another alinea is saving or syncing this workspace; try again")
    try:
        result = await _Sync(folder, timeout).run()
    finally:
        lock.release()
    if workspace is not None:
        workspace.reload_if_changed()
    return result


def sync_workspace(folder: Path, timeout: float = NETWORK_TIMEOUT) -> SyncResult:
    """The synchronous sync, for the CLI and worker threads."""
    return asyncio.run(sync(folder, timeout=timeout))


# -- status for the header -------------------------------------------------------------
@dataclass(frozen=True)
class SyncStatus:
    has_remote: bool
    ahead: int
    behind: int
    dirty: bool
    merging: bool
    conflicts: int

    @property
    def label(self) -> str:
        parts = []
        if self.merging:
            parts.append("unfinished merge")
        if self.dirty:
            parts.append("unsynced changes")
        if self.ahead:
            parts.append(f"{self.ahead} to push")
        if self.behind:
            parts.append(f"{self.behind} to pull")
        if self.conflicts:
            parts.append(plural(self.conflicts, "conflict"))
        if not self.has_remote:
            parts.append("local only")
        return ", ".join(parts) or "synced"


def status(folder: Path, workspace: Any = None) -> SyncStatus:
    """Local sync state (as of the last fetch): no network, fast enough for a header."""
    folder = Path(folder)
    has_remote = bool(run_git(folder, "remote").split())
    ahead = behind = 0
    try:
        counts = run_git(folder, "rev-list", "--left-right", "--count", "HEAD...@{upstream}").split()
        ahead, behind = int(counts[0]), int(counts[1])
    except GitError:
        pass  # no upstream yet
    # A header's status read must never take .git/index.lock: a commit running at the same
    # moment (a save's sync, the welcome's sample) would fail on it.
    dirty = bool(run_git(folder, "--no-optional-locks", "status", "--porcelain", "--", DATA_FILE).strip())
    if workspace is not None:
        conflicts = sum(1 for c in workspace.records("conflicts") if not c.resolved)
    else:
        path = folder / DATA_FILE
        try:
            conflicts = len(_unresolved_ids(decode_document(path.read_bytes(), path)))
        except (OSError, WorkspaceFileError):
            conflicts = 0
    return SyncStatus(has_remote, ahead, behind, dirty, is_merging(folder), conflicts)


# -- joining and sharing ---------------------------------------------------------------
def setup_remote(folder: Path, url: str, timeout: float = NETWORK_TIMEOUT) -> SyncResult:
    """Make ``url`` the workspace's origin and sync (an empty remote gets our branch).

    Raises GitError when the first sync fails; origin stays set, so `alinea sync` works later.
    """
    folder = Path(folder)
    remotes = run_git(folder, "remote").split()
    run_git(folder, "remote", "set-url" if "origin" in remotes else "add", "origin", url)
    result = sync_workspace(folder, timeout=timeout)
    if not result.ok:
        raise GitError(f"origin is set to {url}, but the first sync failed: {result.message}")
    return result


async def _clone(url: str, folder: Path, timeout: float) -> GitRun:
    return await GitRunner(folder.parent).run("clone", "--quiet", "--", url, str(folder), timeout=timeout)


def _check_out_the_workspace_branch(folder: Path) -> None:
    """A bare remote made with `git init --bare` may point HEAD at a branch nobody pushed
    (master), so the clone checks out nothing: take main, else the remote's only branch."""
    branches = [b.strip() for b in run_git(folder, "branch", "-r", "--format=%(refname:short)").split()]
    branches = [b for b in branches if b.startswith("origin/") and b != "origin/HEAD"]
    chosen = "origin/main" if "origin/main" in branches else branches[0] if len(branches) == 1 else None
    if chosen is not None:
        run_git(folder, "checkout", "--quiet", "-B", chosen.removeprefix("origin/"), "--track", chosen)


def clone_workspace(url: str, folder: Path, timeout: float = NETWORK_TIMEOUT) -> Path:
    """Clone a team's workspace, install the merge driver and check the file."""
    from store.repo import install_merge_driver
    from store.workspace import Workspace

    folder = Path(folder).absolute()
    if folder.exists() and any(folder.iterdir()):
        raise AlineaError(f"{folder} is not empty: choose a new folder for the clone")
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        done = asyncio.run(_clone(url, folder, timeout))
    except GitTimeout as error:
        raise GitError(f"could not clone {url}: {error}") from None
    if not done.ok:
        raise GitError(f"could not clone {url}: {done.reason}")
    if not (folder / DATA_FILE).is_file():
        _check_out_the_workspace_branch(folder)
    if not (folder / DATA_FILE).is_file():
        raise AlineaError(
            f"{url} holds no alinea workspace (no {DATA_FILE}); to share a new one, "
            f"use `alinea init DIR --remote {url}`"
        )
    install_merge_driver(folder)
    Workspace(folder).check()
    return folder
