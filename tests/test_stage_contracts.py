"""Each stage reads and writes only the Page fields its package declares (READS, WRITES).

The stages run one by one on the example pages, with and without a question, on a Page that
records every field read; a field whose value differs after the stage was written. A stage that
starts reading or writing another field must say so in its constants (and docs/architecture.md).
"""

from __future__ import annotations

import copy
import dataclasses
import importlib
from pathlib import Path

import pytest

from healthlens.check import check_page
from healthlens.knowledge import get_knowledge
from healthlens.models import Page
from healthlens.question import parse_question
from healthlens.read import read_file
from healthlens.report import page_to_dict, to_markdown
from healthlens.understand import read_for_question, understand
from healthlens.understand.mentions import PAGE_CONCEPT

# ``healthlens.check`` names the public function; the stage packages are taken from sys.modules
read_stage, understand_stage, check_stage, report_stage = (
    importlib.import_module(f"healthlens.{name}")
    for name in ("read", "understand", "check", "report")
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".html"))
FIELDS = frozenset(f.name for f in dataclasses.fields(Page))
QUESTIONS = [
    None,
    "Is psoriasis an autoimmune disease?",
    "Is IBD an autoimmune disease?",
    "Is shellfish allergy an autoimmune disease?",
    "Is Graves disease autoimmune?",
    "What is EoE?",
    "Is Lyme disease contagious?",
]


class _Recording(Page):
    """A Page that notes the name of every field read."""

    __slots__ = ("_reads",)

    def __getattribute__(self, name: str):
        if name in FIELDS:
            object.__getattribute__(self, "_reads").add(name)
        return object.__getattribute__(self, name)


def _recording(page: Page) -> _Recording:
    rec = _Recording(**{f: getattr(page, f) for f in FIELDS})
    object.__setattr__(rec, "_reads", set())
    return rec


def _reads(page: _Recording) -> set[str]:
    return object.__getattribute__(page, "_reads")


def _values(page: Page) -> dict:
    return {f: copy.deepcopy(object.__getattribute__(page, f)) for f in FIELDS}


def _changed(before: dict, page: Page) -> set[str]:
    return {f for f in FIELDS if object.__getattribute__(page, f) != before[f]}


def _run(stage, page: _Recording) -> tuple[set[str], set[str]]:
    """(fields read, fields written) by ``stage(page)``."""
    before = _values(page)
    _reads(page).clear()
    stage(page)
    return set(_reads(page)), _changed(before, page)


@pytest.fixture(scope="module")
def kb():
    return get_knowledge()


def test_every_declared_field_is_a_page_field():
    for stage in (read_stage, understand_stage, check_stage, report_stage):
        assert stage.READS <= FIELDS, stage.__name__
        assert stage.WRITES <= FIELDS, stage.__name__
    # the check stage writes nothing understand owns, and report writes nothing at all
    assert not check_stage.WRITES & understand_stage.WRITES
    assert not report_stage.WRITES


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_each_stage_keeps_to_its_declared_fields(path, kb):
    page = read_file(path)
    assert page.error is None
    written_by_read = {f for f in FIELDS if getattr(page, f) != getattr(Page(page.input), f)}
    assert written_by_read <= read_stage.WRITES, written_by_read - read_stage.WRITES
    seen: dict[str, set[str]] = {"understand": set(), "check": set(), "report": set()}
    for text in QUESTIONS:
        question = parse_question(text, kb) if text else None
        p = _recording(read_file(path))
        reads, writes = _run(lambda pg: understand(pg, kb), p)
        r2, w2 = _run(lambda pg, q=question: read_for_question(pg, q, kb), p)
        reads, writes = reads | r2, writes | w2
        assert reads <= understand_stage.READS | understand_stage.WRITES, reads
        assert writes <= understand_stage.WRITES, writes - understand_stage.WRITES
        seen["understand"] |= writes
        reads, writes = _run(lambda pg, q=question: check_page(pg, q, kb), p)
        assert reads <= check_stage.READS | check_stage.WRITES, reads - check_stage.READS
        assert writes <= check_stage.WRITES, writes - check_stage.WRITES
        seen["check"] |= writes
        reads, writes = _run(lambda pg: (page_to_dict(pg, kb), to_markdown_page(pg)), p)
        assert reads <= report_stage.READS, reads - report_stage.READS
        assert not writes, writes
        seen["report"] |= reads
    # the run did exercise the stages: each wrote (or, for report, read) something
    assert {"sentences", "mentions"} <= seen["understand"]
    assert "credibility" in seen["check"] or "findings" in seen["check"]
    assert {"mentions", "findings", "credibility"} <= seen["report"]


def to_markdown_page(page: Page) -> str:
    """The Markdown report of one page (reads the page's fields like the JSON report)."""
    from healthlens.models import Report

    return to_markdown(Report(None, None, [page]))


def test_the_question_step_is_the_one_that_rereads_the_page(kb):
    """A page that spells the question's letters out as something else: read_for_question
    rewrites the mentions of those letters (an understand field), check only judges them."""
    text = (
        "FMF (fibromyalgia and muscle fatigue) explained\n\n"
        "FMF (fibromyalgia and muscle fatigue) is a common complaint. FMF causes aching muscles."
    )
    page = _recording(read_stage.read_text(text, "fmf.txt"))
    question = parse_question("Is FMF an autoimmune disease?", kb)
    understand(page, kb)
    assert not any(m.concept_id.startswith(PAGE_CONCEPT) for m in page.mentions)
    _, writes = _run(lambda pg: read_for_question(pg, question, kb), page)
    assert "mentions" in writes
    assert any(m.concept_id.startswith(PAGE_CONCEPT) for m in page.mentions)
    _, writes = _run(lambda pg: check_page(pg, question, kb), page)
    assert writes <= check_stage.WRITES


def test_healthlens_check_is_the_public_function_not_the_stage_package():
    import healthlens.check.credibility  # a submodule import must not rebind the name

    assert callable(healthlens.check)
    assert healthlens.check.__module__ == "healthlens.pipeline"
    assert check_stage.check_page is check_page
