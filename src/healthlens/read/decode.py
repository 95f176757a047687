"""Bytes to text: UTF-8 (with or without BOM) first, then charset detection."""

from __future__ import annotations

import re

__all__ = ["decode", "decode_utf8", "DecodeError", "looks_binary"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


class DecodeError(ValueError):
    pass


# the openings of common binary formats: images, archives, compressed data, executables, PDF
_MAGIC = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\x28\xb5\x2f\xfd",
    b"\x7fELF",
    b"%PDF-",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"OggS",
    b"\x00asm",
)
# bytes no text uses: C0 controls but tab, newline, vertical tab, form feed and carriage return
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r")
_CONTROL_SHARE = 0.1


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` is a binary file rather than a page: a known binary opening, or more than
    10 % control bytes in its first 4 KB. A NUL here and there is a character of a text (a
    hostile page hides words with it), not proof of a binary file; UTF-16 with a byte-order mark
    is text."""
    head = data[:4096]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if head.startswith(_MAGIC):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > _CONTROL_SHARE * len(head)


def decode(data: bytes) -> str:
    """Decode page bytes; raise ``DecodeError`` when no encoding fits."""
    return decode_utf8(data)[0]


def decode_utf8(data: bytes) -> tuple[str, bool]:
    """``(decode(data), whether that text is data read as UTF-8 as it stands)``: then the
    bytes can be parsed as they are (``read_html``), without encoding the text again."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-8"), True
        except UnicodeDecodeError:
            pass
    return _decode(data), False


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:  # an odd byte count, or a lone surrogate
            raise DecodeError(
                f"declares UTF-16 (byte-order mark) but is not valid UTF-16: {exc.reason} at byte {exc.start:,}"
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, ValueError):  # unknown, or not for these bytes (UnicodeError)
            pass
    # on demand: most pages are UTF-8, and charset_normalizer is slow to import
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("no text encoding fits these bytes")
    return str(best)
