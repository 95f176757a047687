"""The link question typed as keywords, without its verb: "X linked to autoimmune disease", "X and
autoimmune disease connection", "X autoimmune disease risk" ask whether X goes with autoimmune
disease, and get the plain link question's reading. "X autoimmune disease risk" could name X as an
autoimmune disease and ask its own risk, so it is read only where X is no autoimmune disease; a
question word before X, words after the last, or a named second condition end no form here."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, concept",
    [
        ("primary immunodeficiency linked to autoimmune disease", "primary_immunodeficiency"),
        ("psoriasis linked to other autoimmune diseases", "psoriasis"),
        ("psoriasis associated with autoimmune disease", "psoriasis"),
        ("endometriosis and autoimmune disease connection", "endometriosis"),
        ("endometriosis & autoimmune disease link", "endometriosis"),
        ("digeorge syndrome autoimmune disease risk", "digeorge_syndrome"),
        ("fibromyalgia autoimmune disease risk", "fibromyalgia"),
    ],
)
def test_a_link_typed_as_keywords_is_the_link_question(kb, text, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == ("link", concept, None)
    assert q.text == text


def test_a_link_typed_as_keywords_gets_the_plain_questions_verdict(kb):
    typed = ask(
        [
            "primary immunodeficiency linked to autoimmune disease",
            "digeorge syndrome autoimmune disease risk",
            "endometriosis and autoimmune disease connection",
        ],
        kb,
    )
    plain = ask(
        [
            "Is primary immunodeficiency linked to autoimmune disease?",
            "Does DiGeorge syndrome raise the risk of autoimmune disease?",
            "Is there a link between endometriosis and autoimmune disease?",
        ],
        kb,
    )
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert typed[0].verdict == "yes"


@pytest.mark.parametrize(
    "text",
    [
        # an autoimmune disease's own risk: "the risk of getting celiac" is no link
        "celiac disease autoimmune disease risk",
        "type 1 diabetes autoimmune disease risk",
        "lupus autoimmune disease risk",
        # words after the link: others' experience, or who is asked about
        "endometriosis and autoimmune disease connection anyone else",
        "psoriasis linked to autoimmune disease in women",
        # a question word before the name, or a second condition
        "what is psoriasis linked to autoimmune disease",
        "psoriasis linked to lupus",
    ],
)
def test_look_alikes_of_a_link_in_keywords_stay_unknown(kb, text):
    q = parse_question(text, kb)
    assert q.predicate is None
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
