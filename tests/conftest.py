from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Tests use their own cache directory, so an ontology a developer imported with `healthlens kb
# import` (kept in the user cache) never changes what the tests see. Built once, then reused.
os.environ["HEALTHLENS_CACHE"] = os.environ.get("HEALTHLENS_TEST_CACHE") or str(
    ROOT / ".pytest_cache" / "healthlens-cache"
)
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEED_000 = SEEDS / "000_bea4d09e0a6b8c66.txt"
SEED_004 = SEEDS / "004_ccfdefb0989081e1.txt"
DISEASE_ONTOLOGY = SHARED / "data" / "disease-ontology"


@pytest.fixture(scope="session")
def kb():
    from healthlens.knowledge import get_knowledge

    return get_knowledge()


@pytest.fixture
def rules_only(monkeypatch):
    """The page's answer as the hand-written rules read it, with the learned answer scorer off:
    for tests of the rules themselves. The shipped combination may overrule them on a page
    (check/page_answer.py's SCORER_MODE); its own tests are in tests/understand/
    test_answer_scorer.py, and the golden reports and benchmarks hold what it ships."""
    from healthlens.check import page_answer

    monkeypatch.setattr(page_answer, "SCORER_MODE", "off")
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)


@pytest.fixture(scope="session")
def seeds():
    if not SEED_000.exists():
        pytest.skip("../shared/seeds is not beside the checkout")
    return [SEED_000, SEED_004]


def make_page(text: str, kb, title: str | None = None, question: str | None = None):
    """A checked Page from text, built by hand (no files)."""
    from healthlens.pipeline import analyze_page
    from healthlens.question import parse_question
    from healthlens.read import read_text

    page = read_text(text, "<test>", title=title)
    q = parse_question(question, kb) if question else None
    return analyze_page(page, q, kb)


# --- shared checks of the question-form tests (tests/test_question_*_forms.py and others) ---


def assert_answered_as_plain(kb, text: str, plain: str):
    """``text`` is understood and answered as the ``plain`` question: the same property,
    condition and verdict, not unknown. Returns both answers for further checks."""
    from healthlens.answer import ask

    (a,) = ask(text, kb)
    (b,) = ask(plain, kb)
    assert a.understood and b.understood
    assert (a.predicate, a.concept_id, a.verdict) == (b.predicate, b.concept_id, b.verdict)
    assert a.verdict != "unknown"
    return a, b


def assert_stays_unknown(kb, text: str, single: bool = True) -> None:
    """``text`` is not read as any family's question, and its answer (with ``single`` its one
    answer, else every answer) is unknown."""
    from healthlens.answer import ask
    from healthlens.question import parse_question

    q = parse_question(text, kb)
    assert q.predicate is None, (q.predicate, q.concept_id, q.subject)
    answers = ask(text, kb)
    if single:
        assert len(answers) == 1
    for a in answers:
        assert a.verdict == "unknown" and not a.understood


def assert_page_judged(kb, text: str, page: str, expected: str):
    """A page asked ``text`` is judged, and its answer read as ``expected``; returns the report."""
    from healthlens.pipeline import check_pages
    from healthlens.read import read_text

    report = check_pages([read_text(page, "<test>")], text, kb)
    assert report.question is not None and report.question.predicate is not None
    assert report.pages[0].page_answer == expected
    return report
