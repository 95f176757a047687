"""Invisible characters: matched around, reported in place.

A zero-width space or a soft hyphen inside a name ("Lu\\u200bpus") hides it from every pattern
while a reader sees the word whole; a NUL between two words does the same. Before a page is
understood and checked, these characters are taken out of its text; afterwards every offset
(sentences, mentions, abbreviations, claims, findings, evidence, credibility signals) is
mapped back onto the page as read, so offsets still point into ``Page.text`` and the quoted
sentences are the page's own. Ordinary pages have none of these characters and are not touched.

Taken out: C0 control characters other than white space (NUL included), DEL, the soft hyphen,
the combining grapheme joiner, zero-width space / non-joiner / joiner, the left-to-right and
right-to-left marks and every other bidirectional control, the word joiner and the invisible
operators, the byte-order mark (zero-width no-break space), variation selectors, Hangul
fillers, the Mongolian vowel separator and free variation selectors, Khmer invisible vowels and
the tag characters.
"""

from __future__ import annotations

import re
from array import array
from typing import overload

from ..models import Page

__all__ = ["INVISIBLE", "has_invisible", "strip_invisible", "analyze_visible"]

INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\U000e0000-\U000e0fff]"
)


# INVISIBLE's ASCII members (the C0 controls but white space, and DEL)
_ASCII_INVISIBLE = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def has_invisible(text: str) -> bool:
    """Whether ``text`` holds a character of ``INVISIBLE``. An ASCII text can hold only its
    ASCII members, and deleting those from the text's bytes is one pass in C, far cheaper than
    the regex's scan with the whole character class (most pages are ASCII and have none)."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_INVISIBLE)) != len(text)
    return INVISIBLE.search(text) is not None


def strip_invisible(text: str) -> tuple[str, array] | None:
    """(text without the invisible characters, the original offset of each character kept), or
    None when there are none (the usual case: one scan of the text)."""
    if not has_invisible(text):
        return None
    keep = array("i")  # 4 bytes a character: a page is at most 5 MB
    parts = []
    last = 0
    for m in INVISIBLE.finditer(text):
        if m.start() > last:
            parts.append(text[last : m.start()])
            keep.extend(range(last, m.start()))
        last = m.end()
    parts.append(text[last:])
    keep.extend(range(last, len(text)))
    return "".join(parts), keep


class _Map:
    """Offsets in the stripped text -> offsets in the original."""

    __slots__ = ("keep", "size")

    def __init__(self, keep: array, size: int) -> None:
        self.keep, self.size = keep, size

    @overload
    def start(self, i: int) -> int: ...
    @overload
    def start(self, i: None) -> None: ...
    def start(self, i: int | None) -> int | None:
        if i is None:
            return None
        return self.keep[i] if 0 <= i < len(self.keep) else self.size

    @overload
    def end(self, i: int) -> int: ...
    @overload
    def end(self, i: None) -> None: ...
    def end(self, i: int | None) -> int | None:
        if i is None:
            return None
        return self.keep[i - 1] + 1 if 0 < i <= len(self.keep) else (0 if i <= 0 else self.size)


def _remap(page: Page, original: str, m: _Map) -> None:
    for s in page.sentences:
        s.start, s.end = m.start(s.start), m.end(s.end)
        s.text = original[s.start : s.end]
    for x in page.mentions:
        x.start, x.end = m.start(x.start), m.end(x.end)
        x.text = original[x.start : x.end]
    for c in page.claims:
        c.start, c.end = m.start(c.start), m.end(c.end)
    for a in page.abbreviations:
        a.start, a.end = m.start(a.start), m.end(a.end)
        a.long_start, a.long_end = m.start(a.long_start), m.end(a.long_end)
    by_index = {s.index: s for s in page.sentences}
    for f in page.findings:
        f.start, f.end = m.start(f.start), m.end(f.end)
        if f.sentence_index in by_index:
            f.sentence = by_index[f.sentence_index].text
        for e in f.evidence:
            if e.kind == "page" and e.start is not None and e.end is not None:
                e.start, e.end = m.start(e.start), m.end(e.end)
                e.text = original[e.start : e.end]
    for sig in page.credibility.signals:
        if isinstance(sig.get("start"), int) and isinstance(sig.get("end"), int):
            sig["start"], sig["end"] = m.start(sig["start"]), m.end(sig["end"])


def analyze_visible(page: Page, run) -> Page:
    """``run(page)`` on the page's visible text, then every offset mapped back onto the text as
    read. ``run`` is understand + check (``pipeline.analyze_page``)."""
    stripped = strip_invisible(page.text)
    if stripped is None:
        return run(page)
    original, title = page.text, page.title
    page.text = stripped[0]
    if title:
        page.title = INVISIBLE.sub("", title)  # so that the text still starts with it
    try:
        run(page)
    finally:
        page.text, page.title = original, title
    _remap(page, original, _Map(stripped[1], len(original)))
    return page
