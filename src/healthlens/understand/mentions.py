"""Link condition mentions to knowledge-base concepts.

Dictionary matching (Aho–Corasick over folded text) finds every name and abbreviation the
terminology knows. An ambiguous abbreviation is kept only when the page settles it: by defining
it, or by also naming one of its readings in full. A page's own definition decides what its
abbreviation refers to on that page, also when the definition is wrong (the conflict is reported
by the check stage).
"""

from __future__ import annotations

import re

from ..knowledge import KnowledgeBase
from ..knowledge.normalize import fold
from .expansions import CONDITION_HEAD
from ..models import Abbreviation, Mention, Sentence

__all__ = ["link_mentions", "PAGE_CONCEPT"]

PAGE_CONCEPT = "page:"  # prefix of a concept only this page defines (its own expansion of an abbreviation)


def _sentence_index(sentences: list[Sentence], offset: int) -> int:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return s.index
    return max(0, min(lo, len(sentences) - 1))


def link_mentions(
    text: str, sentences: list[Sentence], abbrevs: list[Abbreviation], kb: KnowledgeBase, folded: str | None = None
) -> list[Mention]:
    hits = kb.find(text, folded if folded is not None else fold(text))
    named = {c for h in hits if h.via == "name" for c in h.concept_ids}
    page_meaning: dict[str, str] = {}
    for ab in abbrevs:
        if not ab.known_expansion and named & set(kb.expansions(ab.short)):
            # the page also names the real expansion in full: its letters mean that, however it spelled them out
            continue
        if ab.known_expansion:
            continue  # the terminology's own reading: nothing page-specific
        meaning = ab.long_concept
        if meaning is None and CONDITION_HEAD.search(ab.long.strip()):
            # the page gives the letters a meaning of its own ("IBD (irritable bowel disease)",
            # "GBS (gluten brain syndrome)"): on this page they name that condition
            meaning = PAGE_CONCEPT + " ".join(ab.long.split())
        if meaning:
            page_meaning.setdefault(ab.short, meaning)
            page_meaning.setdefault(ab.short.upper(), meaning)
    mentions: list[Mention] = []
    covered: set[int] = set()
    for h in hits:
        surface = text[h.start : h.end]
        cid: str | None
        via = h.via
        if surface in page_meaning or (h.via == "abbreviation" and surface.upper() in page_meaning):
            cid, via = page_meaning.get(surface) or page_meaning[surface.upper()], "page_abbreviation"
        elif h.via == "abbreviation":
            if h.ambiguous or len(h.concept_ids) > 1:
                settled = [c for c in h.concept_ids if c in named]
                cid = settled[0] if len(settled) == 1 else None
            else:
                cid = h.concept_ids[0]
        else:
            curated = [c for c in h.concept_ids if kb.record(c)]
            cid = (curated or list(h.concept_ids))[0]
        if cid is None:
            continue
        mentions.append(Mention(h.start, h.end, surface, cid, _sentence_index(sentences, h.start), via))
        covered.add(h.start)
    # short forms the page defines itself and the terminology does not know
    for short, cid in page_meaning.items():
        if (kb.expansions(short) and not cid.startswith(PAGE_CONCEPT)) or len(short) < 2:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            if m.start() not in covered:
                mentions.append(Mention(m.start(), m.end(), short, cid, _sentence_index(sentences, m.start()), "page_abbreviation"))
                covered.add(m.start())
    mentions.sort(key=lambda m: m.start)
    return mentions
