"""Issue 13's question lists: in scope (every family, questions as people type them) and out of
scope (treatment, prevention, cause, prognosis, advice, other properties).

tests/data/questions_in_scope.jsonl: the autoimmune / allergy / immune / link / definition rows
expect the curated verdict of the condition named (fixed when the list was written), so they test
how a typed question is read; the contagious / inherited / curable rows were labelled by hand for
clear cases and are evaluated once the knowledge base has property data for their condition (with
the test fixture's data below until the data is merged).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from healthlens.answer import ask
from healthlens.evaluate.questions import evaluate_out_of_scope, evaluate_questions, read_questions
from healthlens.knowledge import KnowledgeBase, load_properties

DATA = Path(__file__).parent / "data"
IN_SCOPE = DATA / "questions_in_scope.jsonl"
OUT_OF_SCOPE = DATA / "questions_out_of_scope.jsonl"
FAMILIES = ("contagious", "inherited", "curable")


def _misses(ev) -> str:
    return "\n".join(
        f"{m['question']} -> {m['verdict']}/{m['condition_id']} ({m['predicate']}): {m['why']}"
        for m in ev.misses
    )


def test_the_lists_are_large_and_cover_every_family_and_typed_variant():
    rows = read_questions(IN_SCOPE)
    assert len(rows) >= 300
    forms = Counter(
        p for r in rows for p in (r.get("expected_predicates") or [r["expected_predicate"]])
    )
    for form in ("autoimmune", "allergy", "immune", "link", "definition", *FAMILIES):
        assert forms[form] >= 10, form
    variants = Counter(r["variant"] for r in rows)
    for variant in (
        "lowercase",
        "typo",
        "possessive",
        "short_name",
        "x_autoimmune",
        "compound",
    ):
        assert variants[variant] >= 5, variant
    assert sum(not r["question"].rstrip().endswith("?") for r in rows) >= 100
    assert sum(r["question"] == r["question"].lower() for r in rows) >= 100
    hand = [r for r in rows if r.get("needs_property_data")]
    assert len(hand) >= 60 and {r["expected_verdict"] for r in hand} >= {"yes", "no", "partly"}
    out = [line for line in OUT_OF_SCOPE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(out) >= 200
    kinds = Counter(__import__("json").loads(line)["kind"] for line in out)
    for kind in ("treatment", "prevention", "cause", "prognosis", "advice", "other_property"):
        assert kinds[kind] >= 25, kind


def test_ask_reads_the_in_scope_questions_at_97_percent(kb):
    ev = evaluate_questions(IN_SCOPE, kb)
    assert ev.n >= 250
    assert ev.accuracy >= 0.97, _misses(ev)


def test_the_hand_labelled_family_questions_with_the_packaged_property_data(kb):
    rows = [r for r in read_questions(IN_SCOPE) if r.get("needs_property_data")]
    covered = [r for r in rows if kb.properties.get(r["expected_condition_id"])]
    if not covered:
        pytest.skip(
            "no contagious/inherited/curable data is packaged yet (knowledge/data/properties/, "
            "issue 13's data branches): the hand-labelled family rows wait for it"
        )
    ev = evaluate_questions(IN_SCOPE, kb)
    family = [m for m in ev.misses if m["predicate"] in FAMILIES]
    assert len(family) <= 0.03 * len(covered), _misses(ev)


def test_the_hand_labelled_family_questions_with_the_fixture_data(kb):
    fixture = load_properties(sorted((DATA / "properties").glob("*.yaml")))
    kbp = KnowledgeBase(kb.records, kb.terms, fixture)
    rows = [
        r
        for r in read_questions(IN_SCOPE)
        if r.get("needs_property_data") and r["expected_condition_id"] in fixture
    ]
    assert len(rows) >= 20
    wrong = []
    for r in rows:
        (a,) = ask(r["question"], kbp)
        if (a.verdict, a.predicate, a.concept_id) != (
            r["expected_verdict"],
            r["expected_predicate"],
            r["expected_condition_id"],
        ):
            wrong.append((r["question"], a.verdict, a.predicate, a.concept_id))
    assert not wrong


def test_no_out_of_scope_question_gets_a_verdict(kb):
    ev = evaluate_out_of_scope(OUT_OF_SCOPE, kb)
    assert ev.n >= 200 and not ev.judged, ev.judged


def test_out_of_scope_questions_are_mostly_declined_as_their_own_kind(kb):
    """Each kind is recognised, so the reader is told why: at least 80 % of each."""
    ev = evaluate_out_of_scope(OUT_OF_SCOPE, kb)
    for kind in ("treatment", "prevention", "cause", "prognosis", "advice"):
        own = ev.declined_as[(kind, kind)]
        assert own >= 0.8 * ev.by_kind[kind], (kind, own, ev.by_kind[kind])


def test_a_list_with_a_question_read_as_no_form_still_tallies(tmp_path, kb):
    """A row that expects "unknown" and gets no form at all ("not understood") is counted under
    its own key, and the tally sorts (it raised a TypeError when None met the form names)."""
    path = tmp_path / "q.jsonl"
    path.write_text(
        '{"question": "Is lupus autoimmune?", "expected_verdict": "yes"}\n'
        '{"question": "Is eczema not contagious?", "expected_verdict": "unknown"}\n',
        encoding="utf-8",
    )
    ev = evaluate_questions(path, kb)
    assert ev.to_dict()["by_predicate"] == {"autoimmune": [1, 1], "not understood": [1, 1]}
