"""The Agenda pane (pane.py) and its parts: rows, the quick-add line, proposals."""

from tui.panes.agenda.pane import AgendaPane

__all__ = ["AgendaPane"]
