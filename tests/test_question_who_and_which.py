"""Questions about who or what a condition comes from, who gets it, and which thing a subject
names. Each case below was answered as another question before: "Can you catch Lyme disease from
a tick?" got "No" (read as "Is Lyme disease contagious?", so "not from a tick"), "Can you get HIV
from kissing?" and "... from a mosquito?" got "Yes", "Can you catch the flu from your dad?" got
"No" (read as "Is the flu inherited?"), "Can my siblings get my celiac?" got the inherited
"partly" (a sibling inherits nothing from the reader), "Is the virus behind reactive arthritis
contagious?" got reactive arthritis's "No", and "Is a sore throat contagious?" got strep throat's
"Yes"."""

from __future__ import annotations

import pytest

from conftest import assert_stays_unknown
from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text",
    [
        # an animal: the contagious verdict is about people ("yes" read as "yes, from a dog")
        "Can you get chickenpox from a dog?",
        "Can I catch the flu from my dog?",
        # (a record that names pets as a source answers for its own name alone:
        # tests/test_question_caught_from_a_pet.py; scabies's record says it is not caught from pets)
        "Can you catch scabies from a cat?",
        # a vector: the family's "no" would read "not from a tick", its "yes" "yes, by mosquito"
        "Can you catch Lyme disease from a tick?",
        "Can you get Lyme disease from a deer tick?",
        "Can you catch HIV from a mosquito?",
        # a route or an object: "yes, contagious" would read "yes, that way"
        "Can you get HIV from kissing?",
        # a kiss is a route as kissing is: "yes, contagious" would read "yes, from a kiss" for HIV
        "Can you get HIV from a kiss?",
        "Can a baby catch a cold sore from a kiss?",
        "Can you catch hepatitis B from a needle?",
        "Can you catch scabies from bedding?",
        "Can you catch strep throat from a toothbrush?",
        # a vaccine: "yes, contagious" would read "yes, from the vaccine"
        "Can you catch the flu from the flu shot?",
        "Can you catch measles from the MMR vaccine?",
        # a trigger: "no, not contagious" would read "stress cannot bring it on"
        "Can you get eczema from stress?",
        "Can you get hives from stress?",
        "Can you get psoriasis from a tattoo?",
        "Can you get thrush from antibiotics?",
        "Can you get lupus from a virus?",
        # another condition, or a person with another condition: whether one leads to the other
        "Can my baby catch chickenpox from my shingles?",
        "Can you catch shingles from chickenpox?",
        "Can you catch Guillain Barre from someone with the flu?",
        "Can you catch shingles from someone with chickenpox?",
        # a person at a time: whether it passes then, as "before the spots appear"
        "Can you catch covid from someone with no symptoms?",
    ],
)
def test_catching_it_from_what_is_no_person_stays_unknown(kb, text):
    assert_stays_unknown(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        # a parent is a person to catch it from: "no, not inherited" answers another question
        "Can you catch the flu from your dad?",
        "Can you get chickenpox from your mother?",
        # a sibling or the family inherit nothing from the reader
        "Can my siblings get my celiac?",
        "Can my sister get my psoriasis?",
        "Can my brother catch my eczema?",
        # a mother passes some conditions to her baby in pregnancy by other means than genes
        "Can I pass my thyroid disease to my baby?",
        "Can Graves disease be passed to the baby?",
        "Can psoriasis be passed to my baby?",
    ],
)
def test_other_people_that_the_family_does_not_answer_for_stay_unknown(kb, text):
    assert_stays_unknown(kb, text)


@pytest.mark.parametrize(
    "text, named",
    [
        # the germ that set off a condition that cannot be caught
        ("Is the virus behind reactive arthritis contagious?", "sets"),
        ("Is the bacteria behind rheumatic fever contagious?", "sets"),
        # a second condition, caused by the first
        ("Is hair loss from lupus contagious?", "names"),
        ("Is eczema from a food allergy contagious?", "names"),
        # people who have it and their risk, read as "Is lupus autoimmune?" before
        (
            "Are children of parents with lupus more likely to get autoimmune disease?",
            "people and their risk",
        ),
        # a test result, which people without the condition may have
        ("Is positive rheumatoid factor autoimmune?", "test"),
        ("Is high rheumatoid factor hereditary?", "test"),
        ("Are lupus antibodies hereditary?", "test"),
        # the end of a name ("streptococcal sore throat"): a symptom with many causes, not a misspelt
        # strep throat
        ("Is a sore throat contagious?", "short for"),
        ("Is sore throat contagious?", "short for"),
        # another illness called a flu: a gut infection, and avian influenza, which rarely passes
        # between people (influenza's "contagious: yes, person to person" answered both)
        ("Is stomach flu contagious?", "another illness"),
        ("Is bird flu contagious?", "another illness"),
        ("Is avian influenza contagious?", "another illness"),
    ],
)
def test_a_subject_that_names_something_else_is_not_answered(kb, text, named):
    """Never the condition's verdict; where the question is read at all, the answer says what
    the subject names instead (a form refused earlier, as framed, is not understood)."""
    q = parse_question(text, kb)
    assert q.predicate is None or (q.concept_id is None and named in (q.unresolved or ""))
    (a,) = ask(text, kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        # a person keeps the contagious question
        ("Can you get shingles from someone with shingles?", "contagious", "shingles"),
        ("Can you catch chickenpox from someone with chickenpox?", "contagious", "chickenpox"),
        ("Can you catch the flu from a coworker?", "contagious", "influenza"),
        ("Can you catch impetigo from another child?", "contagious", "impetigo"),
        ("Can my kids catch the flu from me?", "contagious", "influenza"),
        # heredity's own sources keep the inherited question
        ("Can you get lupus from your parents?", "inherited", "systemic_lupus_erythematosus"),
        ("Can you get eczema from your genes?", "inherited", "atopic_dermatitis"),
        ("Can psoriasis be passed to my kids?", "inherited", "psoriasis"),
        # the germ of an infection is the infection; a part of a condition is the condition
        ("Is the shingles virus contagious?", "contagious", "shingles"),
        ("Is the rash of lupus contagious?", "contagious", "systemic_lupus_erythematosus"),
        # a misspelt name is still read as the name it misspells
        ("Is multiple sclerosus hereditary?", "inherited", "multiple_sclerosis"),
        ("Is strep throt contagious?", "contagious", "strep_throat"),
    ],
)
def test_the_question_asked_keeps_its_reading(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id) == (predicate, concept) and q.understood
    (a,) = ask(text, kb)
    assert a.verdict != "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "Is CVID an immune system disease?",
        "Is SCID an immune system problem?",
        "Is AIDS an immune system disease?",
        "Is IgA deficiency an immune system disorder?",
        "Is leukemia an immune system disease?",
    ],
)
def test_a_disease_of_the_immune_system_itself_gets_no_verdict(kb, text):
    """ "An immune system disease" may mean a disease of the immune system: for a condition that
    weakens it or is a cancer of its cells, the family's "not caused by the immune system: No"
    would read "not a disease of the immune system"."""
    (a,) = ask(text, kb)
    assert a.verdict == "unknown" and "immune system itself" in str(a.to_dict())


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("Is rosacea an immune system problem?", "no"),
        ("Is ITP an immune system disease?", "yes"),
        ("Is HIV caused by the immune system?", "no"),
    ],
)
def test_the_immune_question_keeps_its_answer_elsewhere(kb, text, verdict):
    (a,) = ask(text, kb)
    assert a.predicate == "immune" and a.verdict == verdict
