"""The web app's one options object. Every limit says its default and why."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

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

    allowed_hosts: list[str] = field(
        default_factory=lambda: ["127.0.0.1", "localhost", "::1", "[::1]"]
    )
    """``Host`` headers the server answers to; others get 400, which stops DNS-rebinding pages from
    reading it. ``healthlens serve`` adds the ``--host`` it binds to; ``["*"]`` turns the check off."""

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> "WebSettings":
        """Settings from ``$HEALTHLENS_WEB_SETTINGS`` (JSON, as ``to_json`` writes), defaults otherwise."""
        raw = os.environ.get(SETTINGS_ENV)
        return cls(**json.loads(raw)) if raw else cls()
