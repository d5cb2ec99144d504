"""Command palette: every action by name, and "Jump to <title>" for any record."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import AlineaApp

#: tables whose records the palette can jump to, and the word shown beside each hit
JUMP_TABLES = {
    "tasks": "task",
    "objectives": "objective",
    "meetings": "meeting",
    "agenda_items": "agenda item",
    "feedback": "feedback",
    "metrics": "metric",
    "members": "member",
}
MAX_RECORD_HITS = 40
NEW_RECORDS = (
    ("tasks", "task"),
    ("objectives", "objective"),
    ("meetings", "meeting"),
    ("feedback", "feedback entry"),
    ("members", "member"),
)


class AlineaCommands(Provider):
    """alinea's own commands beside Textual's (theme, keys, quit…)."""

    @property
    def alinea(self) -> AlineaApp:
        return self.app  # type: ignore[return-value]

    def _actions(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        app = self.alinea
        for pane, key in (("objectives", "1"), ("agenda", "2"), ("feedback", "3"), ("board", "4")):
            yield f"Show {pane.capitalize()}", partial(app.action_show_pane, pane), f"key {key}"
        for table, noun in NEW_RECORDS:
            yield f"New {noun}…", partial(app.open_form, table), f"open an empty {noun} form"
        yield "Team…", app.show_team, "everyone by department: add, edit or remove members"
        yield "Undo the last change", app.action_undo_change, "key u"
        yield "Sync now", app.action_sync_workspace, "key s: commit, pull, merge and push"
        yield "Help: keys of this screen", app.action_show_help, "key ?"
        yield "Quit alinea", app.action_quit_app, "key q (everything is already saved)"

    async def discover(self) -> Hits:
        for name, callback, help_text in self._actions():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        needle = query.strip().lower().removeprefix("jump to").strip()
        if len(needle) < 2:
            return
        found = 0
        workspace = self.alinea.workspace
        for table, noun in JUMP_TABLES.items():
            for record in workspace.records(table):
                label = record.label
                if needle not in label.lower():
                    continue
                text = f"Jump to {label}"
                score = max(matcher.match(text), 0.1)
                yield Hit(score, matcher.highlight(text), partial(self.alinea.jump_to, table, record.id),
                          text=text, help=noun)
                found += 1
                if found >= MAX_RECORD_HITS:
                    return
