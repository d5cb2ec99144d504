"""`make bench` section "brief": the brief of the next meeting on the large workspace (issue 14).

The app builds it in a worker (tui/screens/brief.py) and says "Preparing the brief…"
meanwhile; this is how long that wait is, and the Markdown pre-read written from it.
"""

from __future__ import annotations

from typing import Any


def run(report: Any) -> None:
    from store.agenda import next_meeting
    from store.brief import build_brief
    from store.export.brief import brief_markdown
    from store.workspace import Workspace

    assert report.large_workspace is not None
    workspace = Workspace(report.large_workspace)
    now = workspace.clock()
    meeting = next_meeting(workspace.records("meetings"), now)
    brief = build_brief(workspace, meeting, now=now)
    lines = sum(len(section.lines) for section in brief.sections)
    report(f"build the brief of the next meeting ({lines:,} lines)",
           report.samples(lambda: build_brief(workspace, meeting, now=now)), "ms", "in a worker; shown when ready")
    report("  the Markdown pre-read from it", report.samples(lambda: brief_markdown(brief)), "ms")
