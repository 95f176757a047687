"""Label, on DEV pages of the real-page corpus, the sentences that carry the page's answer.

The page-answer labels (pages.jsonl) say what a page answers, not where. A model trained on
them learns from every candidate sentence of a page at once; this tool records which sentences
state the answer, and which way, so that a sentence-level reader can be trained and its
candidates' recall measured.

    python benchmarks/answer_sentences.py todo --shard 1/4          # dev pages still to label
    python benchmarks/answer_sentences.py show r001_psoriasis       # the page's numbered sentences
    python benchmarks/answer_sentences.py add r001_psoriasis 3=yes 7=partly --out FILE
    python benchmarks/answer_sentences.py add r001_psoriasis --none --out FILE   # no sentence states it
    python benchmarks/answer_sentences.py add ID 4=no --doubt "says no, labelled yes" --out FILE
    python benchmarks/answer_sentences.py check FILE...             # offsets and ids still valid

A label line holds the page id, its text's SHA-256 and each answer sentence's character offsets
in the cached text with its answer (yes, no, partly): offsets and labels only, never the text.
Only dev pages are ever shown or labelled: ``show`` refuses a test page.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from healthlens.check import page_answer as pa  # noqa: E402
from healthlens.check import question_letters, question_targets  # noqa: E402
from healthlens.evaluate.real import _read_cached, default_cache, load_real  # noqa: E402
from healthlens.knowledge import get_knowledge  # noqa: E402
from healthlens.pipeline import analyze_page  # noqa: E402
from healthlens.question import parse_question  # noqa: E402
from healthlens.understand import answer_scorer as sc  # noqa: E402
from healthlens.understand.assertions import PROPERTIES_FOR, read_assertions  # noqa: E402
from healthlens.understand.clause_evidence import clause_evidence  # noqa: E402

PAGES = ROOT / "benchmarks" / "data" / "real" / "pages.jsonl"
LABELS = ROOT / "benchmarks" / "data" / "real" / "answer_sentences.jsonl"
ANSWERS = ("yes", "no", "partly")
SHOWN_CHARS = 600  # a longer sentence is shown cut, with its length


def _rows() -> dict[str, dict]:
    return {r["id"]: r for r in load_real(PAGES)}


def _labelled(paths: list[Path]) -> set[str]:
    done: set[str] = set()
    for path in paths:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    done.add(json.loads(line)["id"])
    return done


def wanted(row: dict) -> bool:
    """A dev page whose label says it answers a yes/no question."""
    return (
        row["split"] == "dev"
        and row.get("family") != "definition"
        and row.get("page_answer") in ("yes", "no", "partly", "unclear")
    )


class MissingText(SystemExit):
    """A page's text is not in the cache: said in one line, never as a traceback."""


def _read(row: dict):
    if row["split"] != "dev":
        raise SystemExit(f"{row['id']} is a test page: it is never shown or labelled")
    kb = get_knowledge()
    cache = default_cache()
    if not (cache / f"{row['id']}.txt").exists():
        raise MissingText(
            f"{row['id']}: its text is not in {cache} (benchmarks/real_cache.py lists the missing "
            "texts and how to rebuild them)"
        )
    page = _read_cached(row, cache)
    q = parse_question(row["question"], kb)
    analyze_page(page, q, kb)
    picked: dict[int, str] = {}
    if q is not None and q.concept_id and q.predicate in PROPERTIES_FOR:
        letters = question_letters(q, kb)
        targets = question_targets(page, q, letters)
        if targets:
            known = pa.autoimmune_ids(kb) if q.predicate == "link" else frozenset()
            found = read_assertions(page, targets, q.predicate, known, letters or frozenset())
            evidence = clause_evidence(page, targets, q.predicate, letters or frozenset(), known)
            for i, _, readings in sc.candidates(
                page, targets, q.predicate, letters, found, evidence
            ):
                picked[i] = ",".join(sorted(readings))
    return page, picked


def show(ids: list[str], blind: bool = False) -> None:
    """``blind`` hides the page label, its note and the reader's answer and candidates: for a
    second labeller whose labels measure how far two readers agree."""
    rows = _rows()
    for pid in ids:
        row = rows[pid]
        page, picked = _read(row)
        print(f"=== {pid}  [{row['family']}]  {row['question']}")
        if not blind:
            print(f"    label: page_answer={row['page_answer']}  on_topic={row['on_topic']}")
            print(f"    note: {row.get('note', '')}")
            print(f"    healthlens reads: {page.page_answer}")
        for s in page.sentences:
            mark = "C" if s.index in picked and not blind else " "
            text = " ".join(s.text.split())
            if len(text) > SHOWN_CHARS:
                text = text[:SHOWN_CHARS] + f" …[{len(s.text)} chars]"
            print(f"{s.index:4d} {mark} {text}")
        print()


def add(
    pid: str,
    pairs: list[str],
    none: bool,
    out: Path,
    labeller: str,
    doubt: str | None,
    page_answer: str | None = None,
) -> None:
    rows = _rows()
    row = rows[pid]
    if not wanted(row):
        raise SystemExit(f"{pid} is not a dev page with a yes/no/partly/unclear answer")
    page, picked = _read(row)
    spans = []
    for pair in pairs:
        index, _, answer = pair.partition("=")
        if answer not in ANSWERS or not index.isdigit() or int(index) >= len(page.sentences):
            raise SystemExit(f"bad pair {pair!r}: write INDEX=yes|no|partly")
        s = page.sentences[int(index)]
        spans.append(
            {"start": s.start, "end": s.end, "answer": answer, "candidate": s.index in picked}
        )
    if not spans and not none:
        raise SystemExit("give INDEX=ANSWER pairs, or --none when no sentence states the answer")
    line = {
        "id": pid,
        "sha256": hashlib.sha256(page.text.encode("utf-8")).hexdigest(),
        "page_answer": page_answer or row["page_answer"],
        "sentences": spans,
        "labeller": labeller,
    }
    if page_answer:
        line["blind"] = True  # a second labeller's own page answer, read without the label
    if doubt:
        line["doubt"] = doubt  # the labeller doubts the page label: why, in their words
    with out.open("a", encoding="utf-8") as f:
        f.write(json.dumps(line) + "\n")
    print(f"{pid}: {len(spans)} sentence(s) recorded in {out}")


def todo(shard: str, done_files: list[Path]) -> None:
    k, n = (int(x) for x in shard.split("/"))
    done = _labelled([*done_files, LABELS])
    ids = sorted(r["id"] for r in load_real(PAGES) if wanted(r))
    random.Random(20261207).shuffle(ids)
    for i, pid in enumerate(ids):
        if i % n == k - 1 and pid not in done:
            print(pid)


def check(paths: list[Path]) -> int:
    rows = _rows()
    problems = unchecked = 0
    seen: set[str] = set()
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            row = rows.get(rec["id"])
            where = f"{path}:{n} {rec['id']}"
            if row is None or not wanted(row):
                print(f"{where}: not a wanted dev page")
                problems += 1
                continue
            if rec["id"] in seen:
                print(f"{where}: labelled twice")
                problems += 1
            seen.add(rec["id"])
            try:
                page, _ = _read(row)
            except MissingText as gone:
                print(f"{where}: not checked: {gone}")
                unchecked += 1
                continue
            if hashlib.sha256(page.text.encode("utf-8")).hexdigest() != rec["sha256"]:
                print(f"{where}: the page's text changed since it was labelled")
                problems += 1
            starts = {(s.start, s.end) for s in page.sentences}
            for span in rec["sentences"]:
                if (span["start"], span["end"]) not in starts or span["answer"] not in ANSWERS:
                    print(f"{where}: span {span} is not a sentence of the page")
                    problems += 1
    print(
        f"{len(seen)} pages, {problems} problem(s)"
        + (f", {unchecked} not checked (text not cached)" if unchecked else "")
    )
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("todo")
    t.add_argument("--shard", default="1/1")
    t.add_argument("--done", type=Path, action="append", default=[])
    s = sub.add_parser("show")
    s.add_argument("ids", nargs="+")
    s.add_argument("--blind", action="store_true", help="hide the labels and the reader's answer")
    a = sub.add_parser("add")
    a.add_argument("id")
    a.add_argument("pairs", nargs="*")
    a.add_argument("--none", action="store_true")
    a.add_argument("--out", type=Path, required=True)
    a.add_argument("--labeller", default="helper")
    a.add_argument(
        "--page-answer",
        choices=("yes", "no", "partly", "unclear", "not_answered"),
        help="a blind labeller's own reading of the page's answer",
    )
    a.add_argument("--doubt", help="why the page label looks wrong (no page text)")
    c = sub.add_parser("check")
    c.add_argument("files", type=Path, nargs="+")
    args = ap.parse_args(argv)
    if args.cmd == "todo":
        todo(args.shard, args.done)
    elif args.cmd == "show":
        show(args.ids, args.blind)
    elif args.cmd == "add":
        add(args.id, args.pairs, args.none, args.out, args.labeller, args.doubt, args.page_answer)
    else:
        return check(args.files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
