"""`make bench` section "history": `alinea history ID` on the large workspace (DESIGN section 8).

A clone of the large workspace gets ``COMMITS`` more commits, each editing the measured
task and another one, so the history has that many steps plus the creation in the first
commit (which holds the whole 20 MB file). Reading it costs one pass over each version of
the file that git keeps, so the figure grows with the number of commits since the record
was created; it is given for two lengths.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

COMMITS = (10, 30)


def run(report: Any) -> None:
    from store.history import read_history
    from store.repo import commit_all
    from store.workspace import Workspace

    assert report.large_workspace is not None
    folder = report.scratch / "history"
    subprocess.run(["git", "clone", "--quiet", str(report.large_workspace), str(folder)], check=True)
    workspace = Workspace(folder, who="bench@example.com")
    tasks = workspace.records("tasks")
    task, others = tasks[0], tasks[1:]
    made = 0
    for commits in COMMITS:
        while made < commits:
            workspace.update("tasks", task.id, title=f"History edit {made}")
            workspace.update("tasks", others[made].id, title=f"Another edit {made}")
            commit_all(folder, f"Edit {made}")
            made += 1
        steps = len(read_history(folder, task.id))
        report(f"history of a task, {commits} commits ({steps} steps)",
               report.samples(lambda: read_history(folder, task.id)), "ms", "target < 1 s")
    command = [sys.executable, "-m", "tui.cli", "-w", str(folder), "history", task.id[:8]]
    report(f"  alinea history (subprocess, {made} commits)",
           report.samples(lambda: subprocess.run(command, check=True, capture_output=True)), "ms")
