"""`healthlens ask`: JSON and terminal answers."""

from __future__ import annotations

import json

from click.testing import CliRunner

from healthlens.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_ask_json_is_an_array_even_for_one_question():
    r = run("ask", "Is FPIES an autoimmune disease?", "--format", "json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert isinstance(d, list) and d[0]["verdict"] == "no"


def test_unknown_condition_is_unknown_never_a_guess():
    r = run("ask", "Is blorfic syndrome an autoimmune disease?", "--format", "json")
    assert json.loads(r.output)[0]["verdict"] == "unknown"


def test_ask_terminal_shows_verdict_caution_and_sources():
    r = run("ask", "Is ulcerative colitis autoimmune?")
    assert (
        r.exit_code == 0
        and "Verdict: Yes" in r.output
        and "Contested:" in r.output
        and "NIDDK" in r.output
    )


def test_ask_json_several_questions_in_order():
    r = run("ask", "Is MS autoimmune?", "What is FPIES?", "--format", "json")
    d = json.loads(r.output)
    assert [a["verdict"] for a in d] == ["yes", "defined"] and d[1]["definition"][
        "mechanism"
    ] == "allergic"
