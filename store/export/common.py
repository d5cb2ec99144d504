"""What every export shares: escaping user text for Markdown and one self-contained HTML page.

User text comes from teammates, so it must never become markup: inline text is escaped for
Markdown, Markdown fields (notes, descriptions) are rendered with raw HTML turned off, and
control characters are dropped before anything reaches a file.
"""

from __future__ import annotations

import html
import re

from store.i18n import language

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")
_BLOCK_START = re.compile(r"^(\s*)(?:([-+>=])|(\d+)([.)]))")

PAGE_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 1.6rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; }
code { background: #f2f2f2; padding: 0 .2rem; } blockquote { color: #555; border-left: 3px solid #ccc; margin-left: 0;
padding-left: .8rem; }
""".strip()


def clean(text: str) -> str:
    """User text without control characters (tabs and newlines kept)."""
    return _CONTROL.sub("", text)


def inline(text: object) -> str:
    """One line of user text, safe inside Markdown: no markup, no line breaks, no controls."""
    one_line = " ".join(clean(str(text)).split())
    escaped = _INLINE_SPECIAL.sub(r"\\\1", one_line)
    return _BLOCK_START.sub(_escape_block_start, escaped, count=1)


def _escape_block_start(match: re.Match[str]) -> str:
    """Escape the character that would open a block: "\\- x", and "1\\. x" (a backslash before
    a digit is not an escape in CommonMark and would show)."""
    indent, mark, digits, punctuation = match.groups()
    return indent + ("\\" + mark if mark else digits + "\\" + punctuation)


def block(text: str, indent: str = "") -> str:
    """A Markdown field (notes, a description) kept as Markdown; raw HTML is refused at render."""
    lines = clean(text).strip().splitlines()
    return "\n".join(indent + line if line.strip() else "" for line in lines)


def render_html(markdown: str) -> str:
    """Markdown to an HTML fragment with raw HTML disabled (a ``<script>`` stays text)."""
    from markdown_it import MarkdownIt  # imported here: only exports pay for it

    return MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)


def markdown_page(title: str, markdown: str) -> str:
    """One self-contained HTML page (inline stylesheet, no outside resource) for a Markdown text."""
    return (
        f"<!DOCTYPE html>\n<html lang=\"{language()}\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(clean(title))}</title>\n<style>\n{PAGE_STYLE}\n</style>\n</head>\n<body>\n"
        f"{render_html(clean(markdown))}</body>\n</html>\n"
    )
