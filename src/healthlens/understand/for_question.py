"""Understand, once more, for the reader's question: what the page makes the question's letters mean.

A step of its own, run after ``understand`` and before ``check`` when there is a question: a page
that spells out the question's letters as something else re-reads its mentions and claims of
them as the page's own expansion, and its main condition follows."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..knowledge import KnowledgeBase
from ..knowledge.normalize import fold
from ..models import Mention, Page, Question
from .mentions import PAGE_CONCEPT, _sentence_index
from .topic import letters_on_page, main_condition, read_letters, title_end, title_is_question

__all__ = [
    "question_letters",
    "read_for_question",
    "reinterpret_for_question",
    "apply_letter_reading",
    "link_question_words",
]


def question_letters(question: Question | None, kb: KnowledgeBase) -> set[str]:
    """The abbreviations the reader's question stands behind: as typed, and the record's own."""
    if question is None or question.concept_id is None:
        return set()
    rec = kb.record(question.concept_id)
    letters = {a.short.upper() for a in rec.abbreviations} if rec else set()
    if question.subject:
        letters.add(question.subject.strip().upper())
    return letters


def read_for_question(page: Page, question: Question | None, kb: KnowledgeBase) -> Page:
    """The understand step for the question (see the module's docstring); a no-op without one."""
    if page.error is not None:
        return page
    letters = question_letters(question, kb)
    reinterpret_for_question(page, question, letters)
    apply_letter_reading(page, question, letters, kb)
    link_question_words(page, question, kb)
    return page


def link_question_words(page: Page, question: Question | None, kb: KnowledgeBase) -> None:
    """The reader's own words for the condition name it on the page too: a subject the question
    matched by a short or partial name the terminology does not hold ("H. pylori" for
    Helicobacter pylori infection, "hidradenitis") is a mention of the asked condition wherever
    the page writes it. Letters are left to ``apply_letter_reading``."""
    if question is None or question.concept_id is None:
        return
    subject = " ".join((question.subject or "").split())
    if len(subject) < 5 or subject.isupper() or not any(c.isalpha() for c in subject):
        return
    if any(h.start == 0 and h.end >= len(subject) for h in kb.find(subject)):
        return  # a name the terminology holds: linked as every name is
    # the words as the reader wrote them, with or without the stops and commas between them
    # ("H. pylori", "H pylori", "H.pylori")
    words = [w.rstrip(".,") or w for w in subject.split()]
    pattern = r"(?<![\w-])" + r"(?:[.,]?\s+|\.)".join(map(re.escape, words)) + r"(?![\w-])"
    added = False
    for found in re.finditer(pattern, page.text, re.I):
        start, end = found.span()
        if not any(o.start < end and start < o.end for o in page.mentions):
            page.mentions.append(
                Mention(
                    start,
                    end,
                    found.group(),
                    question.concept_id,
                    _sentence_index(page.sentences, start),
                    "question_words",
                )
            )
            added = True
    if added:
        page.mentions.sort(key=lambda m: m.start)
        page.main_condition = main_condition(
            page.mentions, title_end(page), title_is_question(page), page.claims
        )


def apply_letter_reading(
    page: Page, question: Question | None, letters: set[str], kb: KnowledgeBase
) -> None:
    """The page's letters name the reading it uses (``topic.read_letters``): every place it writes
    the question's letters becomes a mention of that reading, the asked condition's or another's
    (a group B strep page's "GBS" is not Guillain-Barré syndrome), and the main condition follows.
    A reading the page gives by its own definition is already linked (``mentions``,
    ``reinterpret_for_question``), except a definition that spells the asked condition out with a
    typo ("Guillain-Barre Syndrom (GBS)"): it made the letters a condition of the page's own when
    they were linked, and they name the asked condition here. A definition that only shares words
    with it ("irritable bowel disease" for IBD) stays the page's own."""
    if not letters or question is None or question.concept_id is None:
        return
    reading = read_letters(page, question.concept_id, letters, kb)
    if reading is None or (
        reading.how == "definition"
        and reading.asked
        and not _misspelt(page.text[reading.start or 0 : reading.end or 0], kb, reading.concept_id)
    ):
        return
    rec = kb.record(question.concept_id)
    written = [a.short for a in rec.abbreviations] if rec else []
    spans = letters_on_page(page.text, reading.letters, written)
    at = {(m.start, m.end): m for m in page.mentions}
    changed = False
    for start, end in spans:
        m = at.get((start, end))
        if m is not None:
            if m.concept_id != reading.concept_id and (
                m.concept_id == question.concept_id
                if not reading.asked
                else m.concept_id.startswith(PAGE_CONCEPT)
            ):
                m.concept_id, m.via, changed = reading.concept_id, "letters_read_as", True
        elif not any(o.start < end and start < o.end for o in page.mentions):
            page.mentions.append(
                Mention(
                    start,
                    end,
                    page.text[start:end],
                    reading.concept_id,
                    _sentence_index(page.sentences, start),
                    "letters_read_as",
                )
            )
            changed = True
    if not reading.asked:
        for c in page.claims:
            if c.concept_id == question.concept_id and (c.start, c.end) in set(spans):
                c.concept_id, changed = reading.concept_id, True
    if changed:
        page.mentions.sort(key=lambda m: m.start)
        page.main_condition = main_condition(
            page.mentions, title_end(page), title_is_question(page), page.claims
        )


MISSPELT_RATIO = 0.85  # how alike a definition and a name must be to be the name misspelt


def _misspelt(long: str, kb: KnowledgeBase, concept_id: str) -> bool:
    """Whether a page's definition of letters is one of the condition's names with a typo
    ("Chronic Imflammatory Response Syndrome"), not another condition that shares words with it
    ("irritable bowel disease" for IBD)."""
    said = " ".join(fold(long).split())
    return any(
        SequenceMatcher(None, said, " ".join(fold(name).split())).ratio() >= MISSPELT_RATIO
        for name in kb.long_forms(concept_id)
    )


def reinterpret_for_question(page: Page, question: Question | None, letters: set[str]) -> None:
    """A page that spells out the question's letters as something else ("FMF (fibromyalgia and
    muscle fatigue)") is not using them for the condition the reader asked about: its mentions of
    those letters name the page's own expansion."""
    if not letters or question is None:
        return
    if any(m.concept_id == question.concept_id and m.via == "name" for m in page.mentions):
        return  # the page also names the condition in full: its letters mean that, however spelled out
    other = {
        ab.short: PAGE_CONCEPT + " ".join(ab.long.split())
        for ab in page.abbreviations
        if ab.short.upper() in letters and not ab.known_expansion and ab.long_concept is None
    }
    if not other:
        return
    for m in page.mentions:
        if m.concept_id == question.concept_id and m.text in other:
            m.concept_id, m.via = other[m.text], "page_abbreviation"
    for c in page.claims:
        if c.concept_id == question.concept_id and page.text[c.start : c.end] in other:
            c.concept_id = other[page.text[c.start : c.end]]
    page.main_condition = main_condition(
        page.mentions, title_end(page), title_is_question(page), page.claims
    )
