"""`make bench` (``python -m tests.bench.run``): performance figures, printed, never asserted.

Benchmarks are not tests: timings on a shared 2-core machine are too noisy to fail a build
on, so this prints medians beside the budgets of DESIGN section 8 for a person to read.

Sections: ``store`` (here), then ``merge``, ``app``, ``history`` and ``brief`` when their modules
(``tests/bench/bench_merge.py``, ``bench_app.py``, ``bench_history.py``, ``bench_brief.py``) exist. Each of those
modules provides ``run(report)``;
``report`` is a ``Reporter``:

- ``report(name, value, unit, note="")`` prints one aligned line; ``value`` is a number or
  a list of samples (then median, min and the number of runs are printed);
- ``report.samples(fn, runs=None)`` calls ``fn`` ``runs`` times and returns milliseconds;
- ``report.large_workspace`` / ``report.demo_workspace``: committed, clean workspace folders
  (the large one is generated once per run); ``report.scratch``: a temp folder to write in;
- ``report.quick`` (``--quick``) and ``report.runs``: how many samples to take.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from store.demo import build_demo
from store.gcpolicy import quiet
from store.repo import commit_all
from store.workspace import DATA_FILE, Workspace
from tests.bench.large import write_large_workspace

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = {"merge": "tests.bench.bench_merge", "app": "tests.bench.bench_app", "history": "tests.bench.bench_history",
           "brief": "tests.bench.bench_brief"}
SECTIONS = ("store", *PLUGINS)
NAME_WIDTH = 44


def _number(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


class Reporter:
    """Prints figures as aligned lines and carries what the sections share."""

    def __init__(self, *, quick: bool, scratch: Path) -> None:
        self.quick = quick
        self.runs = 3 if quick else 7
        self.scratch = scratch
        self.large_workspace: Path | None = None
        self.demo_workspace: Path | None = None

    def __call__(self, name: str, value: float | Sequence[float], unit: str, note: str = "") -> None:
        if isinstance(value, (int, float)):
            figure = "—" if math.isnan(value) else f"{_number(value)} {unit}"
        else:
            samples = list(value)
            figure = (
                f"median {_number(statistics.median(samples))} {unit}  "
                f"(min {_number(min(samples))}, {len(samples)} runs)"
            )
        print(f"  {name:<{NAME_WIDTH}} {figure:<38} {note}".rstrip(), flush=True)

    def section(self, title: str) -> None:
        print(f"\n{title}", flush=True)

    def samples(self, fn: Callable[[], object], runs: int | None = None) -> list[float]:
        """Milliseconds of ``runs`` calls; garbage from the last call is collected untimed, and what
        a call returns is freed untimed too (the previous workspace an open returned: ~60 ms on a
        large one, which no open of the app or a command pays)."""
        times = []
        for _ in range(runs or self.runs):
            gc.collect()
            start = time.perf_counter()
            result = fn()
            times.append((time.perf_counter() - start) * 1000)
            del result
        return times


# -- the store section --------------------------------------------------------------------
def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui.cli", *args]


def _run_quiet(command: list[str]) -> None:
    done = subprocess.run(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, timeout=120)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        raise RuntimeError(last)


def _report_command(report: Reporter, name: str, command: list[str], note: str = "") -> None:
    """Time a subprocess; a failing one (say, a CLI not written yet) is reported, not fatal."""
    try:
        _run_quiet(command)  # warm the OS file cache and the bytecode cache
        report(name, report.samples(lambda: _run_quiet(command), max(5, report.runs)), "ms", note)
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        report(name, float("nan"), "", f"unavailable: {error}")


def _open(folder: Path) -> Workspace:
    with quiet():  # as `alinea` opens it (store.gcpolicy)
        return Workspace(folder, who="bench@example.com")


def _edit_samples(report: Reporter, workspace: Workspace, task_ids: list[str]) -> list[float]:
    counter = iter(range(10**9))
    return report.samples(
        lambda: workspace.update("tasks", task_ids[0], title=f"Benchmark edit {next(counter)}"),
        max(15, report.runs * 3),
    )


def _first_edit_samples(report: Reporter, folder: Path, task_id: str) -> list[float]:
    """The first save after opening pays for anything the open deferred (a line cache)."""
    times = []
    for run in range(max(5, report.runs)):
        workspace = _open(folder)
        gc.collect()
        start = time.perf_counter()
        workspace.update("tasks", task_id, title=f"Benchmark first edit {run}")
        times.append((time.perf_counter() - start) * 1000)
    return times


def _hundred_edits(workspace: Workspace, task_ids: list[str], round_: int) -> None:
    for index, task_id in enumerate(task_ids[1:101]):
        workspace.update("tasks", task_id, title=f"Benchmark edit {round_}.{index}")


def store_section(report: Reporter) -> None:
    report.section("store (large workspace: DESIGN section 8)")
    assert report.large_workspace is not None and report.demo_workspace is not None
    folder = report.large_workspace
    size = (folder / DATA_FILE).stat().st_size / 1e6
    report("file size", size, "MB", "DESIGN: about 20 MB at scale 1")

    report("open+validate large workspace", report.samples(lambda: _open(folder), max(5, report.runs)), "ms",
           "target ≤ 400 ms")
    workspace = _open(folder)
    counts = ", ".join(f"{workspace.count(t):,} {t}" for t in ("tasks", "feedback", "measurements"))
    print(f"  ({counts})")
    task_ids = [task.id for task in workspace.records("tasks")[:101]]
    report("one edit saved durably (fsync)", _edit_samples(report, workspace, task_ids), "ms", "target ≤ 60 ms")
    report("  first edit after opening", _first_edit_samples(report, folder, task_ids[0]), "ms", "target ≤ 60 ms")
    rounds = iter(range(10**9))
    hundred = report.samples(lambda: _hundred_edits(workspace, task_ids, next(rounds)), 1 if report.quick else 3)
    report("100 edits, one save each", hundred, "ms")
    report("  per edit", [sample / 100 for sample in hundred], "ms")
    commit_all(folder, "Benchmark edits")  # leave the workspace clean for the next sections

    _report_command(report, "alinea list tasks --json (all, subprocess)",
                    _cli("-w", str(folder), "list", "tasks", "--json"))
    _report_command(report, "start-up: python -c pass", [sys.executable, "-c", "pass"])
    _report_command(report, "start-up: import store.workspace", [sys.executable, "-c", "import store.workspace"])
    _report_command(report, "start-up: alinea list members (demo)",
                    _cli("-w", str(report.demo_workspace), "list", "members"), "target well under 200 ms")


# -- pluggable sections ---------------------------------------------------------------------
def plugin_section(report: Reporter, name: str) -> None:
    module_name = PLUGINS[name]
    if importlib.util.find_spec(module_name) is None:
        report.section(f"{name}: (no {module_name.replace('.', '/')}.py yet)")
        return
    report.section(name)
    try:
        importlib.import_module(module_name).run(report)
    except Exception:  # one broken section must not hide the others' figures
        print(f"  {name} section failed:\n{traceback.format_exc()}", flush=True)


# -- main -------------------------------------------------------------------------------
def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (a smoke run, figures are rougher)")
    parser.add_argument("--only", action="append", choices=SECTIONS, help="run only this section (repeatable)")
    parser.add_argument("--scale", type=float, default=1.0, help="size of the large workspace (1.0: DESIGN's)")
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args(argv)


def _prepare(report: Reporter, seed: int, scale: float) -> None:
    start = time.perf_counter()
    report.large_workspace = write_large_workspace(report.scratch / "large", seed, today=date.today(), scale=scale)
    report.demo_workspace = build_demo(report.scratch / "demo")
    report("generate + commit large workspace", (time.perf_counter() - start) * 1000, "ms", "(setup, not a budget)")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    sections = args.only or list(SECTIONS)
    print(f"alinea bench · Python {platform.python_version()} · {os.cpu_count()} CPUs · "
          f"{'quick' if args.quick else 'full'} · scale {args.scale:g}", flush=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="alinea-bench-") as scratch:
        report = Reporter(quick=args.quick, scratch=Path(scratch))
        report.section("setup")
        _prepare(report, args.seed, args.scale)
        if "store" in sections:
            store_section(report)
        for name in PLUGINS:
            if name in sections:
                plugin_section(report, name)
    print(f"\nbench done in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
