"""Command palette: every action by name, every key of the focused screen, and "Jump to <title>".

It runs the app's actions by name and reads the workspace through the Host protocol
(tui/writes.py); the words for each table come from store/vocabulary.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from itertools import chain

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from store.i18n import _
from store.search import search
from store.text import printable
from store.vocabulary import VOCABULARY
from tui.panes.base import Pane
from tui.writes import host_of

MAX_RECORD_HITS = 40
NEW_RECORDS = ("tasks", "objectives", "meetings", "feedback", "members")


#: actions the list above names already, and moving about (which the palette cannot help with)
LISTED = frozenset({"show_pane", "undo_change", "sync_workspace", "show_help", "quit_app", "command_palette"})
MOVING = ("cursor", "page_", "scroll_", "first_item", "last_item", "focus_column", "focus_next", "focus_previous")


def key_commands(screen: Screen[object]) -> Iterator[tuple[str, Callable[[], object], str]]:
    """A command for every key of the screen the palette opened over (the focused pane's, the
    app's): "Delete: Delete the selected card (u undoes)", run where the key would run it."""
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        name = binding.action.split("(", 1)[0]
        if binding.system or binding.action in seen or name in LISTED or name.startswith(MOVING):
            continue
        description = _(binding.description or binding.tooltip)
        if not description:
            continue
        seen.add(binding.action)
        tooltip = _(binding.tooltip) if binding.tooltip else ""
        title = f"{description}: {tooltip}" if tooltip and tooltip.lower() != description.lower() else description
        run = partial(screen.app.run_action, binding.action, active.node)
        yield title, run, _("key {key}").format(key=screen.app.get_key_display(binding) or key)


class AlineaCommands(Provider):
    """alinea's own commands beside Textual's (theme, keys, quit…)."""

    def _run(self, action: str) -> Callable[[], object]:
        return partial(self.app.run_action, action)

    def _new(self, table: str) -> None:
        from tui.screens.record_form import open_form

        open_form(self.app, table)

    async def _in_pane(self, pane_id: str, action: str) -> None:
        """Show a pane, then run one of its actions (the Objectives pane's export and import)."""
        await self.app.run_action(f"show_pane('{pane_id}')")
        await self.app.run_action(action, self.app.query_one(f"#{pane_id}"))

    def _actions(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        for pane, key in (("objectives", "1"), ("agenda", "2"), ("feedback", "3"), ("board", "4")):
            yield f"Show {pane.capitalize()}", self._run(f"show_pane('{pane}')"), f"key {key}"
        for table in NEW_RECORDS:
            noun = VOCABULARY[table].noun
            yield f"New {noun}…", partial(self._new, table), f"open an empty {noun} form"
        yield "Run meeting…", self._run("run_meeting"), "the running or next meeting: countdown, decisions, tasks"
        yield "Give feedback about the selected record…", self._run("feedback_about"), "key F"
        yield ("Export objectives report", partial(self._in_pane, "objectives", "export_report"),
               "a Markdown status report in exports/ of the workspace folder")
        yield ("Import measurements…", partial(self._in_pane, "objectives", "import_measurements"),
               "from a CSV file with columns metric, date, value, note")
        yield "Team…", self._run("show_team"), "everyone by department: add, edit or remove members"
        yield "Brief", self._run("open('brief')"), "key 0: what changed since the last meeting"
        yield "Export brief", self._run("open('export_brief')"), "the brief as Markdown in exports/"
        yield "Conflicts", self._run("open('conflicts')"), "key !: review the values a sync set aside"
        yield "History of the selected record", self._run("open('history')"), "key i: who changed what and when"
        yield "Undo the last change", self._run("undo_change"), "key u"
        yield "Sync now", self._run("sync_workspace"), "key s: commit, pull, merge and push"
        yield "Help: keys of this screen", self._run("show_help"), "key ?"
        yield "Quit alinea", self._run("quit_app"), "key q (everything is already saved)"
        for shown in self.screen.query(Pane):  # the commands each pane adds (e.g. the Agenda's exports)
            yield from shown.palette_commands()
        yield from key_commands(self.screen)

    async def discover(self) -> Hits:
        for name, callback, help_text in self._actions():
            yield DiscoveryHit(name, callback, help=help_text)

    def _meetings_to_run(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        """"Run meeting: <title · when>" for each running or upcoming meeting: pick the one to run."""
        from store.agenda import group_meetings, meeting_label

        host = host_of(self.app)
        now = host.now()
        for meeting in group_meetings(host.workspace.records("meetings"), now).upcoming[:MAX_RECORD_HITS]:
            label = printable(meeting_label(meeting, None, now))
            yield f"Run meeting: {label}", self._run(f"run_meeting('{meeting.id}')"), str(meeting.status)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        meetings = self._meetings_to_run() if "run" in query.lower() else iter(())
        for name, callback, help_text in chain(self._actions(), meetings):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        needle = query.strip().lower().removeprefix("jump to").strip()
        if len(needle) < 2:
            return
        # Any record of any table by a few letters of its title (feedback by its body), ranked
        # in store.search; each hit says its table and status.
        for rank, found in enumerate(search(host_of(self.app).workspace, needle, limit=MAX_RECORD_HITS)):
            text = f"Jump to {printable(found.title)}"
            help_text = found.noun + (f" · {printable(found.detail)}" if found.detail else "")
            jump = self._run(f"jump_to('{found.table}', '{found.record_id}')")
            score = max(matcher.match(text), 0.5 - rank / 1000)
            yield Hit(score, matcher.highlight(text), jump, text=text, help=help_text)
