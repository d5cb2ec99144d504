"""The measurements of one metric, newest first: edit (e or enter) or delete (d) one.

Opened with enter on a metric card in the Objectives pane. It re-reads the workspace after
every change (the app calls ``refresh_data`` on open screens).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from store.dates import day_label, local_format
from store.i18n import N_, _
from store.progress import format_change, format_value, metric_points
from store.text import printable
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.virtual_list import LazySequence, VirtualList
from tui.writes import Host, Saved, host_of


class MeasurementList(VirtualList):
    DEFAULT_CSS = "MeasurementList { height: 1fr; }"


class MeasurementsScreen(ModalScreen[None]):
    """Every measurement of a metric."""

    BINDING_GROUP_TITLE = N_("Measurements")
    DEFAULT_CSS = """
    MeasurementsScreen { align: center middle; }
    MeasurementsScreen > #measurements {
        width: 90%; max-width: 100; height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    MeasurementsScreen #measurements-title { text-style: bold; height: auto; }
    MeasurementsScreen #measurements-help { color: $text-muted; height: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit_measurement", N_("Edit"), id="measurements.edit",
                tooltip=N_("Edit the highlighted measurement")),
        Binding("d", "delete_measurement", N_("Delete"), id="measurements.delete",
                tooltip=N_("Delete the highlighted measurement")),
        Binding("escape", "close", N_("Close"), id="measurements.close", tooltip=N_("Back to the objective")),
    ]

    def __init__(self, metric_id: str) -> None:
        super().__init__()
        self.metric_id = metric_id
        self._ids: list[str] = []

    @property
    def host(self) -> Host:
        return host_of(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="measurements"):
            yield Static("", id="measurements-title", markup=False)
            yield MeasurementList(empty_text=_("No measurements yet — r on the metric's card records one."))
            yield Static(_("enter or e edits · d deletes · escape goes back"), id="measurements-help", markup=False)
        yield SteadyFooter(translate=_)

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one(MeasurementList).focus()

    def refresh_data(self) -> None:
        workspace = self.host.workspace
        metric = workspace.lookup("metrics", self.metric_id)
        if metric is None or metric.deleted:
            self.dismiss(None)
            return
        entries = [m for m in workspace.records("measurements") if m.metric_id == self.metric_id]
        entries.sort(key=lambda m: (m.date, m.updated_at, m.id), reverse=True)
        shown = {day: value for day, value in metric_points(entries)}  # the value that counts on each day
        unit = metric.unit
        title = (_("Measurements of {name} ({unit}) · {count}") if unit.strip()
                 else _("Measurements of {name} · {count}")).format(
            name=printable(metric.name), unit=printable(unit), count=len(entries))
        self.query_one("#measurements-title", Static).update(title)
        self._ids = [m.id for m in entries]

        def line(index: int) -> Any:
            entry = entries[index]
            older = next((e.value for e in entries[index + 1:] if e.date < entry.date), None)
            change = format_change(entry.value - older, unit) if older is not None else ""
            counted = shown.get(entry.date) == entry.value
            left = Content.assemble(
                (f"{day_label(entry.date)} {entry.date.year}  ", "$text-muted"),
                (f"{format_value(entry.value, unit):>14}", "bold" if counted else "$text-muted strike"),
                (f"  {change:>10}", "$text-muted"),
                "  " + printable(entry.note),
            )
            return (left,)

        measurement_list = self.query_one(MeasurementList)
        measurement_list.set_items(LazySequence(len(entries), line))

    @property
    def highlighted_id(self) -> str | None:
        cursor = self.query_one(MeasurementList).cursor
        return self._ids[cursor] if self._ids and cursor < len(self._ids) else None

    @on(VirtualList.Selected)
    def _selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        self.action_edit_measurement()

    def action_edit_measurement(self) -> None:
        from tui.screens.record_form import open_form

        chosen = self.highlighted_id
        if chosen is not None:
            open_form(self, "measurements", record=self.host.workspace.get("measurements", chosen))

    def action_delete_measurement(self) -> None:
        chosen = self.highlighted_id
        workspace = self.host.workspace
        if chosen is None:
            return
        if workspace.read_only:
            self.notify(_("The workspace is read-only because {reason}.").format(reason=workspace.read_only_reason),
                        severity="warning")
            return
        self.host.write(self, lambda ws: ws.delete("measurements", chosen), purpose="delete")

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        event.stop()
        if event.purpose == "delete":
            self.notify(_("Deleted the measurement of {day} — u on the pane brings it back").format(
                day=local_format(event.result.date, "%a %d %b")))

    def action_close(self) -> None:
        self.dismiss(None)
