"""End to end on the two real seed pages: the issue's acceptance examples."""

import json

import pytest

from healthlens import check
from healthlens.report import report_to_dict


@pytest.fixture(scope="module")
def fpies(seeds):
    return report_to_dict(check(seeds, question="Is FPIES an autoimmune disease?"))


@pytest.fixture(scope="module")
def fibro(seeds):
    return report_to_dict(check(seeds, question="Is fibromyalgia an autoimmune disease?"))


def test_fpies_verdict_is_no_with_sources(fpies):
    a = fpies["answer"]
    assert a["verdict"] == "no"
    assert a["condition"]["name"] == "Food protein-induced enterocolitis syndrome"
    assert a["sources"] and all(s["publisher"] and s["title"] for s in a["sources"])


def test_both_seed_pages_are_off_topic_for_fpies_and_about_fibromyalgia(fpies):
    for p in fpies["pages"]:
        assert p["on_topic"] is False
        assert p["main_condition"]["id"] == "fibromyalgia"
        assert any(f["kind"] == "off_topic" for f in p["findings"])


def test_seed_000_has_the_abbreviation_conflict_on_its_sentence(fpies):
    p = fpies["pages"][0]
    (f,) = [f for f in p["findings"] if f["kind"] == "abbreviation_conflict"]
    assert "often abbreviated as FPIES" in f["sentence"]
    assert "Food protein-induced enterocolitis syndrome" in f["message"]
    (ab,) = [a for a in p["abbreviations"] if a["short"] == "FPIES"]
    assert ab["long"] == "Fibromyalgia" and ab["consistent"] is False


def test_fibromyalgia_verdict_and_page_answers(fibro):
    assert fibro["answer"]["verdict"] == "no"
    p000, p004 = fibro["pages"]
    assert p000["on_topic"] is True and p000["page_answer"] == "no"
    assert p004["on_topic"] is True and p004["page_answer"] == "partly"


def test_seed_004_contradicts_itself_cites_nothing_and_has_date_and_disclaimer(fibro):
    p = fibro["pages"][1]
    assert any(f["kind"] == "self_contradiction" for f in p["findings"])
    c = p["credibility"]
    assert c["date"] == "2025-05-29" and c["cites_sources"] is False and c["disclaimer"] is True


def test_without_a_question_the_title_of_000_is_the_question(seeds):
    d = report_to_dict(check(seeds))
    assert d["question"]["text"] == "Is fpies an autoimmune disease"
    assert d["question"]["source"] == "title"
    assert d["answer"]["verdict"] == "no"


def test_json_contract_fields(fpies):
    json.dumps(fpies)
    assert set(fpies) >= {"question", "answer", "pages"}
    assert set(fpies["answer"]) >= {"question", "condition", "verdict", "summary", "sources"}
    for p in fpies["pages"]:
        assert set(p) >= {
            "input",
            "title",
            "error",
            "main_condition",
            "conditions",
            "on_topic",
            "page_answer",
            "agrees_with_evidence",
            "abbreviations",
            "findings",
            "credibility",
        }
        assert set(p["credibility"]) >= {
            "author",
            "date",
            "cites_sources",
            "disclaimer",
            "commercial",
            "first_person",
        }
        for f in p["findings"]:
            assert set(f) >= {"kind", "severity", "sentence", "message", "evidence"}
        for a in p["abbreviations"]:
            assert set(a) >= {"short", "long", "sentence", "consistent"}
