from conftest import make_page


def claims(kb, text):
    page = make_page(text, kb, title="Test page")
    return [(c.concept_id, c.predicate, c.polarity, c.basis, c.hedged) for c in page.claims]


def test_copula_affirm_and_deny(kb):
    assert ("celiac_disease", "autoimmune", "affirm", "copula", False) in claims(kb, "Test page\nCeliac disease is an autoimmune disease.")
    assert ("fibromyalgia", "autoimmune", "deny", "copula", False) in claims(kb, "Test page\nFibromyalgia is not classified as an autoimmune disease.")


def test_examples_of_the_class_are_affirmations(kb):
    got = claims(kb, "Test page\nAutoimmune diseases such as lupus, rheumatoid arthritis and psoriasis are common.")
    assert {c[0] for c in got if c[2] == "affirm" and c[3] == "example"} >= {"systemic_lupus_erythematosus", "rheumatoid_arthritis", "psoriasis"}


def test_other_autoimmune_implies_membership(kb):
    got = claims(kb, "Test page\nPeople with fibromyalgia often have other autoimmune diseases like lupus.")
    assert ("fibromyalgia", "autoimmune", "affirm", "other", False) in got


def test_questions_and_whether_clauses_are_not_claims(kb):
    assert claims(kb, "Test page\nIs celiac disease an autoimmune disease?") == []
    assert claims(kb, "Test page\nMany ask whether fibromyalgia is an autoimmune disease.") == []


def test_hedged_claims_are_marked(kb):
    got = claims(kb, "Test page\nSome researchers think endometriosis may be an autoimmune disease.")
    assert got and all(c[4] for c in got)


def test_links_are_not_status_claims(kb):
    got = claims(kb, "Test page\nThere is a link between fibromyalgia and autoimmune disease.")
    assert got and got[0][2] == "link"
