"""The caps that protect an audit run, and the exception the per-page alarm raises.

Its own module, with nothing heavy imported: the main process of a run needs these before its
workers start, and the per-page work (``rows``) pulls in the whole pipeline."""

from __future__ import annotations

from dataclasses import dataclass

from ..limits import MAX_PAGE_BYTES

__all__ = ["Limits", "PageTimeout"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that protect a run. ``timeout``: seconds of work per page (default 10: a normal
    page takes milliseconds, so only a pathological one comes near it); ``max_bytes``: page size
    (default 5 MB, as ``read.MAX_BYTES``: larger "pages" are archives or dumps, not articles)."""

    timeout: float = 10.0
    max_bytes: int = MAX_PAGE_BYTES


class PageTimeout(Exception):
    """Raised in a worker by the per-page alarm."""
