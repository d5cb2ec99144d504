"""When the operating system refuses a write: one line naming the file and the cause, exit 1, nothing lost.

Real refusals, no mocks: a file-size limit (``RLIMIT_FSIZE``: the kernel answers "File too
large" exactly where a full disk answers "No space left on device"), and an immutable file
or folder (``chattr +i``: "Operation not permitted" even for root), where the filesystem
supports it.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from store.workspace import DATA_FILE, Workspace
from tests.e2e.clones import Person

pytestmark = pytest.mark.e2e
SOURCE = Path(__file__).resolve().parents[2]


def alinea_limited(folder: Path, limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    """`alinea -w folder …` in a process (and its git children) that may write no file past ``limit`` bytes."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    code = "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, "-w", str(folder), *args],
        capture_output=True,
        text=True,
        preexec_fn=cap,
        cwd=SOURCE,
    )


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".merge_file_"))


def test_a_save_past_what_the_disk_takes_is_one_line_and_the_file_is_kept(workspace_dir: Path) -> None:
    Workspace(workspace_dir).create("tasks", title="Already here")
    path = workspace_dir / DATA_FILE
    before = path.read_bytes()
    done = alinea_limited(workspace_dir, len(before) + 10, "add", "task", "title=" + "long title " * 20)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert str(path) in done.stderr and "File too large" in done.stderr
    assert path.read_bytes() == before
    assert leftovers(workspace_dir) == []


def test_a_sync_whose_merge_cannot_be_written_is_aborted_with_nothing_lost(ana: Person, ben: Person) -> None:
    """Each side fits under the limit, the merge of both does not: the driver's save is refused."""
    ana.ok("sync")
    ben.ok("sync")
    long = "a long description that makes the merged file bigger than either side " * 15
    ben.add_task("Ben's task", f"description={long}")
    ben.ok("sync")
    mine = ana.add_task("Ana's task", f"description={long}")
    size = len((ana.folder / DATA_FILE).read_bytes())
    head = ana.git("rev-parse", "HEAD")
    done = alinea_limited(ana.folder, size + len(long) // 2, "sync")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "File too large" in done.stderr, done.stderr
    assert "aborted" in done.stderr and str(ana.folder / DATA_FILE) in done.stderr
    assert not (ana.folder / ".git" / "MERGE_HEAD").exists()
    assert leftovers(ana.folder) == []
    assert set(ana.tasks()) == {mine}  # my task is there, as before the sync
    assert ana.git("rev-parse", "HEAD~1") == head  # and committed, not lost
    assert "pulled 1 change" in ana.ok("sync")  # without the limit the same sync goes through
    assert len(ana.tasks()) == 2


@contextmanager
def immutable(path: Path) -> Iterator[None]:
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"chattr +i is not available here ({made.stderr.decode().strip()})")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.mark.parametrize("target", ["file", "folder"])
def test_an_immutable_file_or_folder_is_one_line_and_the_file_is_kept(
    workspace_dir: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    from tui.cli import main

    path = workspace_dir / DATA_FILE
    before = path.read_bytes()
    with immutable(path if target == "file" else workspace_dir):
        code = main(["-w", str(workspace_dir), "add", "task", "title=Blocked"])
        err = capsys.readouterr().err
        assert code == 1 and err.count("\n") == 1
        assert str(path) in err and "Operation not permitted" in err
        assert path.read_bytes() == before
    assert leftovers(workspace_dir) == []
