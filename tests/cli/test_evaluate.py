"""`healthlens eval abbreviations` and `healthlens eval questions`."""

import json

from click.testing import CliRunner

from healthlens.cli import main

CORPUS = (
    "1\nHeart rate in runners.\nWe measured heart rate (HR) and blood pressure (BP) in runners. Stroke volume was normal.\n"
    "  HR|heart rate\n  BP|blood pressure\n  SV|stroke volume\n\n"
)


def test_eval_abbreviations_json(tmp_path):
    path = tmp_path / "corpus"
    path.write_text(CORPUS)
    r = CliRunner().invoke(main, ["eval", "abbreviations", str(path), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["abstracts"] == 1 and d["detector"]["right"] == 2 and d["detector"]["gold"] == 3
    assert d["detector"]["precision"] == 1.0 and d["conflicts_on_gold_pairs"] == 0
    assert [m["short"] for m in d["false_negatives"]] == ["SV"]


def test_eval_abbreviations_terminal_lists_misses(tmp_path):
    path = tmp_path / "corpus"
    path.write_text(CORPUS)
    r = CliRunner().invoke(main, ["eval", "abbreviations", str(path), "--misses", "1"])
    assert r.exit_code == 0, r.output
    assert "false negatives (1):" in r.output and "SV = stroke volume" in r.output


def test_eval_abbreviations_missing_corpus_names_it(tmp_path):
    r = CliRunner().invoke(main, ["eval", "abbreviations", str(tmp_path / "nope")])
    assert r.exit_code == 1 and "nope: no such file" in r.output


def test_eval_questions_lists_misses(tmp_path):
    f = tmp_path / "q.jsonl"
    f.write_text(
        json.dumps({"question": "Is lupus autoimmune?", "expected_verdict": "no"}) + "\n",
        encoding="utf-8",
    )
    r = CliRunner().invoke(main, ["eval", "questions", str(f)])
    assert "0/1" in r.output and "Is lupus autoimmune?" in r.output
    f.write_text('{"question": "x"}\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["eval", "questions", str(f)])
    assert r.exit_code != 0 and "line 1" in r.output
