"""`make docs`: the README's pictures, taken by the app itself on the sample quarter.

    python tools/screenshots.py [OUT_DIR]        (default: docs)

One SVG per pane (objectives, agenda, feedback, board) and one of the meeting runner, at
120x40, in alinea-dark, on the sample quarter built for a fixed day, in UTC, with a HOME of
its own (your config, themes and git identity stay out of the pictures). A pane or screen
the app does not have yet is skipped with a line saying so; the exit status is 0 as long as
one picture was written.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import inspect
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

SIZE = (120, 40)
TODAY = date(2026, 11, 12)  # a Thursday in the sample quarter, as in the Board's snapshots
RUN_AT = datetime(2026, 11, 17, 9, 31, tzinfo=timezone.utc)  # the quarter's next sync, a minute late
ME = ("Ana Ruiz", "ana.ruiz@example.com")  # the demo's head of sales: the header names her
PANES = (
    ("objectives", "Objectives"),
    ("agenda", "Agenda"),
    ("feedback", "Feedback"),
    ("board", "Board"),
)


@dataclass(frozen=True)
class Shot:
    file: str
    title: str
    written: bool
    note: str = ""


def isolate(home: Path) -> None:
    """This process only: a HOME with the demo's identity, no user config, times in UTC."""
    (home / ".gitconfig").write_text(f"[user]\n\tname = {ME[0]}\n\temail = {ME[1]}\n[init]\n\tdefaultBranch = main\n")
    os.environ.update({
        "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local" / "share"),
        "GIT_CONFIG_NOSYSTEM": "1", "TZ": "UTC",
    })
    for name in ("GIT_CONFIG_GLOBAL", "ALINEA_WORKSPACE", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL",
                 "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        os.environ.pop(name, None)
    time.tzset()


def new_app(folder: Path, *, today: date, now: datetime | None = None) -> Any:
    """The app on a copy of the sample quarter (each picture starts from the same state)."""
    from store.config import UserConfig
    from store.workspace import Workspace
    from tui.app import AlineaApp

    options: dict[str, Any] = {"config": UserConfig(), "today": lambda: today}
    if now is not None:
        options["now"] = lambda: now
    return AlineaApp(Workspace(folder, who=ME[1]), **options)


async def settle(app: Any, pilot: Any) -> None:
    for _ in range(4):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def take(app: Any, out: Path, file: str, title: str, show: Callable[[Any, Any], Awaitable[str]]) -> Shot:
    """Run the app headless, let ``show`` bring up what to picture (or say why not), save the SVG."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        missing = await show(app, pilot)
        if missing:
            return Shot(file, title, False, missing)
        await settle(app, pilot)
        (out / file).write_text(app.export_screenshot(title=f"alinea · {title}"), encoding="utf-8")
    return Shot(file, title, True)


def show_pane(pane_id: str) -> Callable[[Any, Any], Awaitable[str]]:
    async def show(app: Any, pilot: Any) -> str:
        if not app.query(f"#{pane_id}"):
            return f"the app has no {pane_id} pane"
        app.action_show_pane(pane_id)
        return ""

    return show


async def show_runner(app: Any, pilot: Any) -> str:
    await app.run_action("run_meeting")
    await settle(app, pilot)
    if type(app.screen).__name__ != "RunnerScreen":
        return "the meeting runner did not open (no upcoming meeting, or no run_meeting action)"
    return ""


def runner_state(app_class: Any) -> str:
    """Why the runner cannot be pictured yet, or "" when it can."""
    if importlib.util.find_spec("tui.screens.runner") is None:
        return "there is no meeting runner yet (tui/screens/runner.py)"
    if "now" not in inspect.signature(app_class).parameters:
        return "the app takes no clock (now=…) to picture the runner at a fixed moment"
    return ""


async def make_all(out: Path, work: Path) -> list[Shot]:
    from store.demo import build_demo
    from tui.app import AlineaApp

    shots = []
    for pane_id, title in PANES:
        folder = build_demo(work / pane_id / "demo", today=TODAY)  # the header names the folder
        shots.append(await take(new_app(folder, today=TODAY), out, f"{pane_id}.svg", title, show_pane(pane_id)))
    why_not = runner_state(AlineaApp)
    if why_not:
        shots.append(Shot("runner.svg", "Meeting runner", False, why_not))
    else:
        folder = build_demo(work / "runner" / "demo", today=TODAY)
        app = new_app(folder, today=RUN_AT.date(), now=RUN_AT)
        shots.append(await take(app, out, "runner.svg", "Meeting runner", show_runner))
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the README's screenshots (SVG).")
    parser.add_argument("out", nargs="?", default="docs", type=Path, help="folder for the SVGs (default: docs)")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="alinea-docs-") as scratch:
        home = Path(scratch) / "home"
        home.mkdir()
        isolate(home)
        shots = asyncio.run(make_all(out, Path(scratch)))
    for shot in shots:
        target = out / shot.file
        print(f"wrote {target}" if shot.written else f"skipped {shot.file} ({shot.title}): {shot.note}")
    return 0 if any(shot.written for shot in shots) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, when run as a file
    sys.exit(main())
