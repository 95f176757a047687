"""Claims measured against the knowledge base: agreement, contradiction, contested matters."""

from __future__ import annotations

import re

from ..knowledge import KnowledgeBase
from ..knowledge.verdicts import verdict_for
from ..models import Evidence, Finding, Page, Severity

__all__ = ["claims_against_knowledge", "knowledge_evidence"]

# how each predicate reads after "is" / "is not" in a finding's message (also contradictions.py)
PREDICATE_WORDS = _WORDS = {
    "autoimmune": "autoimmune",
    "allergy": "an allergy",
    "immune": "caused by the immune system",
    "contagious": "contagious",
    "inherited": "inherited",
    "curable": "curable",
}


def knowledge_evidence(kb: KnowledgeBase, concept_id: str, predicate: str) -> Evidence:
    rec = kb.record(concept_id)
    verdict = verdict_for(rec, predicate, kb.records, kb.properties)
    prop = kb.property(concept_id, predicate)  # contagious / inherited / curable: their own data
    reason = prop.reason if prop else rec.reason if rec else ""
    sources = prop.sources if prop else rec.sources if rec else ()
    return Evidence(
        "knowledge",
        f"{kb.name(concept_id)} — {predicate}: {verdict}. {reason}".strip(),
        concept_id,
        [s.to_dict() for s in sources],
    )


_MODIFIER_WORD = re.compile(r"([A-Za-z][\w-]*)\s+$")
_NOT_MODIFIERS = frozenset(
    """a an the of and or in on at to for with by from as is are was were be that which this these those
its their his her our your my it they we he she you i also often but not no so than then about into""".split()
)


def _modified(page: Page, c) -> bool:
    """The claim's mention carries a qualifier the knowledge base has no record for ("limbic
    encephalitis", "membranoproliferative glomerulonephritis"): it names one form of the condition."""
    m = _MODIFIER_WORD.search(page.text, max(0, c.start - 40), c.start)
    return m is not None and m.group(1).lower() not in _NOT_MODIFIERS


def claims_against_knowledge(page: Page, kb: KnowledgeBase) -> list[Finding]:
    """``contradicts_knowledge`` for firm claims the KB refutes; ``contested_as_settled`` for
    contested questions the page states as settled; ``debated`` for a page on one defensible side
    of a classification the record marks as debated. One finding per condition and predicate."""
    findings: list[Finding] = []
    seen: set[tuple[str, str, str]] = set()
    for c in page.claims:
        if not c.firm or c.polarity not in ("affirm", "deny"):
            continue
        rec = kb.record(c.concept_id)
        if rec is None:
            continue
        verdict = verdict_for(rec, c.predicate, kb.records, kb.properties)
        s = page.sentences[c.sentence]
        says = ("is" if c.polarity == "affirm" else "is not") + f" {_WORDS[c.predicate]}"
        kind = None
        severity: Severity = "low"
        side = "yes" if c.polarity == "affirm" else "no"
        evidence = [knowledge_evidence(kb, c.concept_id, c.predicate)]
        if c.predicate == "autoimmune" and side in {p.verdict for p in rec.debated}:
            # a defensible side of a debated classification: worth knowing, never a contradiction
            kind, severity = "debated", "low"
            sides = "; ".join(f"{p.verdict}: {p.view}" for p in rec.debated)
            msg = (
                f"The page says {kb.name(c.concept_id)} {says}. Careful references disagree on "
                f"this, and the page takes one defensible side. {sides}"
            )
            evidence += [
                Evidence(
                    "knowledge",
                    f"{kb.name(c.concept_id)} — {p.verdict}: {p.view}",
                    c.concept_id,
                    [src.to_dict() for src in p.sources],
                )
                for p in rec.debated
            ]
        elif (verdict == "no" and c.polarity == "affirm") or (
            verdict == "yes" and c.polarity == "deny"
        ):
            kind, severity = "contradicts_knowledge", "high"
            msg = f"The page implies {kb.name(c.concept_id)} {says}; the evidence says {'it is' if verdict == 'yes' else 'it is not'}."
        elif (
            verdict == "partly"
            and c.basis != "example"
            and c.predicate == "autoimmune"
            and not _modified(page, c)
        ):
            # listing a partly-autoimmune condition as an example is fair; "partly an allergy" is too loose to alarm on
            kind, severity = "contradicts_knowledge", "medium"
            msg = f"The page says {kb.name(c.concept_id)} {says}; only some forms of it are."
        elif verdict == "uncertain":
            kind, severity = "contested_as_settled", "low"
            msg = f"The page says {kb.name(c.concept_id)} {says} as if settled; the question is contested. {rec.caution or ''}".strip()
        if kind is None:
            continue
        key = (kind, c.concept_id, c.predicate)
        if key in seen:
            continue
        seen.add(key)
        findings.append(
            Finding(
                kind,
                severity,
                s.text,
                msg,
                evidence,
                s.start,
                s.end,
                s.index,
            )
        )
    return findings
