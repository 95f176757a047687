"""Understand: sentences, condition mentions, abbreviation definitions, claims, main condition."""

from __future__ import annotations

from ..fastmatch import in_order
from ..knowledge import KnowledgeBase
from ..knowledge.normalize import fold
from ..limits import checkpoint
from ..models import Page
from .abbreviations import align, find_definitions
from .claims import find_claims
from .expansions import judge_definitions
from .for_question import read_for_question
from .mentions import link_mentions
from .property_claims import find_property_claims
from .sentences import split_sentences
from .topic import WEIGHTED_BASES, main_condition, title_end, title_is_question

__all__ = [
    "understand",
    "read_for_question",
    "READS",
    "WRITES",
    "split_sentences",
    "find_definitions",
    "align",
    "title_end",
    "title_is_question",
]


# The stage's contract (docs/architecture.md; tests/test_stage_contracts.py holds it): the Page
# fields ``understand`` and ``read_for_question`` read, and the only ones they write.
READS = frozenset({"error", "text", "title", "sentences", "mentions", "abbreviations", "claims"})
WRITES = frozenset({"sentences", "abbreviations", "mentions", "claims", "main_condition"})


def understand(page: Page, kb: KnowledgeBase) -> Page:
    """Fill the page's sentences, abbreviations, mentions, main condition and claims."""
    if page.error is not None:
        return page
    page.sentences = split_sentences(page.text)
    # (the sentences' order, which each reading's page-wide scanners check: looked at once)
    ordered = in_order(page.sentences)
    checkpoint()  # between stages: the deadline of the check (healthlens.limits)
    page.abbreviations = judge_definitions(find_definitions(page.sentences, page.text, ordered), kb)
    checkpoint()
    page.mentions = link_mentions(
        page.text, page.sentences, page.abbreviations, kb, fold(page.text)
    )
    checkpoint()
    end, is_q = title_end(page), title_is_question(page)
    first = main_condition(page.mentions, end, is_q)
    page.claims = find_claims(page.sentences, page.mentions, kb, first, page.text, ordered)
    checkpoint()
    # the claims weigh in only when one is of a weighted kind; else the weights, and so the
    # main condition, are those read before the claims
    weighted = any(c.basis in WEIGHTED_BASES for c in page.claims)
    page.main_condition = (
        main_condition(page.mentions, end, is_q, page.claims) if weighted else first
    )
    # contagious / inherited / curable: read after the main condition, which they do not change
    page.claims += find_property_claims(
        page.sentences, page.mentions, page.main_condition, page.text, ordered
    )
    return page
