"""`make bench` section "merge": the record merge and a full sync on the large workspace.

Figures (DESIGN section 8: the merge of two large workspaces with 1,000 concurrent edits
each must take ≤ 1 s):
- the pure ``merge()`` of the decoded tables;
- the driver's work in-process: decode the three versions, merge, validate, encode;
- the git merge driver as git runs it (``python -m store.merge``, a new interpreter);
- ``alinea sync`` rounds on a local bare remote, beside plain git doing the same commit,
  fetch, text merge and push on clones of the same repository, same run (DESIGN: ≤ 1.5×):
  a round with nothing to merge (commit + push 1,000 edits), and a round where the other
  clone pushed 1,000 edits first (fetch, record merge, validate, push), several runs each;
- sixteen clones syncing at once (parallel CLI processes, one bare remote): the time until
  the last one finishes, and the tries each sync needed.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

EDITS = 1_000
#: a tenth of the edited records are edited on both sides, a third of those in the same field
TABLES = ("tasks", "feedback", "agenda_items")


def run(report: Any) -> None:
    from store.merge import merge, merge_bytes
    from store.storage import decode_document, encode_document

    base_raw = _base_raw(report)
    path = Path("alinea.json")
    base = decode_document(base_raw, path)
    ours = concurrent_edits(base, random.Random(1), "ana@example.com", "2030-01-01T10:00:00.000000+00:00")
    theirs = concurrent_edits(base, random.Random(2), "ben@example.com", "2030-01-01T11:00:00.000000+00:00")
    ours_raw, theirs_raw = encode_document(ours), encode_document(theirs)
    runs = report.runs if report.quick else max(5, report.runs)
    conflicts = len(merge(base, ours, theirs)[1])
    report(
        "merge(): 2 × 1,000 concurrent edits",
        report.samples(lambda: merge(base, ours, theirs), runs),
        "ms",
        f"{conflicts} conflicts logged; target ≤ 1000 ms",
    )
    report(
        "  + decode 3, validate, encode",
        report.samples(lambda: merge_bytes(base_raw, ours_raw, theirs_raw, path), runs),
        "ms",
        "target ≤ 1000 ms",
    )
    report(
        "  as the git driver (new interpreter)",
        _driver_samples(report, base_raw, ours_raw, theirs_raw, runs),
        "ms",
        "python -m store.merge %O %A %B %P",
    )
    _sync_rounds(report, runs)
    _stampede(report, 4 if getattr(report, "smoke", False) else 16)


def concurrent_edits(tables: dict[str, Any], rng: random.Random, who: str, stamp: str) -> dict[str, Any]:
    """1,000 edits as one person's clone would hold them: some records shared with the other side."""
    edited = {name: dict(records) for name, records in tables.items()}
    pool = sorted(rid for name in TABLES for rid in tables[name])
    edits = min(EDITS, len(pool) // 2)  # a small stand-in workspace gets fewer
    shared = random.Random(0).sample(pool, edits // 10)  # the same records on both sides
    own = rng.sample(sorted(set(pool) - set(shared)), edits - len(shared))
    for index, rid in enumerate(shared + own):
        name = next(n for n in TABLES if rid in tables[n])
        record = edited[name][rid]
        field = _field(name, index if index < len(shared) // 3 else index + rng.randrange(1, 3))
        value = _value(name, field, who, index)
        edited[name][rid] = {**record, field: value, "updated_at": stamp, "updated_by": who, "rev": record["rev"] + 1}
    return edited


def _field(table: str, index: int) -> str:
    fields = {
        "tasks": ("title", "status", "priority"),
        "feedback": ("body", "status", "response"),
        "agenda_items": ("title", "notes", "outcome"),
    }[table]
    return fields[index % 3]


def _value(table: str, field: str, who: str, index: int) -> str:
    if field == "status":
        return {"tasks": ("todo", "doing", "done"), "feedback": ("open", "acknowledged", "resolved")}[table][
            (index + len(who)) % 3
        ]
    if field == "priority":
        return ("low", "high", "urgent")[(index + len(who)) % 3]
    return f"Edited by {who} ({index})"


def _base_raw(report: Any) -> bytes:
    folder = getattr(report, "large_workspace", None)
    if folder is not None:
        return (Path(folder) / "alinea.json").read_bytes()
    from store.storage import encode_document
    from tests.bench.large import make_large_tables

    return encode_document(make_large_tables(seed=0))


def _driver_samples(report: Any, base: bytes, ours: bytes, theirs: bytes, runs: int) -> list[float]:
    folder = Path(report.scratch) / "driver"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / name for name in ("base", "ours", "theirs")]
    for path, payload in zip(paths, (base, ours, theirs), strict=True):
        path.write_bytes(payload)

    def once() -> None:
        paths[1].write_bytes(ours)  # the driver writes its result into %A
        command = [sys.executable, "-m", "store.merge", *map(str, paths), "alinea.json"]
        subprocess.run(command, check=True, stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)

    return report.samples(once, runs)


# -- a full sync round, beside plain git ----------------------------------------------------
def _sync_rounds(report: Any, runs: int) -> None:
    """Two kinds of round, each beside plain git on a copy of the same repository, same edits.

    First Ben alone, ``runs`` times: 1,000 edits, then a sync with nothing to merge (commit,
    fetch, push). Then Ana and Ben take ``runs`` turns: each edits 1,000 records, then
    syncs, merging the other's push. Plain git does the same on two clones of a second bare
    copy: commit, fetch, text merge (``-X ours``: the driverless merge would stop at the
    same-line conflicts), push. Each alinea sync is timed right beside its plain git twin, so both
    see the same load on the machine; the ratio is of the medians.
    """
    (ana, ben), (plain_ana, plain_ben) = _two_clones(report, "alinea"), _two_clones(report, "git", plain=True)
    first: dict[str, list[float]] = {"alinea": [], "git": []}
    for round_ in range(runs):
        _timed_pair(first, (ben, plain_ben), "ben", f"2031-01-01T09:{round_:02d}:00.000000+00:00", 900 + round_)
    merged: dict[str, list[float]] = {"alinea": [], "git": []}
    for turn in range(runs):  # Ana, Ben, Ana, …: each merges what the other pushed last
        who, folders, hour = ("ana", (ana, plain_ana), 11) if turn % 2 == 0 else ("ben", (ben, plain_ben), 10)
        _timed_pair(merged, folders, who, f"2031-01-01T{hour}:{turn:02d}:00.000000+00:00", hour * 100 + turn)
    report("alinea sync: commit + push 1,000 edits", first["alinea"], "ms", "nothing to merge")
    report("  plain git: commit + push", first["git"], "ms", "the same edits, a copy of the same repository")
    report("  commit + push: alinea / git (medians)", _ratio(first), "×", "target ≤ 1.5×")
    report("alinea sync: commit, fetch, merge, push", merged["alinea"], "ms", "the other pushed 1,000 edits first")
    report("  plain git: commit, fetch, text merge, push", merged["git"], "ms", "same run, same edits")
    report("  with a merge: alinea / git (medians)", _ratio(merged), "×", "target ≤ 1.5×")


def _timed_pair(times: dict[str, list[float]], folders: tuple[Path, Path], who: str, stamp: str, seed: int) -> None:
    """The same 1,000 edits synced by alinea in one clone and by plain git in its twin."""
    from store.gitsync import sync_workspace

    for tool, folder in zip(("alinea", "git"), folders, strict=True):
        _edit_file(folder, random.Random(seed), f"{who}@example.com", stamp)
        start = time.perf_counter()
        if tool == "alinea":
            result = sync_workspace(folder)
            assert result.ok, result.message
        else:
            _plain_git_sync(folder)
        times[tool].append((time.perf_counter() - start) * 1000)


def _ratio(times: dict[str, list[float]]) -> float:
    return statistics.median(times["alinea"]) / statistics.median(times["git"])


def _plain_git_sync(folder: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=folder, check=True, stdin=subprocess.DEVNULL, capture_output=True)

    git("commit", "--quiet", "-am", "edits")
    git("fetch", "--quiet", "origin")
    git("merge", "--quiet", "--no-edit", "-X", "ours", "origin/main")
    git("push", "--quiet", "origin", "HEAD:main")


def _two_clones(report: Any, name: str, *, plain: bool = False) -> tuple[Path, Path]:
    from store.gitsync import clone_workspace
    from store.repo import init_workspace, run_git

    scratch = Path(report.scratch) / f"sync-{name}"
    remote = scratch / "team.git"
    remote.parent.mkdir(parents=True, exist_ok=True)
    source = getattr(report, "large_workspace", None)
    if source is None:
        source = init_workspace(scratch / "source")
        (source / "alinea.json").write_bytes(_base_raw(report))
        run_git(source, "commit", "--quiet", "-am", "large workspace")
    subprocess.run(["git", "clone", "--quiet", "--bare", str(source), str(remote)], check=True)
    if not plain:
        return clone_workspace(str(remote), scratch / "ana"), clone_workspace(str(remote), scratch / "ben")
    for who in ("ana", "ben"):  # no driver configured: git merges alinea.json as text
        subprocess.run(["git", "clone", "--quiet", str(remote), str(scratch / who)], check=True)
    return scratch / "ana", scratch / "ben"


# -- everyone at once ---------------------------------------------------------------------------
def _stampede(report: Any, clones: int) -> None:
    """Sixteen leads close the app at the same moment: every clone adds five tasks, edits one
    shared task and syncs, all at once, against one local bare remote."""
    from store.gitsync import clone_workspace
    from store.repo import init_workspace, run_git
    from store.workspace import Workspace

    scratch = Path(report.scratch) / "stampede"
    source = init_workspace(scratch / "source")
    shared = Workspace(source, who="lead@example.com").create("tasks", title="Offsite agenda").id
    run_git(source, "commit", "--quiet", "-am", "shared task")
    remote = scratch / "team.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", str(source), str(remote)], check=True)
    folders = []
    for number in range(clones):
        folder = clone_workspace(str(remote), scratch / f"lead{number}")
        workspace = Workspace(folder, who=f"lead{number}@example.com")
        for task in range(5):
            workspace.create("tasks", title=f"Lead {number} task {task}")
        workspace.update("tasks", shared, description=f"Notes from lead {number}")
        folders.append(folder)
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    command = [sys.executable, "-m", "tui.cli", "-w"]
    start = time.perf_counter()
    runs = [
        subprocess.Popen([*command, str(folder), "sync"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=env)
        for folder in folders
    ]  # fmt: skip
    done = [(run.wait(120), *run.communicate()) for run in runs]
    elapsed = (time.perf_counter() - start) * 1000
    failed = sum(1 for code, _, _ in done if code != 0)
    tries = [int(found.group(1)) if (found := re.search(r" in (\d+) tries", out)) else 1 for _, out, _ in done]
    report(f"{clones} clones syncing at once: last done", elapsed, "ms", f"{failed} of {clones} failed")
    report("  tries per sync", [float(t) for t in tries], "", f"max {max(tries)}")


def _edit_file(folder: Path, rng: random.Random, who: str, stamp: str) -> None:
    """Save 1,000 edits at once, as the app would have saved them one by one."""
    from store.storage import decode_document, encode_document, write_atomically

    path = folder / "alinea.json"
    tables = decode_document(path.read_bytes(), path)
    write_atomically(path, encode_document(concurrent_edits(tables, rng, who, stamp)))
