"""`kb import`: linking ontology terms to curated records, the disagreement report, and the
names an import adds to linking. Hand-built records and a hand-written OBO file."""

from __future__ import annotations

import pytest

from healthlens.knowledge.records import AbbreviationEntry, ConditionRecord, Source
from healthlens.knowledge.store import import_ontology, imported_names, load_store, store_path
from healthlens.knowledge.terminology import build_terminology


def _rec(rid, name, verdict, mechanism, **kw):
    return ConditionRecord(
        id=rid,
        name=name,
        mechanism=mechanism,
        autoimmune=verdict,
        reason="A reason long enough for a record here.",
        sources=(Source("National Institutes of Health", "A page"),),
        caution="why" if verdict in ("partly", "uncertain") else None,
        **kw,
    )


RECORDS = {
    r.id: r
    for r in [
        _rec(
            "rheumatoid_arthritis",
            "Rheumatoid arthritis",
            "yes",
            "autoimmune",
            abbreviations=(AbbreviationEntry("RA", True, also=("right atrium",)),),
            icd10cm=("M05", "M06.9"),
        ),
        _rec(
            "familial_mediterranean_fever",
            "Familial Mediterranean fever",
            "no",
            "autoinflammatory",
            icd10cm=("M04.1",),
        ),
        _rec(
            "celiac_disease",
            "Celiac disease",
            "yes",
            "autoimmune",
            british=("Coeliac disease",),
            icd10cm=("K90.0",),
        ),
        _rec("behcet_disease", "Behçet disease", "uncertain", "immune_mediated"),
        _rec("hay_fever", "Allergic rhinitis", "no", "allergic", synonyms=("Hay fever",)),
        _rec("fpies", "Food protein-induced enterocolitis syndrome", "no", "allergic"),
    ]
}

OBO = """format-version: 1.2

[Term]
id: DOID:4
name: disease

[Term]
id: DOID:417
name: autoimmune disease
is_a: DOID:4

[Term]
id: DOID:1205
name: allergic disease
is_a: DOID:4

[Term]
id: DOID:848
name: arthritis
is_a: DOID:4

[Term]
id: DOID:7148
name: rheumatoid arthritis
synonym: "atrophic arthritis" EXACT []
is_a: DOID:848

[Term]
id: DOID:2987
name: familial Mediterranean fever
is_a: DOID:417

[Term]
id: DOID:10608
name: gluten-sensitive enteropathy
synonym: "coeliac disease" EXACT []
is_a: DOID:417

[Term]
id: DOID:13241
name: Behcet's disease
is_a: DOID:417

[Term]
id: DOID:4481
name: seasonal allergic rhinitis
xref: ICD10CM:J30.2
is_a: DOID:1205

[Term]
id: DOID:9999
name: pollen-food thing
synonym: "pfoo" EXACT []
is_a: DOID:1205
"""


@pytest.fixture()
def store_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHLENS_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "mini.obo"
    path.write_text(OBO, encoding="utf-8")
    return path


def test_links_by_label_synonym_british_spelling_and_never_changes_a_verdict(store_dir):
    before = {rid: r.autoimmune for rid, r in RECORDS.items()}
    report = import_ontology([store_dir], RECORDS)
    store = load_store()
    assert store.best_term("rheumatoid_arthritis")[0].id == "DOID:7148"
    assert (
        store.best_term("celiac_disease")[0].id == "DOID:10608"
    )  # via the British spelling, an exact synonym
    assert (
        store.best_term("behcet_disease")[0].id == "DOID:13241"
    )  # diacritics and possessive folded
    assert "fpies" in report.unlinked_records
    assert {rid: r.autoimmune for rid, r in RECORDS.items()} == before
    assert store_path().exists() and report.store == str(store_path())


def test_disagreement_report_names_both_directions_and_contested_cases(store_dir):
    report = import_ontology([store_dir], RECORDS)
    kinds = {row["record"]: row["kind"] for row in report.disagreements}
    assert kinds["rheumatoid_arthritis"].startswith("curated yes; ontology does not place it")
    assert kinds["familial_mediterranean_fever"].startswith("curated no; ontology places it")
    assert "celiac_disease" not in kinds  # agrees: under autoimmune disease
    assert [row["record"] for row in report.contested] == ["behcet_disease"]
    rows = {row["record"]: row for row in report.disagreements}
    assert rows["rheumatoid_arthritis"]["parents"] == ["arthritis"]
    assert report.roots == {"autoimmune": "DOID:417", "allergic": "DOID:1205"}


def test_imported_names_feed_linking_under_the_curated_id(store_dir):
    import_ontology([store_dir], RECORDS)
    rows = imported_names()
    assert ("rheumatoid_arthritis", "atrophic arthritis", "rheumatoid arthritis") in rows
    assert (
        "DOID:9999",
        "pfoo",
        "pollen-food thing",
    ) in rows  # an unlinked term keeps its ontology id
    term = build_terminology(RECORDS, rows, use_icd=False, cache=False)
    assert term.lookup("atrophic arthritis") == ["rheumatoid_arthritis"]
    assert term.lookup("pfoo") == ["DOID:9999"] and term.concepts["DOID:9999"].source == "ontology"


def test_a_curated_name_beats_an_ontology_synonym(store_dir):
    import_ontology([store_dir], RECORDS)
    rows = [*imported_names(), ("DOID:1", "Hay fever", "some other thing")]
    term = build_terminology(RECORDS, rows, use_icd=False, cache=False)
    assert term.lookup("hay fever") == ["hay_fever"]


def test_importing_again_adds_and_reset_forgets(store_dir, tmp_path):
    import_ontology([store_dir], RECORDS)
    extra = tmp_path / "extra.obo"
    extra.write_text("[Term]\nid: X:1\nname: made up disease\n", encoding="utf-8")
    report = import_ontology([extra], RECORDS)
    assert report.terms == 11 and {"DOID:7148", "X:1"} <= set(load_store().ontology.terms)
    import_ontology([extra], RECORDS, reset=True)
    assert set(load_store().ontology.terms) == {"X:1"}


def test_without_an_import_there_are_no_imported_names(tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHLENS_CACHE", str(tmp_path / "empty"))
    assert load_store() is None and imported_names() == []
