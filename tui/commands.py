"""Command palette: every action by name, every key of the focused screen, and "Jump to <title>".

It runs the app's actions by name and reads the workspace through the Host protocol
(tui/writes.py); the words for each table come from store/vocabulary.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from itertools import chain
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from store.i18n import N_, _, pgettext
from store.text import printable
from store.vocabulary import VOCABULARY
from tui.panes.base import Pane
from tui.writes import host_of

MAX_RECORD_HITS = 40
#: "New …" for each table a person adds records to: (command, help), whole sentences to translate
NEW_RECORDS = {
    "tasks": (N_("New task…"), N_("open an empty task form")),
    "objectives": (N_("New objective…"), N_("open an empty objective form")),
    "meetings": (N_("New meeting…"), N_("open an empty meeting form")),
    "feedback": (N_("New feedback entry…"), N_("open an empty feedback entry form")),
    "members": (N_("New member…"), N_("open an empty member form")),
}
#: "Show …" for each pane, with its key
SHOW_PANES = (
    ("objectives", "1", N_("Show Objectives")), ("agenda", "2", N_("Show Agenda")),
    ("feedback", "3", N_("Show Feedback")), ("board", "4", N_("Show Board")),
)


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


def state_words(table: str, record: Any) -> str:
    """A record's status in the vocabulary's words ("At risk", "To do"), never the stored value
    ("at_risk"); a member's department; "" for a record without either."""
    if table == "members":
        return str(record.department)
    status = getattr(record, "status", None)
    if status is None:
        return ""
    return VOCABULARY[table].choice(str(getattr(status, "value", status)))


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
        for pane, key, name in SHOW_PANES:
            yield _(name), self._run(f"show_pane('{pane}')"), _("key {key}").format(key=key)
        for table, (name, help_text) in NEW_RECORDS.items():
            yield _(name), partial(self._new, table), _(help_text)
        yield (_("Run meeting…"), self._run("run_meeting"),
               _("the running or next meeting: countdown, decisions, tasks"))
        yield _("Give feedback about the selected record…"), self._run("feedback_about"), _("key {key}").format(key="F")
        yield (_("Export objectives report"), partial(self._in_pane, "objectives", "export_report"),
               _("a Markdown status report in exports/ of the workspace folder"))
        yield (_("Import measurements…"), partial(self._in_pane, "objectives", "import_measurements"),
               _("from a CSV file with columns metric, date, value, note"))
        yield _("Team…"), self._run("show_team"), _("everyone by department: add, edit or remove members")
        yield _("Brief"), self._run("open('brief')"), _("key 0: what changed since the last meeting")
        yield _("Export brief"), self._run("open('export_brief')"), _("the brief as Markdown in exports/")
        yield _("Conflicts"), self._run("open('conflicts')"), _("key !: review the values a sync set aside")
        yield (_("History of the selected record"), self._run("open('history')"),
               _("key i: who changed what and when"))
        yield _("Undo the last change"), self._run("undo_change"), _("key {key}").format(key="u")
        yield _("Sync now"), self._run("sync_workspace"), _("key s: commit, pull, merge and push")
        yield _("Help: keys of this screen"), self._run("show_help"), _("key {key}").format(key="?")
        yield _("Quit alinea"), self._run("quit_app"), _("key q (everything is already saved)")
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
            yield (_("Run meeting: {meeting}").format(meeting=label), self._run(f"run_meeting('{meeting.id}')"),
                   state_words("meetings", meeting))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        asked = query.lower()  # "run" lists the meetings to run, in English or in the language spoken
        wants_run = "run" in asked or pgettext("the first word of Run meeting", "run") in asked
        meetings = self._meetings_to_run() if wants_run else iter(())
        for name, callback, help_text in chain(self._actions(), meetings):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        needle = query.strip().lower().removeprefix("jump to").removeprefix(_("jump to")).strip()
        if len(needle) < 2:
            return
        # Any record of any table by a few letters of its title (feedback by its body), ranked
        # in store.search (imported here: the app's first frame does without it); each hit says
        # its table and status.
        from store.search import search

        workspace = host_of(self.app).workspace
        for rank, found in enumerate(search(workspace, needle, limit=MAX_RECORD_HITS)):
            text = _("Jump to {title}").format(title=printable(found.title))
            record = workspace.lookup(found.table, found.record_id)
            detail = state_words(found.table, record) if record is not None else found.detail
            help_text = found.noun + (f" · {printable(detail)}" if detail else "")
            jump = self._run(f"jump_to('{found.table}', '{found.record_id}')")
            score = max(matcher.match(text), 0.5 - rank / 1000)
            yield Hit(score, matcher.highlight(text), jump, text=text, help=help_text)
