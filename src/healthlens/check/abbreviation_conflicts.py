"""Abbreviations the page defines with a long form the terminology does not give them."""

from __future__ import annotations

from ..knowledge import KnowledgeBase
from ..models import Evidence, Finding, Page

__all__ = ["abbreviation_conflicts"]


def abbreviation_conflicts(
    page: Page, kb: KnowledgeBase, asked: set[str] | None = None
) -> list[Finding]:
    """A finding per definition that conflicts with the terminology; with a question, also per
    definition that gives the question's letters (``asked``) another meaning than the one the
    reader asked about."""
    findings = []
    for ab in page.abbreviations:
        if not ab.expected:
            continue
        other_meaning = bool(asked) and ab.short.upper() in (asked or ()) and not ab.known_expansion
        if ab.consistent and not other_meaning:
            continue
        s = page.sentences[ab.sentence]
        readings = kb.expansions(ab.short)
        evidence = []
        for cid in readings:
            rec = kb.record(cid)
            sources = [x.to_dict() for x in rec.sources] if rec else []
            concept = kb.concept(cid)
            ref = (
                cid
                if rec
                else f"ICD-10-CM {', '.join(concept.codes)}"
                if concept and concept.codes
                else cid
            )
            evidence.append(
                Evidence(
                    "knowledge" if rec else "terminology",
                    f"{ab.short} = {kb.name(cid)}",
                    ref,
                    sources,
                )
            )
        right = " or ".join(f"“{e}”" for e in ab.expected)
        what = (
            f" ({kb.name(ab.long_concept)})"
            if ab.long_concept and kb.name(ab.long_concept).lower() != ab.long.lower()
            else ""
        )
        findings.append(
            Finding(
                "abbreviation_conflict",
                "high",
                s.text,
                f"The page says {ab.short} means “{ab.long}”{what}; {ab.short} stands for {right}.",
                evidence,
                ab.long_start if ab.long_start < ab.start else ab.start,
                max(ab.end, ab.long_end),
                s.index,
            )
        )
    return findings
