"""Small inputs of every kind for the audit tests, written by hand (no ../shared needed)."""

from __future__ import annotations

import gzip
import importlib.util
import json
import uuid
import zlib

import pytest

# the audit extra; checked without importing (DuckDB prints reference-leak notes at exit once imported)
for _name in ("pyarrow", "fastwarc", "duckdb"):
    if importlib.util.find_spec(_name) is None:
        pytest.skip(
            f"the audit extra is not installed ({_name} is missing)", allow_module_level=True
        )

GOOD = """<html><head><title>Is celiac disease autoimmune? | Site</title><meta name="author" content="Dana Quill"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Is celiac disease autoimmune?</h1>
<p>Celiac disease is an autoimmune disease. When a person with celiac disease eats gluten, the immune system
damages the lining of the small intestine. It runs in families and is linked to the genes HLA-DQ2 and HLA-DQ8.</p>
<p>Doctors test the blood for antibodies and may take a biopsy of the small intestine. The treatment is a strict,
lifelong gluten-free diet. See <a href="https://www.niddk.nih.gov/">NIDDK</a>.</p></article>
<footer>Copyright</footer></body></html>"""

OTHER = """<html><body><article><h1>Fibromyalgia</h1><p>Fibromyalgia, often abbreviated as FPIES, causes pain all over the
body. Fibromyalgia is not an autoimmune disease, although some researchers have asked whether it might be one.
People with fibromyalgia often feel tired and have trouble sleeping, and a doctor can help them manage it.</p></article></body></html>"""


def warc_record(kind: str, url: str, block: bytes, content_type: str | None = None) -> bytes:
    """One gzip member holding one WARC record, the way crawlers write WARC.gz files."""
    ctype = content_type or (
        "application/http; msgtype=response"
        if kind == "response"
        else "application/http; msgtype=request"
    )
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-06-01T00:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\nContent-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    return c.compress(head + block + b"\r\n\r\n") + c.flush()


def http(status: str, ctype: str, body: bytes) -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )


def write_warc(path, pages: list[tuple[str, bytes]], extras: bool = True) -> None:
    """``pages`` as HTML responses, each after a request record; with ``extras``, also an image,
    a redirect and a 404 (which are not pages) and an HTML resource record (which is)."""
    with open(path, "wb") as fh:
        for url, body in pages:
            fh.write(warc_record("request", url, f"GET {url} HTTP/1.1\r\nHost: x\r\n\r\n".encode()))
            fh.write(warc_record("response", url, http("200 OK", "text/html; charset=utf-8", body)))
        if extras:
            fh.write(
                warc_record(
                    "response",
                    "https://a.example/logo.png",
                    http("200 OK", "image/png", b"\x89PNG" + bytes(50)),
                )
            )
            fh.write(
                warc_record(
                    "response",
                    "https://a.example/old",
                    http("301 Moved Permanently", "text/html", b"<html>moved</html>"),
                )
            )
            fh.write(
                warc_record(
                    "response",
                    "https://a.example/gone",
                    http("404 Not Found", "text/html", b"<html>gone</html>"),
                )
            )
            fh.write(
                warc_record(
                    "resource",
                    "https://a.example/saved.html",
                    GOOD.encode(),
                    content_type="text/html",
                )
            )


@pytest.fixture
def corpus(tmp_path):
    """A directory of page files (good and bad), a WARC.gz, a JSONL and a Parquet file; returns
    (input paths, the ids the audit must produce)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a_celiac.html").write_text(GOOD, encoding="utf-8")
    (pages / "b_fibro.html").write_text(OTHER, encoding="utf-8")
    (pages / "c_empty.txt").write_text("", encoding="utf-8")
    (pages / "d_binary.html").write_bytes(b"\x00\x01\x02PNG" * 50)
    (pages / "e_notes.txt").write_text(
        "Psoriasis notes\nPsoriasis is an autoimmune skin disease.", encoding="utf-8"
    )
    warc = tmp_path / "crawl.warc.gz"
    write_warc(
        warc,
        [
            ("https://a.example/celiac", GOOD.encode()),
            ("https://b.example/fibro", OTHER.encode()),
            ("https://b.example/blank", b""),
            ("https://b.example/huge", b"<html><body><p>" + b"x " * 40_000 + b"</p></body></html>"),
        ],
    )
    jsonl = tmp_path / "pages.jsonl.gz"
    with gzip.open(jsonl, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"url": "https://c.example/1", "html": GOOD}) + "\n")
        fh.write(
            json.dumps(
                {"url": "https://c.example/2", "text": "Lupus\nLupus is an autoimmune disease."}
            )
            + "\n"
        )
        fh.write("{not json\n")
        fh.write(json.dumps({"url": "https://c.example/4"}) + "\n")
    parquet = tmp_path / "pages.parquet"
    pq.write_table(
        pa.table({"url": ["https://d.example/1", "https://d.example/2"], "html": [OTHER, GOOD]}),
        parquet,
    )
    inputs = [str(pages), str(warc), str(jsonl), str(parquet), str(tmp_path / "missing.html")]
    return inputs
