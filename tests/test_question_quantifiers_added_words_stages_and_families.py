"""Subjects and wordings that made the question another one, each answered with a verdict.

* A quantifier before a name: "Are all thyroid problems autoimmune?" got thyroid disease's
  "partly", "Are some types of eczema contagious?" eczema's "no", "Are both hepatitis B and C
  contagious?" hepatitis B's "yes". Whether a verdict holds of all, some or both of a class's
  kinds is another question than the class's own.
* A word added or dropped is no typo: "IgE-mediated allergy" was read as IgE-mediated food
  allergy, "pine nut allergy" as peanut allergy, "all inflammatory diseases" as autoinflammatory
  disease. Words typed together or apart ("chicken pox") keep their reading.
* A kind or a stage before a class's name where the class's verdict need not hold for it: "Is
  cold urticaria curable?" got hives' "yes", "Is heat urticaria genetic?" hives' "no", "Is latex
  asthma curable?" asthma's "no", "Is tertiary syphilis contagious?" and "Is scabbed over
  chickenpox contagious?" the infection's "yes". A kind of an infection ("swine flu") and a verdict that holds for every kind ("Is winter
  eczema contagious?": no) keep their reading.
* "Do head lice run in families?" and "Does TB run in families?" got inherited's "no": what is
  caught goes round a household too. Without a word of heredity ("genetic", "inherit") the
  inherited reading is kept only where the condition is not caught as a rule, nor caught at all
  where its answer would be "no" ("Does pink eye run in the family?"); "Does hair loss run in
  families?" keeps its "partly". "Can my daughter get my alopecia?" and "Can kids get pink eye?"
  got the contagious "partly", which answers neither the heredity nor the "can they have it"
  sense. A bare "transmitted" is either sense too: "Can hemophilia be transmitted?" got the
  contagious "no", though a mother transmits its gene to a son.
* "Can you outgrow an allergy to shellfish?" (outgrowing is unknown now) got food allergy's "partly" (the name was also lent
  to the class through a code two kinds share), though "a shellfish allergy" gets shellfish
  allergy's "no": a name turned round is the condition whose own name it is.
* "What is thalassemia trait?" defined thalassemia and "Is thalassemia trait curable?" got its
  "partly": a carrier of the gene is not a person with the condition.
"""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


def _no_verdict(kb, text: str) -> None:
    """No answer to ``text`` gives a verdict, and none is about a condition."""
    answers = ask(text, kb)
    assert answers
    for a in answers:
        assert a.verdict == "unknown", (text, a.verdict, a.concept_id, a.predicate)
    assert parse_question(text, kb).concept_id is None, text


def _kept(kb, text: str, cid: str) -> None:
    """``text`` is read as the condition ``cid`` and gets a verdict."""
    q = parse_question(text, kb)
    assert q.concept_id == cid, (text, q.concept_id, q.subject)
    assert any(a.verdict != "unknown" for a in ask(text, kb)), text


# each refused question beside one that must keep its reading (the name without the quantifier)
@pytest.mark.parametrize(
    "text, kept, cid",
    [
        (
            "are all thyroid problems autoimmune",
            "are thyroid problems autoimmune",
            "thyroid_disease",
        ),
        ("Are all thyroid problems genetic?", "Are thyroid problems genetic?", "thyroid_disease"),
        ("Are some types of eczema contagious?", "is baby eczema contagious", "atopic_dermatitis"),
        ("any type of psoriasis contagious", "is psoriasis contagious", "psoriasis"),
        (
            "are all primary immunodeficiencies genetic",
            "is primary immunodeficiency genetic",
            "primary_immunodeficiency",
        ),
        ("are both hepatitis b and c contagious", "is hepatitis b contagious", "hepatitis_b"),
        ("is every leukemia genetic", "is leukemia genetic", "leukemia"),
        ("Are all leukaemias genetic?", "Is leukaemia genetic?", "leukemia"),
        ("are all food allergies autoimmune", "are food allergies autoimmune", "food_allergy"),
        ("are all cold sores contagious", "are cold sores contagious", "herpes_labialis"),
        # "all" beside a "no" ("Are all kinds of eczema contagious?", "Are all lymphomas
        # contagious?") keeps the "no", which answers it whatever the kinds: see
        # test_question_allergy_kinds_a_mothers_baby_and_letters_read_two_ways.py
    ],
)
def test_a_quantifier_before_a_name_asks_another_question(kb, text, kept, cid):
    _no_verdict(kb, text)
    q = parse_question(text, kb)
    assert q.unresolved, text  # the answer says why
    _kept(kb, kept, cid)


# each refused question beside one that must keep its reading (the full name, a typo of it, or
# words typed together or apart)
@pytest.mark.parametrize(
    "text, kept, cid",
    [
        ("is ige mediated allergy genetic", "is ige mediated food allergy genetic", "food_allergy"),
        ("Is an IgE-mediated allergy autoimmune?", "Is a food allergy autoimmune?", "food_allergy"),
        ("is ige-mediated allergy curable", "is parvovirus contagious", "parvovirus_b19_infection"),
        ("is a pine nut allergy genetic", "is a peanut alergy genetic", "peanut_allergy"),
        ("Is pine nut allergy curable?", "is chicken pox contagious", "chickenpox"),
        (
            "are all inflammatory diseases contagious",
            "is autoinflammatory disease contagious",
            "autoinflammatory_disease",
        ),
        (
            "Are all inflammatory diseases genetic?",
            "is common variable immune deficiency genetic",
            "common_variable_immunodeficiency",
        ),
        (
            "are all inflammatory diseases autoimmune",
            "is primary immuno deficiency genetic",
            "primary_immunodeficiency",
        ),
        (
            "is an ige mediated allergy genetic",
            "Is alopecia areata (AA) hereditary?",
            "alopecia_areata",
        ),
    ],
)
def test_a_word_added_or_dropped_is_no_typo(kb, text, kept, cid):
    _no_verdict(kb, text)
    _kept(kb, kept, cid)


# each refused question beside one that must keep its reading and verdict (a neutral word, a kind
# of an infection, a verdict that holds for every kind)
@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        ("is cold urticaria curable", "is urticaria curable", "urticaria", "yes"),
        ("is chronic cold urticaria curable", "is baby hives curable", "urticaria", "yes"),
        ("Is cold hives curable?", "is hives in toddlers curable", "urticaria", "yes"),
        ("is heat urticaria genetic", "are my sons hives genetic", "urticaria", "no"),
        ("is latex asthma curable", "is my sons asthma curable", "asthma", "no"),
        ("Is pollen asthma curable?", "is severe asthma curable", "asthma", "no"),
        ("is pressure hives genetic", "is heat urticaria contagious", "urticaria", "no"),
        ("is cold urticaria genetic", "is cold urticaria contagious", "urticaria", "no"),
        (
            "is cold urticaria linked to autoimmune disease",
            "is scalp psoriasis linked to autoimmune disease",
            "psoriasis",
            "yes",
        ),
        (
            "are scabbed over chicken pox contagious",
            "is chicken pox contagious",
            "chickenpox",
            "yes",
        ),
        (
            "is dormant chickenpox contagious",
            "is severe chickenpox contagious",
            "chickenpox",
            "yes",
        ),
        ("is tertiary syphilis contagious", "is syphilis contagious", "syphilis", "yes"),
        ("Is late stage syphilis contagious?", "is swine flu contagious", "influenza", "yes"),
        (
            "is resolved hepatitis b contagious",
            "is chronic hepatitis b contagious",
            "hepatitis_b",
            "yes",
        ),
        ("is dead ringworm contagious", "is ringworm contagious", "tinea", "yes"),
        (
            "is a crusted cold sore contagious",
            "is a cold sore contagious",
            "herpes_labialis",
            "yes",
        ),
        (
            "is scabbed impetigo contagious",
            "is winter eczema contagious",
            "atopic_dermatitis",
            "no",
        ),
        ("is day 10 covid contagious", "is mild covid contagious", "covid_19", "yes"),
        ("is heat urticaria curable", "im allergic to latex is it genetic", "latex_allergy", "no"),
    ],
)
def test_a_kind_or_a_stage_whose_verdict_need_not_be_the_class(kb, text, kept, cid, verdict):
    _no_verdict(kb, text)
    q = parse_question(kept, kb)
    assert q.concept_id == cid, (kept, q.concept_id, q.subject)
    assert [a.verdict for a in ask(kept, kb)] == [verdict], kept


# each refused question beside one that must keep its reading and verdict (a word of heredity, a
# condition not caught as a rule)
@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        ("do head lice run in families", "is head lice genetic", "head_lice", "no"),
        ("Does TB run in families?", "is tb hereditary", "tuberculosis", "no"),
        ("does strep throat run in the family", "is strep throat genetic", "strep_throat", "no"),
        ("does scabies run in families", "does hair loss run in families", "alopecia", "partly"),
        (
            "does impetigo run in families",
            "does eczema run in families",
            "atopic_dermatitis",
            "partly",
        ),
        ("does covid run in families", "can you inherit hiv", "hiv_infection", "no"),
        ("does pink eye run in the family", "is pink eye genetic", "conjunctivitis", "no"),
        ("Does thrush run in families?", "does baldness run in families", "alopecia", "partly"),
        (
            "can my daughter get my alopecia",
            "can my son get conjunctivitis from me",
            "conjunctivitis",
            "partly",
        ),
        (
            "can my kids get my hair loss",
            "can my kids get cold sores from me",
            "herpes_labialis",
            "yes",
        ),
        ("can kids get pink eye", "can toddlers get head lice", "head_lice", "yes"),
        ("Can kids get hair loss?", "can my kids get psoriasis from me", "psoriasis", "partly"),
        (
            "are relatives of people with tb more likely to get it",
            "do allergies run in families",
            "allergy",
            "partly",
        ),
    ],
)
def test_running_in_a_family_is_not_heredity_where_it_is_caught(kb, text, kept, cid, verdict):
    assert [a.verdict for a in ask(text, kb)] == ["unknown"], text
    assert not parse_question(text, kb).understood, text
    q = parse_question(kept, kb)
    assert q.concept_id == cid, (kept, q.concept_id, q.subject)
    assert [a.verdict for a in ask(kept, kb)] == [verdict], kept


# the question, the condition it must be read as, and its verdict beside the same condition's
# name written the other way
@pytest.mark.parametrize(
    "text, same, cid",
    [
        (
            "can kids be cured of an allergy to shellfish",
            "can kids be cured of a shellfish allergy",
            "shellfish_allergy",
        ),
        (
            "Is an allergy to shellfish curable?",
            "is shellfish allergy curable",
            "shellfish_allergy",
        ),
    ],
)
def test_a_name_turned_round_is_its_own_condition_not_the_class_it_was_lent_to(kb, text, same, cid):
    q = parse_question(text, kb)
    assert q.concept_id == cid, (text, q.concept_id)
    assert [a.verdict for a in ask(text, kb)] == [a.verdict for a in ask(same, kb)], text


# each refused question beside one that must keep its reading and verdict (a condition caught as a
# rule, or a person named as whom it goes to)
@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        ("can hemophilia be transmitted", "can hiv be transmitted", "hiv_infection", "yes"),
        ("Can cystic fibrosis be transmitted?", "is hiv transmitted", "hiv_infection", "yes"),
        (
            "can celiac be transmitted",
            "can lupus be transmitted to others",
            "systemic_lupus_erythematosus",
            "no",
        ),
        ("is celiac transmitted", "can hepatitis b be transmitted", "hepatitis_b", "yes"),
    ],
)
def test_a_bare_transmitted_is_genes_or_germs(kb, text, kept, cid, verdict):
    assert [a.verdict for a in ask(text, kb)] == ["unknown"], text
    assert not parse_question(text, kb).understood, text
    q = parse_question(kept, kb)
    assert q.concept_id == cid, (kept, q.concept_id, q.subject)
    assert [a.verdict for a in ask(kept, kb)] == [verdict], kept


# each refused question beside one that must keep its reading (the condition itself, or a carrier
# of an infection, who has it)
@pytest.mark.parametrize(
    "text, kept, cid",
    [
        ("what is thalassemia trait", "what is thalassemia", "thalassemia"),
        ("Is thalassemia trait curable?", "is thalassemia curable", "thalassemia"),
        # (whether the carrier state is inherited keeps the condition's "yes": see
        # test_question_allergy_kinds_a_mothers_baby_and_letters_read_two_ways.py)
        ("is beta thalassemia trait curable", "is thalassaemia inherited", "thalassemia"),
        ("is alpha thalassemia silent carrier contagious", "is thalassemia genetic", "thalassemia"),
        # "minor" last names the carrier state too (a lent name, so read by the same vocabulary
        # as the words after a name); before a name it is a degree and keeps the reading
        ("is thalassemia minor curable", "Is minor eczema contagious?", "atopic_dermatitis"),
    ],
)
def test_a_carrier_state_is_not_the_condition(kb, text, kept, cid):
    _no_verdict(kb, text)
    _kept(kb, kept, cid)
