"""Feedback: for now the log, newest first, with kind and status."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import BindingType

from store.vocabulary import VOCABULARY
from tui.panes.record_list import RecordListPane


class FeedbackPane(RecordListPane):
    BINDING_GROUP_TITLE = "Feedback"
    BINDINGS: ClassVar[list[BindingType]] = RecordListPane.pane_bindings("feedback", "feedback")
    TABLE = "feedback"
    COMING = "Feedback — filters, responses and turning feedback into tasks arrive in a later version."

    def rows(self) -> list[Any]:
        return sorted(self.workspace.records("feedback"), key=lambda f: f.created_at, reverse=True)

    def describe(self, record: Any) -> str:
        return f"[{record.kind}] {record.label}  ·  {record.status}"

    def empty_text(self) -> str:
        return f"No feedback yet. Press n to log the first {VOCABULARY['feedback'].noun}."
