"""Check each abbreviation definition against the terminology.

A definition is *consistent* when its long form is one the terminology knows for the short
form, or, for a short form the terminology does not know (or knows as ambiguous), when its
letters align. A short form the terminology knows unambiguously, defined with a long form that
names another condition (FPIES = "fibromyalgia") or a condition-like phrase that is not one of
its expansions (IBD = "irritable bowel disease"), is not.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from ..knowledge import KnowledgeBase
from ..knowledge.normalize import fold
from ..models import Abbreviation

__all__ = ["judge_definitions", "link_phrase", "CONDITION_HEAD", "ends_in_condition_head"]

_HEADS = (
    "disease disorder syndrome itis osis emia aemia pathy allergy allergies sclerosis arthritis "
    "lupus cancer carcinoma deficiency intolerance infection fever palsy dystrophy atrophy"
).split()
CONDITION_HEAD = re.compile(rf"({'|'.join(_HEADS)})s?$", re.I)
# how far from the end a match of CONDITION_HEAD can start: under re.I each character of the
# pattern matches one character of the text, so a match is a head and its "s" at most, and "$"
# also holds before a final newline
_HEAD_REACH = max(map(len, _HEADS)) + 2


def ends_in_condition_head(phrase: str) -> bool:
    """Whether ``CONDITION_HEAD`` matches ``phrase`` ("... disease", "... allergies"): searched
    only in its last ``_HEAD_REACH`` characters, where every match lies (``re`` tried the
    alternation at every character of the phrase)."""
    return CONDITION_HEAD.search(phrase, max(0, len(phrase) - _HEAD_REACH)) is not None


# patterns used on every page, compiled once
_WORD = re.compile(r"\S+")


def link_phrase(kb: KnowledgeBase, phrase: str) -> str | None:
    """The concept a phrase names: an exact name, else a name covering most of the phrase."""
    ids = kb.lookup(phrase)
    if ids:
        return ids[0]
    hits = [h for h in kb.find(phrase) if h.via == "name"]
    if not hits:
        return None
    best = max(hits, key=lambda h: h.end - h.start)
    if (best.end - best.start) >= 0.6 * len(phrase.strip()):
        return best.concept_ids[0]
    return None


def _trim_to_name(ab: Abbreviation, kb: KnowledgeBase) -> None:
    """Shorten an unaligned long form to its longest word suffix that names a known condition."""
    words = list(_WORD.finditer(ab.long))
    for w in words[1:]:
        tail = ab.long[w.start() :]
        if kb.lookup(tail.strip(" ,;:")):
            ab.long_start += w.start()
            ab.long = tail
            return


def _words(s: str) -> set[str]:
    return {w for w in fold(s).split() if len(w) > 2 and w not in _GENERIC_HEADS}


_GENERIC_HEADS = frozenset(
    {
        "disease",
        "diseases",
        "disorder",
        "disorders",
        "syndrome",
        "syndromes",
        "condition",
        "the",
        "and",
        "of",
    }
)


# remembered: a page's long forms, and the names they are held against, recur from page to page
@lru_cache(maxsize=8192)
def _similarity(a: str, b: str) -> float:
    """Word overlap, or character similarity for spelling variants ("hyperimmunoglobulin(emia) D")."""
    fa, fb = " ".join(fold(a).split()), " ".join(fold(b).split())
    wa, wb = set(fa.split()), set(fb.split())
    words = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
    return max(words, SequenceMatcher(None, fa, fb).ratio() - 0.25)


def _more_specific(long: str, name: str) -> bool:
    """The page's long form contains every word of the known name ("acute lymphocytic leukemia" for "leukemia")."""
    words = _words(name)
    return bool(words) and words <= _words(long)


def _family(kb: KnowledgeBase, cid: str | None) -> set[str]:
    concept = kb.concept(cid) if cid else None
    return {c[:3] for c in concept.codes} if concept else set()


def judge_definitions(abbrevs: list[Abbreviation], kb: KnowledgeBase) -> list[Abbreviation]:
    """Set each definition's linked concept and consistency; drop unaligned phrases that name
    nothing (they are not definitions: "the esophagus, called GERD")."""
    kept = []
    for ab in abbrevs:
        if not ab.aligned:
            _trim_to_name(ab, kb)
        ab.long_concept = link_phrase(kb, ab.long)
        if not ab.aligned and ab.long_concept is None:
            continue
        kept.append(ab)
        readings = kb.expansions(ab.short)
        if not readings:
            ab.consistent = ab.aligned
            continue
        ab.expected = [kb.name(cid) for cid in readings]
        names = [name for cid in readings for name in kb.long_forms(cid)]
        family = set().union(*(_family(kb, cid) for cid in readings))
        other_condition = (
            ab.long_concept is not None
            and ab.long_concept not in readings
            and kb.record(ab.long_concept) is not None
        )
        if ab.long_concept in readings or (
            not other_condition  # a different curated condition is never a spelling variant
            and (
                any(_similarity(ab.long, n) >= 0.6 or _more_specific(ab.long, n) for n in names)
                or (ab.long_concept is not None and _family(kb, ab.long_concept) & family)
            )
        ):
            ab.consistent = ab.known_expansion = True
            continue
        # letters that only the ICD-10-CM index gives, with no curated record vouching for them,
        # are one reading among many ("HPS": Hermansky-Pudlak syndrome too)
        ambiguous = (
            len(readings) > 1
            or any(readings.values())
            or not any(kb.record(cid) for cid in readings)
        )
        if ab.long_concept is not None and kb.record(ab.long_concept) is None and ab.aligned:
            # an ICD-10-CM name that spells the letters out: a subtype or synonym the records lack
            ab.consistent = True
        elif ab.long_concept is not None:
            # a curated condition under letters the terminology gives to another one
            ab.consistent = ambiguous and ab.aligned
        else:
            # letters that align: another meaning, unless the phrase is a near miss of the
            # real expansion ("irritable bowel disease" for IBD) or dresses up as a condition
            near_miss = any(_words(ab.long) & _words(n) for n in names)
            ab.consistent = ambiguous or not (near_miss and ends_in_condition_head(ab.long.strip()))
    return kept
