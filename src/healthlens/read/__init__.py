"""Read: files, directories, text and HTML into ``Page`` objects.

A file that cannot be read becomes a ``Page`` with ``error`` set; reading never raises for one
bad input, so a batch keeps every input and its reason.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from ..models import Page, PageError
from .dates import find_date, parse_date
from .decode import DecodeError, decode, looks_binary
from .html import looks_like_html, read_html
from .text import read_text

__all__ = [
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

MAX_BYTES = 5_000_000
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def expand_paths(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Each path as given; a directory expands to its files (recursively, sorted, hidden ones skipped)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield str(Path(root) / name)
        else:
            yield str(p)


def read_bytes(data: bytes, input: str, hint: str | None = None, url: str | None = None) -> Page:
    """A ``Page`` from raw bytes; ``hint`` is 'html' or 'text' when the caller knows."""
    if len(data) > MAX_BYTES:
        return Page(
            input=input,
            error=PageError(
                "too_large",
                f"{input}: {len(data):,} bytes is over the {MAX_BYTES:,}-byte limit per page",
            ),
        )
    if looks_binary(data):
        return Page(
            input=input,
            error=PageError("unreadable", f"{input}: binary content, not a text or HTML page"),
        )
    try:
        text = decode(data)
    except DecodeError as exc:
        return Page(input=input, error=PageError("decode", f"{input}: {exc}"))
    if not text.strip():
        return Page(input=input, error=PageError("empty", f"{input}: the page is empty"))
    if hint == "html" or (hint is None and looks_like_html(text)):
        return read_html(text, input, url=url)
    return read_text(text, input, url=url)


def read_file(path: str | os.PathLike) -> Page:
    """Read one file; never raises for a bad file (the page carries the error)."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return Page(input=name, error=PageError("not_found", f"{name}: no such file"))
    except IsADirectoryError:
        return Page(input=name, error=PageError("unreadable", f"{name}: is a directory"))
    except OSError as exc:
        return Page(input=name, error=PageError("unreadable", f"{name}: {exc.strerror or exc}"))
    hint = "html" if Path(name).suffix.lower() in _HTML_SUFFIXES else None
    return read_bytes(data, name, hint=hint)


def read_paths(paths: Iterable[str | os.PathLike]) -> list[Page]:
    """Read every path, in order; directories expand to their files sorted by name."""
    return [read_file(p) for p in expand_paths(paths)]
