import pytest

from healthlens.understand.abbreviations import align, find_definitions
from healthlens.understand.expansions import judge_definitions
from healthlens.understand.sentences import split_sentences


def defs(text):
    return [(a.short, a.long, a.pattern) for a in find_definitions(split_sentences(text))]


@pytest.mark.parametrize(
    "text, short, long",
    [
        ("Patients with inflammatory bowel disease (IBD) often have fatigue.", "IBD", "inflammatory bowel disease"),
        ("IBD (inflammatory bowel disease) is common.", "IBD", "inflammatory bowel disease"),
        ("Food protein-induced enterocolitis syndrome, often abbreviated as FPIES, affects infants.", "FPIES", "Food protein-induced enterocolitis syndrome"),
        ("EoE stands for eosinophilic esophagitis and is an allergy.", "EoE", "eosinophilic esophagitis"),
        ("Systemic lupus erythematosus, also known as SLE, is autoimmune.", "SLE", "Systemic lupus erythematosus"),
    ],
)
def test_every_definition_form_is_found(text, short, long):
    found = defs(text)
    assert any(s == short and l == long for s, l, _ in found), found


def test_letter_alignment():
    assert align("IBD", "inflammatory bowel disease") == 0
    assert align("FPIES", "Fibromyalgia") is None


def test_offsets_of_short_and_long_forms():
    text = "Patients with rheumatoid arthritis (RA) and more."
    (ab,) = find_definitions(split_sentences(text))
    assert text[ab.start : ab.end] == "RA"
    assert text[ab.long_start : ab.long_end] == "rheumatoid arthritis"


def test_fibromyalgia_as_fpies_is_inconsistent_with_the_terminology(kb):
    text = "Fibromyalgia, often abbreviated as FPIES in some contexts, is a chronic condition."
    (ab,) = judge_definitions(find_definitions(split_sentences(text)), kb)
    assert ab.long == "Fibromyalgia" and not ab.aligned and not ab.consistent
    assert ab.long_concept == "fibromyalgia"
    assert "Food protein-induced enterocolitis syndrome" in ab.expected


def test_wrong_expansion_that_aligns_is_still_caught(kb):
    text = "IBD (irritable bowel disease) causes cramps."
    (ab,) = judge_definitions(find_definitions(split_sentences(text)), kb)
    assert ab.aligned and not ab.consistent


def test_other_meaning_of_ambiguous_letters_is_accepted(kb):
    text = "Samples were analysed by mass spectrometry (MS) in triplicate."
    (ab,) = judge_definitions(find_definitions(split_sentences(text)), kb)
    assert ab.consistent


def test_short_form_first_with_a_naming_cue(kb):
    text = "FPIES, often called fibromyalgia, is a long-lasting condition."
    (ab,) = judge_definitions(find_definitions(split_sentences(text)), kb)
    assert (ab.short, ab.long, ab.consistent, ab.long_concept) == ("FPIES", "fibromyalgia", False, "fibromyalgia")


def test_unaligned_phrase_naming_nothing_is_not_a_definition(kb):
    text = "Acid moves up into the esophagus, called GERD."
    assert judge_definitions(find_definitions(split_sentences(text)), kb) == []


def test_subtypes_and_spelling_variants_are_consistent(kb):
    for text in ("In acute lymphocytic leukemia (ALL), there are too many lymphocytes.",
                 "The mild type is called hyperimmunoglobulinemia D syndrome (HIDS)."):
        (ab,) = judge_definitions(find_definitions(split_sentences(text)), kb)
        assert ab.consistent, text
