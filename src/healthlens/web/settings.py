"""The web app's one options object. Every limit says its default and why."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import InputError
from ..limits import MAX_PAGE_BYTES

__all__ = ["WebSettings", "default_db_url", "SETTINGS_ENV"]

SETTINGS_ENV = "HEALTHLENS_WEB_SETTINGS"
"""How ``healthlens serve --workers N`` hands its settings to each worker process (JSON)."""


def default_db_url() -> str:
    """SQLite file under ``$HEALTHLENS_DATA`` or ``$XDG_DATA_HOME/healthlens`` (default ``~/.local/share/healthlens``)."""
    base = os.environ.get("HEALTHLENS_DATA")
    if not base:
        xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        base = str(Path(xdg) / "healthlens")
    return f"sqlite:///{Path(base) / 'feedback.sqlite'}"


@dataclass
class WebSettings:
    db_url: str = field(default_factory=default_db_url)
    """Where reviewer feedback is stored: any SQLAlchemy URL. Default: an SQLite file (see ``default_db_url``)."""

    allow_fetch: bool = True
    """Fetch pages by URL. ``False`` (``healthlens serve --no-fetch``) means nothing ever leaves the machine."""

    max_body_bytes: int = MAX_PAGE_BYTES + 1_000_000
    """Request bodies above this get 413. Default 6 MB: one 5 MB page (the reader's limit) plus form overhead."""

    fetch_max_bytes: int = MAX_PAGE_BYTES
    """A fetched page above this is refused as ``too_large``. Default 5 MB, the reader's per-page limit."""

    fetch_timeout: float = 10.0
    """Seconds for connecting, and for each read, of one fetch. Default 10 s: a slow site fails before the reader gives up."""

    fetch_total_timeout: float = 20.0
    """Seconds for a whole fetch, redirects and body included. Default 20 s, so a trickling server cannot hold a worker."""

    max_redirects: int = 5
    """Redirects followed per fetch, each checked like the first URL. Default 5, as browsers tolerate far more but pages rarely need it."""

    max_pages: int = 20
    """Pages per API request. Default 20: a batch a reviewer can read; more belongs in the CLI."""

    max_urls: int = 5
    """URL pages per API request. Default 5, so one request cannot make the server fetch a crawl's worth."""

    check_threads: int = 4
    """Checks running at once (worker threads) for normal-sized requests. Default 4: checking is
    CPU-bound Python, so more threads add no throughput; four let fetches overlap and share the
    interpreter fairly with a large check running beside them."""

    check_queue: int = 32
    """Normal requests that may wait for a thread; more get 503 with ``Retry-After``. Default 32."""

    large_bytes: int = 256_000
    """Requests whose pages add up to this many bytes or more (text, HTML, upload) are *large*
    and run in their own lane. Default 256 KB: an article is tens of KB; a saved page with its
    markup a few hundred."""

    large_threads: int = 1
    """Large checks running at once. Default 1, so hostile or huge pages hold one thread at most."""

    large_queue: int = 2
    """Large requests that may wait; more get 503 with ``Retry-After``. Default 2."""

    isolate_large: bool = True
    """Run the large lane's reading and checking in a child process of its own (one per large
    thread): a hostile page then takes a core, not half of the server's interpreter, and is
    killed at its deadline. ``False`` keeps it in a thread (tests that replace the pipeline)."""

    check_timeout: float = 30.0
    """Seconds a request's check may take, waiting for a thread included; pages not done by then
    get a ``timeout`` error. Default 30 s: five fetches of 20 s cannot all fit, a 5 MB page can."""

    retry_after: int = 5
    """Seconds a 503 (busy) tells the client to wait before trying again. Default 5."""

    header_timeout: float = 10.0
    """Seconds a client has to send a request's line and headers once it has connected (or after
    its last response); slower ones are disconnected. Default 10 s: stops slowloris clients."""

    body_timeout: float = 20.0
    """Seconds the server waits for each next piece of a request body; a stalled upload gets 408.
    Default 20 s, as patient as a slow mobile link needs."""

    max_connections: int = 200
    """Open connections and requests per server process before new requests get 503 (uvicorn's
    ``limit_concurrency``). Default 200, well inside the usual 1,024 file descriptors."""

    shutdown_grace: float = 3.0
    """Seconds SIGTERM waits for requests in flight before the server exits. Default 3 s."""

    allowed_hosts: list[str] = field(
        default_factory=lambda: ["127.0.0.1", "localhost", "::1", "[::1]"]
    )
    """``Host`` headers the server answers to; others get 400, which stops DNS-rebinding pages from
    reading it. ``healthlens serve`` adds the ``--host`` it binds to; ``["*"]`` turns the check off."""

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> WebSettings:
        """Settings from ``$HEALTHLENS_WEB_SETTINGS`` (JSON, as ``to_json`` writes), defaults otherwise."""
        raw = os.environ.get(SETTINGS_ENV)
        if not raw:
            return cls()
        try:
            return cls(**json.loads(raw))
        except (ValueError, TypeError) as exc:
            raise InputError(
                f"${SETTINGS_ENV} is not a JSON object of web settings ({exc}); "
                "see healthlens/web/settings.py for the names"
            ) from exc
