"""Conflicts in the app: the values a sync set aside, reviewed one by one (key `!`).

Each open conflict shows the record's title and table, the field, the kept and the
set-aside value, who wrote each and when. `a` keeps the merged value, `r` restores the
set-aside one: both go through the write queue (``store.conflicts.accept/restore``), so the
choice merges and syncs like any edit; the header's count is read from the workspace and
goes down with it. The next open conflict is selected after each choice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from store.i18n import N_, _, ngettext
from store.text import printable
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.virtual_list import Item, VirtualList
from tui.writes import Saved, host_of

if TYPE_CHECKING:
    from store.conflicts import ConflictView

EMPTY = N_("No conflicts to review")
HINT = N_("a keeps the kept value · r restores the set-aside one · i shows the record's history")


def conflict_item(view: ConflictView) -> Item:
    """Three lines: which record and field, the kept value, the set-aside one (who and when)."""
    from store.dates import moment_label

    head = Content.assemble(
        (printable(view.title), ".conflict-list--title"),
        (f"  {_(view.noun)} · {printable(_(view.field_label))}", ".conflict-list--muted"),
    )
    kept_at, merged_at = moment_label(view.kept_at), moment_label(view.at)
    if view.is_delete:
        kept = (_("kept the record, edited by {who}, {when}").format(who=view.kept_by, when=kept_at) if view.kept_by
                else _("kept the record, edited, {when}").format(when=kept_at))
        lost = _("set aside a delete by {who}, merged {when}").format(who=view.lost_by, when=merged_at)
        return (head, Content.assemble("  ", printable(kept)), Content.assemble("  ", printable(lost)))
    kept_words = (_(" by {who}, {when}").format(who=view.kept_by, when=kept_at) if view.kept_by
                  else _(", {when}").format(when=kept_at))
    # the two labels are padded to one width, so that both values start in the same column
    labels = (_("kept"), _("set aside"))
    width = max(11, *(len(label) + 2 for label in labels))
    kept_line = Content.assemble(
        (f"  {labels[0]:<{width}}", ".conflict-list--muted"), (printable(view.kept), ".conflict-list--kept"),
        (printable(kept_words), ".conflict-list--muted"),
    )
    lost_line = Content.assemble(
        (f"  {labels[1]:<{width}}", ".conflict-list--muted"), (printable(view.lost), ".conflict-list--lost"),
        (printable(_(" by {who}, merged {when}").format(who=view.lost_by, when=merged_at)), ".conflict-list--muted"),
    )
    return (head, kept_line, lost_line)


class ConflictList(VirtualList):
    """One three-line item per open conflict."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *VirtualList.COMPONENT_CLASSES,
        "conflict-list--title",
        "conflict-list--muted",
        "conflict-list--kept",
        "conflict-list--lost",
    }
    DEFAULT_CSS = """
    ConflictList {
        & > .conflict-list--title { text-style: bold; }
        & > .conflict-list--muted { color: $text-muted; }
        & > .conflict-list--kept { color: $success; text-style: bold; }
        & > .conflict-list--lost { color: $warning; text-style: bold; }
    }
    """


class ConflictsScreen(ModalScreen[None]):
    """Every open conflict, oldest first; a and r resolve the highlighted one."""

    CSS_PATH = "conflicts.tcss"
    BINDING_GROUP_TITLE = N_("Conflicts")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "resolve('kept')", N_("Accept"), id="conflicts.accept",
                tooltip=N_("Keep the value the merge kept (the conflict is resolved)")),
        Binding("r", "resolve('lost')", N_("Restore"), id="conflicts.restore",
                tooltip=N_("Write the set-aside value back to the record (the conflict is resolved)")),
        Binding("u", "undo", N_("Undo"), id="conflicts.undo", tooltip=N_("Undo the last change (a choice made here)")),
        Binding("i", "show_history", N_("History"), id="conflicts.history",
                tooltip=N_("Every change of the conflict's record")),
        Binding("question_mark", "app.show_help", N_("Help"), id="conflicts.help", key_display="?",
                tooltip=N_("Every key of this screen")),
        Binding("escape,q", "close", N_("Close"), id="conflicts.close", tooltip=N_("Close the review")),
    ]

    def __init__(self, *, select: str | None = None) -> None:
        super().__init__()
        self._select = select
        self.views: list[ConflictView] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="conflicts"):
            yield Static(_("Conflicts to review"), id="conflicts-title")
            yield Static("", id="conflicts-status", markup=False)
            yield ConflictList(item_height=3, gap=1, empty_text=_(EMPTY), id="conflict-list")
        yield SteadyFooter(translate=_)

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one(ConflictList).focus()

    # -- data -----------------------------------------------------------------------------
    def refresh_data(self) -> None:
        """Re-read the open conflicts (the app calls this after every change), staying at the same place."""
        from store.conflicts import conflict_views

        conflict_list = self.query_one(ConflictList)
        keep = self._select or self.selected_id
        previous = conflict_list.cursor
        self._select = None
        self.views = conflict_views(host_of(self).workspace)
        ids = [view.id for view in self.views]
        # the one shown resolved (here or by a teammate): the next one slides into its place
        cursor = ids.index(keep) if keep in ids else min(previous, max(0, len(ids) - 1))
        conflict_list.set_items([conflict_item(view) for view in self.views], cursor=cursor)
        count = len(self.views)
        status = (ngettext("{count} to review · {hint}", "{count} to review · {hint}", count).format(
            count=count, hint=_(HINT)) if count else _("Nothing set aside is waiting: every conflict is resolved."))
        self.query_one("#conflicts-status", Static).update(status)

    @property
    def selected(self) -> ConflictView | None:
        cursor = self.query_one(ConflictList).cursor
        return self.views[cursor] if self.views and cursor < len(self.views) else None

    @property
    def selected_id(self) -> str | None:
        view = self.selected
        return view.id if view is not None else None

    # -- actions --------------------------------------------------------------------------
    def action_resolve(self, keep: str) -> None:
        from store.conflicts import accept, restore

        view = self.selected
        if view is None:
            self.notify(_(EMPTY))
            return
        workspace = host_of(self).workspace
        if workspace.read_only:
            self.notify(_("Nothing can be resolved: the workspace is read-only because {reason}.").format(
                reason=workspace.read_only_reason), severity="warning")
            return
        choose = accept if keep == "kept" else restore
        host_of(self).write(self, lambda ws: (choose(ws, view.id), view), purpose=f"resolve-{keep}")

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        if not event.purpose.startswith("resolve-"):
            return
        event.stop()
        view = event.result[1]
        self.refresh_data()
        # a restore is two changes (the record, then the conflict): one u would undo only the second
        words = {"title": view.title, "field": _(view.field_label)}
        if event.purpose == "resolve-kept":
            said = _("Kept {value} on {title} ({field}) — u undoes").format(value=view.kept, **words)
        else:
            said = _("Restored {value} on {title} ({field})").format(value=view.lost, **words)
        self.notify(said, title=_("Resolved"))

    def action_undo(self) -> None:
        if not host_of(self).workspace.can_undo:
            self.notify(_("Nothing to undo."))
            return
        host_of(self).write(self, lambda workspace: workspace.undo(), purpose="undo")  # the app says what it undid

    def action_show_history(self) -> None:
        from tui.routes import show_history

        view = self.selected
        if view is None:
            self.notify(_(EMPTY))
            return
        show_history(self.app, view.table, view.record_id)

    def action_close(self) -> None:
        self.dismiss(None)
