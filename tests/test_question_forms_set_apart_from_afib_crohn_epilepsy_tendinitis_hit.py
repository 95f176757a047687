"""Names ICD-10-CM and the records lend to nine records, whose answer is not the record's.

A second pass over ``forms_that_differ`` (see docs/knowledge-schema.md, "Forms that differ").
Each of these names was read as its record and got the record's verdict, an answer to another
question:

- the kinds of atrial flutter ("typical", "type 1", ...) under atrial fibrillation: flutter is
  another rhythm problem (often ended for good by ablation), so AF's "curable: partly" and its
  definition do not answer it; bare "atrial flutter" was already unknown;
- "terminal ileitis" under Crohn's disease: inflammation of the end of the small bowel from any
  cause, infections among them, so "autoimmune: yes" and "contagious: no" do not hold;
- Dravet syndrome and KCNQ2-related epilepsy under epilepsy: single-gene epilepsies, mostly new
  in the child, lifelong and not autoimmune, unlike epilepsy's "partly" answers;
- "capsulitis", "periarthritis" and "enthesopathy" under tendinitis (filed beside it): other
  problems, and enthesopathy includes the enthesitis of spondyloarthritis;
- non-immune (type 1) HIT in the immune family and its definition, and "autoimmune HIT syndrome"
  in the autoimmune family, under heparin-induced thrombocytopenia;
- "influenza A H5N1" (bird flu, seldom spread between people; "avian influenza" was already
  unknown), and forms that clear where the record's curable answer is "partly": unicentric
  Castleman disease (removed by surgery), transient acquired pure red cell aplasia and autoimmune
  neutropenia of infancy (both recover on their own).

The same names in a family whose answer holds, and the records' own names, keep their reading.
"""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


def _no_verdict(kb, text: str) -> None:
    answers = ask(text, kb)
    assert answers
    for a in answers:
        assert a.verdict == "unknown", (text, a.verdict, a.concept_id, a.predicate)
        assert a.concept_id is None, (text, a.concept_id)


def _read_as(kb, text: str, cid: str) -> None:
    q = parse_question(text, kb)
    assert q.concept_id == cid, (text, q.concept_id, q.subject)
    assert any(a.verdict != "unknown" for a in ask(text, kb)), text


@pytest.mark.parametrize(
    "text, kept, cid",
    [
        # atrial flutter's kinds: another rhythm problem
        (
            "is typical atrial flutter curable",
            "is paroxysmal atrial fibrillation curable",
            "atrial_fibrillation",
        ),
        ("what is type 1 atrial flutter", "what is atrial fibrillation", "atrial_fibrillation"),
        ("is atypical atrial flutter genetic", "is afib genetic", "atrial_fibrillation"),
        # terminal ileitis: many causes, Crohn's one of them
        ("is terminal ileitis autoimmune", "is crohns ileitis autoimmune", "crohn_disease"),
        ("is terminal ileitis contagious", "is regional ileitis contagious", "crohn_disease"),
        ("what is terminal ileitis", "what is crohn's disease", "crohn_disease"),
        # single-gene epilepsies
        ("is dravet syndrome genetic", "is dravet syndrome contagious", "epilepsy"),
        ("is dravets syndrome curable", "is epilepsy curable", "epilepsy"),
        ("is kcnq2 related epilepsy autoimmune", "is epilepsy autoimmune", "epilepsy"),
        ("my baby has kcnq2-related epilepsy is it inherited", "is epilepsy inherited", "epilepsy"),
        # names filed beside tendinitis
        ("is capsulitis curable", "is tendonitis curable", "tendinitis"),
        ("what is periarthritis", "what is tendinitis", "tendinitis"),
        ("is enthesopathy autoimmune", "is tendinitis autoimmune", "tendinitis"),
        # bird flu, and narrower forms that clear where the record's answer is mixed
        ("is influenza a h5n1 contagious", "is seasonal influenza contagious", "influenza"),
        (
            "is unicentric castleman disease curable",
            "is unicentric castleman disease contagious",
            "castleman_disease",
        ),
        (
            "is transient acquired pure red cell aplasia curable",
            "is pure red cell aplasia curable",
            "pure_red_cell_aplasia",
        ),
        (
            "is autoimmune neutropenia of infancy curable",
            "is autoimmune neutropenia of infancy autoimmune",
            "autoimmune_neutropenia",
        ),
        # HIT without antibodies, and HIT called autoimmune
        (
            "is non-immune HIT an immune reaction",
            "is non-immune HIT curable",
            "heparin_induced_thrombocytopenia",
        ),
        (
            "what is type 1 heparin induced thrombocytopenia",
            "what is heparin induced thrombocytopenia",
            "heparin_induced_thrombocytopenia",
        ),
        (
            "is autoimmune heparin induced thrombocytopenia syndrome autoimmune",
            "is heparin induced thrombocytopenia autoimmune",
            "heparin_induced_thrombocytopenia",
        ),
    ],
)
def test_a_lent_name_whose_answer_differs_is_refused(kb, text, kept, cid):
    q = parse_question(text, kb)
    assert q.concept_id is None and q.unresolved, (q.concept_id, q.subject)
    _no_verdict(kb, text)
    _read_as(kb, kept, cid)


@pytest.mark.parametrize(
    "text, cid",
    [
        # a record of its own keeps its names: frozen shoulder is adhesive capsulitis
        ("is adhesive capsulitis curable", "frozen_shoulder"),
        # the immune (type 2) HIT is the record's own answer
        ("is type 2 HIT an immune reaction", "heparin_induced_thrombocytopenia"),
        ("is HIT an immune reaction", "heparin_induced_thrombocytopenia"),
    ],
)
def test_the_records_own_forms_keep_their_reading(kb, text, cid):
    _read_as(kb, text, cid)
