"""Statements that invoke research or numbers on a page that cites nothing to back them."""

from __future__ import annotations

import re

from ..fastmatch import in_order, scanner
from ..limits import checkpoint
from ..models import Evidence, Finding, Page

__all__ = ["unsupported_claims", "RESEARCH_CLAIM"]

# a statement that invokes research: one of four forms (kept apart so that each is looked for by
# its own words; a sentence makes a research claim when any of them matches in it)
_RESEARCH_FORMS = [
    r"\b(?:stud(?:y|ies)|research(?:ers)?|scientists|trials?|evidence|experts|doctors|data|a (?:recent |new |large )?(?:\d{4} )?(?:study|trial|survey|registry))\b"
    r"[^.;:]{0,60}\b(?:show(?:s|n|ed)?|found|find|finds|suggest(?:s|ed)?|indicate[sd]?|prove[sdn]?|confirm(?:s|ed)?|demonstrate[sd]?|agree|points? (?:to|toward)|reveal(?:s|ed)?)\b",
    r"\b(?:clinically proven|scientifically proven|proven to)\b",
    r"\b\d{1,3}(?:\.\d+)?\s?%\s+of\s+(?:patients|people|adults|children|sufferers|those)\b",
    r"\b(?:19|20)\d{2}\s+(?:[A-Z][\w.]*\s+){0,3}(?:study|trial|registry|survey)\b",
]
RESEARCH_CLAIM = re.compile("|".join(_RESEARCH_FORMS), re.I)
_RESEARCH_PARTS = [re.compile(form, re.I) for form in _RESEARCH_FORMS]
# the share of people form: every match holds "%", which most pages' sentences do not (its
# scanner looks for the words after it, "patients", "people", ..., and reads every sentence
# holding one)
_PERCENT_PART = _RESEARCH_PARTS[2]
_NOT_A_CLAIM = re.compile(
    r"\b(more|further|additional) (research|studies|study) (is|are) needed|needs? (more|further) (research|study)|requires? further research",
    re.I,
)
_SPECIFIC = re.compile(
    r"\b(?:19|20)\d{2}\b|\b\d[\d,]{2,}\s+(?:patients|people|participants|subjects)\b|\b(?:Harvard|Stanford|Mayo|Oxford|Yale)\b",
    re.I,
)


def unsupported_claims(page: Page) -> list[Finding]:
    if page.credibility.references:  # a named study alone does not back a claim
        return []
    findings = []
    # the sentences where RESEARCH_CLAIM.search(s.text) finds something: where one of its forms does
    sentences = page.sentences
    percent = any("%" in s.text for s in sentences)
    ordered = in_order(sentences)  # (checked once for the four forms)
    matched = set().union(
        *(
            scanner(part).matching(page.text, sentences, ordered)
            for part in _RESEARCH_PARTS
            if percent or part is not _PERCENT_PART
        )
    )
    for s in page.sentences:
        if not s.index & 63:
            checkpoint()  # the check's deadline (healthlens.limits)
        # (its scanner: ``re`` would try the pattern, which opens on ``\b``, at every character;
        # _SPECIFIC's scanner finds its "19" or "20" in most sentences and is slower than ``re``)
        if (
            id(s) not in matched
            or s.text.rstrip().endswith("?")
            or scanner(_NOT_A_CLAIM).search(s.text)
        ):
            continue
        specific = bool(_SPECIFIC.search(s.text))
        findings.append(
            Finding(
                "unsupported_claim",
                "medium" if specific else "low",
                s.text,
                (
                    "The page names a specific study or figure but cites no reference for it."
                    if specific
                    else "The page appeals to research here but cites no source anywhere."
                ),
                [
                    Evidence(
                        "page",
                        "No reference list, citation or link to research or a health authority on the page.",
                    )
                ],
                s.start,
                s.end,
                s.index,
            )
        )
    return findings
