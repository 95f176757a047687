"""What a finished audit offers: the summary, the HTML report and SQL over the rows."""

import json
import re

import pytest
from click.testing import CliRunner

from healthlens.audit import audit
from healthlens.audit.summary import summarize
from healthlens.cli import main

from .conftest import GOOD, OTHER, write_warc


@pytest.fixture(scope="module")
def done_audit(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("audit")
    warc = tmp / "c.warc.gz"
    write_warc(
        warc,
        [
            ("https://a.example/1", GOOD.encode()),
            ("https://a.example/2", GOOD.encode()),
            ("https://b.example/1", OTHER.encode()),
            ("https://b.example/empty", b""),
        ],
    )
    out = tmp / "out"
    audit([warc], out, question="Is celiac disease an autoimmune disease?", workers=1)
    return out


def test_summary_counts_answers_findings_errors_and_slowest_pages(done_audit):
    s = summarize(done_audit)
    assert s.pages == 5 and s.ok == 4 and dict(s.errors) == {"empty": 1}
    assert dict(s.answers)["yes"] == 3  # the two celiac pages and the saved resource record
    assert s.findings and all(n > 0 for _, n in s.findings)
    assert len(s.slowest) == 5 and s.slowest[0][1] >= s.slowest[-1][1]


def test_html_report_has_its_charts_inline_and_loads_nothing(done_audit):
    r = CliRunner().invoke(main, ["audit", "report", str(done_audit)])
    assert r.exit_code == 0, r.output
    html = (done_audit / "report.html").read_text(encoding="utf-8")
    for title in (
        "Findings by kind",
        "What the pages answer, by condition",
        "Credibility signals by site",
    ):
        assert title in html
    assert html.count('<figure class="chart">') >= 7  # 3 by condition, 3 by site, findings
    assert "a.example" in html and "Celiac disease" in html
    assert not re.search(
        r"<script|<link|src=|@import|url\(", html
    )  # self-contained: no script, no fetch


def test_sql_answers_from_the_rows(done_audit):
    r = CliRunner().invoke(
        main,
        [
            "audit",
            "sql",
            str(done_audit),
            "SELECT site, count(*) AS n FROM pages GROUP BY 1 ORDER BY 1",
            "-f",
            "json",
        ],
    )
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == [{"site": "a.example", "n": 3}, {"site": "b.example", "n": 2}]


def test_a_bad_query_or_directory_is_a_clear_error(done_audit, tmp_path):
    r = CliRunner().invoke(main, ["audit", "sql", str(done_audit), "SELECT nope FROM pages"])
    assert r.exit_code != 0 and "the query failed" in r.output
    r = CliRunner().invoke(main, ["audit", "report", str(tmp_path)])
    assert r.exit_code != 0 and "not an audit directory" in r.output
