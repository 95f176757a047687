"""A small learned scorer of a page's answer to a yes/no question (issue 12), beside the rules.

The rules (assertions.py, family_assertions.py, clause_evidence.py, combined in
check/page_answer.py) read the shapes health writing answers in. This module reads the same
sentences with a linear model trained on the dev split of the real-page corpus
(``benchmarks/train_answer_scorer.py`` rebuilds it; ``data/answer_scorer.json`` holds it):

- **candidates**: the sentences the rules consider about the asked condition and property: the
  title, a sentence naming a target (or the question's letters), a sentence opening on an anaphor
  ("it", "this condition") after such a mention when the page is about a target, and every
  sentence the assertion or clause readers found an answer in; at most ``MAX_CANDIDATES`` of them,
  those with a property term or a reading first;
- **features** of a candidate: its lowercased words and word pairs, with the asked condition's
  names and letters written ``zcond`` and the family's property words ``zprop`` (so "lupus is an
  autoimmune disease" and "celiac disease is an autoimmune disorder" share "zcond is an zprop"),
  the words near a property term with and without the family, negation, hedge and critic cues
  (vocabulary.py, assertions.critic_at), where it stands (title, lede, body), and what the rules
  read in it (an assertion's side and basis, a clause's polarity);
- **page**: the candidates' features pooled (a feature is on when any candidate has it), the
  rules' own answer and the family; a multinomial logistic regression over the corpus's four
  classes (yes, no, partly, which includes unclear, not_answered).

Every decision points at a sentence: the candidate whose features add most to the chosen class
(none for ``not_answered``). Inference is plain Python over a few dozen features per page.
Whether and where the page's answer uses the model is check/page_answer.py's ``SCORER_MODE``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from ..fastmatch import find_any, literal_led_in_sentences
from ..limits import MAX_SENTENCE_CHARS
from ..models import Page
from .assertions import Assertion, critic_at
from .clause_evidence import _ANAPHOR, _PREFILTER, ClauseEvidence, _first_body
from .vocabulary import HEDGE, NEGATION, cues, letters_pattern

__all__ = [
    "CLASSES",
    "MAX_CANDIDATES",
    "Scored",
    "Scorer",
    "candidates",
    "exact_rows",
    "four_class_probabilities",
    "page_features",
    "sentence_features",
    "load_scorer",
]

CLASSES = ("yes", "no", "partly", "not_answered")
MAX_CANDIDATES = 12
LEDE = 3  # sentences after the title that make the lede (as clause_evidence reads it)
NEAR = 4  # words either side of a property term that count as "near" it
COND, PROP = "zcond", "zprop"

# the family's property words: the clause reader's quick scan of each family, and for
# "autoimmune" its immune words (which hold "autoimmune")
_PROPERTY = dict(_PREFILTER)
_PROPERTY["autoimmune"] = _PREFILTER["immune"]
_NEG = cues(NEGATION)
_HEDGE = cues(HEDGE)
_TOKEN = re.compile(r"[a-z]+(?:['’]t)?|\?")


# The shipped weights are rounded to thousandths (the training scripts' WEIGHT_DECIMALS). Held
# as whole thousandths, the sums over a page's features are exact, so they do not depend on the
# order a set of features is walked in, which changes with each process's string hashing: a
# float sum could differ in its last bit and move a probability across a bucket's edge.
SCALE = 1000


def exact_rows(weights: dict[str, list[float]]) -> tuple[dict[str, list[float]], float]:
    """``weights`` as whole multiples of 1/``SCALE`` and that scale, when every weight is one;
    otherwise ``weights`` themselves and 1 (weights being trained, never shipped)."""
    rows: dict[str, list[float]] = {}
    for f, row in weights.items():
        whole: list[float] = [round(x * SCALE) for x in row]  # ints: exact sums
        if any(abs(x * SCALE - w) > 1e-6 for x, w in zip(row, whole, strict=True)):
            return weights, 1.0
        rows[f] = whole
    return rows, float(SCALE)


def four_class_probabilities(
    weights: dict[str, list[float]], feats: Iterable[str], scale: float = 1.0
) -> tuple[float, ...]:
    """A four-class linear model's probabilities (softmax of the summed weights of ``feats``,
    divided by ``scale``): the page scorer's and the sentence reader's. The sums are unrolled:
    this loop runs over every feature of every page the audit asks a model about."""
    get = weights.get
    a = b = c = d = 0.0
    for f in feats:
        row = get(f)
        if row is not None:
            wa, wb, wc, wd = row
            a += wa
            b += wb
            c += wc
            d += wd
    top = max(a, b, c, d)
    exp = [
        math.exp((a - top) / scale),
        math.exp((b - top) / scale),
        math.exp((c - top) / scale),
        math.exp((d - top) / scale),
    ]
    total = sum(exp)
    return tuple(x / total for x in exp)


def _spans_of(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def sentence_features(
    text: str, cond_spans: list[tuple[int, int]], family: str, place: str
) -> set[str]:
    """The features of one sentence: ``cond_spans`` are the spans (in ``text``) of the asked
    condition's names and letters, written ``zcond``; the family's property words are written
    ``zprop``."""
    t = text[:MAX_SENTENCE_CHARS]
    prop = _PROPERTY.get(family)
    spans = [(a, b, COND) for a, b in cond_spans if 0 <= a < b <= len(t)]
    if prop is not None:
        for a, b in _spans_of(prop, t):
            if not any(x < b and a < y for x, y, _ in spans):
                spans.append((a, b, PROP))
    spans.sort()
    parts, at = [], 0
    for a, b, token in spans:
        if a < at:
            continue
        parts += [t[at:a], f" {token} "]
        at = b
    parts.append(t[at:])
    words = _TOKEN.findall("".join(parts).lower())
    feats = {f"u:{w}" for w in words}
    feats.update(f"b:{a} {b}" for a, b in pairwise(words))
    props = [i for i, w in enumerate(words) if w == PROP]
    for i in props:
        for w in words[max(0, i - NEAR) : i + NEAR + 1]:
            feats.add(f"n:{w}")
            feats.add(f"fn:{family}:{w}")
    first_prop = next((a for a, _, k in spans if k == PROP), None)
    if props:
        feats.add("has:prop")
        feats.add(f"has:prop:{family}")
    if COND in words:
        feats.add("has:cond")
    if _NEG.search(t):
        feats.add("cue:neg")
        if first_prop is not None and _NEG.search(t, max(0, first_prop - 40), first_prop):
            feats.add("cue:neg_before_prop")
            feats.add(f"cue:neg_before_prop:{family}")
    if _HEDGE.search(t):
        feats.add("cue:hedge")
    if critic_at(t, first_prop if first_prop is not None else len(t)):
        feats.add("cue:critic")
    if t.rstrip().endswith("?"):
        feats.add("cue:question")
    feats.add(f"place:{place}")
    return feats


def _side(a: Assertion) -> str:
    reverse = {"affirm": "deny", "deny": "affirm"}
    return reverse.get(a.polarity, a.polarity) if a.speaker == "critic" else a.polarity


def candidates(
    page: Page,
    targets: set[str],
    family: str,
    letters: frozenset[str] | set[str],
    assertions: list[Assertion],
    evidence: list[ClauseEvidence],
    wide: bool = False,
) -> list[tuple[int, list[tuple[int, int]], set[str]]]:
    """The sentences the model reads: (sentence index, spans of the asked condition in it, the
    rules' readings in it as features), in page order, at most ``MAX_CANDIDATES``. ``wide``:
    also the sentences that hold a property word without naming the condition
    (``candidate_pool``)."""
    picked, cond, readings = candidate_pool(
        page, targets, family, letters, assertions, evidence, wide
    )
    kept = sorted(sorted((p, i) for i, p in picked.items())[:MAX_CANDIDATES], key=lambda x: x[1])
    return [(i, cond.get(i, []), readings.get(i, set())) for _, i in kept]


def candidate_pool(
    page: Page,
    targets: set[str],
    family: str,
    letters: frozenset[str] | set[str],
    assertions: list[Assertion],
    evidence: list[ClauseEvidence],
    wide: bool = False,
) -> tuple[dict[int, int], dict[int, list[tuple[int, int]]], dict[int, set[str]]]:
    """Every sentence ``candidates`` may pick, before the cap: ({sentence index: priority},
    {index: spans of the asked condition}, {index: the rules' readings as features}). Priority
    0: the rules read something in it; 1: it is about the condition (names it, is the title, or
    opens on an anaphor for it) and holds a property word; 2: it is about the condition
    (``wide``: 3, and 2 for a sentence that holds a property word without being about the
    condition: pages state the answer in such sentences, "the immune system attacks the
    joints", about one in ten labelled answer sentences). ``candidates`` keeps the
    ``MAX_CANDIDATES`` of lowest priority (earliest first)."""
    sentences = page.sentences
    if not sentences:
        return {}, {}, {}
    first_body = _first_body(page)
    cond: dict[int, list[tuple[int, int]]] = {}
    last: dict[int, str] = {}
    for m in page.mentions:
        s = sentences[m.sentence] if m.sentence < len(sentences) else None
        if s is None:
            continue
        if m.concept_id in targets:
            cond.setdefault(m.sentence, []).append((m.start - s.start, m.end - s.start))
        last[m.sentence] = m.concept_id
    if letters:
        # found once in the page, not per sentence (as assertions.py reads them); a feature
        # reads a sentence's first MAX_SENTENCE_CHARS only
        written = literal_led_in_sentences(letters_pattern(letters), letters, page.text, sentences)
        for i, found in written.items():
            for hit in found:
                if hit.end() <= MAX_SENTENCE_CHARS:
                    cond.setdefault(i, []).append(hit.span())
    readings: dict[int, set[str]] = {}
    for said in assertions:
        side = _side(said)
        r = readings.setdefault(said.sentence, set())
        r.update({f"ra:{side}", f"ra:{side}:{said.basis}", f"ra:{side}:{family}"})
        if said.hedged:
            r.add(f"ra:{side}:hedged")
    for e in evidence:
        r = readings.setdefault(e.sentence, set())
        r.update({f"rc:{e.polarity}", f"rc:{e.polarity}:{family}"})
        if e.hedged:
            r.add(f"rc:{e.polarity}:hedged")
    main_is_target = page.main_condition in targets
    prop = _PROPERTY.get(family)
    picked: dict[int, int] = {}
    referent: str | None = None
    for s in sentences:
        i = s.index
        about = i in cond or i < first_body
        if not about and main_is_target and (referent is None or referent in targets):
            about = bool(_ANAPHOR.search(s.text[:MAX_SENTENCE_CHARS]))
        if i in last:
            referent = last[i]
        if not (about or wide or i in readings):
            continue
        has_prop = prop is not None and bool(prop.search(s.text[:MAX_SENTENCE_CHARS]))
        if i in readings:
            picked[i] = 0
        elif about:
            picked[i] = 1 if has_prop else 3 if wide else 2
        elif has_prop:
            picked[i] = 2
    return picked, cond, readings


def _place(index: int, first_body: int) -> str:
    if index < first_body:
        return "title"
    return "lede" if index < first_body + LEDE else "body"


def page_features(
    page: Page,
    targets: set[str],
    family: str,
    letters: frozenset[str] | set[str],
    assertions: list[Assertion],
    evidence: list[ClauseEvidence],
    rules_answer: str,
    wide: bool = False,
) -> tuple[set[str], list[tuple[int, set[str]]]]:
    """(the page's own features, [(sentence index, that candidate's features)]); ``wide``: the
    wide candidates (``candidates``)."""
    first_body = _first_body(page)
    per_sentence = []
    for i, spans, readings in candidates(
        page, targets, family, letters, assertions, evidence, wide
    ):
        feats = sentence_features(page.sentences[i].text, spans, family, _place(i, first_body))
        feats |= readings
        per_sentence.append((i, feats))
    rules = "partly" if rules_answer == "unclear" else rules_answer
    own = {
        "bias",
        f"fam:{family}",
        f"rules:{rules}",
        f"rules:{rules}:{family}",
        f"topic:{page.on_topic}",
        f"cands:{min(len(per_sentence), 3)}",
    }
    return own, per_sentence


def names_condition(page: Page, targets: set[str], letters: frozenset[str] | set[str]) -> bool:
    """The page names the asked condition (a mention linked to it, or its letters as a word): a
    page that never does cannot answer a question about it, whatever its words lean to, so the
    model is not asked (most pages of a crawl audited for one question are such pages)."""
    if any(m.concept_id in targets for m in page.mentions):
        return True
    if not any(x in page.text for x in letters):
        return False
    # ``letters_pattern(letters).search(page.text) is not None``: every match starts with one of
    # the letters as written, so it is tried only where one stands (``re`` would try the pattern,
    # which opens on ``\b``, at every character of the page)
    match = letters_pattern(letters).match
    return any(match(page.text, i) for i in find_any(page.text, letters))


def statements(per_sentence: list[tuple[int, set[str]]]) -> list[tuple[int, set[str]]]:
    """The candidates an answer of the model may rest on: sentences that name the asked condition
    or the property and ask nothing. A title that asks the question, or a line of site furniture,
    may add to a class, but it shows the reader nothing; where no statement adds to the model's
    class, the model gives no answer (check/page_answer.py keeps the rules')."""
    return [
        (i, f)
        for i, f in per_sentence
        if ("has:cond" in f or "has:prop" in f) and "cue:question" not in f
    ]


@dataclass(slots=True, frozen=True)
class Scored:
    """The model's reading of a page: its class, that class's probability, the probabilities of
    all classes (in ``CLASSES`` order) and the sentence the decision rests on (None when the class
    is not_answered or no candidate adds to it)."""

    answer: str
    probability: float
    probabilities: tuple[float, ...]
    sentence: int | None


class Scorer:
    """A multinomial logistic regression over pooled sentence features."""

    def __init__(self, weights: dict[str, list[float]], meta: dict):
        if any(len(row) != len(CLASSES) for row in weights.values()):
            raise ValueError(f"answer scorer weights must have one per class {CLASSES}")
        self.weights = weights
        self.meta = meta
        self._rows, self._scale = exact_rows(weights)
        # what each feature adds to a class over the mean of the others (``_margin``): a
        # sentence's share in a decision is the sum of these over its features. Filled as
        # ``pointer`` meets features: few pages ask for a pointer, and working it out for every
        # feature of the model was most of the cost of loading it, in every worker (a value never
        # changes once set, so threads that fill it at once agree)
        self.margins: dict[str, tuple[float, ...]] = {}

    @classmethod
    def from_json(cls, data: dict) -> Scorer:
        classes = tuple(data["classes"])
        if classes != CLASSES:
            raise ValueError(f"answer scorer classes {classes} are not {CLASSES}")
        return cls({k: list(v) for k, v in data["weights"].items()}, data.get("meta", {}))

    def score(
        self, own: set[str], per_sentence: list[tuple[int, set[str]]], point: bool = True
    ) -> Scored:
        """The page's class from its own features and its candidates'; with ``point``, the
        sentence the class rests on (``pointer``)."""
        pooled = set(own)
        for _, feats in per_sentence:
            pooled |= feats
        probs = four_class_probabilities(self._rows, pooled, self._scale)
        k = max(range(len(CLASSES)), key=lambda j: probs[j])
        sentence = self.pointer(statements(per_sentence), CLASSES[k]) if point else None
        return Scored(CLASSES[k], probs[k], probs, sentence)

    def pointer(self, per_sentence: list[tuple[int, set[str]]], answer: str) -> int | None:
        # a pointer is sought among ``statements`` (Scorer.score and check/page_answer.py pass
        # them): a sentence the reader can check the answer against
        """The candidate whose features add most to ``answer`` over the other classes (the first
        such in page order); None for not_answered or when none adds to it."""
        if answer == "not_answered":
            return None
        k = CLASSES.index(answer)
        margins, weights = self.margins, self._rows
        best, sentence = 0.0, None
        for i, feats in per_sentence:
            gain = 0.0
            for f in feats:
                m = margins.get(f)
                if m is None:
                    row = weights.get(f)
                    if row is None:
                        continue
                    m = margins[f] = _margin(row)
                gain += m[k]
            if gain > best:
                best, sentence = gain, i
        return sentence


def _margin(row: list[float]) -> tuple[float, ...]:
    """What a feature of weights ``row`` adds to each class over the mean of the other classes,
    times the number of other classes: only compared, and exact for whole-thousandth rows."""
    total = sum(row)
    return tuple(len(row) * x - total for x in row)


@lru_cache(maxsize=1)
def load_scorer() -> Scorer:
    """The shipped model (data/answer_scorer.json), read once."""
    text = (
        resources.files("healthlens.understand")
        .joinpath("data/answer_scorer.json")
        .read_text(encoding="utf-8")
    )
    return Scorer.from_json(json.loads(text))
