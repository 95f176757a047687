"""Understand: sentences, condition mentions, abbreviation definitions, claims, main condition."""

from __future__ import annotations

import re

from ..knowledge import KnowledgeBase
from ..knowledge.normalize import fold
from ..limits import checkpoint
from ..models import Page
from .abbreviations import align, find_definitions
from .claims import find_claims
from .expansions import judge_definitions
from .mentions import link_mentions
from .property_claims import find_property_claims
from .sentences import split_sentences
from .topic import main_condition

_QUESTION_TITLE = re.compile(r"^(is|are|can|could|does|do|should|what|why|how)\b", re.I)

__all__ = [
    "understand",
    "split_sentences",
    "find_definitions",
    "align",
    "title_end",
    "title_is_question",
]


def title_end(page: Page) -> int:
    """End offset of the title when the text starts with it, else 0."""
    if page.title and page.text.startswith(page.title):
        return len(page.title)
    first = page.text.find("\n")
    return first if first > 0 and page.title and page.title in page.text[:first] else 0


def title_is_question(page: Page) -> bool:
    t = (page.title or "").strip()
    return t.endswith("?") or bool(_QUESTION_TITLE.match(t))


def understand(page: Page, kb: KnowledgeBase) -> Page:
    """Fill the page's sentences, abbreviations, mentions, main condition and claims."""
    if page.error is not None:
        return page
    page.sentences = split_sentences(page.text)
    checkpoint()  # between stages: the deadline of the check (healthlens.limits)
    page.abbreviations = judge_definitions(find_definitions(page.sentences, page.text), kb)
    checkpoint()
    page.mentions = link_mentions(
        page.text, page.sentences, page.abbreviations, kb, fold(page.text)
    )
    checkpoint()
    end, is_q = title_end(page), title_is_question(page)
    first = main_condition(page.mentions, end, is_q)
    page.claims = find_claims(page.sentences, page.mentions, kb, first, page.text)
    page.main_condition = main_condition(page.mentions, end, is_q, page.claims)
    # contagious / inherited / curable: read after the main condition, which they do not change
    page.claims += find_property_claims(
        page.sentences, page.mentions, page.main_condition, page.text
    )
    return page
