"""Documents people forward: agendas, minutes, status reports and the brief, as Markdown and
HTML (markdown-it-py), and meetings as calendar events (icalendar). Every user string is
escaped on the way out; see ``store.export.common``."""
