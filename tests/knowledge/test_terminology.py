from healthlens.knowledge.terminology import ICD_PREFIX


def ids(kb, text):
    return [h.concept_ids[0] for h in kb.find(text)]


def test_fpies_links_from_icd_inclusion_term_and_curated_record(kb):
    assert kb.lookup("FPIES")[0] == "food_protein_induced_enterocolitis_syndrome"
    assert "food_protein_induced_enterocolitis_syndrome" in ids(
        kb, "Is fpies an autoimmune disease"
    )


def test_matching_is_robust_to_case_plural_possessive_hyphen_and_diacritics(kb):
    assert ids(kb, "SJÖGREN'S SYNDROME") == ["sjogren_syndrome"]
    assert ids(kb, "Sjogren syndrome") == ["sjogren_syndrome"]
    assert "hashimoto_thyroiditis" in ids(kb, "hashimoto’s thyroiditis")
    assert "food_protein_induced_enterocolitis_syndrome" in ids(
        kb, "food protein induced enterocolitis syndrome"
    )
    assert ids(kb, "two rheumatoid-arthritis patients") == ["rheumatoid_arthritis"]


def test_words_inside_other_words_do_not_match(kb):
    assert ids(kb, "the fibromyalgiaxyz thing") == []


def test_generic_class_names_never_link(kb):
    assert ids(kb, "Autoimmune diseases attack the body.") == []


def test_icd_names_without_a_curated_record_link_to_icd_concepts(kb):
    hits = kb.find("She had acute appendicitis last year.")
    assert hits and hits[0].concept_ids[0].startswith(ICD_PREFIX)


def test_ambiguous_abbreviations_are_marked(kb):
    assert kb.terms.is_ambiguous("MS")
    assert not kb.terms.is_ambiguous("FPIES")


def test_eponyms_alone_link_only_in_the_possessive(kb):
    assert ids(kb, "Is Sjogren's autoimmune?") == ["sjogren_syndrome"]
    assert ids(kb, "my Crohn's flared") == ["crohn_disease"]
    assert ids(kb, "Write down a list of medicines") == []
    assert ids(kb, "Autoimmune conditions") == []


def test_prepare_builds_the_automata_before_first_use(kb):
    """Workers call ``prepare`` so their first page does not pay for building the automata."""
    import pickle

    terms = pickle.loads(pickle.dumps(kb.terms))  # a pickled terminology carries no automata
    assert terms._names_ac is None and terms._abbrev_ac is None
    terms.prepare()
    assert terms._names_ac is not None and terms._abbrev_ac is not None
    assert [h.concept_ids for h in terms.find("She has celiac disease.")] == [
        h.concept_ids for h in kb.find("She has celiac disease.")
    ]
