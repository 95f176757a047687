"""The page's main condition: the condition it names most, the title counting extra."""

from __future__ import annotations

import re
from collections import Counter

from ..models import Mention, Page

__all__ = [
    "main_condition",
    "condition_weights",
    "title_end",
    "title_is_question",
    "TITLE_WEIGHT",
]

_QUESTION_TITLE = re.compile(r"^(is|are|can|could|does|do|should|what|why|how)\b", re.I)

TITLE_WEIGHT = 3  # a title mention counts as this many body mentions...
QUESTION_TITLE_WEIGHT = (
    0.5  # ...unless the title is a question: it says what was asked, not what the page is about
)


CLAIM_WEIGHT = (
    1  # being the subject of a claim about the question's property counts one mention more
)


def condition_weights(
    mentions: list[Mention], title_end: int, title_is_question: bool = False, claims=()
) -> Counter:
    weights: Counter[str] = Counter()
    title_weight = QUESTION_TITLE_WEIGHT if title_is_question else TITLE_WEIGHT
    for m in mentions:
        # a float weight in a Counter: typeshed types its counts int, Python adds any number
        weights[m.concept_id] += title_weight if m.start < title_end else 1  # type: ignore[assignment]
    for c in claims:
        if c.basis in ("copula", "pronoun", "answer", "other"):
            weights[c.concept_id] += CLAIM_WEIGHT
    return weights


def main_condition(
    mentions: list[Mention], title_end: int, title_is_question: bool = False, claims=()
) -> str | None:
    """The most-weighted condition; ties go to the one named first. None when nothing is named twice."""
    weights = condition_weights(mentions, title_end, title_is_question, claims)
    if not weights:
        return None
    first: dict[str, int] = {}
    for m in mentions:
        first.setdefault(m.concept_id, m.start)
    best = max(weights, key=lambda c: (weights[c], -first.get(c, len(first) + 10**9)))
    return best if weights[best] >= 2 else None


def title_end(page: Page) -> int:
    """End offset of the title when the text starts with it, else 0."""
    if page.title and page.text.startswith(page.title):
        return len(page.title)
    first = page.text.find("\n")
    return first if first > 0 and page.title and page.title in page.text[:first] else 0


def title_is_question(page: Page) -> bool:
    t = (page.title or "").strip()
    return t.endswith("?") or bool(_QUESTION_TITLE.match(t))
