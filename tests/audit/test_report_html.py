"""The audit's HTML report: the question, charts by condition and by site, the flagged pages
with a report each, bounded, self-contained and escaped."""

import re

import pytest

from healthlens.audit import audit
from healthlens.audit.report_html import PAGES_DIR, render_report, write_report

from .conftest import GOOD, OTHER, write_warc

# a script, or a tag or style that loads anything (escaped page text, "&lt;img src=", is not one)
LOADS = re.compile(r"<script|<link|<[^>]*\ssrc=|@import|url\(")

FPIES = "Is FPIES an autoimmune disease?"
HOSTILE = GOOD.replace(  # a page whose heading, once read, is markup
    "<h1>Is celiac disease autoimmune?</h1>",
    "<h1>Celiac &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</h1>",
)
LONG = "Postural orthostatic tachycardia syndrome and a very long label that must wrap, not be cut"


@pytest.fixture(scope="module")
def fpies_audit(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("audit_report")
    warc = tmp / "c.warc.gz"
    write_warc(
        warc,
        [
            ("https://a.example/celiac", GOOD.encode()),
            ("https://b.example/fibro", OTHER.encode()),
            ("https://c.example/hostile", HOSTILE.encode()),
        ],
        extras=False,
    )
    out = tmp / "out"
    audit([warc], out, question=FPIES, workers=1)
    return out


def test_the_report_is_titled_with_the_question_and_shows_it(fpies_audit):
    html = render_report(fpies_audit)
    assert f"<title>healthlens · Audit: {FPIES}</title>" in html
    assert f"<h1>Audit: {FPIES}</h1>" in html and "audit of" not in html.lower()
    assert f"Every page was asked: <q>{FPIES}</q>" in html
    assert "not an autoimmune disease" in html  # what the evidence says


def test_charts_of_topic_answer_and_agreement_by_condition_and_by_site(fpies_audit):
    html = render_report(fpies_audit)
    for by in ("condition", "site"):
        for chart in ("On topic", "What the pages answer", "Agreement with the evidence"):
            assert f"<h3>{chart}, by {by}</h3>" in html
    # every page is off topic for FPIES: red "about something else" bars, and their answers are
    # never counted as agreement, only as "off topic: not compared"
    topic = html[html.index("On topic, by site") : html.index("What the pages answer, by site")]
    assert 'title="about something else: 1"' in topic and 'title="on topic' not in topic
    agreement = html[
        html.index("Agreement with the evidence, by site") : html.index("<h2>Findings")
    ]
    assert "off topic: not compared: 1" in agreement and 'title="agrees' not in agreement
    for site in ("a.example", "b.example", "c.example"):
        assert f'<th scope="row">{site}</th>' in topic
    assert "Fibromyalgia" in html and "Celiac disease" in html
    assert not LOADS.search(html)  # no script, nothing loaded


def test_flagged_pages_link_to_their_own_reports(fpies_audit):
    path = write_report(fpies_audit)
    html = path.read_text(encoding="utf-8")
    links = re.findall(rf'<a href="({PAGES_DIR}/[0-9a-f]+\.html)">', html)
    assert len(links) == 3 and "3 pages are flagged" in html
    for link in links:
        page = (path.parent / link).read_text(encoding="utf-8")
        assert "Back to the audit report" in page and 'href="../report.html#flagged"' in page
        assert "Not to be relied on for this question" in page
        assert "It is about something else" in page and "agree" not in page.lower()
        assert not LOADS.search(page)
    fibro = next(
        (path.parent / x).read_text(encoding="utf-8")
        for x in links
        if "Fibromyalgia" in (path.parent / x).read_text(encoding="utf-8")
    )
    assert "Wrong abbreviation" in fibro and "FPIES" in fibro
    assert "The page names Fibromyalgia" in fibro  # plain words, not weights


def test_the_flagged_list_is_bounded_and_old_page_reports_are_removed(fpies_audit, tmp_path):
    target = tmp_path / "r.html"
    write_report(fpies_audit, target, flagged=1)
    html = target.read_text(encoding="utf-8")
    assert "3 pages are flagged" in html and "the first 1 are listed" in html
    assert len(list((tmp_path / PAGES_DIR).glob("*.html"))) == 1
    (tmp_path / PAGES_DIR / "stale.html").write_text("old", encoding="utf-8")
    write_report(fpies_audit, target, flagged=2)
    assert sorted(p.name for p in (tmp_path / PAGES_DIR).glob("*.html")) != ["stale.html"]
    assert not (tmp_path / PAGES_DIR / "stale.html").exists()
    assert len(list((tmp_path / PAGES_DIR).glob("*.html"))) == 2


def test_page_content_is_escaped_in_the_report_and_the_page_reports(fpies_audit):
    path = write_report(fpies_audit)
    for f in [path, *(path.parent / PAGES_DIR).glob("*.html")]:
        text = f.read_text(encoding="utf-8")
        assert "<script" not in text and "<img" not in text
    assert "Celiac &lt;script&gt;alert(1)&lt;/script&gt;" in path.read_text(encoding="utf-8")


def test_long_labels_wrap_in_the_chart_instead_of_being_cut():
    from healthlens.audit.report_html import TOPIC, _stacked

    html = _stacked("On topic, by condition", [(LONG, {True: 2, False: 1})], TOPIC, "none")
    assert f'<th scope="row">{LONG}</th>' in html  # the whole label, in a cell that wraps
    assert 'title="on topic: 2"' in html and 'title="about something else: 1"' in html


def test_without_a_question_the_report_says_what_is_not_judged(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "a.html").write_text(GOOD, encoding="utf-8")
    audit([tmp_path / "p"], tmp_path / "out", workers=1)
    html = render_report(tmp_path / "out")
    assert "No question was asked" in html and "<h1>Audit of out</h1>" in html
    assert "not judged (no question)" in html
