"""Questions as parents type them (the real-page corpus's questions, and invented variants): each
is read as the property it asks about, a part healthlens does not judge is named as such, and a
near miss stays unknown or goes to its own family. Never another question's verdict."""

from __future__ import annotations

import json

import pytest

from healthlens.answer import answer_question, ask
from healthlens.knowledge.verdicts import verdict_for
from healthlens.pipeline import check_pages
from healthlens.question import parse_question, parse_questions
from healthlens.read import read_text
from healthlens.report import to_json


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        # the immune system attacking the body is what autoimmune means
        (
            "Is lupus the immune system attacking the body?",
            "autoimmune",
            "systemic_lupus_erythematosus",
        ),
        (
            "is MS caused by the immune system attacking the nerves",
            "autoimmune",
            "multiple_sclerosis",
        ),
        (
            "Is vitiligo when the immune system attacks your own skin cells?",
            "autoimmune",
            "vitiligo",
        ),
        (
            "Does Hashimoto's happen when the immune system attacks the thyroid?",
            "autoimmune",
            "hashimoto_thyroiditis",
        ),
        # a sign of / the risk of autoimmune disease
        ("Is fibromyalgia an early warning sign of autoimmune disease?", "link", "fibromyalgia"),
        ("Is eczema a risk factor for autoimmune disease?", "link", "atopic_dermatitis"),
        ("Can celiac increase the risk of other autoimmune diseases?", "link", "celiac_disease"),
        ("does psoriasis raise your chances of autoimmune disease", "link", "psoriasis"),
        # the field named after a definition question
        ("What is MS in medical terms?", "definition", "multiple_sclerosis"),
        ("what does PBC stand for in medicine", "definition", "primary_biliary_cholangitis"),
        ("What is EoE medically?", "definition", "eosinophilic_esophagitis"),
        # inheritance, as a parent asks it
        # ("Can X skip a generation?" asks the pattern of inheritance, not whether X is inherited:
        # tests/test_question_property_wording.py)
        ("Will my kids inherit my psoriasis?", "inherited", "psoriasis"),
        ("Could my son inherit lupus from me?", "inherited", "systemic_lupus_erythematosus"),
        (
            "Are siblings of people with type 1 diabetes more likely to develop it?",
            "inherited",
            "type_1_diabetes",
        ),
        (
            "Are children of someone with psoriasis at higher risk of getting it?",
            "inherited",
            "psoriasis",
        ),
        # from one person to another
        ("Does strep throat spread from one person to another?", "contagious", "strep_throat"),
        ("Can the flu pass from one person to another?", "contagious", "influenza"),
        ("Is the flu contagious from one to another?", "contagious", "influenza"),
    ],
)
def test_typed_forms_are_read_as_their_property(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.unjudged) == (predicate, concept, ())


@pytest.mark.parametrize(
    "text, predicate, concept, unjudged",
    [
        (
            "Is coeliac disease an allergy or a food intolerance?",
            "allergy",
            "celiac_disease",
            ("or a food intolerance",),
        ),
        (
            "Is eczema an intolerance or an allergy?",
            "allergy",
            "atopic_dermatitis",
            ("an intolerance",),
        ),
        (
            "is hay fever an allergy to pollen or an infection",
            "allergy",
            "allergic_rhinitis",
            ("to pollen", "or an infection"),
        ),
        (
            "Is EoE an allergic reaction to food?",
            "allergy",
            "eosinophilic_esophagitis",
            ("to food",),
        ),
        (
            "Can hives be an allergic reaction to the cold?",
            "allergy",
            "urticaria",
            ("to the cold",),
        ),
        (
            "Is type 1 diabetes an autoimmune response after a virus?",
            "autoimmune",
            "type_1_diabetes",
            ("after a virus",),
        ),
        (
            "Is psoriasis autoimmune or an infection?",
            "autoimmune",
            "psoriasis",
            ("or an infection",),
        ),
        ("Is sarcoidosis an immune reaction to dust?", "immune", "sarcoidosis", ("to dust",)),
    ],
)
def test_a_part_not_judged_is_kept_apart_from_the_property(kb, text, predicate, concept, unjudged):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.unjudged, q.also) == (predicate, concept, unjudged, ())


def test_the_answer_gives_the_propertys_own_verdict_and_names_the_rest(kb):
    (a,) = ask("Is peanut allergy an allergy to peanuts or an intolerance?", kb)
    record = kb.record("peanut_allergy")
    assert a.predicate == "allergy" and a.verdict == verdict_for(record, "allergy", kb.records)
    assert a.unjudged == ["to peanuts", "or an intolerance"]
    assert "does not judge the rest of the question: “to peanuts”, “or an intolerance”" in a.summary
    # a plain question has nothing to name
    (plain,) = ask("Is peanut allergy an allergy?", kb)
    assert plain.unjudged == [] and "does not judge the rest" not in plain.summary
    assert plain.verdict == a.verdict


def test_a_compound_question_with_a_trigger_still_answers_both_properties(kb):
    answers = parse_questions("Is EoE an allergy to food or autoimmune?", kb)
    assert [q.predicate for q in answers] == ["allergy", "autoimmune"]
    assert all(q.unjudged == ("to food",) for q in answers)


@pytest.mark.parametrize(
    "text",
    [
        "Is celiac an allergy or a cancer?",  # a cancer is no kind the form sets against an allergy
        "Is MS autoimmune or a cancer?",
        "Is celiac an intolerance?",  # an intolerance alone is not asked as an allergy
        "Can a fever skip a day?",  # skipping is not inheritance without a generation
        "Can eczema spread from one arm to another?",  # spread over the body, not between people
        "Can gout spread from one joint to another?",
        "Will the rash pass?",
        "Is ringworm contagious to dogs?",  # a trigger never qualifies the contagious family
        "Does the immune system attack the body?",  # no condition named
        "Is a sign of lupus autoimmune disease",
        # a symptom of autoimmunity is not itself autoimmune
        "Is fatigue a sign of the immune system attacking the body?",
    ],
)
def test_near_misses_are_not_understood(kb, text):
    q = parse_question(text, kb)
    assert q.predicate is None or q.concept_id is None, (q.predicate, q.concept_id)
    (a,) = ask(text, kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text, predicate",
    [
        ("Is an allergy to penicillin hereditary?", "inherited"),  # not "allergy ... hereditary"
        ("Is lactose intolerance an allergy?", "allergy"),
        ("Can my kids catch my flu?", "contagious"),  # catching is contagion, even from a parent
        ("Are relatives of people with lupus more likely to die?", None),  # declined: prognosis
    ],
)
def test_near_misses_go_to_their_own_family(kb, text, predicate):
    q = parse_question(text, kb)
    assert q.predicate == predicate and q.unjudged == ()


@pytest.mark.parametrize(
    "text, x, y",
    [
        (
            "Is PCOS linked to Hashimoto's disease?",
            "polycystic_ovary_syndrome",
            "hashimoto_thyroiditis",
        ),
        (
            "Is there a link between celiac disease and type 1 diabetes?",
            "celiac_disease",
            "type_1_diabetes",
        ),
        (
            "Does periodontitis raise the risk of rheumatoid arthritis?",
            "periodontitis",
            "rheumatoid_arthritis",
        ),
        ("Is Raynaud's a sign of lupus?", "raynaud_phenomenon", "systemic_lupus_erythematosus"),
    ],
)
def test_a_link_between_two_named_conditions_is_recognised_and_not_judged(kb, text, x, y):
    q = parse_question(text, kb)
    assert not q.understood and q.link_between == (x, y)
    (a,) = ask(text, kb)
    assert a.verdict == "unknown" and not a.understood
    assert "not whether two named conditions" in a.summary
    recorded = [s for s in kb.record(x).associations if s.condition == y and s.is_link]
    recorded += [s for s in kb.record(y).associations if s.condition == x and s.is_link]
    if recorded:
        assert "The knowledge base records that" in a.summary
        assert f"({recorded[0].evidence} evidence)" in a.summary
    else:
        assert "records no link between" in a.summary


def test_a_link_the_knowledge_base_does_not_record_says_so(kb):
    # Turner syndrome's record links it to Hashimoto thyroiditis, not to autoimmune thyroid
    # disease as such: no link is claimed that is not recorded
    text = "Does Turner syndrome raise the risk of autoimmune thyroid disease?"
    assert not any(
        s.condition == "autoimmune_thyroid_disease"
        for s in kb.record("turner_syndrome").associations
    )
    (a,) = ask(text, kb)
    assert a.verdict == "unknown"
    assert "records no link between Turner syndrome and autoimmune thyroid disease" in a.summary


@pytest.mark.parametrize(
    "text",
    [
        "Is celiac an allergy or intolerance?",
        "Is SJS an allergic reaction to medication?",
        "Is long COVID an immune system attacking the body?",
        "What is UC in medicine?",
        "Can my daughter inherit PCOS?",
        "Can gout spread from one to another?",
        "Is PCOS linked to Hashimoto's disease?",
    ],
)
def test_the_page_checker_reads_the_question_as_ask_does(kb, text):
    page = read_text("A short page about health conditions.", "<test>")
    report = check_pages([page], text, kb)
    (a,) = ask(text, kb)
    assert report.question is not None
    assert report.question.predicate == a.predicate
    assert report.question.understood == a.understood
    assert report.answer is not None and report.answer.verdict == a.verdict
    q = json.loads(to_json(report))["question"]
    assert q["unjudged"] == a.unjudged
    if report.question.link_between:
        assert [c["id"] for c in q["link_between"]] == list(report.question.link_between)
    else:
        assert q["link_between"] is None
    if a.understood:
        assert report.pages[0].page_answer != "not_judged"


def test_answer_question_on_a_parsed_question_names_the_unjudged_part(kb):
    q = parse_question("Is SJS an allergic reaction to medication?", kb)
    a = answer_question(q, kb)
    assert a.to_dict()["unjudged"] == ["to medication"]
    assert "“to medication”" in a.summary


def test_a_page_about_either_condition_of_a_link_question_is_on_topic(kb):
    text = (
        "Hashimoto's thyroiditis is an autoimmune disease of the thyroid. In Hashimoto's "
        "thyroiditis the immune system attacks the thyroid gland. Hashimoto's thyroiditis is the "
        "commonest cause of an underactive thyroid. Some studies find Hashimoto's thyroiditis more "
        "often in women with polycystic ovary syndrome."
    )
    page = read_text(text, "<test>", title="Hashimoto's thyroiditis")
    report = check_pages([page], "Is PCOS linked to Hashimoto's disease?", kb)
    assert report.pages[0].page_answer == "not_judged"
    assert report.pages[0].on_topic is True
