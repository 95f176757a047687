"""Bytes to text: UTF-8 (with or without BOM) first, then charset detection."""

from __future__ import annotations

import re

__all__ = ["decode", "DecodeError", "looks_binary"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


class DecodeError(ValueError):
    pass


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if not head:
        return False
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        return True
    return False


def decode(data: bytes) -> str:
    """Decode page bytes; raise ``DecodeError`` when no encoding fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import (
        from_bytes,
    )  # on demand: most pages are UTF-8, and it takes 20 ms to import

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("no text encoding fits these bytes")
    return str(best)
