"""Issue 12: question forms found on batch 11's dev pages, each decided by whether its yes/no IS
its family's question.

Read as the family: "Is there a genetic link for X?" (heredity's words); "Is X caused by
autoimmunity?" (the autoimmune family's own word, not the wider immune family); grandchildren and
grandparents are other people, as "to adults"; "Is X contagious like Y?" (any family: the
comparison is named as not judged); "a true allergy or just irritation", "a real allergy or the
same as Y" (another kind, named as not judged, as "or a cold"); "Can X be passed to children?"
where the knowledge base says X cannot be caught (as "passed from parents to kids"); "X stands
for what?", "X medical abbreviation", "What does X mean on a report?" (what the letters stand
for); "Does X make other autoimmune diseases more likely?" (a raised risk); "Is autoimmune
disease linked to X?" (a link has no direction); "Is X an autoimmune blistering disease?" only
where the knowledge base places X among the bullous disorders (as the organ forms).

Still unknown, each a different question: a reversed direction ("Does autoimmune disease raise
the risk of X?": the knowledge base's link for X may run the other way); one class of autoimmune
disease ("connective tissue disease": narrower than autoimmune disease in general); a cause ("Can
X cause Y?", "Can allergies cause X?": a causal claim is stronger than a link); a list ("What
autoimmune diseases are linked to X?"); which relative ("hereditary from grandparents"); a means
("curable with medication"); a time ("contagious after strep throat"); a forecast ("If I have X
will I give it to my child?"); "passed to children" for a condition that can be caught (birth
passes some infections on)."""

from __future__ import annotations

import pytest

from conftest import assert_answered_as_plain, assert_page_judged, assert_stays_unknown
from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, plain",
    [
        # heredity's words
        ("Is there a genetic link for hemophilia?", "Is hemophilia genetic?"),
        ("Is there a hereditary component to psoriasis?", "Is psoriasis hereditary?"),
        ("is there a genetic basis for celiac disease", "Is celiac disease genetic?"),
        # autoimmunity is the autoimmune family's word
        ("Is Graves' disease caused by autoimmunity?", "Is Graves' disease autoimmune?"),
        ("Is vitiligo caused by an autoimmune reaction?", "Is vitiligo autoimmune?"),
        ("Is gout caused by autoimmunity?", "Is gout autoimmune?"),
        # grandchildren and grandparents are other people
        ("Is chickenpox contagious to grandchildren?", "Is chickenpox contagious?"),
        ("Is eczema contagious to grandparents?", "Is eczema contagious?"),
        ("Is impetigo contagious to a grandchild?", "Is impetigo contagious?"),
        # parent to child, for a condition that cannot be caught
        ("Can psoriasis be passed to children?", "Is psoriasis inherited?"),
        ("Can hemophilia be passed to your kids?", "Is hemophilia inherited?"),
        # what the letters stand for
        ("RA stands for what?", "What does RA stand for?"),
        ("SLE medical abbreviation", "What does SLE stand for?"),
        ("What does MS mean on a report?", "What does MS stand for?"),
        ("what does IBD mean in my lab results", "What does IBD stand for?"),
        # a raised risk of other autoimmune diseases
        (
            "Does celiac disease make other autoimmune diseases more likely?",
            "Is celiac disease linked to autoimmune disease?",
        ),
        # a link, its sides in the other order
        (
            "Is autoimmune disease linked to non-Hodgkin lymphoma?",
            "Is non-Hodgkin lymphoma linked to autoimmune disease?",
        ),
        (
            "Are autoimmune diseases associated with fibromyalgia?",
            "Is fibromyalgia linked to autoimmune disease?",
        ),
        (
            "Is there a link between autoimmune disease and celiac disease?",
            "Is celiac disease linked to autoimmune disease?",
        ),
        # an autoimmune blistering disease, where the knowledge base places it so
        (
            "Is bullous pemphigoid an autoimmune blistering disease?",
            "Is bullous pemphigoid autoimmune?",
        ),
        (
            "Is pemphigus vulgaris an autoimmune bullous disease?",
            "Is pemphigus vulgaris autoimmune?",
        ),
    ],
)
def test_a_question_in_the_familys_words_gets_the_plain_questions_answer(kb, text, plain):
    a, _ = assert_answered_as_plain(kb, text, plain)
    assert not a.unjudged


@pytest.mark.parametrize(
    "text, plain, rest",
    [
        ("Is eczema contagious like chickenpox?", "Is eczema contagious?", "like chickenpox"),
        ("Is lupus contagious like the flu?", "Is lupus contagious?", "like the flu"),
        ("Is psoriasis autoimmune like lupus?", "Is psoriasis autoimmune?", "like lupus"),
        (
            "Is hemophilia genetic, like sickle cell disease?",
            "Is hemophilia genetic?",
            "like sickle cell disease",
        ),
        (
            "Is nickel allergy a true allergy or just irritation?",
            "Is nickel allergy an allergy?",
            "or just irritation",
        ),
        (
            "Is contact dermatitis a real allergy or just a skin irritation?",
            "Is contact dermatitis an allergy?",
            "or just a skin irritation",
        ),
        (
            "Is wheat allergy a real allergy or the same as celiac disease?",
            "Is wheat allergy an allergy?",
            "or the same as celiac disease",
        ),
        (
            "Is celiac disease an allergy or the same as gluten intolerance?",
            "Is celiac disease an allergy?",
            "or the same as gluten intolerance",
        ),
    ],
)
def test_the_other_part_is_named_as_not_judged(kb, text, plain, rest):
    q = parse_question(text, kb)
    assert (q.unjudged, q.also) == ((rest,), ())
    (a,) = ask(text, kb)
    (b,) = ask(plain, kb)
    assert (a.predicate, a.concept_id, a.verdict) == (b.predicate, b.concept_id, b.verdict)
    assert a.verdict != "unknown"
    assert f"does not judge the rest of the question: “{rest}”" in a.summary


@pytest.mark.parametrize(
    "text",
    [
        # a reversed direction: the knowledge base's link may run the other way
        "Does autoimmune disease increase the risk of non-Hodgkin lymphoma?",
        "Are autoimmune diseases a risk factor for lymphoma?",
        "Can autoimmune disease lead to lymphoma?",
        # one class of autoimmune disease, narrower than autoimmune disease in general
        "Is myocarditis associated with connective tissue disease?",
        # a cause: stronger than a link, and the reverse of the family's question
        "Can lupus cause myocarditis?",
        "Can allergies cause back pain?",
        "Do allergies cause Meniere's disease?",
        # a list, a cause, a route
        "What autoimmune diseases are linked to uveitis?",
        "What causes Isaacs syndrome?",
        "How do you get hepatitis A?",
        # which relative, a means, a time, a forecast
        "Is psoriasis hereditary from grandparents?",
        "Is scleroderma curable with medication?",
        "Is glomerulonephritis contagious after strep throat?",
        "If I have psoriasis will I give it to my child?",
        "My dad has gout, will I get it too?",
        "If you were allergic to penicillin as a child, can you outgrow it?",
        "Can adrenal insufficiency be reversed?",
        # passed to children, for a condition that can be caught: birth passes some infections on
        "Can herpes be passed to children?",
        "Can HIV be passed to your baby?",
        # a blistering disease where the knowledge base places the condition elsewhere
        "Is psoriasis an autoimmune blistering disease?",
        "Is lupus an autoimmune blistering disease?",
        # a comparison alone is no family's question
        "Is scleritis like pink eye?",
        # "the same as" with no family's side: whether two conditions are one
        "Is wheat allergy the same as celiac disease?",
        # "the same as" an allergy, for an allergy: "yes, an allergy" is not "the same allergy"
        "Is peanut allergy the same as a tree nut allergy?",
        "Is lupus the same as an autoimmune disease?",
        # "different from": the family's "no" would read "the same"
        "Is eczema different from a skin allergy?",
        "Is gout different from an autoimmune disease?",
    ],
)
def test_a_different_question_stays_unknown(kb, text):
    assert_stays_unknown(kb, text, single=False)


@pytest.mark.parametrize(
    "text, page, expected",
    [
        (
            "Is there a genetic link for hemophilia?",
            "Hemophilia is inherited. A gene change on the X chromosome passes from a parent to a "
            "child.",
            "yes",
        ),
        (
            "Is eczema contagious like chickenpox?",
            "Eczema is not contagious. You cannot catch it from another person, unlike chickenpox.",
            "no",
        ),
    ],
)
def test_a_page_asked_such_a_question_is_judged(kb, text, page, expected):
    assert_page_judged(kb, text, page, expected)


@pytest.mark.parametrize(
    "text, plain",
    [
        ("Is celiac disease the same as wheat allergy?", "Is celiac disease an allergy?"),
        (
            "Is lactose intolerance the same as a milk allergy?",
            "Is lactose intolerance an allergy?",
        ),
        ("Is gout the same as an autoimmune disease?", "Is gout autoimmune?"),
    ],
)
def test_the_same_as_a_kind_it_is_not_gets_the_familys_no(kb, text, plain):
    """A condition that is no allergy is no kind of allergy: the family's "no" answers "Is X the
    same as a Y allergy?"; its "yes" would not (above, kept unknown)."""
    (a,) = ask(text, kb)
    (b,) = ask(plain, kb)
    assert (a.predicate, a.concept_id, a.verdict) == (b.predicate, b.concept_id, "no")
