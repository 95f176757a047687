"""The strict YAML loader: YAML 1.1 pitfalls and malformed records get clear, located errors."""

from __future__ import annotations

import textwrap

import pytest

from healthlens.knowledge.records import RecordError, load_records

GOOD = """\
- id: optic_neuritis
  name: Optic neuritis
  abbreviations:
    - short: ON
      ambiguous: true
      also: [osteonecrosis]
  mechanism: immune_mediated
  autoimmune: "partly"
  reason: Inflammation of the optic nerve, often demyelinating.
  caution: Not every case is immune.
  sources:
    - publisher: National Eye Institute
      title: Optic Neuritis
"""


def _write(tmp_path, text, name="t.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_unquoted_on_stays_the_letters_not_a_boolean(tmp_path):
    rec = load_records([_write(tmp_path, GOOD)])["optic_neuritis"]
    assert rec.abbreviations[0].short == "ON" and rec.abbreviations[0].also == ("osteonecrosis",)


def test_unquoted_yes_no_verdict_reads_as_the_word(tmp_path):
    rec = load_records([_write(tmp_path, GOOD.replace('"partly"', "no"))])["optic_neuritis"]
    assert rec.autoimmune == "no"


def test_a_true_boolean_verdict_is_rejected_with_the_record_named(tmp_path):
    with pytest.raises(RecordError, match=r"t\.yaml: record 1 \(optic_neuritis\).*quoted"):
        load_records([_write(tmp_path, GOOD.replace('"partly"', "true"))])


def test_a_yes_no_flag_is_rejected_not_read_as_true(tmp_path):
    # YAML 1.1 would read ambiguous: no as False; a plain string "no" would be truthy. Both are wrong.
    with pytest.raises(RecordError, match=r"ambiguous.*true or false"):
        load_records([_write(tmp_path, GOOD.replace("ambiguous: true", "ambiguous: no"))])


def test_a_boolean_inside_a_list_of_names_is_rejected(tmp_path):
    text = GOOD.replace(
        "  name: Optic neuritis\n",
        "  name: Optic neuritis\n  synonyms: [Retrobulbar neuritis, true]\n",
    )
    with pytest.raises(RecordError, match=r"synonyms.*quote it"):
        load_records([_write(tmp_path, text)])


def test_a_key_written_twice_is_an_error_with_the_line(tmp_path):
    text = GOOD.replace(
        "  mechanism: immune_mediated\n", "  mechanism: immune_mediated\n  mechanism: autoimmune\n"
    )
    with pytest.raises(RecordError, match=r"t\.yaml, line \d+: .*'mechanism' is written twice"):
        load_records([_write(tmp_path, text)])


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "  mechanism: immune_mediated\n",
            "  mechanism: immunological\n",
            "mechanism must be one of",
        ),
        ('  autoimmune: "partly"\n', '  autoimmune: "maybe"\n', "'autoimmune' must be one of"),
        ("      title: Optic Neuritis\n", "", "publisher and a title"),
        ("- id: optic_neuritis", "- id: Optic Neuritis", "lowercase ASCII slug"),
        ("  reason:", "  rationale:", "missing field"),
    ],
)
def test_malformed_records_name_file_record_and_cause(tmp_path, old, new, message):
    with pytest.raises(RecordError, match=message) as err:
        load_records([_write(tmp_path, GOOD.replace(old, new))])
    assert "t.yaml" in str(err.value)


def test_two_records_with_one_id_are_rejected(tmp_path):
    with pytest.raises(RecordError, match="already used"):
        load_records([_write(tmp_path, GOOD + GOOD)])
