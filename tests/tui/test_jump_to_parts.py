"""Jumping to an agenda item or a metric shows that item or metric, not only its meeting or objective."""

from __future__ import annotations

from pathlib import Path

from tests.tui.app_harness import demo_app, objectives_settled, settle, wait_until
from tui.panes.agenda import AgendaPane
from tui.panes.metric_card import MetricCard


async def test_a_jump_to_an_agenda_item_puts_the_cursor_on_it(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "ws")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        # an item that is not the first of its meeting, so the meeting alone would not select it
        items = [i for i in app.workspace.records("agenda_items") if not i.deleted]
        item = max(items, key=lambda i: (i.meeting_id, i.position))
        await app.run_action(f"jump_to('agenda_items', '{item.id}')")
        await settle(app, pilot)
        pane = app.query_one(AgendaPane)
        await wait_until(pilot, lambda: pane.selected_record() == ("agenda_items", item.id))
        assert pane.selected_meeting is not None and pane.selected_meeting.id == item.meeting_id
        assert app.focused is pane.item_list


async def test_a_jump_to_a_metric_focuses_its_card(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "ws")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        metrics_by_objective: dict[str, list] = {}
        for metric in app.workspace.records("metrics"):
            metrics_by_objective.setdefault(metric.objective_id, []).append(metric)
        metric = next(ms[-1] for ms in metrics_by_objective.values() if len(ms) > 1)  # not the first card
        await app.run_action(f"jump_to('metrics', '{metric.id}')")
        await objectives_settled(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.focused, MetricCard) and app.focused.metric_id == metric.id)
