"""What a person types for a field (CLI FIELD=VALUE, a form) and the words they get back."""

from __future__ import annotations

import pytest

from store.errors import AmbiguousId, InvalidInput, RecordNotFound
from store.inputs import parse_assignments, resolve_reference
from store.workspace import Workspace


@pytest.fixture
def team(workspace: Workspace) -> dict[str, str]:
    people = {
        "mara": workspace.create("members", name="Mara Lind", email="mara@example.com"),
        "mats": workspace.create("members", name="Mats Ek"),
        "jonas": workspace.create("members", name="Jonás Berg"),
        "ana": workspace.create("members", name="Ana Ruiz"),
        "ana2": workspace.create("members", name="Ana Costa"),
    }
    return {key: member.id for key, member in people.items()}


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("Mara", "mara"),  # a unique first name
        ("mara", "mara"),
        ("Mara Lind", "mara"),
        ("MARA@example.com", "mara"),
        ("Mat", "mats"),  # a unique start of the name
        ("jonas", "jonas"),  # accents and case do not matter
        ("Jonás B", "jonas"),
        ("Ana Costa", "ana2"),
    ],
)
def test_a_member_is_named_as_people_name_them(
    workspace: Workspace, team: dict[str, str], typed: str, who: str
) -> None:
    assert resolve_reference(workspace, "members", typed) == team[who]


def test_a_member_by_id_prefix_still_works(workspace: Workspace, team: dict[str, str]) -> None:
    assert resolve_reference(workspace, "members", team["mats"][:6]) == team["mats"]


def test_an_ambiguous_name_lists_the_candidates(workspace: Workspace, team: dict[str, str]) -> None:
    with pytest.raises(AmbiguousId, match=r"'Ana' could be Ana Costa, Ana Ruiz"):
        resolve_reference(workspace, "members", "Ana")
    with pytest.raises(AmbiguousId, match=r"Mara Lind, Mats Ek"):
        resolve_reference(workspace, "members", "Ma")


def test_an_unknown_name_says_who_is_on_the_team(workspace: Workspace, team: dict[str, str]) -> None:
    with pytest.raises(RecordNotFound, match=r"no member called 'Zed' \(the team: Ana Costa, Ana Ruiz, Jon"):
        resolve_reference(workspace, "members", "Zed")


def test_a_presenter_by_first_name(workspace: Workspace, team: dict[str, str]) -> None:
    meeting = workspace.create("meetings", title="Weekly", starts_at="2026-12-01T09:00:00+00:00")
    fields = parse_assignments(workspace, "agenda_items", [f"meeting_id={meeting.id}", "title=Pipeline",
                                                            "presenter_id=Mara"])
    item = workspace.create("agenda_items", **fields)
    assert item.presenter_id == team["mara"]


def test_a_wrong_word_lists_the_accepted_words(workspace: Workspace) -> None:
    objective = workspace.create("objectives", title="Grow")
    with pytest.raises(InvalidInput) as raised:
        workspace.create("metrics", objective_id=objective.id, name="Leads", target=3, direction="up")
    assert str(raised.value) == "direction must be one of: increase, decrease"
    assert raised.value.errors == {"direction": "must be one of: increase, decrease"}


def test_a_wrong_word_in_an_optional_field_lists_them_too(workspace: Workspace) -> None:
    with pytest.raises(InvalidInput, match="priority must be one of: low, normal, high, urgent"):
        workspace.create("tasks", title="Call", priority="asap")
