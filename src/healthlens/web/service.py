"""What every route shares: inputs to read ``Page`` objects, one ``check_pages`` call, and the
reviewers' notes on the pages checked. No checking happens here; the library does it all."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..limits import Deadline
from ..models import Page, PageError, Report
from ..pipeline import check_pages
from ..read import read_bytes, read_html, read_text
from ..report.json import report_to_dict
from .feedback import FeedbackNote, FeedbackStore, page_fingerprint
from .fetch import fetch_page
from .schemas import HtmlPage, TextPage, UrlPage
from .settings import WebSettings
from .work import Stop, WorkTimeout

__all__ = [
    "Checked",
    "read_input",
    "read_upload",
    "run_check",
    "check_job",
    "read_safely",
    "library_check",
    "timed_out",
]

log = logging.getLogger(__name__)


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
            self.report.pages, self.data["pages"], self.fingerprints, self.notes, strict=False
        ):
            d["text"] = page.text
            d["fingerprint"] = fp
            d["feedback"] = [n.to_dict() for n in notes]
        return self.data


def read_safely(name: str, read: Callable[[], Page]) -> Page:
    """``read()``, or a page whose ``error`` says why it could not be read: whatever goes wrong
    reading one page (an undecodable upload, a bug in a reader) costs that page, never the
    request and the other pages with it."""
    try:
        return read()
    except UnicodeError as exc:  # e.g. a UTF-16 byte-order mark on an odd number of bytes
        return Page(
            input=name, error=PageError("decode", f"{name}: the text cannot be decoded ({exc})")
        )
    except RecursionError:
        return Page(
            input=name, error=PageError("parse", f"{name}: the page is nested too deeply to read")
        )
    except Exception as exc:
        log.exception("reading %s failed", name)
        return Page(
            input=name,
            error=PageError(
                "internal",
                f"{name}: healthlens failed reading this page ({type(exc).__name__}: {exc}); please report it",
            ),
        )


def _timeout_error(name: str, stop: Stop | None) -> PageError:
    if stop is not None and stop.reason == "client gone":
        return PageError("timeout", f"{name}: not checked, the client went away")
    if stop is not None and stop.reason == "shutdown":
        return PageError("timeout", f"{name}: not checked, the server is shutting down")
    limit = f" of {stop.seconds:g} s" if stop is not None and stop.seconds else ""
    return PageError(
        "timeout",
        f"{name}: not checked within the server's time limit{limit} per request; "
        "check fewer or smaller pages at once, or use `healthlens check`",
    )


def library_check(pages: list[Page], question: str | None, stop: Stop | None) -> Report:
    """``check_pages`` under the request's deadline: the library stops a page's work inside the
    pipeline when the time left runs out or the request is cancelled (the client went away, the
    server is shutting down), and marks that page and the later ones ``timeout``."""
    if stop is None:
        return check_pages(pages, question or None)
    deadline = Deadline(max(stop.left(), 0.001))
    stop.on_cancel.append(deadline.cancel)
    if stop.stopped:
        deadline.cancel()
    return check_pages(pages, question or None, deadline=deadline)


def _read_all(readers: Sequence[tuple[str, Callable[[], Page]]], stop: Stop | None) -> list[Page]:
    pages = []
    for name, read in readers:
        if stop is not None and stop.stopped:
            pages.append(Page(input=name, error=_timeout_error(name, stop)))
        else:
            pages.append(read_safely(name, read))
    if stop is not None and stop.stopped:
        for page in pages:
            if page.error is None:
                page.error = _timeout_error(page.input, stop)
    return pages


def isolated_check(
    readers: Sequence[tuple[str, Callable[[], Page]]],
    question: str | None,
    deadline: float,
    seconds: float,
) -> tuple[Report, dict]:
    """Reading and checking in the large lane's child process (``work.Isolated``): the report
    and its JSON contract. ``deadline`` is ``time.monotonic()``, the same clock in every process."""
    stop = Stop(deadline, seconds)
    report = library_check(_read_all(readers, stop), question, stop)
    return report, report_to_dict(report)


def check_job(
    readers: Sequence[tuple[str, Callable[[], Page]]],
    question: str | None,
    store: FeedbackStore,
    stop: Stop | None = None,
) -> Checked:
    """Read every page (each one safely), then check them all; pages not reached before
    ``stop`` get a ``timeout`` error. Runs in a worker thread (``work.WorkPool``); a large
    request's reading and checking go to the lane's child process when it has one, which is
    killed the moment ``stop`` is set (its pages are then ``timeout`` rows)."""
    t0 = time.perf_counter()
    if stop is not None and stop.isolated is not None:
        try:
            report, data = stop.isolated.call(
                stop, isolated_check, readers, question, stop.deadline, stop.seconds
            )
        except WorkTimeout:
            return timed_out([name for name, _ in readers], stop)
        except RuntimeError as exc:
            pages = [
                Page(input=n, error=PageError("internal", f"{n}: {exc}; please report it"))
                for n, _ in readers
            ]
            report = Report(None, None, pages)
            data = report_to_dict(report)
        t1 = time.perf_counter()
        checked = _with_notes(report, data, store)
        checked.timings = {"isolated": t1 - t0, **checked.timings}
        return checked
    pages = _read_all(readers, stop)
    t1 = time.perf_counter()
    checked = run_check(pages, question, store, stop)
    checked.timings = {"read": t1 - t0, **checked.timings}
    return checked


def _with_notes(report: Report, data: dict, store: FeedbackStore) -> Checked:
    t0 = time.perf_counter()
    fingerprints = [page_fingerprint(p.text) if p.error is None else "" for p in report.pages]
    by_page = store.for_pages([fp for fp in fingerprints if fp])
    return Checked(
        report,
        data,
        fingerprints,
        [by_page.get(fp, []) for fp in fingerprints],
        {"feedback": time.perf_counter() - t0},
    )


def timed_out(names: list[str], stop: Stop | None) -> Checked:
    """The answer for a request whose check did not come back in time: every page ``timeout``."""
    pages = [Page(input=name, error=_timeout_error(name, stop)) for name in names]
    report = Report(None, None, pages)
    return Checked(report, report_to_dict(report), [""] * len(pages), [[] for _ in pages])


def run_check(
    pages: list[Page], question: str | None, store: FeedbackStore, stop: Stop | None = None
) -> Checked:
    t0 = time.perf_counter()
    report = library_check(pages, question, stop)
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
