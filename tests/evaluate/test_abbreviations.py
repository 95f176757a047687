"""The Ab3P corpus reader, the scorer, and the detector measured on the real corpus."""

from pathlib import Path

import pytest

from healthlens.errors import InputError
from healthlens.evaluate.abbreviations import (
    evaluate_abbreviations,
    lenient_key,
    parse_ab3p,
    read_ab3p,
    score_detector,
)
from healthlens.understand.abbreviations import find_definitions
from healthlens.understand.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ab3p" / "MED1250_labeled"

# Written for these tests in the corpus format, with its quirks.
SAMPLE = (
    "111\n"
    "Tumour necrosis factor (TNF) in mice. \n"
    "We measured tumour necrosis factor (TNF) and interleukin 6 (IL-6).\r Levels rose. \n"
    "  TNF|tumour necrosis factor\n"
    "  TNF|tumour necrosis factor\n"
    "  IL-6| interleukin  6\n"
    "//!nch\n"
    "//*  mice|Mus musculus\n"
    "\n"
    "222\n"
    "A title without definitions.\r \n"
    "Plain text.\n"
    "\n"
    "\r \n"
    "\n"
    "111\n"
    "\n"
    "The rest of the first abstract.\n"
    "\n"
)


def test_parser_reads_records_pairs_and_notes():
    docs = parse_ab3p(SAMPLE)
    assert [d.pmid for d in docs] == ["111", "222"]
    first = docs[0]
    assert first.title == "Tumour necrosis factor (TNF) in mice."
    # repeated pairs are kept, whitespace is collapsed, rejected "//*" pairs are only notes
    assert first.pairs == (
        ("TNF", "tumour necrosis factor"),
        ("TNF", "tumour necrosis factor"),
        ("IL-6", "interleukin 6"),
    )
    assert first.notes == ("!nch", "*  mice|Mus musculus")


def test_parser_joins_a_record_split_under_the_same_pmid_and_drops_carriage_returns():
    first = parse_ab3p(SAMPLE)[0]
    assert first.body.endswith("Levels rose. The rest of the first abstract.")
    assert "\r" not in first.text
    assert first.text.startswith("Tumour necrosis factor (TNF) in mice.\nWe measured")


def test_parser_names_the_line_that_breaks_the_format():
    with pytest.raises(InputError, match=r"<t>:1: expected a PMID"):
        parse_ab3p("not a pmid\ntitle\n", "<t>")
    with pytest.raises(InputError, match=r"<t>:5: text after the gold pairs"):
        parse_ab3p("1\ntitle\ntext\n  A|b\nstray text\n", "<t>")


def test_missing_corpus_is_an_input_error_that_says_what_to_pass(tmp_path):
    with pytest.raises(InputError, match=r"no such file.*MED1250_labeled"):
        read_ab3p(tmp_path / "nope")


def test_windows_1252_notes_are_read(tmp_path):
    path = tmp_path / "c"
    path.write_bytes(b"1\nTitle\nHeart rate (HR) rose.\n  HR|Heart rate\n//\x93quoted\x94\n\n")
    (doc,) = read_ab3p(path)
    assert doc.notes == ("“quoted”",) and doc.pairs == (("HR", "Heart rate"),)


def test_strict_and_lenient_scores():
    docs = parse_ab3p(
        "1\nT\nWe used fast spin-echo (FSE) and heart rate (HR).\n  FSE|fast spin-echo\n  HR|heart rate\n  BP|blood pressure\n\n"
    )
    found = [("FSE", "Fast spin echo"), ("HR", "heart rate"), ("XY", "x y")]
    strict, _ = score_detector(docs, lambda text: found)
    assert (strict.tp, strict.predicted, strict.gold) == (1, 3, 3)
    assert strict.precision == pytest.approx(1 / 3) and strict.recall == pytest.approx(1 / 3)
    assert lenient_key("FSE", "Fast spin echo") == lenient_key("FSE", "fast spin-echo")


def test_evaluation_lists_misses_with_their_sentences(kb):
    docs = parse_ab3p(
        "1\nT\nWe measured heart rate (HR). Blood pressure was normal.\n  HR|heart rate\n  BP|blood pressure\n\n"
    )
    ev = evaluate_abbreviations(abstracts=docs, kb=kb)
    assert ev.detector.tp == 1 and ev.detector.gold == 2
    (fn,) = ev.false_negatives
    assert fn["short"] == "BP" and fn["sentence"] == "Blood pressure was normal."
    assert not ev.false_positives and not ev.conflicts


@pytest.fixture(scope="module")
def corpus():
    if not CORPUS.exists():
        pytest.skip("../shared/data/ab3p/MED1250_labeled is not beside the checkout")
    return read_ab3p(CORPUS)


def test_the_whole_corpus_is_read(corpus):
    assert len(corpus) == 1250
    assert sum(len(d.pairs) for d in corpus) == 1221


def test_offsets_are_exact_on_every_gold_abstract(corpus):
    for doc in corpus:
        for ab in find_definitions(split_sentences(doc.text)):
            assert doc.text[ab.start : ab.end] == ab.short, (doc.pmid, ab)
            assert doc.text[ab.long_start : ab.long_end] == ab.long, (doc.pmid, ab)


def test_first_150_abstracts_precision_recall_and_no_conflict_on_gold_pairs(corpus, kb):
    ev = evaluate_abbreviations(abstracts=corpus[:150], kb=kb)
    # the full corpus reaches P 0.976, R 0.880 (docs/benchmarks.md); these abstracts 0.99, 0.89
    assert ev.detector.precision >= 0.95, ev.false_positives
    assert ev.detector.recall >= 0.86, ev.false_negatives
    assert ev.pipeline.precision >= 0.95 and ev.pipeline.recall >= 0.86
    assert ev.conflicts_on_gold == []
