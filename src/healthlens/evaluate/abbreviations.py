"""`healthlens eval abbreviations`: abbreviation definitions measured on the Ab3P gold corpus.

The corpus (MED1250_labeled, from the public ncbi-nlp/Ab3P repository) holds 1,250 MEDLINE
abstracts. Each record is::

    PMID
    title
    abstract text
      SF|LF          (zero or more gold pairs, two leading spaces, one per definition written)
    //note         (zero or more annotator notes; "//*  SF|LF" is a pair the annotators rejected)
    <blank line>

The parser reads it line by line. Quirks of the file it handles: a carriage return inside a line
separates sentences in part of the corpus (it is always followed by a space, so it is dropped);
the notes contain Windows-1252 quotes; two abstracts are split over two records under the same
PMID, the second with an empty title line, and are joined again.

Matching (the strict matching of the literature: Schwartz & Hearst 2003, Sohn et al. 2008):
a found definition is right when its short form and its long form are both exactly a gold pair
of the same abstract, after whitespace is collapsed (the gold file has a few stray spaces).
Pairs are compared as sets per abstract: an abstract that defines IGF twice with the same long
form has one IGF pair to find. A *lenient* variant also reports matches that differ only in
case, hyphens, spaces or punctuation ("Fast spin echo" for "fast spin-echo").

Three sets of definitions are scored:

* *detector*: the definitions ``find_definitions(split_sentences(text))`` asserts, those whose
  letters align (``aligned=True``);
* *detector, with candidates*: everything it returns, including bracketed acronyms whose
  letters do not align (``aligned=False``). Those are candidates for the knowledge base to
  judge ("Fibromyalgia (FPIES)"), not claims that the text defines them;
* *pipeline*: what ``analyze_page`` keeps on the page (the detector, then ``judge_definitions``,
  which keeps a candidate only when its long form names a known condition). This is what a
  reader of healthlens sees.

The pipeline run also yields the ``abbreviation_conflict`` findings; none may fall on a gold
pair.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..knowledge import KnowledgeBase, get_knowledge
from ..models import Abbreviation, Page
from ..pipeline import analyze_page
from ..read import read_text
from ..understand.abbreviations import find_definitions
from ..understand.sentences import split_sentences

__all__ = [
    "Ab3pAbstract",
    "AbbrevEval",
    "DEFAULT_AB3P",
    "evaluate_abbreviations",
    "parse_ab3p",
    "read_ab3p",
    "score_detector",
    "Score",
    "strict_key",
    "lenient_key",
]

DEFAULT_AB3P = "../shared/data/ab3p/MED1250_labeled"
_PMID = re.compile(r"\d+")
_PAIR = re.compile(r"  (?P<short>[^|]+)\|(?P<long>.+)")


@dataclass(frozen=True, slots=True)
class Ab3pAbstract:
    pmid: str
    title: str
    body: str
    pairs: tuple[tuple[str, str], ...]  # gold (short, long), whitespace collapsed, in file order
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The page text healthlens reads: the title line, then the abstract."""
        return f"{self.title}\n{self.body}" if self.title else self.body


def _squash(s: str) -> str:
    return " ".join(s.split())


def strict_key(short: str, long: str) -> tuple[str, str]:
    return _squash(short), _squash(long)


def lenient_key(short: str, long: str) -> tuple[str, str]:
    def fold(s):
        return re.sub(r"[\W_]+", "", s.casefold())

    return fold(short), fold(long)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # the notes use Windows-1252 quotes


def parse_ab3p(text: str, source: str = "<text>") -> list[Ab3pAbstract]:
    """The abstracts of an Ab3P labelled file, in file order. Raises InputError naming the line
    that breaks the format."""
    records: dict[str, dict] = {}
    state = "between"  # between | title | body | pairs
    cur: dict | None = None
    for no, line in enumerate(text.replace("\r", "").split("\n"), 1):
        if not line.strip():
            state = "between" if state != "title" else state
            continue
        if state == "between" or (state == "pairs" and _PMID.fullmatch(line.strip())):
            if not _PMID.fullmatch(line.strip()):
                raise InputError(
                    f"{source}:{no}: expected a PMID line (digits) to start a record, got {line[:60]!r}"
                )
            pmid = line.strip()
            cur = records.get(pmid)
            if cur is None:
                cur = records[pmid] = {
                    "pmid": pmid,
                    "title": None,
                    "body": [],
                    "pairs": [],
                    "notes": [],
                }
            state = "title"
            continue
        assert cur is not None
        if state == "title":
            state = "body"
            if cur["title"] is None:
                cur["title"] = line.strip()
                continue
        if line.startswith("//"):
            cur["notes"].append(line[2:].strip())
            state = "pairs"
            continue
        pair = _PAIR.fullmatch(line.rstrip())
        if pair:
            cur["pairs"].append(strict_key(pair["short"], pair["long"]))
            state = "pairs"
            continue
        if line.startswith("  ") and state == "pairs":
            raise InputError(f"{source}:{no}: a gold pair must read '  SF|LF', got {line[:60]!r}")
        if state != "body":
            raise InputError(
                f"{source}:{no}: text after the gold pairs of {cur['pmid']} (a blank line must end a record)"
            )
        cur["body"].append(line.strip())
    if state == "title":
        raise InputError(f"{source}: the file ends inside record {cur['pmid'] if cur else '?'}")
    return [
        Ab3pAbstract(
            r["pmid"], r["title"] or "", " ".join(r["body"]), tuple(r["pairs"]), tuple(r["notes"])
        )
        for r in records.values()
    ]


def read_ab3p(path: str | Path) -> list[Ab3pAbstract]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(
            f"{path}: no such file; pass the Ab3P MED1250_labeled file (default {DEFAULT_AB3P})"
        ) from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    abstracts = parse_ab3p(_decode(data), str(path))
    if not abstracts:
        raise InputError(f"{path}: no abstracts found; is this an Ab3P labelled file?")
    return abstracts


@dataclass
class Score:
    tp: int = 0  # found pairs that are right
    predicted: int = 0
    gold: int = 0
    found: int = 0  # gold pairs that were found (equals tp under strict matching)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "right": self.tp,
            "predicted": self.predicted,
            "found": self.found,
            "gold": self.gold,
        }


@dataclass
class AbbrevEval:
    abstracts: int = 0
    detector: Score = field(
        default_factory=Score
    )  # strict, the aligned definitions of find_definitions
    detector_lenient: Score = field(default_factory=Score)
    with_candidates: Score = field(default_factory=Score)  # strict, all of find_definitions
    pipeline: Score = field(default_factory=Score)  # strict, what analyze_page keeps
    false_positives: list[dict] = field(default_factory=list)  # detector, strict
    false_negatives: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)  # every abbreviation_conflict raised
    patterns: Counter = field(default_factory=Counter)  # (pattern, right|wrong) of the detector
    detector_seconds: float = 0.0  # split_sentences + find_definitions, all abstracts
    pipeline_seconds: float = 0.0  # analyze_page, all abstracts

    @property
    def conflicts_on_gold(self) -> list[dict]:
        return [c for c in self.conflicts if c["gold"]]

    def to_dict(self) -> dict:
        n = self.abstracts or 1
        return {
            "abstracts": self.abstracts,
            "matching": "strict: exact short and long form after collapsing whitespace; distinct pairs per abstract",
            "detector": self.detector.to_dict(),
            "detector_lenient": self.detector_lenient.to_dict(),
            "detector_with_candidates": self.with_candidates.to_dict(),
            "pipeline": self.pipeline.to_dict(),
            "conflicts": len(self.conflicts),
            "conflicts_on_gold_pairs": len(self.conflicts_on_gold),
            "ms_per_abstract": {
                "detector": 1000 * self.detector_seconds / n,
                "pipeline": 1000 * self.pipeline_seconds / n,
            },
            "patterns": {f"{p}:{w}": c for (p, w), c in sorted(self.patterns.items())},
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
            "conflict_list": self.conflicts,
        }


def _sentence_of(page_text: str, sentences, start: int) -> str:
    for s in sentences:
        if s.start <= start < s.end:
            return s.text
    return page_text[max(0, start - 80) : start + 80]


def _gold_sentence(text: str, sentences, short: str, long: str) -> str:
    """The sentence that most likely holds a gold definition: both forms, else the long form."""
    for need in ((short, long.lower()), (long.lower(),), (short,)):
        for s in sentences:
            if all(x in (s.text if x == short else s.text.lower()) for x in need):
                return s.text
    return ""


def _score(found: list[Abbreviation], gold: set, score: Score, key=strict_key) -> set:
    """Add one abstract to ``score``; the distinct found pairs that are right (strict keys).
    Under a looser ``key`` a found pair is right when its key is a gold pair's key, and a gold
    pair is found when its key is a found pair's key."""
    got = {strict_key(a.short, a.long) for a in found}
    got_keys = {key(*p) for p in got}
    gold_keys = {key(*p) for p in gold}
    right = {p for p in got if key(*p) in gold_keys}
    score.predicted += len(got)
    score.gold += len(gold)
    score.tp += len(right)
    score.found += sum(key(*p) in got_keys for p in gold)
    return right


def score_detector(
    abstracts: list[Ab3pAbstract], find: Callable[[str], Iterable[tuple[str, str]]]
) -> tuple[Score, float]:
    """Strict precision and recall of any detector (``find(text) -> (short, long) pairs``) on
    these abstracts, and its seconds in all: how the benchmark scores its baselines."""
    score, seconds = Score(), 0.0
    for doc in abstracts:
        t0 = time.perf_counter()
        pairs = [strict_key(short, long_) for short, long_ in find(doc.text)]
        seconds += time.perf_counter() - t0
        got, gold = set(pairs), set(doc.pairs)
        score.predicted += len(got)
        score.gold += len(gold)
        score.tp += len(got & gold)
        score.found += len(got & gold)
    return score, seconds


def evaluate_abbreviations(
    path: str | Path = DEFAULT_AB3P,
    limit: int | None = None,
    kb: KnowledgeBase | None = None,
    abstracts: list[Ab3pAbstract] | None = None,
) -> AbbrevEval:
    """Precision and recall of abbreviation definitions on the Ab3P corpus (the first ``limit``
    abstracts if given), every miss listed, and the ``abbreviation_conflict`` findings."""
    docs = abstracts if abstracts is not None else read_ab3p(path)
    docs = docs[:limit] if limit else docs
    kb = kb or get_knowledge()
    ev = AbbrevEval()
    for doc in docs:
        ev.abstracts += 1
        text = doc.text
        gold = set(doc.pairs)
        t0 = time.perf_counter()
        sentences = split_sentences(text)
        candidates = find_definitions(sentences)
        ev.detector_seconds += time.perf_counter() - t0
        found = [ab for ab in candidates if ab.aligned]
        right = _score(found, gold, ev.detector)
        _score(found, gold, ev.detector_lenient, lenient_key)
        _score(candidates, gold, ev.with_candidates)
        reported = set()
        for ab in found:
            k = strict_key(ab.short, ab.long)
            ev.patterns[(ab.pattern, "right" if k in right else "wrong")] += 1
            if k not in right and k not in reported:
                reported.add(k)
                ev.false_positives.append(
                    {
                        "pmid": doc.pmid,
                        "short": ab.short,
                        "long": ab.long,
                        "pattern": ab.pattern,
                        "sentence": _sentence_of(text, sentences, ab.start),
                    }
                )
        for short, long in doc.pairs:
            if (short, long) not in right and (short, long) not in reported:
                reported.add((short, long))
                ev.false_negatives.append(
                    {
                        "pmid": doc.pmid,
                        "short": short,
                        "long": long,
                        "sentence": _gold_sentence(text, sentences, short, long),
                        "notes": list(doc.notes),
                    }
                )
        page = read_text(text, doc.pmid, title=doc.title or None)
        t0 = time.perf_counter()
        analyze_page(page, None, kb)
        ev.pipeline_seconds += time.perf_counter() - t0
        _score(page.abbreviations, gold, ev.pipeline)
        ev.conflicts.extend(_conflicts(page, gold, doc.pmid))
    return ev


def _conflicts(page: Page, gold: set, pmid: str) -> list[dict]:
    out = []
    for f in page.findings:
        if f.kind != "abbreviation_conflict":
            continue
        ab = next(
            (
                a
                for a in page.abbreviations
                if f.start is not None
                and min(a.start, a.long_start) == f.start
                and max(a.end, a.long_end) == f.end
            ),
            None,
        )
        pair = strict_key(ab.short, ab.long) if ab else None
        out.append(
            {
                "pmid": pmid,
                "short": ab.short if ab else None,
                "long": ab.long if ab else None,
                "gold": pair in gold,
                "message": f.message,
                "sentence": f.sentence,
            }
        )
    return out
