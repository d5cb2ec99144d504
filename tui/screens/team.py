"""The Team screen: members by department; add, edit or remove them (DESIGN section 7).

A removed member is a tombstone like any other record: old tasks and feedback still show
their name, and `u` brings them back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.i18n import N_, _, ngettext
from store.text import printable
from tui.widgets.steady_footer import SteadyFooter
from tui.writes import Host, Saved, host_of

if TYPE_CHECKING:
    from store.models import Member

NO_DEPARTMENT = N_("No department")
EMPTY_TEAM = N_("Nobody here yet — press n to add the first member.")


def by_department(members: Iterable[Member]) -> dict[str, list[Member]]:
    """Members grouped by department (departments and names in alphabetical order, none last)."""
    groups: dict[str, list[Member]] = {}
    for member in sorted(members, key=lambda m: (not m.department, m.department.lower(), m.name.lower())):
        groups.setdefault(member.department or _(NO_DEPARTMENT), []).append(member)
    return groups


class TeamScreen(ModalScreen[None]):
    """Everyone in the workspace, grouped by department."""

    CSS_PATH = "team.tcss"
    BINDING_GROUP_TITLE = N_("Team")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_member", N_("Add"), id="team.new", tooltip=N_("Add a member")),
        Binding("e", "edit_member", N_("Edit"), id="team.edit", tooltip=N_("Edit the highlighted member (or enter)")),
        Binding("d", "remove_member", N_("Remove"), id="team.remove",
                tooltip=N_("Remove the highlighted member (their old records keep their name; u undoes)")),
        Binding("u", "undo", N_("Undo"), id="team.undo", tooltip=N_("Undo the last change")),
        Binding("j", "cursor(1)", N_("Down"), show=False, id="team.down", tooltip=N_("Next member")),
        Binding("k", "cursor(-1)", N_("Up"), show=False, id="team.up", tooltip=N_("Previous member")),
        Binding("question_mark", "app.show_help", N_("Help"), id="team.help", key_display="?",
                tooltip=N_("Every key of this screen")),
        Binding("escape,q", "close", N_("Close"), id="team.close", tooltip=N_("Close the team")),
    ]

    def __init__(self, *, select: str | None = None) -> None:
        super().__init__()
        self._ids: list[str | None] = []  # one per option; None for a department heading
        self._select = select

    @property
    def host(self) -> Host:
        return host_of(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="team"):
            yield Static(_("Team"), id="team-title")
            yield Static("", id="team-summary", markup=False)
            yield OptionList(id="team-list")
            yield Static(_(EMPTY_TEAM), id="team-empty")
        yield SteadyFooter(translate=_)  # this screen's keys, over the main screen's footer

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one(OptionList).focus()

    # -- data -----------------------------------------------------------------------------
    def refresh_data(self) -> None:
        """Re-read the members (the app calls this after every change), keeping the highlight."""
        workspace = self.host.workspace
        members = workspace.records("members")
        me = workspace.me
        option_list = self.query_one(OptionList)
        keep = self._select or self.highlighted_id
        self._select = None
        options: list[Option] = []
        self._ids = []
        for department, people in by_department(members).items():
            heading = printable(f"{department} · {len(people)}")
            options.append(Option(Content.styled(heading, "bold $secondary"), disabled=True))
            self._ids.append(None)
            options.extend(Option(_member_line(member, is_me=me is not None and member.id == me.id), id=member.id)
                           for member in people)
            self._ids.extend(member.id for member in people)
        previous = option_list.highlighted
        option_list.set_options(options)
        if keep is not None and keep in self._ids:
            option_list.highlighted = self._ids.index(keep)
        else:  # the highlighted member left (removed here or elsewhere): stay at that place
            option_list.highlighted = _nearest_member(self._ids, previous)
        self.query_one("#team-summary", Static).update(_summary(members, me))
        self.query_one("#team-empty").display = not members
        option_list.display = bool(members)

    @property
    def highlighted_id(self) -> str | None:
        index = self.query_one(OptionList).highlighted
        return self._ids[index] if index is not None and index < len(self._ids) else None

    def _highlighted_member(self) -> Member | None:
        member_id = self.highlighted_id
        return self.host.workspace.get("members", member_id) if member_id else None

    # -- actions --------------------------------------------------------------------------
    def action_cursor(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        (option_list.action_cursor_down if step > 0 else option_list.action_cursor_up)()

    def action_new_member(self) -> None:
        # A new colleague is most often in the department of the one highlighted.
        highlighted = self._highlighted_member()
        defaults = {"department": highlighted.department} if highlighted and highlighted.department else None
        self._open_form(defaults=defaults)

    def action_edit_member(self) -> None:
        member = self._highlighted_member()
        if member is None:
            self.notify(_("Nobody to edit here — press n to add a member"), severity="warning")
            return
        self._open_form(record=member)

    @on(OptionList.OptionSelected, "#team-list")
    def _member_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit_member()

    def _open_form(self, **options: Any) -> None:
        from tui.screens.record_form import open_form

        open_form(self, "members", then=self._form_closed, **options)

    def _form_closed(self, saved: Any) -> None:
        if saved is not None:
            self._select = saved.id
        self.refresh_data()
        self.query_one(OptionList).focus()

    def action_remove_member(self) -> None:
        member = self._highlighted_member()
        if member is None:
            return
        self.host.write(self, lambda workspace: workspace.delete("members", member.id), purpose="remove")

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        if event.purpose == "remove":
            event.stop()
            self.refresh_data()
            self.notify(_("Removed {name} from the team — their records keep the name; u brings them back").format(
                name=event.result.name))
        # an undo goes on to the app, which says what it undid

    def action_undo(self) -> None:
        if not self.host.workspace.can_undo:
            self.notify(_("Nothing to undo."))
            return
        self.host.write(self, lambda workspace: workspace.undo(), purpose="undo")

    def action_close(self) -> None:
        self.dismiss(None)


def _nearest_member(ids: list[str | None], previous: int | None) -> int | None:
    """The first member row at or after ``previous`` (else the last one); None when nobody is left."""
    people = [index for index, member_id in enumerate(ids) if member_id is not None]
    if not people:
        return None
    return next((index for index in people if previous is None or index >= previous), people[-1])


def _member_line(member: Member, *, is_me: bool) -> Content:
    name = printable(_("{name} (you)").format(name=member.name) if is_me else member.name)
    return Content.assemble(
        (name.ljust(28), "bold" if is_me else ""),
        " ",
        printable(member.role or "—").ljust(26),
        " ",
        (printable(member.email or _("no email")), "$text-muted"),
    )


def _summary(members: list[Member], me: Member | None) -> str:
    if not members:
        return _("Who takes part: each member can own tasks and objectives, present items and give feedback.")
    departments = {member.department for member in members if member.department}
    count = ngettext("{count} member", "{count} members", len(members)).format(count=len(members))
    if departments:
        count = ngettext("{members} in {count} department", "{members} in {count} departments",
                         len(departments)).format(members=count, count=len(departments))
    you = (_("{summary} · you are {name}").format(summary=count, name=me.name) if me
           else _("{summary} · you are not a member yet: press n to add yourself").format(summary=count))
    return printable(you)
