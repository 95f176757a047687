"""HTML pages: main text, title, author, date and outgoing links.

The fast path (``html_main`` + ``html_meta``) parses the page once with lxml and takes the main
container's text and the metadata in the markup, which is much cheaper than trafilatura's full
extraction (figures: docs/benchmarks.md, "main text of real pages"). When it finds too little of the page's text (fewer than ``MIN_WORDS`` words
while the page has more), trafilatura's extraction runs instead; when that finds nothing either,
all visible text is used. ``Page.extractor`` says which one produced the text.
"""

from __future__ import annotations

import re

from lxml import etree

from ..limits import MAX_HTML_DEPTH
from ..models import Page, PageError
from .html_main import MIN_WORDS, main_text
from .html_meta import META_TAGS, elements_by_tag, page_meta

__all__ = ["read_html", "looks_like_html"]

_HTML_START = re.compile(
    r"^\s*(<!--.*?-->\s*)*(<!doctype html|<html|<head|<body|<meta|<title|<div|<p\b|<article)",
    re.I | re.S,
)
# metadata and visible publication markup only: a copyright year in a footer is not a publication date
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2100-01-01"}
# huge_tree: libxml2 otherwise stops reading at 255 levels of nesting and drops the rest of the
# page without an error; with it, 2,048 levels (MAX_HTML_DEPTH) are read and a deeper page is
# refused, saying so (``_parse``)
_PARSER = etree.HTMLParser(huge_tree=True)
_UTF8_PARSER = etree.HTMLParser(encoding="utf-8", huge_tree=True)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048]))


def _links(anchors: list) -> list[str]:
    """The distinct targets of the page's ``<a>`` elements, in order (no fragments, scripts or mail)."""
    out: list[str] = []
    seen = set()
    for el in anchors:
        href = (el.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:", "mailto:")) and href not in seen:
            seen.add(href)
            out.append(href)
    return out


def _parse(html: str, utf8: bytes | None = None):
    """The page's element tree (plain lxml elements: no per-element Python class lookup).
    ``utf8``: the page's bytes when ``html`` is exactly their UTF-8 reading; libxml2 then reads
    them as they are (a str is handed over in its own width and converted first: a sixth of the
    parse). Raises ``etree.ParserError``/``ValueError`` for what libxml2 cannot parse."""
    parser = _PARSER
    try:
        if utf8 is not None:
            parser = _UTF8_PARSER
            root = etree.fromstring(utf8, parser)
        else:
            root = etree.fromstring(html, parser)
    except ValueError:  # a str that declares its own encoding (<?xml ... encoding=...?>)
        parser = _UTF8_PARSER
        root = etree.fromstring(html.encode("utf-8"), parser)
    if root is None:
        raise etree.ParserError("Document is empty")
    for e in parser.error_log:
        if e.type_name == "ERR_RESOURCE_LIMIT":  # libxml2 stopped reading here: say so
            if "depth" in e.message:
                raise etree.ParserError(
                    f"elements nested more than {MAX_HTML_DEPTH:,} deep; the text below that "
                    "depth cannot be read, so the page is not checked in part"
                )
            raise etree.ParserError(f"the parser stopped at line {e.line}: {e.message}")
    return root


def _page_text(tree) -> str:
    etree.strip_elements(tree, "script", "style", "noscript", with_tail=False)
    return " ".join(etree.XPath("string()")(tree).split())


def _trafilatura(html: str, url: str | None):
    """(text, title, author, date, url) by trafilatura's full extraction."""
    # lazy: only this fallback needs trafilatura (slow to import) and the lxml.html parser
    import lxml.html
    import trafilatura

    doc = trafilatura.bare_extraction(
        lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True)),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
        favor_recall=True,
    )
    if doc is None or isinstance(doc, dict):  # a dict only with output_format="python"
        return "", None, None, None, None
    return doc.text or "", doc.title or None, doc.author or None, doc.date or None, doc.url or None


def read_html(html: str, input: str, url: str | None = None, utf8: bytes | None = None) -> Page:
    """A ``Page`` from HTML. Its text is the extracted main text, with the title as first line.
    ``utf8``: the bytes ``html`` was decoded from, when it is their UTF-8 reading as it stands
    (``read.decode.decode_utf8``); they are parsed instead of the text, to the same tree."""
    try:
        tree = _parse(html, utf8)
    except (etree.ParserError, ValueError, RecursionError) as exc:
        return Page(
            input=input,
            format="html",
            url=url,
            error=PageError("parse", f"{input}: not parseable as HTML ({exc})"),
        )
    elements = elements_by_tag(tree, ("a", *META_TAGS))  # one walk for the links and the metadata
    links = _links(elements["a"])
    meta = page_meta(tree, elements)
    main = main_text(tree)
    title, author, date, found_url = meta.title, meta.author, meta.date, None
    text, extractor = main.text, "fast"
    if main.words < MIN_WORDS and main.body_words >= MIN_WORDS:
        text, t_title, t_author, t_date, found_url = _trafilatura(html, url)
        title, author, date, extractor = (
            t_title or title,
            t_author or author,
            t_date or date,
            "trafilatura",
        )
        if not text.strip():
            # trafilatura found no main text either: fall back to all visible text
            text, extractor = _page_text(_parse(html)), "visible_text"
    text = text.replace("\r\n", "\n").strip()
    if not text:
        return Page(
            input=input,
            format="html",
            url=url,
            links=links,
            extractor=extractor,
            error=PageError("empty", f"{input}: the HTML page has no visible text"),
        )
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return Page(
        input=input,
        text=text,
        title=title or (text.split("\n", 1)[0][:300] if text else None),
        author=author,
        date=date[:10] if date else None,
        url=url or found_url,
        links=links,
        format="html",
        extractor=extractor,
    )
