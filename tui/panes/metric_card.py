"""One metric of an objective: baseline → current → target, direction, a sparkline, the last change.

The card is focusable: the Objectives pane records a measurement for the focused card (r)
and opens its measurements (enter). It shows a ``MetricView`` (store.progress). The pane
imports this module for its message at start; what draws a card, when the first is drawn.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from store.i18n import N_, _, ngettext
from store.text import printable

if TYPE_CHECKING:
    from textual.widgets import Sparkline

    from store.progress import MetricView


def metric_lines(view: MetricView) -> tuple[Content, Content, Content]:
    """Name and direction; baseline → current → target with progress; the last measurement."""
    from store.dates import day_label
    from store.progress import format_change, format_value, percent, toward_target
    from tui.widgets.objective_list import progress_bar

    metric = view.metric
    unit = metric.unit
    arrow = "↓ " + _("lower is better") if str(metric.direction) == "decrease" else "↑ " + _("higher is better")
    name = Content.assemble((printable(metric.name), "bold"), ("  " + arrow, "$text-muted"))
    current = format_value(view.current, unit) if view.current is not None else _("no data")
    values = Content.assemble(
        (format_value(metric.baseline, unit), "$text-muted"), " → ", (current, "bold"), " → ",
        (format_value(metric.target, unit), "$text-muted"),
        ("   " + progress_bar(view.progress), "$primary"), f" {percent(view.progress)}",
    )
    if view.last_date is None:
        last = Content.styled(_("no measurement yet — r records one"), "$text-muted italic")
    else:
        change = format_change(view.change, unit)
        good = toward_target(metric, view.change)
        tone = "$success" if good else "$error" if good is False else "$text-muted"
        count = len(view.points)
        last = Content.assemble(
            (_("last {day}").format(day=day_label(view.last_date)), "$text-muted"),
            ("  " + change, tone) if change else "",
            ("  · " + ngettext("{count} measurement", "{count} measurements", count).format(count=count),
             "$text-muted"),
        )
    return name, values, last


class MetricCard(Vertical, can_focus=True):
    """A metric's card in the objective's detail."""

    DEFAULT_CSS = """
    MetricCard {
        height: auto;
        border: round $panel-lighten-2;
        padding: 0 1;
        margin: 0 0 0 0;
        & > Static { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }  /* a long name is cut, not lost */
        & > Sparkline { height: 2; margin: 0 0; }
        &:focus { border: round $primary; background: $boost; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "step(1)", N_("Next metric"), show=False, id="objectives.next_metric",
                tooltip=N_("Next metric")),
        Binding("k,up", "step(-1)", N_("Previous metric"), show=False, id="objectives.previous_metric",
                tooltip=N_("Previous metric")),
        Binding("enter", "open", N_("Measurements"), id="objectives.measurements",
                tooltip=N_("List the metric's measurements: edit or delete one")),
    ]

    class Opened(Message):
        """enter on the card: show its measurements."""

        def __init__(self, card: MetricCard) -> None:
            super().__init__()
            self.card = card

    def __init__(self, view: MetricView, today: date) -> None:
        super().__init__()
        self.view = view
        self.today = today

    @property
    def metric_id(self) -> str:
        return self.view.metric.id

    def compose(self) -> ComposeResult:
        from textual.widgets import Sparkline

        name, values, last = metric_lines(self.view)
        yield Static(name, classes="metric-name", markup=False)
        yield Static(values, classes="metric-values", markup=False)
        yield self._sized(Sparkline(self.view.series, summary_function=max))
        yield Static(last, classes="metric-last", markup=False)

    def show(self, view: MetricView) -> None:
        """Show another view (same card, new numbers): no remount."""
        self.view = view
        name, values, last = metric_lines(view)
        self.query_one(".metric-name", Static).update(name)
        self.query_one(".metric-values", Static).update(values)
        from textual.widgets import Sparkline

        self._sized(self.query_one(Sparkline)).data = view.series
        self.query_one(".metric-last", Static).update(last)

    def _sized(self, sparkline: Sparkline) -> Sparkline:
        """Two cells per measurement (a few points stretched over the card read as steps)."""
        sparkline.styles.width = max(2, min(2 * len(self.view.points), 60))
        return sparkline

    def action_step(self, step: int) -> None:
        siblings = [card for card in self.parent.children if isinstance(card, MetricCard)] if self.parent else [self]
        at = siblings.index(self) + step
        if 0 <= at < len(siblings):
            siblings[at].focus()

    def action_open(self) -> None:
        self.post_message(self.Opened(self))
