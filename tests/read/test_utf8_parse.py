"""A page whose bytes are UTF-8 is parsed from its bytes (``read_html(..., utf8=...)``): the
page read must be the one its decoded text gives, for ordinary and odd inputs alike."""

from __future__ import annotations

import gzip
from pathlib import Path

from healthlens import read
from healthlens.read import read_bytes, read_html
from healthlens.read.decode import decode_utf8

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "data" / "article-extraction-benchmark" / "html"

ODD = [
    "<html><body><p>a\x00b</p><p>" + "word " * 60 + "</p></body></html>",
    "<p>ctrl \x01\x02\x0b\x0c text</p>",
    '<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>é ü</p></body></html>',
    '<html><head><meta charset="iso-8859-1"><title>Café</title></head><body><p>café ü 😀 '
    + "more words " * 30
    + "</p></body></html>",
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    "</head><body><p>“quoted” é</p></body></html>",
    "<p>line\r\nbreak\rcr</p>",
    "<div>" * 3000 + "deep" + "</div>" * 3000,
    "<p>\ufeffbom inside, and a BOM-less page</p>",
    "<html><body><p>&#0; &#x1; &#xD800; &nbsp; 日本語のテキスト</p></body></html>",
]


def _fields(page):
    return (
        page.text,
        page.title,
        page.author,
        page.date,
        page.url,
        page.links,
        page.extractor,
        page.error and page.error.kind,
    )


def _inputs() -> list[bytes]:
    data = [s.encode("utf-8") for s in ODD]
    data += [p.read_bytes() for p in sorted((ROOT / "examples").glob("*.html"))]
    data += [p.read_bytes() for p in sorted((ROOT / "benchmarks/data/pages").glob("*.html"))]
    if REAL.is_dir():
        data += [gzip.decompress(p.read_bytes()) for p in sorted(REAL.glob("*.html.gz"))[:60]]
    return data


def _read(data: bytes):
    try:
        return _fields(read_bytes(data, "page.html", hint="html"))
    except Exception as exc:  # (the same failure either way is the same result)
        return repr(exc)


def test_utf8_bytes_parse_to_the_page_their_text_gives(monkeypatch):
    inputs = [d for d in _inputs() if decode_utf8(d)[1]]
    assert len(inputs) > 20
    from_bytes = [_read(d) for d in inputs]
    # the reference: every page parsed from its decoded text
    monkeypatch.setattr(read, "decode_utf8", lambda data: (decode_utf8(data)[0], False))
    from_text = [_read(d) for d in inputs]
    assert from_bytes == from_text
    assert read_html(ODD[3], "page.html").text == read_bytes(ODD[3].encode(), "page.html").text


def test_only_bytes_that_are_their_own_utf8_reading_are_parsed_as_bytes():
    assert decode_utf8("café".encode()) == ("café", True)
    assert decode_utf8(b"\xef\xbb\xbfcaf\xc3\xa9") == ("café", False)  # a BOM: decoded without it
    assert decode_utf8("café".encode("utf-16")) == ("café", False)
    assert decode_utf8("<meta charset=latin-1>café".encode("latin-1"))[1] is False


def test_link_density_with_link_lengths_kept_is_the_density_read_afresh():
    """``_best`` keeps each link's text length across its candidates (the tree does not change
    there): every element's density must be what reading its links afresh gives."""
    from lxml import etree

    from healthlens.read.html import _parse
    from healthlens.read.html_main import link_density

    checked = 0
    for data in _inputs():
        if not decode_utf8(data)[1]:
            continue
        try:
            tree = _parse("", data)
        except (etree.ParserError, ValueError):  # (the nesting cap: read as an error page)
            continue
        links: dict = {}
        for el in tree.iter("div", "section", "article", "ul", "p", "td", "body", "a"):
            assert link_density(el, links=links) == link_density(el)
            checked += 1
    assert checked > 1000
