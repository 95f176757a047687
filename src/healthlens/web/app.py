"""The FastAPI app: ``create_app(settings)`` wires the routes, the feedback store and the guards."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..knowledge import get_knowledge
from . import api, pages
from .feedback import FeedbackError, FeedbackFull, FeedbackStore
from .middleware import GuardMiddleware
from .settings import WebSettings
from .work import ShedLarge, WorkPool

__all__ = ["create_app", "app_from_env"]


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The web app. Opens (and creates) the feedback database at ``settings.db_url``;
    raises ``FeedbackError`` if it cannot."""
    settings = settings or WebSettings()
    store = FeedbackStore(settings.db_url)
    pool = WorkPool(
        threads=settings.check_threads,
        queue=settings.check_queue,
        large_threads=settings.large_threads,
        large_queue=settings.large_queue,
        large_bytes=settings.large_bytes,
        timeout=settings.check_timeout,
        retry_after=settings.retry_after,
        isolate_large=settings.isolate_large,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await run_in_threadpool(
            lambda: get_knowledge().prepare()
        )  # load the knowledge base before the first request
        pool.start()  # (re)opened: a test client may run the lifespan more than once
        yield
        pool.shutdown()  # checks still running stop where they next look (see work.py)
        store.close()

    app = FastAPI(
        title="healthlens",
        version=__version__,
        summary="Checks health web pages against curated, cited medical knowledge.",
        docs_url=None,  # the interactive docs load script from a CDN; the schema is at /openapi.json
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.pool = pool
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(FeedbackError)
    async def feedback_unavailable(request: Request, exc: FeedbackError):
        if isinstance(exc, FeedbackFull):
            return _error(request, 409, "The note was not saved", str(exc))
        return _error(request, 503, "Feedback is unavailable", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        titles = {404: "Not found", 405: "Not allowed"}
        return _error(
            request,
            exc.status_code,
            titles.get(exc.status_code, "Bad request"),
            str(exc.detail),
            exc.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        if request.url.path.startswith("/api/"):
            errors = [{k: e[k] for k in ("loc", "msg", "type") if k in e} for e in exc.errors()]
            return JSONResponse({"detail": errors}, status_code=422)
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return _error(request, 422, "The form could not be read", problems)

    app.add_middleware(ShedLarge, pool=pool)  # a full large lane refuses before the body is read
    if "*" not in settings.allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)
    app.add_middleware(
        GuardMiddleware, max_body_bytes=settings.max_body_bytes, body_timeout=settings.body_timeout
    )  # outermost of ours: every answer gets its headers, an unexpected error included
    return app


def app_from_env() -> FastAPI:
    """The app for one of several worker processes (``healthlens serve --workers N``)."""
    app = create_app(WebSettings.from_env())
    app.state.pool.prestart = True
    return app


def _error(
    request: Request,
    status: int,
    title: str,
    message: str,
    headers: Mapping[str, str] | None = None,
):
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return pages.render("error.html", status, status=status, title=title, message=message)
