"""The terminal report's answer panel: what it says about the pages beside the verdict."""

from rich.console import Console

from healthlens import check
from healthlens.report.terminal import _answered_line, print_report


def test_pages_answered_names_the_pages_that_are_off_topic():
    pages = [
        {"page_answer": "no", "on_topic": False},
        {"page_answer": "no", "on_topic": True},
        {"page_answer": "partly", "on_topic": True},
    ]
    line = _answered_line({"no": 2, "partly": 1}, pages)
    assert line.startswith("Pages answered: no 2, partly 1")
    assert "1 of them off topic" in line
    assert _answered_line({"no": 1}, pages[:1]).endswith("(off topic: about another condition)")
    assert "off topic" not in _answered_line({"no": 1, "partly": 1}, pages[1:])


def test_an_off_topic_seed_page_is_not_shown_as_plain_support(seeds):
    # seed 000 answers "no" about fibromyalgia under FPIES's letters: the verdict panel must not
    # list it as a page that answered the parent's question without saying so
    console = Console(record=True, width=120)
    print_report(check(seeds[0], question="Is FPIES an autoimmune disease?"), console)
    text = console.export_text()
    assert "Pages answered: no 1 (off topic: about another condition)" in text
