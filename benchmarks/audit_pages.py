"""Test pages for the audit benchmark, made on the fly: ~1,000-word HTML health pages with site
boilerplate (navigation, cookie banner, ads, related links, newsletter box, footer, scripts),
their main text taken from the NIH answers in ../shared/data/medquad, with bad inputs mixed in.

Pages are a pure function of their index, so any corpus size streams in constant memory and a
rerun sees the same pages. ``write_warc`` writes them as a WARC.gz the way a crawler does
(a request record before each response, some non-HTML responses and redirects in between).

Real pages too: when ../shared/data/article-extraction-benchmark is present, ``write_real_warc``
writes its 181 real pages (news, blogs, company pages, as served), cycled to any size, the same
way. Their text is never copied anywhere but into the temporary WARC.
"""

from __future__ import annotations

import gzip
import html
import random
import re
import uuid
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEDQUAD = ROOT.parent / "shared" / "data" / "medquad"
REAL_PAGES = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
TARGET_WORDS = 1000
BAD_EVERY = 40  # one input in 40 is bad (2.5 %)

SITES = [
    # name, domain, meta author/date in <head>, main container, nav element
    ("Riverbend Health", "riverbend-health.example", True, "article", "nav"),
    (
        "WellnessDaily",
        "wellnessdaily.example",
        False,
        'div class="post-content"',
        'div class="menu"',
    ),
    ("The Body Journal", "bodyjournal.example", True, "main", "nav"),
    ("AskDocs Online", "askdocs.example", False, 'div id="content"', 'ul class="navbar"'),
    ("NaturalCures Hub", "naturalcures.example", False, 'div class="entry"', "nav"),
    ("Metro Clinic Blog", "metroclinic.example", True, 'section class="article-body"', "nav"),
    ("Health Answers", "healthanswers.example", True, "article", 'div id="topnav"'),
    ("Family Care Notes", "familycare.example", False, 'div class="story"', "nav"),
]
NAV = [
    "Home",
    "Conditions A-Z",
    "Symptoms",
    "Drugs & Supplements",
    "Healthy Living",
    "Find a Doctor",
    "News",
    "About us",
    "Contact",
]
ADS = [
    "Try our Gut Balance capsules today: 20% off with code HEALTHY20. Free shipping on orders over $40.",
    "Sponsored: Compare Medicare plans in minutes. Get a free quote now.",
    "Advertisement: The one weird morning habit doctors are talking about. Learn more.",
    "Shop now: organic turmeric blend, best-selling formula, limited time offer.",
]
AUTHORS = [
    "Dana Quill",
    "Marco Ferreira",
    "Priya Raman",
    "Tomasz Elling",
    "Jo Whitfield",
    "Amara Okafor",
]
_SCRIPT = (
    "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)};gtag('js',new Date());"
    * 12
)
_STYLE = (
    "body{font-family:Georgia,serif;margin:0}.ad{border:1px solid #ccc;padding:8px}.menu a{margin:0 6px}"
    * 8
)


@dataclass(frozen=True)
class Doc:
    focus: str
    url: str
    pairs: tuple[tuple[str, str], ...]
    words: int


def available() -> bool:
    return MEDQUAD.is_dir()


def real_available() -> bool:
    return (REAL_PAGES / "html").is_dir()


@lru_cache(maxsize=1)
def real_pages() -> tuple[tuple[str, bytes], ...]:
    """(url, HTML bytes as served) of the benchmark's real pages, sorted by file name."""
    import json

    truth = json.loads((REAL_PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for path in sorted((REAL_PAGES / "html").glob("*.html.gz")):
        page_id = path.name[: -len(".html.gz")]
        url = (truth.get(page_id) or {}).get("url") or f"https://real.example/{page_id}"
        out.append((url, gzip.decompress(path.read_bytes())))
    return tuple(out)


def real_records(n: int) -> Iterator[tuple[str, str, bytes]]:
    """``n`` real pages, cycled; each copy's URL is made distinct (a query parameter)."""
    pages = real_pages()
    for i in range(n):
        url, data = pages[i % len(pages)]
        copy = i // len(pages)
        if copy:
            url = f"{url}{'&' if '?' in url else '?'}copy={copy}"
        yield url, "page", data


@lru_cache(maxsize=1)
def docs(limit: int = 2000) -> tuple[Doc, ...]:
    """Up to ``limit`` MedQuAD documents with answers, a few from every subset, in a fixed order."""
    out: list[Doc] = []
    subsets = sorted(p for p in MEDQUAD.iterdir() if p.is_dir())
    per = max(1, limit // max(1, len(subsets)))
    for sub in subsets:
        n = 0
        for f in sorted(sub.glob("*.xml")):
            if n >= per:
                break
            try:
                root = ET.parse(f).getroot()
            except ET.ParseError:
                continue
            pairs = []
            for qa in root.iter("QAPair"):
                q, a = qa.findtext("Question") or "", qa.findtext("Answer") or ""
                a = re.sub(r"[ \t]+", " ", a).strip()
                if len(a.split()) >= 25:
                    pairs.append((q.strip(), a))
            if pairs:
                out.append(
                    Doc(
                        root.findtext("Focus") or f.stem,
                        root.get("url") or "",
                        tuple(pairs),
                        sum(len(a.split()) for _, a in pairs),
                    )
                )
                n += 1
    return tuple(out)


def _paragraphs(answer: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n(?=\s*-\s)", answer) if p.strip()]


def _main(i: int, rng: random.Random) -> tuple[str, list[str]]:
    """Title and ~TARGET_WORDS words of main-text HTML blocks for page ``i``."""
    pool = docs()
    k = (i * 7919) % len(pool)
    doc = pool[k]
    title = f"{doc.focus}: what you need to know"
    blocks, words = [], 0
    while words < TARGET_WORDS:
        for q, a in doc.pairs:
            blocks.append(f"<h2>{html.escape(q)}</h2>")
            for p in _paragraphs(a):
                blocks.append(f"<p>{html.escape(p)}</p>")
                words += len(p.split())
            if words >= TARGET_WORDS:
                break
        k = (k + 1) % len(pool)
        doc = pool[k]
    return title, blocks


def page_html(i: int) -> str:
    rng = random.Random(i)
    name, _domain, meta, container, nav = SITES[i % len(SITES)]
    title, blocks = _main(i, rng)
    author = AUTHORS[i % len(AUTHORS)]
    day = f"20{15 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    close_nav = nav.split()[0]
    close_main = container.split()[0]
    nav_links = "".join(f'<a href="/{n.lower().replace(" ", "-")}">{n}</a> ' for n in NAV)
    related = "".join(
        f'<li><a href="/articles/{rng.randint(1, 99999)}">{d.focus} explained</a></li>'
        for d in rng.sample(docs()[:200], 8)
    )

    def ad():
        return f'<div class="ad" data-slot="{rng.randint(1, 9)}"><span>Advertisement</span><p>{rng.choice(ADS)}</p><a href="/shop/item{rng.randint(1, 500)}">Buy now</a></div>'

    mid = len(blocks) // 2
    body = "\n".join([*blocks[:mid], ad(), *blocks[mid:]])
    head_meta = (
        f'<meta name="author" content="{author}"><meta property="article:published_time" content="{day}T08:00:00Z">'
        if meta
        else ""
    )
    byline = "" if meta else f'<p class="byline">By {author} · Updated {day}</p>'
    refs = (
        (
            '<h2>Sources</h2><ul><li><a href="https://medlineplus.gov/">MedlinePlus</a></li>'
            '<li><a href="https://www.nih.gov/">National Institutes of Health</a></li></ul>'
        )
        if i % 3 == 0
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | {name}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">{head_meta}
<meta name="description" content="Everything about {html.escape(title)}.">
<style>{_STYLE}</style><script>{_SCRIPT}</script>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"WebSite","name":"{name}"}}</script>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Privacy policy</a> <button>Accept all</button></div>
<header class="site-header"><a class="logo" href="/">{name}</a><{nav}>{nav_links}</{close_nav}>
<form class="search"><input type="search" placeholder="Search {name}"></form></header>
{ad()}
<{container}><h1>{html.escape(title)}</h1>{byline}
{body}
{refs}
<p class="disclaimer">This article is for informational purposes only and is not a substitute for professional medical advice.</p>
</{close_main}>
<aside class="sidebar"><h3>Related articles</h3><ul>{related}</ul>{ad()}
<div class="newsletter"><h3>Get our newsletter</h3><p>Weekly tips on healthy living, straight to your inbox.</p><input type="email"><button>Subscribe</button></div></aside>
<footer><ul>{nav_links}</ul><p>&copy; 20{15 + i % 10} {name}. All rights reserved. <a href="/terms">Terms</a> <a href="/privacy">Privacy</a> <a href="/ads">Advertise with us</a></p></footer>
<script>{_SCRIPT[:400]}</script></body></html>"""


BAD_KINDS = (
    "empty",
    "binary",
    "random_bytes",
    "script_only",
    "deep_nesting",
    "truncated",
    "too_large",
)


def bad_input(i: int) -> tuple[str, bytes]:
    """A bad input for slot ``i``: (kind, bytes). ``too_large`` is rare (every 50th bad one)."""
    rng = random.Random(-i)
    slot = i // BAD_EVERY
    kind = "too_large" if slot % 50 == 49 else BAD_KINDS[slot % (len(BAD_KINDS) - 1)]
    if kind == "empty":
        return kind, b""
    if kind == "binary":
        return kind, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4000)
    if kind == "random_bytes":
        return kind, bytes(rng.randrange(1, 256) for _ in range(3000))
    if kind == "script_only":
        return (
            kind,
            f"<html><head><script>{_SCRIPT}</script></head><body><script>{_SCRIPT}</script></body></html>".encode(),
        )
    if kind == "deep_nesting":
        return kind, (
            "<html><body>" + "<div>" * 5000 + "deep text" + "</div>" * 5000 + "</body></html>"
        ).encode()
    if kind == "truncated":
        return kind, page_html(i).encode()[: 700 + rng.randrange(300)]
    return kind, b"<html><body><p>" + b"padding text " * 420_000 + b"</p></body></html>"  # ~5.5 MB


def record(i: int) -> tuple[str, str, bytes]:
    """(url, kind, body) of input ``i``: kind is 'page' or the bad kind."""
    _name, domain, *_ = SITES[i % len(SITES)]
    url = f"https://{domain}/health/{i}"
    if i % BAD_EVERY == BAD_EVERY - 1:
        kind, data = bad_input(i)
        return url, kind, data
    return url, "page", page_html(i).encode("utf-8")


def records(n: int, start: int = 0) -> Iterator[tuple[str, str, bytes]]:
    for i in range(start, start + n):
        yield record(i)


# -- WARC ----------------------------------------------------------------------------------------
def _warc_record(kind: str, url: str, block: bytes, rid: str) -> bytes:
    msgtype = "response" if kind == "response" else "request"
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-06-01T00:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{rid}>\r\nContent-Type: application/http; msgtype={msgtype}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    c = zlib.compressobj(6, zlib.DEFLATED, 31)  # one gzip member per record, as crawlers write them
    return c.compress(head + block + b"\r\n\r\n") + c.flush()


def _http(status: str, ctype: str, body: bytes) -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )


def write_real_warc(path: Path, n: int) -> dict:
    """``write_warc`` for the real pages, cycled to ``n``."""
    return write_warc(path, n, source=real_records(n))


def write_warc(
    path: Path, n: int, start: int = 0, source: Iterator[tuple[str, str, bytes]] | None = None
) -> dict:
    """Write ``n`` HTML responses (pages and bad inputs) as a WARC.gz, with a request record before
    each and one non-HTML response and one redirect every 20 pages (which the audit must skip).
    ``source``: the (url, kind, body) records to write instead of the generated ones."""
    counts = {"html_responses": 0, "skipped_records": 0, "bad": 0}
    ids = random.Random(start)
    with open(path, "wb") as fh:
        for url, kind, body in source if source is not None else records(n, start):
            req = f"GET {url} HTTP/1.1\r\nHost: x\r\nUser-Agent: bench\r\n\r\n".encode()
            fh.write(_warc_record("request", url, req, str(uuid.UUID(int=ids.getrandbits(128)))))
            fh.write(
                _warc_record(
                    "response",
                    url,
                    _http("200 OK", "text/html; charset=utf-8", body),
                    str(uuid.UUID(int=ids.getrandbits(128))),
                )
            )
            counts["html_responses"] += 1
            counts["bad"] += kind != "page"
            if counts["html_responses"] % 20 == 0:
                fh.write(
                    _warc_record(
                        "response",
                        url + "/logo.png",
                        _http("200 OK", "image/png", b"\x89PNG" + bytes(200)),
                        str(uuid.UUID(int=ids.getrandbits(128))),
                    )
                )
                fh.write(
                    _warc_record(
                        "response",
                        url + "/old",
                        _http("301 Moved Permanently", "text/html", b"<html>moved</html>"),
                        str(uuid.UUID(int=ids.getrandbits(128))),
                    )
                )
                counts["skipped_records"] += 2
    return counts
