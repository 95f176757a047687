"""The pipeline: read -> understand -> check, for pages and questions.

``check`` and ``ask`` are the library API (``ask`` lives in ``answer.py`` so that answering a
question does not import the page readers); the CLI and the web app call them and nothing else.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from collections.abc import Iterable, Sequence

from .answer import answer_question, ask
from .check import check_page
from .errors import InputError
from .knowledge import KnowledgeBase, get_knowledge
from .limits import Deadline, DeadlineExceeded, current_deadline, deadline_scope
from .models import Answer, Credibility, Page, PageError, Question, QuestionSource, Report
from .question import looks_like_question, parse_question
from .read import read_paths
from .understand import read_for_question, understand
from .understand.invisible import analyze_visible

log = logging.getLogger("healthlens")

__all__ = [
    "check",
    "check_pages",
    "analyze_page",
    "ask",
    "question_from_pages",
    "page_question",
    "QUESTION_FROM",
    "Deadline",
    "DeadlineExceeded",
]

QUESTION_FROM = ("title", "heading")  # and "column:NAME" for JSONL/Parquet records (audit)
_HEADING_CHARS = 200  # a longer line is a paragraph, not a heading


def _timed_out(page: Page, exc: DeadlineExceeded) -> Page:
    """The page, with its partial results dropped and the error kind ``timeout``."""
    d = current_deadline()
    why = "" if d is not None and d.cancelled else " (the page is too large or too complex)"
    page.error = PageError("timeout", f"{page.input}: not checked: {exc}{why}")
    page.credibility = Credibility()
    page.findings, page.claims, page.sentences, page.mentions = [], [], [], []
    page.abbreviations, page.answer_sentences = [], []
    page.main_condition = page.on_topic = page.page_answer = page.agrees_with_evidence = None
    page.answer_source = page.rules_answer = None
    return page


def analyze_page(
    page: Page,
    question: Question | None,
    kb: KnowledgeBase,
    deadline: float | Deadline | None = None,
) -> Page:
    """Understand and check one page that was already read. Never raises for a bad page.

    ``deadline``: seconds (or a ``Deadline``) for this page; without it, the deadline of the
    enclosing ``check``/``check_pages`` call, if any. Past it, the page gets error ``timeout``."""
    if page.error is not None:
        return page
    if deadline is not None:
        with deadline_scope(deadline):
            return analyze_page(page, question, kb)
    t0 = time.perf_counter()
    try:
        d = current_deadline()
        if d is not None:
            d.check()
        t1 = t0

        def run(page: Page) -> Page:
            nonlocal t1
            understand(page, kb)
            read_for_question(page, question, kb)
            t1 = time.perf_counter()
            return check_page(page, question, kb)

        analyze_visible(page, run)  # zero-width and control characters do not hide words
    except DeadlineExceeded as exc:
        return _timed_out(page, exc)
    except (
        Exception
    ) as exc:  # a bug must cost one page, never the batch: the page carries the reason
        log.exception("internal error on %s", page.input)
        page.error = PageError(
            "internal",
            f"{page.input}: healthlens failed on this page ({type(exc).__name__}: {exc}); please report it",
        )
        page.findings, page.claims = [], []
        return page
    t2 = time.perf_counter()
    page.timings.update(understand=t1 - t0, check=t2 - t1)
    return page


def question_from_pages(pages: Sequence[Page], kb: KnowledgeBase) -> Question | None:
    """The first page title that reads as a question, parsed; None if no title does."""
    for page in pages:
        if page.error is None and page.title and looks_like_question(page.title):
            q = parse_question(page.title, kb, source="title")
            if q.predicate is not None:
                return q
    return None


def _understood(text: str | None, kb: KnowledgeBase, source: QuestionSource) -> Question | None:
    """``text`` parsed, when it is a question in a form healthlens answers; else None."""
    if not text or not text.strip():
        return None
    q = parse_question(text, kb, source=source)
    return q if q.understood else None


def page_question(
    page: Page, source: str, kb: KnowledgeBase, text: str | None = None
) -> Question | None:
    """The question a page asks of itself (``--question-from``); None when it asks none.

    - ``title``: the page's title, when it reads as a question healthlens answers (one of the
      forms of ``ask``: "Is X autoimmune?", "What is X?" ...). Any other title gives no question.
    - ``heading``: the first line of the page's text, the title excepted, that stands on a line of
      its own (a heading, a one-line paragraph or list item; at most 200 characters), ends with
      "?" and is a question healthlens answers.
    - ``column``: ``text`` (a record's column value) when it is a question healthlens answers.
    """
    if page.error is not None:
        return None
    if source == "title":
        return _understood(page.title, kb, "title") if looks_like_question(page.title) else None
    if source == "heading":
        title = (page.title or "").strip()
        for line in page.text.splitlines():
            line = line.strip().lstrip("#-*• ").strip()
            if not line or line == title or len(line) > _HEADING_CHARS or not line.endswith("?"):
                continue
            q = _understood(line, kb, "heading")
            if q is not None:
                return q
        return None
    if source == "column":
        return _understood(text, kb, "column")
    raise InputError(
        f"unknown question source {source!r}: use title, heading or column:NAME (audit only)"
    )


def _check_each(pages: list[Page], source: str, kb: KnowledgeBase) -> Report:
    answers: dict[str, Answer] = {}
    for page in pages:
        q = page_question(page, source, kb)
        page.question = q
        analyze_page(page, q, kb)
        if q is not None and page.error is None:
            if q.text not in answers:
                answers[q.text] = answer_question(q, kb)
            page.answer = answers[q.text]
    return Report(None, None, pages, question_from=source)


def check_pages(
    pages: list[Page],
    question: str | Question | None = None,
    kb: KnowledgeBase | None = None,
    question_from: str | None = None,
    deadline: float | Deadline | None = None,
) -> Report:
    """Check pages already read. ``question`` may be text, a parsed Question, or None (then a title).

    ``question_from`` ('title' or 'heading') asks each page its own question instead (see
    ``page_question``); the report then has no overall question, and each page carries its own.
    ``deadline``: seconds (or a ``Deadline``, which the caller may ``cancel()`` from another
    thread) for the whole call; the page being checked when it passes, and every later page, get
    the error kind ``timeout``, and the pages done before keep their results."""
    if deadline is not None:
        with deadline_scope(deadline):
            return check_pages(pages, question, kb, question_from=question_from)
    kb = kb or get_knowledge()
    if question_from is not None:
        if question is not None:
            raise InputError("give a question or a source of questions per page, not both")
        if question_from not in QUESTION_FROM:
            raise InputError(
                f"unknown question source {question_from!r}: use one of {', '.join(QUESTION_FROM)}"
            )
        return _check_each(pages, question_from, kb)
    if isinstance(question, str):
        q: Question | None = parse_question(question, kb)
    else:
        q = question if question is not None else question_from_pages(pages, kb)
    for page in pages:
        analyze_page(page, q, kb)
    answer = None
    if q is not None:
        answer = answer_question(q, kb)
        answer.page_answers = dict(Counter(p.page_answer for p in pages if p.page_answer))
    return Report(q, answer, pages)


def check(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    question: str | None = None,
    question_from: str | None = None,
    deadline: float | Deadline | None = None,
) -> Report:
    """Read and check files or directories. A directory expands to its files, sorted by name.

    ``deadline``: seconds, or a ``Deadline`` (``healthlens.Deadline(30)``; its ``cancel()`` stops
    the check from another thread), for reading and checking together. Pages not done by then
    get the error kind ``timeout``; the others keep their results.

    >>> report = check(["page.html"], question="Is FPIES an autoimmune disease?")  # doctest: +SKIP
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = list(paths)
    if not paths:
        raise InputError("no input given: pass one or more files or directories to check")
    if deadline is None:  # the caller's deadline, if it set one around this call
        return check_pages(read_paths(paths), question, question_from=question_from)
    with deadline_scope(deadline):
        return check_pages(read_paths(paths), question, question_from=question_from)
