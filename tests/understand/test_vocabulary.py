"""One vocabulary of negation and hedging: every reader of statements reads the shared cues."""

import pytest

from healthlens.understand import assertions, claims, clause_evidence, family_assertions
from healthlens.understand.vocabulary import cues

NEGATIONS = [
    "it is not autoimmune",
    "no, it is not",
    "it never spreads",
    "neither inherited nor caught",
    "it cannot be cured",
    "it isn't an allergy",
    "it won't pass to others",
    "it hasn't been linked",
    "rather than an allergy",
    "instead of an allergy",
    "without any immune attack",
]
NOT_NEGATIONS = [
    "not only autoimmune",
    "not just an allergy",
    "no longer thought rare",
    "no doubt autoimmune",
]
HEDGES = [
    "it may be autoimmune",
    "it could be inherited",
    "it is possibly an allergy",
    "it is likely autoimmune",
    "this suggests a link",
    "it seems to run in families",
    "the cause is unclear",
    "some leading researchers say so",
    "one theory holds",
    "another possibility is that it is autoimmune",
]
NOT_HEDGES = ["women are more likely to get it", "it is less likely in children"]

READERS = {
    "claims": (claims._NEGATION, claims._HEDGE),
    "assertions": (assertions._NEGATION, assertions._HEDGE),
    "family_assertions": (family_assertions._NEG, None),
    "clause_evidence": (clause_evidence._NEG, clause_evidence._HEDGE),
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_every_reader_reads_the_shared_negations(reader):
    negation, _ = READERS[reader]
    assert [t for t in NEGATIONS if not negation.search(t)] == []
    assert [t for t in NOT_NEGATIONS if negation.search(t)] == []


@pytest.mark.parametrize("reader", sorted(r for r in READERS if READERS[r][1] is not None))
def test_every_reader_reads_the_shared_hedges(reader):
    _, hedge = READERS[reader]
    assert [t for t in HEDGES if not hedge.search(t)] == []
    assert [t for t in NOT_HEDGES if hedge.search(t)] == []


def test_a_reader_adds_its_own_words_to_the_shared_ones():
    pattern = cues("not", r"distinct\s+from")
    assert pattern.search("Distinct  from allergy") and pattern.search("NOT so")
    assert not pattern.search("knot") and not pattern.search("distinctly")


def test_the_question_letters_are_one_pattern_for_every_reader():
    from healthlens.understand.vocabulary import letters_pattern

    pat = letters_pattern({"CD", "IBD"})
    assert [m.group() for m in pat.finditer("CD and IBDs, not CDX or aCD")] == ["CD", "IBDs"]
    assert letters_pattern(frozenset({"IBD", "CD"})) is pat  # built once, whatever the set type


NOT_A_HEDGE = [
    "growing evidence suggests it is autoimmune",
    "researchers suggest it is autoimmune",
    "a potentially fatal autoimmune disease",
    "if your sister has it, you are more likely to get it",
]


def test_the_readers_take_the_same_words_out_of_their_hedges():
    # assertions.py and family_assertions.py read the shared NOT_A_HEDGE families; the hedge
    # words inside them ("suggest", "potentially", "if") stay hedges elsewhere
    for text in NOT_A_HEDGE:
        assert assertions._SOFT_HEDGE.search(text) and family_assertions.SOFT.search(text), text
        assert assertions._HEDGE.search(text), text
        assert not assertions.strongly_hedged(text), text
    for text in ("some researchers suggest it is autoimmune", "it is potentially autoimmune"):
        assert assertions.strongly_hedged(text), text
