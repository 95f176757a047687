"""`--format markdown`: what comes from a page is shown as text, never as HTML or a link."""

from __future__ import annotations

import re

from healthlens import check_pages
from healthlens.read import read_html, read_text
from healthlens.report.markdown import escape, to_markdown

HOSTILE = (
    "Lupus <script>alert(1)</script> is an autoimmune disease "
    "[click here](javascript:alert(document.cookie)) ![x](javascript:alert(2)) "
    '<a href="javascript:alert(3)">more</a> <javascript:alert(4)> *bold* | cell |'
)


def _links(md: str) -> list[str]:
    """Targets of every Markdown link, image or autolink, as a renderer would read them."""
    unescaped = re.sub(r"\\.", "", md)  # a backslash-escaped character is literal
    inline = re.findall(r"\]\(([^)]*)\)", unescaped)
    auto = re.findall(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>", unescaped)
    return inline + auto


def test_raw_html_and_javascript_links_from_a_page_do_not_pass_through():
    page = read_text(f"Is lupus autoimmune? {HOSTILE}\n\n{HOSTILE}", "hostile.txt")
    md = to_markdown(check_pages([page], "Is lupus an autoimmune disease?"))
    assert "<script>" not in md and "<a href" not in md
    assert "&lt;script&gt;" in md  # shown as text
    assert not [t for t in _links(md) if not t.lower().startswith(("http://", "https://"))]
    assert "javascript:alert(document.cookie)" in md.replace("\\", "")  # kept as visible text


def test_a_hostile_html_title_and_error_message_are_escaped():
    html = (
        "<html><head><title>[x](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;</title>"
        "</head><body><article><p>Celiac disease is an autoimmune disease.</p></article></body></html>"
    )
    md = to_markdown(check_pages([read_html(html, "<b>p</b>.html")], None))
    assert "<img" not in md and "<b>" not in md
    assert not [t for t in _links(md) if not t.lower().startswith(("http://", "https://"))]


def test_only_http_source_urls_become_links():
    from healthlens.report.markdown import _sources

    lines = _sources(
        [
            {"publisher": "NIH", "title": "Lupus", "year": 2020, "url": "https://www.nih.gov/x"},
            {"publisher": "Bad", "title": "T", "year": None, "url": "javascript:alert(1)"},
        ]
    )
    assert lines[0].endswith("<https://www.nih.gov/x>")
    assert "<javascript" not in lines[1] and _links(lines[1]) == []


def test_escape_keeps_plain_words_readable():
    assert escape("Celiac disease (CD) is autoimmune.") == "Celiac disease (CD) is autoimmune."
    assert escape("a\nb") == "a b"
    assert escape("[x](y)") == "\\[x\\](y)"
