"""The page's main condition: the condition it names most, the title counting extra."""

from __future__ import annotations

from collections import Counter

from ..models import Mention

__all__ = ["main_condition", "condition_weights", "TITLE_WEIGHT"]

TITLE_WEIGHT = 3  # a title mention counts as this many body mentions


def condition_weights(mentions: list[Mention], title_end: int) -> Counter:
    weights: Counter = Counter()
    for m in mentions:
        weights[m.concept_id] += TITLE_WEIGHT if m.start < title_end else 1
    return weights


def main_condition(mentions: list[Mention], title_end: int) -> str | None:
    """The most-weighted condition; ties go to the one named first. None when nothing is named twice."""
    weights = condition_weights(mentions, title_end)
    if not weights:
        return None
    first = {}
    for m in mentions:
        first.setdefault(m.concept_id, m.start)
    best = max(weights, key=lambda c: (weights[c], -first[c]))
    return best if weights[best] >= 2 else None
