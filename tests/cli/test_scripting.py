"""The CLI as a script sees it: exit codes, URLs and stdin, a question per page, folder globs.

The README's "Exit codes" table is parsed here, and every code it documents for a command is
produced by a scenario below: the table and the behaviour cannot drift apart."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlens.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CLEAN = EXAMPLES / "09_clean_graves.html"  # no finding when asked its own question
WRONG = EXAMPLES / "01_off_topic_psoriasis_page_about_dandruff.txt"  # a high finding

LUPUS = "Is lupus an autoimmune disease?\nLupus is an autoimmune disease. In lupus, the immune system attacks the body's own tissues, such as the skin, joints and kidneys. Lupus is more common in women.\n"
PSORIASIS = "Is psoriasis autoimmune?\nPsoriasis is an autoimmune disease of the skin. In psoriasis, the immune system speeds up the growth of skin cells. Psoriasis often runs in families.\n"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def _json(r) -> dict:
    return json.loads(r.stdout)


# --fail-on --------------------------------------------------------------------------------------


def test_fail_on_exits_3_at_or_above_the_severity_and_0_below_it():
    q = "Is psoriasis an autoimmune disease?"
    assert run("check", WRONG, "-q", q, "--fail-on", "high").exit_code == 3
    assert run("check", WRONG, "-q", q, "--fail-on", "low").exit_code == 3
    assert run("check", WRONG, "-q", q).exit_code == 0  # without --fail-on, findings are output
    clean = run("check", CLEAN, "-q", "Is Graves disease autoimmune?", "--fail-on", "low")
    assert clean.exit_code == 0, clean.output


def test_fail_on_rejects_an_unknown_severity():
    r = run("check", CLEAN, "--fail-on", "severe")
    assert r.exit_code == 2 and "severe" in r.output


# missing inputs ------------------------------------------------------------------------------------


def test_one_missing_input_among_others_exits_1_and_the_others_are_still_checked(tmp_path):
    r = run("check", CLEAN, tmp_path / "missing.txt", "-f", "json")
    assert r.exit_code == 1
    pages = _json(r)["pages"]
    assert [p["error"] and p["error"]["kind"] for p in pages] == [None, "not_found"]
    assert pages[0]["main_condition"]["name"].startswith("Graves")
    assert "missing.txt" in r.stderr


def test_audit_of_a_missing_input_exits_1_and_records_the_row(tmp_path):
    pytest.importorskip("pyarrow")
    pytest.importorskip("duckdb")
    r = run("audit", tmp_path / "nonexistent", "--out", tmp_path / "d", "--no-progress", "-w", "1")
    assert r.exit_code == 1, r.output
    assert "not found" in r.stderr and "nonexistent" in r.stderr
    from healthlens.audit.sql import query

    _, rows = query(tmp_path / "d", "SELECT error_kind FROM pages")
    assert rows == [("not_found",)]


# URLs and standard input ---------------------------------------------------------------------------


def test_check_reads_text_and_html_from_stdin():
    r = run("check", "-", "-f", "json", input=LUPUS)
    assert r.exit_code == 0, r.output
    page = _json(r)["pages"][0]
    assert page["input"] == "<stdin>" and page["title"] == "Is lupus an autoimmune disease?"
    assert page["page_answer"] == "yes"
    html = (
        "<html><head><title>Is psoriasis autoimmune?</title></head><body><h1>Psoriasis</h1><p>"
        + PSORIASIS.split("\n", 1)[1]
        + "</p></body></html>"
    )
    r = run("check", "-", "-f", "json", input=html)
    page = _json(r)["pages"][0]
    # read as HTML: the title comes from the markup, and no tag is left in the text
    assert r.exit_code == 0 and not page["title"].startswith("<")
    assert page["main_condition"]["name"] == "Psoriasis"
    assert not any("<" in c["sentence"] for c in page["claims"]) and page["claims"]


def test_check_of_a_private_address_is_refused_by_the_fetch_guard():
    pytest.importorskip("httpx")
    r = run("check", "http://127.0.0.1:9/page.html", "-f", "json")
    assert r.exit_code == 1
    err = _json(r)["pages"][0]["error"]
    assert err["kind"] == "refused" and "loopback" in err["message"]


def test_check_of_a_url_without_the_web_extra_says_which_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "healthlens.web.fetch", None)  # as if httpx were missing
    r = run("check", "https://example.org/page.html")
    assert r.exit_code == 1 and "healthlens[web]" in r.output


# a question per page --------------------------------------------------------------------------------


@pytest.fixture
def two_conditions(tmp_path):
    d = tmp_path / "pages"
    d.mkdir()
    (d / "a_lupus.txt").write_text(LUPUS, encoding="utf-8")
    (d / "b_psoriasis.txt").write_text(PSORIASIS, encoding="utf-8")
    return d


def test_a_plain_folder_check_asks_each_page_its_own_title_and_says_so(two_conditions):
    r = run("check", two_conditions, "-f", "json")
    assert r.exit_code == 0, r.output
    d = _json(r)
    assert d["question"] is None and d["question_from"] == "title"
    for p in d["pages"]:
        assert p["question"]["text"] == p["title"] and p["question"]["source"] == "title"
        assert p["on_topic"] is True and p["page_answer"] == "yes"
        assert p["answer"]["verdict"] == "yes"
        assert not [f for f in p["findings"] if f["kind"] == "off_topic"]
    term = run("check", two_conditions)
    assert "Each page is checked against its own question, from its title" in term.stdout


def test_one_question_for_all_pages_still_applies_to_all(two_conditions):
    r = run("check", two_conditions, "-q", "Is lupus autoimmune?", "-f", "json")
    pages = _json(r)["pages"]
    assert [p["on_topic"] for p in pages] == [True, False]
    assert next(f["kind"] for f in pages[1]["findings"]) == "off_topic"


def test_question_from_heading_takes_the_first_question_line(tmp_path):
    page = tmp_path / "faq.txt"
    page.write_text(
        "Thyroid health\nThe thyroid makes hormones.\nWhat should I eat?\n"
        "Is Graves disease autoimmune?\nGraves disease is an autoimmune disease. The immune "
        "system makes antibodies that overstimulate the thyroid.\n",
        encoding="utf-8",
    )
    r = run("check", page, "--question-from", "heading", "-f", "json")
    p = _json(r)["pages"][0]
    assert p["question"]["text"] == "Is Graves disease autoimmune?"
    assert p["question"]["source"] == "heading" and p["page_answer"] == "yes"
    # the title is not a question: --question-from title asks this page nothing
    p = _json(run("check", page, "--question-from", "title", "-f", "json"))["pages"][0]
    assert p["question"] is None and p["on_topic"] is None and p["page_answer"] is None


def test_question_from_column_is_for_audit_and_both_sources_are_refused(two_conditions):
    r = run("check", two_conditions, "--question-from", "column:q")
    assert r.exit_code == 2 and "audit" in r.output
    r = run("check", two_conditions, "--question-from", "title", "-q", "Is lupus autoimmune?")
    assert r.exit_code == 2 and "not both" in r.output


def test_audit_asks_each_record_the_question_in_its_column(tmp_path):
    pytest.importorskip("pyarrow")
    pytest.importorskip("duckdb")
    crawl = tmp_path / "crawl.jsonl"
    rows = [
        {"url": "https://a.example/lupus", "text": LUPUS, "q": "Is lupus autoimmune?"},
        {"url": "https://b.example/pso", "text": PSORIASIS, "q": "Is lupus autoimmune?"},
        {"url": "https://c.example/none", "text": PSORIASIS},
    ]
    crawl.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["audit", crawl, "--out", out, "--question-from", "column:q", "--no-progress", "-w", "1"]
    r = run(*args)
    assert r.exit_code == 0, r.output
    from healthlens.audit.sql import query

    _, got = query(
        out,
        "SELECT url, on_topic, json_extract_string(report, '$.question.source') FROM pages ORDER BY seq",
    )
    assert got == [
        ("https://a.example/lupus", True, "column"),
        ("https://b.example/pso", False, "column"),
        ("https://c.example/none", None, None),
    ]
    # resuming with another source of questions is refused, not mixed into the same rows
    r = run("audit", crawl, "--out", out, "--question-from", "title", "--no-progress")
    assert r.exit_code == 1 and "another question or selection" in r.output


# folder globs -----------------------------------------------------------------------------------------


@pytest.fixture
def mixed(tmp_path):
    d = tmp_path / "site"
    (d / "drafts").mkdir(parents=True)
    (d / "lupus.txt").write_text(LUPUS, encoding="utf-8")
    (d / "drafts" / "psoriasis.txt").write_text(PSORIASIS, encoding="utf-8")
    (d / "demo.py").write_text("print('hello')\n", encoding="utf-8")
    (d / "labels.jsonl").write_text('{"file": "lupus.txt"}\n', encoding="utf-8")
    return d


def _inputs(r) -> list[str]:
    return [
        Path(p["input"]).relative_to(Path(p["input"]).parents[0]).name for p in _json(r)["pages"]
    ]


def test_exclude_and_include_globs_choose_the_files_of_a_folder(mixed):
    r = run("check", mixed, "--exclude", "*.py", "--exclude", "*.jsonl", "-f", "json")
    assert r.exit_code == 0 and _inputs(r) == ["lupus.txt", "psoriasis.txt"]
    r = run("check", mixed, "--include", "*.txt", "--exclude", "drafts/*", "-f", "json")
    assert r.exit_code == 0 and _inputs(r) == ["lupus.txt"]
    # a file named on the command line is read whatever the globs say
    r = run("check", mixed / "demo.py", "--exclude", "*.py", "-f", "json")
    assert _inputs(r) == ["demo.py"]
    r = run("check", mixed, "--include", "*.html")
    assert r.exit_code == 1 and "no file matches" in r.output


def test_audit_excludes_files_by_glob(mixed, tmp_path):
    pytest.importorskip("pyarrow")
    pytest.importorskip("duckdb")
    out = tmp_path / "out"
    r = run(
        "audit",
        mixed,
        "--out",
        out,
        "--exclude",
        "*.py",
        "--exclude",
        "*.jsonl",
        "--no-progress",
        "-w",
        "1",
    )
    assert r.exit_code == 0, r.output
    from healthlens.audit.sql import query

    _, got = query(out, "SELECT input, error_kind FROM pages ORDER BY seq")
    assert [(Path(i).name, e) for i, e in got] == [("lupus.txt", None), ("psoriasis.txt", None)]
    assert "no question was asked" in r.stderr and "--question-from" in r.stderr


# eval defaults ----------------------------------------------------------------------------------------


def test_eval_defaults_work_from_any_folder(tmp_path, monkeypatch):
    from healthlens.cli.options import checkout_root

    if (
        checkout_root() is None
        or not (checkout_root().parent / "shared" / "data" / "medquad").exists()
    ):
        pytest.skip("../shared/data is not beside the checkout")
    monkeypatch.chdir(tmp_path)
    r = run("eval", "trusted", "--limit", "2", "-f", "json")
    assert r.exit_code == 0, r.output and json.loads(r.stdout)["pages"] == 2


def test_eval_default_outside_a_checkout_names_the_argument(monkeypatch):
    import healthlens.cli.options as options

    monkeypatch.setattr(options, "checkout_root", lambda: None)
    r = run("eval", "trusted")
    assert r.exit_code == 1 and "MEDQUAD_DIR" in r.output and "eval trusted" in r.output
    r = run("eval", "abbreviations")
    assert r.exit_code == 1 and "AB3P_FILE" in r.output


# the README's exit-code table ------------------------------------------------------------------------


def _serve_without_serving(monkeypatch):
    uvicorn = pytest.importorskip("uvicorn")
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: None)


SHARED_DATA = ROOT.parent / "shared" / "data"


def scenarios(tmp: Path) -> dict[tuple[str, int], list]:
    """For each (command, exit code) the README documents: arguments that produce it."""
    missing = tmp / "missing"
    audit_dir, empty = tmp / "audit", tmp / "empty"
    empty.mkdir()
    obo = tmp / "mini.obo"
    obo.write_text(
        "format-version: 1.2\nontology: doid\n\n[Term]\nid: DOID:417\nname: autoimmune disease\n",
        encoding="utf-8",
    )
    table = {
        ("check", 0): ["check", CLEAN, "-q", "Is Graves disease autoimmune?"],
        ("check", 1): ["check", CLEAN, missing],
        ("check", 2): ["check"],
        ("check", 3): ["check", WRONG, "-q", "Is psoriasis autoimmune?", "--fail-on", "high"],
        ("ask", 0): ["ask", "Is EoE autoimmune?"],
        ("ask", 1): ["ask", "   "],
        ("ask", 2): ["ask"],
        ("eval pages", 0): ["eval", "pages", EXAMPLES / "labels.jsonl"],
        ("eval pages", 1): ["eval", "pages", missing],
        ("eval pages", 2): ["eval", "pages"],
        ("eval trusted", 1): ["eval", "trusted", missing],
        ("eval trusted", 2): ["eval", "trusted", "--limit", "x"],
        ("eval questions", 0): ["eval", "questions", ROOT / "tests" / "data" / "questions.jsonl"],
        ("eval questions", 1): ["eval", "questions", missing],
        ("eval questions", 2): ["eval", "questions"],
        ("eval abbreviations", 1): ["eval", "abbreviations", missing],
        ("eval abbreviations", 2): ["eval", "abbreviations", "--limit", "x"],
        ("kb show", 0): ["kb", "show", "EoE"],
        ("kb show", 1): ["kb", "show", "blorfic syndrome"],
        ("kb show", 2): ["kb", "show"],
        ("kb stats", 0): ["kb", "stats"],
        ("kb stats", 2): ["kb", "stats", "--nope"],
        ("kb check", 0): ["kb", "check", "--no-icd"],
        ("kb check", 1): ["kb", "check", "--no-icd"],  # run with a problem planted (below)
        ("kb check", 2): ["kb", "check", "--nope"],
        ("kb import", 0): ["kb", "import", obo],  # into a cache folder of its own (below)
        ("kb import", 1): ["kb", "import", missing],
        ("kb import", 2): ["kb", "import"],
        ("kb clear", 0): ["kb", "clear"],  # run on a cache folder of its own (below)
        ("kb clear", 2): ["kb", "clear", "--nope"],
        ("serve", 0): ["serve", "--port", "8765", "--db", f"sqlite:///{tmp / 'f.sqlite'}"],
        ("serve", 1): ["serve", "--db", "nosuchdriver://x"],
        ("serve", 2): ["serve", "--port", "x"],
        ("audit run", 0): ["audit", CLEAN, "--out", audit_dir, "--no-progress", "-w", "1"],
        ("audit run", 1): ["audit", missing, "--out", tmp / "a1", "--no-progress", "-w", "1"],
        ("audit run", 2): ["audit", CLEAN],
        ("audit report", 0): ["audit", "report", audit_dir],
        ("audit report", 1): ["audit", "report", empty],
        ("audit report", 2): ["audit", "report", missing],
        ("audit sql", 0): ["audit", "sql", audit_dir, "SELECT count(*) FROM pages"],
        ("audit sql", 1): ["audit", "sql", audit_dir, "SELECT nonsense FROM nowhere"],
        ("audit sql", 2): ["audit", "sql", missing, "SELECT 1"],
        ("audit summary", 0): ["audit", "summary", audit_dir],
        ("audit summary", 1): ["audit", "summary", empty],
        ("audit summary", 2): ["audit", "summary", missing],
    }
    table[("eval extraction", 1)] = ["eval", "extraction", empty]
    table[("eval extraction", 2)] = ["eval", "extraction", "--nope"]
    if (SHARED_DATA / "article-extraction-benchmark").exists():
        table[("eval extraction", 0)] = [
            "eval",
            "extraction",
            str(SHARED_DATA / "article-extraction-benchmark"),
            "--limit",
            "2",
            "--no-compare",
        ]
    if (SHARED_DATA / "medquad").exists():
        table[("eval trusted", 0)] = ["eval", "trusted", "--limit", "2"]
    if (SHARED_DATA / "ab3p").exists():
        table[("eval abbreviations", 0)] = ["eval", "abbreviations", "--limit", "2"]
    return table


def readme_exit_codes() -> dict[str, set[int]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    header = next(line for line in section.splitlines() if line.startswith("| command"))
    codes = [int(c.strip()) for c in header.strip().strip("|").split("|")[1:]]
    table: dict[str, set[int]] = {}
    for line in section.splitlines():
        m = re.match(r"\|\s*`healthlens ([a-z ]+)`\s*\|(.*)\|\s*$", line)
        if m:
            cells = [c.strip() for c in m.group(2).split("|")]
            table[m.group(1).strip()] = {
                c for c, cell in zip(codes, cells, strict=False) if cell not in ("", "—")
            }
    return table


def test_every_command_has_an_exit_code_row_in_the_readme():
    import click

    def commands(group: click.Group, prefix: str = ""):
        for name, cmd in group.commands.items():
            if isinstance(cmd, click.Group):
                yield from commands(cmd, f"{prefix}{name} ")
            else:
                yield f"{prefix}{name}"

    documented = readme_exit_codes()
    assert set(commands(main)) == set(documented)
    assert all({0, 2} <= codes for codes in documented.values()), documented


def test_the_readme_exit_codes_hold(tmp_path, monkeypatch):
    pytest.importorskip("pyarrow")
    pytest.importorskip("duckdb")
    _serve_without_serving(monkeypatch)
    monkeypatch.setenv("HEALTHLENS_DATA", str(tmp_path / "data"))
    table = scenarios(tmp_path)
    documented = {
        (command, code) for command, codes in readme_exit_codes().items() for code in codes
    }
    unreached = documented - set(table)
    for (command, code), args in table.items():  # in order: `audit run` makes the audit DIR
        if (command, code) not in documented:
            continue
        if True:
            with monkeypatch.context() as m:
                if (command, code) == ("kb check", 1):
                    import healthlens.knowledge.validate as validate

                    m.setattr(validate, "validate", lambda records, rules: ["planted problem"])
                if command in ("kb clear", "kb import"):
                    m.setenv("HEALTHLENS_CACHE", str(tmp_path / "cache"))
                r = run(*args)
            assert r.exit_code == code, (command, code, r.output)
    # only the evaluations that need ../shared data may go untested here (tests/evaluate runs them)
    assert unreached <= {
        ("eval trusted", 0),
        ("eval abbreviations", 0),
        ("eval extraction", 0),
    }, unreached
