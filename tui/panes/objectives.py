"""Objectives: the list (status, kind, period, departments, progress, pace) beside the detail.

The list is cheap: it needs only the objectives and the members, so it paints at once.
Progress, pace and what links to each objective (``ObjectiveData``) are worked out once per
change of the workspace: at once on a small workspace, in a worker on a large one (the list
shows "…" until then). Moving with j repaints two rows of the list; the detail follows
DETAIL_PAUSE seconds after the last move, so holding j redraws it once, when the key stops.

The app opens on the Board, so this pane's rules (store.objective_index, store.progress) and its
detail are imported where they are used, once it is built: the first frame does without them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from store.gcpolicy import collect_young
from store.i18n import N_, _, ngettext
from store.text import printable
from tui.panes.base import Pane
from tui.panes.metric_card import MetricCard
from tui.panes.words import objective_kind, objective_status
from tui.widgets.objective_list import (
    ROW_CLASSES,
    ROW_CSS,
    Entry,
    ObjectiveList,
    ObjectiveRow,
    PeriodHeader,
    entry_lines,
)
from tui.widgets.prompt_line import PromptLine
from tui.widgets.virtual_list import LazySequence, VirtualList
from tui.writes import Refused, Saved

if TYPE_CHECKING:
    from store.models import Member, Objective
    from store.objective_index import Links
    from store.progress import ObjectiveView
    from store.workspace import Workspace
    from tui.panes.objective_detail import ObjectiveDetail

#: above this many measurements, progress is worked out in a worker (the large workspace: 30,000)
SYNC_LIMIT = 3000
#: the detail waits this long after the cursor's last move (a held j redraws it once)
DETAIL_PAUSE = 0.05
EMPTY = N_("No objectives yet — press n to add the first objective.")
NO_MATCH = N_("No objectives match — p, c or escape show more.")
#: what showing the pane and its detail read, imported as it is built (once the data is in, while
#: nothing waits) rather than before the app's first frame or on the key that shows it
BUILT_WITH = ("store.objective_index", "store.progress", "tui.panes.objective_detail", "textual.widgets._sparkline")


@dataclass
class ObjectiveData:
    """Progress and links of every objective, for one state of the workspace."""

    views: dict[str, ObjectiveView] = field(default_factory=dict)
    links: dict[str, Links] = field(default_factory=dict)


def compute(workspace: Workspace, today: date) -> ObjectiveData:
    from store.objective_index import objective_links
    from store.progress import objective_views

    return ObjectiveData(
        {view.objective.id: view for view in objective_views(workspace, today)}, objective_links(workspace)
    )


class ObjectivesPane(Pane):
    """Objectives with their metrics, progress and pace."""

    BINDING_GROUP_TITLE = N_("Objectives")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_objective", N_("New"), id="objectives.new", tooltip=N_("Add a new objective")),
        Binding("e", "edit_objective", N_("Edit"), id="objectives.edit", tooltip=N_("Edit the selected objective")),
        Binding("d", "delete_objective", N_("Delete"), id="objectives.delete",
                tooltip=N_("Delete the selected objective (u undoes)")),
        Binding("a", "add_metric", N_("Add metric"), id="objectives.add_metric",
                tooltip=N_("Add a metric to the selected objective")),
        Binding("r", "record_measurement", N_("Record"), id="objectives.record",
                tooltip=N_("Record a measurement of the focused metric")),
        Binding("A", "accept_proposal", N_("Accept"), id="objectives.accept",
                tooltip=N_("Accept the proposed status (behind pace: at risk)")),
        Binding("p", "cycle_period", N_("Period"), id="objectives.period",
                tooltip=N_("Show one period, the next, or all")),
        Binding("c", "cycle_kind", N_("Kind"), id="objectives.kind",
                tooltip=N_("Show goals, campaigns, strategies, or all")),
        Binding("slash", "filter_objectives", N_("Filter"), id="objectives.filter",
                tooltip=N_("Filter by text, owner or department")),
        Binding("escape", "clear_filter", N_("Clear filter"), show=False, id="objectives.clear_filter",
                tooltip=N_("Clear the filters")),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = set(ROW_CLASSES)  # the list's row styles (see ROW_CLASSES)
    DEFAULT_CSS = """
    ObjectivesPane {""" + ROW_CSS + """
        padding: 0;
        & > #objectives-status { height: 1; padding: 0 1; color: $text-muted; }
        & > #objectives-filter { display: none; height: 1; padding: 0 1; }
        & > #objectives-body { height: 1fr; }
        & ObjectiveList { width: 1fr; min-width: 36; border: round $panel-lighten-2; }
        & ObjectiveList:focus { border: round $primary; }
        & ObjectiveDetail { width: 1fr; }
        & > #objectives-body.-narrow { layout: vertical; }
        & > #objectives-body.-narrow > ObjectiveList { width: 1fr; height: 1fr; }
        & > #objectives-body.-narrow > ObjectiveDetail { height: 1fr; }
    }
    """

    class DataReady(Message):
        """The worker has worked out progress and links for workspace state ``generation``."""

        def __init__(self, generation: int, data: ObjectiveData) -> None:
            super().__init__()
            self.generation = generation
            self.data = data

    def __init__(self, title: str = N_("Objectives"), *, id: str = "objectives") -> None:  # noqa: A002
        super().__init__(title, id=id)
        self.filter_text = ""
        self.period_filter: str | None = None
        self.kind_filter: str | None = None
        self._objectives: list[Objective] = []
        self._members: dict[str, Member] = {}
        self._data: ObjectiveData | None = None
        self._generation = 0
        self._detail_timer: Timer | None = None
        self._detail_shown: tuple[str | None, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static(_("Loading the workspace…"), id="objectives-status", markup=False)

    async def build(self) -> None:
        for module in BUILT_WITH:
            importlib.import_module(module)
        from tui.panes.objective_detail import ObjectiveDetail

        await self.mount(
            Input(placeholder=_("filter by title, owner or department · enter keeps it · escape clears"),
                  id="objectives-filter", compact=True),
            before="#objectives-status",
        )
        await self.mount(Horizontal(ObjectiveList(id="objectives-list"), ObjectiveDetail(), id="objectives-body"))
        await self.mount(PromptLine())

    # -- reading ----------------------------------------------------------------------------
    @property
    def objective_list(self) -> ObjectiveList:
        return self.query_one(ObjectiveList)

    @property
    def detail(self) -> ObjectiveDetail:
        from tui.panes.objective_detail import ObjectiveDetail

        return self.query_one(ObjectiveDetail)

    @property
    def selected_id(self) -> str | None:
        row = self.objective_list.selected
        return row.id if row else None

    def selected_record(self) -> tuple[str, str] | None:
        """The selected objective (what i shows the history of, F gives feedback about)."""
        selected = self.selected_id if self.built else None
        return ("objectives", selected) if selected is not None else None

    def shown_titles(self) -> list[str]:
        """The titles the list shows, top to bottom (headers left out)."""
        entries = self.objective_list.entries
        return [e.title for e in (entries[i] for i in range(len(entries))) if isinstance(e, ObjectiveRow)]

    def view_of(self, objective_id: str) -> ObjectiveView | None:
        return self._data.views.get(objective_id) if self._data else None

    def refresh_content(self) -> None:
        workspace = self.workspace
        if not workspace.loaded:
            self.query_one("#objectives-status", Static).update(_("Loading the workspace…"))
            return
        self._objectives = workspace.records("objectives")
        self._members = {m.id: m for m in workspace.records("members", include_deleted=True)}
        self._generation += 1
        if workspace.count("measurements") <= SYNC_LIMIT:
            self._data = compute(workspace, self.today())
        else:
            self._compute_in_worker(self._generation, workspace, self.today())
        self._show()

    @work(thread=True, exclusive=True, group="objectives-data")
    def _compute_in_worker(self, generation: int, workspace: Workspace, today: date) -> None:
        for _attempt in range(3):  # a save running meanwhile may change a table under the reading: read again
            try:
                data = compute(workspace, today)
            except RuntimeError:
                continue
            self.post_message(self.DataReady(generation, data))
            return

    @on(DataReady)
    def _data_ready(self, event: DataReady) -> None:
        if event.generation == self._generation:
            self._data = event.data
            self._show()

    def _row(self, objective: Objective) -> ObjectiveRow:
        view = self.view_of(objective.id)
        departments = view.departments if view else tuple(sorted(objective.departments))
        progress = (view.progress, view.pace.label, view.pace.behind) if view else None
        return ObjectiveRow(
            id=objective.id, title=printable(objective.title), status=str(objective.status),
            kind=objective_kind(str(objective.kind)), period=printable(objective.period),
            departments=tuple(printable(d) for d in departments), progress=progress,
        )

    def _entries(self) -> list[PeriodHeader | Objective]:
        """Headers and objectives (rows are built only when painted), grouped by period."""
        from store.objective_index import is_current, matches, period_order

        words = self.filter_text.split()
        shown = [
            o for o in self._objectives
            if (self.period_filter is None or o.period == self.period_filter)
            and (self.kind_filter is None or str(o.kind) == self.kind_filter)
            and matches(o, self._members, words)
        ]
        by_period: dict[str, list[Objective]] = {}
        for objective in shown:
            by_period.setdefault(objective.period, []).append(objective)
        today = self.today()
        entries: list[PeriodHeader | Objective] = []
        for period in period_order(by_period, today):
            group = by_period[period]
            entries.append(PeriodHeader(printable(period), len(group), is_current(period, today)))
            ordered: list[Objective] = sorted(group, key=_in_group)
            entries.extend(ordered)
        return entries

    def _show(self, select: str | None = None) -> None:
        raw = self._entries()
        def entry(index: int) -> Entry:
            found = raw[index]
            return found if isinstance(found, PeriodHeader) else self._row(found)

        entries = LazySequence(len(raw), entry)
        items = LazySequence(len(raw), lambda i: entry_lines(entries[i]))
        objective_list = self.objective_list
        objective_list.empty_text = _(NO_MATCH) if self._objectives else _(EMPTY)
        objective_list.show(entries, items, select=select or self.selected_id)
        self._show_status(sum(1 for e in raw if not isinstance(e, PeriodHeader)))
        self._detail_shown = None
        if self._detail_timer is not None:  # new data: draw the detail with the next frame, not after a pause
            self._detail_timer.stop()
            self._detail_timer = None
        self.call_after_refresh(self._update_detail)

    def _show_status(self, shown: int) -> None:
        total = len(self._objectives)
        if not total:
            self.query_one("#objectives-status", Static).update(_(EMPTY))
            return
        if shown != total:
            count = ngettext("{shown} of {total} objective", "{shown} of {total} objectives", total)
        else:
            count = ngettext("{total} objective", "{total} objectives", total)
        parts = [count.format(shown=shown, total=total)]
        period = printable(self.period_filter) if self.period_filter else _("all")
        parts.append(_("period {period} (p)").format(period=period))
        kind = objective_kind(self.kind_filter) if self.kind_filter else _("all")
        parts.append(_("kind {kind} (c)").format(kind=kind))
        if self.filter_text:
            parts.append(_("filter “{text}”").format(text=printable(self.filter_text)))
        if self._data is None:
            parts.append(_("working out progress…"))
        self.query_one("#objectives-status", Static).update(" · ".join(parts))

    # -- the detail follows the cursor -----------------------------------------------------------
    @on(VirtualList.Highlighted, "#objectives-list")
    def _highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()
        self._schedule_detail()

    def _schedule_detail(self) -> None:
        """Redraw the detail once the cursor has rested DETAIL_PAUSE seconds."""
        if self._detail_timer is not None:
            self._detail_timer.reset()
        else:
            self._detail_timer = self.set_timer(DETAIL_PAUSE, self._update_detail)

    @property
    def detail_settled(self) -> bool:
        """The detail shows the selected objective as the data now stand (for tests)."""
        return self._detail_timer is None and self._detail_shown == (self.selected_id, id(self._data))

    async def _flush_detail(self) -> None:
        """Draw the detail now (a key that acts on it should not wait for the pause)."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        await self._update_detail()

    async def _update_detail(self) -> None:
        self._detail_timer = None
        selected = self.selected_id
        state = (selected, id(self._data))
        if state == self._detail_shown:
            return
        self._detail_shown = state
        from store.objective_index import Links

        objective = self.workspace.lookup("objectives", selected) if selected else None
        links = self._data.links.get(selected, Links()) if self._data and selected else Links()
        view = self.view_of(selected) if selected else None
        await self.detail.show(view, links, self._members, self.today(), objective=objective)
        self.call_after_refresh(collect_young)  # the detail's garbage, before the next key (store.gcpolicy)

    def on_resize(self) -> None:
        body = self.query("#objectives-body")
        if body:
            body.first().set_class(self.size.width < 100, "-narrow")

    # -- focus --------------------------------------------------------------------------------
    def focus_content(self) -> None:
        self.objective_list.focus()

    def show_content(self, record_id: str) -> None:
        self.period_filter = self.kind_filter = None
        self._clear_text_filter()
        self._show(select=record_id)
        self.objective_list.focus()

    def show_item(self, record_id: str, item_id: str) -> None:
        """Select an objective with one of its metric cards focused (a jump to the metric)."""
        self.show_content(record_id)
        self.call_later(self._focus_card, item_id)

    @property
    def focused_card(self) -> MetricCard | None:
        focused = self.app.focused
        return focused if isinstance(focused, MetricCard) else None

    @on(VirtualList.Selected, "#objectives-list")
    async def _objective_opened(self, event: VirtualList.Selected) -> None:
        """enter on an objective: into its detail, on the first metric."""
        event.stop()
        await self._flush_detail()
        cards = self.detail.cards
        (cards[0] if cards else self.detail.task_list).focus()

    @on(VirtualList.Selected, "#detail-tasks")
    async def _task_opened(self, event: VirtualList.Selected) -> None:
        from tui.panes.objective_detail import TaskLinks

        event.stop()
        task_list = self.query_one(TaskLinks)
        if event.index < len(task_list.task_ids):
            await self.app.run_action(f"jump_to('tasks', '{task_list.task_ids[event.index]}')")

    @on(MetricCard.Opened)
    def _metric_opened(self, event: MetricCard.Opened) -> None:
        from tui.screens.measurements import MeasurementsScreen

        self.app.push_screen(MeasurementsScreen(event.card.metric_id))

    # -- filters -------------------------------------------------------------------------------
    def action_cycle_period(self) -> None:
        from store.objective_index import period_order

        periods = period_order({o.period for o in self._objectives}, self.today())
        self.period_filter = _next(self.period_filter, periods)
        self._show()

    def action_cycle_kind(self) -> None:
        from store.enums import ObjectiveKind

        self.kind_filter = _next(self.kind_filter, [str(kind) for kind in ObjectiveKind])
        self._show()

    def action_filter_objectives(self) -> None:
        box = self.query_one("#objectives-filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#objectives-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.filter_text = event.value.strip()
        self._show()

    @on(Input.Submitted, "#objectives-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.input.display = bool(self.filter_text)
        self.objective_list.focus()

    def _clear_text_filter(self) -> None:
        box = self.query_one("#objectives-filter", Input)
        box.display = False
        if box.value:
            box.value = ""
        self.filter_text = ""

    def action_clear_filter(self) -> None:
        self._clear_text_filter()
        self.period_filter = self.kind_filter = None
        self._show()
        self.objective_list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self.built and bool(self.filter_text or self.period_filter or self.kind_filter)
        return True

    # -- writing -------------------------------------------------------------------------------
    def _writable(self) -> bool:
        workspace = self.workspace
        if workspace.read_only:
            self.notify(_("The workspace is read-only because {reason}: nothing can be changed.").format(
                reason=workspace.read_only_reason), title=_("Read-only"), severity="warning")
            return False
        return True

    def _selected_objective(self, refusal: str) -> Objective | None:
        """The selected objective; else says ``refusal`` (a whole sentence, translated) and returns None."""
        selected = self.selected_id
        if selected is None:
            self.notify(refusal, severity="warning")
            return None
        return self.workspace.lookup("objectives", selected)

    def action_new_objective(self) -> None:
        if not self._writable():
            return
        defaults: dict[str, Any] = {"period": self.period_filter or _quarter(self.today())}
        me = self.workspace.me
        if me is not None:
            defaults["owner_ids"] = frozenset({me.id})
        self.open_form("objectives", defaults=defaults, then=self._objective_saved)

    def action_edit_objective(self) -> None:
        objective = self._selected_objective(_("No objective selected to edit — press n to add one."))
        if objective is not None and self._writable():
            self.open_form("objectives", record=objective, then=self._objective_saved)

    def _objective_saved(self, saved: Any) -> None:
        if saved is not None:
            self.refresh_data()
            self._show(select=saved.id)
        self.objective_list.focus()

    def action_delete_objective(self) -> None:
        objective = self._selected_objective(_("No objective selected to delete — press n to add one."))
        if objective is not None and self._writable():
            self.write(lambda ws: ws.delete("objectives", objective.id), purpose="delete")

    def action_add_metric(self) -> None:
        objective = self._selected_objective(_("No objective selected to add a metric to — press n to add one."))
        if objective is not None and self._writable():
            self.open_form("metrics", defaults={"objective_id": objective.id}, then=self._metric_saved)

    def _metric_saved(self, saved: Any) -> None:
        if saved is not None:
            self.refresh_data()
            self.call_later(self._focus_card, saved.id)

    async def _focus_card(self, metric_id: str) -> None:
        await self._flush_detail()
        for card in self.detail.cards:
            if card.metric_id == metric_id:
                card.focus()
                return

    def _target_metric(self) -> MetricCard | None:
        card = self.focused_card
        if card is not None:
            return card
        cards = self.detail.cards
        if not cards:
            self.notify(_("This objective has no metric yet — a adds one."), severity="warning")
            return None
        return cards[0]

    async def action_record_measurement(self) -> None:
        if self.selected_id is None or not self._writable():
            return
        await self._flush_detail()
        card = self._target_metric()
        if card is None:
            return
        card.focus()
        metric = card.view.metric
        unit = f" ({printable(metric.unit)})" if metric.unit.strip() else ""
        self.query_one(PromptLine).ask(
            "record", f"{printable(metric.name)}{unit}:", _('value, date, note — e.g. 1250 fri "webinar week"'),
            subject=metric.id,
        )

    def action_import_measurements(self) -> None:
        """The palette's "Import measurements…": ask for the CSV file."""
        if not self._writable():
            return
        self.query_one(PromptLine).ask("import", _("CSV file:"),
                                       _("path to a file with columns metric, date, value, note"))

    @on(PromptLine.Answered)
    def _answered(self, event: PromptLine.Answered) -> None:
        event.stop()
        today = self.today()
        if event.purpose == "record":
            from store.errors import InvalidInput
            from store.measurement_line import parse_measurement_line, record_measurement

            metric = self.workspace.lookup("metrics", event.subject)
            if metric is None:
                event.prompt.close()
                return
            try:
                entry = parse_measurement_line(event.text, today, unit=metric.unit)
            except (InvalidInput, ValueError) as error:
                event.prompt.refuse(str(error))
                return
            self.write(lambda ws: record_measurement(ws, metric.id, entry), purpose="record")
        elif event.purpose == "import":
            self.write(_import_file(Path(event.text.strip()).expanduser(), self.workspace.folder, today),
                       purpose="import")

    @on(PromptLine.Closed)
    def _prompt_closed(self, event: PromptLine.Closed) -> None:
        event.stop()
        if event.purpose == "record":
            self.call_later(self._focus_card, event.subject)
        else:
            self.objective_list.focus()

    def action_accept_proposal(self) -> None:
        selected = self.selected_id
        view = self.view_of(selected) if selected else None
        if view is None or view.proposal is None:
            self.notify(_("Nothing proposed for this objective: its status fits its pace."))
            return
        if not self._writable():
            return
        status = view.proposal
        self.write(lambda ws: ws.update("objectives", view.objective.id, status=status), purpose="accept")

    def action_export_report(self) -> None:
        """The palette's "Export objectives report": Markdown in exports/."""
        self.write(_export_report(self.today()), purpose="export")

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        event.stop()
        prompt = self.query_one(PromptLine)
        if event.purpose == "delete":
            self.notify(_("Deleted “{title}” — u brings it back").format(title=printable(event.result.title)))
        elif event.purpose == "accept":
            status = objective_status(str(event.result.status))
            self.notify(_("“{title}” is now {status}.").format(title=printable(event.result.title), status=status))
        elif event.purpose == "record":
            from store.dates import day_label
            from store.progress import format_value

            prompt.close()
            metric = self.workspace.lookup("metrics", event.result.metric_id)
            value = format_value(event.result.value, metric.unit if metric else "")
            self.notify(_("Recorded {value} on {day}.").format(value=value, day=day_label(event.result.date)))
        elif event.purpose == "import":
            prompt.close()
            self.notify(event.result.summary.capitalize() + ".", title=_("Import"))
        elif event.purpose == "export":
            self.notify(_("Objectives report written to {path}").format(path=event.result), title=_("Export"),
                        timeout=8)

    @on(Refused)
    def _refused(self, event: Refused) -> None:
        prompt = self.query_one(PromptLine)
        if event.purpose in ("record", "import") and prompt.display:
            event.stop()
            prompt.refuse(str(event.error))


def _in_group(objective: Objective) -> tuple[bool, str]:
    """Open objectives first, by title; done ones last."""
    return str(objective.status) == "done", objective.title.casefold()


def _next(current: str | None, choices: list[str]) -> str | None:
    """The choice after ``current`` (None = all, then each choice, then all again)."""
    if not choices:
        return None
    if current not in choices:
        return choices[0]
    at = choices.index(current) + 1
    return choices[at] if at < len(choices) else None


def _quarter(today: date) -> str:
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


def _import_file(path: Path, folder: Path, today: date) -> Callable[[Workspace], Any]:
    def run(workspace: Workspace) -> Any:
        from store.errors import InvalidInput
        from store.importing import import_measurements

        target = path if path.is_absolute() else folder / path
        try:
            text = target.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise InvalidInput(_("no file at {path}").format(path=target)) from None
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or error
            raise InvalidInput(_("could not read {path}: {reason}").format(path=target, reason=reason)) from None
        return import_measurements(workspace, text, today=today)

    return run


def _export_report(today: date) -> Callable[[Workspace], Any]:
    def run(workspace: Workspace) -> Any:
        from store.export.files import EXPORTS, write_export
        from store.export.objectives import objectives_markdown

        path = write_export(workspace.folder, f"objectives-{today.isoformat()}.md",
                            objectives_markdown(workspace, today=today))
        return f"{EXPORTS}/{path.name}"

    return run
