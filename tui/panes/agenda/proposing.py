"""Proposals for a meeting's agenda, read from the workspace (``o`` and ``f`` in the Agenda pane).

The rules are store.proposals'; this only gathers the records. ``o`` also proposes the
objectives that are behind pace (store.progress.pace), the rule the Objectives pane uses
to propose "at risk".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from store.agenda import agenda_of
from store.progress import group_measurements, objective_view
from store.proposals import Proposal, propose_from_feedback, propose_from_objectives

if TYPE_CHECKING:
    from store.models import Meeting, Member, Objective
    from store.workspace import Workspace


def behind_pace_check(workspace: Workspace, members: Mapping[str, Member], today: date) -> Callable[[Objective], bool]:
    """A test "is this objective behind pace today?", computed only for the objectives asked about."""
    metrics = workspace.records("metrics")
    measurements = group_measurements(workspace.records("measurements"))

    def behind(objective: Objective) -> bool:
        own = [metric for metric in metrics if metric.objective_id == objective.id]
        return objective_view(objective, own, measurements, members, today).pace.behind

    return behind


def from_objectives(workspace: Workspace, meeting: Meeting, today: date) -> list[Proposal]:
    members = {m.id: m for m in workspace.records("members", include_deleted=True)}
    return propose_from_objectives(
        meeting,
        agenda_of(workspace.records("agenda_items"), meeting.id),
        workspace.records("objectives"),
        workspace.records("metrics"),
        workspace.records("measurements"),
        members,
        today,
        behind_pace=behind_pace_check(workspace, members, today),
    )


def from_feedback(workspace: Workspace, meeting: Meeting, today: date) -> list[Proposal]:
    members = {m.id: m for m in workspace.records("members", include_deleted=True)}
    return propose_from_feedback(
        meeting,
        agenda_of(workspace.records("agenda_items"), meeting.id),
        workspace.records("feedback"),
        workspace.records("objectives"),
        members,
        today,
    )
