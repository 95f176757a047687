"""`kb import` on the real Disease Ontology files in ../shared (skipped when absent).

Each file is parsed once per test session (the 2018 JSON takes a few seconds)."""

from __future__ import annotations

import pytest

from conftest import DISEASE_ONTOLOGY
from healthlens.knowledge.records import load_records
from healthlens.knowledge.store import import_ontology

JSON_2018 = DISEASE_ONTOLOGY / "doid-2018-07-05.json.gz"
TSV = [
    DISEASE_ONTOLOGY / n for n in ("HumanDO.tsv", "allXREFinDO.tsv", "DO-subClassOf-anonymous.tsv")
]


@pytest.fixture(scope="session")
def records():
    return load_records()


@pytest.fixture(scope="session")
def tsv_report(records, tmp_path_factory):
    if not all(p.exists() for p in TSV):
        pytest.skip("../shared/data/disease-ontology TSV reports are not beside the checkout")
    import os

    os.environ["HEALTHLENS_CACHE"], old = (
        str(tmp_path_factory.mktemp("do-tsv")),
        os.environ["HEALTHLENS_CACHE"],
    )
    try:
        return import_ontology(TSV, records, reset=True)
    finally:
        os.environ["HEALTHLENS_CACHE"] = old


@pytest.fixture(scope="session")
def json_report(records):
    if not JSON_2018.exists():
        pytest.skip(
            "../shared/data/disease-ontology/doid-2018-07-05.json.gz is not beside the checkout"
        )
    return import_ontology([JSON_2018], records, reset=True, save=False)


def _disagreeing(report):
    return {row["record"] for row in report.disagreements}


def test_tsv_release_reports_the_known_autoimmune_gaps(tsv_report):
    # the issue: DO does not put RA, T1D, psoriasis, Crohn's or UC under "autoimmune disease"
    gaps = _disagreeing(tsv_report)
    assert {
        "rheumatoid_arthritis",
        "type_1_diabetes",
        "psoriasis",
        "crohn_disease",
        "ulcerative_colitis",
    } <= gaps
    assert tsv_report.roots["autoimmune"] == "DOID:417"


def test_tsv_release_agrees_on_the_clear_autoimmune_cases(tsv_report):
    gaps = _disagreeing(tsv_report)
    for rid in (
        "systemic_lupus_erythematosus",
        "celiac_disease",
        "graves_disease",
        "myasthenia_gravis",
        "hashimoto_thyroiditis",
    ):
        assert rid not in gaps


def test_tsv_anonymous_axioms_put_multiple_sclerosis_under_autoimmune(tsv_report):
    assert "multiple_sclerosis" not in _disagreeing(tsv_report)


def test_tsv_release_has_no_fpies_and_links_most_records(tsv_report, records):
    assert "food_protein_induced_enterocolitis_syndrome" in tsv_report.unlinked_records
    assert tsv_report.linked_records > len(records) * 0.6
    assert tsv_report.terms > 10000 and tsv_report.icd10cm_xrefs > 3000


def test_json_2018_release_reads_synonyms_and_flags_autoinflammatory_fevers(json_report):
    assert json_report.exact_synonyms > 10000 and json_report.is_a_edges > 10000
    assert (
        json_report.roots["autoimmune"] == "DOID:417"
    )  # labelled "autoimmune hypersensitivity disease" in 2018
    no_but_under = {row["record"] for row in json_report.disagreements if row["verdict"] == "no"}
    assert "familial_mediterranean_fever" in no_but_under
