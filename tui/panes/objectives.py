"""Objectives: for now a list of objectives with status, period and due date."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import BindingType

from tui.panes.record_list import RecordListPane

STATUS_WORDS = {"on_track": "on track", "at_risk": "at risk", "off_track": "off track", "done": "done"}


class ObjectivesPane(RecordListPane):
    BINDING_GROUP_TITLE = "Objectives"
    BINDINGS: ClassVar[list[BindingType]] = RecordListPane.pane_bindings("objectives", "objectives")
    TABLE = "objectives"
    COMING = "Objectives — metrics, progress and sparklines arrive in a later version; n adds, enter edits."

    def describe(self, record: Any) -> str:
        status = STATUS_WORDS.get(str(record.status), str(record.status))
        parts = [record.title, status, record.period]
        if record.due:
            parts.append(f"due {record.due:%d %b}")
        return "  ·  ".join(part for part in parts if part)
