"""Plain-text pages: the first meaningful line is the title."""

from __future__ import annotations

import re

from ..models import Page
from .dates import parse_date

__all__ = ["read_text"]

_BLANKS = re.compile(r"\n{3,}")


def _title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) < 40 and parse_date(line):  # a date line above the title (blog exports)
            continue
        return line[:300]
    return None


def read_text(text: str, input: str, title: str | None = None, url: str | None = None) -> Page:
    """A ``Page`` from plain text. The text is kept as is so offsets point into what was read."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BLANKS.sub("\n\n", text).strip("\n")
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return Page(input=input, text=text, title=title or _title(text), url=url, format="text")
