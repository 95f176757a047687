"""Is the page about the question's condition?"""

from __future__ import annotations

import re

from ..knowledge import KnowledgeBase
from ..models import Evidence, Finding, Page
from ..understand import title_end, title_is_question
from ..understand.mentions import PAGE_CONCEPT
from ..understand.topic import LetterReading, animal_subject, condition_weights, read_letters

__all__ = ["check_topic", "ON_TOPIC_SHARE", "RELATED_SHARE", "CLASS_SHARE", "is_class_condition"]

ON_TOPIC_SHARE = 0.5  # the question's condition must weigh at least half the main condition's
# ...unless the main condition is a wider or narrower form of it (the knowledge base records the
# two as overlapping, or one as a complication of the other): a page on a subtype calls it by its
# parent's name most of the time ("eosinophilic asthma" and then "asthma"), and a page on the
# parent may be about the asked subtype
RELATED_SHARE = 0.1
RELATED_RELATIONS = frozenset({"overlaps", "complication", "complication-of"})
# ...or the main condition is a class of conditions, the kind of thing a question asks a condition
# to be ("food allergy", "autoimmune disease", "hypersensitivity"): a page weighing whether X is
# one names the class as often as X, and is about X when it names X at least twice
CLASS_SHARE = 0.25
CLASS_MIN = 2
_CLASS_NAMES = frozenset(
    {
        "allergy",
        "hypersensitivity",
        "food allergy",
        "drug allergy",
        "medication allergy",
        "allergic disease",
        "autoimmune disease",
        "autoimmune disorder",
        "autoimmunity",
        "autoinflammatory disease",
        "immunodeficiency",
        "immune deficiency",
    }
)


def is_class_condition(name: str) -> bool:
    """Whether a condition's name (the knowledge base's, or a page's own expansion of letters:
    "autoimmune disease (AD)") names a class of conditions rather than one condition."""
    folded = " ".join(name.lower().replace("-", "").split())
    if folded.endswith("ies"):
        singular = folded[:-3] + "y"
    else:
        singular = folded[:-1] if folded.endswith("s") else folded
    return folded in _CLASS_NAMES or singular in _CLASS_NAMES


def _related(kb: KnowledgeBase, a: str, b: str) -> bool:
    """Whether the knowledge base records one condition as a wider, narrower or overlapping form
    of the other, or as its complication (``RELATED_RELATIONS``, either record)."""
    for x, y in ((a, b), (b, a)):
        rec = kb.record(x)
        if rec and any(
            s.condition == y and s.relation in RELATED_RELATIONS for s in rec.associations
        ):
            return True
    return False


def _share_needed(kb: KnowledgeBase, main: str, targets: set[str]) -> tuple[float, float]:
    """(share of the main condition's weight, least weight) the asked condition needs to keep the
    page on topic, by what the main condition is to it (see ``ON_TOPIC_SHARE``)."""
    name = main[len(PAGE_CONCEPT) :] if main.startswith(PAGE_CONCEPT) else kb.name(main)
    if any(_related(kb, t, main) for t in targets):
        return RELATED_SHARE, 1
    if is_class_condition(name):
        return CLASS_SHARE, CLASS_MIN
    return ON_TOPIC_SHARE, 1.5


def check_topic(
    page: Page,
    targets: set[str],
    kb: KnowledgeBase,
    letters: set[str] | frozenset[str] = frozenset(),
    predicate: str | None = None,
) -> tuple[bool, Finding | None]:
    """Whether the page is about the question's condition (``targets``), and the off-topic
    finding when it is not. ``letters``: the question's letters; when the page reads them as
    another condition, the finding says where (its definition, the name, or the words). A page
    whose opening makes animals its subject is about the condition in animals, not the reader's
    question (``predicate``), except whether it is contagious: animals are one way of catching
    it."""
    weights = condition_weights(
        page.mentions, title_end(page), title_is_question(page), page.claims
    )
    asked = max((weights[t] for t in targets), default=0)
    main = page.main_condition
    target_name = kb.name(sorted(targets)[0]) if targets else "the question's condition"
    share, least = _share_needed(kb, main, targets) if main is not None else (0, 0)
    if (
        main in targets
        or (main is not None and asked >= share * weights[main] and asked >= least)
        or (main is None and asked > 0)  # the page names nothing else
    ):
        found = animal_subject(page.text, target_name) if predicate != "contagious" else None
        return (True, None) if found is None else (False, _in_animals(page, target_name, found))
    if main is None:
        msg = (
            f"The page never names {target_name}."
            if asked == 0
            else f"The page names {target_name} only in passing."
        )
        return False, Finding("off_topic", "high", None, msg, [])
    first = next((m for m in page.mentions if m.concept_id == main), None)
    evidence = [Evidence("page", _named(page, main, targets, kb.name(main), target_name))]
    reading = read_letters(page, sorted(targets)[0], letters, kb) if letters and targets else None
    if reading is not None and not reading.asked and reading.start is not None:
        evidence.append(_reading_evidence(page, reading, target_name))
    sentence = page.sentences[first.sentence] if first else None
    aliased = [a for a in page.abbreviations if a.long_concept == main and not a.consistent]
    how = f" It uses “{aliased[0].short}” as a name for {kb.name(main)}." if aliased else ""
    return False, Finding(
        "off_topic",
        "high",
        sentence.text if sentence else None,
        f"This page is about {kb.name(main)}, not {target_name}.{how}",
        evidence,
        sentence.start if sentence else None,
        sentence.end if sentence else None,
        sentence.index if sentence else None,
    )


def _in_animals(page: Page, target_name: str, found: re.Match[str]) -> Finding:
    """The off-topic finding of a page about the condition in animals (``found``: the words)."""
    sentence = next((s for s in page.sentences if s.start <= found.start() < s.end), None)
    return Finding(
        "off_topic",
        "high",
        sentence.text if sentence else None,
        f"This page is about {target_name} in animals (“{found.group(0)}”), not in people.",
        [],
        sentence.start if sentence else None,
        sentence.end if sentence else None,
        sentence.index if sentence else None,
    )


def _named(page: Page, main: str, targets: set[str], main_name: str, target_name: str) -> str:
    """How often the page names each condition, in words (the weights behind the decision also
    count the title and the page's own claims more; that is said, not shown as a number)."""
    end = title_end(page)
    n_main = sum(m.concept_id == main for m in page.mentions)
    n_asked = sum(m.concept_id in targets for m in page.mentions)
    in_title = any(m.concept_id == main and m.start < end for m in page.mentions)
    return (
        f"The page names {main_name} {_times(n_main)}{' (in its title too)' if in_title else ''}"
        f" and {target_name} {_times(n_asked)}; the title and the page's own statements count most."
    )


def _times(n: int) -> str:
    return {0: "not once", 1: "once", 2: "twice"}.get(n, f"{n:,} times")


def _reading_evidence(page: Page, reading: LetterReading, target_name: str) -> Evidence:
    """Where the page shows which reading of the question's letters it uses."""
    start, end = reading.start or 0, reading.end or 0
    said = page.text[start:end]
    if reading.how == "definition":
        why = f"it spells {reading.letters} out as “{said}”"
    elif reading.how == "named":
        why = f"it names “{said}” in full more often than {target_name}"
    else:
        words = ", ".join(f"“{w}”" for w in reading.words[:6])
        why = f"its words ({words}) are those of {reading.name}, not of {target_name}"
    sentence = page.sentence_of(start)
    return Evidence(
        "page",
        f"The page reads {reading.letters} as {reading.name}: {why}.",
        str(sentence.index) if sentence else None,
        start=start,
        end=end,
    )
