"""Two or three clones of a real bare repository, driven through the CLI as a person would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import orjson
import pytest

from store.gitsync import Outcome, status, sync_workspace
from store.interrupted import finish_interrupted_merge
from store.storage import encode_document
from store.workspace import DATA_FILE, Workspace
from tests.e2e.clones import Person, drop_driver, same_file
from tests.gitutil import git
from tui.cli import main

pytestmark = pytest.mark.e2e


def test_a_clone_of_a_bare_remote_whose_head_names_master_gets_the_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`git init --bare` on many machines points HEAD at master, while alinea pushes main."""
    remote = tmp_path / "old-style.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=master", str(remote)], check=True)
    assert main(["init", str(tmp_path / "ana"), "--remote", str(remote)]) == 0
    task = Person(tmp_path / "ana", capsys).add_task("Kickoff deck")
    Person(tmp_path / "ana", capsys).ok("sync")
    assert main(["clone", str(remote), str(tmp_path / "ben")]) == 0
    ben = Person(tmp_path / "ben", capsys)
    assert set(ben.tasks()) == {task}
    ben.ok("set", task, "status=doing")
    assert "pushed 1 change" in ben.ok("sync"), "the clone tracks the branch the team pushes to"


def test_records_added_on_two_clones_reach_both(ana: Person, ben: Person) -> None:
    launch = ana.add_task("Plan the Q3 launch")
    brief = ben.add_task("Write the sales brief")
    assert "pushed 1 change" in ana.ok("sync")
    assert "pulled 1 change" in ben.ok("sync")
    ana.ok("sync")
    assert set(ana.tasks()) == set(ben.tasks()) == {launch, brief}
    assert same_file(ana, ben)
    assert "alinea: 1 task changed" in ana.git("log", "--format=%s")


def test_edits_of_different_fields_of_one_record_are_both_kept(ana: Person, ben: Person) -> None:
    task = ana.add_task("Pricing page")
    ana.ok("sync")
    ben.ok("sync")
    ana.ok("set", task, "status=doing")
    ben.ok("set", task, "priority=urgent", "title=Pricing page v2")
    ana.ok("sync")
    assert "0 conflicts" not in ben.ok("sync")
    ana.ok("sync")
    for person in (ana, ben):
        merged = person.tasks()[task]
        assert (merged.status, merged.priority, merged.title) == ("doing", "urgent", "Pricing page v2")
    assert ana.ok("conflicts").startswith("No conflicts")


def test_the_same_field_keeps_the_later_value_and_the_other_for_review(ana: Person, ben: Person) -> None:
    task = ana.add_task("Webinar")
    ana.ok("sync")
    ben.ok("sync")
    ana.ok("set", task, "title=Webinar in May")
    ben.ok("set", task, "title=Webinar in June")  # the later edit
    ana.ok("sync")
    assert "1 conflict to review" in ben.ok("sync")
    ana.ok("sync")
    assert ana.tasks()[task].title == ben.tasks()[task].title == "Webinar in June"
    listed = ana.ok("conflicts")
    assert "Webinar in May" in listed and "ana.ruiz@example.com" in listed
    conflict_id = listed.split()[0]
    assert "Resolved" in ana.ok("conflicts", "resolve", conflict_id, "--keep", "lost")
    assert ana.tasks()[task].title == "Webinar in May"
    assert ana.ok("conflicts").startswith("No conflicts")
    ana.ok("sync")
    ben.ok("sync")
    assert ben.tasks()[task].title == "Webinar in May"
    assert ben.ok("conflicts").startswith("No conflicts")


def test_a_delete_against_an_edit_keeps_the_edit(ana: Person, ben: Person) -> None:
    task = ana.add_task("Trade show booth")
    ana.ok("sync")
    ben.ok("sync")
    ana.ok("rm", task)
    ben.ok("set", task, "status=blocked")
    ana.ok("sync")
    ben.ok("sync")
    ana.ok("sync")
    for person in (ana, ben):
        assert person.tasks()[task].status == "blocked"
    listed = ana.ok("conflicts")
    assert "set aside a delete by ana.ruiz@example.com" in listed
    ana.ok("conflicts", "resolve", listed.split()[0], "--keep", "lost")
    assert task not in ana.tasks() and ana.tasks(deleted=True)[task].deleted


def test_a_rejected_push_is_merged_and_retried(ana: Person, ben: Person, tmp_path: Path) -> None:
    """Ben pushes between Ana's fetch and her push (from a pre-push hook): her push is rejected."""
    ben.add_task("Ben's task")
    ben.git("commit", "--quiet", "-am", "ben's change")
    marker = tmp_path / "ben-pushed"
    hook = ana.folder / ".git" / "hooks" / "pre-push"
    hook.write_text(
        "#!/bin/sh\nunset $(git rev-parse --local-env-vars)\n"
        f'if [ ! -e "{marker}" ]; then touch "{marker}"; git -C "{ben.folder}" push -q origin HEAD:main; fi\n'
    )
    hook.chmod(0o755)
    ana_task = ana.add_task("Ana's task")
    assert "pulled 1 change" in ana.ok("sync")
    assert marker.exists()
    remote_file = orjson.loads(git(ana.folder, "show", f"origin/main:{DATA_FILE}"))
    assert ana_task in remote_file["tasks"] and len(remote_file["tasks"]) == 2


def test_without_a_remote_sync_commits_locally_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "solo")]) == 0
    solo = Person(tmp_path / "solo", capsys)
    solo.add_task("Only here")
    out = solo.ok("sync")
    assert "no remote" in out.lower() and "local commit" in out
    assert solo.git("log", "-1", "--format=%s").strip() == "alinea: 1 task changed"
    assert solo.git("status", "--porcelain") == ""


def test_an_unreachable_remote_fails_fast_and_keeps_the_local_commit(ana: Person) -> None:
    ana.git("remote", "set-url", "origin", "ssh://127.0.0.1:1/x")
    task = ana.add_task("Written offline")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "-w", str(ana.folder), "sync", "--timeout", "10"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "SSH_AUTH_SOCK": ""},
        timeout=60,
    )
    assert time.monotonic() - started < 10
    assert done.returncode == 1
    assert "could not reach 127.0.0.1:1" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert ana.git("log", "-1", "--format=%s").strip() == "alinea: 1 task changed"
    assert task in ana.tasks()


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A loopback port that accepts connections and never answers (a hung network)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield server.getsockname()[1]


def test_a_remote_that_never_answers_is_given_up_after_the_timeout(ana: Person, silent_server: int) -> None:
    ana.git("remote", "set-url", "origin", f"git://127.0.0.1:{silent_server}/team")
    ana.add_task("Written on a train")
    started = time.monotonic()
    result = sync_workspace(ana.folder, timeout=1.5)
    assert time.monotonic() - started < 6
    assert result.outcome is Outcome.offline and not result.ok
    assert "did not finish within 2 s" in result.message
    assert ana.git("log", "-1", "--format=%s").strip() == "alinea: 1 task changed"


class _AskForPassword(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server interface
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="team"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_a_remote_that_wants_a_password_fails_without_asking(ana: Person) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AskForPassword)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        ana.git("remote", "set-url", "origin", f"http://127.0.0.1:{server.server_address[1]}/team.git")
        ana.add_task("Private")
        result = sync_workspace(ana.folder, timeout=10)
    finally:
        server.shutdown()
        server.server_close()
    assert result.outcome is Outcome.auth_failed
    assert "refused the credentials" in result.message and "local commit" in result.message
    assert ana.git("log", "-1", "--format=%s").strip() == "alinea: 1 task changed"


def test_a_manual_pull_without_the_driver_is_finished_by_the_next_sync(
    ana: Person, remote: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    task = ana.add_task("Newsletter")
    ana.ok("sync")
    git(tmp_path, "clone", "--quiet", str(remote), "plain")  # a clone made by hand: no driver in .git/config
    cy = Person(tmp_path / "plain", capsys)
    ana.ok("set", task, "status=doing")
    ana.ok("sync")
    cy.ok("set", task, "priority=high")
    cy.git("commit", "--quiet", "-am", "cy's change")
    drop_driver(cy.folder)
    pulled = subprocess.run(["git", "pull", "--no-rebase", "--quiet"], cwd=cy.folder, capture_output=True)
    assert pulled.returncode != 0 and b"<<<<<<<" in (cy.folder / DATA_FILE).read_bytes()
    assert "pushed" in cy.ok("sync")
    assert b"<<<<<<<" not in (cy.folder / DATA_FILE).read_bytes()
    ana.ok("sync")
    merged = ana.tasks()[task]
    assert (merged.status, merged.priority) == ("doing", "high")
    assert same_file(ana, cy)


def test_opening_a_workspace_left_mid_merge_can_finish_it(ana: Person, ben: Person) -> None:
    task = ana.add_task("Case study")
    ana.ok("sync")
    ben.ok("sync")
    ana.ok("set", task, "status=done")
    ana.ok("sync")
    ben.ok("set", task, "title=Case study: Acme")
    ben.git("commit", "--quiet", "-am", "ben's change")
    drop_driver(ben.folder)
    subprocess.run(["git", "pull", "--no-rebase", "--quiet"], cwd=ben.folder, capture_output=True)
    assert Workspace(ben.folder).error is not None  # conflict markers: read-only until finished
    assert finish_interrupted_merge(ben.folder) is True
    merged = Workspace(ben.folder).get("tasks", task)
    assert (merged.status, merged.title) == ("done", "Case study: Acme")
    assert status(ben.folder).ahead == 2 and not status(ben.folder).merging


def test_a_merge_that_would_be_invalid_is_aborted_and_nothing_is_pushed(
    ana: Person, remote: Path, tmp_path: Path
) -> None:
    ana.ok("sync")
    git(tmp_path, "clone", "--quiet", str(remote), "vandal")
    vandal = tmp_path / "vandal"
    data = orjson.loads((vandal / DATA_FILE).read_bytes())
    stamp = "2026-01-01T00:00:00.000000+00:00"
    data["tasks"]["f" * 32] = {"id": "f" * 32, "title": "", "created_at": stamp, "updated_at": stamp}
    (vandal / DATA_FILE).write_bytes(encode_document(data))
    git(vandal, "commit", "--quiet", "-am", "a broken record")
    git(vandal, "push", "--quiet", "origin", "main")
    bad_head = git(remote, "rev-parse", "main")
    task = ana.add_task("Mine")
    code, _, err = ana.run("sync")
    assert code == 1
    assert "aborted" in err and "nothing was pushed" in err
    assert git(remote, "rev-parse", "main") == bad_head
    assert task in ana.tasks() and Workspace(ana.folder).error is None
    assert ana.git("log", "-1", "--format=%s").strip() == "alinea: 1 task changed"


def test_a_second_workspace_joins_a_remote_with_unrelated_history(
    ana: Person, remote: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = ana.add_task("From the first workspace")
    ana.ok("sync")
    assert main(["init", str(tmp_path / "dee")]) == 0
    dee = Person(tmp_path / "dee", capsys)
    second = dee.add_task("From a second workspace")
    dee.git("remote", "add", "origin", str(remote))
    assert "pulled 1 change" in dee.ok("sync")
    ana.ok("sync")
    assert set(ana.tasks()) == set(dee.tasks()) == {first, second}


def test_cloning_something_that_is_no_workspace_says_so(tmp_path: Path, remote: Path, capsys) -> None:
    assert main(["clone", str(remote), str(tmp_path / "empty")]) == 1
    assert "holds no alinea workspace" in capsys.readouterr().err


def test_status_counts_what_is_waiting_to_sync(ana: Person, ben: Person) -> None:
    ana.add_task("One")
    assert status(ana.folder).dirty
    ana.ok("sync")
    clean = status(ana.folder)
    assert (clean.dirty, clean.ahead, clean.behind, clean.has_remote) == (False, 0, 0, True)
    ben.add_task("Two")
    ben.git("commit", "--quiet", "-am", "two")
    ben.git("fetch", "--quiet")
    assert (status(ben.folder).ahead, status(ben.folder).behind) == (1, 1)
