"""Welcome: on a first run, choose the sample quarter or an empty start; and say who I am."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from tui.widgets.steady_footer import SteadyFooter

if TYPE_CHECKING:
    from store.workspace import Workspace

INTRO = (
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
    BINDING_GROUP_TITLE = "Welcome"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start_work", "Start", id="welcome.start", priority=True, tooltip="Start with these choices"),
        Binding("escape", "skip_welcome", "Skip", id="welcome.skip", tooltip="Start empty without adding yourself"),
    ]

    def __init__(self, *, first_run: bool, ask_name: bool, who: str, in_sample: bool = False) -> None:
        super().__init__()
        self.first_run = first_run
        self.ask_name = ask_name
        self.who = who
        #: the sample quarter already has a member with my git identity
        self.in_sample = in_sample

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome"):
            yield Static("Welcome to alinea", id="welcome-title")
            yield Static(INTRO, id="welcome-intro")
            if self.first_run:
                yield Label("How would you like to start?", classes="welcome-question")
                with RadioSet(id="welcome-start"):
                    yield RadioButton("Load the sample quarter — a sales + marketing quarter to explore", value=True,
                                      id="welcome-sample")
                    yield RadioButton("Start empty", id="welcome-empty")
            if self.ask_name:
                workspace: Workspace = self.app.workspace  # type: ignore[attr-defined]
                name, department = workspace.suggested_member()  # git's user.name, when it is set
                known = workspace.identity.email or workspace.identity.name
                signed = f"signed as {self.who}" if known else "signed with the name you give here"
                with Vertical(id="welcome-who"):
                    yield Label(f"Who are you? Your edits are {signed}.", classes="welcome-question", markup=False)
                    with Horizontal(classes="welcome-row"):
                        yield Label("Name", classes="welcome-label")
                        yield Input(name, placeholder="Your name", id="welcome-name")
                    with Horizontal(classes="welcome-row"):
                        yield Label("Department", classes="welcome-label")
                        yield Input(department, placeholder="Sales, Marketing, …", id="welcome-department")
                    yield Static("", id="welcome-error", markup=False)
            with Horizontal(id="welcome-buttons"):
                yield Button("Start", variant="primary", id="welcome-go")
            yield Static("tab moves · enter or ctrl+s starts · esc skips", id="welcome-help")
        yield SteadyFooter()  # this screen's keys, over the main screen's footer

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
                    "Your name, please: the team sees it on what you own (esc skips)."
                )
                self.query_one("#welcome-name", Input).focus()
                return
        self.dismiss(WelcomeAnswer(sample=sample, name=name, department=department))

    def action_skip_welcome(self) -> None:
        self.dismiss(None)


def in_sample(who: str, today: date) -> bool:
    """Whether the sample quarter has a member with this git identity."""
    from store.demo import demo_rows

    return any(row.get("email") == who.lower() for row in demo_rows(today)["members"])


def apply_welcome(workspace: Workspace, answer: WelcomeAnswer, today: date) -> str:
    """Carry out the welcome's choices (in a worker). Returns what was done, in words."""
    done = []
    sample = answer.sample and workspace.count("tasks") == 0
    if sample:
        from store.demo import demo_rows

        for table, rows in demo_rows(today).items():
            workspace.create_many(table, [{**row, "updated_by": row["created_by"]} for row in rows])
        done.append("Loaded the sample quarter")
    if answer.name and workspace.me is None:
        email = workspace.who if "@" in workspace.who else ""
        if not email:  # no git email here: sign edits with the name, so `me` finds it next time
            workspace.identify_as(answer.name)
        workspace.create("members", name=answer.name, email=email, department=answer.department)
        done.append(f"added you, {answer.name}, to the team")
    if sample:  # one commit for the whole start, so a new workspace opens clean
        from store.repo import commit_all

        commit_all(workspace.folder, "Load the sample sales and marketing quarter")
    if not done:
        return ""
    text = "; ".join(done)
    return text[:1].upper() + text[1:] + "."
