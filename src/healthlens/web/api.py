"""The JSON API: each route calls one library function; its schema is served at /openapi.json."""

from __future__ import annotations

import json
import time
from functools import partial

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from ..errors import InputError
from ..pipeline import ask
from .schemas import AskRequest, CheckRequest, FeedbackRequest, HtmlPage, TextPage
from .service import check_job, read_input, timed_out
from .work import Busy, ClientGone, WorkTimeout

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])


def _json(
    data,
    status_code: int = 200,
    timings: dict[str, float] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    response = JSONResponse(data, status_code=status_code, headers=headers)
    if timings:
        response.headers["server-timing"] = _timing(timings)
    return response


@router.post(
    "/check",
    summary="Check pages against the knowledge base",
    response_description=(
        "The check JSON contract (as `healthlens check --format json`), with per page also `text` "
        "(what the offsets point into), `fingerprint` and `feedback` (reviewers' notes)."
    ),
)
async def api_check(body: CheckRequest, request: Request) -> Response:
    """Each page is text, HTML or a URL. A page that cannot be read or fetched, or is not done
    within the server's time limit, is a row with an ``error``; the other pages are still
    checked. 503 with ``Retry-After`` when the server is busy."""
    settings, store, pool = (
        request.app.state.settings,
        request.app.state.store,
        request.app.state.pool,
    )
    names = [
        f"pages[{i}]" if isinstance(item, (TextPage, HtmlPage)) else item.url
        for i, item in enumerate(body.pages)
    ]
    readers = [
        (name, partial(read_input, item, f"pages[{i}]", settings))
        for i, (name, item) in enumerate(zip(names, body.pages, strict=False))
    ]
    nbytes = sum(
        len(item.text) if isinstance(item, TextPage) else len(getattr(item, "html", ""))
        for item in body.pages
    )

    def job(stop):
        checked = check_job(readers, body.question, store, stop)
        t0 = time.perf_counter()
        content = _dumps(checked.api_dict())
        return content, {**checked.timings, "json": time.perf_counter() - t0}

    try:
        content, timings = await pool.run(job, nbytes, request.receive)
    except Busy as exc:
        return _json({"detail": str(exc)}, 503, headers={"retry-after": str(exc.retry_after)})
    except ClientGone:
        return Response(status_code=499)  # nobody is listening any more
    except WorkTimeout as exc:
        return _json(timed_out(names, exc.stop).api_dict())
    response = Response(content, media_type="application/json")
    response.headers["server-timing"] = _timing(timings)
    return response


def _dumps(data) -> bytes:
    """As ``JSONResponse`` renders, in the worker thread rather than on the event loop."""
    return json.dumps(
        data, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
    ).encode("utf-8")


def _timing(timings: dict[str, float]) -> str:
    return ", ".join(f"{k};dur={v * 1000:.1f}" for k, v in timings.items())


@router.post(
    "/ask",
    summary="Answer a question from the knowledge base alone",
    response_description=(
        'One answer object; a compound question ("Is X an allergy or autoimmune?") answers its '
        "first property there and the others in `also` (a list of answer objects)."
    ),
)
def api_ask(body: AskRequest) -> JSONResponse:
    try:
        answer, *more = ask([body.question])
    except (
        InputError
    ) as exc:  # pragma: no cover - the request model already refuses blank questions
        return _json(
            {"detail": [{"loc": ["body", "question"], "msg": str(exc), "type": "value_error"}]}, 422
        )
    data = answer.to_dict()
    data["also"] = [a.to_dict() for a in more]
    return _json(data)


@router.post("/feedback", status_code=201, summary="Mark a finding as wrong, with a note")
def api_feedback(body: FeedbackRequest, request: Request) -> JSONResponse:
    note = request.app.state.store.add(
        body.page_fingerprint, body.kind, body.start, body.end, body.note, body.sentence
    )
    return _json(note.to_dict(), 201)


@router.get("/feedback", summary="Reviewers' notes on one page")
def api_feedback_list(
    request: Request,
    page: str = Query(pattern=r"^[0-9a-f]{64}$", description="The page fingerprint."),
) -> JSONResponse:
    return _json([n.to_dict() for n in request.app.state.store.for_page(page)])
