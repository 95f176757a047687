"""Every cap that bounds the work one page can cost, in one place, and the check deadline.

A hostile page (a megabyte without a sentence end, thousands of condition names, a bracket in
every word) must cost time linear in its size. Each per-page algorithm is therefore bounded by
one of these caps; ordinary pages come nowhere near them (the figures beside each cap were
measured on the 83 pages the repository ships, 181 pages of the article-extraction benchmark and
3,000 MedQuAD answers). docs/limits.md lists them with their reasons.

The deadline is cooperative: ``check(..., deadline=seconds)`` (or a ``Deadline`` object, which
the caller may also ``cancel()`` when its client goes away) is installed for the duration of
the call, and the stages call ``checkpoint()`` between steps and inside their long loops. When
the time is up, the page being worked on, and every page after it, gets the error kind
``timeout``; the pages finished before keep their results.

Nothing heavy is imported here: the readers, the stages and the web and audit front ends all
read these names.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import HealthlensError

__all__ = [
    "MAX_PAGE_BYTES",
    "MAX_SENTENCE_CHARS",
    "MAX_CLAIM_GAP_CHARS",
    "MAX_CLAIM_KEYWORDS",
    "MAX_SENTENCE_PAIRS",
    "MAX_CLAUSE_CHARS",
    "MAX_PAGE_ABBREVIATIONS",
    "MAX_SENTENCE_BRACKETS",
    "MAX_HTML_DEPTH",
    "Deadline",
    "DeadlineExceeded",
    "deadline_scope",
    "checkpoint",
    "current_deadline",
]

MAX_PAGE_BYTES = 5_000_000
"""Bytes per page (a file, an upload, a fetched page, an audit record). Larger inputs are
archives or dumps, not articles: they get ``too_large`` and are never read into memory."""

MAX_SENTENCE_CHARS = 2_000
"""Characters per sentence. A longer run without a sentence end is split at the last space
before the cap (or at the cap when there is none). Longest sentence seen: 306 characters in the
shipped pages, 5,528 in MedQuAD (a list of 60 gene names); 0.06 % of MedQuAD's sentences are
longer than this."""

MAX_CLAIM_GAP_CHARS = 250
"""Characters between a condition name and a property word ("autoimmune") for the two to be
read as one claim. The widest claim seen spans 115 characters (mention start to keyword start)."""

MAX_CLAIM_KEYWORDS = 2
"""Property words tried per condition name and side: the nearest ones. Every claim seen uses
the nearest or the second nearest."""

MAX_SENTENCE_PAIRS = 32
"""Name-and-property-word pairs read per sentence and property. A sentence of ordinary prose has
a handful; a list of conditions under one property word a few dozen at most; only a run of names and
property words with no sentence end (a hostile page) reaches this, and its later pairs are not
read, which keeps such a page's cost per megabyte bounded."""

MAX_CLAUSE_CHARS = 150
"""Characters of a clause looked at before a condition name or a property word (for "whether",
"while", a hedge, a negation, a reported claim). The words that matter sit right before it."""

MAX_SENTENCE_BRACKETS = 64
"""Bracket pairs per sentence read as possible abbreviation definitions (the first ones). Each
is aligned with the words before it; a sentence with a bracket in every word would cost that
many alignments."""

MAX_PAGE_ABBREVIATIONS = 200
"""Short forms a page defines itself that are looked for in the whole page (each is one scan of
the page). Ordinary pages define fewer than 30."""

MAX_HTML_DEPTH = 2_048
"""Element nesting that the HTML reader reads (libxml2's limit with its huge-tree option, which
the reader sets: without it, text more than 255 levels deep, and all after it, was dropped
without a word). A page nested deeper is refused with ``parse``, saying so, never read in part."""


class DeadlineExceeded(HealthlensError):
    """The check's deadline passed, or its caller cancelled it, before the page was done."""


class Deadline:
    """A point in time after which a check stops, and a switch to stop it sooner.

    ``Deadline(seconds)``; ``Deadline(None)`` never expires but can still be cancelled.
    ``cancel()`` is safe from another thread (the web app calls it when the client disconnects)."""

    __slots__ = ("_at", "_cancelled", "seconds")

    def __init__(self, seconds: float | None) -> None:
        if seconds is not None and seconds <= 0:
            raise ValueError("a deadline needs a positive number of seconds")
        self.seconds = seconds
        self._at = None if seconds is None else time.monotonic() + seconds
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def remaining(self) -> float | None:
        """Seconds left (0 when expired or cancelled), or None without a time limit."""
        if self._cancelled:
            return 0.0
        return None if self._at is None else max(0.0, self._at - time.monotonic())

    def expired(self) -> bool:
        return self._cancelled or (self._at is not None and time.monotonic() >= self._at)

    def check(self) -> None:
        """Raise ``DeadlineExceeded`` when the time is up or the check was cancelled."""
        if self._cancelled:
            raise DeadlineExceeded("the check was cancelled")
        if self._at is not None and time.monotonic() >= self._at:
            raise DeadlineExceeded(f"the check ran past its deadline of {self.seconds:g} s")

    def __repr__(self) -> str:
        return f"Deadline({self.seconds!r}, remaining={self.remaining()!r})"


_CURRENT: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar(
    "healthlens_deadline", default=None
)


def as_deadline(deadline: float | Deadline | None) -> Deadline | None:
    """A ``Deadline`` from seconds, a ``Deadline``, or None (no limit)."""
    if deadline is None or isinstance(deadline, Deadline):
        return deadline
    return Deadline(float(deadline))


@contextmanager
def deadline_scope(deadline: float | Deadline | None) -> Iterator[Deadline | None]:
    """Install ``deadline`` for the stages run inside the block (this thread or task only)."""
    d = as_deadline(deadline)
    token = _CURRENT.set(d)
    try:
        yield d
    finally:
        _CURRENT.reset(token)


def current_deadline() -> Deadline | None:
    return _CURRENT.get()


def checkpoint() -> None:
    """Raise ``DeadlineExceeded`` if the current check's deadline has passed (cheap: call it in
    loops over sentences or mentions)."""
    d = _CURRENT.get()
    if d is not None:
        d.check()
