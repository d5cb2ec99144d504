"""The Team screen: members by department, added, edited and removed from the keyboard."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from store.workspace import Workspace
from tests.conftest import GIT_EMAIL
from tests.tui.app_harness import make_app, on_disk, press, settle, type_text
from tui.app import AlineaApp
from tui.screens.help import HelpScreen
from tui.screens.record_form import RecordForm
from tui.screens.team import EMPTY_TEAM, TeamScreen


@pytest.fixture
def team_workspace(workspace: Workspace) -> Workspace:
    """Me (Ana, Sales), Priya and Malik (Marketing), and a task Malik owns."""
    workspace.create("members", name="Ana Ruiz", email=GIT_EMAIL, department="Sales", role="Head of Sales")
    workspace.create("members", name="Priya Rao", email="priya@example.com", department="Marketing")
    malik = workspace.create("members", name="Malik Johnson", email="malik@example.com", department="Marketing")
    workspace.create("tasks", title="Webinar landing page", owner_id=malik.id)
    return workspace


def rows(app: AlineaApp) -> list[str]:
    option_list = app.screen.query_one("#team-list", OptionList)
    return [str(option_list.get_option_at_index(i).prompt).strip() for i in range(option_list.option_count)]


def highlighted(app: AlineaApp) -> str:
    option_list = app.screen.query_one("#team-list", OptionList)
    assert option_list.highlighted is not None
    return str(option_list.get_option_at_index(option_list.highlighted).prompt).strip()


async def open_team(app: AlineaApp, pilot) -> TeamScreen:  # noqa: ANN001 - textual's Pilot
    await settle(app, pilot)
    app.action_show_team()
    await settle(app, pilot)
    assert isinstance(app.screen, TeamScreen)
    return app.screen


async def test_the_team_lists_members_by_department_with_me_marked(team_workspace: Workspace) -> None:
    app = make_app(team_workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_team(app, pilot)
        shown = rows(app)
        assert shown[0] == "Marketing · 2" and shown[3] == "Sales · 1"
        assert shown[1].startswith("Malik Johnson") and shown[2].startswith("Priya Rao")
        assert shown[4].startswith("Ana Ruiz (you)") and "Head of Sales" in shown[4]
        assert highlighted(app).startswith("Malik Johnson"), "headings are skipped"
        await press(app, pilot, "j", "j")
        assert highlighted(app).startswith("Ana Ruiz"), "j moves over the Sales heading"
        await press(app, pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert any(row.group == "Team" and row.keys == "d" for row in app.screen.rows)
        await press(app, pilot, "escape", "escape")
        assert not isinstance(app.screen, (TeamScreen, HelpScreen))


async def test_adding_a_member_puts_them_in_the_highlighted_department(team_workspace: Workspace) -> None:
    app = make_app(team_workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_team(app, pilot)  # Malik (Marketing) is highlighted
        await press(app, pilot, "n")
        form = app.screen
        assert isinstance(form, RecordForm)
        assert form.query_one("#field-department", Input).value == "Marketing"
        await type_text(app, pilot, "Tomas Oliveira")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, TeamScreen), "the team shows again after the form"
        assert highlighted(app).startswith("Tomas Oliveira")
        assert rows(app)[0] == "Marketing · 3"
    added = next(m for m in on_disk(team_workspace).records("members") if m.name == "Tomas Oliveira")
    assert added.department == "Marketing"


async def test_editing_a_member_with_enter_moves_them_between_departments(team_workspace: Workspace) -> None:
    app = make_app(team_workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_team(app, pilot)
        await press(app, pilot, "enter")  # Malik
        department = app.screen.query_one("#field-department", Input)
        department.value = "Sales"
        await press(app, pilot, "ctrl+s")
        assert rows(app)[0] == "Marketing · 1"
        assert "Sales · 2" in rows(app)
        assert highlighted(app).startswith("Malik Johnson")
    malik = next(m for m in on_disk(team_workspace).records("members") if m.name == "Malik Johnson")
    assert malik.department == "Sales"


async def test_removing_a_member_keeps_their_name_on_old_records_and_u_brings_them_back(
    team_workspace: Workspace,
) -> None:
    app = make_app(team_workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_team(app, pilot)
        await press(app, pilot, "d")  # Malik
        assert not any(row.startswith("Malik") for row in rows(app))
        assert highlighted(app).startswith("Priya Rao"), "the highlight stays where Malik was"
        assert any("Removed Malik Johnson" in n.message for n in app._notifications)
        removed = next(m for m in on_disk(team_workspace).records("members", include_deleted=True)
                       if m.name == "Malik Johnson")
        assert removed.deleted
        await press(app, pilot, "escape", "4")
        card = app.query_one("#column-todo").cards[0]
        assert card.owner == "Malik Johnson", "the board still names the owner of old cards"
        app.action_show_team()
        await settle(app, pilot)
        await press(app, pilot, "u")
        assert any(row.startswith("Malik Johnson") for row in rows(app))
    assert not any(m.deleted for m in on_disk(team_workspace).records("members", include_deleted=True))


async def test_an_empty_team_says_how_to_add_the_first_member(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_team(app, pilot)
        empty = app.screen.query_one("#team-empty")
        assert empty.display and str(empty.render()) == EMPTY_TEAM
        await press(app, pilot, "e")
        assert isinstance(app.screen, TeamScreen), "nothing to edit: the team stays"
        await press(app, pilot, "n")
        assert isinstance(app.screen, RecordForm)


async def test_the_palette_opens_the_team_and_jumps_to_a_member(team_workspace: Workspace) -> None:
    app = make_app(team_workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "ctrl+p")
        await type_text(app, pilot, "Team")
        await press(app, pilot, "enter")
        assert isinstance(app.screen, TeamScreen)
        await press(app, pilot, "escape")
        app.action_jump_to("members", next(m.id for m in team_workspace.records("members") if m.name == "Priya Rao"))
        await settle(app, pilot)
        assert isinstance(app.screen, TeamScreen)
        assert highlighted(app).startswith("Priya Rao")


async def test_the_team_follows_a_change_made_elsewhere(team_workspace: Workspace) -> None:
    app = make_app(team_workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_team(app, pilot)
        other = Workspace(team_workspace.folder)  # another process, e.g. a git pull
        other.create("members", name="Jonas Weber", department="Sales")
        app.watcher.poll()
        await settle(app, pilot)
        assert "Sales · 2" in rows(app)
