"""HTML pages: main text, title, author, date and outgoing links, via trafilatura and htmldate."""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml import etree

from ..models import Page, PageError

__all__ = ["read_html", "looks_like_html"]

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*(<!doctype html|<html|<head|<body|<meta|<title|<div|<p\b|<article)", re.I | re.S)
# metadata and visible publication markup only: a copyright year in a footer is not a publication date
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2100-01-01"}


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048]))


def _links(tree) -> list[str]:
    out: list[str] = []
    seen = set()
    for el in tree.iter("a"):
        href = (el.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:", "mailto:")) and href not in seen:
            seen.add(href)
            out.append(href)
    return out


def _page_text(tree) -> str:
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return " ".join(tree.text_content().split())


def read_html(html: str, input: str, url: str | None = None) -> Page:
    """A ``Page`` from HTML. Its text is the extracted main text, with the title as first line."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        return Page(input=input, format="html", url=url, error=PageError("parse", f"{input}: not parseable as HTML ({exc})"))
    links = _links(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params=_DATE_PARAMS, favor_recall=True,
    )
    title = (doc.title if doc is not None else None) or None
    text = (doc.text if doc is not None else None) or ""
    if not text.strip():
        # trafilatura found no main text (tiny pages): fall back to all visible text
        text = _page_text(lxml.html.fromstring(html))
    text = text.replace("\r\n", "\n").strip()
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return Page(
        input=input,
        text=text,
        title=title or (text.split("\n", 1)[0][:300] if text else None),
        author=(doc.author if doc is not None else None) or None,
        date=(doc.date if doc is not None else None) or None,
        url=url or (doc.url if doc is not None else None),
        links=links,
        format="html",
    )
