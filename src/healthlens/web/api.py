"""The JSON API: each route calls one library function; its schema is served at /openapi.json."""

from __future__ import annotations

import time

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from ..errors import InputError
from ..pipeline import ask
from .schemas import AskRequest, CheckRequest, FeedbackRequest
from .service import read_input, run_check

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])


def _json(data, status_code: int = 200, timings: dict[str, float] | None = None) -> JSONResponse:
    response = JSONResponse(data, status_code=status_code)
    if timings:
        response.headers["server-timing"] = ", ".join(
            f"{k};dur={v * 1000:.1f}" for k, v in timings.items()
        )
    return response


@router.post(
    "/check",
    summary="Check pages against the knowledge base",
    response_description=(
        "The check JSON contract (as `healthlens check --format json`), with per page also `text` "
        "(what the offsets point into), `fingerprint` and `feedback` (reviewers' notes)."
    ),
)
def api_check(body: CheckRequest, request: Request) -> JSONResponse:
    """Each page is text, HTML or a URL. A page that cannot be read or fetched is a row with an
    ``error``; the other pages are still checked."""
    settings, store = request.app.state.settings, request.app.state.store
    t0 = time.perf_counter()
    pages = [read_input(item, f"pages[{i}]", settings) for i, item in enumerate(body.pages)]
    t1 = time.perf_counter()
    checked = run_check(pages, body.question, store)
    return _json(checked.api_dict(), timings={"read": t1 - t0, **checked.timings})


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
