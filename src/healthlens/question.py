"""Parse a reader's question: which condition, and which property it asks about."""

from __future__ import annotations

import re

from .knowledge import KnowledgeBase
from .models import Question

__all__ = ["parse_question", "looks_like_question"]

_AUX = r"(?:is|are|was|can|could|does|do|would|should)"
_TAIL = r"(?:\s+(?:disease|disorder|condition|illness|problem|reaction))?s?"
_FORMS: list[tuple[str, re.Pattern]] = [
    ("autoimmune", re.compile(rf"^{_AUX}\s+(?P<x>.+?)\s+(?:(?:an?|the)\s+)?(?:(?:type|kind|form)\s+of\s+)?(?:an?\s+)?auto-?immune{_TAIL}$", re.I)),
    ("autoimmune", re.compile(rf"^{_AUX}\s+(?P<x>.+?)\s+(?:considered|classified\s+as|counted\s+as|an?)\s+(?:an?\s+)?auto-?immune{_TAIL}$", re.I)),
    ("autoimmune", re.compile(r"^(?P<x>.+?)\s*[:,-]?\s*(?:is it\s+)?auto-?immune(?:\s+or\s+not)?$", re.I)),
    ("immune", re.compile(rf"^{_AUX}\s+(?P<x>.+?)\s+(?:caused|triggered|driven)\s+by\s+(?:the\s+|an?\s+)?(?:immune\s+system|immune\s+response|immunity)(?:\s+\w+)?$", re.I)),
    ("immune", re.compile(rf"^{_AUX}\s+(?P<x>.+?)\s+(?:an?\s+)?immune(?:-|\s+)(?:mediated|system){_TAIL}$", re.I)),
    ("allergy", re.compile(rf"^{_AUX}\s+(?P<x>.+?)\s+(?:an?\s+)?(?:(?:type|kind|form)\s+of\s+)?(?:food\s+)?(?:allergy|allergic{_TAIL})$", re.I)),
    ("link", re.compile(rf"^{_AUX}\s+(?P<x>.+?)\s+(?:linked|related|connected|associated)\s+(?:to|with)\s+(?:an?\s+)?auto-?immun\w*{_TAIL}$", re.I)),
    ("definition", re.compile(r"^what\s+does\s+(?P<x>.+?)\s+(?:stand\s+for|mean)$", re.I)),
    ("definition", re.compile(r"^what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<x>.+?)$", re.I)),
]
_LEAD = re.compile(r"^(?:so|but|and|please|q:|question:)\s+", re.I)
_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.I)


def looks_like_question(text: str | None) -> bool:
    if not text:
        return False
    t = text.strip()
    return t.endswith("?") or bool(re.match(rf"^(?:{_AUX}|what|why|how)\b", t, re.I))


def parse_question(text: str, kb: KnowledgeBase, source: str = "argument") -> Question:
    """The condition and property a question asks about; ``concept_id`` is None when unknown."""
    t = " ".join(text.strip().split())
    t = _LEAD.sub("", t).rstrip(" ?.!")
    clause = re.search(rf",\s*({_AUX}\s.+)$", t, re.I)  # "In conclusion, is EoE an autoimmune disease"
    if clause and not any(p.match(t) for _, p in _FORMS):
        t = clause.group(1)
    for predicate, pattern in _FORMS:
        m = pattern.match(t)
        if m:
            subject = _ARTICLE.sub("", m.group("x").strip(" \"'“”‘’"))
            ids = kb.lookup(subject)
            if not ids:
                hits = [h for h in kb.find(subject)]
                if hits:
                    best = max(hits, key=lambda h: h.end - h.start)
                    ids = list(best.concept_ids)
            cid = ids[0] if ids else None
            return Question(text.strip(), predicate, subject, cid, kb.name(cid) if cid else None, source)
    # not a known form: still try to find a condition in it
    hits = kb.find(t)
    cid = max(hits, key=lambda h: h.end - h.start).concept_ids[0] if hits else None
    return Question(text.strip(), None, None, cid, kb.name(cid) if cid else None, source)
