"""`healthlens eval extraction DIR`: main-text quality of the HTML reader on real pages.

DIR has the article-extraction benchmark's layout: ``html/ID.html.gz`` (a page as served) and
``ground-truth.json`` (``{ID: {"articleBody": ..., "url": ...}}``). The metric is that
benchmark's, written here from its definition:

- a text is split into ``\\w+`` tokens, and its word 4-grams (shingles) form a multiset (a text
  of fewer than four tokens is one shingle, an empty text none);
- per page, TP are the shingles both texts hold (counted by the smaller count), FP those only
  the prediction holds, FN those only the truth holds; the three are divided by their sum, so
  every page weighs the same;
- precision is the mean of TP / (TP + FP) over the pages with any prediction, recall the mean
  of TP / (TP + FN) over the pages with any truth, and F1 comes from those two means.

healthlens is scored on the page text it judges (the title as first line, then the main
text), and again without that title line, which is what the ground truth and
``trafilatura.extract`` leave out. The healthlens reader and ``trafilatura.extract`` run in the same process, one page after the
other, each timed on its own (one core). healthlens is timed from the raw bytes (decoding
included); trafilatura gets the text already decoded, outside its timing.

``split``: the pages sorted by file name, index % 3 == 0 is the held-out third (``holdout``),
the rest the part the reader is tuned on (``tune``); ``all`` is every page.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..read import read_bytes
from ..read.decode import DecodeError, decode

__all__ = [
    "evaluate_extraction",
    "ExtractionEval",
    "ExtractorScore",
    "read_benchmark",
    "shingles",
    "match",
    "SPLITS",
]

SPLITS = ("all", "tune", "holdout")
_TOKEN = re.compile(r"\w+")
_N = 4


def shingles(text: str, n: int = _N) -> Counter:
    """The multiset of word n-grams of ``text`` (one shingle when it has fewer than n words)."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))


def match(truth: str, prediction: str) -> tuple[float, float, float]:
    """(TP, FP, FN) of one page, divided by their sum (all zero when both texts are empty)."""
    t, p = shingles(truth), shingles(prediction)
    tp = sum((t & p).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    total = tp + fp + fn
    if not total:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _prf(tp: float, fp: float, fn: float) -> tuple[float | None, float | None, float]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p and r else 0.0
    return p, r, f


@dataclass
class ExtractorScore:
    """One extractor's scores over the pages, and each page's (TP, FP, FN)."""

    name: str
    pages: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        ps = [tp / (tp + fp) for tp, fp, _ in self.pages.values() if tp + fp]
        return sum(ps) / len(ps) if ps else 0.0

    @property
    def recall(self) -> float:
        rs = [tp / (tp + fn) for tp, _, fn in self.pages.values() if tp + fn]
        return sum(rs) / len(rs) if rs else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / len(self.pages) if self.pages else 0.0

    def page_f1(self, page_id: str) -> float:
        return _prf(*self.pages[page_id])[2]

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "pages": len(self.pages),
            "f1": round(self.f1, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "ms_per_page": round(self.ms_per_page, 2),
            "failures": self.failures,
        }


@dataclass
class ExtractionEval:
    split: str
    scores: list[ExtractorScore]
    urls: dict[str, str]
    worst: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        out: dict = {
            "split": self.split,
            "pages": len(self.urls),
            "extractors": [s.to_dict() for s in self.scores],
            "worst": self.worst,
        }
        named = {s.name: s for s in self.scores}
        ours, theirs = named.get("healthlens"), named.get("trafilatura")
        if ours and theirs and ours.ms_per_page:
            out["speed_ratio"] = round(theirs.ms_per_page / ours.ms_per_page, 2)
        return out


def read_benchmark(root: str | Path, split: str = "all") -> Iterator[tuple[str, bytes, str, str]]:
    """(id, raw HTML bytes, truth text, url) for each page of ``split``, sorted by file name."""
    root = Path(root)
    if split not in SPLITS:
        raise InputError(f"{split}: unknown split (expected one of {', '.join(SPLITS)})")
    truth_path = root / "ground-truth.json"
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            f"{root}: no ground-truth.json (expected the article-extraction benchmark's layout: "
            "html/ID.html.gz and ground-truth.json)"
        ) from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{truth_path}: not readable as JSON ({exc})") from None
    files = sorted((root / "html").glob("*.html.gz"))
    if not files:
        raise InputError(f"{root}: no html/*.html.gz pages")
    for index, path in enumerate(files):
        held_out = index % 3 == 0
        if (split == "tune" and held_out) or (split == "holdout" and not held_out):
            continue
        page_id = path.name[: -len(".html.gz")]
        entry = truth.get(page_id)
        if not isinstance(entry, dict):
            continue  # a page without truth is not scored
        try:
            data = gzip.decompress(path.read_bytes())
        except (OSError, EOFError) as exc:
            raise InputError(f"{path}: not a readable gzip file ({exc})") from None
        yield page_id, data, entry.get("articleBody") or "", entry.get("url") or ""


def _healthlens() -> Callable[[bytes, str], tuple[str, str]]:
    """(the page text healthlens judges, the same without its title line)."""

    def extract(data: bytes, page_id: str) -> tuple[str, str]:
        page = read_bytes(data, page_id, hint="html")
        if page.error:
            return "", ""
        text = page.text
        first, _, rest = text.partition("\n")
        return text, rest if page.title and first == page.title else text

    return extract


def _trafilatura() -> Callable[[str], str]:
    import trafilatura  # lazy: slow to import, and only the comparison (not --no-compare) runs it

    def extract(html: str) -> str:
        return trafilatura.extract(html) or ""

    return extract


def evaluate_extraction(
    root: str | Path,
    split: str = "all",
    limit: int | None = None,
    compare: bool = True,
    worst: int = 10,
) -> ExtractionEval:
    """Scores of the healthlens reader (and trafilatura's, when ``compare``) on the benchmark."""
    ours = ExtractorScore("healthlens")
    body_only = ExtractorScore("healthlens, no title line")
    scores = [ours]
    theirs = None
    hl = _healthlens()
    tf = None
    if compare:
        theirs = ExtractorScore("trafilatura")
        scores.append(theirs)
        tf = _trafilatura()
    urls: dict[str, str] = {}
    counter = time.perf_counter
    for n, (page_id, data, truth, url) in enumerate(read_benchmark(root, split)):
        if limit is not None and n >= limit:
            break
        urls[page_id] = url
        start = counter()
        text, body = hl(data, page_id)
        ours.seconds += counter() - start
        body_only.seconds = ours.seconds
        ours.pages[page_id] = match(truth, text)
        body_only.pages[page_id] = match(truth, body)
        if not text:
            ours.failures.append(page_id)
        if tf is not None and theirs is not None:
            try:
                html = decode(data)
            except DecodeError:
                html = data.decode("utf-8", "replace")
            start = counter()
            try:
                got = tf(html)
            except Exception:
                got = ""
            theirs.seconds += counter() - start
            theirs.pages[page_id] = match(truth, got)
            if not got:
                theirs.failures.append(page_id)
    if not urls:
        raise InputError(f"{root}: no page with ground truth in split {split!r}")
    rows = []
    for page_id in urls:
        tp, fp, fn = ours.pages[page_id]
        p, r, f = _prf(tp, fp, fn)
        row = {
            "id": page_id,
            "url": urls[page_id],
            "f1": round(f, 3),
            "precision": None if p is None else round(p, 3),
            "recall": None if r is None else round(r, 3),
        }
        if theirs is not None:
            row["trafilatura_f1"] = round(theirs.page_f1(page_id), 3)
        rows.append(row)
    rows.sort(key=lambda row: (row["f1"], row["id"]))
    scores.append(body_only)
    return ExtractionEval(split, scores, urls, rows[: max(worst, 0)] if worst >= 0 else rows)
