"""understand/clause_evidence.py, the general fallback reader, on pages written by hand in our own
words: the condition and a property term tied in one clause, read for polarity, hedge and scope;
and the clauses it must not read."""

import healthlens.pipeline  # noqa: F401  (binds healthlens.check, the function, before its submodules load)
from conftest import make_page
from healthlens.understand.clause_evidence import clause_answer, clause_evidence


def read(kb, text, target, predicate):
    page = make_page(text, kb)
    return (
        page,
        clause_evidence(page, {target}, predicate),
        clause_answer(page, {target}, predicate),
    )


def said(page, evidence):
    return [page.text[e.start : e.end] for e in evidence]


# --- one case per family --------------------------------------------------------------------


def test_immune_by_a_hedged_clause_about_the_disease(kb):
    page, ev, answer = read(
        kb,
        "Sarcoidosis\nSarcoidosis is a disease of the lungs and skin. Doctors now hold that the "
        "disease could come from a fault in the immune response after contact with some agent.",
        "sarcoidosis",
        "immune",
    )
    assert [(e.polarity, e.hedged, e.doubted) for e in ev] == [("affirm", True, True)]
    assert "immune response" in said(page, ev)[0]
    # "could come from", and nothing firmer on the page: a possibility, so partly
    assert answer == ("partly", [2])


def test_a_yes_resting_only_on_doubts_is_partly_but_a_stated_view_is_yes(kb):
    _, ev, answer = read(
        kb,
        "Sarcoidosis\nSarcoidosis is a disease of the lungs and skin. Sarcoidosis might "
        "possibly come from a fault in the immune response after contact with some agent.",
        "sarcoidosis",
        "immune",
    )
    assert ev and all(e.doubted for e in ev)
    assert answer[0] == "partly"
    # near miss: "is thought to" states what the page holds; it lightens the clause, no more
    _, ev, answer = read(
        kb,
        "Sarcoidosis\nSarcoidosis is a disease of the lungs and skin. Sarcoidosis is thought to "
        "come from a fault in the immune response after contact with some agent.",
        "sarcoidosis",
        "immune",
    )
    assert [(e.hedged, e.doubted) for e in ev] == [(True, False)]
    assert answer[0] == "yes"


def test_allergy_as_a_reaction_of_the_defences_to_a_food_substance(kb):
    page, ev, answer = read(
        kb,
        "Alpha-gal syndrome\nAlpha-gal syndrome is a reaction of the body's defences to a sugar "
        "found in red meat.",
        "alpha_gal_syndrome",
        "allergy",
    )
    assert answer[0] == "yes"
    assert said(page, ev)[0].startswith("Alpha-gal syndrome is a reaction")


def test_curable_yes_and_no(kb):
    _, _, answer = read(
        kb,
        "Lyme disease\nLyme disease is caught from the bite of a tick. The infection can be "
        "eradicated with a course of antibiotics.",
        "lyme_disease",
        "curable",
    )
    assert answer == ("yes", [2])
    _, ev, answer = read(
        kb,
        "Lupus\nLupus is a long-term disease. It is a lifelong condition that doctors keep in "
        "check with medicine.",
        "systemic_lupus_erythematosus",
        "curable",
    )
    assert answer == ("no", [2]) and ev[0].polarity == "deny"


def test_hereditary_by_the_parents_and_its_negation(kb):
    _, _, answer = read(
        kb,
        "Hemophilia\nHemophilia is a bleeding disorder. It is handed down from parents to "
        "children through a faulty gene.",
        "hemophilia",
        "inherited",
    )
    assert answer == ("yes", [2])
    _, _, answer = read(
        kb,
        "Vitiligo facts\nVitiligo shows as pale patches. Vitiligo is not something you inherit "
        "from your mother or father.",
        "vitiligo",
        "inherited",
    )
    assert answer[0] == "no"


def test_contagious_denied_after_the_anaphor(kb):
    page, ev, answer = read(
        kb,
        "Psoriasis\nPsoriasis is a skin disease. It does not spread from person to person.",
        "psoriasis",
        "contagious",
    )
    assert answer == ("no", [2])
    assert said(page, ev)[0].startswith("It does not spread")


def test_link_to_a_condition_the_knowledge_base_holds_autoimmune(kb):
    from healthlens.check.page_answer import autoimmune_ids

    page = make_page(
        "Celiac disease and diabetes\nIn a large cohort, celiac disease was tied to a raised "
        "risk of type 1 diabetes later in childhood.",
        kb,
    )
    ev = clause_evidence(page, {"celiac_disease"}, "link", autoimmune_ids=autoimmune_ids(kb))
    assert [e.polarity for e in ev] == ["affirm"]
    # without the autoimmune condition named there is nothing to link to
    page = make_page(
        "Celiac disease and bones\nCeliac disease was tied to a raised risk of weak bones.", kb
    )
    assert (
        clause_evidence(page, {"celiac_disease"}, "link", autoimmune_ids=autoimmune_ids(kb)) == []
    )


# --- negation shapes, scope and mixed pages -------------------------------------------------


def test_not_a_but_b_affirms_b(kb):
    _, ev, answer = read(
        kb,
        "Psoriasis\nPsoriasis is not brought on by dirt or germs but by an overactive immune "
        "system.",
        "psoriasis",
        "immune",
    )
    assert answer[0] == "yes" and ev[0].polarity == "affirm"


def test_scope_words_make_it_partly(kb):
    _, ev, answer = read(
        kb,
        "Alzheimer disease\nAlzheimer disease in some families is handed down from a parent.",
        "alzheimer_disease",
        "inherited",
    )
    assert [e.polarity for e in ev] == ["partly"]
    assert answer[0] == "partly"


def test_opposite_clauses_of_like_weight_make_it_partly(kb):
    _, _, answer = read(
        kb,
        "Hives\nHives is often a reaction of the immune system to a food. Hives that last for "
        "months are without any immune cause.",
        "urticaria",
        "immune",
    )
    assert answer[0] == "partly"


# --- where it must not fire ----------------------------------------------------------------


def test_a_whether_clause_and_a_critic_are_not_evidence(kb):
    for text in (
        "Psoriasis\nPsoriasis is a skin disease. This article explains whether psoriasis "
        "spreads from person to person.",
        "Psoriasis\nPsoriasis is a skin disease. Some people think that psoriasis spreads from "
        "person to person.",
        "Psoriasis\nPsoriasis is a skin disease. Can psoriasis spread from person to person?",
    ):
        _, ev, answer = read(kb, text, "psoriasis", "contagious")
        assert ev == [] and answer == ("not_answered", [])


def test_the_term_of_another_condition_or_of_the_name_itself(kb):
    # the allergy belongs to asthma, named between them
    _, ev, _ = read(
        kb,
        "Eczema\nEczema often comes with asthma, which is frequently an allergic disease.",
        "atopic_dermatitis",
        "allergy",
    )
    assert ev == []
    # "allergy" inside the condition's own name says nothing
    _, ev, _ = read(
        kb,
        "Oral allergy syndrome\nOral allergy syndrome is common in spring and lasts minutes.",
        "oral_allergy_syndrome",
        "allergy",
    )
    assert ev == []


def test_a_heading_without_a_verb_and_an_anaphor_for_another_condition(kb):
    _, ev, _ = read(kb, "Psoriasis\nPsoriasis and the immune system", "psoriasis", "immune")
    assert ev == []
    # the page is about asthma: "it" is asthma, not the asked condition
    page = make_page(
        "Asthma\nAsthma narrows the airways. Asthma is very common. It is driven by the immune "
        "system.",
        kb,
    )
    assert clause_evidence(page, {"psoriasis"}, "immune") == []


def test_a_treatment_named_for_the_condition_is_not_its_subject(kb):
    _, ev, _ = read(
        kb,
        "Rheumatoid arthritis\nPills for rheumatoid arthritis only ease pain and cannot be "
        "called cures.",
        "rheumatoid_arthritis",
        "curable",
    )
    assert ev == []


# --- the hook: only for an on-topic page the listed rules leave unanswered --------------------


def test_the_check_uses_it_for_an_unanswered_on_topic_page_with_offsets(kb):
    page = make_page(
        # a form the assertion rules don't list (they read "could come from a fault in the
        # immune response" themselves since issue 12's second round), so the fallback answers
        "Sarcoidosis\nSarcoidosis is a disease of the lungs and skin. Granulomas, small clumps of "
        "inflammatory cells, are what sarcoidosis involves.",
        kb,
        question="Is sarcoidosis caused by the immune system?",
    )
    assert page.on_topic is True
    assert page.page_answer == "yes"
    [i] = page.answer_sentences
    s = page.sentences[i]
    assert page.text[s.start : s.end] == s.text and "inflammatory cells" in s.text


def test_the_check_never_uses_it_off_topic(kb):
    page = make_page(
        "Asthma\nAsthma narrows the airways. Asthma is very common. It is driven by the immune "
        "system.",
        kb,
        question="Is sarcoidosis caused by the immune system?",
    )
    assert page.on_topic is False
    assert page.page_answer == "not_answered"


def test_a_kind_of_the_condition_is_partly_and_an_alias_is_not(kb):
    # the property names one kind of the condition: so for some forms only
    _, ev, answer = read(
        kb,
        "Asthma at home\nAllergic asthma is a form of asthma that flares up every spring.",
        "asthma",
        "allergy",
    )
    assert answer[0] == "partly" and {e.polarity for e in ev} == {"partly"}
    # "usually" scopes it the same way
    _, _, answer = read(
        kb, "Hives\nHives is usually an allergic response to a food.", "urticaria", "allergy"
    )
    assert answer[0] == "partly"
    # but a name the page gives the condition is the condition
    _, ev, _ = read(
        kb,
        "Eczema\nAlso called allergic eczema, it shows as dry patches on the arms.",
        "atopic_dermatitis",
        "allergy",
    )
    assert [e.polarity for e in ev] == ["affirm"]


def test_an_adverse_reaction_to_food_is_not_by_itself_an_allergy(kb):
    _, ev, answer = read(
        kb,
        "Lactose intolerance\nLactose intolerance is an unpleasant reaction to milk sugar in food.",
        "lactose_intolerance",
        "allergy",
    )
    assert ev == [] and answer[0] == "not_answered"
