"""understand/assertions.py on hand-built pages in our own words: what each sentence asserts about
the asked condition, who asserts it, and where it stands."""

import healthlens.pipeline  # noqa: F401  (binds healthlens.check, the function, before its submodules load)
from conftest import make_page
from healthlens.check.page_answer import answer_from_assertions
from healthlens.understand.assertions import read_assertions


def read(kb, text, target, predicate="autoimmune"):
    page = make_page(text, kb)
    return page, read_assertions(page, {target}, predicate)


def shapes(assertions):
    return [(a.sentence, a.polarity, a.basis, a.speaker) for a in assertions]


def test_a_direct_answer_after_the_page_restates_its_question(kb):
    page, got = read(
        kb,
        "Skin and immunity\nIs psoriasis an autoimmune disease? Readers ask us every week. "
        "Absolutely yes — that is textbook autoimmune behaviour.",
        "psoriasis",
    )
    answer = [a for a in got if a.basis == "answer"]
    assert [(a.sentence, a.polarity, a.place) for a in answer] == [(3, "affirm", "answer")]
    assert page.text[answer[0].start : answer[0].end].startswith("Absolutely yes")


def test_an_answer_word_far_from_any_question_is_not_an_answer(kb):
    _, got = read(
        kb,
        "Skin and immunity\nIs psoriasis an autoimmune disease? One. Two. Three. Four. "
        "Yes, the weather matters too.",
        "psoriasis",
    )
    assert not [a for a in got if a.basis == "answer"]


def test_hedged_openers_and_partial_answers(kb):
    _, got = read(
        kb, "Psoriasis\nIs psoriasis autoimmune? Not exactly. It has features of both.", "psoriasis"
    )
    assert ("partly", "answer") in [(a.polarity, a.basis) for a in got]


def test_experts_recognizing_two_conditions_as_a_class(kb):
    _, got = read(
        kb,
        "Psoriasis basics\nDermatologists today recognise psoriasis and psoriatic arthritis as "
        "autoimmune conditions.",
        "psoriasis",
    )
    assert ("affirm", "recognized", "page") in [(a.polarity, a.basis, a.speaker) for a in got]


def test_alias_class_and_mechanism_without_the_word_in_a_copula(kb):
    _, got = read(
        kb,
        "Hashimoto's disease\nHashimoto's disease is also called chronic autoimmune thyroiditis. "
        "In Hashimoto's disease, the immune system makes antibodies that attack the thyroid. "
        "It is the most common form of autoimmune thyroid disease.",
        "hashimoto_thyroiditis",
    )
    bases = {a.basis: a.polarity for a in got}
    assert bases.get("alias") == "affirm"
    assert bases.get("mechanism") == "affirm"
    assert bases.get("class") == "affirm"


def test_mechanism_of_another_condition_is_not_read_for_the_target(kb):
    _, got = read(
        kb,
        "Gut troubles\nIrritable bowel syndrome causes cramps. In celiac disease, the immune system "
        "attacks the lining of the small intestine.",
        "irritable_bowel_syndrome",
    )
    assert [a for a in got if a.basis == "mechanism"] == []


def test_allergy_from_its_mechanism_and_its_denial(kb):
    _, yes = read(
        kb,
        "Peanut reactions\nIn peanut allergy, the body mounts an IgE reaction to a food protein.",
        "peanut_allergy",
        "allergy",
    )
    assert ("affirm", "mechanism") in [(a.polarity, a.basis) for a in yes]
    _, no = read(
        kb,
        "Dairy trouble\nLactose intolerance comes from too little lactase. "
        "It does not involve the immune system.",
        "lactose_intolerance",
        "allergy",
    )
    assert ("deny", "mechanism") in [(a.polarity, a.basis) for a in no]


def test_views_the_page_argues_against_are_the_critics(kb):
    _, got = read(
        kb,
        "Dairy trouble\nSome people think lactose intolerance is an allergy, but it is a problem "
        "with digesting milk sugar.",
        "lactose_intolerance",
        "allergy",
    )
    assert [(a.polarity, a.speaker) for a in got] == [("affirm", "critic")]
    _, myth = read(
        kb,
        "Myths\nMyth: histamine intolerance is an allergy. Fact: the body cannot clear histamine fast enough.",
        "histamine_intolerance",
        "allergy",
    )
    assert [(a.polarity, a.speaker) for a in myth] == [("affirm", "critic")]


def test_a_cited_source_is_recorded_as_the_speaker(kb):
    _, got = read(
        kb,
        "Celiac disease\nAccording to the National Institutes of Health, celiac disease is an "
        "autoimmune disorder.",
        "celiac_disease",
    )
    assert [(a.polarity, a.speaker) for a in got] == [("affirm", "source")]


def test_title_and_lede_places(kb):
    _, got = read(
        kb,
        "Why celiac disease is autoimmune\nFirst line. Second line. Third line. Fourth line. "
        "Celiac disease is an autoimmune disease.",
        "celiac_disease",
    )
    assert [a.place for a in got] == ["title", "body"]


def test_other_properties_and_questions_give_nothing(kb):
    page = make_page("Celiac disease\nCeliac disease is an autoimmune disease.", kb)
    assert read_assertions(page, {"celiac_disease"}, "definition") == []
    assert read_assertions(page, set(), "autoimmune") == []


def test_a_subject_that_joins_two_predicates_keeps_the_second(kb):
    _, got = read(
        kb,
        "Nerves\nGuillain-Barré syndrome is counted among the peripheral neuropathies and is an "
        "autoimmune disease of the nerves.",
        "guillain_barre_syndrome",
    )
    assert ("affirm", "copula") in [(a.polarity, a.basis) for a in got]


def test_the_page_naming_its_condition_by_the_class(kb):
    _, got = read(
        kb,
        "Psoriasis and creams\nPsoriasis shows up as plaques. Creams can soothe this autoimmune "
        "disease for a while.",
        "psoriasis",
    )
    assert ("affirm", "pronoun") in [(a.polarity, a.basis) for a in got]


def test_a_definition_without_its_subject_under_the_title(kb):
    _, got = read(
        kb,
        "Guillain-Barré syndrome\nAn acute inflammatory autoimmune neuritis of the peripheral nerves.",
        "guillain_barre_syndrome",
    )
    assert [(a.polarity, a.place) for a in got] == [("affirm", "lede")]
    _, got = read(
        kb,
        "Guillain-Barré syndrome\nAn autoimmune disorder causing weakness of the legs.",
        "guillain_barre_syndrome",
    )
    assert [(a.polarity, a.place) for a in got] == [("affirm", "lede")]


def test_a_sentence_about_the_class_under_the_title_is_no_definition(kb):
    # the class words are the subject of a verb of their own: the sentence says what the class
    # is, not what the page's condition is
    for text in (
        "Guillain-Barré syndrome\nAn autoimmune disease happens when the body turns on itself.",
        "Guillain-Barré syndrome\nThe term autoimmune disease describes a body at war with itself.",
        "Guillain-Barré syndrome\nAn autoimmune condition typically involves many organs.",
    ):
        _, got = read(kb, text, "guillain_barre_syndrome")
        assert got == [], text
    for text in (
        "Hay fever\nAn allergy is the body reacting to something harmless.",
        "Hay fever\nAn allergic reaction can be mild or severe.",
    ):
        _, got = read(kb, text, "allergic_rhinitis", "allergy")
        assert got == [], text


def test_a_condition_named_as_the_one_compared_lacks_the_subject_class(kb):
    # "unlike X, Y is ...": Y is the subject, and X is set apart from what Y is
    for text in (
        "Joint pain\nUnlike osteoarthritis, rheumatoid arthritis is an autoimmune disease.",
        "Joint pain\nIn contrast to osteoarthritis, rheumatoid arthritis is an autoimmune disease.",
    ):
        page, got = read(kb, text, "osteoarthritis")
        assert [(a.polarity, a.basis) for a in got] == [("deny", "contrast")], text
        assert answer_from_assertions(page, got, "autoimmune")[0] == "no", text
    # a denial of the subject's class leaves the compared one's open; a list shares the class
    _, got = read(
        kb,
        "Joint pain\nUnlike osteoarthritis, rheumatoid arthritis is not an autoimmune disease.",
        "osteoarthritis",
    )
    assert got == []
    _, got = read(
        kb,
        "Joint pain\nOsteoarthritis, rheumatoid arthritis and lupus are autoimmune diseases.",
        "osteoarthritis",
    )
    assert [a.polarity for a in got] == ["affirm"]


def test_one_class_but_not_the_other(kb):
    _, got = read(
        kb, "Gout\nGout is an auto-inflammatory disease, but not an autoimmune disease.", "gout"
    )
    assert ("deny", "copula") in [(a.polarity, a.basis) for a in got]


def test_immune_causes_and_cells_attacking_healthy_tissue(kb):
    _, got = read(
        kb, "Asthma\nAsthma is the result of an overactive immune system.", "asthma", "immune"
    )
    assert ("affirm", "mechanism") in [(a.polarity, a.basis) for a in got]
    _, cells = read(
        kb,
        "Psoriasis\nT cells guard the skin. With psoriasis, they attack healthy skin cells by mistake.",
        "psoriasis",
    )
    assert ("affirm", "mechanism") in [(a.polarity, a.basis) for a in cells]


def test_an_apposed_class_and_a_hedge_that_belongs_to_a_relative_clause(kb):
    _, got = read(
        kb,
        "Pollen and fruit\nOral allergy syndrome (OAS), a class 2 food allergy that may affect "
        "people with hay fever, makes the mouth itch.",
        "oral_allergy_syndrome",
        "allergy",
    )
    assert ("affirm", "class", False) in [(a.polarity, a.basis, a.hedged) for a in got]


def test_a_hypothesis_reported_far_back_in_the_clause_is_hedged(kb):
    _, got = read(
        kb,
        "Long COVID\nSome have hypothesized that long COVID is a type of autoimmune disease.",
        "long_covid",
    )
    assert got and all(a.hedged for a in got)


# --- contagious, inherited, curable ----------------------------------------------------------


def test_a_direct_answer_to_the_page_own_family_question(kb):
    _, got = read(
        kb,
        "Skin notes\nIs psoriasis contagious? We get this question often. No, you cannot get it "
        "by touching someone's plaques.",
        "psoriasis",
        "contagious",
    )
    assert ("deny", "answer", "answer") in [(a.polarity, a.basis, a.place) for a in got]


def test_family_evidence_by_mechanism_without_the_word(kb):
    # an infection's cause says contagious; a gene change passed from a parent says inherited
    _, got = read(
        kb,
        "Sore throats\nStrep throat is caused by bacteria that spread through tiny droplets "
        "and shared surfaces.",
        "strep_throat",
        "contagious",
    )
    assert ("affirm", "mechanism") in [(a.polarity, a.basis) for a in got]
    _, got = read(
        kb,
        "Blood basics\nSickle cell disease is caused by a gene mutation passed down from both "
        "parents.",
        "sickle_cell_disease",
        "inherited",
    )
    assert ("affirm", "mechanism") in [(a.polarity, a.basis) for a in got]


def test_no_cure_but_managed_is_a_denial_and_the_cure_question_is_not_evidence(kb):
    _page, got = read(
        kb,
        "Living with lupus\nThis guide covers whether lupus can be cured. For now no treatment "
        "can fully cure lupus, though medicines keep it in check for years.",
        "systemic_lupus_erythematosus",
        "curable",
    )
    assert [(a.sentence, a.polarity) for a in got] == [(2, "deny")]


def test_scope_words_and_partial_heredity(kb):
    _, got = read(
        kb,
        "Gut health\nCrohn's disease is not a purely genetic illness.",
        "crohn_disease",
        "inherited",
    )
    assert [(a.polarity, a.basis) for a in got] == [("partly", "partial")]
    _, got = read(
        kb,
        "Gut health\nIn rare cases Crohn's disease is caused by a single gene mutation.",
        "crohn_disease",
        "inherited",
    )
    assert [(a.polarity, a.basis) for a in got] == [("partly", "scoped")]


def test_defining_the_term_is_not_evidence_about_the_condition(kb):
    _, got = read(
        kb,
        "Multiple sclerosis and family\nMultiple sclerosis raises many questions. A hereditary "
        "condition is one that parents hand to their children.",
        "multiple_sclerosis",
        "inherited",
    )
    assert got == []


def test_a_majority_is_not_a_scope(kb):
    # "most cases" leans the page's way; "in rare cases" limits the statement to some
    _, got = read(
        kb,
        "Family questions\nMost cases of lupus are not inherited from a parent.",
        "systemic_lupus_erythematosus",
        "inherited",
    )
    assert [a.polarity for a in got] == ["deny"]
    assert all(a.basis != "scoped" for a in got)
    _, got = read(
        kb,
        "Family questions\nIn rare cases lupus is passed down from a parent.",
        "systemic_lupus_erythematosus",
        "inherited",
    )
    assert [(a.polarity, a.basis) for a in got] == [("partly", "scoped")]


def test_allergy_read_from_allergens_histamine_and_a_body_that_overreacts(kb):
    for text in (
        "Spring notes\nHay fever is set off by allergens such as grass pollen.",
        "Spring notes\nWith hay fever, the body reacts to tiny particles like pollen as if they "
        "were dangerous.",
        "Spring notes\nIn hay fever, mast cells in the nose release histamine.",
    ):
        _, got = read(kb, text, "allergic_rhinitis", "allergy")
        assert [(a.polarity, a.basis, a.hedged) for a in got] == [("affirm", "mechanism", False)], (
            text
        )


def test_a_condition_told_apart_from_the_class_or_only_likened_to_it(kb):
    _, got = read(
        kb,
        "Digestion\nLactose intolerance is often confused with a milk allergy.",
        "lactose_intolerance",
        "allergy",
    )
    assert [(a.polarity, a.basis) for a in got] == [("deny", "contrast")]
    _, got = read(
        kb,
        "Digestion\nLactose intolerance is a milk allergy.",
        "lactose_intolerance",
        "allergy",
    )
    assert [(a.polarity, a.basis) for a in got] == [("affirm", "copula")]


def test_a_property_word_naming_the_target_in_an_alias(kb):
    page, got = read(
        kb,
        "Skin notes\nSometimes called allergic eczema, it starts in early childhood.",
        "atopic_dermatitis",
        "allergy",
    )
    assert [(a.polarity, a.basis) for a in got] == [("affirm", "alias")]
    assert page.text[got[0].start : got[0].end] == "allergic eczema"


def test_immune_causes_named_by_their_agents_and_the_immune_class(kb):
    for text, target in (
        (
            "Gland notes\nGraves disease results from autoimmunity against the thyroid.",
            "graves_disease",
        ),
        ("Skin notes\nPsoriasis is driven by overactive T cells.", "psoriasis"),
        (
            "Skin notes\nIn psoriasis, lymphocytes become overactive and cause inflammation.",
            "psoriasis",
        ),
        (
            "Gland notes\nIn Graves disease, antibodies lead to the destruction of thyroid tissue.",
            "graves_disease",
        ),
        ("Gut notes\nCeliac disease is an immune reaction to gluten in food.", "celiac_disease"),
    ):
        _, got = read(kb, text, target, "immune")
        assert "affirm" in {a.polarity for a in got}, text
    _, got = read(
        kb,
        "Pain notes\nFibromyalgia is a problem of how pain is processed, not an immune disorder.",
        "fibromyalgia",
        "immune",
    )
    assert [a.polarity for a in got] == ["deny"]


def test_inherited_forms_of_degree_verbs_and_family_risk(kb):
    def polarities(text, target="psoriasis"):
        _, got = read(kb, "Family questions\n" + text, target, "inherited")
        return [(a.polarity, a.basis) for a in got]

    # a degree word in a denial denies only the pure form: partly
    assert polarities("Psoriasis is not directly inherited.") == [("partly", "partial")]
    assert polarities("Psoriasis isn't passed down directly from a parent.") == [
        ("partly", "partial")
    ]
    assert polarities("Psoriasis is partly hereditary.") == [("partly", "partial")]
    # inheriting a tendency is not inheriting the disease
    assert polarities("People inherit certain genes that make psoriasis more likely.") == [
        ("partly", "scoped")
    ]
    # a family's raised risk and "runs in families" lean yes, weakly
    assert polarities("A family history of psoriasis raises the chance of getting it.") == [
        ("affirm", "mechanism")
    ]
    assert polarities("Psoriasis tends to run in families.") == [("affirm", "mechanism")]
    # the verb and the cause
    assert ("affirm", "mechanism") in polarities(
        "Most boys with hemophilia inherit it from their mother.", "hemophilia"
    )
    # a heading that starts with "Inheritance" says nothing
    assert polarities("Inheritance and risk of psoriasis explained for readers.") == []


def test_more_answer_openers_after_the_page_own_question(kb):
    def opener(answer):
        _, got = read(
            kb, f"Spring notes\nIs hay fever an allergy? {answer}", "allergic_rhinitis", "allergy"
        )
        return [a.polarity for a in got if a.basis == "answer"]

    assert opener("It depends. Pollen is one cause.") == ["partly"]
    assert opener("Not necessarily. Other things cause it too.") == ["partly"]
    assert opener("Generally, yes. Pollen is the usual cause.") == ["affirm"]
    assert opener("Medically speaking, no. It is something else.") == ["deny"]


def test_not_always_non_and_a_corrected_view(kb):
    def shapes_of(text, target="urticaria"):
        _, got = read(kb, "Skin notes\n" + text, target, "allergy")
        return {(a.polarity, a.speaker) for a in got}

    # "not always" / "not all" deny only the whole: partly
    assert shapes_of("Hives are not always caused by an allergy.") == {("partly", "page")}
    # "non-allergic" denies the class
    assert shapes_of(
        "Lactose intolerance is a non-allergic food reaction.", "lactose_intolerance"
    ) == {("deny", "page")}
    # a view the page corrects in the same sentence is a critic's
    got = shapes_of(
        "Celiac disease is sometimes called a gluten allergy, but that is not correct.",
        "celiac_disease",
    )
    assert got and all(speaker == "critic" for _, speaker in got)


def test_a_naming_the_page_judges_wrong_is_a_critics_view(kb):
    def speakers(text, target="hidradenitis_suppurativa"):
        _, got = read(kb, "Skin notes\n" + text, target)
        return {(a.polarity, a.speaker) for a in got}

    # the naming itself judged wrong, in its own sentence or corrected by the next one
    for text in (
        "Calling hidradenitis suppurativa autoimmune is not quite accurate.",
        "Labelling hidradenitis suppurativa as an autoimmune disease is a misnomer.",
        "Many people call hidradenitis suppurativa an autoimmune disease. But research from "
        "recent years shows that is not quite accurate.",
    ):
        got = speakers(text)
        assert got and all(speaker == "critic" for _, speaker in got), text
    # a naming the page stands by, and a later sentence that corrects something else, stay its own
    for text in (
        "Calling hidradenitis suppurativa autoimmune is now common among dermatologists.",
        "Hidradenitis suppurativa is an autoimmune disease. It often starts after puberty, and "
        "the idea that it comes from poor hygiene is not correct.",
    ):
        got = speakers(text)
        assert ("affirm", "page") in got, text


def test_not_always_contagious_is_partly(kb):
    _, got = read(
        kb,
        "Throat notes\nStrep throat is not always contagious once treatment has started.",
        "strep_throat",
        "contagious",
    )
    assert [a.polarity for a in got] == ["partly"]


def test_a_sentence_naming_no_condition_tells_how_the_last_named_works(kb):
    _, got = read(
        kb,
        "Spring notes\nHay fever is common in spring. The sneezing is set off by histamine "
        "released in the nose.",
        "allergic_rhinitis",
        "allergy",
    )
    assert [(a.sentence, a.polarity, a.basis) for a in got] == [(2, "affirm", "mechanism")]
    # a sentence about the class itself, or naming another condition, says nothing of it
    _, got = read(
        kb,
        "Skin notes\nEczema is common. Allergies are the immune system mistaking harmless "
        "pollen for a threat.",
        "atopic_dermatitis",
        "allergy",
    )
    assert got == []
    _, got = read(
        kb,
        "Gout notes\nGout is painful. Its crystals form in the joints, not by the immune system.",
        "gout",
        "immune",
    )
    assert {a.polarity for a in got} == {"deny"}


def test_a_name_that_holds_the_property_is_a_weak_yes(kb):
    page, got = read(
        kb,
        "Spring notes\nHay fever (allergic rhinitis) brings sneezing and itchy eyes.",
        "allergic_rhinitis",
        "allergy",
    )
    assert [(a.polarity, a.basis) for a in got] == [("affirm", "named")]
    assert page.text[got[0].start : got[0].end] == "allergic rhinitis"
    # the word before the page's usual name names one form of it
    _, got = read(
        kb,
        "Breathing\nAsthma is common. Allergic asthma starts in childhood.",
        "asthma",
        "allergy",
    )
    assert [a.basis for a in got if a.basis == "named"] == []


def test_curable_and_contagious_in_more_verb_forms(kb):
    def polarity(text, target, prop):
        _, got = read(kb, "Notes\n" + text, target, prop)
        return {a.polarity for a in got}

    lupus = "systemic_lupus_erythematosus"
    assert polarity("Doctors have not yet found a cure for lupus.", lupus, "curable") == {"deny"}
    assert polarity("Scientists hope to find a cure for lupus one day.", lupus, "curable") == {
        "deny"
    }
    assert polarity(
        "Strep throat clears up within days with antibiotics.", "strep_throat", "curable"
    ) == {"affirm"}
    assert polarity(
        "Children with strep throat can infect others at school.", "strep_throat", "contagious"
    ) == {"affirm"}
    assert polarity(
        "Shaking hands with someone who has lupus will not give you lupus.", lupus, "contagious"
    ) == {"deny"}


def test_other_causes_brought_on_make_it_partly(kb):
    _, got = read(
        kb,
        "Skin notes\nHives are itchy welts. Hives can also be brought on by cold or pressure.",
        "urticaria",
        "immune",
    )
    assert [(a.sentence, a.polarity) for a in got] == [(2, "partly")]


def test_attacks_on_named_body_parts_and_a_pronoun_after_a_verb_of_belief(kb):
    _, got = read(
        kb,
        "Skin notes\nIn vitiligo the immune system attacks pigment cells.",
        "vitiligo",
    )
    assert [(a.polarity, a.basis) for a in got] == [("affirm", "mechanism")]
    # attacking invaders is what an immune system does anyway
    _, got = read(
        kb,
        "Skin notes\nIn vitiligo the immune system still attacks infected cells as usual.",
        "vitiligo",
    )
    assert got == []
    _, got = read(
        kb,
        "Skin notes\nVitiligo causes pale patches. Most dermatologists agree it is autoimmune.",
        "vitiligo",
    )
    assert [(a.sentence, a.polarity, a.basis) for a in got] == [(2, "affirm", "pronoun")]


def test_a_condition_occurring_alongside_an_autoimmune_one_is_a_link(kb):
    page = make_page(
        "Gut notes\nCeliac disease often occurs alongside type 1 diabetes.",
        kb,
        question="Is celiac disease linked to autoimmune disease?",
    )
    assert page.page_answer == "yes"


def test_research_suggests_reports_a_finding_but_may_still_hedges(kb):
    _, got = read(
        kb, "Skin notes\nResearch suggests vitiligo is an autoimmune condition.", "vitiligo"
    )
    assert [(a.polarity, a.hedged) for a in got] == [("affirm", False)]
    _, got = read(kb, "Skin notes\nResearch suggests vitiligo may be autoimmune.", "vitiligo")
    assert all(a.hedged for a in got)


def test_a_question_word_before_the_name_is_not_a_modifier(kb):
    # "Why psoriasis isn't contagious" says it of psoriasis, not of one form of it
    _, got = read(
        kb,
        "Why psoriasis isn't contagious\nPatches cannot spread by touch.",
        "psoriasis",
        "contagious",
    )
    assert [(a.sentence, a.polarity) for a in got][:1] == [(0, "deny")]


def test_inherited_not_as_such_and_by_its_pattern(kb):
    def polarities(text, target="systemic_lupus_erythematosus"):
        _, got = read(kb, "Family questions\n" + text, target, "inherited")
        return [a.polarity for a in got]

    # genes take part, but the disease is not handed down as such: partly
    assert polarities("Lupus is not inherited in a simple way.") == ["partly"]
    assert polarities("You cannot inherit lupus directly.") == ["partly"]
    assert polarities("Genes alone do not cause lupus.") == ["partly"]
    assert polarities("Lupus comes from a mix of genes and things in the environment.") == [
        "partly"
    ]
    # an autosomal pattern, or passing down in families, is inheritance
    assert polarities("Cystic fibrosis is an autosomal recessive disorder.", "cystic_fibrosis") == [
        "affirm"
    ]


def test_non_immunoglobulin_lacks_and_its_thought(kb):
    # "non-IgE-mediated food allergy" is still an allergy: "non-immunoglobulin" denies nothing
    _, got = read(
        kb,
        "Food notes\nFPIES is a non-immunoglobulin E mediated food allergy of infants.",
        "food_protein_induced_enterocolitis_syndrome",
        "allergy",
    )
    assert "deny" not in {a.polarity for a in got}
    # "lacks" negates the mechanism
    _, got = read(
        kb,
        "Pain notes\nFibromyalgia is common. It lacks the autoantibodies of other diseases.",
        "fibromyalgia",
    )
    assert {a.polarity for a in got} == {"deny"}
    # "It's thought that" is how health writing states a view, not a hedge
    _, got = read(
        kb,
        "Lung notes\nIt's thought that sarcoidosis happens when the immune system attacks the "
        "body's own tissues.",
        "sarcoidosis",
        "immune",
    )
    assert got and not any(a.hedged for a in got)


def test_a_failed_proof_and_a_statement_about_one_form(kb):
    _, got = read(
        kb,
        "Sleep notes\nNarcolepsy is a sleep disorder. All attempts to show that narcolepsy is an "
        "autoimmune disease have failed.",
        "narcolepsy",
    )
    assert [(a.sentence, a.polarity) for a in got] == [(2, "deny")]
    _, got = read(
        kb,
        "Sleep notes\nThere is no evidence that narcolepsy is an autoimmune disease.",
        "narcolepsy",
    )
    assert [a.polarity for a in got] == ["deny"]
    # the subject is another condition, a type of the asked one: so for some cases
    _, got = read(
        kb,
        "Lung notes\nAllergic asthma is a type of asthma triggered by allergens like pollen.",
        "asthma",
        "allergy",
    )
    assert "partly" in {a.polarity for a in got} and "affirm" not in {a.polarity for a in got}


def test_casual_contact_polygenic_and_an_infection_eradicated(kb):
    def polarities(text, target, prop):
        _, got = read(kb, "Notes\n" + text, target, prop)
        return [a.polarity for a in got]

    # not spread by everyday contact: a denial that leans, not a firm one
    _, got = read(
        kb,
        "Notes\nYou can't give someone strep throat through casual contact.",
        "strep_throat",
        "contagious",
    )
    assert {(a.polarity, a.basis) for a in got} == {("deny", "most")}
    assert set(
        polarities(
            "Lupus is polygenic, so more than one gene is involved.",
            "systemic_lupus_erythematosus",
            "inherited",
        )
    ) == {"partly"}
    assert set(
        polarities(
            "Antibiotics eradicate the infection in strep throat within days.",
            "strep_throat",
            "curable",
        )
    ) == {"affirm"}


def test_a_copula_with_many_modifiers(kb):
    _, got = read(
        kb,
        "Food notes\nFPIES is a delayed, non-IgE-mediated, gut-centred food allergy of infants.",
        "food_protein_induced_enterocolitis_syndrome",
        "allergy",
    )
    assert ("affirm", "copula") in {(a.polarity, a.basis) for a in got}
    # a comparison between them says nothing of the class
    _, got = read(
        kb,
        "Food notes\nFPIES is a delayed reaction, unlike a typical food allergy.",
        "food_protein_induced_enterocolitis_syndrome",
        "allergy",
    )
    assert ("affirm", "copula") not in {(a.polarity, a.basis) for a in got}


def test_a_class_apposed_after_a_dash_answers_a_link_question(kb):
    page = make_page(
        "Postural orthostatic tachycardia syndrome (POTS) -- a new member of the autoimmune "
        "family\nA short editorial.",
        kb,
        question="Is POTS linked to autoimmune disease?",
    )
    assert page.page_answer == "yes" and page.answer_sentences == [0]


def test_inherited_by_a_faulty_gene_and_a_child_chance(kb):
    def polarities(text):
        _, got = read(kb, "How it passes on\n" + text, "cystic_fibrosis", "inherited")
        return {a.polarity for a in got}

    assert polarities("Cystic fibrosis is caused by a faulty gene in the lungs' cells.") == {
        "affirm"
    }
    assert polarities(
        "A child of two carriers has a 1 in 4 chance of getting cystic fibrosis."
    ) == {"affirm"}


def test_a_cause_named_as_an_autoimmune_process(kb):
    _, got = read(
        kb,
        "Skin notes\nThe cause of vitiligo is unclear, but it is thought to relate to an "
        "autoimmune process.",
        "vitiligo",
    )
    assert [(a.polarity, a.hedged) for a in got] == [("affirm", False)]


def test_a_heading_colon_as_copula_and_two_conditions_told_apart(kb):
    _, got = read(
        kb, "Lupus: an autoimmune disease\nIt affects many organs.", "systemic_lupus_erythematosus"
    )
    assert [(a.sentence, a.polarity) for a in got][:1] == [(0, "affirm")]
    _, got = read(
        kb, "Eczema: not an allergy\nMany parents wonder.", "atopic_dermatitis", "allergy"
    )
    assert [(a.sentence, a.polarity) for a in got] == [(0, "deny")]
    _, got = read(
        kb,
        "Gut notes\nCeliac disease and wheat allergy are not the same thing.",
        "celiac_disease",
        "allergy",
    )
    assert [(a.polarity, a.basis) for a in got] == [("deny", "contrast")]


def test_contagious_denied_as_something_nobody_catches(kb):
    lupus = "systemic_lupus_erythematosus"
    for text in ("Lupus isn't something you can catch.", "No one can catch lupus from you."):
        _, got = read(kb, "Lupus notes\n" + text, lupus, "contagious")
        assert {a.polarity for a in got} == {"deny"}, text


def test_a_cure_always_years_away_or_only_closer_is_none_yet(kb):
    lupus = "systemic_lupus_erythematosus"
    for text in (
        "A cure for lupus is only ten years away, or so we have been told for decades.",
        "New drugs bring us closer to a real cure for lupus.",
    ):
        _, got = read(kb, "Lupus notes\n" + text, lupus, "curable")
        assert {a.polarity for a in got} == {"deny"}, text


def test_the_question_letters_stand_for_the_asked_condition_for_every_question(kb):
    page = make_page(
        "Tick bites\nAGS is a serious allergic condition that follows a tick bite.",
        kb,
        question="Is AGS an allergy?",
    )
    assert page.page_answer == "yes" and page.answer_sentences == [1]


# --- round 3: forms read from dev batch 3's misses (sentences in our own words) ---------------


def test_for_immune_causes_a_denied_autoantibody_denies_only_autoimmunity(kb):
    # no autoantibodies: not autoimmune, yet the immune system may still be the cause
    _, got = read(
        kb,
        "Fever in toddlers\nKawasaki disease comes with no autoantibodies in the blood.",
        "kawasaki_disease",
        "immune",
    )
    assert not [a for a in got if a.predicate == "immune" and a.polarity == "deny"]
    page = make_page(
        "Fever in toddlers\nKawasaki disease comes with no autoantibodies in the blood. "
        "Researchers describe Kawasaki disease as an innate immune disorder.",
        kb,
        question="Is Kawasaki disease caused by the immune system?",
    )
    assert page.page_answer == "yes"


def test_a_germ_that_triggers_an_immunologic_response_is_a_causal_chain(kb):
    # the infection is the trigger of the subject's immune mechanism, not another subject;
    # "immunologic" is the immune system's adjective too
    text = (
        "Face weakness\n{}Bell's palsy is caused by a viral infection that sets off an "
        "immunologic reaction in the facial nerve."
    )
    _, got = read(kb, text.format(""), "bell_palsy", "immune")
    assert ("affirm", "mechanism", False) in [(a.polarity, a.basis, a.hedged) for a in got]
    # "some scientists believe": only some hold it, so it stays a hedge; "scientists believe" is
    # how health writing states what it holds
    _, got = read(kb, text.format("Some scientists believe that "), "bell_palsy", "immune")
    assert [a.hedged for a in got if a.basis == "mechanism"] == [True]
    _, got = read(kb, text.format("Scientists believe that "), "bell_palsy", "immune")
    assert [a.hedged for a in got if a.basis == "mechanism"] == [False]


def test_a_name_that_negates_the_property_is_no_weak_yes(kb):
    _, got = read(
        kb,
        "Runny noses\nNon-allergic rhinitis keeps the nose running all winter.",
        "non_allergic_rhinitis",
        "allergy",
    )
    assert not [a for a in got if a.basis == "named"]


def test_a_clause_opening_on_it_after_but_takes_back_the_subject(kb):
    # hay fever, named before the "but", does not take the denial from the subject
    page = make_page(
        "Runny noses\nNon-allergic rhinitis brings sneezing much like hay fever, but it is not "
        "due to an allergy.",
        kb,
        question="Is non-allergic rhinitis an allergy?",
    )
    assert page.page_answer == "no" and page.answer_sentences == [1]


def test_genes_named_first_that_raise_the_tendency_are_an_inherited_susceptibility(kb):
    _, got = read(
        kb,
        "Skin colour\nThe genes a child inherits from a parent raise the tendency to develop "
        "vitiligo.",
        "vitiligo",
        "inherited",
    )
    assert ("partly", "scoped") in [(a.polarity, a.basis) for a in got]


def test_a_parent_condition_and_a_chance_to_pass_on_say_inherited_without_a_hedge(kb):
    # "if a parent has it" is how inheritance works, not a doubt nor a question; "a 1 in 2 chance
    # to pass" reads like "a 1 in 2 chance of passing"
    text = (
        "Family planning\nIf a parent has sickle cell disease, there is a 1 in 2 chance to pass "
        "the altered gene to each child."
    )
    _, got = read(kb, text, "sickle_cell_disease", "inherited")
    assert ("affirm", "mechanism", False) in [(a.polarity, a.basis, a.hedged) for a in got]
    # a condition that no parent has it is no statement of how it is passed on
    _, got = read(
        kb,
        "Family planning\nEven if neither parent has sickle cell disease, a child has a 1 in 4 "
        "chance of getting it.",
        "sickle_cell_disease",
        "inherited",
    )
    assert not [a for a in got if a.polarity == "affirm" and not a.hedged]
    # "not sure if" still asks
    _, got = read(
        kb,
        "Family planning\nWe are not sure if sickle cell disease is caused by a gene mutation.",
        "sickle_cell_disease",
        "inherited",
    )
    assert not [a for a in got if a.basis == "mechanism"]


def test_genes_as_one_cause_among_others_is_partial_heredity(kb):
    # the guide's "partly": the susceptibility is inherited, the disease needs other causes too
    for text in (
        "Gut health\nGenes raise the odds of Crohn's disease, but they are not the only factor.",
        "Gut health\nHeredity only contributes part of the risk of Crohn's disease.",
        "Gut health\nCrohn's disease has a genetic side; lifestyle factors such as diet also "
        "contribute.",
    ):
        _, got = read(kb, text, "crohn_disease", "inherited")
        assert ("partly", "partial") in [(a.polarity, a.basis) for a in got], text
        assert "affirm" not in [a.polarity for a in got], text


def test_a_likeness_in_a_relative_clause_is_not_the_class(kb):
    _, got = read(
        kb,
        "Skin cells\nMastocytosis is a disorder that is similar to an allergy.",
        "mastocytosis",
        "allergy",
    )
    assert [a for a in got if a.polarity == "affirm"] == []
    _, got = read(kb, "Skin cells\nMastocytosis is an allergy.", "mastocytosis", "allergy")
    assert [a.polarity for a in got] == ["affirm"]


def test_what_a_study_is_about_or_a_short_heading_asserts_nothing(kb):
    for text in (
        "Gut health\nSee the new study on genetic susceptibility to Crohn's disease in our list.",
        "Gut health\nGenetic susceptibility: Crohn's disease",
    ):
        _, got = read(kb, text, "crohn_disease", "inherited")
        assert got == [], text
    _, got = read(
        kb,
        "Gut health\nPeople can inherit a genetic susceptibility to Crohn's disease.",
        "crohn_disease",
        "inherited",
    )
    assert [(a.polarity, a.basis) for a in got] == [("partly", "scoped")]


def test_genes_that_influence_the_risk_are_a_susceptibility(kb):
    _, got = read(
        kb,
        "Gut health\nYour genetics influence the risk of getting Crohn's disease.",
        "crohn_disease",
        "inherited",
    )
    assert [(a.polarity, a.basis) for a in got] == [("partly", "scoped")]


# --- what is a hedge and what is not (issue 12, yes / partly) ---------------------------------


def test_reported_evidence_and_a_hedge_on_severity_are_not_hedges(kb):
    for text in (
        "Psoriasis\nPsoriasis is a potentially serious autoimmune disease.",
        "Psoriasis\nGrowing evidence has been suggesting that psoriasis is an autoimmune disease.",
        "Psoriasis\nResearchers suggest that psoriasis is an autoimmune disease.",
    ):
        _, got = read(kb, text, "psoriasis")
        assert got and not any(a.hedged for a in got), text
    # near misses: the hedge is on what it is, or only some researchers hold it
    for text in (
        "Psoriasis\nPsoriasis is possibly an autoimmune disease.",
        "Psoriasis\nSome researchers suggest that psoriasis is an autoimmune disease.",
    ):
        _, got = read(kb, text, "psoriasis")
        assert got and all(a.hedged for a in got), text


def test_a_relative_as_the_condition_of_a_risk_is_not_a_hedge(kb):
    _, got = read(
        kb,
        "Crohn's and family\nIf you have a family member with Crohn's disease, you have a 15 "
        "percent chance of developing Crohn's disease.",
        "crohn_disease",
        "inherited",
    )
    assert [(a.polarity, a.hedged) for a in got] == [("affirm", False)]
    # near miss: a condition that is a doubt, not a relative
    _, got = read(
        kb,
        "Crohn's and family\nIf it is confirmed, Crohn's disease may run in families.",
        "crohn_disease",
        "inherited",
    )
    assert got and all(a.hedged for a in got)


def test_a_cause_named_beside_other_triggers_is_partly(kb):
    for text in (
        "Hives\nHives are often caused by allergies and other triggers, such as heat.",
        "Hives\nHives are frequently caused by allergic reactions, though there are many "
        "non-allergic causes.",
    ):
        page, got = read(kb, text, "urticaria", "allergy")
        assert "partly" in [a.polarity for a in got if a.basis == "mechanism"], text
        assert answer_from_assertions(page, got, "allergy")[0] == "partly", text
    # near miss: other triggers the page only tells the reader to avoid
    page, got = read(
        kb,
        "Hives\nHives are caused by allergies; avoid other triggers such as heat.",
        "urticaria",
        "allergy",
    )
    assert answer_from_assertions(page, got, "allergy")[0] == "yes"


def test_a_share_of_patients_after_the_mechanism_is_partly(kb):
    page, got = read(
        kb,
        "Psoriasis\nIn psoriasis, T cells attack healthy skin cells in certain individuals.",
        "psoriasis",
        "immune",
    )
    assert {a.polarity for a in got if a.basis == "mechanism"} == {"partly"}
    assert answer_from_assertions(page, got, "immune")[0] == "partly"
    # near miss: a share in another clause is about something else
    page, got = read(
        kb,
        "Psoriasis\nIn psoriasis, T cells attack healthy skin cells; some patients also have "
        "arthritis.",
        "psoriasis",
        "immune",
    )
    assert answer_from_assertions(page, got, "immune")[0] == "yes"


def test_a_possibility_is_a_hedge(kb):
    _, got = read(
        kb,
        "Fibromyalgia\nA further possibility is that fibromyalgia is caused by the immune system.",
        "fibromyalgia",
        "immune",
    )
    assert got and all(a.hedged for a in got)
    _, got = read(
        kb, "Fibromyalgia\nFibromyalgia is caused by the immune system.", "fibromyalgia", "immune"
    )
    assert got and not any(a.hedged for a in got)


def test_genes_that_do_not_decide_it_alone_are_partial_heredity(kb):
    for text, target in (
        (
            "Schizophrenia and genes\nSchizophrenia has a significant genetic component, but it is "
            "not solely determined by genes.",
            "schizophrenia",
        ),
        (
            "Schizophrenia and genes\nBoth genetic and environmental factors play a role in "
            "schizophrenia.",
            "schizophrenia",
        ),
        (
            "PSC and family\nPSC is not thought to be directly inherited, but it is thought to have "
            "a genetic component.",
            "primary_sclerosing_cholangitis",
        ),
    ):
        page, got = read(kb, text, target, "inherited")
        assert ("partly", "partial", False) in [(a.polarity, a.basis, a.hedged) for a in got], text
        assert answer_from_assertions(page, got, "inherited")[0] == "partly", text
    # near misses: a genetic component alone leans yes; the environment alone says nothing; a
    # doubt on the denial stays a hedge
    page, got = read(
        kb,
        "Schizophrenia and genes\nSchizophrenia has a significant genetic component.",
        "schizophrenia",
        "inherited",
    )
    assert answer_from_assertions(page, got, "inherited")[0] == "yes"
    _, got = read(
        kb,
        "Schizophrenia\nEnvironmental factors such as cannabis use raise the risk of schizophrenia.",
        "schizophrenia",
        "inherited",
    )
    assert got == []
    _, got = read(
        kb,
        "PSC and family\nPSC is possibly not directly inherited.",
        "primary_sclerosing_cholangitis",
        "inherited",
    )
    assert got and all(a.hedged for a in got)


def test_not_a_simple_hereditary_disease_or_not_hereditary_but_genes_is_partial(kb):
    for text in (
        "Crohn's and genes\nCrohn's disease is not a simple hereditary condition caused by one gene.",
        "Crohn's and genes\nCrohn's disease is not a hereditary condition, but genetic risk "
        "factors play a role.",
    ):
        page, got = read(kb, text, "crohn_disease", "inherited")
        assert ("partly", "partial") in [(a.polarity, a.basis) for a in got], text
        assert answer_from_assertions(page, got, "inherited")[0] == "partly", text
    # near misses: a plain denial, and a denial qualified by something other than genes
    for text in (
        "Crohn's and genes\nCrohn's disease is not a hereditary condition.",
        "Crohn's and genes\nCrohn's disease is not a hereditary condition, but diet matters.",
    ):
        page, got = read(kb, text, "crohn_disease", "inherited")
        assert answer_from_assertions(page, got, "inherited")[0] == "no", text


def test_a_recovery_said_of_a_share_of_patients_is_partly(kb):
    # issue 12, round 8 (curable): pages on conditions with remission answer "for some": some
    # cases remit, remission in a share of patients, many children outgrow it
    def read_curable(text):
        _, got = read(kb, "Treatment notes\n" + text, "sarcoidosis", "curable")
        return [(a.polarity, a.basis) for a in got]

    assert read_curable("Sarcoidosis goes into remission in about 60% of patients.") == [
        ("partly", "scoped")
    ]
    assert read_curable("Remission of sarcoidosis is common; many of the patients recover.") == [
        ("partly", "scoped")
    ]
    assert read_curable("About a third of patients with sarcoidosis go into remission.") == [
        ("partly", "scoped")
    ]
    # near misses: a recovery said of no share keeps what the other patterns read (remission as
    # the goal says no; going away on its own says yes), and "a number of" is no share
    assert read_curable("Treatment helps patients with sarcoidosis reach remission.") == [
        ("deny", "mechanism")
    ]
    assert [p for p, _ in read_curable("Sarcoidosis goes away on its own.")] == ["affirm"]
    # a majority is not a share (as for the other scope words): it leaves the yes
    assert [p for p, _ in read_curable("Sarcoidosis goes away on its own in most people.")] == [
        "affirm"
    ]
    assert read_curable("Sarcoidosis follows a number of infections and may go away.") == []


def test_genes_that_take_part_but_only_in_part_are_partly(kb):
    # issue 12, round 8 (hereditary): "genes play a role, but they are only part of the story"
    def read_inherited(text):
        _, got = read(kb, "Family questions\n" + text, "psoriasis", "inherited")
        return [(a.polarity, a.basis) for a in got]

    assert read_inherited(
        "Genes play a role in psoriasis, but they are only part of the story."
    ) == [("partly", "scoped")]
    assert read_inherited(
        "Psoriasis has a genetic component, yet lifestyle seems to have a much bigger impact."
    ) == [("partly", "scoped")]
    # near misses: the lean alone stays a weak yes, and a limit on something else is not one
    assert {
        p for p, _ in read_inherited("Genes play a role in psoriasis, and it runs in families.")
    } == {"affirm"}
    assert read_inherited(
        "Psoriasis runs in families. Creams are only part of the story of psoriasis care."
    ) == [("affirm", "mechanism")]


def test_a_condition_over_by_its_nature_or_cured_by_contraction_is_curable(kb):
    # issue 12, round 8 (curable): "a temporary condition", "typically self-limiting", "never
    # permanent", "it's curable", "one of the few curable forms", "disappears in a few weeks"
    def polarities(text, target="bursitis"):
        _, got = read(kb, "Joint notes\n" + text, target, "curable")
        return [a.polarity for a in got]

    assert polarities("Bursitis is a temporary condition of the joints.") == ["affirm"]
    assert polarities("Bursitis is never permanent.") == ["affirm"]
    assert polarities("Bursitis generally disappears in a few weeks.") == ["affirm"]
    assert polarities("With rest, bursitis is generally considered curable.") == ["affirm"]
    assert polarities("Gout is one of the few curable forms of arthritis.", "gout") == ["affirm"]
    # near misses: relief that is temporary says nothing of the condition; a denial stays one
    assert polarities("Painkillers give only temporary relief from bursitis.") == []
    assert polarities("Bursitis is not curable with painkillers alone.") == ["deny"]


def test_an_autoinflammatory_class_is_an_immune_cause(kb):
    # an autoinflammatory disease is one of the innate immune system: "caused by the immune
    # system?" yes, and its denial no
    for text, want in (
        (
            "Fevers\nAdult-onset Still's disease is a rare, systemic autoinflammatory disorder.",
            "yes",
        ),
        ("Fevers\nAdult-onset Still's disease is not an autoinflammatory condition.", "no"),
    ):
        page, got = read(kb, text, "adult_onset_still_disease", "immune")
        assert ("mechanism", want) == (got[0].basis, answer_from_assertions(page, got, "immune")[0])
    # near misses: the word inside another condition's longer name, and another condition's class
    for text in (
        "Fevers\nFamilial cold autoinflammatory syndrome is often confused with adult-onset "
        "Still's disease.",
        "Fevers\nAdult-onset Still's disease is rarer than gout, an autoinflammatory disease.",
    ):
        _, got = read(kb, text, "adult_onset_still_disease", "immune")
        assert not [a for a in got if a.basis == "mechanism"], text


def test_an_autoinflammatory_class_answers_the_autoimmune_question_no(kb):
    # asked "Is X autoimmune?", an autoinflammatory disease is the rival class (innate immunity,
    # no autoantibodies): the knowledge base sets these conditions apart the same way
    for text in (
        "Fevers\nAdult-onset Still's disease is a rare, systemic autoinflammatory disorder.",
        "Fevers\nAdult-onset Still's disease is best understood as an autoinflammatory condition.",
    ):
        page, got = read(kb, text, "adult_onset_still_disease")
        assert [(a.basis, a.polarity) for a in got] == [("rival", "deny")], text
        assert answer_from_assertions(page, got, "autoimmune")[0] == "no"
    # not a denial: both classes named in the clause, a hedge, the class's word inside another
    # condition's name, another condition's class, or the class denied
    for text in (
        "Fevers\nAdult-onset Still's disease has both autoimmune and autoinflammatory features, "
        "an autoinflammatory disease with autoimmune traits.",
        "Fevers\nAdult-onset Still's disease may be an autoinflammatory disease.",
        "Fevers\nFamilial cold autoinflammatory syndrome is often confused with adult-onset "
        "Still's disease.",
        "Fevers\nAdult-onset Still's disease is rarer than gout, an autoinflammatory disease.",
        "Fevers\nAdult-onset Still's disease is not an autoinflammatory condition.",
    ):
        _, got = read(kb, text, "adult_onset_still_disease")
        assert not [a for a in got if a.basis == "rival" and a.polarity == "deny"], text


def test_the_immune_system_attacking_any_tissue_or_at_fault_is_an_immune_cause(kb):
    # "caused by the immune system?": whose tissue it attacks does not matter, nor that the page
    # calls it a problem with the immune system rather than naming the attack
    for text in (
        "Eye care\nUveitis happens when the immune system attacks the eye.",
        "Eye care\nIn uveitis, immune cells destroy the tissue of the eye.",
        "Eye care\nUveitis is thought to be caused by a problem with the immune system.",
    ):
        page, got = read(kb, text, "uveitis", "immune")
        assert answer_from_assertions(page, got, "immune")[0] == "yes", text
    # near misses: the immune system doing its work against a germ, or a germ attacking it
    for text in (
        "Eye care\nIn uveitis, the immune system attacks the bacteria in the eye.",
        "Eye care\nUveitis can follow a virus that destroys immune cells.",
    ):
        _, got = read(kb, text, "uveitis", "immune")
        assert not [a for a in got if a.basis == "mechanism"], text


def test_an_allergy_named_as_one_cause_among_others_is_partly(kb):
    for text in (
        "Eye care\nOne common cause of pink eye is an allergy.",
        "Eye care\nPink eye is thought to be caused by allergic or environmental factors.",
    ):
        page, got = read(kb, text, "conjunctivitis", "allergy")
        assert answer_from_assertions(page, got, "allergy")[0] == "partly", text
    # near misses: the condition one of the allergies, or the allergy its only cause
    for text in (
        "Eye care\nPink eye is one of the most common allergies.",
        "Eye care\nPink eye is caused by allergies.",
    ):
        page, got = read(kb, text, "conjunctivitis", "allergy")
        assert answer_from_assertions(page, got, "allergy")[0] == "yes", text


def test_an_attack_on_the_body_own_tissue_answers_an_allergy_question_no(kb):
    # autoimmunity is the rival class of an allergy, shown by its mechanism as by its name
    page, got = read(
        kb,
        "Skin\nIn vitiligo, the immune system attacks the body's own pigment cells.",
        "vitiligo",
        "allergy",
    )
    assert ("deny", "rival") in [(a.polarity, a.basis) for a in got]
    assert answer_from_assertions(page, got, "allergy")[0] == "no"
    # asked whether the immune system causes it, the same attack is a yes, not a rival's no
    page, got = read(
        kb,
        "Skin\nIn vitiligo, the immune system attacks the body's own pigment cells.",
        "vitiligo",
        "immune",
    )
    assert "rival" not in [a.basis for a in got]
    assert answer_from_assertions(page, got, "immune")[0] == "yes"
    # near misses: the attack denied, or hedged, says nothing about an allergy
    for text in (
        "Skin\nIn vitiligo, the immune system does not attack the body's own cells.",
        "Skin\nIn vitiligo, the immune system may attack the body's own pigment cells.",
    ):
        _, got = read(kb, text, "vitiligo", "allergy")
        assert not [a for a in got if a.basis == "rival"], text


def test_an_allergy_the_condition_is_defined_without_is_a_denial(kb):
    for text in (
        "Gluten\nNon-celiac gluten sensitivity means symptoms after eating gluten in the absence "
        "of celiac disease and wheat allergy.",
        "Gluten\nNon-celiac gluten sensitivity brings on flushing that looks like an allergic "
        "reaction, but without IgE involvement.",
    ):
        page, got = read(kb, text, "non_celiac_gluten_sensitivity", "allergy")
        assert answer_from_assertions(page, got, "allergy")[0] == "no", text
    # asked whether the immune system causes it, an allergy it is defined without denies nothing
    page, got = read(
        kb,
        "Gluten\nNon-celiac gluten sensitivity means symptoms after eating gluten in the absence "
        "of celiac disease and wheat allergy.",
        "non_celiac_gluten_sensitivity",
        "immune",
    )
    assert not [a for a in got if a.polarity == "deny"]
    # near misses: an allergy without one antibody is still an allergy; people without allergies
    # are others
    page, got = read(
        kb,
        "Gluten\nNon-celiac gluten sensitivity is a food allergy without IgE antibodies.",
        "non_celiac_gluten_sensitivity",
        "allergy",
    )
    assert answer_from_assertions(page, got, "allergy")[0] == "yes"
    _, got = read(
        kb,
        "Gluten\nNon-celiac gluten sensitivity also troubles people without allergies.",
        "non_celiac_gluten_sensitivity",
        "allergy",
    )
    assert not [a for a in got if a.basis == "mechanism"]


def test_the_immune_system_as_the_other_cause_or_one_of_various_is_partly(kb):
    page, got = read(
        kb,
        "Marrow\nRadiation harms the marrow. The other main cause of aplastic anemia can be the "
        "immune system attacking the stem cells.",
        "aplastic_anemia",
        "immune",
    )
    assert answer_from_assertions(page, got, "immune")[0] == "partly"
    # near miss: a variety of symptoms is not a variety of causes
    page, got = read(
        kb,
        "Marrow\nIn aplastic anemia, the immune system attacks the stem cells, causing a variety "
        "of symptoms.",
        "aplastic_anemia",
        "immune",
    )
    assert answer_from_assertions(page, got, "immune")[0] == "yes"


def test_the_immune_system_as_the_agent_of_an_active_verb_is_an_immune_cause(kb):
    for text in (
        "Eye care\nOveractive T cells drive uveitis.",
        "Eye care\nImmunological mechanisms play a key role in uveitis.",
    ):
        page, got = read(kb, text, "uveitis", "immune")
        assert answer_from_assertions(page, got, "immune")[0] == "yes", text
    # near misses: the immune system's own work, or the condition acting on it
    for text in (
        "Eye care\nThe immune system plays a critical role in preventing uveitis.",
        "Eye care\nWhile the immune system is responsible for finding germs, uveitis is a problem "
        "of the eye.",
        "Eye care\nUveitis weakens the immune system and leads to infections.",
    ):
        _, got = read(kb, text, "uveitis", "immune")
        assert not [a for a in got if a.basis == "mechanism"], text


def test_the_property_as_the_usual_cause_presupposes_other_causes(kb):
    # "the most common cause", "most cases are due to", "usually causes": the grammar says other
    # causes exist, so the property holds for some cases only (the labelling guide's "partly")
    for text, target, predicate in (
        (
            "Low thyroid\nThe commonest cause of hypothyroidism is an autoimmune condition of the "
            "gland.",
            "hypothyroidism",
            "immune",
        ),
        (
            "Low thyroid\nMost cases of hypothyroidism are due to the immune system attacking the "
            "thyroid.",
            "hypothyroidism",
            "immune",
        ),
        (
            "Low thyroid\nAn immune system disorder usually causes hypothyroidism.",
            "hypothyroidism",
            "immune",
        ),
        (
            "Welts\nMost cases of urticaria happen when the body reacts to an allergen such as a "
            "food.",
            "urticaria",
            "allergy",
        ),
    ):
        page, got = read(kb, text, target, predicate)
        assert answer_from_assertions(page, got, predicate)[0] == "partly", text
    # near misses: the cause stated without a majority word stays a yes, and so does a majority
    # of the cases that says nothing of a cause
    for text, target, predicate in (
        (
            "Low thyroid\nHypothyroidism is caused by the immune system attacking the thyroid.",
            "hypothyroidism",
            "immune",
        ),
        (
            "Muscles\nIn most cases of myasthenia gravis, the immune system attacks the receptor "
            "on the muscle.",
            "myasthenia_gravis",
            "immune",
        ),
    ):
        page, got = read(kb, text, target, predicate)
        assert answer_from_assertions(page, got, predicate)[0] == "yes", text


def test_a_degree_word_in_the_copula_limits_the_class(kb):
    # "somewhat", "in part", "to some extent" before the class, and a negated degree word ("not
    # entirely", "not purely", "not solely", "isn't exactly") deny or grant only part of it
    for text, target, predicate in (
        ("Bowel\nCrohn's disease is somewhat autoimmune.", "crohn_disease", "autoimmune"),
        ("Bowel\nCrohn's disease is in part an autoimmune disease.", "crohn_disease", "autoimmune"),
        ("Bowel\nCrohn's disease is to some extent autoimmune.", "crohn_disease", "autoimmune"),
        ("Bowel\nCrohn's disease is not entirely autoimmune.", "crohn_disease", "autoimmune"),
        (
            "Bowel\nCrohn's disease isn't exactly an autoimmune disease.",
            "crohn_disease",
            "autoimmune",
        ),
        ("Welts\nUrticaria is not purely an allergic reaction.", "urticaria", "allergy"),
    ):
        page, got = read(kb, text, target, predicate)
        assert answer_from_assertions(page, got, predicate)[0] == "partly", text
    # near misses: "largely" grants the class, "not just" grants more than it, a plain "not" denies
    for text, want in (
        ("Bowel\nCrohn's disease is largely autoimmune.", "yes"),
        ("Bowel\nCrohn's disease is not just an autoimmune disease.", "yes"),
        ("Bowel\nCrohn's disease is not an autoimmune disease.", "no"),
    ):
        page, got = read(kb, text, "crohn_disease", "autoimmune")
        assert answer_from_assertions(page, got, "autoimmune")[0] == want, text


def test_a_denial_qualified_only_by_a_hedge_stands(kb):
    # the page leans past its own caveat: "not autoimmune, but the immune system may play a role"
    for text in (
        "Bowel\nWhile Crohn's disease is not classified as an autoimmune disease, the immune "
        "system may play a role.",
        "Bowel\nCrohn's disease is not an autoimmune disease, but the immune system might be "
        "involved.",
    ):
        page, got = read(kb, text, "crohn_disease")
        assert answer_from_assertions(page, got, "autoimmune")[0] == "no", text
    # near misses: a qualification stated plainly makes the denial partly
    for text in (
        "Bowel\nWhile Crohn's disease is not classified as an autoimmune disease, there is "
        "evidence for a link with the immune system.",
        "Bowel\nCrohn's disease is not an autoimmune disease, but the immune system is involved.",
    ):
        page, got = read(kb, text, "crohn_disease")
        assert answer_from_assertions(page, got, "autoimmune")[0] == "partly", text


def test_one_activity_denied_as_a_way_of_spreading_yields_to_the_way_it_spreads(kb):
    # an activity (a gerund) named as the way denied: "sharing a razor will not give you X", "not
    # by sharing towels"; the page says how it does spread, so the answer is yes
    for text in (
        "Liver\nSharing a cup will not give you hepatitis B. Hepatitis B spreads through blood.",
        "Liver\nHepatitis B is not passed on by sharing towels. Hepatitis B spreads through blood.",
    ):
        page, got = read(kb, text, "hepatitis_b", "contagious")
        assert answer_from_assertions(page, got, "contagious")[0] == "yes", text
    # near miss: with no way it spreads, the denial answers no
    page, got = read(
        kb, "Liver\nSharing a cup will not give you eczema.", "atopic_dermatitis", "contagious"
    )
    assert answer_from_assertions(page, got, "contagious")[0] == "no"


def test_a_part_of_the_condition_as_the_subject_is_partly(kb):
    # some kinds of it, or a share of its cases, hold the property: so for a part of it only
    for text, target, predicate in (
        (
            "Seizure notes\nSome kinds of epilepsy are inherited, and doctors test for them.",
            "epilepsy",
            "inherited",
        ),
        (
            "Skin cancer facts\nAbout 5% of melanomas are hereditary, according to our clinic.",
            "melanoma",
            "inherited",
        ),
    ):
        _, got = read(kb, text, target, predicate)
        assert [a.polarity for a in got if a.basis != "named"] == ["partly"], text


def test_a_yes_said_of_a_part_of_the_condition_is_partly(kb):
    _, got = read(
        kb,
        "Heart questions\nIs myocarditis contagious? Yes, some forms of myocarditis are "
        "contagious, since a virus can cause them.",
        "myocarditis",
        "contagious",
    )
    answers = [a.polarity for a in got if a.basis == "answer"]
    assert answers == ["partly"]
    # a majority is no part: the yes stands
    _, got = read(
        kb,
        "Heart questions\nIs myocarditis contagious? Yes, in most cases myocarditis is "
        "contagious, since a virus causes it.",
        "myocarditis",
        "contagious",
    )
    assert [a.polarity for a in got if a.basis == "answer"] == ["affirm"]


def test_unlike_the_rest_of_a_class_places_the_subject_in_it(kb):
    # "unlike other / most / typical members of a class, X ...": X is one, set apart within it
    for opening in (
        "Unlike most food allergies",
        "Unlike other food allergies",
        "Unlike typical food allergies",
    ):
        _, got = read(
            kb,
            f"Meat and the immune system\n{opening}, alpha-gal syndrome starts hours after a meal.",
            "alpha_gal_syndrome",
            "allergy",
        )
        assert ("affirm", "other") in [(a.polarity, a.basis) for a in got], opening
        assert "deny" not in [a.polarity for a in got], opening
    # the class as a whole, compared: still set apart from it
    _, got = read(
        kb,
        "Gut notes\nUnlike food allergies, celiac disease slowly damages the lining of the gut.",
        "celiac_disease",
        "allergy",
    )
    assert ("deny", "contrast") in [(a.polarity, a.basis) for a in got]


def test_an_allergy_setting_off_episodes_of_the_condition_is_one_trigger(kb):
    # the attacks or flares of the condition, not the condition, are what the allergy sets off
    for text in (
        "Breathing basics\nFor many readers, asthma attacks can be set off by allergies to dust.",
        "Breathing basics\nMany people have asthma symptoms that are triggered by allergens.",
    ):
        _, got = read(kb, text, "asthma", "allergy")
        mech = [a.polarity for a in got if a.basis == "mechanism"]
        assert mech == ["partly"], text
    # said of the condition itself, the allergy is its cause
    _, got = read(
        kb,
        "Breathing basics\nIn this child, asthma is triggered by allergies to dust.",
        "asthma",
        "allergy",
    )
    assert [a.polarity for a in got if a.basis == "mechanism"] == ["affirm"]


def test_a_degree_of_contagion_denied_is_partly(kb):
    # "not very contagious" denies how easily it spreads, not that it spreads
    for text in (
        "Skin notes\nImpetigo is not very contagious in adults, though children pass it around.",
        "Skin notes\nImpetigo isn't particularly contagious once treatment starts.",
    ):
        _, got = read(kb, text, "impetigo", "contagious")
        assert "deny" not in [a.polarity for a in got], text
        assert "partly" in [a.polarity for a in got], text
    _, got = read(
        kb, "Skin notes\nEczema is not contagious at all.", "atopic_dermatitis", "contagious"
    )
    assert [a.polarity for a in got] == ["deny"]


def test_a_scope_adverb_opening_another_statement_is_no_answer(kb):
    # after the page's own question, "Sometimes, ..." opening a statement about something else
    # (the treatment, the relatives) is that statement's adverb, not the page's answer
    for after in (
        "Sometimes, however, the cream does not bring the skin back to how it was.",
        "In some cases, relatives share the same habits and the same diet.",
    ):
        _, got = read(kb, f"Skin notes\nIs psoriasis hereditary? {after}", "psoriasis", "inherited")
        assert [a for a in got if a.basis == "answer"] == [], after
    # alone, or before the answer, it is the answer
    for after in ("Sometimes.", "In some cases, yes.", "In some cases, the answer is yes."):
        _, got = read(kb, f"Skin notes\nIs psoriasis hereditary? {after}", "psoriasis", "inherited")
        assert [a.polarity for a in got if a.basis == "answer"] == ["partly"], after


def test_a_majority_adverb_before_the_immune_system_itself_keeps_the_yes(kb):
    # "usually caused by the immune system": how it mostly comes about, stated the way health
    # writing states it; the yes stands
    _, got = read(
        kb,
        "Kidney notes\nGlomerulonephritis is usually caused by the body's immune system, "
        "which damages the filters.",
        "glomerulonephritis",
        "immune",
    )
    pols = [a.polarity for a in got]
    assert "affirm" in pols and "partly" not in pols
    # a majority adverb before another condition as the cause leaves room for other causes
    _, got = read(
        kb,
        "Thyroid notes\nHyperthyroidism is commonly caused by Graves' disease, an autoimmune "
        "disorder of the thyroid.",
        "hyperthyroidism",
        "immune",
    )
    assert "partly" in [a.polarity for a in got]
