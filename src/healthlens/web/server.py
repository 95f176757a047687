"""Running the app under uvicorn with limits on slow and idle clients, and a quick SIGTERM.

- ``HeaderTimeoutH11``: uvicorn's HTTP/1.1 protocol plus a deadline for each request's line and
  headers. uvicorn closes idle keep-alive connections (``timeout_keep_alive``) but lets a client
  that has sent one byte trickle its headers forever; a few hundred such clients used to hold
  every file descriptor (issue 14). Here a connection that has not finished a request head
  within ``header_timeout`` seconds of connecting (or of its last response) is closed.
- Request bodies are timed by ``middleware.GuardMiddleware`` (408 when a body stalls).
- ``limit_concurrency``: past ``max_connections`` connections and requests, new requests get 503
  at once; the file-descriptor limit is raised to its hard maximum at start.
- SIGTERM: uvicorn stops accepting, gives requests in flight ``shutdown_grace`` seconds, then
  the app's shutdown stops the checks still running; their threads are daemons, so the process
  exits within seconds whatever they are doing.
"""

from __future__ import annotations

import asyncio
import resource

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from .settings import WebSettings

__all__ = ["HeaderTimeoutH11", "uvicorn_options", "raise_fd_limit"]


class HeaderTimeoutH11(H11Protocol):
    """H11Protocol that closes a connection whose request head is not complete in time."""

    header_timeout: float = 10.0

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._head_timer: asyncio.TimerHandle | None = None
        self._arm_head_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # a request head arrived: its body is timed
            self._disarm_head_timer()  # by the middleware

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self._arm_head_timer()  # the next request on this connection gets its own deadline

    def connection_lost(self, exc) -> None:
        self._disarm_head_timer()
        super().connection_lost(exc)

    def _arm_head_timer(self) -> None:
        self._disarm_head_timer()
        if self.header_timeout:
            self._head_timer = self.loop.call_later(self.header_timeout, self._head_timed_out)

    def _disarm_head_timer(self) -> None:
        timer = getattr(self, "_head_timer", None)
        if timer is not None:
            timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()  # nothing was answered yet: there is nobody to answer


# a worker process of `serve --workers N` imports this module afresh: its settings come from the
# environment (``WebSettings.from_env``), as its app's do
HeaderTimeoutH11.header_timeout = WebSettings.from_env().header_timeout


def uvicorn_options(settings: WebSettings) -> dict:
    """The uvicorn settings that bound slow clients, connections and shutdown."""
    HeaderTimeoutH11.header_timeout = settings.header_timeout
    return {
        "http": HeaderTimeoutH11,
        "timeout_keep_alive": 5,
        "limit_concurrency": settings.max_connections,
        "timeout_graceful_shutdown": settings.shutdown_grace,
        "h11_max_incomplete_event_size": 16 * 1024,  # request line and headers: 16 KB at most
    }


def raise_fd_limit() -> None:
    """Raise the soft limit on open files to the hard one (Linux and macOS)."""
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard == resource.RLIM_INFINITY or hard > soft:
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))
    except (ValueError, OSError):
        pass
