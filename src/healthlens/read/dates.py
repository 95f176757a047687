"""Find dates written in page text ("Thursday, May 29, 2025", "2024-03-02", "3 March 2024")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..fastmatch import match_at, scanner

__all__ = ["parse_date", "find_date"]

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_M = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_SHORT_YEAR = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{2})(?![\d/])")
_PATTERNS = [
    # "2024-05-03", also with a time after it ("2024-05-03T10:00:00Z")
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), ("y", "m", "d")),
    # a year may run straight into the next word ("May 16, 2025View policy"): no digit after it;
    # a comma before the year may have no space after it ("Sep 27,2024", "27 Sep.,2024")
    (
        re.compile(rf"\b{_M}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{{4}})(?!\d)", re.I),
        ("M", "d", "y"),
    ),
    (
        re.compile(
            rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}(?:,\s*|\s+)(\d{{4}})(?!\d)", re.I
        ),
        ("d", "M", "y"),
    ),
    (re.compile(rf"\b(\d{{4}})\s+{_M}\s+(\d{{1,2}})\b", re.I), ("y", "M", "d")),  # "2019 Jun 13"
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)"), ("m", "d", "y")),
    # day first where the month-first reading is impossible ("23/01/2024"), and the same with
    # dashes ("04-02-2024", "23-01-2024")
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)"), ("d", "m", "y")),
    (re.compile(r"(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4})(?!\d)"), ("m", "d", "y")),
    (re.compile(r"(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4})(?!\d)"), ("d", "m", "y")),
    (re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"), ("y", "m", "d")),
    # "03.05.2024": day first, as European pages write it (not inside a longer dotted number)
    (re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)"), ("d", "m", "y")),
    # "01/23/24": a two-digit year, read as 20yy (not inside a longer run of numbers and slashes)
    (_SHORT_YEAR, ("m", "d", "yy")),
    # and day first where the month-first reading is impossible: "Updated 14/02/17"
    (_SHORT_YEAR, ("d", "m", "yy")),
]
# the forms that open on a month's name or a cue word are searched with their scanner, which tries
# them only where the names or words stand (``re`` tries their alternation at every character);
# the others open on a digit that no digit stands before (``\b`` or a lookbehind that rules a
# digit out), so their matches start only where a run of digits starts: they are tried there
# alone (``_at_run_starts``). ``re`` would try them at every character: only a pattern that opens
# on a single character or class skips ahead, and these open on a group, a repeat or an assertion.
_DIGIT_RUN = re.compile(r"\d\d*")  # (``\d+`` opens on a repeat: ``re`` would not skip ahead)
_MONTH_FIRST = _PATTERNS[1][0]
# "Last updated: Jan 2023": a month is a date only after a publication cue; it reads as the 1st
# (a reference work's "Creation date: July 2001", "Updates: October 2003" too)
_MONTH_YEAR = re.compile(
    rf"\b(?:updated|updates|published|posted|reviewed|review|revised|written|created|creation[ \t]+date)\b"
    rf"[^\n\d]{{0,20}}?{_M}\s+(\d{{4}})\b",
    re.I,
)
# "Reviewed/Updated: 03/14": a month and year in figures, after a publication cue
_NUMERIC_MONTH_YEAR = re.compile(
    r"\b(?:updated|published|posted|reviewed|revised)\b[^\n\d]{0,20}?(\d{1,2})/(\d{4}|\d{2})(?![\d/])",
    re.I,
)

# "Last updated on 05-01-20": a two-digit year with dashes, month first, only after a
# publication cue (bare, "10-12-15" is as likely a range of doses)
_CUED_SHORT_DASHED = re.compile(
    r"\b(?:updated|published|posted|reviewed|revised)\b[^\n\d]{0,20}?"
    r"(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{2})(?![\d-])",
    re.I,
)


def _build(groups: tuple[str, ...], order: tuple[str, ...]) -> str | None:
    parts = dict(zip(order, groups, strict=False))
    try:
        month = _MONTHS[parts["M"].lower().rstrip(".")] if "M" in parts else int(parts["m"])
        year = int(parts["y"]) if "y" in parts else 2000 + int(parts["yy"])
        d = date(year, month, int(parts["d"]))
    except (KeyError, ValueError):
        return None
    if not 1990 <= d.year <= 2100:
        return None
    return d.isoformat()


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as yyyy-mm-dd, or None."""
    found = find_date(text)
    return found[0] if found else None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The earliest date in ``text``: (yyyy-mm-dd, start, end)."""
    # every form of _PATTERNS but the last two (a two-digit year, month or day first) has a
    # four-digit year, and those two have slashes: one quick scan each decides which searches
    # can find anything
    runs = [m.span() for m in _DIGIT_RUN.finditer(text)]
    year = any(end - start >= 4 for start, end in runs)  # (where ``\d{4}`` matches)
    slash = "/" in text
    if not year and not slash:
        return _cued_short_dashed(text) if "-" in text else None
    best: tuple[str, int, int] | None = None
    for pattern, order in _PATTERNS if year else _PATTERNS[-2:]:
        if not slash and "yy" in order:
            continue
        for m in (
            scanner(pattern).finditer(text)
            if pattern is _MONTH_FIRST
            else _at_run_starts(pattern, text, runs)
        ):
            iso = _build(m.groups(), order)
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
                break
    if best is None and year:
        month_year = scanner(_MONTH_YEAR).search(text)
        if month_year:
            iso = _build((month_year.group(1), "1", month_year.group(2)), ("M", "d", "y"))
            if iso:
                best = (iso, month_year.start(), month_year.end())
    if best is None and slash:
        numeric = scanner(_NUMERIC_MONTH_YEAR).search(text)
        if numeric:
            digits = numeric.group(2)
            iso = _build(
                (numeric.group(1), "1", digits), ("m", "d", "y" if len(digits) == 4 else "yy")
            )
            if iso:
                best = (iso, numeric.start(), numeric.end())
    if best is None and "-" in text:
        best = _cued_short_dashed(text)
    return best


def _at_run_starts(
    pattern: re.Pattern, text: str, runs: list[tuple[int, int]]
) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a form of _PATTERNS that opens on a digit no digit stands
    before: tried only where a run of digits starts (``runs``: _DIGIT_RUN's spans), in order,
    each from where the last match ended (its matches are never empty)."""
    return match_at(pattern, text, (start for start, _end in runs))


_SHORT_DASHED = re.compile(r"\d-\d{1,2}-\d")


def _cued_short_dashed(text: str) -> tuple[str, int, int] | None:
    """A month-first date with a two-digit year and dashes after a publication cue."""
    if not _SHORT_DASHED.search(text):
        return None  # (the figures first: the cue words are slower to look for)
    m = scanner(_CUED_SHORT_DASHED).search(text)
    iso = _build(m.groups(), ("m", "d", "yy")) if m else None
    return (iso, m.start(), m.end()) if iso and m else None
