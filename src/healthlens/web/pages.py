"""The HTML pages: the form, the report, and reviewer feedback. Rendered on the server, no script."""

from __future__ import annotations

import asyncio
import time
from functools import partial
from importlib import resources
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from .. import __version__
from ..read import read_text
from ..report.labels import KIND_LABELS, PAGE_ANSWER_LABELS, SEVERITY_LABELS, VERDICT_LABELS
from ..report.trust import page_trust
from .feedback import FeedbackNote
from .fetch import fetch_page
from .highlight import paragraphs
from .schemas import MAX_NOTE, MAX_QUESTION, FeedbackRequest
from .service import Checked, check_job, read_upload, timed_out
from .work import Busy, ClientGone, WorkTimeout

__all__ = ["router", "templates", "KIND_LABELS", "render"]

router = APIRouter(include_in_schema=False)

# KIND_LABELS, VERDICT_LABELS and the answer labels live in report/labels.py, shared with the
# terminal and Markdown reports.
# the questions healthlens answers, shown on the form (X: a condition's name, synonym or abbreviation)
QUESTION_FORMS = (
    ("Is X an autoimmune disease?", "Is celiac disease an autoimmune disease?"),
    ("Is X autoimmune?", "Is EoE autoimmune?"),
    ("Is X caused by the immune system?", "Is IBD caused by the immune system?"),
    ("Is X an allergy?", "Is FPIES an allergy?"),
    ("Is X linked to autoimmune disease?", "Is fibromyalgia linked to autoimmune disease?"),
    ("What is X?", "What is Graves disease?"),
    ("What does X stand for?", "What does FPIES stand for?"),
    ("Is X contagious?", "Is psoriasis contagious?"),
    ("Is X hereditary?", "Is cystic fibrosis hereditary?"),
    ("Is X curable?", "Is hepatitis C curable?"),
)


def _safe_href(url: str | None) -> str | None:
    """A link target only when it is an http(s) URL; anything else (javascript:, data:) is not linked."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


templates = Environment(
    loader=PackageLoader("healthlens.web", "templates"),
    autoescape=select_autoescape(["html"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.filters["safe_href"] = _safe_href
templates.globals.update(
    KIND_LABELS=KIND_LABELS,
    VERDICT_LABELS=VERDICT_LABELS,
    PAGE_ANSWER_LABELS=PAGE_ANSWER_LABELS,
    SEVERITY_LABELS=SEVERITY_LABELS,
    QUESTION_FORMS=QUESTION_FORMS,
    version=__version__,
    MAX_NOTE=MAX_NOTE,
    MAX_QUESTION=MAX_QUESTION,
)
_STYLESHEET = resources.files("healthlens.web").joinpath("static/style.css").read_bytes()


def render(name: str, status_code: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(templates.get_template(name).render(**context), status_code=status_code)


def _page_view(
    page, data: dict, fingerprint: str, notes: list[FeedbackNote], question: dict | None = None
) -> dict:
    """What the report template needs for one page, beyond its JSON contract: the text cut at
    the findings, reviewers' notes per finding, and the page's trust line."""
    findings = page.findings
    by_key: dict[tuple, list[FeedbackNote]] = {}
    for n in notes:
        by_key.setdefault(n.key, []).append(n)
    keys = [(f.kind, f.start, f.end) for f in findings]
    tips = [f"{KIND_LABELS.get(f.kind, f.kind)}: {f.message}" for f in findings]
    return {
        "page": page,
        "data": data,
        "fingerprint": fingerprint,
        "paragraphs": paragraphs(page.text, [(f.start, f.end) for f in findings])
        if page.error is None
        else [],
        "notes": [by_key.get(k, []) for k in keys],
        "other_notes": [n for n in notes if n.key not in set(keys)],
        "tips": tips,
        "trust": page_trust(data, question),
    }


def render_report(checked: Checked) -> HTMLResponse:
    t0 = time.perf_counter()
    views = [
        _page_view(p, d, fp, ns, checked.data.get("question"))
        for p, d, fp, ns in zip(
            checked.report.pages,
            checked.data["pages"],
            checked.fingerprints,
            checked.notes,
            strict=False,
        )
    ]
    response = render("report.html", data=checked.data, pages=views)
    timings = {**checked.timings, "render": time.perf_counter() - t0}
    response.headers["server-timing"] = ", ".join(
        f"{k};dur={v * 1000:.1f}" for k, v in timings.items()
    )
    return response


def _form(
    request: Request, status_code: int = 200, error: str | None = None, **values
) -> HTMLResponse:
    return render(
        "index.html",
        status_code,
        error=error,
        values=values,
        allow_fetch=request.app.state.settings.allow_fetch,
    )


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    return _form(request)


def _parse_form(body: bytes, headers: list, max_part_size: int) -> tuple[str, str, str, str, bytes]:
    """(question, text, url, file name, file bytes) from a form body already received. Runs in
    a worker thread: parsing a form of several megabytes is long pure-Python work, which on the
    event loop would stall every other client."""

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    async def parse():
        scope = {"type": "http", "method": "POST", "path": "/check", "query_string": b""}
        form = await Request({**scope, "headers": headers}, receive).form(
            max_files=1, max_fields=8, max_part_size=max_part_size
        )
        try:
            upload = form.get("file")
            if isinstance(upload, UploadFile):
                upload.file.seek(0)
                filename, data = upload.filename or "uploaded file", upload.file.read()
            else:
                filename, data = "", b""
            return (
                str(form.get("question") or "").strip()[:MAX_QUESTION],
                str(form.get("text") or ""),
                str(form.get("url") or "").strip(),
                filename,
                data,
            )
        finally:
            await form.close()

    return asyncio.run(parse())


@router.post("/check", response_class=HTMLResponse)
async def check_form(request: Request) -> Response:
    settings, store = request.app.state.settings, request.app.state.store
    body = await request.body()  # capped (413) and timed (408) by the guard middleware
    headers = request.scope["headers"]
    shown = ["the page"]  # its name, once the form is read (for a time-out answer)

    def job(stop):  # in a worker thread: parsing, reading, checking and rendering are CPU work
        question, text, url, filename, data = _parse_form(body, headers, settings.max_body_bytes)
        given = [name for name, ok in (("text", text.strip()), ("file", data), ("url", url)) if ok]
        values = {"question": question, "text": text, "url": url}
        if not given:
            return _form(
                request,
                400,
                "Give the page: paste its text, choose a saved HTML file, or type its address.",
                **values,
            )
        if len(given) > 1:
            return _form(
                request,
                400,
                f"Give the page one way only; you gave {' and '.join(given)}.",
                **values,
            )
        if given == ["text"]:
            name, read = "pasted text", partial(read_text, text, "pasted text")
        elif given == ["file"]:
            name, read = filename, partial(read_upload, data, filename)
        else:
            name, read = url, partial(fetch_page, url, settings)
        shown[0] = name
        return render_report(check_job([(name, read)], question or None, store, stop))

    try:
        return await request.app.state.pool.run(job, len(body), request.receive)
    except Busy as exc:
        response = render(
            "error.html",
            503,
            status=503,
            title="The server is busy",
            message=f"{exc}. Your page was not checked; send it again in a moment.",
        )
        response.headers["retry-after"] = str(exc.retry_after)
        return response
    except ClientGone:
        return Response(status_code=499)  # nobody is listening any more
    except WorkTimeout as exc:
        return render_report(timed_out([shown[0]], exc.stop))


@router.post("/feedback")
async def feedback_form(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=10)
    fields: dict[str, str | None] = {
        k: str(v) for k, v in form.items() if k in FeedbackRequest.model_fields
    }
    for k in ("start", "end"):
        if fields.get(k) == "":
            fields[k] = None
    try:
        body = FeedbackRequest.model_validate(fields)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'form'}: {e['msg']}" for e in exc.errors()
        )
        return render(
            "error.html", 422, status=422, title="The note was not saved", message=problems
        )
    note = await run_in_threadpool(
        request.app.state.store.add,
        body.page_fingerprint,
        body.kind,
        body.start,
        body.end,
        body.note,
        body.sentence,
    )
    return RedirectResponse(
        f"/feedback?{urlencode({'page': note.page_fingerprint, 'saved': note.id})}", status_code=303
    )


@router.get("/feedback", response_class=HTMLResponse)
def feedback_page(request: Request, page: str = "", saved: int | None = None) -> HTMLResponse:
    if len(page) != 64 or any(c not in "0123456789abcdef" for c in page):
        return render(
            "error.html",
            404,
            status=404,
            title="No such page",
            message="This link names no checked page.",
        )
    notes = request.app.state.store.for_page(page)
    return render("feedback.html", notes=notes, saved=saved, fingerprint=page)


@router.get("/static/style.css")
def stylesheet() -> Response:
    return Response(
        _STYLESHEET, media_type="text/css", headers={"cache-control": "public, max-age=3600"}
    )


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)  # no icon, and no 404 in the browser console
