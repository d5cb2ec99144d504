"""The Board's cards read from the file's bytes before any record is validated (store.board_preview)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from store.errors import ReadOnlyWorkspace
from store.storage import CHECKED_STAMP
from store.workspace import DATA_FILE, Workspace
from tests.store.stamps import replace_objectives, vouched_for

BAD_OBJECTIVE = b'"objectives": {\n"' + b"b" * 32 + b'": {"title":1}\n}'  # laid out as alinea saves a table


def _seed(folder: Path) -> Workspace:
    """Tasks of every kind a card shows: owners (one of them since removed), dates, statuses, a
    deleted task, two tasks at one position (created one after the other), padded text."""
    seed = Workspace(folder)
    ana = seed.create("members", name="Ana Ruiz", email="ana@example.com", department="Sales")
    bo = seed.create("members", name="Bo Lind", email="bo@example.com", department="Marketing")
    seed.create("tasks", title="  Call the agency  ", owner_id=ana.id, due=date(2026, 5, 1), department=" Sales ")
    seed.create("tasks", title="Brief the designer", status="doing", owner_id=bo.id, priority="urgent")
    seed.create("tasks", title="Same place, first", status="blocked", position="a0")
    seed.create("tasks", title="Same place, second", status="blocked", position="a0")
    seed.create("tasks", title="Shipped", status="done", due=date(2026, 4, 2))
    gone = seed.create("tasks", title="Deleted card")
    seed.delete("tasks", gone.id)
    seed.delete("members", bo.id)
    return seed


def _card_fields(task: object) -> tuple[object, ...]:
    names = ("id", "title", "status", "owner_id", "department", "due", "priority", "position")
    return tuple(str(value) if name in ("status", "priority") else value
                 for name, value in ((name, getattr(task, name)) for name in names))


def test_the_preview_shows_the_cards_the_records_show_in_their_order(workspace_dir: Path) -> None:
    seed = _seed(workspace_dir)
    vouched_for(workspace_dir)
    workspace = Workspace(workspace_dir, defer_load=True)
    preview = workspace.preview_board()
    assert preview is not None and workspace.preview is preview
    assert workspace.records("tasks") == [], "no record is in before it is validated"
    expected = seed.records("tasks")
    assert [_card_fields(task) for task in preview.tasks] == [_card_fields(task) for task in expected]
    assert {member.id: member.name for member in preview.members.values()} == {
        member.id: member.name for member in seed.records("members", include_deleted=True)
    }, "a removed member still names the cards they owned"


def test_no_preview_of_a_file_no_stamp_vouches_for(workspace_dir: Path) -> None:
    """Fresh from a clone or a pull, the file is checked and validated first, as before."""
    _seed(workspace_dir)
    (workspace_dir / ".git" / CHECKED_STAMP).unlink(missing_ok=True)
    workspace = Workspace(workspace_dir, defer_load=True)
    assert workspace.preview_board() is None and workspace.preview is None


@pytest.mark.parametrize(
    ("written", "hostile"),
    [
        (b'"title":"Call the agency"', b'"title":1'),
        (b'"title":"Call the agency"', b'"title":"   "'),
        (b'"status":"todo"', b'"status":"someday"'),
        (b'"priority":"normal"', b'"priority":"asap"'),
        (b'"due":"2026-05-01"', b'"due":"2026-05-01T09:00:00"'),
        (b'"due":"2026-05-01"', b'"due":20260501'),
        (b'"deleted":false', b'"deleted":"no"'),
        (b'"position":"', b'"position":7, "x": "'),
    ],
    ids=["title not text", "blank title", "unknown status", "unknown priority", "date and time",
         "number as date", "deleted not true or false", "position not text"],
)
def test_a_value_the_preview_is_not_sure_of_gives_no_preview(workspace_dir: Path, written: bytes,
                                                             hostile: bytes) -> None:
    """Teammates' data: anything the models might read otherwise is left to them (validated first)."""
    seed = Workspace(workspace_dir)
    seed.create("tasks", title="Call the agency", due=date(2026, 5, 1))
    path = workspace_dir / DATA_FILE
    raw = path.read_bytes()
    assert written in raw
    path.write_bytes(raw.replace(written, hostile, 1))
    vouched_for(workspace_dir)
    assert Workspace(workspace_dir, defer_load=True).preview_board() is None


def test_a_stamp_that_is_not_alinea_s_own_gives_no_preview(workspace_dir: Path) -> None:
    """Creation times in another form than alinea writes do not sort as times: no preview."""
    seed = Workspace(workspace_dir)
    task = seed.create("tasks", title="Call the agency")
    path = workspace_dir / DATA_FILE
    stamp = task.created_at.isoformat(timespec="microseconds").encode()
    raw = path.read_bytes()
    assert stamp in raw
    path.write_bytes(raw.replace(b'"created_at":"' + stamp, b'"created_at":"2026-05-01T10:00:00+02:00', 1))
    vouched_for(workspace_dir)
    assert Workspace(workspace_dir, defer_load=True).preview_board() is None


def test_after_a_preview_the_whole_file_is_validated_before_anything_is_written(workspace_dir: Path) -> None:
    _seed(workspace_dir)
    vouched_for(workspace_dir)
    workspace = Workspace(workspace_dir, defer_load=True)
    assert workspace.preview_board() is not None and not workspace.loaded
    created = workspace.create("tasks", title="Written after the file was validated")
    assert workspace.loaded and workspace.preview is None
    assert created.id in {task.id for task in Workspace(workspace_dir).records("tasks")}
    assert len(workspace.records("tasks")) == 6


def test_a_bad_record_elsewhere_ends_the_preview_and_refuses_writes(workspace_dir: Path) -> None:
    _seed(workspace_dir)
    path = workspace_dir / DATA_FILE
    replace_objectives(workspace_dir, BAD_OBJECTIVE)
    vouched_for(workspace_dir)
    broken = path.read_bytes()
    workspace = Workspace(workspace_dir, defer_load=True)
    assert workspace.preview_board() is not None, "the Board's tables are fine"
    workspace.finish_load()
    assert workspace.read_only and workspace.loaded
    assert workspace.preview is None and workspace.records("tasks") == [], "a bad file shows none of it"
    with pytest.raises(ReadOnlyWorkspace):
        workspace.create("tasks", title="Would be written over a bad file")
    assert path.read_bytes() == broken, "never written"


# -- the copy kept under .git/ (store.board_cache) ---------------------------------------------------


def _kept(folder: Path) -> Workspace:
    """The workspace validated whole, and its Board's cards kept, as the app does after opening
    (the file's time set back first, so the copy is not written in the file's own tick)."""
    _seed(folder)
    vouched_for(folder)
    workspace = Workspace(folder)
    workspace.keep_board()
    return workspace


def test_the_cards_kept_at_the_last_open_are_the_next_preview(workspace_dir: Path) -> None:
    kept = _kept(workspace_dir)
    (workspace_dir / ".git" / CHECKED_STAMP).unlink()  # the file's bytes alone could not be previewed
    preview = Workspace(workspace_dir, defer_load=True).preview_board()
    assert preview is not None
    assert [_card_fields(task) for task in preview.tasks] == [_card_fields(task) for task in kept.records("tasks")]
    assert {member.id: member.name for member in preview.members.values()} == {
        member.id: member.name for member in kept.records("members", include_deleted=True)
    }


def test_cards_kept_for_another_version_of_the_file_are_not_shown(workspace_dir: Path) -> None:
    kept = _kept(workspace_dir)
    task = kept.records("tasks")[0]
    Workspace(workspace_dir, who="bo@example.com").update("tasks", task.id, title="Renamed by a teammate")
    vouched_for(workspace_dir)
    preview = Workspace(workspace_dir, defer_load=True).preview_board()
    assert preview is not None, "read from the file itself"
    assert "Renamed by a teammate" in [card.title for card in preview.tasks]
    (workspace_dir / ".git" / CHECKED_STAMP).unlink()
    assert Workspace(workspace_dir, defer_load=True).preview_board() is None, "the kept copy is of the old file"


@pytest.mark.parametrize(
    "damage",
    [
        lambda body: body[: len(body) // 2],
        lambda body: body.replace(b'"todo"', b'"someday"', 1),
        lambda body: body.replace(b'"tasks":[[', b'"tasks":[[1,', 1),
        lambda body: b"[]",
    ],
    ids=["cut short", "unknown status", "a value of another kind", "not a Board"],
)
def test_a_damaged_copy_is_not_shown(workspace_dir: Path, damage) -> None:  # noqa: ANN001
    _kept(workspace_dir)
    (workspace_dir / ".git" / CHECKED_STAMP).unlink()
    cache = workspace_dir / ".git" / "alinea.board"
    header, _, body = cache.read_bytes().partition(b"\n")
    written = cache.stat().st_mtime_ns
    cache.write_bytes(header + b"\n" + damage(body))
    os.utime(cache, ns=(written, written))
    assert Workspace(workspace_dir, defer_load=True).preview_board() is None


def test_a_copy_written_in_the_files_own_tick_vouches_for_nothing(workspace_dir: Path) -> None:
    _kept(workspace_dir)
    (workspace_dir / ".git" / CHECKED_STAMP).unlink()
    cache, path = workspace_dir / ".git" / "alinea.board", workspace_dir / DATA_FILE
    mtime = path.stat().st_mtime_ns
    os.utime(cache, ns=(mtime, mtime))
    assert Workspace(workspace_dir, defer_load=True).preview_board() is None


def test_keeping_the_cards_never_writes_through_a_link(workspace_dir: Path, tmp_path: Path) -> None:
    """Links put in .git/ where the copy is written are replaced, never followed: the file they point to stays."""
    _seed(workspace_dir)
    vouched_for(workspace_dir)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not alinea's")
    (workspace_dir / ".git" / "alinea.board").symlink_to(elsewhere)
    (workspace_dir / ".git" / f".alinea.board.{os.getpid()}.tmp").symlink_to(elsewhere)  # where it is written first
    Workspace(workspace_dir).keep_board()
    assert elsewhere.read_text() == "not alinea's"
    assert not (workspace_dir / ".git" / "alinea.board").is_symlink()
