"""Agenda: for now the meetings, upcoming first, then past ones newest first."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from typing import Any, ClassVar

from textual.binding import BindingType

from tui.panes.record_list import RecordListPane


class AgendaPane(RecordListPane):
    BINDING_GROUP_TITLE = "Agenda"
    BINDINGS: ClassVar[list[BindingType]] = RecordListPane.pane_bindings("meetings", "agenda")
    TABLE = "meetings"
    COMING = "Agenda — the agenda builder and meeting-run mode arrive in a later version; these are the meetings."

    _items: Counter[str] = Counter()

    def rows(self) -> list[Any]:
        today = self.today()
        meetings = self.workspace.records("meetings")
        self._items = Counter(item.meeting_id for item in self.workspace.records("agenda_items"))
        upcoming = sorted((m for m in meetings if m.starts_at.date() >= today), key=lambda m: m.starts_at)
        past = sorted((m for m in meetings if m.starts_at.date() < today), key=lambda m: m.starts_at, reverse=True)
        return upcoming + past

    def describe(self, record: Any) -> str:
        local = record.starts_at.astimezone(_local_zone())
        when = f"{local:%a %d %b %Y %H:%M}"
        count = self._items.get(record.id, 0)
        items = f"{count} agenda item{'s' if count != 1 else ''}"
        return f"{when}  {record.title}  ·  {record.status}  ·  {items}"


def _local_zone() -> Any:
    return datetime.now(timezone.utc).astimezone().tzinfo
