"""Families of related conditions, reviewed subtype names and debated classifications (issue 18).

Each rule is shown to fail on a hand-built bad record, and the packaged data to pass it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from healthlens.evaluate.questions import evaluate_questions
from healthlens.knowledge.groups import Difference, Group, load_groups, majority_verdict
from healthlens.knowledge.records import Position, Source, load_records
from healthlens.knowledge.validate import group_problems, rule_debated, subtype_problems

SUBTYPE_QUESTIONS = Path(__file__).parents[1] / "data" / "subtype_questions.jsonl"
SRC = Source("National Institute of Arthritis and Musculoskeletal and Skin Diseases (NIAMS)", "X")


@pytest.fixture(scope="module")
def records():
    return load_records()


def test_a_family_member_with_another_verdict_and_no_stated_reason_fails(records):
    group = Group(
        "spa",
        "Spondyloarthritis",
        "",
        ("ankylosing_spondylitis", "axial_spondyloarthritis", "psoriatic_arthritis"),
    )
    problems = list(group_problems(records, [group]))
    assert [p.record for p in problems] == ["psoriatic_arthritis"]
    assert "state why" in problems[0].message


def test_a_stated_difference_with_a_source_passes_and_a_stale_one_fails(records):
    why = Difference(
        "psoriatic_arthritis", "A reason that is long enough to say why it differs.", (SRC,)
    )
    ok = Group(
        "spa",
        "Spa",
        "",
        ("ankylosing_spondylitis", "psoriatic_arthritis", "axial_spondyloarthritis"),
        (why,),
    )
    assert list(group_problems(records, [ok])) == []
    stale = Difference("ankylosing_spondylitis", "A reason that is long enough to say why.", (SRC,))
    bad = replace(ok, differences=(why, stale))
    assert any("stale" in p.message for p in group_problems(records, [bad]))


def test_every_packaged_family_is_consistent_or_explained(records):
    groups = load_groups()
    assert {g.id for g in groups} >= {
        "spondyloarthritis",
        "inflammatory_bowel_disease",
        "inflammatory_myopathies",
        "autoimmune_liver_disease",
        "vasculitides",
    }
    assert list(group_problems(records, groups)) == []
    ibd = next(g for g in groups if g.id == "inflammatory_bowel_disease")
    assert majority_verdict(ibd, records) == "yes"


def test_an_unreviewed_subtype_name_fails(records):
    rec = records["adrenal_insufficiency"]
    bad = replace(rec, synonyms=(*rec.synonyms, "Secondary adrenal insufficiency"))
    problems = list(subtype_problems({rec.id: bad}, {}))
    assert problems and "subtype" in problems[0].message
    # reviewed as a subtype that shares the verdict, it passes
    assert not list(
        subtype_problems(
            {rec.id: bad}, {rec.id: {"Secondary adrenal insufficiency": "subtype_shares_verdict"}}
        )
    )


def test_a_stale_subtype_review_entry_fails(records):
    problems = list(
        subtype_problems(records, {"addison_disease": {"Not a name": "same_condition"}})
    )
    assert any("stale" in p.message for p in problems)


def test_a_debate_needs_two_sides_with_sources(records):
    rec = records["crohn_disease"]
    one_sided = replace(
        rec, debated=(Position("yes", "A view that is long enough to count.", (SRC,)),)
    )
    assert any("two positions" in p.message for p in rule_debated({rec.id: one_sided}))
    off = replace(
        rec,
        autoimmune="no",
        debated=(
            Position("yes", "A view that is long enough to count here.", (SRC,)),
            Position("partly", "Another view that is long enough to count.", (SRC,)),
        ),
    )
    assert any("none of the debated" in p.message for p in rule_debated({rec.id: off}))


def test_debated_records_include_the_inflammatory_bowel_diseases(records):
    debated = {r.id for r in records.values() if r.debated}
    assert {"crohn_disease", "ulcerative_colitis", "inflammatory_bowel_disease"} <= debated


def test_subtype_and_related_condition_questions_are_all_answered_right(kb):
    evaluation = evaluate_questions(SUBTYPE_QUESTIONS, kb)
    assert evaluation.n >= 40
    assert evaluation.accuracy == 1.0, "\n".join(
        f"{m['question']} -> {m['verdict']}/{m['condition_id']}: {m['why']}"
        for m in evaluation.misses
    )


def test_a_form_without_a_record_is_not_answered_with_the_umbrella_verdict(kb):
    from healthlens.answer import ask

    [answer] = ask("Is secondary hypothyroidism autoimmune?", kb)
    assert answer.verdict == "unknown"
    assert "one form of Hypothyroidism" in answer.summary
    [plain] = ask("Is hypothyroidism autoimmune?", kb)
    assert plain.verdict == "partly"
