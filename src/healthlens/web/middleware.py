"""ASGI middleware: request-body cap (413) and read timeout (408), cross-site form posts refused,
security headers on every response, and an unexpected error answered as a page with them."""

from __future__ import annotations

import asyncio
import json
import logging
from urllib.parse import urlsplit

__all__ = ["GuardMiddleware", "SECURITY_HEADERS", "CONTENT_SECURITY_POLICY"]

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
"""No script at all, styles only from the server's own stylesheet, forms post only to this server."""

SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (
        b"referrer-policy",
        b"same-origin",
    ),  # not no-referrer: then browsers post forms with "Origin: null"
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


log = logging.getLogger(__name__)


class _TooLarge(Exception):
    pass


class _BodyTimeout(Exception):
    pass


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


class GuardMiddleware:
    """Wraps the app: caps request bodies at ``max_body_bytes`` (413) and the wait for each
    piece of a body at ``body_timeout`` seconds (408), refuses unsafe requests whose ``Origin``
    is another site (403), adds ``SECURITY_HEADERS`` to every response, and answers an error
    the app did not handle with a 500 that carries them (never Starlette's bare text)."""

    def __init__(self, app, max_body_bytes: int, body_timeout: float | None = None):
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.body_timeout = body_timeout

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        if scope["method"] in _UNSAFE and self._cross_site(scope):
            await self._plain(
                scope,
                send_secured,
                403,
                "This server only accepts forms posted from its own pages.",
            )
            return
        declared = _header(scope, b"content-length")
        if (
            declared is not None
            and declared.strip().isdigit()
            and int(declared) > self.max_body_bytes
        ):
            await self._too_large(scope, send_secured)
            return

        received = 0
        exceeded = stalled = False
        started = False
        body_done = False

        async def capped_receive():
            nonlocal received, exceeded, stalled, body_done
            if body_done or not self.body_timeout:  # after the body: waits for a disconnect
                message = await receive()
            else:
                try:
                    message = await asyncio.wait_for(receive(), self.body_timeout)
                except TimeoutError:
                    stalled = True
                    raise _BodyTimeout() from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if not message.get("more_body", False):
                    body_done = True
                if received > self.max_body_bytes:
                    exceeded = True
                    raise _TooLarge()
            return message

        async def guarded_send(message):
            nonlocal started
            if exceeded or stalled:  # whatever the app answers to a cut-off body, 413 or 408
                if not started:
                    started = True
                    await self._refuse_body(scope, send_secured, exceeded)
                return
            if message["type"] == "http.response.start":
                started = True
            await send_secured(message)

        try:
            await self.app(scope, capped_receive, guarded_send)
        except (_TooLarge, _BodyTimeout):
            if not started:
                await self._refuse_body(scope, send_secured, exceeded)
        except (
            Exception
        ):  # a bug: a plain 500 with the security headers, and the other requests go on
            log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                started = True
                await self._plain(
                    scope,
                    send_secured,
                    500,
                    "Something went wrong on the server while answering this request; "
                    "it has been logged. Try again, or send a smaller page.",
                )

    def _cross_site(self, scope) -> bool:
        if _header(scope, b"sec-fetch-site") == "cross-site":
            return True
        origin = _header(scope, b"origin")
        if not origin or origin == "null":
            return origin == "null"
        return urlsplit(origin).netloc.lower() != (_header(scope, b"host") or "").lower()

    async def _refuse_body(self, scope, send, too_large: bool) -> None:
        if too_large:
            await self._too_large(scope, send)
        else:
            detail = (
                f"The request body stopped arriving for {self.body_timeout:g} s; send it again."
            )
            await self._plain(scope, send, 408, detail)

    async def _too_large(self, scope, send) -> None:
        detail = f"The request is larger than this server's limit of {self.max_body_bytes:,} bytes; send a smaller page."
        await self._plain(scope, send, 413, detail)

    @staticmethod
    async def _plain(scope, send, status: int, detail: str) -> None:
        """The refusal as JSON for the API, as plain text for a browser."""
        if scope["path"].startswith("/api/"):
            body, ctype = json.dumps({"detail": detail}).encode(), b"application/json"
        else:
            body, ctype = detail.encode(), b"text/plain; charset=utf-8"
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})
