"""Page text cut into paragraphs of segments, each segment covered by the same set of findings.

Findings may overlap (an abbreviation conflict inside an off-topic sentence), so the text is cut
at every finding's start and end; a segment knows which findings cover it and which end there,
which is all a template needs to colour it and to put a reference mark after each finding.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Segment", "paragraphs", "MAX_COVER"]


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int
    findings: tuple[int, ...] = ()  # indices of the findings covering this text, innermost first
    ends: tuple[int, ...] = ()  # findings whose last character is in this segment

    @property
    def kind_index(self) -> int | None:
        """The finding whose kind colours this segment: the innermost (shortest) one."""
        return self.findings[0] if self.findings else None


MAX_COVER = 8
"""Findings listed per segment (the innermost ones). Real pages overlap two or three deep; a
hostile page that stacks thousands of findings on one stretch of text would otherwise make the
report's size (and its rendering time) the product of text length and findings."""


def paragraphs(
    text: str, spans: Sequence[tuple[int | None, int | None]], max_cover: int = MAX_COVER
) -> list[list[Segment]]:
    """``text`` as paragraphs (split at newlines, blank ones dropped) of segments.

    ``spans`` are the findings' ``(start, end)`` offsets in order; a finding without offsets, or
    with offsets outside the text, covers nothing. One sweep over the cut points, keeping the
    findings open at each in order of length: time grows with the text and the findings, not
    with their product (a segment lists at most ``max_cover`` of the findings covering it).
    """
    n = len(text)
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    length: dict[int, int] = {}
    for i, (s, e) in enumerate(spans):
        if s is not None and e is not None and 0 <= s < e <= n:
            opens.setdefault(s, []).append(i)
            closes.setdefault(e, []).append(i)
            length[i] = e - s
    cuts = {0, n, *opens, *closes}
    pos = text.find("\n")
    while pos != -1:
        cuts.add(pos)
        cuts.add(pos + 1)
        pos = text.find("\n", pos + 1)
    points = sorted(cuts)
    active: list[tuple[int, int]] = []  # (length, index) of the findings open here, shortest first
    out: list[list[Segment]] = []
    current: list[Segment] = []
    for a, b in itertools.pairwise(points):
        for i in closes.get(a, ()):
            del active[bisect_left(active, (length[i], i))]
        for i in opens.get(a, ()):
            insort(active, (length[i], i))
        piece = text[a:b]
        if piece == "\n":
            if current:
                out.append(current)
            current = []
            continue
        covering = tuple(i for _, i in active[:max_cover])
        ends = tuple(sorted(closes.get(b, ())))
        current.append(Segment(piece, a, covering, ends))
    if current:
        out.append(current)
    return [p for p in out if any(s.text.strip() for s in p)]
