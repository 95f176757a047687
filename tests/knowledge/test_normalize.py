from healthlens.knowledge.normalize import fold, term_variants


def test_fold_keeps_length_so_offsets_point_into_the_page():
    text = "Sjögren’s syndrome — Hashimoto's thyroiditis, CREST-syndrome"
    assert len(fold(text)) == len(text)
    assert fold("Sjögren’s") == "sjogren s"
    assert fold("CREST-syndrome") == "crest syndrome"


def test_variants_cover_possessive_and_plural():
    v = term_variants("Hashimoto's thyroiditis")
    assert "hashimoto s thyroiditis" in v and "hashimoto thyroiditis" in v
    assert "crohn s disease" in term_variants("Crohn disease")
    assert "food allergies" in term_variants("food allergy")
