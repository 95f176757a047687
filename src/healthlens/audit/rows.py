"""One input record -> one output row: read, ``analyze_page``, ``page_to_dict``; never raises.

This is the per-page work of every engine. A record that cannot be read, is over the size cap,
runs past the time cap or breaks the pipeline becomes a row with ``error`` set.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path
from urllib.parse import urlsplit

from ..knowledge import KnowledgeBase
from ..models import Page, PageError, Question
from ..pipeline import analyze_page, page_question
from ..read import read_bytes, read_file, read_html, read_text
from ..report.json import page_to_dict
from .inputs import Record
from .limits import Limits, PageTimeout

__all__ = ["Limits", "audit_record", "error_row", "PageTimeout", "site_of"]

CREDIBILITY = ("cites_sources", "disclaimer", "commercial", "first_person", "disclosure")


_ARMED = [False]  # the alarm raises only while a page is being worked on


def _alarm(signum, frame):  # pragma: no cover - runs in the signal handler
    if _ARMED[0]:
        _ARMED[0] = False
        raise PageTimeout()


def site_of(url: str | None, source: str) -> str:
    """The site a page belongs to: the URL's host, else the directory of the file."""
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return Path(source).parent.name or "."


def _base(rec: Record) -> dict:
    return {
        "id": rec.id,
        "seq": rec.seq,
        "input": rec.input,
        "source": rec.source,
        "url": rec.url,
        "record_id": rec.record_id,
        "site": site_of(rec.url, rec.source),
    }


def error_row(rec: Record, kind: str, message: str, elapsed: float = 0.0) -> dict:
    """The row of a record that produced no report."""
    page = Page(input=rec.input, url=rec.url, error=PageError(kind, message))
    row = _base(rec)
    row.update(
        error_kind=kind,
        error=message,
        n_findings=0,
        findings=[],
        elapsed_ms=elapsed * 1000.0,
        # an error page needs only kb.name: _NoKB stands in for the knowledge base
        report=json.dumps(page_to_dict(page, _NoKB()), ensure_ascii=False),  # type: ignore[arg-type]
    )
    return row


class _NoKB:
    """``page_to_dict`` of a page with an error needs no knowledge base."""

    def name(self, cid):  # pragma: no cover - never called for a page without conditions
        return cid


def _read(rec: Record, limits: Limits) -> Page:
    if rec.error_kind:
        return Page(
            input=rec.input,
            url=rec.url,
            error=PageError(rec.error_kind, rec.error or rec.error_kind),
        )
    if rec.path is not None:
        try:
            size = os.stat(rec.path).st_size
        except OSError:
            size = 0
        if size > limits.max_bytes:
            return Page(
                input=rec.input,
                error=PageError(
                    "too_large",
                    f"{rec.input}: {size:,} bytes is over the {limits.max_bytes:,}-byte limit per page",
                ),
            )
        return read_file(rec.path)
    if rec.data is not None:
        if len(rec.data) > limits.max_bytes:
            return Page(
                input=rec.input,
                url=rec.url,
                error=PageError(
                    "too_large",
                    f"{rec.input}: {len(rec.data):,} bytes is over the {limits.max_bytes:,}-byte limit per page",
                ),
            )
        return read_bytes(rec.data, rec.input, hint=rec.hint, url=rec.url)
    text = rec.text or ""
    if len(text) > limits.max_bytes:
        return Page(
            input=rec.input,
            url=rec.url,
            error=PageError(
                "too_large",
                f"{rec.input}: {len(text):,} characters is over the {limits.max_bytes:,} limit per page",
            ),
        )
    if not text.strip():
        return Page(
            input=rec.input,
            url=rec.url,
            error=PageError("empty", f"{rec.input}: the page is empty"),
        )
    if rec.hint == "html":
        return read_html(text, rec.input, url=rec.url)
    return read_text(text, rec.input, url=rec.url)


def _row(rec: Record, page: Page, kb: KnowledgeBase, elapsed: float) -> dict:
    d = page_to_dict(page, kb)
    row = _base(rec)
    cond = d["main_condition"]
    cred = d["credibility"]
    row.update(
        error_kind=page.error.kind if page.error else None,
        error=page.error.message if page.error else None,
        title=page.title,
        main_condition=cond["name"] if cond else None,
        main_condition_id=cond["id"] if cond else None,
        on_topic=page.on_topic,
        page_answer=page.page_answer,
        agrees_with_evidence=page.agrees_with_evidence,
        n_findings=len(page.findings),
        findings=[
            {"kind": f.kind, "severity": f.severity, "message": f.message, "sentence": f.sentence}
            for f in page.findings
        ],
        author=cred["author"],
        date=cred["date"],
        **{k: cred[k] for k in CREDIBILITY},
        extractor=page.extractor,
        n_chars=len(page.text),
        elapsed_ms=elapsed * 1000.0,
        report=json.dumps(d, ensure_ascii=False, check_circular=False),  # a tree of plain values
    )
    return row


def audit_record(
    rec: Record, question: Question | None, kb: KnowledgeBase, limits: Limits, alarm: bool = True
) -> dict:
    """The row for one record. ``alarm``: enforce ``limits.timeout`` with SIGALRM (main thread only)."""
    t0 = time.perf_counter()
    if alarm:
        signal.signal(signal.SIGALRM, _alarm)
        _ARMED[0] = True
        signal.setitimer(signal.ITIMER_REAL, limits.timeout)
    try:
        page = _read(rec, limits)
        if rec.question_from:  # each page its own question (--question-from)
            question = page.question = page_question(page, rec.question_from, kb, rec.question)
        analyze_page(page, question, kb)
        row = _row(rec, page, kb, time.perf_counter() - t0)
    except PageTimeout:
        return error_row(
            rec,
            "timeout",
            f"{rec.input}: gave up after {limits.timeout:g} s (the per-page time limit)",
            time.perf_counter() - t0,
        )
    except RecursionError:
        return error_row(
            rec,
            "parse",
            f"{rec.input}: the page is nested too deeply to analyse",
            time.perf_counter() - t0,
        )
    except Exception as exc:  # a bug or a library failure on one page must not stop the run
        return error_row(
            rec, "internal", f"{rec.input}: {type(exc).__name__}: {exc}", time.perf_counter() - t0
        )
    finally:
        if alarm:
            _ARMED[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
    return row
