"""Welcome: on a first run, choose the sample quarter or an empty start; and say who I am."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from store.i18n import N_, _
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.text_input import TextInput, suggest_from
from tui.writes import host_of

INTRO = N_(
    "alinea is where sales and marketing leads prepare and run their alignment meetings: "
    "shared objectives, the next meeting's agenda, a feedback log and a task board. "
    "Everything is saved as you go, in one file that syncs through git."
)


@dataclass(frozen=True)
class WelcomeAnswer:
    sample: bool = False
    name: str = ""
    department: str = ""


class WelcomeScreen(ModalScreen[WelcomeAnswer | None]):
    """First-run choices. Escape skips them (an empty workspace, nobody added)."""

    CSS_PATH = "welcome.tcss"
    BINDING_GROUP_TITLE = N_("Welcome")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start_work", N_("Start"), id="welcome.start", priority=True,
                tooltip=N_("Start with these choices")),
        Binding("escape", "skip_welcome", N_("Skip"), id="welcome.skip",
                tooltip=N_("Start empty without adding yourself")),
    ]

    def __init__(self, *, first_run: bool, ask_name: bool, who: str, in_sample: bool = False) -> None:
        super().__init__()
        self.first_run = first_run
        self.ask_name = ask_name
        self.who = who
        #: the sample quarter already has a member with my git identity
        self.in_sample = in_sample

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome"):  # scrolls on a small window (80x24): focus keeps the field in sight
            yield Static(_("Welcome to alinea"), id="welcome-title")
            yield Static(_(INTRO), id="welcome-intro")
            if self.first_run:
                yield Label(_("How would you like to start?"), classes="welcome-question")
                with RadioSet(id="welcome-start"):
                    yield RadioButton(_("Load the sample quarter — a sales + marketing quarter to explore"),
                                      value=True, id="welcome-sample")
                    yield RadioButton(_("Start empty"), id="welcome-empty")
            if self.ask_name:
                workspace = host_of(self).workspace
                name, department = workspace.suggested_member()  # git's user.name, when it is set
                known = workspace.identity.email or workspace.identity.name
                question = (_("Who are you? Your edits are signed as {who}.").format(who=self.who) if known
                            else _("Who are you? Your edits are signed with the name you give here."))
                with Vertical(id="welcome-who"):
                    yield Label(question, classes="welcome-question", markup=False)
                    with Horizontal(classes="welcome-row"):
                        yield Label(_("Name"), classes="welcome-label")
                        yield TextInput(name, placeholder=_("Your name"), id="welcome-name")
                    with Horizontal(classes="welcome-row"):
                        yield Label(_("Department"), classes="welcome-label")
                        yield TextInput(department, placeholder=_("Sales, Marketing, …"), id="welcome-department",
                                        suggester=suggest_from(workspace.departments()))
                    yield Static("", id="welcome-error", markup=False)
            with Horizontal(id="welcome-buttons"):
                yield Button(_("Start"), variant="primary", id="welcome-go")
            yield Static(_("tab moves · enter or ctrl+s starts · esc skips"), id="welcome-help")
        yield SteadyFooter(translate=_)  # this screen's keys, over the main screen's footer

    def on_mount(self) -> None:
        self._show_who()
        first = self.query("#welcome-start, #welcome-name")
        if first:
            first.first().focus()

    @property
    def _sample_chosen(self) -> bool:
        return self.first_run and self.query_one("#welcome-sample", RadioButton).value

    @property
    def _needs_name(self) -> bool:
        return self.ask_name and not (self._sample_chosen and self.in_sample)

    @on(RadioSet.Changed)
    def _show_who(self) -> None:
        """With the sample quarter I may already be in the team; then there is nothing to ask."""
        if self.ask_name:
            self.query_one("#welcome-who").display = self._needs_name

    @on(Input.Submitted, "#welcome-name")
    def _name_entered(self) -> None:
        self.query_one("#welcome-department", Input).focus()

    @on(Input.Submitted, "#welcome-department")
    @on(Button.Pressed, "#welcome-go")
    def _go(self) -> None:
        self.action_start_work()

    def action_start_work(self) -> None:
        sample = self._sample_chosen
        name = department = ""
        if self._needs_name:
            name = self.query_one("#welcome-name", Input).value.strip()
            department = self.query_one("#welcome-department", Input).value.strip()
            if not name:
                self.query_one("#welcome-error", Static).update(
                    _("Your name, please: the team sees it on what you own (esc skips).")
                )
                self.query_one("#welcome-name", Input).focus()
                return
        self.dismiss(WelcomeAnswer(sample=sample, name=name, department=department))

    def action_skip_welcome(self) -> None:
        self.dismiss(None)


def offer_welcome(host_node: DOMNode, *, first_run: bool) -> None:
    """On a first run, or when no member has my git identity: ask, then carry the answer out
    in the write queue (store/welcome.py); ``host_node`` hears ``Saved(purpose="welcome")``."""
    from store.welcome import apply_welcome, in_sample

    host = host_of(host_node)
    workspace, today = host.workspace, host.today()
    me_missing = workspace.me is None
    if not first_run and not me_missing:
        return
    sample = first_run and in_sample(workspace.who, today)

    def answered(answer: WelcomeAnswer | None) -> None:
        if answer is not None:
            host.write(host_node, lambda ws: apply_welcome(
                ws, sample=answer.sample, name=answer.name, department=answer.department, today=today
            ), purpose="welcome")

    screen = WelcomeScreen(first_run=first_run, ask_name=me_missing, who=workspace.who, in_sample=sample)
    host_node.app.push_screen(screen, callback=answered)
