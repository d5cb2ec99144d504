"""Sync a workspace with its git remote (DESIGN section 5), without ever losing an edit.

validate → commit if dirty (under the save lock) → fetch (no lock: saves never wait on
the network) → merge with alinea's record merge (under the lock; never rebase; forced by
$GIT_DIR/info/attributes whatever the committed .gitattributes say, run in this process
on the index stages git leaves) → validate what was merged → push → on a rejected push wait a
jittered moment, fetch what is new and merge again, until a deadline. Every outcome is a
SyncResult whose ``message`` says in plain words what happened. Whatever the outcome,
the local commit stays in place; nothing invalid is committed or pushed.

Each version of the file is read from git and decoded at most once per sync, and what a
sync validates and counts comes from the canonical file's lines (store.synclines): only
records on lines that the last version this clone checked lacks are validated.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from store.errors import AlineaError, WorkspaceFileError
from store.gitenv import ensure_merge_attributes, person_ssh_command
from store.gitrun import NETWORK_TIMEOUT, GitRun, GitRunner, GitTimeout
from store.gitwords import Failure, explain
from store.i18n import _, ngettext
from store.interrupted import LOCK_TIMEOUT, REBASE_WORDS, finish_merge_known, is_merging, remove_merge_leftovers
from store.paths import rebase_in_progress
from store.repo import GitError, run_git
from store.storage import (
    META_TABLE,
    Tables,
    decode_document,
    encode_document,
    file_signature,
    lock_path_for,
    read_regular,
)
from store.synclines import (
    LineSets,
    blob_id,
    changed_counts,
    checked_blobs,
    file_lines,
    line_sets,
    records_to_check,
    remember_checked,
)
from store.vocabulary import count_of
from store.workspace import DATA_FILE

#: how long a sync keeps merging and retrying a rejected push (the CLI's deadline)
RETRY_BUDGET = 30.0
#: jittered backoff between tries: a random wait up to BACKOFF_FIRST × 2^n, at most BACKOFF_MAX
BACKOFF_FIRST = 0.15
BACKOFF_MAX = 4.0
#: the shortest network timeout a retry gets, whatever is left of the deadline
RETRY_FLOOR = 10.0
DRIVER_NAME = "alinea record-level merge"

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
        # the same dict (a merge shares the records it took) is the same record: no comparison needed
        changed = sum(1 for rid in a.keys() | b.keys() if (x := a.get(rid)) is not (y := b.get(rid)) and x != y)
        if changed:
            counts[name] = changed
    return counts


def describe_changes(counts: dict[str, int]) -> str:
    """'3 tasks, 1 meeting' (or 'no records' when only the layout changed): for the commit
    message, which the whole team reads in the history, so in English whatever my language."""
    return ", ".join(count_of(name, count, translated=False) for name, count in counts.items()) or "no records"


def _decode(raw: bytes | None, path: Path) -> Tables:
    return decode_document(raw, path) if raw else {}


def _unresolved_ids(tables: Tables) -> set[str]:
    return {
        rid for rid, doc in tables.get("conflicts", {}).items() if not doc.get("resolved") and not doc.get("deleted")
    }


# -- classifying git's failures ----------------------------------------------------------
def _is_rejected(run: GitRun) -> bool:
    words = run.stderr.lower()
    return any(word in words for word in _REJECTED_WORDS)


def _backoff(tries: int, rng: random.Random) -> float:
    """Full jitter: clones that collided pick different moments to try again."""
    return rng.uniform(0.2, 1.0) * min(BACKOFF_MAX, BACKOFF_FIRST * 2 ** (tries - 1))


# -- the procedure -------------------------------------------------------------------------
class _Sync:
    def __init__(self, folder: Path, timeout: float, budget: float) -> None:
        self.folder = folder
        self.path = folder / DATA_FILE
        self.timeout = timeout
        self.budget = budget
        self.deadline = time.monotonic() + budget
        self.git = GitRunner(folder)
        self.lock = FileLock(lock_path_for(self.path), timeout=LOCK_TIMEOUT)
        self.remote = ""
        self.branch = ""
        self.tries = 0
        self.committed = False
        self.pulled_commits = 0
        self.pulled_records = 0
        self.new_conflicts: set[str] = set()
        self.tables: Tables = {}  # the workspace as last validated (it is what HEAD holds)
        self.raw = b""  # its bytes
        self.checked = False  # whether every line of self.raw is a checked record (store.synclines)
        self._blobs: dict[str, bytes] = {}  # versions of the file read from git in this sync, by blob id
        self._split: dict[int, tuple[bytes, LineSets | None]] = {}  # their lines, by the bytes' identity
        self._counted: dict[tuple[int, int], dict[str, int]] = {}  # changes between two of them
        self._merged_with: Tables | None = None  # the remote's tables the last merge took records from
        self._pushes = 0  # records the last merge's result holds differently from _merged_with
        self._signature: tuple[int, int, int] | None = None  # the file as last read (store.storage)

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
            return self.result(Outcome.invalid_file, _("nothing was synced: {error}").format(error=error))
        except GitTimeout as error:
            return self.result(Outcome.offline, _("{error}; your work is saved in a local commit").format(error=error))
        except AlineaError as error:
            return self.result(
                Outcome.failed, _("sync failed: {error}; your changes are kept locally").format(error=error)
            )
        except OSError as error:
            where = error.filename or self.path
            return self.result(
                Outcome.failed,
                _("sync failed: {where}: {error}; your changes are kept locally").format(
                    where=where, error=error.strerror or error
                ),
            )

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """The save lock, held only while git or alinea writes the workspace: never across the network."""
        try:
            self.lock.acquire()
        except Timeout:
            raise _Stop(
                self.result(Outcome.failed, _("another alinea is saving or syncing this workspace; try again"))
            ) from None
        try:
            yield
        finally:
            self.lock.release()

    def _network_timeout(self) -> float:
        """The network timeout; a retry's is cut short by the deadline (but never below RETRY_FLOOR,
        so a retry that started is not killed halfway on a slow machine)."""
        if self.tries <= 1:
            return self.timeout
        return min(self.timeout, max(RETRY_FLOOR, self.deadline - time.monotonic()))

    async def _run(self) -> SyncResult:
        ensure_merge_attributes(self.folder)
        with self._locked():
            await self._finish_leftover_merge()
            head = await self._blob_id("HEAD")
            self._read_checked(await self._blob_bytes(head) if head in checked_blobs(self.folder) else None)
            await self._commit_if_dirty()
        self.remote = await self._remote_name()
        if not self.remote:
            if self.committed:
                words = _(
                    "no remote to sync with: saved your changes in a local commit"
                    " (share it with `git remote add origin URL`, then sync)"
                )
            else:
                words = _(
                    "no remote to sync with: everything is saved locally"
                    " (share it with `git remote add origin URL`, then sync)"
                )
            return self.result(Outcome.no_remote, words)
        self.branch = (await self.git.out("symbolic-ref", "--short", "HEAD")).strip()
        rng = random.Random()
        while True:
            self.tries += 1
            upstream_tables, upstream = await self._fetch_and_merge()
            ahead = int(
                (await self.git.out("rev-list", "--count", f"{upstream}..HEAD" if upstream else "HEAD")).strip()
            )
            if ahead == 0:
                return self._pulled_only()
            before = await self._blob(upstream) if upstream else None  # read before the push moves the ref
            push = await self.git.run(
                "push", "--quiet", "--set-upstream", self.remote, f"HEAD:refs/heads/{self.branch}",
                timeout=self._network_timeout(),
            )  # fmt: skip
            if push.ok:
                if upstream_tables is not None and upstream_tables is self._merged_with:
                    pushed = self._pushes  # counted by the merge
                else:
                    pushed = sum(self._changes(before, upstream_tables, self.raw, self.tables).values())
                return self._synced(ahead, pushed)
            if not _is_rejected(push):
                return await self._failure(push)
            pause = _backoff(self.tries, rng)
            if time.monotonic() + pause >= self.deadline:
                return self.result(
                    Outcome.rejected,
                    ngettext(
                        "{remote} kept rejecting the push for {seconds:.0f} s ({count:,} try: teammates kept pushing"
                        " first); your work is saved in a local commit and syncs next time",
                        "{remote} kept rejecting the push for {seconds:.0f} s ({count:,} tries: teammates kept pushing"
                        " first); your work is saved in a local commit and syncs next time",
                        self.tries,
                    ).format(remote=self.remote, seconds=self.budget, count=self.tries),
                )
            await asyncio.sleep(pause)

    async def _finish_leftover_merge(self) -> None:
        """store.opening's order, under the sync's lock: the driver entry, then a half-done merge."""
        from store.opening import ready_git

        if rebase_in_progress(self.folder):
            raise _Stop(self.result(Outcome.invalid_merge, _(REBASE_WORDS)))
        try:
            await asyncio.to_thread(ready_git, self.folder, will_write=True, lock_held=True, strict=True)
        except AlineaError as error:
            message = _("an unfinished git merge is in the way: {error}").format(error=error)
            raise _Stop(self.result(Outcome.invalid_merge, message)) from None

    async def _dirty(self) -> bool:
        return bool((await self.git.out("status", "--porcelain", "--", DATA_FILE)).strip())

    def _read_checked(self, known: bytes | None) -> None:
        """Read and validate the workspace file into ``self.raw`` and ``self.tables``.

        With ``known``, a checked version (store.synclines), only the records on lines it
        lacks are validated; without it, or when the lines cannot be trusted, every record.
        """
        from store.merge import validate_tables  # imports pydantic: only when a sync really runs

        signature = file_signature(self.path)
        raw = read_regular(self.path)
        tables = decode_document(raw, self.path)
        todo = None
        if known is not None:
            lines, checked = self._lines(raw), self._lines(known)
            if lines is not None and checked is not None:
                todo = records_to_check(lines, tables, checked)
        if todo is not None:
            validate_tables(todo, self.path)
        else:
            validate_tables(tables, self.path)
        # a canonical file's lines are its records: checked, whatever the next version changes
        self.checked = todo is not None or encode_document(tables) == raw
        self.raw, self.tables, self._signature = raw, tables, signature
        if self.checked and raw != known:
            remember_checked(self.folder, blob_id(raw))

    async def _commit_if_dirty(self) -> None:
        """Commit the validated ``self.tables`` if the file differs from HEAD (hold the lock)."""
        if not await self._dirty():
            return
        head = await self._blob("HEAD")
        message = f"alinea: {describe_changes(self._changes(head, None, self.raw, self.tables))} changed"
        # `commit -- FILE` stages the file itself (one git process, as `git commit -a` is); a file
        # git does not track yet needs the `add` first
        commit = ("commit", "--quiet", "--no-verify", "-m", message, "--", DATA_FILE)
        if not (await self.git.run(*commit)).ok:
            await self.git.out("add", "--", DATA_FILE)
            await self.git.out(*commit)
        self.committed = True

    async def _blob(self, rev: str) -> bytes | None:
        """The bytes of the workspace file in a commit (None if it has none), read once per sync."""
        return await self._blob_bytes(await self._blob_id(rev))

    async def _blob_id(self, rev: str) -> str:
        found = await self.git.run("rev-parse", "--verify", "--quiet", f"{rev}:{DATA_FILE}")
        return found.stdout.strip() if found.ok else ""

    async def _blob_bytes(self, blob: str) -> bytes | None:
        if not blob:
            return None
        if blob not in self._blobs:
            shown = await self.git.run("cat-file", "blob", blob)
            if not shown.ok:
                return None  # not a file (a submodule)
            self._blobs[blob] = shown.raw
        return self._blobs[blob]

    def _lines(self, raw: bytes) -> LineSets | None:
        if id(raw) not in self._split:
            lines = file_lines(raw)
            self._split[id(raw)] = (raw, None if lines is None else line_sets(lines))  # bytes kept: ids stay theirs
        return self._split[id(raw)][1]

    def _changes(self, old: bytes | None, old_tables: Tables | None, new: bytes, new_tables: Tables) -> dict[str, int]:
        """Records changed between two versions: from their lines, else (a file laid out by hand)
        from their decoded records. A damaged old version counts every record as changed."""
        before, after = (self._lines(old) if old else {}), self._lines(new)
        if before is not None and after is not None:
            pair = (id(old), id(new))  # both kept alive by self._split
            if pair not in self._counted:
                self._counted[pair] = changed_counts(before, after)
            return self._counted[pair]
        if old_tables is None:
            try:
                old_tables = _decode(old, self.path)
            except WorkspaceFileError:
                old_tables = {}
        return changed_records(old_tables, new_tables)

    async def _remote_name(self) -> str:
        remotes = (await self.git.out("remote")).split()
        return "origin" if "origin" in remotes else (remotes[0] if remotes else "")

    async def _fetch(self) -> str:
        """Fetch the workspace's branch (what is new of it); its remote-tracking ref, '' if there is none."""
        upstream = f"refs/remotes/{self.remote}/{self.branch}"
        fetch = await self.git.run(
            "fetch", "--quiet", self.remote, f"+refs/heads/{self.branch}:{upstream}", timeout=self._network_timeout()
        )
        if not fetch.ok:
            if "couldn't find remote ref" not in fetch.stderr.lower():
                raise _Stop(await self._failure(fetch))
            return ""  # an empty remote (or not our branch yet): the push creates it
        return upstream

    async def _fetch_and_merge(self) -> tuple[Tables | None, str]:
        """Fetch, merge the remote branch if it moved; the remote's ref ('' if it has none) and its
        tables (None when there was nothing to merge: they were not decoded)."""
        upstream = await self._fetch()
        if not upstream:
            return {}, ""
        behind = int((await self.git.out("rev-list", "--count", f"HEAD..{upstream}")).strip())
        if not behind:
            return None, upstream  # an ancestor of HEAD: nothing of it to merge, nor to decode
        upstream_blob, upstream_tables = await self._remote_tables(upstream)
        with self._locked():
            await self._catch_up_with_saves()
            await self._merge(upstream, upstream_blob, upstream_tables)
        self.pulled_commits += behind
        return upstream_tables, upstream

    async def _remote_tables(self, upstream: str) -> tuple[str, Tables]:
        """The remote's copy (its blob id and tables), decoded strictly before anything is merged:
        a damaged one stops the sync."""
        blob = await self._blob_id(upstream)
        raw = await self._blob_bytes(blob)
        reason = ""
        try:
            tables = _decode(raw, self.path)
        except WorkspaceFileError as error:
            reason = error.reason
        if raw is None or reason:
            if (await self.git.run("ls-tree", upstream, "--", DATA_FILE)).stdout.startswith(("120000", "160000")):
                reason = _("its {file} is a symbolic link or a submodule, never a workspace file").format(
                    file=DATA_FILE
                )
        if reason:
            message = _("{remote}'s copy cannot be merged and nothing was pushed: {reason}").format(
                remote=self.remote, reason=reason
            )
            raise _Stop(self.result(Outcome.invalid_merge, message))
        return blob, tables

    async def _catch_up_with_saves(self) -> None:
        """Saves made while git talked to the remote: validate what they changed and commit them."""
        if file_signature(self.path) == self._signature or not await self._dirty():
            return  # a save replaces the file (a new inode): the same one is the file committed
        self._read_checked(self.raw if self.checked else None)
        await self._commit_if_dirty()

    async def _merge(self, upstream: str, upstream_blob: str, upstream_tables: Tables) -> None:
        before_head = (await self.git.out("rev-parse", "HEAD")).strip()
        local, local_raw = self.tables, self.raw
        # the versions this sync holds decoded, by blob id: the merge reads and decodes only the base
        known = {upstream_blob: upstream_tables} if upstream_blob else {}
        known[blob_id(local_raw)] = local
        # git leaves alinea.json unmerged (the driver line "false"), and this process merges it
        # from the index stages with the driver's own function: no new interpreter per merge,
        # and a sync killed halfway leaves stages that the next open or sync finishes the same way.
        merge = await self.git.run(
            "-c", "merge.alinea.driver=false",
            "-c", f"merge.alinea.name={DRIVER_NAME}",
            "merge", "--quiet", "--no-edit", "--no-verify", "--allow-unrelated-histories",
            "-m", f"alinea: merge {upstream.removeprefix('refs/remotes/')}", upstream,
        )  # fmt: skip
        try:
            done = None
            if not merge.ok:
                if not is_merging(self.folder):
                    raise GitError(_("git merge failed: {reason}").format(reason=merge.reason))
                done = await asyncio.to_thread(finish_merge_known, self.folder, known)
            if done is not None and done.payload is not None and done.tables is not None and done.ours_held:
                # merged and validated here, from our validated side: HEAD must hold exactly these bytes
                merged_blob = blob_id(done.payload)
                if await self._blob_id("HEAD") != merged_blob:
                    raise GitError(
                        _("after the merge, the merge commit's {file} is not the merged file").format(file=DATA_FILE)
                    )
                if read_regular(self.path) != done.payload:  # what is pushed is HEAD: the very file checked
                    raise GitError(_("after the merge, {file} differs from the merge commit").format(file=DATA_FILE))
                self.raw, self.tables, self.checked = done.payload, done.tables, True
                self._signature = file_signature(self.path)
                remember_checked(self.folder, merged_blob)
                self._merged_with, (pulled, self._pushes) = upstream_tables, done.tally
            else:
                self._read_checked(local_raw if self.checked else None)
                if await self._dirty():  # what is pushed is HEAD: it must be the very file just checked
                    raise GitError(_("after the merge, {file} differs from the merge commit").format(file=DATA_FILE))
                self._merged_with = None
                pulled = sum(self._changes(local_raw, local, self.raw, self.tables).values())
        except AlineaError as error:
            await self._undo_merge(before_head)
            raise _Stop(
                self.result(
                    Outcome.invalid_merge,
                    _("the merge with {remote} was aborted and nothing was pushed: {error}").format(
                        remote=self.remote, error=error
                    ),
                )
            ) from None
        self.pulled_records += pulled
        self.new_conflicts |= _unresolved_ids(self.tables) - _unresolved_ids(local) - _unresolved_ids(upstream_tables)

    async def _undo_merge(self, before_head: str) -> None:
        """Back to the local commit we had; it holds every local edit."""
        if is_merging(self.folder):
            await self.git.run("merge", "--abort")
        await self.git.run("reset", "--keep", before_head)
        remove_merge_leftovers(self.folder)

    async def _failure(self, run: GitRun) -> SyncResult:
        if run.returncode < 0:
            return self.result(
                Outcome.offline, _("the sync was stopped before it finished; your work is saved in a local commit")
            )
        url = (await self.git.run("remote", "get-url", self.remote)).stdout.strip()
        person = person_ssh_command(dict(self.git.env, GIT_SSH_COMMAND=""), self.git.config.get("core.sshcommand", ""))
        failure, words = explain(run.stderr, self.remote, url, self.git.ssh_command, person)
        outcome = Outcome.auth_failed if failure is Failure.auth_failed else Outcome.offline
        if outcome is Outcome.offline:
            words = _("{words}; your work is saved in a local commit and syncs next time").format(words=words)
            return self.result(outcome, words)
        return self.result(
            outcome, _("{words}; your work is saved in a local commit and syncs once this is fixed").format(words=words)
        )

    def _pulled_only(self) -> SyncResult:
        if not self.pulled_commits:
            return self.result(Outcome.up_to_date, _("up to date with {remote}").format(remote=self.remote))
        return self.result(Outcome.synced, self._synced_words(0))

    def _synced(self, pushed_commits: int, pushed_records: int) -> SyncResult:
        return self.result(
            Outcome.synced,
            self._synced_words(pushed_records),
            pushed_commits=pushed_commits,
            pushed_records=pushed_records,
        )

    def _synced_words(self, pushed_records: int) -> str:
        """ "synced with origin: pushed 2 changes, pulled 1 change" (and the tries, the conflicts)."""
        if self.tries > 1:
            head = _("synced with {remote} in {tries} tries (teammates were pushing too): {changes}")
        else:
            head = _("synced with {remote}: {changes}")
        return head.format(remote=self.remote, tries=self.tries, changes=self._words(pushed_records))

    def _words(self, pushed_records: int) -> str:
        pushed = ngettext("{count:,} change", "{count:,} changes", pushed_records).format(count=pushed_records)
        pulled = ngettext("{count:,} change", "{count:,} changes", self.pulled_records).format(
            count=self.pulled_records
        )
        if not self.new_conflicts:
            return _("pushed {pushed}, pulled {pulled}").format(pushed=pushed, pulled=pulled)
        count = len(self.new_conflicts)
        return ngettext(
            "pushed {pushed}, pulled {pulled}, {count:,} conflict to review (`alinea conflicts`)",
            "pushed {pushed}, pulled {pulled}, {count:,} conflicts to review (`alinea conflicts`)",
            count,
        ).format(pushed=pushed, pulled=pulled, count=count)


async def sync(
    folder: Path, *, timeout: float = NETWORK_TIMEOUT, budget: float = RETRY_BUDGET
) -> SyncResult:
    """Sync a workspace folder with its remote.

    ``budget``: seconds to keep merging and retrying a rejected push (the app passes what is
    left of its quit wait). The save lock is held only to commit and to merge, never while
    git talks to the remote, so a save never waits on the network.
    """
    folder = Path(folder).resolve()
    result = await _Sync(folder, timeout, budget).run()
    return result


def sync_workspace(folder: Path, timeout: float = NETWORK_TIMEOUT, budget: float = RETRY_BUDGET) -> SyncResult:
    """The synchronous sync, for the CLI and worker threads."""
    return asyncio.run(sync(folder, timeout=timeout, budget=budget))


# -- status for the header -------------------------------------------------------------
@dataclass(frozen=True)
class SyncStatus:
    has_remote: bool
    ahead: int
    behind: int
    dirty: bool
    merging: bool
    conflicts: int


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
        raise GitError(
            _("origin is set to {url}, but the first sync failed: {message}").format(url=url, message=result.message)
        )
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
    from store.opening import ready_git
    from store.workspace import Workspace

    folder = Path(folder).absolute()
    if folder.exists() and any(folder.iterdir()):
        raise AlineaError(_("{folder} is not empty: choose a new folder for the clone").format(folder=folder))
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        done = asyncio.run(_clone(url, folder, timeout))
    except GitTimeout as error:
        raise GitError(_("could not clone {url}: {reason}").format(url=url, reason=error)) from None
    if not done.ok:
        raise GitError(_("could not clone {url}: {reason}").format(url=url, reason=done.reason))
    if not (folder / DATA_FILE).is_file():
        _check_out_the_workspace_branch(folder)
    if not (folder / DATA_FILE).is_file():
        raise AlineaError(
            _("{url} holds no alinea workspace (no {file}); to share a new one, use `alinea init DIR --remote {url}`")
            .format(url=url, file=DATA_FILE)
        )
    ready_git(folder, will_write=True)
    Workspace(folder).check()
    return folder
