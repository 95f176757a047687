"""What every route shares: inputs to read ``Page`` objects, one ``check_pages`` call, and the
reviewers' notes on the pages checked. No checking happens here; the library does it all."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ..models import Page, Report
from ..pipeline import check_pages
from ..read import read_bytes, read_html, read_text
from ..report.json import report_to_dict
from .feedback import FeedbackNote, FeedbackStore, page_fingerprint
from .fetch import fetch_page
from .schemas import HtmlPage, TextPage, UrlPage
from .settings import WebSettings

__all__ = ["Checked", "read_input", "read_upload", "run_check"]


def read_input(item: TextPage | HtmlPage | UrlPage, name: str, settings: WebSettings) -> Page:
    """One API page to a read ``Page``: text and HTML are read in place, a URL is fetched (safely)."""
    if isinstance(item, TextPage):
        return read_text(item.text, name, title=item.title)
    if isinstance(item, HtmlPage):
        return read_html(item.html, name)
    return fetch_page(item.url, settings)


def read_upload(data: bytes, filename: str) -> Page:
    """An uploaded file, read like a file from disk: its suffix says HTML or text, else its content does."""
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    hint = {"html": "html", "htm": "html", "xhtml": "html", "txt": "text"}.get(suffix)
    return read_bytes(data, filename or "uploaded file", hint=hint)


@dataclass
class Checked:
    """A report, its JSON contract, and per page: fingerprint and reviewers' notes (in page order)."""

    report: Report
    data: dict
    fingerprints: list[str]
    notes: list[list[FeedbackNote]]
    timings: dict[str, float] = field(default_factory=dict)

    def api_dict(self) -> dict:
        """The check JSON contract, plus per page its ``text`` (what offsets point into),
        ``fingerprint`` and ``feedback`` (reviewers' notes)."""
        for page, d, fp, notes in zip(
            self.report.pages, self.data["pages"], self.fingerprints, self.notes
        ):
            d["text"] = page.text
            d["fingerprint"] = fp
            d["feedback"] = [n.to_dict() for n in notes]
        return self.data


def run_check(pages: list[Page], question: str | None, store: FeedbackStore) -> Checked:
    t0 = time.perf_counter()
    report = check_pages(pages, question or None)
    t1 = time.perf_counter()
    data = report_to_dict(report)
    t2 = time.perf_counter()
    fingerprints = [page_fingerprint(p.text) if p.error is None else "" for p in report.pages]
    by_page = store.for_pages([fp for fp in fingerprints if fp])
    t3 = time.perf_counter()
    return Checked(
        report,
        data,
        fingerprints,
        [by_page.get(fp, []) for fp in fingerprints],
        {"check": t1 - t0, "contract": t2 - t1, "feedback": t3 - t2},
    )
