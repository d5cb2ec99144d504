"""The conflicts review in the app, on a conflict produced by a real two-clone sync."""

from __future__ import annotations

import asyncio

import pytest
from textual.pilot import Pilot
from textual.widgets._header import HeaderTitle

from store.workspace import Workspace
from tests.e2e.clones import Person
from tests.e2e.test_conflict_review import clash
from tests.tui.app_harness import make_app, on_disk, press, settle
from tui.app import AlineaApp
from tui.screens.conflicts import EMPTY, ConflictList, ConflictsScreen
from tui.screens.history import HistoryScreen
from tui.widgets.header import AlineaHeader

pytestmark = pytest.mark.e2e


async def run(person: Person, *args: str) -> str:
    """A CLI command (`alinea sync` runs its own event loop: off the test's loop)."""
    return await asyncio.to_thread(person.ok, *args)


async def click_the_count(app: AlineaApp, pilot: Pilot[int], words: str = "conflict to review") -> None:
    """A click on the words "1 conflict to review" in the header (the title is centred)."""
    title = app.query_one(HeaderTitle)
    plain = str(title.render())
    width = title.content_region.width
    x = (width - len(plain)) // 2 + plain.index(words)
    await pilot.click(HeaderTitle, offset=(x, 0))
    await settle(app, pilot)


def lines(screen: ConflictsScreen) -> list[str]:
    conflict_list = screen.query_one(ConflictList)
    return [str(line) for index in range(conflict_list.item_count) for line in conflict_list._items[index]]


async def test_restore_the_set_aside_value_from_the_review(ana: Person, ben: Person) -> None:
    task = await asyncio.to_thread(clash, ana, ben)
    workspace = Workspace(ana.folder)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "1 conflict to review" in app.sub_title
        await click_the_count(app, pilot)
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        shown = lines(screen)
        assert shown[0] == "Webinar landing page  task · Due"
        assert shown[1].startswith("  kept       2026-12-04 by ben.ode@example.com, ")
        assert shown[2].startswith("  set aside  2026-12-10 by ana.ruiz@example.com, merged ")
        await press(app, pilot, "r")
        assert on_disk(workspace).get("tasks", task).due.isoformat() == "2026-12-10"
        assert screen.views == [] and screen.query_one(ConflictList).empty_text == EMPTY
        assert "conflict" not in app.sub_title  # the header's count went down
    await run(ana, "sync")
    await run(ben, "sync")
    assert ben.tasks()[task].due.isoformat() == "2026-12-10"


async def test_accept_selects_the_next_conflict_and_i_shows_the_history(ana: Person, ben: Person) -> None:
    first = await asyncio.to_thread(clash, ana, ben)
    second = ana.add_task("Pricing page", "due=2026-11-30")
    for person, *args in ((ana, "sync"), (ben, "sync"), (ana, "set", second, "priority=high"),
                          (ben, "set", second, "priority=low"), (ana, "sync"), (ben, "sync"), (ana, "sync")):
        await run(person, *args)
    workspace = Workspace(ana.folder)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "2 conflicts to review" in app.sub_title
        await press(app, pilot, "exclamation_mark")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        assert [view.record_id for view in screen.views] == [first, second]
        await press(app, pilot, "a")
        assert on_disk(workspace).get("tasks", first).due.isoformat() == "2026-12-04"
        assert [view.record_id for view in screen.views] == [second] and screen.selected_id == screen.views[0].id
        assert "1 conflict to review" in app.sub_title
        await press(app, pilot, "i")
        history = app.screen
        assert isinstance(history, HistoryScreen) and history.record_id == second


async def test_tab_reaches_the_headers_count_and_enter_opens_the_review(ana: Person, ben: Person) -> None:
    await asyncio.to_thread(clash, ana, ben)
    app = make_app(Workspace(ana.folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        header = app.query_one(AlineaHeader)
        for _press in range(30):  # round the screen's stops, as a person tabs
            if header.has_focus:
                break
            await press(app, pilot, "tab")
        assert header.has_focus, "tab reaches the count"
        await press(app, pilot, "enter")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen) and len(screen.views) == 1
        await press(app, pilot, "a", "escape")
        assert "conflict" not in app.sub_title
        assert not header.has_focus and not header.can_focus, "no count: tab no longer stops there"

