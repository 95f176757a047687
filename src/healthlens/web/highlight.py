"""Page text cut into paragraphs of segments, each segment covered by the same set of findings.

Findings may overlap (an abbreviation conflict inside an off-topic sentence), so the text is cut
at every finding's start and end; a segment knows which findings cover it and which end there,
which is all a template needs to colour it and to put a reference mark after each finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

__all__ = ["Segment", "paragraphs"]

_NEWLINE = re.compile("\n")


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


def paragraphs(text: str, spans: Sequence[tuple[int | None, int | None]]) -> list[list[Segment]]:
    """``text`` as paragraphs (split at newlines, blank ones dropped) of segments.

    ``spans`` are the findings' ``(start, end)`` offsets in order; a finding without offsets, or
    with offsets outside the text, covers nothing.
    """
    n = len(text)
    valid = {
        i: (s, e)
        for i, (s, e) in enumerate(spans)
        if s is not None and e is not None and 0 <= s < e <= n
    }
    cuts = {0, n, *(s for s, _ in valid.values()), *(e for _, e in valid.values())}
    for m in _NEWLINE.finditer(text):
        cuts.update((m.start(), m.end()))
    cuts = sorted(cuts)
    by_length = sorted(valid, key=lambda i: (valid[i][1] - valid[i][0], i))
    out: list[list[Segment]] = []
    current: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        if piece == "\n":
            if current:
                out.append(current)
            current = []
            continue
        covering = tuple(i for i in by_length if valid[i][0] <= a and b <= valid[i][1])
        ends = tuple(i for i in sorted(covering) if valid[i][1] == b)
        current.append(Segment(piece, a, covering, ends))
    if current:
        out.append(current)
    return [p for p in out if any(s.text.strip() for s in p)]
