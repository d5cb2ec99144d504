"""A read-only window refuses every key that would change the workspace, at the key, in words.

Actions are named ``action_<verb>_<noun>`` (COMMON.md): the verb says whether one writes.
The app asks ``refusal`` before it runs any action (a key, a palette command), so every pane
and screen, including ones written later, is covered without code of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.i18n import _

if TYPE_CHECKING:
    from store.workspace import Workspace

#: first words of action names that change the workspace
WRITE_VERBS = frozenset({
    "new", "add", "edit", "delete", "remove", "move", "reorder", "undo", "respond", "resolve", "record",
    "quick", "put", "pull", "accept", "make", "import", "restore", "carry", "save", "capture",
})
#: whole action names that write although their verb alone does not say so
WRITE_ACTIONS = frozenset({
    "toggle_standing", "run_meeting", "next_item", "previous_item", "pause_run", "end_meeting",
})


def action_name(action: str) -> str:
    """ "move_card(1)" → "move_card"; "app.undo_change" → "undo_change"."""
    return action.split("(", 1)[0].rsplit(".", 1)[-1].strip()


def writes(action: str) -> bool:
    name = action_name(action)
    return name in WRITE_ACTIONS or name.split("_", 1)[0] in WRITE_VERBS


def why_read_only(workspace: Workspace) -> str:
    """The notice a read-only window shows when it opens, and when a sync or a reload finds it so."""
    return _("The workspace is read-only because {reason}.").format(reason=workspace.read_only_reason)


def read_only_words(workspace: Workspace) -> str:
    reason = str(workspace.read_only_reason).rstrip(".")
    return _("Nothing changed: the workspace is read-only because {reason}.").format(reason=reason)


def refused_at_key(workspace: Workspace, action: str) -> str | None:
    """Why ``action`` is refused in this window, or None when it may run."""
    if workspace.loaded and workspace.read_only and writes(action):
        return read_only_words(workspace)
    return None
