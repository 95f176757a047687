"""Link condition mentions to knowledge-base concepts.

Dictionary matching (Aho–Corasick over folded text) finds every name and abbreviation the
terminology knows. An ambiguous abbreviation is kept only when the page settles it: by defining
it, or by also naming one of its readings in full. A page's own definition decides what its
abbreviation refers to on that page, also when the definition is wrong (the conflict is reported
by the check stage).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from ..knowledge import KnowledgeBase
from ..knowledge.normalize import fold
from ..limits import MAX_PAGE_ABBREVIATIONS, checkpoint
from ..models import Abbreviation, Mention, Sentence
from .expansions import ends_in_condition_head

__all__ = ["link_mentions", "PAGE_CONCEPT"]

PAGE_CONCEPT = (
    "page:"  # prefix of a concept only this page defines (its own expansion of an abbreviation)
)


def _sentence_index(sentences: list[Sentence], offset: int, ends: list[int] | None = None) -> int:
    """The index of the sentence that holds ``offset``; for an offset between sentences, the next
    sentence's position (the last one's after the end). ``ends``: the sentences' ends, when the
    caller has them (sentences are in order and do not overlap)."""
    k = bisect_right(ends if ends is not None else [s.end for s in sentences], offset)
    if k < len(sentences) and sentences[k].start <= offset:
        return sentences[k].index
    return max(0, min(k, len(sentences) - 1))


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what ``\w`` matches


def _standalone(text: str, short: str) -> Iterator[int]:
    r"""Where ``short`` stands alone in ``text``, neither a word character nor a hyphen on either
    side: the starts of ``re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text)``, found
    with ``str.find`` (a page's own abbreviations are looked for in the whole page)."""
    n = len(short)
    i = text.find(short)
    while i >= 0:
        before = text[i - 1] if i else ""
        after = text[i + n] if i + n < len(text) else ""
        if (not before or (before != "-" and not _is_word_char(before))) and (
            not after or (after != "-" and not _is_word_char(after))
        ):
            yield i
            i = text.find(short, i + n)  # as finditer: the next match starts after this one
        else:
            i = text.find(short, i + 1)


def link_mentions(
    text: str,
    sentences: list[Sentence],
    abbrevs: list[Abbreviation],
    kb: KnowledgeBase,
    folded: str | None = None,
) -> list[Mention]:
    # (start, end, concept ids, via, ambiguous): TermHit's fields, without an object for each
    hits = kb.find_spans(text, folded if folded is not None else fold(text))
    named = {c for h in hits if h[3] == "name" for c in h[2]}
    page_meaning: dict[str, str] = {}
    for ab in abbrevs:
        if not ab.known_expansion and named & set(kb.expansions(ab.short)):
            # the page also names the real expansion in full: its letters mean that, however it spelled them out
            continue
        if ab.known_expansion:
            continue  # the terminology's own reading: nothing page-specific
        meaning = ab.long_concept
        if meaning is None and ends_in_condition_head(ab.long.strip()):
            # the page gives the letters a meaning of its own ("IBD (irritable bowel disease)",
            # "GBS (gluten brain syndrome)"): on this page they name that condition
            meaning = PAGE_CONCEPT + " ".join(ab.long.split())
        if meaning:
            page_meaning.setdefault(ab.short, meaning)
            page_meaning.setdefault(ab.short.upper(), meaning)
    mentions: list[Mention] = []
    covered: set[int] = set()
    ends = [s.end for s in sentences]
    for n, (h_start, h_end, h_ids, h_via, h_ambiguous) in enumerate(hits):
        if not n & 4095:
            checkpoint()  # a page of names: the check's deadline (healthlens.limits)
        surface = text[h_start:h_end]
        cid: str | None
        via = h_via
        if surface in page_meaning or (h_via == "abbreviation" and surface.upper() in page_meaning):
            cid, via = (
                page_meaning.get(surface) or page_meaning[surface.upper()],
                "page_abbreviation",
            )
        elif h_via == "abbreviation":
            if h_ambiguous or len(h_ids) > 1:
                settled = [c for c in h_ids if c in named]
                cid = settled[0] if len(settled) == 1 else None
            else:
                cid = h_ids[0]
        elif len(h_ids) == 1:  # (most names: their one concept, curated or not)
            cid = h_ids[0]
        else:
            curated = [c for c in h_ids if kb.record(c)]
            cid = (curated or list(h_ids))[0]
        if cid is None:
            continue
        mentions.append(
            Mention(h_start, h_end, surface, cid, _sentence_index(sentences, h_start, ends), via)
        )
        covered.add(h_start)
    # short forms the page defines itself and the terminology does not know (each one is a scan
    # of the whole page: the first MAX_PAGE_ABBREVIATIONS of them)
    for short, cid in list(page_meaning.items())[: 2 * MAX_PAGE_ABBREVIATIONS]:
        checkpoint()
        if (kb.expansions(short) and not cid.startswith(PAGE_CONCEPT)) or len(short) < 2:
            continue
        for start in _standalone(text, short):
            if start not in covered:
                mentions.append(
                    Mention(
                        start,
                        start + len(short),
                        short,
                        cid,
                        _sentence_index(sentences, start, ends),
                        "page_abbreviation",
                    )
                )
                covered.add(start)
    mentions.sort(key=lambda m: m.start)
    return mentions
