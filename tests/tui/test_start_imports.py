"""What the app's first frame waits for: its imports. The heavy ones wait for the data instead."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: modules the first frame does without, each imported where it is used: the hidden panes' rules
#: and detail (built once the data is in), the palette's record search, the other subcommands
DEFERRED = (
    "store.objective_index", "store.progress", "tui.panes.objective_detail", "textual.widgets._sparkline",
    "store.agenda", "store.proposals", "store.quickadd", "tui.panes.agenda.rows",
    "store.feedback_actions", "store.search",
    "tui.cli.records", "tui.cli.team", "tui.cli.history", "tui.cli.serve", "tui.cli.objectives", "tui.cli.export",
    "tui.cli.agenda",
)
#: every subcommand `alinea --help` lists
COMMANDS = ("init", "demo", "add", "list", "show", "set", "rm", "check", "clone", "sync", "conflicts", "history",
            "serve", "import", "export")


def _python(code: str, tmp_path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "LANG": "C.UTF-8"},
    )
    return done.stdout.strip()


def test_the_app_imports_neither_pydantic_nor_markdown_before_its_first_frame(tmp_path: Path) -> None:
    """pydantic (validating the file, in the write worker) and markdown-it (an objective's
    description) cost ~100 ms of the first frame on a large workspace; nothing on it needs them."""
    code = (
        "import sys, tui.cli, tui.app;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'pydantic_core', 'markdown_it', 'babel'}))"
    )
    assert _python(code, tmp_path) == "[]"


def test_opening_the_app_imports_neither_the_hidden_panes_rules_nor_the_other_commands(tmp_path: Path) -> None:
    """`alinea -w DIR` opens on the Board: the Objectives, Agenda and Feedback panes' rules, the
    palette's search and the other subcommands' modules (~25 ms of the first frame) load later."""
    code = (
        "import sys, tui.cli, tui.app;"
        "args = tui.cli.parse(['-w', 'somewhere']); assert args.func.__name__ == 'cmd_open', args;"
        f"print(sorted(m for m in {DEFERRED!r} if m in sys.modules))"
    )
    assert _python(code, tmp_path) == "[]"


def test_help_still_lists_every_command(tmp_path: Path) -> None:
    """The subcommands' modules load with the parser that lists them, whenever it is asked for."""
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "LANG": "C.UTF-8"},
    )
    assert done.returncode == 0, done.stderr
    listed = done.stdout.split("commands:")[1]
    assert [command for command in COMMANDS if f"\n    {command} " not in listed] == []
