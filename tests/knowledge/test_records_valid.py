"""The whole curated knowledge base against the rules in knowledge/validate.py.

One test per rule over all records (a failure lists every broken record), then small hand-built
records proving each rule catches what it is meant to catch.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from healthlens.knowledge.records import (
    AbbreviationEntry,
    Association,
    ConditionRecord,
    Source,
    load_records,
)
from healthlens.knowledge.validate import RULES, aligns, validate


@pytest.fixture(scope="module")
def records():
    return load_records()


def test_the_knowledge_base_covers_at_least_300_conditions(records):
    assert len(records) >= 300


@pytest.mark.parametrize("rule", sorted(RULES))
def test_no_record_breaks_the_rule(records, rule):
    problems = validate(records, [rule])
    assert not problems, "\n".join(map(str, problems))


def test_every_verdict_has_a_reason_and_a_named_source(records):
    for r in records.values():
        assert r.reason and r.sources
        assert all(s.publisher.strip() and s.title.strip() for s in r.sources), r.id


def test_contested_verdicts_carry_a_caution(records):
    contested = [r for r in records.values() if r.autoimmune in ("uncertain", "partly")]
    assert len(contested) >= 40
    assert all(r.caution for r in contested)


def test_inflammatory_bowel_disease_is_yes_with_a_caution(records):
    # the lead's decision: counted as autoimmune, with the immune-mediated view stated
    for rid in ("crohn_disease", "ulcerative_colitis", "inflammatory_bowel_disease"):
        assert records[rid].autoimmune == "yes" and "immune-mediated" in records[rid].caution


def test_igg4_related_disease_and_autoimmune_pancreatitis_agree(records):
    assert (
        records["igg4_related_disease"].autoimmune == records["autoimmune_pancreatitis"].autoimmune
    )


# -- each rule catches its case -----------------------------------------------------------------
def _rec(rid="x_disease", **kw) -> ConditionRecord:
    base = dict(
        id=rid,
        name=rid.replace("_", " ").capitalize(),
        mechanism="autoimmune",
        autoimmune="yes",
        reason="A made-up condition for a test, with a reason long enough to count.",
        sources=(Source("National Institutes of Health", "A page"),),
        file="test.yaml",
    )
    base.update(kw)
    return ConditionRecord(**base)


def _rules_hit(*recs: ConditionRecord) -> set[str]:
    problems = validate({r.id: r for r in recs}, [n for n in RULES if n != "icd10cm"])
    return {p.rule for p in problems}


def test_a_clean_record_passes():
    assert _rules_hit(_rec()) == set()


@pytest.mark.parametrize(
    "kw",
    [
        dict(mechanism="autoimmune", autoimmune="no", caution=None),
        dict(mechanism="allergic", autoimmune="yes"),
        dict(mechanism="immune_mediated", autoimmune="yes"),
        dict(mechanism="allergic", autoimmune="uncertain", caution="why"),
        dict(mechanism="autoinflammatory", autoimmune="partly", caution="why"),
        dict(mechanism="allergic", autoimmune="no", allergy="no"),
    ],
)
def test_mechanism_and_verdict_that_disagree_are_a_contradiction(kw):
    assert "contradiction" in _rules_hit(_rec(**kw))


def test_a_yes_whose_reason_says_not_autoimmune_is_a_contradiction():
    assert "contradiction" in _rules_hit(
        _rec(reason="It looks like lupus but it is not an autoimmune disease at all.")
    )


def test_uncertain_without_caution_is_caught():
    assert "caution" in _rules_hit(_rec(mechanism="immune_mediated", autoimmune="uncertain"))


def test_association_to_itself_or_to_nothing_is_caught():
    assert "associations" in _rules_hit(
        _rec(associations=(Association("x_disease", "co-occurs", "established"),))
    )
    assert "associations" in _rules_hit(
        _rec(associations=(Association("no_such_record", "co-occurs", "limited"),))
    )


def test_complications_of_each_other_are_a_contradiction():
    a = _rec("a_disease", associations=(Association("b_disease", "complication", "established"),))
    b = _rec("b_disease", associations=(Association("a_disease", "complication", "established"),))
    assert "contradiction" in _rules_hit(a, b)


def test_a_synonym_that_is_another_records_name_is_a_contradiction():
    a = _rec("a_disease", synonyms=("B disease",))
    b = _rec("b_disease")
    assert "contradiction" in _rules_hit(a, b)


def test_a_name_written_twice_is_caught():
    assert "names" in _rules_hit(_rec(synonyms=("Sjögren disease", "Sjogren disease")))


def test_an_unambiguous_abbreviation_claimed_twice_is_caught():
    a = _rec("a_disease", name="Alpha disease", abbreviations=(AbbreviationEntry("AD"),))
    b = _rec("b_disease", name="Alzheimer disease", abbreviations=(AbbreviationEntry("AD"),))
    assert "abbreviations" in _rules_hit(a, b)
    both = [
        replace(
            r, abbreviations=(AbbreviationEntry("AD", ambiguous=True, primary=r.id == "a_disease"),)
        )
        for r in (a, b)
    ]
    assert _rules_hit(*both) == set()


def test_shared_letters_need_exactly_one_primary_reading():
    a = _rec(
        "a_disease", name="Alpha disease", abbreviations=(AbbreviationEntry("AD", ambiguous=True),)
    )
    b = _rec(
        "b_disease",
        name="Alzheimer disease",
        abbreviations=(AbbreviationEntry("AD", ambiguous=True),),
    )
    assert "abbreviations" in _rules_hit(a, b)


def test_an_ambiguous_abbreviation_must_name_its_other_readings():
    rec = _rec(name="Multiple sclerosis", abbreviations=(AbbreviationEntry("MS", ambiguous=True),))
    assert "abbreviations" in _rules_hit(rec)
    ok = replace(
        rec, abbreviations=(AbbreviationEntry("MS", ambiguous=True, also=("mitral stenosis",)),)
    )
    assert _rules_hit(ok) == set()


def test_an_abbreviation_must_align_or_be_an_established_exception():
    bad = _rec(name="Chronic fatigue syndrome", abbreviations=(AbbreviationEntry("ME"),))
    assert "abbreviations" in _rules_hit(bad)
    ok = replace(
        bad,
        abbreviations=(
            AbbreviationEntry("ME", exception="Myalgic encephalomyelitis, the other name"),
        ),
    )
    assert _rules_hit(ok) == set()


@pytest.mark.parametrize(
    "short, long, expected",
    [
        ("RA", "Rheumatoid arthritis", True),
        ("EoE", "Eosinophilic esophagitis", True),
        ("T1D", "Type 1 diabetes", True),
        ("IgG4-RD", "IgG4-related disease", True),
        ("ME", "Chronic fatigue syndrome", False),
        ("MS", "Fibromyalgia", False),
        ("GBS", "Guillain-Barré syndrome", True),
        ("XYZ", "Crohn disease", False),
    ],
)
def test_alignment_reads_the_letters_out_of_the_long_form(short, long, expected):
    assert aligns(short, long) is expected


def test_an_icd_code_that_does_not_exist_is_caught():
    from healthlens.knowledge.validate import rule_icd_codes

    rec = _rec(icd10cm=("M05", "Q99.99", "banana"))
    found = [p.message for p in rule_icd_codes({rec.id: rec}, code_exists=lambda c: c == "M05")]
    assert len(found) == 2 and "Q99.99" in found[0]
