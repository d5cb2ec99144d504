"""The app shell: tabs, undo, help, the palette, outside changes, read-only, keymap, welcome."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Input, OptionList

from store.config import UserConfig, load_config
from store.workspace import Workspace
from tests.tui.app_harness import highlighted_id, make_app, open_form, press, settle, titles, type_text, wait_until
from tui.launch import prepare
from tui.screens.help import HelpScreen, help_rows
from tui.screens.welcome import WelcomeScreen
from tui.widgets.pane_tabs import PaneTabs


def _titles(app, pane_id: str) -> list[str]:
    return titles(app, pane_id)


async def test_number_keys_switch_panes(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        tabs = app.query_one(PaneTabs)
        assert tabs.active == "board"
        for key, pane in (("1", "objectives"), ("2", "agenda"), ("3", "feedback"), ("4", "board")):
            await press(app, pilot, key)
            assert tabs.active == pane


async def test_the_header_names_the_workspace_me_and_the_sync_state(workspace: Workspace) -> None:
    workspace.create("members", name="Ana Ruiz", email="ana.ruiz@example.com", department="Sales")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.title == workspace.folder.name
        assert app.sub_title.startswith("Ana Ruiz")
        assert "unsynced edits" in app.sub_title and "no remote" not in app.sub_title


async def test_undo_takes_back_the_last_change(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.write(app, lambda ws: ws.create("objectives", title="Win the Q3 webinar"))
        await settle(app, pilot)
        await press(app, pilot, "1")
        assert _titles(app, "objectives")[0].startswith("Win the Q3 webinar")
        await press(app, pilot, "u")
        assert _titles(app, "objectives") == []
    assert Workspace(workspace.folder).records("objectives") == []


async def test_undo_with_nothing_to_undo_says_so(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "u")
        assert any("Nothing to undo" in n.message for n in app._notifications)


async def test_help_lists_the_keys_of_the_current_screen(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        rows = help_rows(app)
        await press(app, pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        by_description = {row.description: row for row in rows}
        assert by_description["Undo the last change"].keys == "u"
        assert by_description["Sync with the team's remote now"].keys == "s"
        assert "Every key of this screen" in by_description
        groups = {row.group for row in rows}
        assert {"Board", "Everywhere"} <= groups
        assert any(row.group == "Board" and "New card" in row.description for row in rows)
        shown = " ".join(str(s.render()) for s in app.screen.query(".help-words"))
        assert "Undo the last change" in shown
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_help_on_a_form_lists_the_form_keys(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_form(app, pilot, "tasks")
        rows = help_rows(app)
        assert any(row.group == "Form" and row.keys == "^s" for row in rows)
        assert not any(row.description == "Undo the last change" for row in rows), "u is off while a form is open"


async def test_the_palette_jumps_to_a_record_by_title(workspace: Workspace) -> None:
    workspace.create("objectives", title="Alpha launch")
    target = workspace.create("objectives", title="Grow shared pipeline")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await type_text(app, pilot, "shared pipe")
        await wait_until(pilot, lambda: _palette_hits(app) > 0)  # the palette searches after a debounce
        await press(app, pilot, "enter")
        await settle(app, pilot)
        assert app.query_one(PaneTabs).active == "objectives"
        assert highlighted_id(app, "objectives") == target.id


def _palette_hits(app) -> int:
    return app.screen.query_one("CommandList", OptionList).option_count if isinstance(app.screen, CommandPalette) else 0


async def test_the_palette_jumps_to_a_card_on_the_board(workspace: Workspace) -> None:
    workspace.create("tasks", title="Brief the SDR team", status="todo")
    target = workspace.create("tasks", title="Ship the ABM landing page", status="blocked")
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "4", "slash")
        await type_text(app, pilot, "SDR")  # a filter that hides the target card
        await press(app, pilot, "enter", "ctrl+p")
        await type_text(app, pilot, "ABM landing")
        await wait_until(pilot, lambda: _palette_hits(app) > 0)
        await press(app, pilot, "enter")
        board = app.query_one("#board")
        column = board.focused_column
        assert column.key == "blocked" and column.selected is not None and column.selected.id == target.id
        assert board.filter_text == ""


async def test_an_outside_change_of_the_file_reloads_the_panes(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "1")
        form = await open_form(app, pilot, "tasks")
        await type_text(app, pilot, "half typed")
        other = Workspace(workspace.folder)  # another process, e.g. a git pull
        other.create("objectives", title="Pulled from the team")
        app.watcher.poll()
        await settle(app, pilot)
        assert _titles(app, "objectives")[0].startswith("Pulled from the team")
        assert app.screen is form, "an open form survives the reload"
        assert form.query_one("#field-title", Input).value == "half typed"


async def test_a_second_app_on_the_same_workspace_is_read_only(workspace_dir: Path) -> None:
    first = prepare(workspace_dir)
    second = prepare(workspace_dir)
    try:
        assert first.claim() == []
        assert not first.workspace.read_only
        app = make_app(second.workspace, claim=second.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert second.workspace.read_only
            assert "read-only" in app.sub_title
            assert any("another alinea window" in n.message for n in app._notifications)
            app.write(app, lambda ws: ws.create("tasks", title="nope"))
            await settle(app, pilot)
            assert any(n.title == "Not saved" for n in app._notifications)
    finally:
        second.release()
        first.release()
    assert Workspace(workspace_dir).records("tasks") == []
    third = prepare(workspace_dir)  # once the first closes, the next one may edit
    third.claim()
    assert not third.workspace.read_only
    third.release()


async def test_a_bad_file_opens_read_only_and_says_why(workspace_dir: Path) -> None:
    (workspace_dir / "alinea.json").write_text('{"tasks": {oops\n')
    opened = prepare(workspace_dir)
    try:
        app = make_app(opened.workspace, claim=opened.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert "read-only" in app.sub_title
            assert any("cannot be used" in n.message and "alinea.json" in n.message for n in app._notifications)
    finally:
        opened.release()
    assert (workspace_dir / "alinea.json").read_text() == '{"tasks": {oops\n'


async def test_a_bad_record_past_the_boards_tables_still_opens_read_only_and_says_why(workspace_dir: Path) -> None:
    """The Board's tables are validated and shown first; a bad objective found just after makes the
    window read-only, in words, the Board says the file could not be read, and nothing is written."""
    seed = Workspace(workspace_dir)
    seed.create("tasks", title="Call the agency")
    path = workspace_dir / "alinea.json"
    bad = b'"objectives": {"' + b"b" * 32 + b'": {"title": 1}}'
    path.write_bytes(path.read_bytes().replace(b'"objectives": {}', bad))
    broken = path.read_bytes()
    opened = prepare(workspace_dir)
    try:
        app = make_app(opened.workspace, claim=opened.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert "read-only" in app.sub_title
            said = [n.message for n in app._notifications]
            assert any("cannot be used" in text and "objectives record" in text and "is invalid" in text
                       for text in said), said
            assert str(app.query_one("#board-status").render()).startswith("The workspace could not be read:")
            app.write(app, lambda ws: ws.create("tasks", title="nope"))
            await settle(app, pilot)
            assert any(n.title == "Not saved" for n in app._notifications)
    finally:
        opened.release()
    assert path.read_bytes() == broken


async def test_a_keymap_in_the_config_file_remaps_keys(workspace: Workspace, isolated_home: Path) -> None:
    config_path = isolated_home / "config.toml"
    config_path.write_text('theme = "alinea-light"\n[keymap]\n"app.show_objectives" = "o"\n')
    config, problem = load_config(config_path)
    assert problem is None
    app = make_app(workspace, config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.theme == "alinea-light"
        await press(app, pilot, "o")
        assert app.query_one(PaneTabs).active == "objectives"
        await press(app, pilot, "4", "1")
        assert app.query_one(PaneTabs).active == "board", "1 no longer shows Objectives"


def test_an_invalid_config_gives_the_defaults_and_says_why(isolated_home: Path) -> None:
    path = isolated_home / "config.toml"
    path.write_text("sync_interval_minutes = -5\n")
    config, problem = load_config(path)
    assert config == UserConfig()
    assert problem is not None and "sync_interval_minutes" in problem
    path.write_text("theme = [unclosed\n")
    config, problem = load_config(path)
    assert config == UserConfig() and problem is not None and "not valid TOML" in problem


async def test_an_unknown_theme_falls_back_with_a_notice(workspace: Workspace) -> None:
    app = make_app(workspace, config=UserConfig(theme="no-such-theme"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.theme == "alinea-dark"
        assert any("no-such-theme" in n.message for n in app._notifications)


async def test_the_welcome_adds_me_and_starts_empty(workspace_dir: Path) -> None:
    opened = prepare(workspace_dir)
    try:
        app = make_app(opened.workspace, first_run=True, claim=opened.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert isinstance(app.screen, WelcomeScreen)
            app.screen.query_one("#welcome-empty").value = True
            app.screen.query_one("#welcome-name", Input).value = "Ana Ruiz"
            app.screen.query_one("#welcome-department", Input).focus()
            await type_text(app, pilot, "Sales")
            await press(app, pilot, "enter")
            assert not isinstance(app.screen, WelcomeScreen)
            assert app.sub_title.startswith("Ana Ruiz")
    finally:
        opened.release()
    reopened = Workspace(workspace_dir)
    assert reopened.me is not None and reopened.me.department == "Sales"
    assert reopened.count("tasks") == 0


async def test_the_welcome_loads_the_sample_quarter(workspace_dir: Path) -> None:
    app = make_app(Workspace(workspace_dir), first_run=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await press(app, pilot, "ctrl+s")  # the sample quarter is the default choice
        await settle(app, pilot)
        assert not isinstance(app.screen, WelcomeScreen)
        await wait_until(pilot, lambda: "clean" in app.sub_title)  # the sample is committed
    reopened = Workspace(workspace_dir)
    assert reopened.count("tasks") > 10
    assert reopened.me is not None, "the sample quarter has a member with this git identity"


async def test_a_newcomer_loading_the_sample_is_added_and_the_workspace_opens_clean(workspace_dir: Path) -> None:
    import subprocess

    app = make_app(Workspace(workspace_dir, who="newcomer@example.com"), first_run=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.query_one("#welcome-name", Input).value = "Nia Okafor"
        await press(app, pilot, "ctrl+s")
        await wait_until(pilot, lambda: "clean" in app.sub_title)
        assert app.sub_title.startswith("Nia Okafor")
    committed = subprocess.run(["git", "show", "HEAD:alinea.json"], cwd=workspace_dir, capture_output=True,
                               text=True, check=True).stdout
    assert "Nia Okafor" in committed and "newcomer@example.com" in committed


async def test_the_app_paints_first_and_shows_the_workspace_once_it_is_read(tmp_path: Path) -> None:
    """`alinea` opens the file after the first frame, so a large workspace never delays it."""
    from textual.widgets import Static

    from store.demo import build_demo
    from tests.tui.app_harness import TODAY

    opened = prepare(build_demo(tmp_path / "demo", today=TODAY))
    try:
        assert not opened.workspace.loaded
        app = make_app(opened.workspace, welcome=True, claim=opened.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert opened.workspace.loaded
            assert opened.claimed.lock is not None and opened.claimed.lock.is_locked, "this window holds the workspace"
            assert str(app.query_one("#board-status", Static).render()).startswith("30 cards")
            assert app.sub_title.startswith("Ana Ruiz"), "me, found once the members are read"
            assert not isinstance(app.screen, WelcomeScreen), "the sample quarter already knows me"
    finally:
        opened.release()


async def test_while_the_workspace_opens_the_board_says_so_and_sync_waits(workspace_dir: Path) -> None:
    """Until the workspace is claimed and read, the board says it is loading and `s` does not sync."""
    import threading

    from textual.widgets import Static

    opened = prepare(workspace_dir)
    claimed = threading.Event()  # held shut by the test: the claim takes as long as it needs

    def slow_claim() -> list[str]:
        assert claimed.wait(10)
        return opened.claim()

    try:
        app = make_app(opened.workspace, claim=slow_claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert str(app.query_one("#board-status", Static).render()) == "Loading the workspace…"
            assert "opening the workspace" in app.sub_title
            await pilot.press("s")
            assert any("still opening" in n.message for n in app._notifications)
            claimed.set()
            await settle(app, pilot)
            assert opened.workspace.loaded and not opened.workspace.read_only
            assert str(app.query_one("#board-status", Static).render()).startswith("No tasks yet")
    finally:
        claimed.set()
        opened.release()


async def test_collection_is_turned_back_on_once_the_app_has_painted(workspace: Workspace) -> None:
    import gc

    gc.disable()  # as `alinea` starts the app
    thresholds = gc.get_threshold()
    try:
        app = make_app(workspace)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.set_threshold(*thresholds)


def test_without_a_git_email_the_welcome_name_is_who_i_am_next_time(
    workspace_dir: Path, isolated_home: Path
) -> None:
    from datetime import date

    from store.welcome import apply_welcome

    (isolated_home / ".gitconfig").write_text("")  # a machine where git knows nobody
    workspace = Workspace(workspace_dir)
    apply_welcome(workspace, sample=False, name="Lena Vogel", department="Marketing", today=date.today())
    reopened = Workspace(workspace_dir)
    assert reopened.me is not None and reopened.me.name == "Lena Vogel"
    assert reopened.records("members")[0].created_by == "Lena Vogel"
