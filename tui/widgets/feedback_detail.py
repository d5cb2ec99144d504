"""The Feedback pane's detail: one entry's body and response as Markdown, what it is about
and what was done with it (links that jump with enter).

Presentational: the pane hands it a ``DetailView`` of printable strings and link specs.
Moving through the log changes the entry shown on every key, so the widgets are made once
and updated in place (the subject's link too); only the thread's links are mounted anew,
and only when the thread changes. Markdown is rendered by Rich into one Static per text:
Textual's Markdown widget mounts a widget per block, several times slower on each move.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from tui.widgets.record_link import RecordLink
from tui.widgets.words import N_

if TYPE_CHECKING:
    from rich.console import RenderableType


@dataclass(frozen=True)
class DetailLabels:
    """The detail's own labels, in the person's language (its pane gives them)."""

    about: str
    no_subject: str
    response: str
    thread: str


@dataclass(frozen=True)
class LinkSpec:
    table: str
    record_id: str
    noun: str
    title: str
    gone: bool = False
    extra: str = ""


@dataclass(frozen=True)
class DetailView:
    """What the detail shows of one entry; every string already printable."""

    entry_id: str
    heading: str
    meta: str
    subject: LinkSpec | None
    body: str
    response: str
    thread: list[LinkSpec] = field(default_factory=list)
    thread_hint: str = ""


def _markdown(text: str) -> RenderableType:
    from rich.markdown import Markdown  # markdown-it is imported when an entry is first shown

    return Markdown(text, hyperlinks=False)


class FeedbackDetail(VerticalScroll, can_focus=False):
    """One feedback entry in full."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back_to_list", N_("Back to the list"), id="feedback.detail_back",
                tooltip=N_("Back to the list of entries")),
    ]

    class BackToList(Message):
        """The person pressed escape in the detail."""

    def __init__(self, labels: DetailLabels, *, id: str | None = None) -> None:  # noqa: A002 - Textual's keyword
        super().__init__(id=id)
        self.labels = labels
        self.shown: DetailView | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="detail-heading", markup=False)
        yield Static("", id="detail-meta", markup=False)
        yield Static(self.labels.about, classes="detail-label", markup=False)
        yield RecordLink(id="detail-subject")
        yield Static(self.labels.no_subject, classes="detail-none", id="detail-no-subject", markup=False)
        yield Static("", id="detail-body")
        yield Static(self.labels.response, classes="detail-label", id="detail-response-label", markup=False)
        yield Static("", id="detail-response")
        yield Static(self.labels.thread, classes="detail-label", markup=False)
        yield Vertical(id="detail-thread")
        yield Static("", classes="detail-none", id="detail-thread-hint", markup=False)

    @property
    def links(self) -> list[RecordLink]:
        """The links shown, top to bottom (the subject's first)."""
        return [link for link in self.query(RecordLink) if link.display]

    async def show(self, view: DetailView | None) -> None:
        """Show ``view`` (None: nothing selected)."""
        if view == self.shown:
            return
        before, self.shown = self.shown, view
        self.display = view is not None
        if view is None:
            return
        self.query_one("#detail-heading", Static).update(view.heading)
        self.query_one("#detail-meta", Static).update(view.meta)
        subject = self.query_one("#detail-subject", RecordLink)
        subject.display = view.subject is not None
        self.query_one("#detail-no-subject").display = view.subject is None
        if view.subject is not None:
            spec = view.subject
            subject.point_to(spec.table, spec.record_id, spec.noun, spec.title, gone=spec.gone, extra=spec.extra)
        self.query_one("#detail-body", Static).update(_markdown(view.body))
        has_response = bool(view.response.strip())
        self.query_one("#detail-response-label").display = has_response
        response = self.query_one("#detail-response", Static)
        response.display = has_response
        response.update(_markdown(view.response) if has_response else "")
        hint = self.query_one("#detail-thread-hint", Static)
        hint.update(view.thread_hint)
        hint.display = not view.thread
        if before is None or before.thread != view.thread:
            thread = self.query_one("#detail-thread", Vertical)
            await thread.remove_children()
            await thread.mount_all([_link(spec) for spec in view.thread])
        self.scroll_home(animate=False)

    def action_back_to_list(self) -> None:
        self.post_message(self.BackToList())


def _link(spec: LinkSpec) -> RecordLink:
    return RecordLink(spec.table, spec.record_id, spec.noun, spec.title, gone=spec.gone, extra=spec.extra)
