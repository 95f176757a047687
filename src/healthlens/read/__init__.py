"""Read: files, directories, text and HTML into ``Page`` objects.

A file that cannot be read becomes a ``Page`` with ``error`` set; reading never raises for one
bad input, so a batch keeps every input and its reason. A file's size is checked before it is
read, and it is read at most ``MAX_PAGE_BYTES`` + 1 bytes at a time; special files (FIFOs,
devices, sockets) are never opened, and a directory that cannot be listed is reported.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..limits import MAX_PAGE_BYTES, current_deadline
from ..models import Page, PageError
from ..pathselect import expand_paths
from .dates import find_date, parse_date
from .decode import DecodeError, decode_utf8, looks_binary
from .html import looks_like_html, read_html
from .text import read_text

__all__ = [
    "READS",
    "WRITES",
    "read_paths",
    "read_file",
    "read_bytes",
    "read_text",
    "read_html",
    "expand_paths",
    "parse_date",
    "find_date",
    "MAX_BYTES",
]

# The stage's contract (docs/architecture.md; tests/test_stage_contracts.py holds it): reading
# makes the Page from its input, so it reads no field, and these are the only ones it sets.
READS: frozenset[str] = frozenset()
WRITES = frozenset(
    {"input", "text", "title", "author", "date", "url", "links", "format", "error", "extractor"}
)

MAX_BYTES = MAX_PAGE_BYTES  # the one per-page cap (healthlens.limits), under its old name here
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _special(mode: int) -> str | None:
    """What a file that is neither a regular file nor a directory is, or None."""
    for test, what in _SPECIAL:
        if test(mode):
            return what
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else "not a regular file"


def _directory_error(name: str) -> PageError:
    try:
        with os.scandir(name) as entries:
            next(entries, None)
    except OSError as exc:
        return PageError(
            "unreadable",
            f"{name}: cannot list this directory ({exc.strerror or exc}); its files were not checked",
        )
    return PageError("unreadable", f"{name}: is a directory")


def _too_large(name: str, size: int | None) -> PageError:
    if size is None:  # it grew past the limit while being read
        return PageError("too_large", f"{name}: over the {MAX_PAGE_BYTES:,}-byte limit per page")
    return PageError(
        "too_large", f"{name}: {size:,} bytes is over the {MAX_PAGE_BYTES:,}-byte limit per page"
    )


def read_bytes(data: bytes, input: str, hint: str | None = None, url: str | None = None) -> Page:
    """A ``Page`` from raw bytes; ``hint`` is 'html' or 'text' when the caller knows."""
    if len(data) > MAX_PAGE_BYTES:
        return Page(input=input, error=_too_large(input, len(data)))
    if looks_binary(data):
        return Page(
            input=input,
            error=PageError("unreadable", f"{input}: binary content, not a text or HTML page"),
        )
    try:
        text, is_utf8 = decode_utf8(data)
    except DecodeError as exc:
        return Page(input=input, error=PageError("decode", f"{input}: {exc}"))
    if not text.strip():
        return Page(input=input, error=PageError("empty", f"{input}: the page is empty"))
    if hint == "html" or (hint is None and looks_like_html(text)):
        return read_html(text, input, url=url, utf8=data if is_utf8 else None)
    return read_text(text, input, url=url)


def _load(name: str) -> bytes | PageError:
    """The file's bytes, or why they cannot be had. The size is checked before reading (a 1 GB
    sparse file is refused from its size), at most ``MAX_PAGE_BYTES`` + 1 bytes are read (a file
    that grows, or one under /proc, cannot make more), and a FIFO, device or socket is never
    opened (opening a FIFO waits for a writer; /dev/zero never ends)."""
    try:
        st = os.stat(name)
    except FileNotFoundError:
        if os.path.islink(name):
            return PageError("not_found", f"{name}: a link to a file that does not exist")
        return PageError("not_found", f"{name}: no such file")
    except OSError as exc:
        return PageError("unreadable", f"{name}: {exc.strerror or exc}")
    if stat.S_ISDIR(st.st_mode):
        return _directory_error(name)
    special = _special(st.st_mode)
    if special:
        return PageError("unreadable", f"{name}: {special}, not a page file; skipped")
    if st.st_size > MAX_PAGE_BYTES:
        return _too_large(name, st.st_size)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(name, flags)  # non-blocking: should it have become a FIFO since the stat
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return PageError("unreadable", f"{name}: not a regular file; skipped")
            data = f.read(MAX_PAGE_BYTES + 1)
    except IsADirectoryError:
        return _directory_error(name)
    except OSError as exc:
        return PageError("unreadable", f"{name}: {exc.strerror or exc}")
    if len(data) > MAX_PAGE_BYTES:
        return _too_large(name, None)
    return data


def read_file(path: str | os.PathLike) -> Page:
    """Read one file; never raises for a bad file (the page carries the error)."""
    name = str(path)
    data = _load(name)
    if isinstance(data, PageError):
        return Page(input=name, error=data)
    hint = "html" if Path(name).suffix.lower() in _HTML_SUFFIXES else None
    return read_bytes(data, name, hint=hint)


def read_paths(paths: Iterable[str | os.PathLike]) -> list[Page]:
    """Read every path, in order; directories expand to their files sorted by name. Under a
    check's deadline (``healthlens.limits``), the files left when it passes are not read: each
    becomes a page with the error kind ``timeout``."""
    deadline = current_deadline()
    pages = []
    for p in expand_paths(paths):
        if deadline is not None and deadline.expired():
            pages.append(
                Page(
                    input=p, error=PageError("timeout", f"{p}: not read: the check's time ran out")
                )
            )
        else:
            pages.append(read_file(p))
    return pages
