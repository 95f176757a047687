"""A name a record holds, whose answer to a family is not the record's, got the record's verdict.

Every record carries synonyms, lay names and names ICD-10-CM lends it (descriptions and
inclusion terms of the codes it lists and of codes under them). Some name a narrower form whose
answer differs ("porphyria cutanea tarda" under porphyria: mostly acquired, so porphyria's
"inherited: yes" does not hold; "cradle cap" under seborrhoeic dermatitis: it clears in
infancy), and some another condition ICD-10-CM files beside the record's ("folic acid
deficiency" under vitamin B12 deficiency, "march haemoglobinuria" under paroxysmal cold
haemoglobinuria, "meningoencephalitis" under Lyme disease, "being immunocompromised" under
primary immunodeficiency). Each such question got the record's verdict, the answer to another
question.

The record now lists those names under ``forms_that_differ`` with the families whose answer
differs, and a question naming one in such a family stays unknown (no verdict is given for the
form: a refusal needs no source). The same name asked in another family, the record's own
names, a longer name of the record that holds the form's ("chronic low back pain", "idiopathic
facial palsy") and names close in spelling ("Parkinson's" beside "parkinsonism") keep their
reading.
"""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.knowledge import FORM_FAMILIES
from healthlens.knowledge.records import RecordError, _forms_that_differ
from healthlens.question import parse_question


def _no_verdict(kb, text: str) -> None:
    """No answer to ``text`` gives a verdict, and none names a condition."""
    answers = ask(text, kb)
    assert answers
    for a in answers:
        assert a.verdict == "unknown", (text, a.verdict, a.concept_id, a.predicate)
        assert a.concept_id is None, (text, a.concept_id)


def _read_as(kb, text: str, cid: str) -> None:
    """``text`` is read as the condition ``cid`` and gets a verdict."""
    q = parse_question(text, kb)
    assert q.concept_id == cid, (text, q.concept_id, q.subject)
    assert any(a.verdict != "unknown" for a in ask(text, kb)), text


# each refused question beside one that keeps its reading: the same name in a family the record's
# answer holds for, or the record's own name in the same family
@pytest.mark.parametrize(
    "text, kept, cid",
    [
        # a narrower form whose answer differs
        (
            "is porphyria cutanea tarda inherited",
            "is porphyria cutanea tarda contagious",
            "porphyria",
        ),
        ("Can porphyria cutanea tarda be cured?", "is porphyria hereditary", "porphyria"),
        (
            "is porphria cutanea tarda genetic",
            "is acute intermittent porphyria genetic",
            "porphyria",
        ),
        (
            "does cradle cap go away",
            "is cradle cap contagious",
            "seborrheic_dermatitis",
        ),
        ("is cradel cap curable", "is seborrheic dermatitis curable", "seborrheic_dermatitis"),
        (
            "is congenital lactase deficiency genetic",
            "is lactose intolerance genetic",
            "lactose_intolerance",
        ),
        (
            "is secondary lactase deficiency curable",
            "is congenital lactase deficiency an allergy",
            "lactose_intolerance",
        ),
        ("is low back pain curable", "is chronic low back pain curable", "chronic_low_back_pain"),
        ("does lumbago go away", "is lumbago contagious", "chronic_low_back_pain"),
        ("is facial palsy curable", "is idiopathic facial palsy curable", "bell_palsy"),
        ("is parkinsonism curable", "Is there a cure for Parkinson's?", "parkinson_disease"),
        ("is drug induced gout genetic", "is gout genetic", "gout"),
        ("is acute toxic conjunctivitis contagious", "is pink eye contagious", "conjunctivitis"),
        (
            "is chronic giant papillary conjunctivitis contagious",
            "is conjunctivitis contagious",
            "conjunctivitis",
        ),
        (
            "is chronic rhinitis an allergy",
            "is non allergic rhinitis an allergy",
            "non_allergic_rhinitis",
        ),
        (
            "are epileptic seizures related to alcohol genetic",
            "is epilepsy genetic",
            "epilepsy",
        ),
        ("is lafora body disease curable", "is epilepsy curable", "epilepsy"),
        (
            "is secondary systemic amyloidosis hereditary",
            "is secondary systemic amyloidosis contagious",
            "amyloidosis",
        ),
        ("is vegan anemia autoimmune", "is b12 deficiency autoimmune", "vitamin_b12_deficiency"),
        # another condition filed under the record's code
        (
            "is folic acid deficiency autoimmune",
            "is vitamin b12 deficiency genetic",
            "vitamin_b12_deficiency",
        ),
        (
            "is biotin deficiency hereditary",
            "is b12 deficiency autoimmune",
            "vitamin_b12_deficiency",
        ),
        (
            "is transcobalamin ii deficiency genetic",
            "is vitamin b12 deficiency genetic",
            "vitamin_b12_deficiency",
        ),
        (
            "is congenital intrinsic factor deficiency autoimmune",
            "is pernicious anaemia autoimmune",
            "pernicious_anemia",
        ),
        (
            "is immunocompromised genetic",
            "is primary immunodeficiency genetic",
            "primary_immunodeficiency",
        ),
        (
            "is march hemoglobinuria autoimmune",
            "is paroxysmal cold haemoglobinuria autoimmune",
            "paroxysmal_cold_hemoglobinuria",
        ),
        ("is meningoencephalitis contagious", "is lyme disease contagious", "lyme_disease"),
        (
            "is simian b disease contagious",
            "is herpes simplex encephalitis contagious",
            "herpes_simplex_encephalitis",
        ),
        ("is myotonia fluctuans autoimmune", "is isaacs syndrome autoimmune", "isaacs_syndrome"),
        ("is toxic optic neuropathy autoimmune", "is optic neuritis autoimmune", "optic_neuritis"),
        (
            "is thyrotoxicosis factitia autoimmune",
            "is thyrotoxicosis autoimmune",
            "hyperthyroidism",
        ),
        (
            "is multiple valve disease autoimmune",
            "is rheumatic heart disease autoimmune",
            "rheumatic_heart_disease",
        ),
        ("is hepatic granuloma contagious", "is sarcoidosis contagious", "sarcoidosis"),
        ("is a scleral abscess autoimmune", "is scleritis autoimmune", "scleritis"),
        ("do bone spurs go away", "is tendonitis curable", "tendinitis"),
        (
            "is plantar fascial fibromatosis genetic",
            "is plantar fasciitis curable",
            "plantar_fasciitis",
        ),
        (
            "is decreased estrogen autoimmune",
            "is autoimmune oophoritis autoimmune",
            "autoimmune_oophoritis",
        ),
        (
            "is chronic atrophic gastritis autoimmune",
            "is autoimmune gastritis genetic",
            "autoimmune_gastritis",
        ),
        (
            "is hypersensitivity angiitis autoimmune",
            "is goodpasture syndrome autoimmune",
            "anti_glomerular_basement_membrane_disease",
        ),
        (
            "is rheumatoid arthritis of spine autoimmune",
            "is ankylosing spondylitis autoimmune",
            "ankylosing_spondylitis",
        ),
        ("is myocardial fibrosis contagious", "is myocarditis contagious", "myocarditis"),
        (
            "is neurogenic orthostatic hypotension genetic",
            "is multiple system atrophy genetic",
            "multiple_system_atrophy",
        ),
        ("is lichenoid drug reaction autoimmune", "is lichen planus autoimmune", "lichen_planus"),
        ("what is loin pain", "is lumbago genetic", "chronic_low_back_pain"),
        ("what is parkinsonism", "is parkinsons disease genetic", "parkinson_disease"),
        # the bare word also names sleeping sickness: only the American form is Chagas disease
        (
            "is trypanosomiasis contagious",
            "is american trypanosomiasis contagious",
            "chagas_disease",
        ),
        ("what is trypanosomiasis", "what is chagas disease", "chagas_disease"),
    ],
)
def test_a_name_whose_answer_differs_is_refused_in_that_family(kb, text, kept, cid):
    q = parse_question(text, kb)
    assert q.concept_id is None and q.unresolved, (q.concept_id, q.subject)
    _no_verdict(kb, text)
    _read_as(kb, kept, cid)


def test_the_refusal_names_the_form_and_its_record_but_makes_no_unsourced_claim(kb):
    """The reader learns which name was refused and under which record; the curator's reason
    (a medical statement with no source) is not shown as if it were an answer."""
    q = parse_question("is porphyria cutanea tarda genetic", kb)
    assert q.unresolved and "Porphyria cutanea tarda" in q.unresolved
    assert "Porphyria's" in q.unresolved and "no sourced answer" in q.unresolved
    (reason,) = [
        f.reason
        for f in kb.records["porphyria"].forms_that_differ
        if "Porphyria cutanea tarda" in f.names
    ]
    assert "acquired" in reason and "acquired" not in q.unresolved


def test_every_form_names_its_record(kb):
    """Each listed form has a name the terminology links to its record (a name that no longer
    reaches the record would refuse nothing), and lists only known families."""
    for rec in kb.records.values():
        for form in rec.forms_that_differ:
            assert set(form.families) <= set(FORM_FAMILIES), (rec.id, form.families)
            assert any(rec.id in kb.lookup(n) for n in form.names), (rec.id, form.names)


@pytest.mark.parametrize(
    "raw, message",
    [
        ("porphyria cutanea tarda", "must be a list"),
        ([{"names": ["X"], "families": ["inherited"]}], "reason"),
        ([{"names": ["X"], "families": ["heritable"], "reason": "r"}], "families"),
        ([{"names": [], "families": ["inherited"], "reason": "r"}], "at least one name"),
        ([{"names": ["X"], "families": ["inherited"], "reason": "r", "why": "w"}], "unknown"),
    ],
)
def test_the_loader_rejects_a_malformed_form(raw, message):
    with pytest.raises(RecordError, match=message):
        _forms_that_differ(raw, "test.yaml: record 1")


def test_all_names_every_family():
    (form,) = _forms_that_differ(
        [{"names": ["X"], "families": ["all"], "reason": "another condition"}], "test.yaml"
    )
    assert form.families == FORM_FAMILIES
