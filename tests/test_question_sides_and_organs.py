"""Issue 12, round 7: more question forms real searchers type. A form is read as a family only
when its answer IS the family's question: the family's own word set against its opposite ("curable
or permanent", "allergic or non-allergic"), other people named as a partner, the autoimmune
question with an organ the knowledge base places the condition in. A form beside a part the
family does not settle ("or will it come back", "reversed or cured") answers the family's part
and names the rest as not judged. Everything else stays unknown, never a verdict to another
question: an organ the knowledge base does not give the condition, "immune inflammatory" (wider
than the immune family), which parent, a place,
a reversed cause, a personal forecast, a class wider than the one kind the knowledge base holds."""

from __future__ import annotations

import pytest

from conftest import assert_answered_as_plain, assert_page_judged, assert_stays_unknown
from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, plain",
    [
        # the family's own word and its opposite, either order: the question is the family's
        ("Is eczema curable or permanent?", "Is eczema curable?"),
        ("is gout curable or is it lifelong", "Is gout curable?"),
        ("Is psoriasis permanent or curable?", "Is psoriasis curable?"),
        ("Is asthma allergic or non-allergic?", "Is asthma allergic?"),
        ("Is asthma a non-allergic or allergic condition?", "Is asthma allergic?"),
        ("Is vitiligo autoimmune or non-autoimmune?", "Is vitiligo autoimmune?"),
        ("Is impetigo contagious or non-contagious?", "Is impetigo contagious?"),
        ("Is hemophilia hereditary or non-hereditary?", "Is hemophilia hereditary?"),
        # a partner is another person
        ("Is psoriasis contagious to a partner?", "Is psoriasis contagious?"),
        ("Is scabies contagious to my husband?", "Is scabies contagious?"),
        ("is eczema contagious to your partner", "Is eczema contagious?"),
        # the autoimmune question, with an organ the knowledge base places the condition in
        ("Is Hashimoto's thyroiditis an autoimmune thyroid disease?", "Is Hashimoto's autoimmune?"),
        ("Is vitiligo an autoimmune skin condition?", "Is vitiligo autoimmune?"),
        (
            "Is myasthenia gravis an autoimmune disease of the muscles?",
            "Is myasthenia gravis autoimmune?",
        ),
        # coded under lupus, named for the kidney
        ("Is lupus nephritis an autoimmune kidney disease?", "Is lupus nephritis autoimmune?"),
        ("Is Crohn's disease an autoimmune bowel disease?", "Is Crohn's disease autoimmune?"),
    ],
)
def test_a_question_in_the_familys_words_gets_the_plain_questions_answer(kb, text, plain):
    a, _ = assert_answered_as_plain(kb, text, plain)
    assert not a.unjudged


@pytest.mark.parametrize(
    "text, plain, rest",
    [
        # a cured condition may come back: the return is not the curable question
        ("Is gout curable or will it come back?", "Is gout curable?", "or will it come back"),
        (
            "Is eczema curable, or does it keep coming back?",
            "Is eczema curable?",
            "or does it keep coming back",
        ),
        # reversal (remission) is not a cure: "Can X be reversed?" alone is declined
        ("Can type 2 diabetes be reversed or cured?", "Can type 2 diabetes be cured?", "reversed"),
        ("Can psoriasis be cured or reversed?", "Can psoriasis be cured?", "reversed"),
    ],
)
def test_the_curable_question_beside_a_part_it_does_not_settle(kb, text, plain, rest):
    q = parse_question(text, kb)
    assert (q.predicate, q.unjudged) == ("curable", (rest,))
    (a,) = ask(text, kb)
    (b,) = ask(plain, kb)
    assert (a.concept_id, a.verdict) == (b.concept_id, b.verdict) and a.verdict != "unknown"
    assert (
        a.unjudged == [rest] and f"does not judge the rest of the question: “{rest}”" in a.summary
    )


def test_a_side_effect_is_another_kind_named_as_not_judged(kb):
    # as "an allergy or an intolerance": the allergy question is answered, the side effect named
    q = parse_question("Is penicillin allergy a real allergy or a side effect?", kb)
    assert (q.predicate, q.concept_id) == ("allergy", "penicillin_allergy")
    assert q.unjudged == ("or a side effect",)
    (a,) = ask("Is penicillin allergy a real allergy or a side effect?", kb)
    (b,) = ask("Is penicillin allergy an allergy?", kb)
    assert a.verdict == b.verdict != "unknown"
    assert "does not judge the rest of the question: “or a side effect”" in a.summary


@pytest.mark.parametrize(
    "text",
    [
        # an organ the knowledge base does not place the condition in: "yes" would be wrong
        "Is psoriasis an autoimmune kidney disease?",
        "Is multiple sclerosis an autoimmune skin disease?",
        "Is type 1 diabetes an autoimmune liver disease?",
        # "immune inflammatory" is wider than caused by the immune system (low-grade inflammation
        # from metabolism is what pages answer), so the immune family's "no" would answer another
        "Is metabolic syndrome an immune inflammatory disease?",
        "Is psoriasis an immune inflammatory disease?",
        # reversal is no side of the curable question
        "Is psoriasis permanent or can it be reversed?",
        # which parent passes it on
        "Is hemophilia inherited from mother or father?",
        "is color blindness passed down from mother",
        "Does baldness come from the mother's side?",
        # a place
        "Can scabies spread in bed?",
        # a reversed cause: a link between allergy and the condition, which no family reads
        "Can allergies cause eczema?",
        "Can food allergies cause migraines?",
        # a personal forecast (as "Will I get X if it runs in my family?"), and the reader's case
        "My dad has psoriasis, will I get it too?",
        "My eczema cleared up, is it cured?",
    ],
)
def test_a_different_question_stays_unknown(kb, text):
    assert_stays_unknown(kb, text)


def test_a_forecast_names_the_condition_not_it_too(kb):
    q = parse_question("My mum has lupus, will I get it too?", kb)
    assert (q.predicate, q.subject, q.concept_id) == (None, None, "systemic_lupus_erythematosus")
    (a,) = ask("My mum has lupus, will I get it too?", kb)
    assert "it too" not in a.summary


def test_a_bare_it_under_a_heading_is_still_a_subject(kb):
    # the claims read "Is it autoimmune?" with the condition just named
    q = parse_question("Is it autoimmune?", kb)
    assert (q.predicate, q.concept_id) == ("autoimmune", None)


def test_a_class_wider_than_its_one_kind_is_never_read_as_that_kind(kb):
    q = parse_question("Can you catch endocarditis from someone?", kb)
    assert q.predicate == "contagious" and q.concept_id is None
    assert q.unresolved and "Infective endocarditis" in q.unresolved
    (a,) = ask("Can you catch endocarditis from someone?", kb)
    assert a.verdict == "unknown"
    (b,) = ask("Can you catch infective endocarditis from someone?", kb)
    assert b.concept_id == "infective_endocarditis" and b.verdict != "unknown"


@pytest.mark.parametrize(
    "text, page, expected",
    [
        (
            "Is eczema contagious to a partner?",
            "Eczema is not contagious. A partner cannot catch it by touch or by sharing a bed.",
            "no",
        ),
        (
            "Is vitiligo an autoimmune skin disease?",
            "Vitiligo is an autoimmune disease: the immune system destroys the cells that colour "
            "the skin.",
            "yes",
        ),
    ],
)
def test_a_page_asked_such_a_question_is_judged(kb, text, page, expected):
    assert_page_judged(kb, text, page, expected)
