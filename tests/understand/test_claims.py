from conftest import make_page


def claims(kb, text):
    page = make_page(text, kb, title="Test page")
    return [(c.concept_id, c.predicate, c.polarity, c.basis, c.hedged) for c in page.claims]


def test_copula_affirm_and_deny(kb):
    assert ("celiac_disease", "autoimmune", "affirm", "copula", False) in claims(
        kb, "Test page\nCeliac disease is an autoimmune disease."
    )
    assert ("fibromyalgia", "autoimmune", "deny", "copula", False) in claims(
        kb, "Test page\nFibromyalgia is not classified as an autoimmune disease."
    )


def test_examples_of_the_class_are_affirmations(kb):
    got = claims(
        kb,
        "Test page\nAutoimmune diseases such as lupus, rheumatoid arthritis and psoriasis are common.",
    )
    assert {c[0] for c in got if c[2] == "affirm" and c[3] == "example"} >= {
        "systemic_lupus_erythematosus",
        "rheumatoid_arthritis",
        "psoriasis",
    }


def test_other_autoimmune_implies_membership(kb):
    got = claims(
        kb, "Test page\nPeople with fibromyalgia often have other autoimmune diseases like lupus."
    )
    assert ("fibromyalgia", "autoimmune", "affirm", "other", False) in got


def test_questions_and_whether_clauses_are_not_claims(kb):
    assert claims(kb, "Test page\nIs celiac disease an autoimmune disease?") == []
    assert claims(kb, "Test page\nMany ask whether fibromyalgia is an autoimmune disease.") == []


def test_hedged_claims_are_marked(kb):
    got = claims(
        kb, "Test page\nSome researchers think endometriosis may be an autoimmune disease."
    )
    assert got and all(c[4] for c in got)


def test_links_are_not_status_claims(kb):
    got = claims(kb, "Test page\nThere is a link between fibromyalgia and autoimmune disease.")
    assert got and got[0][2] == "link"


def test_reported_speech_is_not_the_page_asserting(kb):
    got = claims(kb, "Test page\nMy neighbour tells me my hay fever is an autoimmune disease.")
    assert not [c for c in got if c[0] == "allergic_rhinitis" and c[2] == "affirm"]


def test_the_page_answering_its_own_question(kb):
    got = claims(kb, "Test page\nIs EoE an autoimmune disease? The answer is no.")
    assert ("eosinophilic_esophagitis", "autoimmune", "deny", "answer", False) in got


def test_pronoun_after_but_refers_to_the_condition_named_before(kb):
    got = claims(
        kb,
        "Test page\nAsthma is a chronic disease of the airways, but it is not classified as an autoimmune disease.",
    )
    assert ("asthma", "autoimmune", "deny", "pronoun", False) in got


def test_keyword_used_as_a_modifier_is_not_a_class(kb):
    got = claims(kb, "Test page\nWith FPIES, the allergy tests come back negative.")
    assert got == []


def test_a_condition_named_with_the_keyword_claims_nothing(kb):
    got = claims(
        kb, "Test page\nAutoimmune myocarditis is an autoimmune disease that affects the heart."
    )
    assert not [c for c in got if c[0] == "myocarditis"]


def test_subordinate_clause_subject_is_not_the_main_clause_subject(kb):
    got = claims(
        kb,
        "Test page\nWhile lactose intolerance is a digestive problem, a milk allergy is an immune reaction.",
    )
    assert not [c for c in got if c[0] == "lactose_intolerance"]


def test_is_a_transfers_the_claim_to_the_subject(kb):
    got = claims(
        kb,
        "Test page\nCeliac disease is basically a food allergy to gluten, not an autoimmune disease.",
    )
    assert ("celiac_disease", "autoimmune", "deny", "copula", False) in got


def test_hedges_after_the_keyword_and_premature_labels(kb):
    got = claims(kb, "Test page\nIt would be premature to call long COVID an autoimmune disease.")
    assert got and all(c[4] for c in got)
    got = claims(kb, "Test page\nME/CFS is not classed as autoimmune, as far as I know.")
    assert got and all(c[4] for c in got)


def test_pronoun_right_after_a_question_refers_to_its_condition(kb):
    got = claims(
        kb,
        "Test page\nDry eye is common. Dry eye hurts.\nIs Sjogren's autoimmune?\nIt's autoimmune.",
    )
    assert ("sjogren_syndrome", "autoimmune", "affirm", "pronoun", False) in got


def test_a_yes_far_below_the_question_does_not_answer_it(kb):
    text = "Test page\nIs celiac disease an autoimmune disease?\nOne. Two. Three. Four.\nYes"
    assert not [c for c in claims(kb, text) if c[3] == "answer"]


def test_page_wide_keyword_pass_changes_no_claim_or_definition(kb):
    """Given the page text, claims and definitions skip sentences without a keyword or cue
    found in one pass over the page; on every labelled page the result must be the same as
    reading each sentence on its own."""
    from pathlib import Path

    from healthlens.read import read_file
    from healthlens.understand.abbreviations import find_definitions
    from healthlens.understand.claims import find_claims

    root = Path(__file__).resolve().parents[2]
    paths = sorted((root / "benchmarks" / "data" / "pages").glob("p*.*")) + sorted(
        (root / "examples").glob("*.*")
    )
    assert len(paths) > 50
    for path in paths:
        page = make_page(read_file(path).text, kb)
        assert find_definitions(page.sentences, page.text) == find_definitions(page.sentences), path
        first = page.main_condition
        assert find_claims(page.sentences, page.mentions, kb, first, page.text) == find_claims(
            page.sentences, page.mentions, kb, first
        ), path


def test_every_question_about_a_property_names_immunity_or_allergy():
    """``_asked`` skips question sentences without "immun" or "allerg" before trying the question
    forms; that must never skip a form that asks about a property claims are read for."""
    from pathlib import Path

    from healthlens.fastmatch import fold_text
    from healthlens.question import question_form
    from healthlens.read import read_file
    from healthlens.understand.claims import KEYWORDS
    from healthlens.understand.sentences import split_sentences

    questions = [
        "Is FPIES an autoimmune disease?",
        "is psoriasis auto immune",
        "Can hives be auto-immune?",
        "Eczema: autoimmune or not?",
        "Is MS caused by the body's immune system?",
        "Is MS triggered by an overactive immune response?",
        "Does the immune system cause MS?",
        "Is sarcoidosis an immune-mediated disease?",
        "Is it an immune disorder?",
        "Is EoE an allergy?",
        "Are hives allergies?",
        "Is alpha-gal syndrome a type of food allergy?",
        "Is eczema an allergic reaction?",
        "In conclusion, is EoE an autoimmune disease?",
        "Is lupus ımmune-mediated?",
        "IS LUPUS AN AUTOIMMUNE DISEASE?",
        "Is it autoimmunity?",
    ]
    root = Path(__file__).resolve().parents[2]
    for path in sorted((root / "benchmarks" / "data" / "pages").glob("p*.*")) + sorted(
        (root / "examples").glob("*.*")
    ):
        questions += [
            s.text for s in split_sentences(read_file(path).text) if s.text.rstrip().endswith("?")
        ]
    asked = 0
    for text in questions:
        if question_form(text)[1] in KEYWORDS:
            asked += 1
            folded = fold_text(text)
            assert folded is None or "immun" in folded or "allerg" in folded, text
    assert asked >= 17
