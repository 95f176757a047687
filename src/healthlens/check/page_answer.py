"""What the page answers to the question, and the sentences that answer rests on."""

from __future__ import annotations

import re

from ..models import Claim, Page

__all__ = ["page_answer", "definition_answer", "PREDICATES_FOR"]

_QUALIFIER = r"\b(?:immune|link|linked|links|connection|connected|associated|association|involved|role|overlap\w*)\b"
_AFTER = re.compile(r"\b(?:but|however|yet|though)\b.{0,120}?" + _QUALIFIER, re.I)
_CONCESSIVE = re.compile(r"\b(?:while|whilst|although|though)\b", re.I)


def _qualified(page: Page, c: Claim) -> bool:
    """A denial the page itself qualifies: "X is not autoimmune, but the immune system is involved",
    "While X is not classified as autoimmune, there is evidence for a link"."""
    s = page.sentences[c.sentence]
    before, after = s.text[: c.start - s.start], s.text[c.start - s.start :]
    if _AFTER.search(after):
        return True
    comma = after.find(",")
    return (
        bool(_CONCESSIVE.search(before))
        and comma >= 0
        and bool(re.search(_QUALIFIER, after[comma:], re.I))
    )


# which claim predicates speak to which question
PREDICATES_FOR = {
    "autoimmune": ("autoimmune",),
    "immune": ("immune", "autoimmune", "allergy"),
    "allergy": ("allergy",),
    "link": ("autoimmune",),
    "definition": (),
    "contagious": ("contagious",),
    "inherited": ("inherited",),
    "curable": ("curable",),
}


def page_answer(page: Page, targets: set[str], predicate: str) -> tuple[str, list[int]]:
    """(yes|no|partly|unclear|not_answered, sentence indexes)."""
    preds = PREDICATES_FOR.get(predicate, ("autoimmune",))
    claims: list[Claim] = [
        c for c in page.claims if c.concept_id in targets and c.predicate in preds
    ]
    if not claims:
        return "not_answered", []
    firm = [c for c in claims if not c.hedged]
    affirm = [c for c in firm if c.polarity == "affirm" and c.basis != "contrast"]
    deny = [c for c in firm if c.polarity == "deny"]
    partly = [c for c in firm if c.polarity == "partly"]
    links = [c for c in claims if c.polarity == "link"]
    if predicate == "link":
        affirm = affirm + [c for c in links if not c.hedged]
    if predicate == "immune":
        # for "caused by the immune system?", an allergy is a yes
        affirm = [c for c in affirm if c.predicate in ("immune", "autoimmune", "allergy")]
        # not being autoimmune or an allergy does not make a condition free of immune causes
        deny = [c for c in deny if c.predicate == "immune"]
    qualified = [c for c in deny if _qualified(page, c)]
    if partly or (affirm and deny) or (qualified and predicate == "autoimmune"):
        # "not autoimmune, but the immune system is involved / it is linked" answers partly
        used = partly + affirm + deny
        return "partly", sorted({c.sentence for c in used})
    if affirm:
        return "yes", sorted({c.sentence for c in affirm})
    if deny:
        return "no", sorted({c.sentence for c in deny})
    if links and predicate != "link":
        return "unclear", sorted({c.sentence for c in links})
    return "unclear", sorted({c.sentence for c in claims})


def definition_answer(
    page: Page, concept_id: str, letters: set[str], by_letters: bool
) -> tuple[str, list[int], bool | None]:
    """(defined | misdefined | not_answered, sentence indexes, agrees) for "What is X?" / "What
    does X stand for?": does the page expand and name X as the knowledge base does?

    ``letters``: the question's abbreviations; ``by_letters``: the question asked about letters.
    A definition of those letters as another condition (or a long form the terminology does not
    give them) is ``misdefined``; a definition as the condition, or (for a name) the page naming
    it in full, is ``defined``."""
    wrong, right = [], []
    for ab in page.abbreviations:
        if ab.short.upper() not in letters:
            continue
        if ab.known_expansion or ab.long_concept == concept_id:
            right.append(ab.sentence)
        elif ab.expected or ab.long_concept is not None:
            wrong.append(ab.sentence)
    if wrong:
        return "misdefined", sorted(set(wrong)), False
    if right:
        return "defined", sorted(set(right)), True
    if not by_letters:
        named = [
            m.sentence for m in page.mentions if m.concept_id == concept_id and m.via == "name"
        ]
        if named:
            return "defined", named[:1], True
    return "not_answered", [], None
