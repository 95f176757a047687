"""check/page_answer.py: the page's answer combined from its assertions, sentence by sentence."""

import pytest

import healthlens.pipeline  # noqa: F401  (binds healthlens.check, the function, before its submodules load)
from conftest import make_page
from healthlens.check.page_answer import answer_from_assertions, assertion_weight
from healthlens.understand.assertions import Assertion

# these tests read the rules (the learned scorer is off; see conftest.rules_only)
pytestmark = pytest.mark.usefixtures("rules_only")


def A(
    sentence,
    polarity,
    basis="copula",
    speaker="page",
    place="body",
    hedged=False,
    pred="autoimmune",
):
    return Assertion(sentence, 0, 1, "x", pred, polarity, hedged, speaker, basis, place)


def answer(assertions, predicate="autoimmune"):
    return answer_from_assertions(None, assertions, predicate)


def test_no_assertion_is_not_answered_and_hedges_alone_are_unclear():
    assert answer([]) == ("not_answered", [])
    assert answer([A(2, "affirm", hedged=True), A(5, "link", basis="link")]) == ("unclear", [2, 5])


def test_a_direct_answer_decides_over_side_remarks():
    got = answer([A(3, "affirm", "answer", place="answer"), A(9, "deny", "mechanism")])
    assert got == ("yes", [3])


def test_a_direct_answer_against_a_firm_statement_is_partly():
    got = answer([A(3, "deny", "answer", place="answer"), A(9, "affirm", "example")])
    assert got[0] == "partly" and got[1] == [3, 9]


def test_firm_statements_both_ways_are_partly_and_weak_ones_yield_to_the_heavier():
    assert answer([A(1, "affirm"), A(4, "deny")])[0] == "partly"
    assert answer([A(1, "affirm"), A(4, "deny", "mechanism")]) == ("yes", [1])
    assert answer([A(1, "affirm", "mechanism"), A(4, "deny", "mechanism")])[0] == "partly"


def test_a_critic_view_counts_reversed_and_lighter():
    c = A(2, "affirm", speaker="critic")
    assert assertion_weight(c) == assertion_weight(A(2, "affirm")) / 2
    assert answer([c]) == ("no", [2])
    # the page's own firm statement outweighs the critic it reports
    assert answer([c, A(4, "affirm")]) == ("yes", [4])


def test_for_immune_causes_an_allergy_counts_and_a_denied_autoimmunity_does_not():
    assert answer([A(1, "affirm", pred="allergy")], "immune") == ("yes", [1])
    assert answer([A(1, "deny", pred="autoimmune")], "immune") == ("not_answered", [])


def test_issue_misses_read_right_on_whole_pages(kb):
    cases = [
        (
            "Is psoriasis autoimmune?",
            "Psoriasis and immunity\nIs psoriasis an autoimmune disease? We hear it a lot. "
            "Absolutely yes — that is textbook autoimmune behaviour.",
            "yes",
        ),
        (
            "Is psoriasis autoimmune?",
            "Psoriasis basics\nSpecialists now recognise psoriasis and psoriatic arthritis as "
            "autoimmune diseases.",
            "yes",
        ),
        (
            "Is Hashimoto's disease autoimmune?",
            "Thyroid basics\nHashimoto's disease is also called chronic autoimmune thyroiditis. "
            "Here the immune system makes antibodies that attack the gland.",
            "yes",
        ),
        (
            "Is celiac disease autoimmune?",
            "Gluten and the gut\nIn celiac disease, gluten sets off the immune system, which then "
            "attacks the lining of the small intestine.",
            "yes",
        ),
        (
            "Is lactose intolerance an allergy?",
            "Dairy trouble\nLactose intolerance is not an allergy but an intolerance: the gut "
            "makes too little lactase.",
            "no",
        ),
        (
            "Is histamine intolerance an allergy?",
            "Histamine intolerance\nSome people think histamine intolerance is an allergy, but "
            "the body simply clears histamine too slowly.",
            "no",
        ),
    ]
    for question, text, want in cases:
        page = make_page(text, kb, question=question)
        assert page.page_answer == want, (text, page.page_answer)
        assert page.answer_sentences, "an answer points at the sentences it rests on"


def test_how_health_writing_states_a_fact_is_not_a_hedge(kb):
    q = "Is psoriasis autoimmune?"
    stated = make_page(
        "Psoriasis\nMost experts believe psoriasis is an autoimmune disease.", kb, question=q
    )
    assert stated.page_answer == "yes"
    hedged = make_page(
        "Psoriasis\nA few researchers think psoriasis might be autoimmune.", kb, question=q
    )
    assert hedged.page_answer == "unclear"


def test_a_page_that_says_what_the_letters_stand_for_answers_a_definition_question(kb):
    q = "What does PMR stand for?"
    page = make_page(
        "Abbreviations\nIn clinic notes, PMR usually stands for polymyalgia rheumatica, a cause of "
        "stiff shoulders.",
        kb,
        question=q,
    )
    assert page.page_answer == "defined" and page.answer_sentences == [1]
    assert page.agrees_with_evidence is True
    silent = make_page("Stiff shoulders\nStiff shoulders are common after sixty.", kb, question=q)
    assert silent.page_answer == "not_answered" and silent.agrees_with_evidence is None


def test_a_link_question_is_answered_by_links_not_by_denied_autoimmunity(kb):
    q = "Is endometriosis linked to autoimmune disease?"
    page = make_page(
        "Endometriosis\nEndometriosis is not an autoimmune disease. Women with endometriosis were "
        "twice as likely to be diagnosed with an autoimmune condition in a large study.",
        kb,
        question=q,
    )
    assert page.page_answer == "yes" and page.answer_sentences == [2]
    none = make_page(
        "Endometriosis\nEndometriosis is not an autoimmune disease. It causes pelvic pain.",
        kb,
        question=q,
    )
    assert none.page_answer == "not_answered"


def test_membership_of_the_rival_class_answers_the_other_way(kb):
    page = make_page(
        "Gluten problems\nCeliac disease is an autoimmune disorder. Gluten damages the gut.",
        kb,
        question="Is celiac disease an allergy?",
    )
    assert page.page_answer == "no" and page.answer_sentences == [1]


def test_a_link_to_a_condition_that_is_autoimmune_answers_a_link_question(kb):
    page = make_page(
        "Thyroid and skin\nIn a large cohort, vitiligo was three times more common in people with "
        "Hashimoto's thyroiditis.",
        kb,
        question="Is vitiligo linked to autoimmune disease?",
    )
    assert page.page_answer == "yes" and page.answer_sentences == [1]


def test_other_causes_beside_the_property_make_it_partly(kb):
    page = make_page(
        "Hives\nHives are a common form of allergic reaction. Hives can also be caused by severe "
        "stress.",
        kb,
        question="Are hives an allergy?",
    )
    assert page.page_answer == "partly" and page.answer_sentences == [1, 2]


def test_a_pronoun_in_a_that_clause_carries_the_hedge_of_its_clause(kb):
    page = make_page(
        "Long COVID\nThe cause of long COVID is unclear, but some researchers believe that it may "
        "be an autoimmune condition.",
        kb,
        question="Is long COVID an autoimmune disease?",
    )
    assert page.page_answer == "unclear" and page.answer_sentences == [1]


def test_a_share_of_cases_makes_it_partly(kb):
    page = make_page(
        "EoE\nEosinophilic esophagitis is an allergic condition of the gullet. Not all cases are "
        "from a true food allergy; only about 40% of cases involve one.",
        kb,
        question="Is eosinophilic esophagitis an allergy?",
    )
    assert page.page_answer == "partly"


def test_family_questions_read_right_on_whole_pages(kb):
    cases = [
        (
            "Is eczema contagious?",
            "Eczema facts\nEczema is a common skin problem, often coming back, but absolutely not "
            "contagious. This page also explains whether it is contagious in babies.",
            "no",
        ),
        (
            "Is psoriasis contagious?",
            "Psoriasis questions\nIs psoriasis contagious? Many readers worry about it. No. Touching "
            "a plaque will not give it to you.",
            "no",
        ),
        (
            "Is vitiligo curable?",
            "White patches\nVitiligo is an autoimmune condition. No treatment can completely fix "
            "vitiligo, but several can bring some colour back.",
            "no",
        ),
        (
            "Is type 1 diabetes curable?",
            "Type 1 diabetes\nType 1 diabetes can be managed with insulin, but the cure for this "
            "disease still does not exist.",
            "no",
        ),
        (
            "Is ankylosing spondylitis hereditary?",
            "Spine health\nAnkylosing spondylitis can show up in several members of one family, "
            "yet it is not a purely genetic disease.",
            "partly",
        ),
        (
            "Is multiple sclerosis hereditary?",
            # genes take part though the disease is not passed down: partly (round 7; the
            # corpus labels this shape partly, as its guide reads "the susceptibility is
            # inherited, not the disease")
            "MS and family\nMultiple sclerosis is not hereditary, though genes play a part in who "
            "gets it.",
            "partly",
        ),
    ]
    for question, text, want in cases:
        page = make_page(text, kb, question=question)
        assert page.page_answer == want, (text, page.page_answer)
        assert page.answer_sentences, "an answer points at the sentences it rests on"


def test_either_half_of_a_multifactorial_inherited_verdict_agrees(kb):
    # the knowledge base holds multiple sclerosis "partly" inherited: genes raise the risk, it is
    # not passed down as such; a plain yes or no states one half, a partly states both
    for text, want in [
        ("MS and family\nMultiple sclerosis is not hereditary.", "no"),
        ("MS and family\nMultiple sclerosis is hereditary.", "yes"),
    ]:
        page = make_page(text, kb, question="Is multiple sclerosis hereditary?")
        assert (page.page_answer, page.agrees_with_evidence) == (want, True)
    # the opposite of a plain verdict does not agree: lupus is not curable
    page = make_page(
        "Lupus\nLupus can be cured with antibiotics.", kb, question="Is lupus curable?"
    )
    assert (page.page_answer, page.agrees_with_evidence) == ("yes", False)


def test_family_answers_one_step_from_the_verdict_agree_on_the_asked_condition(kb):
    # Graves disease is "partly" curable (remission on medicines; the overactivity ended for good
    # by radioactive iodine or surgery): a page stating either half agrees
    for text, want in [
        ("Graves disease\nThere is no cure for Graves disease.", "no"),
        ("Graves disease\nGraves disease can be cured.", "yes"),
    ]:
        page = make_page(text, kb, question="Is Graves disease curable?")
        assert (page.page_answer, page.agrees_with_evidence) == (want, True), text
    # psoriasis is not curable: a page that says some cases are agrees, one that says yes does not
    page = make_page(
        "Psoriasis\nSome cases of psoriasis can be cured.", kb, question="Is psoriasis curable?"
    )
    assert (page.page_answer, page.agrees_with_evidence) == ("partly", True)
    page = make_page(
        "Psoriasis\nPsoriasis can be cured with a cream.", kb, question="Is psoriasis curable?"
    )
    assert (page.page_answer, page.agrees_with_evidence) == ("yes", False)


def test_an_unclear_page_answer_is_compared_with_the_evidence(kb):
    text = "Notes\nSome researchers think {} may be autoimmune; others think it is not."
    # fibromyalgia is not autoimmune: leaving it open disagrees with what the evidence settles
    page = make_page(
        text.format("fibromyalgia"), kb, question="Is fibromyalgia an autoimmune disease?"
    )
    assert (page.page_answer, page.agrees_with_evidence) == ("unclear", False)
    # sarcoidosis is contested: leaving it open is what the evidence says
    page = make_page(
        text.format("sarcoidosis"), kb, question="Is sarcoidosis an autoimmune disease?"
    )
    assert (page.page_answer, page.agrees_with_evidence) == ("unclear", True)


def test_a_page_meaning_other_words_by_the_question_letters_answers_under_them(kb):
    # the page means group B strep by GBS; a reader asking about Guillain-Barré syndrome still
    # reads its answer, and that answer does not agree with what is known of Guillain-Barré
    page = make_page(
        "Pregnancy notes\nGroup B strep (GBS) is a germ many adults carry. GBS can pass from "
        "person to person through skin contact.",
        kb,
        question="Is Guillain-Barré syndrome (GBS) contagious?",
    )
    assert page.page_answer == "yes" and page.answer_sentences == [2]
    assert page.agrees_with_evidence is False


def test_glossary_entries_headwords_initials_and_the_page_own_question_define(kb):
    q = "What does PMR stand for?"

    def read(text):
        page = make_page(text, kb, question=q)
        return page.page_answer, page.answer_sentences

    # a glossary entry that opens on the letters or the name, with a separator
    assert read("Abbreviations\nPMR - Polymyalgia Rheumatica") == ("defined", [1])
    assert read("Abbreviations\nPolymyalgia rheumatica: an ache of the shoulders.") == (
        "defined",
        [1],
    )
    # the letters alone as a headword, and a dictionary gloss under them
    assert read("Word list\n2. pmr\nnoun. a shorthand used in clinics.") == ("defined", [2])
    # an expansion whose initials spell the letters, after a separator
    assert read("Forum\nOne reply: Pretty Many Riddles") == ("defined", [1])
    # the page asks what the letters mean and answers right after
    assert read("Notes\nWhat does PMR stand for? It stands for a muscle disorder.") == (
        "defined",
        [2],
    )
    # a separator in the middle of a sentence, or initials in running text, define nothing
    assert read("Notes\nWe talked about PMR today: nothing new.")[0] == "not_answered"
    assert read("Notes\nPeople may remember Pat Mary Rose at the clinic.")[0] == "not_answered"


def test_for_immune_causes_a_plain_not_autoimmune_beside_a_mechanism_is_partly():
    # "not an autoimmune disease, but the immune system plays a central role"
    got = answer([A(1, "deny", "copula"), A(2, "affirm", "mechanism", pred="immune")], "immune")
    assert got == ("partly", [1, 2])
    # a statement of the immune class outright still answers yes
    got = answer([A(1, "deny", "copula"), A(2, "affirm", "copula", pred="allergy")], "immune")
    assert got[0] == "yes"


def test_a_title_stating_the_opposite_does_not_veto_the_page_direct_answer():
    # a scraped title says one thing, the page's own answer below it the other: the later, more
    # specific statement wins
    got = answer([A(0, "deny", "copula", place="title"), A(3, "affirm", "answer", place="answer")])
    assert got == ("yes", [3])
    # a firm statement in the body still makes it partly
    got = answer([A(2, "deny", "copula"), A(3, "affirm", "answer", place="answer")])
    assert got[0] == "partly"


def test_the_germ_that_causes_a_condition_being_contagious_answers_yes(kb):
    # "that causes" is a relative clause's verb, not a modifier naming one form of the condition
    page = make_page(
        "Rashes in school\nThe bacteria that cause scarlet fever are contagious.",
        kb,
        question="Is scarlet fever contagious?",
    )
    assert page.page_answer == "yes"


def test_letters_written_as_a_word_before_stands_for_define(kb):
    q = "What does ITP stand for?"

    def read(text):
        return make_page(text, kb, question=q).page_answer

    assert read("Forum\nMy aunt has itp. Itp stands for a bleeding disorder.") == "defined"
    # the letters as a word elsewhere say nothing of what they mean
    assert read("Forum\nMy aunt has itp. Itp was found at her checkup.") == "not_answered"


def test_an_off_topic_page_answers_only_where_it_names_or_refers_to_the_letters(kb):
    # GBS spelled out as something else: a sentence about that thing's own subject says nothing
    # of Guillain-Barré syndrome, a sentence that refers back to the letters ("it") does
    q = "Is Guillain-Barré syndrome (GBS) curable?"
    page = make_page(
        "Support groups\nWhat is the Gamblers Bench Society or GBS? Members believe that gambling "
        "is a compulsion that can never be cured.",
        kb,
        question=q,
    )
    assert page.on_topic is False and page.page_answer == "not_answered"
    page = make_page(
        "Support groups\nWhat is the Gamblers Bench Society or GBS? Sadly there is no cure for it.",
        kb,
        question=q,
    )
    assert page.page_answer == "no"


def test_a_page_listing_several_readings_defines_by_the_first(kb):
    q = "What does BP stand for?"
    first = "On a skin clinic's chart, bullous pemphigoid (BP) is the usual reading."
    other = "On a ward chart, blood pressure (BP) is meant."
    page = make_page(f"Chart letters\n{first} {other}", kb, question=q)
    assert (page.page_answer, page.agrees_with_evidence) == ("defined", True)
    page = make_page(f"Chart letters\n{other} {first}", kb, question=q)
    assert (page.page_answer, page.agrees_with_evidence) == ("misdefined", False)


def test_a_mechanism_found_in_a_share_of_patients_is_partly(kb):
    # the guide's "partly": so for some cases and not others
    page = make_page(
        "Bladder pain\nAround 30% of people with interstitial cystitis carry autoantibodies "
        "against the bladder wall.",
        kb,
        question="Is interstitial cystitis caused by the immune system?",
    )
    assert page.page_answer == "partly" and page.answer_sentences == [1]
    page = make_page(
        "Bladder pain\nIn interstitial cystitis, autoantibodies attack the bladder wall.",
        kb,
        question="Is interstitial cystitis caused by the immune system?",
    )
    assert page.page_answer == "yes"


def test_a_denied_way_of_spreading_yields_to_the_way_the_page_says_it_spreads(kb):
    q = "Is leprosy contagious?"
    page = make_page(
        "Leprosy facts\nLeprosy cannot be caught by touch. It is caught through "
        "droplets in the air, after long close contact.",
        kb,
        question=q,
    )
    assert page.page_answer == "yes" and page.answer_sentences == [2]
    page = make_page("Leprosy facts\nLeprosy is a weakly infectious disease.", kb, question=q)
    assert page.page_answer == "yes"
    page = make_page("Leprosy facts\nLeprosy cannot be caught by touch.", kb, question=q)
    assert page.page_answer == "no"


def test_asking_how_a_condition_spreads_takes_for_granted_that_it_does(kb):
    page = make_page(
        "Leprosy\nHow is leprosy passed on? Mostly in droplets from the nose and mouth.",
        kb,
        question="Is leprosy contagious?",
    )
    assert page.page_answer == "yes" and page.answer_sentences == [1]
    # asking whether it spreads says nothing; a plain denial outweighs the question's presumption
    page = make_page(
        "Leprosy\nCan you catch leprosy from a towel? Ask your nurse.",
        kb,
        question="Is leprosy contagious?",
    )
    assert page.page_answer == "not_answered"
    page = make_page(
        "Eczema\nHow is eczema spread? Eczema is not contagious at all.",
        kb,
        question="Is eczema contagious?",
    )
    assert page.page_answer == "no"


def test_the_answer_announced_after_a_question_about_passing_it_on(kb):
    page = make_page(
        "Joints\nWill my son get rheumatoid arthritis from me? Will I pass it on to him? "
        "Happily, the short answer to that question is: no. Genes only nudge the odds.",
        kb,
        question="Is rheumatoid arthritis hereditary?",
    )
    assert page.page_answer == "no" and page.answer_sentences == [3]


def test_a_condition_gone_after_a_while_answers_does_it_go_away(kb):
    for text in (
        "Stiff shoulders\nWith steroids, polymyalgia rheumatica is usually gone within three years.",
        "Stiff shoulders\nPolymyalgia rheumatica goes away in a couple of years for most people.",
    ):
        page = make_page(text, kb, question="Does polymyalgia rheumatica go away?")
        assert page.page_answer == "yes", text


def test_shedding_the_germ_is_spreading_it(kb):
    page = make_page(
        "Toddlers\nChildren with cytomegalovirus infection shed the virus in their saliva for "
        "months.",
        kb,
        question="Is cytomegalovirus contagious?",
    )
    assert page.page_answer == "yes" and page.answer_sentences == [1]


def test_a_cure_for_some_patients_only_is_partly(kb):
    q = "Is sickle cell disease curable?"
    for text in (
        "Blood\nA stem cell transplant can cure sickle cell disease in a small number of "
        "children with a matched donor.",
        "Blood\nA bone marrow transplant is a cure for sickle cell disease for some children.",
    ):
        page = make_page(text, kb, question=q)
        assert page.page_answer == "partly", text


def test_a_condition_clustering_in_families_leans_hereditary(kb):
    for text in (
        "Hormones\nPolycystic ovary syndrome clusters in families, from mothers to daughters.",
        "Hormones\nFor polycystic ovary syndrome, a family history is the best predictor.",
    ):
        page = make_page(text, kb, question="Is PCOS hereditary?")
        assert page.page_answer == "yes", text


def test_a_heading_stating_its_thesis_as_the_class(kb):
    q = "Is sarcoidosis an autoimmune disease?"
    page = make_page(
        "Sarcoidosis as an Autoimmune Disease\nWe review the findings of the last decade.",
        kb,
        question=q,
    )
    assert page.page_answer == "yes" and page.answer_sentences == [0]
    page = make_page(
        "Sarcoidosis as an autoimmune disease?\nWe review the findings of the last decade.",
        kb,
        question=q,
    )
    assert page.page_answer == "not_answered"


def test_a_link_reported_with_a_hedge_answers_a_link_question_yes(kb):
    q = "Is vitamin D deficiency linked to autoimmune disease?"
    page = make_page(
        "Vitamin D\nResearch suggests that vitamin D deficiency may be linked to autoimmune "
        "disease.",
        kb,
        question=q,
    )
    assert page.page_answer == "yes" and page.answer_sentences == [1]
    # near misses: a link the page calls unsettled, and a hedge on another question
    for text in (
        "Vitamin D\nWhether vitamin D deficiency is linked to autoimmune disease remains unclear.",
        "Vitamin D\nVitamin D deficiency may be linked to autoimmune disease, but the evidence is "
        "conflicting.",
    ):
        page = make_page(text, kb, question=q)
        assert page.page_answer in ("unclear", "partly"), text
    page = make_page(
        "Vitamin D\nVitamin D deficiency may be an autoimmune disease.",
        kb,
        question="Is vitamin D deficiency an autoimmune disease?",
    )
    assert page.page_answer == "unclear"


def test_some_cases_being_autoimmune_is_a_link(kb):
    page = make_page(
        "POI\nPrimary ovarian insufficiency is not always autoimmune.",
        kb,
        question="Is primary ovarian insufficiency linked to autoimmune disease?",
    )
    assert page.page_answer == "yes"
    # near miss: the same sentence answers the class question partly
    page = make_page(
        "POI\nPrimary ovarian insufficiency is not always autoimmune.",
        kb,
        question="Is primary ovarian insufficiency autoimmune?",
    )
    assert page.page_answer == "partly"


def test_hedged_links_weigh_half_and_are_never_firm():
    links = [A(2, "affirm", "link", hedged=True)]
    assert answer(links, "link") == ("yes", [2])
    assert answer([*links, A(4, "deny", "link")], "link")[0] == "no"  # 0.75 against 1.5


def test_a_weak_scope_beside_a_much_heavier_yes_leaves_the_yes():
    yes = [
        A(1, "affirm", "mechanism", pred="inherited"),
        A(2, "affirm", "mechanism", place="answer"),
    ]
    scoped = A(5, "partly", "scoped", pred="inherited")  # "a genetic predisposition": 1.5
    assert answer([*yes, scoped], "inherited") == ("yes", [1, 2])  # 3.0 against 1.5
    # near misses: a yes not twice as heavy, and a partly said outright ("in part hereditary")
    assert answer([yes[0], scoped], "inherited")[0] == "partly"
    partial = A(5, "partly", "partial", pred="inherited")
    assert answer([*yes, partial], "inherited")[0] == "partly"


def test_appositions_elided_glossary_heads_and_bracketed_expansions_define(kb):
    q = "What does PMR stand for?"

    def read(text):
        # "misdefined" where the page's expansion is not the knowledge base's: still an answer
        page = make_page(text, kb, question=q)
        said = "defined" if page.page_answer == "misdefined" else page.page_answer
        return said, page.answer_sentences

    # the letters, then what they abbreviate in an apposition
    assert read("Shop talk\nPMR, an acronym for Pretty Many Riddles, came up at lunch.") == (
        "defined",
        [1],
    )
    assert read("Shop talk\nOur PMR, short for Pattern Matching Routine, runs nightly.") == (
        "defined",
        [1],
    )
    # a glossary entry whose headword is left out, a hyphenated word giving a letter per part
    assert read("Glossary\nStands for Pattern-Matching Routine.") == ("defined", [1])
    assert read("Glossary\nAcronym for Pretty Many Riddles.") == ("defined", [1])
    # the expansion in brackets after the letters, where the abbreviation finder reads none
    assert read("Devices\nThe PMR (Pressure-managed Respirator) sets itself.")[0] == "defined"
    # brackets or an acronym that spell other letters define nothing
    assert read("Devices\nThe PMR (a small box) sets itself.")[0] == "not_answered"
    assert read("Glossary\nAcronym for Big Blue Machines.")[0] == "not_answered"


def test_a_headword_naming_the_condition_and_a_description_under_it_define(kb):
    q = "What is Stevens-Johnson syndrome?"

    def read(text):
        page = make_page(text, kb, question=q)
        return page.page_answer, page.answer_sentences

    assert read("Answers\nStevens-Johnson syndrome.\nA rare and severe reaction of the skin.") == (
        "defined",
        [2],
    )
    # a one-word section heading between them, or a description whose subject is left out
    assert read("Answers\nSJS.\nDefinition\nAn emergency where the skin blisters and peels.") == (
        "defined",
        [3],
    )
    assert read("Answers\nStevens-Johnson syndrome:\nIs one of the gravest drug reactions.") == (
        "defined",
        [2],
    )
    # a headword with no description under it, or a name inside a longer sentence, does not
    assert read("Answers\nStevens-Johnson syndrome.\nWe met on Tuesday.")[0] == "not_answered"
    assert read("Answers\nMy aunt had Stevens-Johnson syndrome.\nA long story.")[0] == (
        "not_answered"
    )


def test_the_page_asking_what_the_condition_it_names_is_answers_right_after(kb):
    page = make_page(
        "Questions\nWhat is drug-induced lupus? Some medicines bring on a rash and aching joints "
        "much like lupus.",
        kb,
        question="What is drug-induced lupus?",
    )
    assert (page.page_answer, page.answer_sentences) == ("defined", [2])
    # a list of questions answers none of them
    page = make_page(
        "Questions\nWhat is drug-induced lupus? What causes it?",
        kb,
        question="What is drug-induced lupus?",
    )
    assert page.page_answer == "not_answered"


def test_a_denied_route_such_as_saliva_or_food_yields_to_the_way_it_spreads(kb):
    q = "Is hepatitis B contagious?"
    page = make_page(
        "Hepatitis B facts\nHepatitis B is not spread through saliva, so sharing a fork is safe. "
        "It can be spread by sexual contact.",
        kb,
        question=q,
    )
    assert page.page_answer == "yes" and page.answer_sentences == [2]
    page = make_page(
        "Hepatitis B facts\nHepatitis B is not passed on by coughing or sneezing. "
        "It spreads through contact with infected blood.",
        kb,
        question=q,
    )
    assert page.page_answer == "yes"
    # alone, the denied route still leans no; a plain denial stays a denial
    page = make_page("Hepatitis B facts\nHepatitis B is not spread through saliva.", kb, question=q)
    assert page.page_answer == "no"
    page = make_page(
        "Eczema facts\nEczema is not contagious. It can flare in the winter.",
        kb,
        question="Is eczema contagious?",
    )
    assert page.page_answer == "no"


def test_saying_it_is_not_appropriate_to_call_it_so_denies(kb):
    page = make_page(
        "Ask a doctor\nIt is not appropriate to say that gastritis is contagious, as what passes "
        "between people is a germ that may cause it.",
        kb,
        question="Is gastritis contagious?",
    )
    assert page.page_answer == "no"


def test_a_question_quoted_inside_a_sentence_answers_nothing(kb):
    page = make_page(
        "Living with psoriasis\nGuess which guest has psoriasis? I still get rude stares. Or "
        "the even bolder “is that contagious?” question.",
        kb,
        question="Is psoriasis contagious?",
    )
    assert page.page_answer == "not_answered"
    # the same words stated, not quoted as a question, still answer
    page = make_page(
        "Living with psoriasis\nPsoriasis draws stares on the bus. Psoriasis is not contagious.",
        kb,
        question="Is psoriasis contagious?",
    )
    assert page.page_answer == "no"


def test_a_full_recovery_answers_whether_it_can_be_cured(kb):
    q = "Is Kawasaki disease curable?"

    def read(text):
        return make_page(text, kb, question=q).page_answer

    assert read("Heart clinic\nMost children make a full recovery after Kawasaki disease.") == "yes"
    assert (
        read(
            "Heart clinic\nMost children with Kawasaki disease get better and have no long-term effects."
        )
        == "yes"
    )
    # a recovery of some children only leaves the others: partly
    assert (
        read("Heart clinic\nSome children with Kawasaki disease make a full recovery.") == "partly"
    )
    # a recovery that is not full says nothing of a cure
    assert (
        read("Heart clinic\nChildren with Kawasaki disease recover in hospital.") == "not_answered"
    )


def test_the_ways_a_condition_is_transmitted_take_for_granted_that_it_spreads(kb):
    q = "Is HIV contagious?"
    page = make_page(
        "HIV basics\nYou cannot get HIV from a door knob. The three main ways HIV is transmitted "
        "are listed below.",
        kb,
        question=q,
    )
    assert page.page_answer == "yes" and page.answer_sentences == [2]
    # ways it is not transmitted deny only those ways
    page = make_page(
        "HIV basics\nHIV is not transmitted by saliva, so a shared glass is safe.", kb, question=q
    )
    assert page.page_answer == "no"


def test_a_family_property_stated_with_a_copula_in_the_answer_is_the_page_direct_answer(kb):
    from healthlens.check.page_answer import (
        _firm_sides,
        _own_assertions,
        _states_in_answer,
        assertion_weight,
    )
    from healthlens.understand.assertions import read_assertions

    def stands(text, rules="yes"):
        page = make_page(text, kb, question="Is hepatitis B contagious?")
        found = read_assertions(page, {"hepatitis_b"}, "contagious")
        live = [(a, w) for a in _own_assertions(found, "contagious") if (w := assertion_weight(a))]
        return _states_in_answer(page, found, "contagious", rules, _firm_sides(live)[1])

    asked = "Kissing and hepatitis B\nIs hepatitis B contagious? "
    assert stands(asked + "Hepatitis B is a contagious liver infection.")
    # hedged, or said the other way too, or not the rules' answer: the model may still weigh in
    assert not stands(asked + "Hepatitis B may be a contagious infection.")
    assert not stands(asked + "Hepatitis B is a contagious liver infection.", rules="partly")
    assert not stands(
        asked + "Hepatitis B is a contagious liver infection. Hepatitis B is not contagious."
    )
    # a way it spreads is not the page's direct answer in so many words
    assert not stands(asked + "The virus is spread through blood.")


def test_an_author_affiliation_line_is_no_sentence_for_the_model_to_rest_on():
    from healthlens.check.page_answer import _AFFILIATION

    for line in (
        "6 Department of Dermatology and Allergy, School of Medicine, Example University, Munich",
        "Division of Allergy and Immunology, Children's Hospital of Example, Ohio",
        "b Institute for Immunology, Example Medical Center, Boston",
    ):
        assert _AFFILIATION.match(line), line
    for sentence in (
        "The department of allergy sees many children with this rash.",
        "Mast cell activation syndrome is not an allergy, say doctors at the university.",
        "Department of Health advice: hives are usually an allergic reaction.",
    ):
        assert not _AFFILIATION.match(sentence), sentence


def test_answers_outright_with_the_page_counts_a_copular_family_answer_as_the_reader_does(kb):
    # the training script emulates the combination with answers_outright: given the page and
    # the rules' answer it holds what read_page_answer_both holds
    from healthlens.check.page_answer import answers_outright
    from healthlens.understand.assertions import read_assertions

    page = make_page(
        "Kissing and hepatitis B\nIs hepatitis B contagious? Hepatitis B is a contagious liver "
        "infection.",
        kb,
        question="Is hepatitis B contagious?",
    )
    found = read_assertions(page, {"hepatitis_b"}, "contagious")
    assert answers_outright(found, "contagious", page, "yes")
    assert not answers_outright(found, "contagious", page, "partly")


def test_an_expansion_wrapped_across_two_lines_still_defines_the_letters(kb):
    # a hard-wrapped page: the long form's first word ends one line, the rest opens the next
    q = "What does SSc stand for?"
    page = make_page(
        "Clinic notes\nSystemic\nsclerosis (SSc; also called scleroderma) hardens the skin and "
        "the organs.",
        kb,
        question=q,
    )
    assert page.page_answer == "defined"
    # and a wrapped statement is read whole: its subject on one line, the class on the next
    page = make_page(
        "Clinic notes\nOur clinic sees many patients, and systemic sclerosis is an\nautoimmune "
        "disease of the skin.",
        kb,
        question="Is systemic sclerosis an autoimmune disease?",
    )
    assert page.page_answer == "yes"
