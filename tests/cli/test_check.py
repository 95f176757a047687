"""`healthlens check`: the report in each format, and a missing input."""

import json

from click.testing import CliRunner

from healthlens.cli import main


def test_check_json_prints_the_contract(seeds):
    r = CliRunner().invoke(
        main,
        [
            "check",
            *map(str, seeds),
            "--question",
            "Is FPIES an autoimmune disease?",
            "--format",
            "json",
        ],
    )
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["answer"]["verdict"] == "no" and len(d["pages"]) == 2


def test_check_markdown_and_terminal(seeds):
    md = CliRunner().invoke(main, ["check", str(seeds[0]), "--format", "markdown"])
    # human labels in Markdown and the terminal; the machine values stay in the JSON
    assert md.exit_code == 0 and "**Wrong abbreviation** (high)" in md.output
    assert "abbreviation_conflict" not in md.output and "True" not in md.output
    term = CliRunner().invoke(main, ["check", str(seeds[0])])
    assert (
        term.exit_code == 0 and "Verdict: No" in term.output and "Off topic (high)" in term.output
    )


def test_missing_file_names_the_input_and_exits_non_zero(tmp_path):
    missing = tmp_path / "nope.txt"
    r = CliRunner().invoke(main, ["check", str(missing), "--format", "json"])
    assert r.exit_code == 1
    assert "nope.txt" in r.stderr
    d = json.loads(r.stdout)
    assert (
        d["pages"][0]["error"]["kind"] == "not_found"
        and "nope.txt" in d["pages"][0]["error"]["message"]
    )
