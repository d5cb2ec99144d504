"""The app section of ``make bench``: first frame and key-to-frame latency, in a real terminal.

Each run starts a fresh interpreter on a pseudo-terminal (120x40), because the first frame
of a terminal app includes its imports and its driver start. The child
(``tests/bench/app_probe.py``) reports every frame it writes, stamped with the system's
monotonic clock; this side stamps the moment it spawns the process or types a key with the
same clock. A minimal Textual app is measured the same way in the same run, so the figures
read as "alinea vs any Textual app on this machine".

Key latency is what a person feels: the key is written to the terminal, the app parses it,
moves the cursor, repaints, and the frame is written. ``pilot.press`` timings are not used
(they sleep about 60 ms per key).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from store.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
SIZE = (120, 40)
KEYS = 200
SWITCHES = 60
START_TIMEOUT = 60.0
QUIET = 0.08  # seconds without a new frame: the app has finished reacting


class Probe:
    """One app process on its own pseudo-terminal, with its frame reports."""

    def __init__(self, args: Sequence[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        marks_read, marks_write = os.pipe()
        child_env = {**env, "ALINEA_BENCH_FD": str(marks_write), "TERM": "xterm-256color"}
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.bench.app_probe", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            pass_fds=(marks_write,),
            env=child_env,
            cwd=ROOT,
            start_new_session=True,
        )
        os.close(slave)
        os.close(marks_write)
        self.master = master
        self._marks = os.fdopen(marks_read, "rb", buffering=0)
        self._buffer = b""
        self.output = bytearray()
        self._drain = threading.Thread(target=self._read_terminal, daemon=True)
        self._drain.start()

    def _read_terminal(self) -> None:
        """Keep reading what the app writes, as a terminal does, so it never blocks."""
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output.extend(chunk[-4096:])
            del self.output[:-8192]

    def next_mark(self, timeout: float) -> tuple[str, float] | None:
        """The next report from the app, or None if none came within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._marks], [], [], left)[0]:
                return None
            chunk = self._marks.read(4096)
            if not chunk:
                return None
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        kind, stamp = line.decode().split()
        return kind, float(stamp)

    def wait_for(self, kind: str, timeout: float = START_TIMEOUT) -> float:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            mark = self.next_mark(left)
            if mark is None:
                break
            if mark[0] == kind:
                return mark[1]
        tail = bytes(self.output[-600:]).decode(errors="replace")
        raise RuntimeError(f"no {kind!r} frame within {timeout:.0f} s; the terminal showed: {tail!r}")

    def settle(self) -> None:
        """Wait until the app has painted everything it had to (no frame for QUIET seconds)."""
        while self.next_mark(QUIET) is not None:
            pass

    def key(self, key: bytes) -> float:
        """Type ``key``; milliseconds until the next frame reached the terminal."""
        self.settle()
        stamp = time.monotonic()
        os.write(self.master, key)
        return (self.wait_for("frame", 10.0) - stamp) * 1000

    def key_until_quiet(self, key: bytes, quiet: float = QUIET) -> tuple[float, float]:
        """Type ``key``; milliseconds to its first frame and to its last (no frame for ``quiet`` s after)."""
        self.settle()
        stamp = time.monotonic()
        os.write(self.master, key)
        first = last = self.wait_for("frame", 10.0)
        while (mark := self.next_mark(quiet)) is not None:
            last = mark[1] if mark[0] == "frame" else last
        return (first - stamp) * 1000, (last - stamp) * 1000

    def type(self, text: bytes) -> None:
        """Type ``text`` untimed, and let the app paint it."""
        self.settle()
        os.write(self.master, text)
        self.settle()

    def close(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)
        os.close(self.master)
        self._marks.close()


def _environment(scratch: Path, name: str, email: str) -> dict[str, str]:
    """A HOME of the bench's own: the git identity of a member (so no welcome screen), no user config."""
    home = scratch / name
    home.mkdir()
    gitconfig = home / ".gitconfig"
    gitconfig.write_text(f"[user]\n\tname = Bench\n\temail = {email}\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "ALINEA_"))}
    # An installed app runs from bytecode; a machine that sets PYTHONDONTWRITEBYTECODE would
    # otherwise compile our modules from source on every start (~10 ms) but not textual's,
    # which pip compiled. Both apps get one bytecode cache, filled by the warm-up runs.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        PYTHONPYCACHEPREFIX=str(scratch / "bytecode"),
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(gitconfig),
    )
    return env


def _member_email(folder: Path) -> str:
    members = [member for member in Workspace(folder, who="bench@example.com").records("members") if member.email]
    return members[0].email


def _first_frames(args: Sequence[str], env: dict[str, str], runs: int, data: bool) -> tuple[list[float], list[float]]:
    """Milliseconds from spawn to the first frame (and to the first frame with data)."""
    frames, with_data, _whole = _start_frames(args, env, runs, data)
    return frames, with_data


def _start_frames(
    args: Sequence[str], env: dict[str, str], runs: int, data: bool, before: Callable[[], None] = lambda: None
) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds from spawn to the first frame, to the first frame with data (the Board's
    cards), and to the first frame once the whole file is validated (app_probe's marks).
    ``before`` runs before each start (untimed)."""
    frames, with_data, whole = [], [], []
    for _ in range(runs):
        before()
        probe = Probe(args, env)
        try:
            frames.append((probe.wait_for("frame") - probe.started) * 1000)
            if data:
                with_data.append((probe.wait_for("data") - probe.started) * 1000)
                whole.append((probe.wait_for("whole") - probe.started) * 1000)
        finally:
            probe.close()
    return frames, with_data, whole


BOARD_KEPT, CHECKED = ".git/alinea.board", ".git/alinea.checked"
FORGOTTEN = {1: "no kept cards: the Board read from the file's bytes",
             2: "file not checked yet: the Board's tables validated first"}


def _forget(folder: Path, names: Sequence[str]) -> None:
    """The state of a file changed since the last open: the kept cards (and the checked stamp) gone."""
    for name in names:
        (folder / name).unlink(missing_ok=True)


def _key_latencies(
    args: Sequence[str], env: dict[str, str], prepare: Callable[[Probe], None], keys: Sequence[bytes]
) -> list[float]:
    probe = Probe(args, env)
    try:
        probe.wait_for("whole")  # keys once the whole file is validated, as a person would type them
        prepare(probe)
        return [probe.key(key) for key in keys]
    finally:
        probe.close()


def _to_done_column(probe: Probe) -> None:
    """Board tab, then the done column (three columns to the right)."""
    for key in (b"4", b"l", b"l", b"l"):
        probe.key(key)
    probe.settle()


def _to_runner(probe: Probe) -> None:
    """The palette's "Run meeting…": the runner starts the next meeting; its countdown ticks every second."""
    probe.key(b"\x10")  # ctrl+p
    for char in b"Run meeting":
        probe.key(bytes([char]))
    probe.key(b"\r")
    probe.settle()


def _runner_bench(report, demo: Path, env: dict[str, str], base: float) -> None:  # noqa: ANN001 - the runner's Reporter
    """Keys in the meeting runner, on a copy of the demo (the run is written to the workspace)."""
    with tempfile.TemporaryDirectory(prefix="alinea-bench-run-") as scratch:
        folder = Path(scratch) / "demo"
        shutil.copytree(demo, folder)
        args = ["alinea", "-w", str(folder)]
        keys = _key_latencies(args, env, _to_runner, [b"j", b"k"] * (KEYS // 2))
        _report_keys(report, f"key to frame: j / k in the runner's agenda ({KEYS})", keys, base,
                     "target median ≤ 12, countdown ticking")
        keys = _key_latencies(args, env, _to_runner, [b" ", b"b"] * (SWITCHES // 2))
        _report_keys(report, f"key to frame: space / b, next item and back ({SWITCHES})", keys, base,
                     "target median ≤ 12, each one written to the workspace")


END = b"\x1b[F"  # the End key, as xterm sends it
QUICK_ADDS = 20


def _to_past_meetings(probe: Probe) -> None:
    """Agenda tab; the fold of past meetings (after the upcoming ones) opened; the cursor on it."""
    probe.key(b"2")
    probe.type(END)  # untimed: with no upcoming meeting the cursor is on the fold already, and nothing repaints
    probe.key(b"\r")
    probe.settle()


def _quick_add_samples(folder: Path, env: dict[str, str]) -> list[float]:
    """Milliseconds from enter in the quick-add line until the frame whose agenda shows the new
    item (saved first: app_probe's ``items`` mark)."""
    probe = Probe(["alinea", "-w", str(folder)], {**env, "ALINEA_BENCH_ITEMS": "1"})
    try:
        probe.wait_for("whole")  # keys once the whole file is validated, as a person would type them
        _to_past_meetings(probe)
        for key in (b"j", b"\t", b"a"):  # the latest past meeting, its agenda, the quick-add line
            probe.key(key)
        samples = []
        for index in range(QUICK_ADDS):
            probe.type(f"Bench item {index} 5m #info".encode())
            stamp = time.monotonic()
            os.write(probe.master, b"\r")
            samples.append((probe.wait_for("items", 10.0) - stamp) * 1000)
        return samples
    finally:
        probe.close()


def _objectives_first_paint(args: Sequence[str], env: dict[str, str], runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds from typing 1 (the app started on the Board) to the Objectives pane's first
    frame, and to its last (progress worked out in the worker, the detail drawn)."""
    first, last = [], []
    for _ in range(runs):
        probe = Probe(args, env)
        try:
            probe.wait_for("whole")  # keys once the whole file is validated, as a person would type them
            shown, done = probe.key_until_quiet(b"1", quiet=1.0)  # the worker paints nothing meanwhile
            first.append(shown)
            last.append(done)
        finally:
            probe.close()
    return first, last


#: the detail beside the Objectives list follows the cursor after a pause: wait this long without
#: a frame before the next key, so that a key is not typed while the last one's detail is drawn
DETAIL_QUIET = 0.3


def _objectives_keys(args: Sequence[str], env: dict[str, str], keys: int) -> tuple[list[float], list[float]]:
    """j down the Objectives list: to the cursor's frame, and to the detail's (the frame after)."""
    probe = Probe(args, env)
    try:
        probe.wait_for("whole")  # keys once the whole file is validated, as a person would type them
        probe.key_until_quiet(b"1", quiet=1.0)
        pairs = [probe.key_until_quiet(b"j", quiet=DETAIL_QUIET) for _ in range(keys)]
        return [first for first, _ in pairs], [last for _, last in pairs]
    finally:
        probe.close()


def _to_feedback_log(probe: Probe) -> None:
    """The Feedback tab, its log focused (5,000 entries in the large workspace)."""
    probe.key(b"3")
    probe.settle()


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def _report_keys(report, name: str, keys: list[float], base: float, target: str) -> None:  # noqa: ANN001
    """A key figure: median, p95, and the median as a multiple of the minimal app's, same run."""
    median = statistics.median(keys)
    report(name, median, "ms", f"p95 {_p95(keys):.1f} ms  {median / base:.1f}× minimal  {target}".rstrip())


def run(report) -> None:  # noqa: ANN001 - the runner's Reporter
    runs = max(5, report.runs)
    demo, large = report.demo_workspace, report.large_workspace
    with tempfile.TemporaryDirectory(prefix="alinea-bench-home-") as scratch:
        home = Path(scratch)
        demo_env = _environment(home, "demo", _member_email(demo))
        large_env = _environment(home, "large", _member_email(large))

        # Warm the OS file cache and the bytecode caches once, untimed.
        _first_frames(["minimal"], demo_env, 1, data=False)
        _first_frames(["alinea", "-w", str(demo)], demo_env, 1, data=True)

        minimal, _ = _first_frames(["minimal"], demo_env, runs, data=False)
        report("first frame: minimal Textual app", minimal, "ms", "the floor: import textual + paint")
        base = statistics.median(minimal)
        for folder in (demo, large):  # as an earlier session left them: the Board's cards kept
            Workspace(folder, who="bench@example.com").keep_board()
        for name, folder, env in (("demo", demo, demo_env), ("large", large, large_env)):
            frames, with_data, whole = _start_frames(["alinea", "-w", str(folder)], env, runs, data=True)
            ratio = statistics.median(frames) / base
            target = "target ≤ 1.5×" if name == "large" else ""
            report(f"first frame: alinea, {name} workspace", frames, "ms", f"{ratio:.2f}× minimal  {target}".rstrip())
            report(
                f"  first frame with the data loaded ({name})",
                with_data,
                "ms",
                f"{statistics.median(with_data) / base:.2f}× minimal  (the Board's cards; target ≤ 2.5×)",
            )
            report(
                f"  … and the whole file validated ({name})",
                whole,
                "ms",
                f"{statistics.median(whole) / base:.2f}× minimal  (the other tables; writes wait for it)",
            )
        # The large workspace as other days leave it: a file changed since the last open.
        for when, forget in (("after my own edits", (BOARD_KEPT,)), ("after a pull", (BOARD_KEPT, CHECKED))):
            _frames, with_data, _whole = _start_frames(
                ["alinea", "-w", str(large)], large_env, runs, data=True, before=partial(_forget, large, forget)
            )
            report(f"  first frame with the data loaded (large, {when})", with_data, "ms",
                   f"{statistics.median(with_data) / base:.2f}× minimal  ({FORGOTTEN[len(forget)]})")
        Workspace(large, who="bench@example.com").keep_board()

        keys = _key_latencies(["minimal"], demo_env, lambda probe: probe.settle(), [b"j"] * KEYS)
        report(f"key to frame: minimal app ({KEYS} keys)", statistics.median(keys), "ms", f"p95 {_p95(keys):.1f} ms")
        key_base = statistics.median(keys)  # every key figure below is also given as a multiple of this
        alinea = ["alinea", "-w", str(large)]
        keys = _key_latencies(alinea, large_env, _to_done_column, [b"j"] * KEYS)
        _report_keys(report, f"key to frame: j in the done column ({KEYS})", keys, key_base,
                     "target median ≤ 12, p95 ≤ 30")
        keys = _key_latencies(alinea, large_env, _to_past_meetings, [b"j"] * KEYS)
        _report_keys(report, f"key to frame: j in the Agenda's meetings ({KEYS})", keys, key_base,
                     "target median ≤ 12, p95 ≤ 30 (the meeting's agenda in the next frame)")
        copy = home / "large-agenda"  # items are added: never to the workspace the other figures read
        shutil.copytree(large, copy)
        adds = _quick_add_samples(copy, large_env)
        report(
            f"add an agenda item: quick-add enter → shown ({QUICK_ADDS})",
            statistics.median(adds),
            "ms",
            f"p95 {_p95(adds):.1f} ms  target median ≤ 60 (saved durably, then painted)",
        )
        keys = _key_latencies(alinea, large_env, _to_feedback_log, [b"j"] * KEYS)
        _report_keys(report, f"key to frame: j in the feedback log ({KEYS})", keys, key_base,
                     "target median ≤ 12, p95 ≤ 30 (the entry's detail in the next frame)")
        # Focus moves: the footer and the focused column's header change (no budget; watched).
        for name, pair in (("h / l between columns", (b"l", b"h")), ("1 / 4 between panes", (b"1", b"4"))):
            keys = _key_latencies(alinea, large_env, _to_done_column, pair * (SWITCHES // 2))
            _report_keys(report, f"key to frame: {name} ({SWITCHES})", keys, key_base, "")
        _runner_bench(report, demo, demo_env, key_base)

        # The Objectives pane (issue 13): 200 objectives, 600 metrics, 30,000 measurements.
        first, last = _objectives_first_paint(alinea, large_env, runs)
        report("objectives: 1 to the pane's first frame", first, "ms", "the list, progress still to come")
        report("  … to progress and detail drawn", last, "ms", "worked out in a worker")
        cursor, detail = _objectives_keys(alinea, large_env, KEYS // 2)
        _report_keys(report, f"key to frame: j in the objectives ({KEYS // 2})", cursor, key_base,
                     "target median ≤ 12, p95 ≤ 30")
        report("  … to the detail drawn", statistics.median(detail), "ms",
               f"p95 {_p95(detail):.1f} ms  (it follows the cursor after a pause)")
