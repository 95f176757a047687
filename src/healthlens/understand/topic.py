"""The page's main condition: the condition it names most, the title counting extra."""

from __future__ import annotations

from collections import Counter

from ..models import Mention

__all__ = ["main_condition", "condition_weights", "TITLE_WEIGHT"]

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
