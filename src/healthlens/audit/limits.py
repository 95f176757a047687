"""The caps that protect an audit run, and the exception the per-page alarm raises.

Its own module, with nothing heavy imported: the main process of a run needs these before its
workers start, and the per-page work (``rows``) pulls in the whole pipeline."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import HealthlensError
from ..limits import MAX_PAGE_BYTES

__all__ = ["Limits", "PageTimeout", "AuditError", "PART_SECONDS", "FIRST_PART_SECONDS"]

PART_SECONDS = 30.0
"""A worker writes its buffered rows as a part at least this often, so a killed run loses at most
this much work per worker (besides the part-size cap in rows and bytes)."""

FIRST_PART_SECONDS = 3.0
"""A worker's first part is written this soon, so an output that cannot be written (a full disk)
stops the run within seconds rather than after the first full part."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that protect a run. ``timeout``: seconds of work per page (default 10: a normal
    page takes milliseconds, so only a pathological one comes near it); ``max_bytes``: page size
    (default 5 MB, as ``read.MAX_BYTES``: larger "pages" are archives or dumps, not articles)."""

    timeout: float = 10.0
    max_bytes: int = MAX_PAGE_BYTES


class PageTimeout(BaseException):
    """Raised in a worker by the per-page alarm. A ``BaseException``, so that the pipeline's
    ``except Exception`` guards (one page's bug must not stop a batch) do not take a time-out
    for a bug: the page is recorded as ``timeout``, not ``internal``, and nothing is logged."""


class AuditError(HealthlensError):
    """The run cannot go on (its output cannot be written, a worker cannot start); finished
    parts stay valid and rerunning the command resumes."""
