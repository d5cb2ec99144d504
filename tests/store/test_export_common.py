"""Export basics: user text never becomes markup in Markdown or HTML."""

from __future__ import annotations

from markdown_it import MarkdownIt

from store.export.common import inline, markdown_page


def test_inline_text_renders_as_the_same_words_not_markup() -> None:
    hostile = "*Q4* [deal](javascript:alert(1)) <b>big</b> # not a heading | col"
    rendered = MarkdownIt("commonmark").render(f"- {inline(hostile)}\n")
    assert "<em>" not in rendered and "<a " not in rendered and "<b>" not in rendered
    assert "Q4" in rendered and "not a heading" in rendered


def test_a_leading_dash_or_number_does_not_start_a_nested_list() -> None:
    rendered = MarkdownIt("commonmark").render(f"- {inline('- follow up')}\n- {inline('1. rank leads')}\n")
    assert rendered.count("<ul>") == 1 and "<ol>" not in rendered
    assert "<li>1. rank leads</li>" in rendered and "\\" not in rendered


def test_a_leading_number_shows_without_a_backslash() -> None:
    rendered = MarkdownIt("commonmark").render(f"{inline('22.3 %')} and {inline('3) options')}\n")
    assert rendered == "<p>22.3 % and 3) options</p>\n"


def test_html_page_escapes_a_script_in_the_title_and_the_body() -> None:
    page = markdown_page("<script>alert(1)</script>", "# <script>alert(2)</script>\n\nplain\x1b]2;pwned\x07 text")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page and "\x1b" not in page and "\x07" not in page
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
