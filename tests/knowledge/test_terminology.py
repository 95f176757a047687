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


def test_a_code_under_a_record_s_code_links_to_it_only_where_its_name_shares_a_word(kb):
    # ICD-10-CM files other conditions beside a condition's own forms: read as the record, each
    # got its definition and verdicts ("What is perioral dermatitis?" defined rosacea)
    for text in (
        "perioral dermatitis",
        "leukocyte adhesion deficiency",
        "pseudohypoparathyroidism",
        "pingueculitis",
        "overweight",
        "sickle cell trait",  # a carrier state, not the disease
    ):
        (cid,) = ids(kb, text)
        assert cid.startswith(ICD_PREFIX), (text, cid)
    # forms that name the condition, by a word or its stem, keep their record
    for text, cid in (
        ("tinea pedis", "tinea"),
        ("athlete's foot", "tinea"),
        ("candidal stomatitis", "candidiasis"),
        ("guttate psoriasis", "psoriasis"),
    ):
        assert ids(kb, text) == [cid], text


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


def _find_plain(terms, text, folded):
    """``Terminology._find`` as it was written before its word-boundary tests were inlined:
    ``is_word_boundary`` called for each automaton hit."""
    from healthlens.knowledge.normalize import is_word_boundary
    from healthlens.knowledge.terminology import TermHit, longest_hits

    hits = []
    ac, entries = terms._names_ac
    for k, start, end in ac.find_matches_as_indexes(folded, overlapping=True):
        if is_word_boundary(folded, start, end):
            ids, is_abbrev = entries[k][1], entries[k][2]
            amb = is_abbrev and any(
                terms.is_ambiguous(s) for s in terms._shorts_for(folded[start:end])
            )
            hits.append(TermHit(start, end, ids, "abbreviation" if is_abbrev else "name", amb))
    ac, entries = terms._abbrev_ac
    for k, start, end in ac.find_matches_as_indexes(text, overlapping=True):
        if is_word_boundary(text, start, end):
            short, ids = entries[k][0], entries[k][1]
            hits.append(TermHit(start, end, ids, "abbreviation", terms.is_ambiguous(short)))
    return longest_hits(hits)  # (the overlap rule is shared: only the boundary test differs)


def test_hits_kept_at_word_boundaries_are_those_is_word_boundary_keeps(kb):
    """``_find`` tests each automaton hit's ends inline rather than calling
    ``is_word_boundary``: the same hits as calling it, on names glued to letters, digits,
    hyphens and non-ASCII letters on either side and at the text's ends."""
    import random

    from healthlens.knowledge.normalize import fold

    terms = kb.terms
    terms.prepare()
    rng = random.Random(37)
    parts = [
        "celiac disease", "lupus", "SLE", "MS", "ms", "crohn's disease", "asthma", "IBD", "x",
        "é", "1", "-", " ", "\n", ",", "(", "ß", "disease", "CD", "type 1 diabetes", "ä",
    ]  # fmt: skip
    kept = 0
    for _ in range(1500):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 12)))
        folded = fold(text)
        got = terms._find(text, folded)
        assert got == _find_plain(terms, text, folded), repr(text)
        kept += len(got)
    assert kept > 500


def test_a_name_with_commas_is_found_as_written_not_as_its_tail(kb):
    # the commas fold to two spaces: the squashed name alone left only "foot and mouth disease"
    # (another condition) to match in a page that writes the name as the record does
    for text in (
        "Hand, foot and mouth disease spreads in nurseries.",
        "Hand, foot, and mouth disease spreads in nurseries.",
        "Two children had hand, foot and mouth diseases last term.",
    ):
        assert ids(kb, text) == ["hand_foot_and_mouth_disease"], text


def test_a_comma_that_ends_a_phrase_does_not_join_it_to_a_name(kb):
    # near misses: the tail is still the other condition, and a list that only looks like the
    # name's is not the name
    assert "hand_foot_and_mouth_disease" not in ids(kb, "Foot and mouth disease in cattle.")
    assert "hand_foot_and_mouth_disease" not in ids(
        kb, "Wash the hand, then the foot, and mouth disease is less likely."
    )


def test_a_name_with_a_stop_is_found_with_or_without_it(kb):
    for text in ("An H. pylori infection heals.", "An H pylori infection heals."):
        assert ids(kb, text) == ["helicobacter_pylori_infection"], text
    assert "helicobacter_pylori_infection" not in ids(kb, "An H. pyloric infection heals.")


def test_type_and_number_written_together(kb):
    assert ids(kb, "She has type1 diabetes.") == ["type_1_diabetes"]
    assert ids(kb, "She has type 1 diabetes.") == ["type_1_diabetes"]
    assert "type_1_diabetes" not in ids(kb, "She has type11 diabetes.")


def test_allergic_pink_eye_is_allergic_conjunctivitis_and_pink_eye_alone_is_not(kb):
    assert ids(kb, "Is allergic pink eye really an allergy?") == ["allergic_conjunctivitis"]
    assert ids(kb, "Is pink eye an allergy?") == ["conjunctivitis"]


def test_find_spans_and_the_hits_made_from_them_are_the_plain_hits(kb):
    """``_find`` keeps a page's hits as tuples until the overlaps are settled and makes the
    kept ones without the frozen dataclass's ``__init__``; ``find_spans`` hands the tuples to
    the page's own walk. Both agree with the hits made the plain way, on short texts (found
    through the memo) and long ones, names glued to letters and overlapping one another."""
    import dataclasses
    import random

    from healthlens.knowledge.normalize import fold
    from healthlens.knowledge.terminology import TermHit, _term_hit

    terms = kb.terms
    terms.prepare()
    rng = random.Random(41)
    parts = [
        "celiac disease", "celiac", "disease", "lupus", "SLE", "MS", "ms", "IBD", "CD", "cd",
        "type 1 diabetes", "diabetes", "crohn's disease", "x", "é", "-", " ", "\n", ",", "(",
        "fpies", "FPIES", "hand, foot and mouth disease", "asthma",
    ]  # fmt: skip
    for n in range(800):
        size = rng.randrange(1, 12) if n % 2 else rng.randrange(40, 90)  # short and long texts
        text = "".join(rng.choice(parts) for _ in range(size))
        folded = fold(text)
        plain = _find_plain(terms, text, folded)
        assert terms._find(text, folded) == plain, repr(text)
        assert terms.find(text, folded) == plain, repr(text)
        assert kb.find_spans(text, folded) == [
            (h.start, h.end, h.concept_ids, h.via, h.ambiguous) for h in plain
        ], repr(text)
    made = _term_hit(3, 9, ("lupus",), "name", False)
    assert made == TermHit(3, 9, ("lupus",), "name", False)
    assert hash(made) == hash(TermHit(3, 9, ("lupus",), "name", False))
    assert repr(made) == repr(TermHit(3, 9, ("lupus",), "name", False))
    try:
        made.start = 4  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:  # pragma: no cover
        raise AssertionError("a hit made the fast way must stay frozen")
