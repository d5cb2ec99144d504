"""The welcome asks who I am once: a git email gained later keeps me the member I was."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Label

from store.workspace import Workspace
from tests.tui.app_harness import make_app, settle
from tui.launch import prepare
from tui.screens.welcome import WelcomeScreen


async def test_a_git_email_gained_after_the_welcome_does_not_ask_again(
    workspace_dir: Path, isolated_home: Path
) -> None:
    (isolated_home / ".gitconfig").write_text("[user]\n\tuseConfigOnly = true\n")  # git knows nobody
    workspace = Workspace(workspace_dir)
    workspace.identify_as("Mara Lind")  # what the welcome did, the first time
    workspace.create("members", name="Mara Lind", department="Marketing")
    (isolated_home / ".gitconfig").write_text("[user]\n\temail = mara@example.com\n")  # later, globally

    opened = prepare(workspace_dir)
    try:
        app = make_app(opened.workspace, welcome=True, claim=opened.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert not isinstance(app.screen, WelcomeScreen), "I am still Mara"
            assert app.sub_title.startswith("Mara Lind")
    finally:
        opened.release()
    [mara] = Workspace(workspace_dir).records("members")
    assert mara.email == "mara@example.com"


async def test_the_welcome_offers_gits_name(workspace_dir: Path) -> None:
    opened = prepare(workspace_dir)
    try:
        app = make_app(opened.workspace, welcome=True, claim=opened.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert isinstance(app.screen, WelcomeScreen)
            assert app.screen.query_one("#welcome-name", Input).value == "Ana Ruiz"  # tests/conftest.py's git
    finally:
        opened.release()


async def test_with_no_git_identity_the_welcome_does_not_promise_the_login(
    workspace_dir: Path, isolated_home: Path
) -> None:
    (isolated_home / ".gitconfig").write_text("[user]\n\tuseConfigOnly = true\n")
    opened = prepare(workspace_dir)
    try:
        app = make_app(opened.workspace, welcome=True, claim=opened.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert isinstance(app.screen, WelcomeScreen)
            question = str(app.screen.query_one(".welcome-question", Label).render())
            assert "signed with the name you give here" in question
            assert app.screen.query_one("#welcome-name", Input).value == ""
    finally:
        opened.release()
