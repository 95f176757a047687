"""The page against itself: assertions it denies elsewhere, and hedges it later states as fact."""

from __future__ import annotations

from bisect import bisect_right

from ..knowledge import KnowledgeBase
from ..knowledge.verdicts import verdict_for
from ..models import Evidence, Finding, Page
from .evidence import PREDICATE_WORDS as _WORDS

__all__ = ["self_contradictions", "hedges_as_fact"]


def _page_evidence(page: Page, index: int, note: str) -> Evidence:
    s = page.sentences[index]
    return Evidence("page", s.text, str(index), [], s.start, s.end)


def self_contradictions(page: Page, kb: KnowledgeBase) -> list[Finding]:
    """One finding per condition and predicate that the page both asserts and denies."""
    findings = []
    groups: dict[tuple[str, str], list] = {}
    for c in page.claims:
        if c.firm and c.polarity in ("affirm", "deny"):
            groups.setdefault((c.concept_id, c.predicate), []).append(c)
    for (cid, predicate), claims in groups.items():
        affirm = [c for c in claims if c.polarity == "affirm"]
        deny = [c for c in claims if c.polarity == "deny"]
        if not affirm or not deny:
            continue
        first, second = sorted([affirm[0], deny[0]], key=lambda c: c.sentence)
        s = page.sentences[second.sentence]
        said = "is" if first.polarity == "affirm" else "is not"
        now = "is" if second.polarity == "affirm" else "is not"
        how = (
            " (by calling the others “other” autoimmune diseases)"
            if second.basis == "other"
            else ""
        )
        findings.append(
            Finding(
                "self_contradiction",
                "high",
                s.text,
                f"The page says {kb.name(cid)} {said} {_WORDS[predicate]}, then that it {now}{how}.",
                [_page_evidence(page, first.sentence, "earlier")],
                s.start,
                s.end,
                s.index,
            )
        )
    return findings


def hedges_as_fact(page: Page, kb: KnowledgeBase) -> list[Finding]:
    """A claim first hedged ("may be autoimmune") and later stated flatly, where the evidence does not settle it so."""
    findings = []
    done = set()
    # the firm affirmations of each (condition, predicate), in page order: the one that follows a
    # hedge is found by bisection (one scan of the later claims per hedge was quadratic)
    firm: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    ordered = all(
        a.sentence <= b.sentence for a, b in zip(page.claims, page.claims[1:], strict=False)
    )
    for i, c in enumerate(page.claims):
        if c.firm and c.polarity == "affirm":
            at = firm.setdefault((c.concept_id, c.predicate), ([], []))
            at[0].append(c.sentence)
            at[1].append(i)
    for i, h in enumerate(page.claims):
        if not h.hedged or h.polarity != "affirm" or h.basis not in ("copula", "other", "pronoun"):
            continue
        key = (h.concept_id, h.predicate)
        if (
            key in done
            or key not in firm
            or verdict_for(kb.record(h.concept_id), h.predicate, kb.records, kb.properties) == "yes"
        ):
            continue
        sentences, indexes = firm[key]
        if ordered:  # claims come in sentence order: the first firm one in a later sentence
            k = bisect_right(sentences, h.sentence)
            later = page.claims[indexes[k]] if k < len(indexes) else None
        else:
            later = next(
                (
                    page.claims[j]
                    for s_, j in zip(sentences, indexes, strict=False)
                    if j > i and s_ > h.sentence
                ),
                None,
            )
        if later is None:
            continue
        done.add(key)
        s = page.sentences[later.sentence]
        findings.append(
            Finding(
                "hedge_as_fact",
                "medium",
                s.text,
                f"The page first says {kb.name(h.concept_id)} may be {_WORDS[h.predicate]}, then states it as fact.",
                [_page_evidence(page, h.sentence, "hedged")],
                s.start,
                s.end,
                s.index,
            )
        )
    return findings
