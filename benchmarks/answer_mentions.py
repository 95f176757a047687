"""Why an answer sentence is not a candidate: does it name the asked condition at all?

For every labelled answer sentence (benchmarks/data/real/answer_sentences.jsonl, DEV pages only)
that the answer reader does not take as a candidate, this reads the page as ``healthlens check``
does and sorts the sentence by shape:

- ``target``: it mentions the asked condition (the miss lies elsewhere, not in the mentions);
- ``partial``: no mention, but a word of one of the condition's names (at least 5 letters, not
  a class word) is in it: a short, adjective or lay form the mention finder does not link;
- ``other``: no mention of the asked condition, another condition is mentioned;
- ``anaphor``: only "it", "this condition" and the like point at it;
- ``nothing``: none of these.

    python benchmarks/answer_mentions.py                 # counts by shape
    python benchmarks/answer_mentions.py --batches 1-7   # only pages of these batches
    python benchmarks/answer_mentions.py --list partial  # the sentences of one shape, for reading

``--list`` prints the page's sentence (dev pages only): for reading at the terminal, never for
committing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from answer_sentences import LABELS, _read, _rows  # noqa: E402
from healthlens.check import question_letters, question_targets  # noqa: E402
from healthlens.evaluate.real import batch_of  # noqa: E402
from healthlens.knowledge import GENERIC_TERMS, get_knowledge  # noqa: E402
from healthlens.knowledge.normalize import fold  # noqa: E402
from healthlens.question import parse_question  # noqa: E402
from healthlens.understand.clause_evidence import _ANAPHOR  # noqa: E402

SHAPES = ("target", "partial", "other", "anaphor", "nothing")
# words of a condition's names that say what kind of condition it is, not which one
_CLASS_WORDS = {
    "disease",
    "diseases",
    "disorder",
    "syndrome",
    "chronic",
    "acute",
    "infection",
    "allergy",
    "allergic",
    "condition",
    "primary",
    "secondary",
    "juvenile",
    "autoimmune",
    "type",
    "deficiency",
    "virus",
    "inflammatory",
    "unspecified",
}


def _batches(spec: str | None) -> set[int] | None:
    if not spec:
        return None
    lo, _, hi = spec.partition("-")
    return set(range(int(lo), int(hi or lo) + 1))


def name_words(kb, targets: set[str]) -> set[str]:
    words: set[str] = set()
    for cid in targets:
        for name in kb.long_forms(cid) if not cid.startswith("page:") else []:
            for w in fold(name).split():
                if len(w) >= 5 and w not in _CLASS_WORDS and w not in GENERIC_TERMS:
                    words.add(w)
    return words


def diagnose(batches: set[int] | None = None):
    """(page id, sentence text, shape) for each non-candidate answer sentence, and the counts
    of all answer sentences and of candidates."""
    kb = get_knowledge()
    rows = _rows()
    total = candidates = 0
    out = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        row = rows.get(rec["id"])
        if row is None or row["split"] != "dev":
            continue
        if batches is not None and int(batch_of(row)) not in batches:  # unbatched: 1
            continue
        page, picked = _read(row)
        q = parse_question(row["question"], kb)
        targets = question_targets(page, q, question_letters(q, kb)) if q else set()
        words = name_words(kb, targets)
        by_start = {s.start: s for s in page.sentences}
        for span in rec["sentences"]:
            s = by_start.get(span["start"])
            if s is None:
                continue
            total += 1
            if s.index in picked:
                candidates += 1
                continue
            ms = [m for m in page.mentions if m.sentence == s.index]
            folded = f" {fold(s.text)} "
            if any(m.concept_id in targets for m in ms):
                shape = "target"
            elif any(f" {w} " in folded for w in words):
                shape = "partial"
            elif ms:
                shape = "other"
            elif _ANAPHOR.search(s.text):
                shape = "anaphor"
            else:
                shape = "nothing"
            out.append((rec["id"], s.text, shape, [m.text for m in ms]))
    return out, total, candidates


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--batches", help="e.g. 1-7 or 8")
    ap.add_argument("--list", choices=(*SHAPES, "all"), help="print the sentences of this shape")
    args = ap.parse_args(argv)
    found, total, cands = diagnose(_batches(args.batches))
    counts = Counter(shape for _, _, shape, _ in found)
    print(f"answer sentences {total}, candidates {cands}, not candidates {len(found)}")
    for shape in SHAPES:
        print(f"  {shape:8s} {counts[shape]}")
    if args.list:
        for pid, text, shape, ms in found:
            if args.list in (shape, "all"):
                print(f"{shape}\t{pid}\t{ms}\t{' '.join(text.split())[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
