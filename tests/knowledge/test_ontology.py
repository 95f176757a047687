"""Reading ontology files: OBO, OBO Graphs JSON and the Disease Ontology TSV reports."""

from __future__ import annotations

import gzip
import json

import pytest

from healthlens.errors import KnowledgeError
from healthlens.knowledge.ontology import curie, read_ontologies, read_ontology

OBO = """format-version: 1.2
ontology: doid

[Term]
id: DOID:417
name: autoimmune disease
synonym: "autoimmune disorder" EXACT []

[Term]
id: DOID:7148
name: rheumatoid arthritis
synonym: "RA" EXACT [NCI:C2884]
synonym: "rheumatism" RELATED []
xref: ICD10CM:M06.9
is_a: DOID:848 ! arthritis

[Term]
id: DOID:848
name: arthritis

[Term]
id: DOID:0000000
name: an obsolete thing
is_obsolete: true

[Typedef]
id: part_of
name: part of
"""


def test_obo_terms_synonyms_parents_xrefs(tmp_path):
    p = tmp_path / "mini.obo"
    p.write_text(OBO, encoding="utf-8")
    onto = read_ontology(p)
    ra = onto.terms["DOID:7148"]
    assert ra.name == "rheumatoid arthritis" and ra.parents == ["DOID:848"]
    assert ("RA", "EXACT") in ra.synonyms and ("rheumatism", "RELATED") in ra.synonyms
    assert ra.exact_names() == ["rheumatoid arthritis", "RA"]
    assert ra.xrefs == ["ICD10CM:M06.9"]
    assert onto.terms["DOID:0000000"].deprecated
    assert "part_of" not in onto.terms  # a Typedef is not a term
    assert onto.sources[0]["format"] == "obo"


def test_obo_graphs_json_gz_with_iris(tmp_path):
    graph = {
        "graphs": [
            {
                "nodes": [
                    {
                        "id": "http://purl.obolibrary.org/obo/MONDO_0007915",
                        "type": "CLASS",
                        "lbl": "systemic lupus erythematosus",
                        "meta": {
                            "synonyms": [
                                {"pred": "hasExactSynonym", "val": "SLE"},
                                {"pred": "hasNarrowSynonym", "val": "lupus nephritis"},
                            ],
                            "xrefs": [{"val": "ICD10CM:M32"}],
                        },
                    },
                    {
                        "id": "http://purl.obolibrary.org/obo/MONDO_0007179",
                        "type": "CLASS",
                        "lbl": "autoimmune disease",
                    },
                    {
                        "id": "http://purl.obolibrary.org/obo/RO_0002200",
                        "type": "PROPERTY",
                        "lbl": "has phenotype",
                    },
                ],
                "edges": [
                    {
                        "sub": "http://purl.obolibrary.org/obo/MONDO_0007915",
                        "pred": "is_a",
                        "obj": "http://purl.obolibrary.org/obo/MONDO_0007179",
                    },
                    {
                        "sub": "http://purl.obolibrary.org/obo/MONDO_0007915",
                        "pred": "http://purl.obolibrary.org/obo/RO_0002200",
                        "obj": "x",
                    },
                ],
            }
        ]
    }
    p = tmp_path / "mini.json.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        json.dump(graph, fh)
    onto = read_ontology(p)
    sle = onto.terms["MONDO:0007915"]
    assert sle.parents == ["MONDO:0007179"] and ("lupus nephritis", "NARROW") in sle.synonyms
    assert "RO:0002200" not in onto.terms and onto.sources[0]["format"] == "obo-json"
    assert onto.ancestors("MONDO:0007915") == {"MONDO:0007179"}
    assert onto.descendants("MONDO:0007179") == {"MONDO:0007915"}


def test_do_tsv_reports_merge_parents_by_label_xrefs_and_anonymous_axioms(tmp_path):
    (tmp_path / "HumanDO.tsv").write_text(
        'id\tlabel\tsubClassOf\n"DOID:417"\t"autoimmune disease"\t"immune system disease"\n'
        '"DOID:2377"\t"multiple sclerosis"\t"demyelinating disease"\n"DOID:2377"\t"multiple sclerosis"\t"X"\n'
        '"DOID:1"\t"immune system disease"\t""\n',
        encoding="utf-8",
    )
    (tmp_path / "allXREFinDO.tsv").write_text(
        'id\tlabel\txref\n"DOID:2377"\t"multiple sclerosis"\t"ICD10CM:G35"\n', encoding="utf-8"
    )
    (tmp_path / "anon.tsv").write_text(
        "ID\tLABEL\tSubClass Of [ANON]\nDOID:2377\tmultiple sclerosis\t'autoimmune disease' and ('disease has location' some 'brain')|'has symptom' some 'fatigue'\n",
        encoding="utf-8",
    )
    onto = read_ontologies(
        [tmp_path / "HumanDO.tsv", tmp_path / "allXREFinDO.tsv", tmp_path / "anon.tsv"]
    )
    ms = onto.terms["DOID:2377"]
    assert "DOID:417" in ms.parents and ms.xrefs == ["ICD10CM:G35"]
    assert (
        "label:demyelinating disease" in ms.parents
    )  # a parent label not in the file stays visible, never guessed
    assert onto.terms["DOID:417"].parents == ["DOID:1"]
    assert "DOID:417" in onto.ancestors("DOID:2377")


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("notes.txt", "just some notes\n", "not an ontology file"),
        ("broken.json", '{"graphs": [', "malformed obo-json"),
        ("odd.tsv", "a\tb\tc\n1\t2\t3\n", "malformed tsv"),
        ("empty.obo", "format-version: 1.2\n", "holds no terms"),
    ],
)
def test_bad_files_name_the_file_and_the_cause(tmp_path, name, text, message):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=message) as err:
        read_ontology(p)
    assert name in str(err.value)


def test_missing_file_is_a_knowledge_error(tmp_path):
    with pytest.raises(KnowledgeError, match="no such file"):
        read_ontology(tmp_path / "nope.obo")


def test_curie_shortens_obo_iris():
    assert curie("http://purl.obolibrary.org/obo/DOID_7148") == "DOID:7148"
    assert curie("DOID:7148") == "DOID:7148"
