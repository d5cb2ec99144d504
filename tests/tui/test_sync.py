"""Sync from the keyboard against a local bare remote: the header follows the state."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from textual import on

from store.workspace import Workspace
from tests.gitutil import git
from tests.tui.app_harness import TODAY, make_app, press, settle, titles
from tui import app as app_module
from tui.app import AlineaApp
from tui.launch import prepare
from tui.syncing import SyncController


@pytest.fixture
def shared(workspace_dir: Path, tmp_path: Path) -> Path:
    """The workspace with an origin: a bare repository in tmp_path, pushed to."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--bare", "--quiet", "--initial-branch=main", str(remote)], check=True)
    git(workspace_dir, "remote", "add", "origin", str(remote))
    git(workspace_dir, "push", "--quiet", "-u", "origin", "main")
    return remote


async def test_s_syncs_an_edit_to_the_remote_and_the_header_says_clean(workspace_dir: Path, shared: Path) -> None:
    workspace = Workspace(workspace_dir)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "clean" in app.sub_title
        app.write(app, lambda ws: ws.create("tasks", title="Share me"))
        await settle(app, pilot)
        assert "unsynced edits" in app.sub_title
        await press(app, pilot, "s")
        await settle(app, pilot)
        assert "clean" in app.sub_title and "syncing" not in app.sub_title
        assert any(n.title == "Sync" for n in app._notifications)
    assert "Share me" in git(shared, "show", "main:alinea.json")


async def test_a_teammates_push_arrives_with_s_and_the_panes_refresh(
    workspace_dir: Path, shared: Path, tmp_path: Path
) -> None:
    clone = tmp_path / "teammate"
    git(tmp_path, "clone", "--quiet", str(shared), str(clone))
    Workspace(clone, who="jonas@example.com").create("objectives", title="From Jonas")
    git(clone, "commit", "--quiet", "-am", "Jonas adds an objective")
    git(clone, "push", "--quiet")
    app = make_app(Workspace(workspace_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s")
        await settle(app, pilot)
        await press(app, pilot, "1")
        assert any(title.startswith("From Jonas") for title in titles(app, "objectives"))
        assert "behind" not in app.sub_title


async def test_sync_without_a_remote_says_so_in_words(workspace: Workspace) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "s")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("no remote" in message.lower() for message in messages)


async def test_quitting_after_an_edit_syncs_it_first(workspace_dir: Path, shared: Path) -> None:
    app = make_app(Workspace(workspace_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.write(app, lambda ws: ws.create("tasks", title="Last edit before closing"))
        await settle(app, pilot)
        await pilot.press("q")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 0
    assert "Last edit before closing" in git(shared, "show", "main:alinea.json")


class OrderWatchingApp(AlineaApp):
    """The app, noting whether its git status was read before the workspace was claimed.

    A status read that finished first once let a second, read-only window sync on open; the
    status is now read only once the workspace is claimed and read.
    """

    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))

    def __init__(self, workspace: Workspace, claim: Callable[[], list[str]]) -> None:
        self.events: list[str] = []

        def claim_noted() -> list[str]:
            self.events.append("claimed")
            return claim()

        super().__init__(workspace, today=lambda: TODAY, claim=claim_noted)

    @on(SyncController.Changed)
    def _status_known(self) -> None:
        self.events.append("status")


async def test_the_first_window_syncs_on_open_and_a_second_read_only_window_never_does(
    workspace_dir: Path, shared: Path
) -> None:
    Workspace(workspace_dir).create("tasks", title="Saved but not yet shared")  # a sync on open commits it
    first, second = prepare(workspace_dir), prepare(workspace_dir)
    try:
        first.claim()  # the first window holds the workspace
        app = OrderWatchingApp(second.workspace, second.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot, rounds=6)
            assert "read-only" in app.sub_title
            assert app.events[:2] == ["claimed", "status"], app.events
        assert "Saved but not yet shared" not in git(shared, "show", "main:alinea.json")
    finally:
        second.release()
        first.release()
    third = prepare(workspace_dir)
    try:
        app = OrderWatchingApp(third.workspace, third.claim)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot, rounds=6)
        assert "Saved but not yet shared" in git(shared, "show", "main:alinea.json")
    finally:
        third.release()


async def test_an_edit_in_one_burst_with_a_reload_still_counts_as_an_edit(workspace_dir: Path, shared: Path) -> None:
    """An edit and an outside reload reach the app together: the burst collapses, but the sync on
    quit must still know that there is an edit to send."""
    workspace = Workspace(workspace_dir)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert not app.syncing.edited_since_sync
        workspace.create("tasks", title="Edited just before a pull")
        workspace.load()  # what a reload after a `git pull` tells the app
        await pilot.pause()
        assert app.syncing.edited_since_sync


async def test_a_save_that_waits_for_a_sync_says_saving_until_it_is_saved(workspace_dir: Path) -> None:
    """Another process (a sync in another window) holds the save lock: the edit waits, the header
    says "saving…" meanwhile, and once the lock is released the edit is saved and the words go."""
    import sys

    from store.storage import lock_path_for
    from tests.tui.app_harness import on_disk, wait_until

    workspace = Workspace(workspace_dir)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from filelock import FileLock; lock = FileLock(sys.argv[1]); "
         "lock.acquire(); print('held', flush=True); sys.stdin.read()", str(lock_path_for(workspace.path))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        app = make_app(workspace)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert "saving…" not in app.sub_title
            app.write(app, lambda ws: ws.create("tasks", title="Wait for the sync"))
            await wait_until(pilot, lambda: "saving…" in app.sub_title)
            assert "Wait for the sync" not in [task.title for task in on_disk(workspace).records("tasks")]

            assert holder.stdin is not None
            holder.stdin.close()  # the sync is done: the lock is free
            await app.workers.wait_for_complete()
            await settle(app, pilot)
            assert "saving…" not in app.sub_title
            assert "Wait for the sync" in [task.title for task in on_disk(workspace).records("tasks")]
    finally:
        holder.kill()
        holder.wait()
