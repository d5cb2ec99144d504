"""The Feedback pane's detail: one entry's body and response as Markdown, what it is about
and what was done with it (links that jump with enter).

Presentational: the pane hands it a ``DetailView`` of printable strings and link specs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Markdown, Static

from tui.widgets.record_link import RecordLink


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


class FeedbackDetail(VerticalScroll, can_focus=False):
    """One feedback entry in full."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back_to_list", "Back to the list", id="feedback.detail_back",
                tooltip="Back to the list of entries"),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's keyword
        super().__init__(id=id)
        self.shown: DetailView | None = None

    class BackToList(Message):
        """The person pressed escape in the detail."""

    def compose(self) -> ComposeResult:
        yield Static("", id="detail-heading", markup=False)
        yield Static("", id="detail-meta", markup=False)
        yield Static("About", classes="detail-label")
        yield Vertical(id="detail-subject")
        yield Markdown("", id="detail-body", open_links=False)
        yield Static("Response", classes="detail-label", id="detail-response-label")
        yield Markdown("", id="detail-response", open_links=False)
        yield Static("What was done with it", classes="detail-label")
        yield Vertical(id="detail-thread")

    @property
    def links(self) -> list[RecordLink]:
        return list(self.query(RecordLink))

    async def show(self, view: DetailView | None) -> None:
        """Show ``view`` (None: nothing selected)."""
        if view == self.shown:
            return
        self.shown = view
        self.display = view is not None
        if view is None:
            return
        self.query_one("#detail-heading", Static).update(view.heading)
        self.query_one("#detail-meta", Static).update(view.meta)
        subject = self.query_one("#detail-subject", Vertical)
        await subject.remove_children()
        if view.subject is None:
            await subject.mount(Static("nothing in particular", classes="detail-none"))
        else:
            await subject.mount(_link(view.subject))
        await self.query_one("#detail-body", Markdown).update(view.body)
        has_response = bool(view.response.strip())
        self.query_one("#detail-response-label").display = has_response
        response = self.query_one("#detail-response", Markdown)
        response.display = has_response
        await response.update(view.response if has_response else "")
        thread = self.query_one("#detail-thread", Vertical)
        await thread.remove_children()
        widgets: list[Static] = [_link(spec) for spec in view.thread]
        widgets = widgets or [Static(view.thread_hint, classes="detail-none")]
        await thread.mount_all(widgets)
        self.scroll_home(animate=False)

    def action_back_to_list(self) -> None:
        self.post_message(self.BackToList())


def _link(spec: LinkSpec) -> RecordLink:
    return RecordLink(spec.table, spec.record_id, spec.noun, spec.title, gone=spec.gone, extra=spec.extra)
