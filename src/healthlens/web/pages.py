"""The HTML pages: the form, the report, and reviewer feedback. Rendered on the server, no script."""

from __future__ import annotations

import time
from importlib import resources
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from .. import __version__
from ..report.labels import KIND_LABELS, VERDICT_LABELS
from ..read import read_text
from .feedback import FeedbackNote
from .fetch import fetch_page
from .highlight import paragraphs
from .schemas import MAX_NOTE, MAX_QUESTION, FeedbackRequest
from .service import Checked, read_upload, run_check

__all__ = ["router", "templates", "KIND_LABELS", "render"]

router = APIRouter(include_in_schema=False)

# KIND_LABELS and VERDICT_LABELS live in report/labels.py, shared with the terminal and Markdown.
PAGE_ANSWER_LABELS = {
    "yes": "yes",
    "no": "no",
    "partly": "partly",
    "unclear": "unclearly",
    "not_answered": "does not answer it",
    "not_judged": "not judged (healthlens does not answer this question)",
    "defined": "defines it as the evidence does",
    "misdefined": "defines it as something else",
}


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
    version=__version__,
    MAX_NOTE=MAX_NOTE,
    MAX_QUESTION=MAX_QUESTION,
)
_STYLESHEET = resources.files("healthlens.web").joinpath("static/style.css").read_bytes()


def render(name: str, status_code: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(templates.get_template(name).render(**context), status_code=status_code)


def _page_view(page, data: dict, fingerprint: str, notes: list[FeedbackNote]) -> dict:
    """What the report template needs for one page, beyond its JSON contract."""
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
    }


def render_report(checked: Checked) -> HTMLResponse:
    t0 = time.perf_counter()
    views = [
        _page_view(p, d, fp, ns)
        for p, d, fp, ns in zip(
            checked.report.pages, checked.data["pages"], checked.fingerprints, checked.notes
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


@router.post("/check", response_class=HTMLResponse)
async def check_form(request: Request) -> Response:
    settings, store = request.app.state.settings, request.app.state.store
    form = await request.form(max_files=1, max_fields=8, max_part_size=settings.max_body_bytes)
    question = str(form.get("question") or "").strip()[:MAX_QUESTION]
    text = str(form.get("text") or "")
    url = str(form.get("url") or "").strip()
    upload = form.get("file")
    data = await upload.read() if isinstance(upload, UploadFile) else b""
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
            request, 400, f"Give the page one way only; you gave {' and '.join(given)}.", **values
        )
    if given == ["text"]:
        page = read_text(text, "pasted text")
    elif given == ["file"]:
        page = read_upload(data, upload.filename or "uploaded file")
    else:
        page = await run_in_threadpool(fetch_page, url, settings)
    checked = await run_in_threadpool(run_check, [page], question or None, store)
    return render_report(checked)


@router.post("/feedback")
async def feedback_form(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=10)
    fields = {k: str(v) for k, v in form.items() if k in FeedbackRequest.model_fields}
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
