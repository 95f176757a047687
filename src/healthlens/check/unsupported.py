"""Statements that invoke research or numbers on a page that cites nothing to back them."""

from __future__ import annotations

import re

from ..fastmatch import in_order, scanner
from ..limits import checkpoint
from ..models import Evidence, Finding, Page

__all__ = ["unsupported_claims", "RESEARCH_CLAIM"]

# a statement that invokes research: one of four forms (kept apart so that each is looked for by
# its own words; a sentence makes a research claim when any of them matches in it)
_RESEARCHERS = r"stud(?:y|ies)|research(?:ers)?|scientists|trials?|evidence|experts|doctors|data"
_A_STUDY_WORDS = ("recent ", "new ", "large ")  # "a recent study", "a new 2019 trial"
_A_STUDY_KINDS = r"study|trial|survey|registry"
_FINDS = r"[^.;:]{0,60}\b(?:show(?:s|n|ed)?|found|find|finds|suggest(?:s|ed)?|indicate[sd]?|prove[sdn]?|confirm(?:s|ed)?|demonstrate[sd]?|agree|points? (?:to|toward)|reveal(?:s|ed)?)\b"
_RESEARCH_FORMS = [
    rf"\b(?:{_RESEARCHERS}|a (?:{'|'.join(_A_STUDY_WORDS)})?(?:\d{{4}} )?(?:{_A_STUDY_KINDS}))\b"
    + _FINDS,
    r"\b(?:clinically proven|scientifically proven|proven to)\b",
    r"\b\d{1,3}(?:\.\d+)?\s?%\s+of\s+(?:patients|people|adults|children|sufferers|those)\b",
    r"\b(?:19|20)\d{2}\s+(?:[A-Z][\w.]*\s+){0,3}(?:study|trial|registry|survey)\b",
]
RESEARCH_CLAIM = re.compile("|".join(_RESEARCH_FORMS), re.I)
_RESEARCH_PARTS = [re.compile(form, re.I) for form in _RESEARCH_FORMS]
# The first form, as its sentences are looked for: "a (recent) (2019) study" from the study word
# on, the words before it read behind (one fixed-width look-behind for each thing that may stand
# there), so that its scanner tries the pattern at the study words only and not at every "a " of
# a page. A sentence holds a match of one where it holds a match of the other: from a match's
# "a " on, the study word and what follows match in both (tests/check/test_checks.py).
_A_STUDY_BEFORE = "|".join(
    rf"(?<=\ba {word}{year})" for word in ("", *_A_STUDY_WORDS) for year in ("", r"\d{4} ")
)
_RESEARCH_SENTENCES = re.compile(
    rf"\b(?:{_RESEARCHERS})\b{_FINDS}|\b(?:{_A_STUDY_BEFORE})(?:{_A_STUDY_KINDS})\b{_FINDS}", re.I
)
# the share of people form: every match holds "%", which most pages' sentences do not (its
# scanner looks for the words after it, "patients", "people", ..., and reads every sentence
# holding one: it is given the sentences that hold a "%")
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
    findings: list[Finding] = []
    # the sentences where RESEARCH_CLAIM.search(s.text) finds something: where one of its forms
    # does (the first as _RESEARCH_SENTENCES reads it); the share-of-people form only in the
    # sentences that hold a "%" (every match holds one; a sentence is a slice of the page, and
    # most pages hold none)
    sentences = page.sentences
    ordered = in_order(sentences)  # (checked once for the forms; a part of an ordered list is)
    matched = set().union(
        *(
            scanner(part).matching(page.text, sentences, ordered)
            for part in (_RESEARCH_SENTENCES, *_RESEARCH_PARTS[1:])
            if part is not _PERCENT_PART
        )
    )
    if "%" in page.text:
        shares = [s for s in sentences if "%" in s.text]
        matched |= scanner(_PERCENT_PART).matching(page.text, shares, ordered)
    if not matched:
        return findings
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
