"""A team syncing together: committed attributes, a remote that hangs, everyone pushing at once."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from store.gitrun import kill_running
from store.gitsync import Outcome, SyncResult, sync_workspace
from store.workspace import DATA_FILE, Workspace
from tests.e2e.clones import Person, same_file
from tests.gitutil import git
from tui.cli import main

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


def test_a_committed_union_attribute_does_not_replace_alineas_merge(ana: Person, ben: Person) -> None:
    """A teammate commits `alinea.json merge=union`: sync still merges record by record."""
    task = ana.add_task("Pricing deck", "department=Sales")
    ana.ok("sync")
    ben.ok("sync")
    (ana.folder / ".gitattributes").write_text(f"{DATA_FILE} merge=union\n")
    ana.git("commit", "--quiet", "-m", "merge the data file as text", "--", ".gitattributes")
    ana.ok("sync")
    ben.ok("sync")  # from now on both work trees say "union"
    ana.ok("set", task, "title=Pricing deck v2")
    ben.ok("set", task, "department=Marketing")
    ana.ok("sync")
    assert "pulled 1 change" in ben.ok("sync")
    ana.ok("sync")
    assert same_file(ana, ben)
    pushed = ben.git("show", f"origin/main:{DATA_FILE}")
    assert pushed.count(f'"{task}":') == 1, "the task is in the file once, not once per side"
    merged = orjson.loads(pushed)["tasks"][task]
    assert (merged["title"], merged["department"]) == ("Pricing deck v2", "Marketing")
    assert (ben.folder / ".gitattributes").read_text() == f"{DATA_FILE} merge=union\n", "their file is left as is"


def test_a_hand_pull_after_opening_uses_alineas_driver_whatever_is_committed(ana: Person, ben: Person) -> None:
    task = ana.add_task("Webinar invite")
    ana.ok("sync")
    ben.ok("sync")
    (ana.folder / ".gitattributes").write_text(f"{DATA_FILE} merge=union\n")
    ana.git("commit", "--quiet", "-m", "text merge", "--", ".gitattributes")
    ana.ok("sync")
    ben.ok("sync")
    ana.ok("set", task, "title=Webinar invite, final")
    ana.ok("sync")
    ben.ok("set", task, "status=doing")  # opening the workspace writes the attribute back
    ben.git("commit", "--quiet", "-am", "ben's edit")
    ben.git("pull", "--quiet", "--no-rebase", "--no-edit")
    merged = orjson.loads((ben.folder / DATA_FILE).read_bytes())["tasks"][task]
    assert (merged["title"], merged["status"]) == ("Webinar invite, final", "doing")
    assert (ben.folder / DATA_FILE).read_text().count(f'"{task}":') == 1


# -- a remote that never answers ----------------------------------------------------------
@pytest.fixture
def silent_server() -> Iterator[tuple[int, threading.Event]]:
    """A loopback port that accepts connections and never answers; the event: someone connected."""
    connected = threading.Event()
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []

    def accept() -> None:
        try:
            while True:
                held.append(server.accept()[0])
                connected.set()
        except OSError:
            pass  # closed at the end of the test

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1], connected
    server.close()
    for connection in held:
        connection.close()


def test_saves_never_wait_on_a_remote_that_does_not_answer(
    ana: Person, silent_server: tuple[int, threading.Event]
) -> None:
    port, connected = silent_server
    ana.git("remote", "set-url", "origin", f"git://127.0.0.1:{port}/team")
    ana.add_task("Written before the sync")
    results: list[SyncResult] = []
    syncing = threading.Thread(target=lambda: results.append(sync_workspace(ana.folder, timeout=120)))
    syncing.start()
    try:
        assert connected.wait(30), "the sync reached the remote"
        workspace = Workspace(ana.folder)
        workspace.storage.lock.timeout = 5  # a save that waited on the sync fails fast instead
        saved = workspace.create("tasks", title="Saved while the sync waits for the remote")
        assert syncing.is_alive(), "the save went through while git was still waiting on the network"
        assert saved.id in ana.tasks()
    finally:
        killed = kill_running()
        syncing.join(30)
    assert killed >= 1 and not syncing.is_alive(), "quitting ends the git that waits on the network"
    assert results[0].outcome is Outcome.offline and "stopped" in results[0].message
    assert ana.git("log", "-1", "--format=%s").strip() == "alinea: 1 task changed", "the local commit stays"


# -- everyone at once -------------------------------------------------------------------------
def test_eight_clones_syncing_at_once_all_succeed_and_end_identical(
    tmp_path: Path, remote: Path, ana: Person, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = ana.add_task("Agenda for the offsite")
    ana.ok("sync")
    people = []
    for number in range(8):
        folder = tmp_path / f"lead{number}"
        assert main(["clone", str(remote), str(folder)]) == 0
        git(folder, "config", "user.email", f"lead{number}@example.com")
        person = Person(folder, capsys)
        for task in range(5):
            person.add_task(f"Lead {number} task {task}")
        person.ok("set", shared, f"description=Notes from lead {number}")
        people.append(person)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "tui.cli", "-w", str(person.folder), "sync"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for person in people
    ]
    outcomes = [(run.wait(60), *run.communicate()) for run in runs]
    assert [code for code, _, _ in outcomes] == [0] * 8, [err for _, _, err in outcomes]
    for person in people:
        person.ok("sync")  # the first to finish pull what the others pushed after them
    assert same_file(*people)
    titles = {task.title for task in people[0].tasks().values()}
    assert {f"Lead {n} task {t}" for n in range(8) for t in range(5)} <= titles
    assert len(titles) == 41
