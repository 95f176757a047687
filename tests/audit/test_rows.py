import json
import time

import pytest

from healthlens.audit.inputs import Record
from healthlens.audit.rows import Limits, audit_record, site_of
from healthlens.question import parse_question

from .conftest import GOOD


def _rec(**kw) -> Record:
    base = dict(
        id="x",
        input="https://www.a.example/p",
        source="crawl.warc.gz",
        url="https://www.a.example/p",
        hint="html",
    )
    base.update(kw)
    return Record(**base)


def test_a_good_page_row_carries_the_answer_findings_credibility_and_its_json_report(kb):
    q = parse_question("Is celiac disease an autoimmune disease?", kb)
    row = audit_record(_rec(data=GOOD.encode()), q, kb, Limits())
    assert row["error"] is None and row["site"] == "a.example"
    assert row["main_condition_id"] == "celiac_disease" and row["on_topic"] is True
    assert row["page_answer"] == "yes" and row["agrees_with_evidence"] is True
    assert row["author"] == "Dana Quill" and row["cites_sources"] is True
    report = json.loads(row["report"])
    assert report["page_answer"] == "yes" and report["input"] == "https://www.a.example/p"
    assert row["n_findings"] == len(report["findings"]) == len(row["findings"])


def test_size_cap_and_bad_bytes_are_error_rows(kb):
    big = audit_record(_rec(data=b"<p>" + b"a" * 2000 + b"</p>"), None, kb, Limits(max_bytes=1000))
    assert big["error_kind"] == "too_large" and "1,000-byte limit" in big["error"]
    blank = audit_record(_rec(text="   ", hint="text"), None, kb, Limits())
    assert blank["error_kind"] == "empty"
    assert json.loads(big["report"])["error"]["kind"] == "too_large"


def test_time_cap_turns_a_slow_page_into_a_timeout_row(kb, monkeypatch):
    import healthlens.audit.rows as rows

    def slow(page, question, kb):
        time.sleep(5)

    monkeypatch.setattr(rows, "analyze_page", slow)
    t = time.perf_counter()
    row = audit_record(_rec(data=GOOD.encode()), None, kb, Limits(timeout=0.2))
    assert time.perf_counter() - t < 2
    assert row["error_kind"] == "timeout" and "0.2 s" in row["error"]


def test_a_failure_inside_the_pipeline_is_an_error_row_not_an_exception(kb, monkeypatch):
    import healthlens.audit.rows as rows

    def broken(page, question, kb):
        raise ValueError("boom")

    monkeypatch.setattr(rows, "analyze_page", broken)
    row = audit_record(_rec(data=GOOD.encode()), None, kb, Limits())
    assert row["error_kind"] == "internal" and "ValueError: boom" in row["error"]


@pytest.mark.parametrize(
    "url,source,site",
    [("https://www.nih.gov/x", "a.warc", "nih.gov"), (None, "/data/blog/p.html", "blog")],
)
def test_site_is_the_host_or_the_directory(url, source, site):
    assert site_of(url, source) == site
