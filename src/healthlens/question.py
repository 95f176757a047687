"""Parse a reader's question: which condition, and which property it asks about.

Forms understood (X is a name, synonym, lay name, British spelling or abbreviation):

* autoimmune: "Is X an autoimmune disease/disorder/condition?", "Is X autoimmune?",
  "Is X considered autoimmune?", "Can X be autoimmune?", "X: autoimmune or not?"
* immune: "Is X caused by the immune system?", "Is X immune-mediated?", "Is X an immune disorder?"
* allergy: "Is X an allergy?", "Is X a type of food allergy?", "Is X an allergic reaction?"
* link: "Is X linked/related/connected/associated to autoimmune disease?", "Does X cause
  autoimmune disease?", "Is there a link between X and autoimmune disease?"
* definition: "What is X?", "What are X?", "What does X stand for/mean?", "Define X"

The property patterns are tried most specific first ("linked to autoimmune disease" before
"autoimmune disease"). The subject is then resolved against the knowledge base: an exact
name or abbreviation first (class words such as "arthritis" reach their umbrella record), then
the name with a possessive completed ("Raynaud's" -> "Raynaud's phenomenon"), then the longest
condition name found inside it. An abbreviation with several readings resolves to the reading
the knowledge base marks as most common; the answer names the others.
"""

from __future__ import annotations

import re

from .knowledge import KnowledgeBase
from .models import Question

__all__ = ["parse_question", "question_form", "looks_like_question", "resolve_subject"]

_AUX = r"(?:is|are|was|were|can|could|does|do|would|should|will|might|may)"
_BE = r"(?:\s+(?:be|get|become))?"
_KIND = r"(?:(?:a|an|the)\s+)?(?:(?:type|kind|form|sort)\s+of\s+)?(?:(?:a|an)\s+)?"
_NOUN = r"(?:\s+(?:disease|disorder|condition|illness|problem|syndrome|reaction|response|thing))?s?"
_AUTOIMMUNE = r"auto[\s-]?immune"
_AUTO_DISEASE = rf"(?:an?\s+)?(?:{_AUTOIMMUNE}(?:\s+(?:disease|disorder|condition|illness|problem)s?)?|autoimmunity)"

_FORMS: list[tuple[str, re.Pattern]] = [
    # link -----------------------------------------------------------------------------------
    (
        "link",
        re.compile(
            rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:linked|related|connected|associated|tied|correlated)\s+"
            rf"(?:to|with)\s+{_AUTO_DISEASE}$",
            re.I,
        ),
    ),
    (
        "link",
        re.compile(
            rf"^(?:does|do|can|could)\s+(?P<x>.+?)\s+(?:cause|trigger|lead\s+to|raise\s+the\s+risk\s+of)\s+{_AUTO_DISEASE}$",
            re.I,
        ),
    ),
    (
        "link",
        re.compile(
            rf"^is\s+there\s+an?\s+(?:link|connection|association|relationship)\s+between\s+(?P<x>.+?)\s+and\s+{_AUTO_DISEASE}$",
            re.I,
        ),
    ),
    # immune ---------------------------------------------------------------------------------
    (
        "immune",
        re.compile(
            rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:caused|triggered|driven|mediated)\s+by\s+(?:the\s+|an?\s+)?(?:overactive\s+)?"
            rf"(?:immune\s+system|immune\s+response|immunity|body'?s?\s+immune\s+system)(?:\s+\w+)?$",
            re.I,
        ),
    ),
    (
        "immune",
        re.compile(r"^(?:does|do|can)\s+(?:the\s+)?immune\s+system\s+cause\s+(?P<x>.+?)$", re.I),
    ),
    # allergy --------------------------------------------------------------------------------
    (
        "allergy",
        re.compile(
            rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+{_KIND}(?:food\s+|drug\s+|skin\s+)?(?:allergy|allergies)$",
            re.I,
        ),
    ),
    ("allergy", re.compile(rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+{_KIND}allergic{_NOUN}$", re.I)),
    # autoimmune -----------------------------------------------------------------------------
    (
        "autoimmune",
        re.compile(
            rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:(?:considered|classified|classed|counted|regarded|seen)\s+(?:as\s+)?)?"
            rf"{_KIND}{_AUTOIMMUNE}{_NOUN}(?:\s+or\s+not)?$",
            re.I,
        ),
    ),
    (
        "autoimmune",
        re.compile(
            rf"^(?P<x>.+?)\s*[:,-]?\s*(?:is\s+it\s+|an?\s+)?{_AUTOIMMUNE}{_NOUN}(?:\s+or\s+not)?$",
            re.I,
        ),
    ),
    (
        "immune",
        re.compile(
            rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+{_KIND}immune(?:[\s-]+(?:mediated|system|related))?{_NOUN}$",
            re.I,
        ),
    ),
    # definition -----------------------------------------------------------------------------
    (
        "definition",
        re.compile(
            r"^what\s+(?:does|do)\s+(?:the\s+)?(?:abbreviation\s+|acronym\s+)?(?P<x>.+?)\s+(?:stand\s+for|mean|refer\s+to)$",
            re.I,
        ),
    ),
    ("definition", re.compile(r"^what(?:'s|\s+is|\s+are)\s+(?:an?\s+|the\s+)?(?P<x>.+?)$", re.I)),
    ("definition", re.compile(r"^(?:define|explain)\s+(?P<x>.+?)$", re.I)),
    ("definition", re.compile(r"^(?P<x>.+?)\s+(?:meaning|definition)$", re.I)),
]
_LEAD = re.compile(r"^(?:so|but|and|ok|okay|please|hi|hello|q:|question:)[\s,]+", re.I)
_ARTICLE = re.compile(r"^(?:an?|the|my|your|having)\s+", re.I)
_QUOTES = " \"'“”‘’`"
_ASKS = re.compile(rf"^(?:{_AUX}|what|why|how)\b", re.I)
_CLAUSE_QUESTION = re.compile(
    rf",\s*({_AUX}\s.+)$", re.I
)  # "In conclusion, is EoE ...": the clause after the comma
_OPENS_QUESTION = re.compile(rf"^(?:{_AUX}|what|define|explain)\b", re.I)
# what a bare possessive or eponym most often stands for ("Raynaud's" -> "Raynaud's phenomenon")
_COMPLETIONS = (" disease", " syndrome", " phenomenon", " thyroiditis", " palsy", " disorder")


def looks_like_question(text: str | None) -> bool:
    if not text:
        return False
    t = text.strip()
    return t.endswith("?") or bool(_ASKS.match(t))


def resolve_subject(subject: str, kb: KnowledgeBase) -> list[str]:
    """Concept ids the subject names, best first; empty when the knowledge base has none."""
    terms = kb.terms
    ids = terms.lookup(subject, include_generic=True)
    if ids:
        return ids
    for completion in _COMPLETIONS:
        ids = terms.lookup(subject + completion, include_generic=True)
        if ids:
            return ids
    hits = kb.find(subject)
    if hits:
        best = max(hits, key=lambda h: h.end - h.start)
        return list(best.concept_ids)
    return []


def _clean(text: str) -> str:
    t = " ".join(text.strip().split())
    t = _LEAD.sub("", t).rstrip(" ?.!")
    return t


def question_form(text: str) -> tuple[str, str | None, str | None]:
    """(cleaned text, predicate, subject) of the first question form ``text`` takes; predicate and
    subject are None when it takes none. The knowledge-free half of ``parse_question``."""
    t = _clean(text)
    # "In conclusion, is EoE an autoimmune disease": the question is the clause after the comma
    clause = _CLAUSE_QUESTION.search(t)
    if clause and not _OPENS_QUESTION.match(t):
        t = clause.group(1)
    for predicate, pattern in _FORMS:
        m = pattern.match(t)
        if not m:
            continue
        subject = _ARTICLE.sub("", m.group("x").strip(_QUOTES)).strip(_QUOTES)
        if not subject:
            continue
        return t, predicate, subject
    return t, None, None


def parse_question(text: str, kb: KnowledgeBase, source: str = "argument") -> Question:
    """The condition and property a question asks about; ``concept_id`` is None when unknown."""
    t, predicate, subject = question_form(text)
    if predicate is not None:
        ids = resolve_subject(subject, kb)
        cid = _best(ids, kb)
        return Question(
            text.strip(), predicate, subject, cid, kb.name(cid) if cid else None, source
        )
    # not a known form: still try to find a condition in it
    hits = kb.find(t)
    cid = max(hits, key=lambda h: h.end - h.start).concept_ids[0] if hits else None
    return Question(text.strip(), None, None, cid, kb.name(cid) if cid else None, source)


def _best(ids: list[str], kb: KnowledgeBase) -> str | None:
    """The first curated concept, else the first of any kind."""
    for cid in ids:
        if kb.record(cid) is not None:
            return cid
    return ids[0] if ids else None
