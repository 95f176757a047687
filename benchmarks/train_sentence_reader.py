"""Train the sentence-level reader of the page's answer (src/healthlens/understand/
sentence_reader.py) on the DEV pages whose answer sentences are labelled, and measure how many of
those sentences the candidates hold.

    python benchmarks/train_sentence_reader.py                       # recall + CV, no weights
    python benchmarks/train_sentence_reader.py --sentence-labels '/tmp/labels/*.jsonl'

The labels (benchmarks/answer_sentences.py writes them; benchmarks/data/real/answer_sentences.jsonl
by default, more files or globs with ``--sentence-labels``) give, per dev page, the character
offsets of each sentence that states the page's answer and which way (yes, no, partly); a page
with none is labelled with an empty list. A training example is a candidate sentence
(answer_scorer.candidates) of a labelled page with its label, ``none`` where it is not labelled,
and every labelled sentence the candidates miss.

The page scorer uses the reader through ``benchmarks/train_answer_scorer.py``, which calls this
module (stacking: the reader's outputs join the page scorer's features, computed for every page
by a reader that never saw that page's labels) and writes both weights files.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from healthlens.understand import answer_scorer as sc  # noqa: E402
from healthlens.understand import sentence_reader as sr  # noqa: E402
from healthlens.understand.clause_evidence import _first_body  # noqa: E402

SENTENCE_LABELS = ROOT / "benchmarks" / "data" / "real" / "answer_sentences.jsonl"
OUT = ROOT / "src" / "healthlens" / "understand" / "data" / "sentence_reader.json"
L2 = 10.0  # the penalty on the weights (the sentence-level CV's log loss among 1, 3, 10)
STEPS = 300
LEARNING_RATE = 0.05
MIN_COUNT = 6  # a feature seen in fewer training sentences is left out (3: twice the size)
PRUNE = 0.01  # a feature whose largest |weight| is below this is not shipped
WEIGHT_DECIMALS = 3
CLASS_INDEX = {c: k for k, c in enumerate(sr.SENTENCE_CLASSES)}


# --- the labels -----------------------------------------------------------------------------


def label_paths(specs: Iterable[str]) -> list[Path]:
    """The label files named by ``specs`` (paths or globs), in order, each once."""
    out: list[Path] = []
    for spec in specs:
        hits = sorted(glob.glob(str(Path(spec).expanduser()))) or [spec]
        for h in hits:
            p = Path(h)
            if p.exists() and p not in out:
                out.append(p)
    return out


def load_labels(paths: list[Path]) -> tuple[dict[str, dict], list[str]]:
    """({page id: label line}, problems): a later line of a page replaces an earlier one (a
    labeller's correction); a line that is not JSON, or lacks id, sha256 or sentences, is a
    problem and skipped."""
    labels: dict[str, dict] = {}
    problems: list[str] = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                ok = isinstance(rec, dict) and {"id", "sha256", "sentences"} <= set(rec)
            except json.JSONDecodeError:
                ok = False
            if not ok:
                problems.append(f"{path}:{n}: not a label line")
                continue
            if rec["id"] in labels:
                problems.append(f"{path}:{n}: {rec['id']} labelled again (this line kept)")
            labels[rec["id"]] = rec
    return labels, problems


def attach(recs: list[dict], labels: dict[str, dict]) -> Counter:
    """Give each usable page record its labelled sentences (``rec["sent_labels"]``: {sentence
    index: answer}) where its text is the one labelled; what happened, counted."""
    counts: Counter = Counter()
    for rec in recs:
        lab = labels.get(rec["id"])
        if lab is None:
            continue
        if not rec["usable"]:
            counts["label on a page the model does not read"] += 1
            continue
        page = rec["page"]
        if hashlib.sha256(page.text.encode("utf-8")).hexdigest() != lab["sha256"]:
            counts["page text changed since labelled"] += 1
            continue
        index = {(s.start, s.end): s.index for s in page.sentences}
        got: dict[int, str] = {}
        for span in lab["sentences"]:
            i = index.get((span.get("start"), span.get("end")))
            if i is None or span.get("answer") not in sr.ANSWERS:
                counts["span not a sentence"] += 1
                continue
            got[i] = span["answer"]
        rec["sent_labels"] = got
        counts["pages"] += 1
        counts["sentences"] += len(got)
    return counts


def labelled(recs: list[dict]) -> list[dict]:
    return [r for r in recs if "sent_labels" in r]


# --- candidate recall -----------------------------------------------------------------------


def recall(recs: list[dict], wide: bool = False) -> dict:
    """How many labelled answer sentences the candidates hold, at which priority, and the shape of
    those they miss."""
    out: Counter = Counter()
    missed: Counter = Counter()
    for rec in labelled(recs):
        pool, cond, _ = sc.candidate_pool(
            rec["page"],
            rec["targets"],
            rec["predicate"],
            rec["letters"],
            rec["found"],
            rec["evidence"],
            wide,
        )
        kept = {i for i, _ in rec["reader_sentences"]}
        prop = sc._PROPERTY.get(rec["predicate"])
        first_body = _first_body(rec["page"])
        for i in rec["sent_labels"]:
            out["labelled"] += 1
            if i in kept:
                out["candidate"] += 1
                out[f"candidate, priority {pool[i]}"] += 1
            elif i in pool:
                out["in the pool, cut by the cap"] += 1
            else:
                text = rec["page"].sentences[i].text[: sc.MAX_SENTENCE_CHARS]
                has_prop = prop is not None and bool(prop.search(text))
                shape = (
                    ("names the condition" if i in cond else "no condition")
                    + (", property word" if has_prop else ", no property word")
                    + (", lede" if i < first_body + sc.LEDE else "")
                    + (
                        ", page about the condition"
                        if rec["page"].main_condition in rec["targets"]
                        else ""
                    )
                )
                missed[shape] += 1
    return {"counts": dict(out), "missed shapes": dict(missed.most_common())}


# --- training examples and the model --------------------------------------------------------


def examples(rec: dict) -> list[tuple[set[str], int]]:
    """(features, class) for each candidate of a labelled page (``none`` unless labelled) and
    each labelled sentence the candidates miss."""
    page, family = rec["page"], rec["predicate"]
    gold = rec["sent_labels"]
    out = [
        (f, CLASS_INDEX[gold.get(i, "none")])
        for i, f in sr.candidate_features(page, rec["reader_sentences"], family)
    ]
    seen = {i for i, _ in rec["reader_sentences"]}
    extra = [i for i in gold if i not in seen]
    if extra:
        _, cond, readings = sc.candidate_pool(
            page, rec["targets"], family, rec["letters"], rec["found"], rec["evidence"]
        )
        first_body = _first_body(page)
        for i in extra:
            s = page.sentences[i]
            feats = sc.sentence_features(
                s.text, cond.get(i, []), family, sc._place(i, first_body)
            ) | readings.get(i, set())
            before = page.sentences[i - 1].text.rstrip() if i > 0 else ""
            f = sr.reader_features(feats, family, s.text, before.endswith("?"), sc.MAX_CANDIDATES)
            out.append((f, CLASS_INDEX[gold[i]]))
    return out


def train_sparse(
    rows: list[set[str]],
    y: list[int],
    classes: int,
    l2: float,
    steps: int = STEPS,
    min_count: int = MIN_COUNT,
    learning_rate: float = LEARNING_RATE,
) -> dict[str, list[float]]:
    """Multinomial logistic regression over sparse binary features, L2-penalised (not the
    bias), by full-batch Adam from zero weights: {feature: [weight per class]}."""
    df = Counter(f for r in rows for f in r)
    vocab = sorted(f for f, n in df.items() if n >= min_count or f == "bias")
    col = {f: j for j, f in enumerate(vocab)}
    idx: list[int] = []
    starts = [0]
    for r in rows:
        idx.extend(sorted(col[f] for f in r if f in col))
        starts.append(len(idx))
    indices = np.array(idx, dtype=np.int64)
    lengths = np.diff(np.array(starts))
    row_of = np.repeat(np.arange(len(rows)), lengths)
    n, v = len(rows), len(vocab)
    target = np.zeros((n, classes))
    target[np.arange(n), np.array(y)] = 1.0
    reg = np.full(v, l2 / n)
    if "bias" in col:
        reg[col["bias"]] = 0.0
    w = np.zeros((v, classes))
    m = np.zeros_like(w)
    s = np.zeros_like(w)
    for t in range(1, steps + 1):
        z = _row_sums(w[indices], row_of, n)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g_rows = (p - target) / n
        grad = np.stack(
            [np.bincount(indices, weights=g_rows[row_of, c], minlength=v) for c in range(classes)],
            axis=1,
        )
        grad += reg[:, None] * w
        m = 0.9 * m + 0.1 * grad
        s = 0.999 * s + 0.001 * grad * grad
        w -= learning_rate * (m / (1 - 0.9**t)) / (np.sqrt(s / (1 - 0.999**t)) + 1e-8)
    return {f: [float(a) for a in w[j]] for j, f in enumerate(vocab)}


def _row_sums(values: np.ndarray, row_of: np.ndarray, n: int) -> np.ndarray:
    return np.stack(
        [np.bincount(row_of, weights=values[:, c], minlength=n) for c in range(values.shape[1])],
        axis=1,
    )


def train_reader(recs: list[dict], l2: float = L2) -> sr.SentenceReader:
    """The reader trained on the labelled pages among ``recs``."""
    rows: list[set[str]] = []
    y: list[int] = []
    for rec in labelled(recs):
        for f, k in examples(rec):
            rows.append(f)
            y.append(k)
    if not rows:
        return sr.SentenceReader({"bias": [0.0, 0.0, 0.0, 1.0]}, {})
    weights = train_sparse(rows, y, len(sr.SENTENCE_CLASSES), l2, min_count=MIN_COUNT)
    return sr.SentenceReader(shipped(weights, PRUNE, WEIGHT_DECIMALS), {})


def shipped(weights: dict[str, list[float]], prune: float, decimals: int) -> dict[str, list[float]]:
    """The weights as a file ships them: rounded, and without the features whose largest |weight|
    is below ``prune`` (the bias stays)."""
    return {
        f: [round(x, decimals) for x in ws]
        for f, ws in weights.items()
        if f == "bias" or max(abs(x) for x in ws) >= prune
    }


def sentence_cv(recs: list[dict], folds: int, fold_of, l2: float = L2) -> dict:
    """Site-grouped CV of the reader on labelled sentences: accuracy over the candidates, and
    over the labelled answer sentences alone (which way they answer)."""
    pages = labelled(recs)
    right = total = a_right = a_total = 0
    loss = 0.0
    confusion: Counter = Counter()
    for k in range(folds):
        reader = train_reader([r for r in pages if fold_of(r) != k], l2)
        for rec in pages:
            if fold_of(rec) != k:
                continue
            for f, gold in examples(rec):
                probs = reader.probabilities(f)
                guess = max(range(len(probs)), key=lambda j: probs[j])
                loss -= math.log(max(probs[gold], 1e-12))
                right += guess == gold
                total += 1
                confusion[(sr.SENTENCE_CLASSES[gold], sr.SENTENCE_CLASSES[guess])] += 1
                if gold != CLASS_INDEX["none"]:
                    a_right += guess == gold
                    a_total += 1
    return {
        "sentences": total,
        "accuracy": right / total if total else 0.0,
        "log_loss": loss / total if total else 0.0,
        "answer_sentences": a_total,
        "answer_accuracy": a_right / a_total if a_total else 0.0,
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())},
    }


def weights_json(reader: sr.SentenceReader, meta: dict) -> dict:
    kept = dict(sorted(shipped(reader.weights, PRUNE, WEIGHT_DECIMALS).items()))
    return {
        "classes": list(sr.SENTENCE_CLASSES),
        "meta": {
            **meta,
            "l2": L2,
            "steps": STEPS,
            "min_count": MIN_COUNT,
            "prune": PRUNE,
            "features": len(kept),
        },
        "weights": kept,
    }


def main(argv: list[str] | None = None) -> int:
    import train_answer_scorer as tas

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", default=str(tas.LABELS))
    ap.add_argument(
        "--sentence-labels",
        action="append",
        default=[],
        help="more sentence-label files or globs (benchmarks/data/real/answer_sentences.jsonl "
        "is always read when present)",
    )
    ap.add_argument("--cache", default=None)
    ap.add_argument("--l2", type=float, action="append", default=[])
    args = ap.parse_args(argv)
    recs = tas.read_dev(args.labels, args.cache, [])
    if recs is None:
        return 1
    labels, problems = load_labels(label_paths([str(SENTENCE_LABELS), *args.sentence_labels]))
    for p in problems[:20]:
        print(p)
    print("labels:", dict(attach(recs, labels)))
    print("candidate recall:", json.dumps(recall(recs), indent=1))
    fold = tas.fold_map(recs)
    for l2 in args.l2 or [L2]:
        print(f"sentence CV l2={l2}:", json.dumps(sentence_cv(recs, tas.FOLDS, fold, l2), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
