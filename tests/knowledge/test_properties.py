"""The contagious / inherited / curable property data: loader, validation, answers (issue 13).

The packaged data is merged separately; these tests use the fixture in tests/data/properties/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlens.answer import ask
from healthlens.knowledge import KnowledgeBase, RecordError, load_properties
from healthlens.knowledge.summary import stats
from healthlens.knowledge.validate import validate_properties

FIXTURE = sorted((Path(__file__).parents[1] / "data" / "properties").glob("*.yaml"))


@pytest.fixture(scope="module")
def kbp(kb):
    """The packaged knowledge base with the fixture's property data."""
    return KnowledgeBase(kb.records, kb.terms, load_properties(FIXTURE))


ENTRY = """- id: {id}
  contagious:
    verdict: {verdict}
    basis: {basis}
    reason: It is not an infection and so cannot pass from one person to another.
    sources:
      - publisher: MedlinePlus (U.S. National Library of Medicine)
        title: Lupus
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_fixture_loads_with_every_field():
    props = load_properties(FIXTURE)
    lupus = props["systemic_lupus_erythematosus"]
    assert set(lupus) == {"contagious", "inherited", "curable"}
    assert (lupus["contagious"].verdict, lupus["contagious"].basis) == ("no", "inferred")
    assert lupus["inherited"].verdict == "partly" and lupus["curable"].sources[0].publisher


@pytest.mark.parametrize(
    "verdict, basis, problem",
    [
        ("false", "inferred", "boolean"),  # a YAML boolean is no verdict
        ('"maybe"', "inferred", "must be one of"),
        ('"no"', "guessed", "basis must be one of"),
    ],
)
def test_a_malformed_entry_is_an_error_naming_the_file_and_record(
    tmp_path, verdict, basis, problem
):
    path = write(
        tmp_path,
        "bad.yaml",
        ENTRY.format(id="systemic_lupus_erythematosus", verdict=verdict, basis=basis),
    )
    with pytest.raises(RecordError) as err:
        load_properties([path])
    assert "bad.yaml" in str(err.value) and "systemic_lupus_erythematosus" in str(err.value)
    assert problem in str(err.value)


def test_an_id_given_twice_across_files_is_an_error(tmp_path):
    one = ENTRY.format(id="psoriasis", verdict='"no"', basis="stated")
    a, b = write(tmp_path, "a.yaml", one), write(tmp_path, "b.yaml", one)
    with pytest.raises(RecordError, match=r"already has property data in a.yaml"):
        load_properties([a, b])


def test_an_entry_without_sources_is_an_error(tmp_path):
    text = ENTRY.format(id="psoriasis", verdict='"no"', basis="stated").split("    sources:")[0]
    with pytest.raises(RecordError, match="missing field"):
        load_properties([write(tmp_path, "s.yaml", text)])


def test_validation_names_missing_records_and_unknown_ids(kb, tmp_path):
    props = load_properties(FIXTURE)
    props.update(
        load_properties(
            [
                write(
                    tmp_path,
                    "x.yaml",
                    ENTRY.format(id="no_such_condition", verdict='"no"', basis="stated"),
                )
            ]
        )
    )
    problems = validate_properties(kb.records, props)
    by_record = {p.record: p.message for p in problems}
    assert "no curated record" in by_record["no_such_condition"]
    assert "no property data for contagious, inherited, curable" in by_record["gout"]
    assert "systemic_lupus_erythematosus" not in by_record  # complete: no problem
    assert (
        len([p for p in problems if p.message.startswith("no property data")])
        == len(kb.records) - 5
    )


def test_answers_carry_verdict_reason_basis_caution_and_sources(kbp):
    (a,) = ask("Is lupus contagious?", kbp)
    assert a.predicate == "contagious" and a.verdict == "no" and a.basis == "inferred"
    assert a.summary.startswith("No.") and "not an infection" in a.summary
    assert a.sources and a.sources[0]["title"] == "Lupus"
    (b,) = ask("Is cystic fibrosis inherited?", kbp)
    assert (b.verdict, b.basis) == ("yes", "stated") and "autosomal recessive" in b.reason
    (c,) = ask("Can strep throat be cured?", kbp)
    assert c.verdict == "yes" and c.predicate == "curable"


def test_a_record_without_property_data_is_unknown_with_a_reason(kbp):
    (a,) = ask("Is gout contagious?", kbp)
    assert a.verdict == "unknown" and a.concept_id == "gout"
    assert "no sourced verdict yet on whether gout is contagious" in a.summary


def test_stats_count_each_family(kbp):
    counts = stats(kbp)["properties"]["by_family"]
    assert counts["contagious"]["no"] == 4 and counts["contagious"]["yes"] == 1
    assert (
        counts["inherited"]["partly"] == 3 and counts["curable"]["missing"] == len(kbp.records) - 5
    )


def test_common_contagious_conditions_answer_with_their_sources(kb):
    # issue 12: the common contagious conditions parents ask about have curated records whose
    # family verdicts cite the page they rest on (a MedlinePlus topic, with the URL MedQuAD gives)
    cases = {
        "Is whooping cough contagious?": ("pertussis", "yes", "Whooping Cough"),
        "Is pink eye contagious?": ("conjunctivitis", "partly", "Pinkeye"),
        "Is ringworm contagious?": ("tinea", "yes", "Tinea Infections"),
        "Are cold sores curable?": ("herpes_labialis", "partly", "Cold Sores"),
        "Is chickenpox hereditary?": ("chickenpox", "no", "Chickenpox"),
        "Is pityriasis rosea contagious?": ("pityriasis_rosea", "no", "Pityriasis rosea"),
    }
    for question, (cid, verdict, title) in cases.items():
        (a,) = ask(question, kb)
        assert (a.concept_id, a.verdict) == (cid, verdict), question
        assert [s["title"] for s in a.sources] == [title], question
        assert a.understood and a.basis in ("stated", "inferred")
