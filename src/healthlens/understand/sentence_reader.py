"""A sentence-level reader of the page's answer (issue 12, round 6), beside the page scorer.

The page scorer (answer_scorer.py) pools the features of a page's candidate sentences, so each
candidate inherits the page's label: a "not" in a sentence that answers nothing looks like "no".
This reader is trained on sentences labelled one by one (on the dev split: which sentences state
the page's answer, and which way; ``benchmarks/train_sentence_reader.py``), and reads each
candidate alone:

- **features** of a candidate: the page scorer's features of that sentence (its words and word
  pairs with the condition written ``zcond`` and the property ``zprop``, negation, hedge and
  critic cues, where it stands, what the rules read in it), the same cues and readings crossed
  with the question's family, its first word, whether the sentence before it asks a question
  (the page restating its own question), and its rank among the candidates;
- **classes**: ``yes``, ``no``, ``partly`` (the sentence states the page's answer that way) and
  ``none`` (it states no answer);
- **to the page**: the largest probability of each answer over the candidates (bucketed), the
  class of the strongest sentence and how many sentences lean each way are added to the page
  scorer's features (stacking; ``summary``), and the page's answer, when the page scorer gives
  it, points at the candidate the reader holds strongest for that answer (``strongest``).

Inference is plain Python: a dictionary look-up per feature per candidate (at most
``answer_scorer.MAX_CANDIDATES`` of them). The weights ship in ``data/sentence_reader.json``;
the page scorer asks for the reader only when its own weights were trained with it
(``meta["sentence_reader"]``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..models import Page
from .answer_scorer import Scorer, exact_rows, four_class_probabilities, statements

__all__ = [
    "SENTENCE_CLASSES",
    "SentenceReader",
    "Reading",
    "reader_features",
    "load_sentence_reader",
    "point_at",
    "strongest",
    "summary",
]

SENTENCE_CLASSES = ("yes", "no", "partly", "none")
ANSWERS = SENTENCE_CLASSES[:3]
BUCKETS = 5  # a class's largest probability over the candidates, in fifths
FLOOR = 0.25  # a pointer needs the reader to give its answer more than a guess among four
LEANS = 0.5  # a sentence leans to a class when the reader gives it at least this
DATA = "data/sentence_reader.json"
# the page scorer's features of a sentence that ``summary`` pools apart for the sentences the
# reader holds to state an answer
POOLED = ("n:", "cue:", "ra:", "rc:")
# the page scorer's features that describe how a sentence reads rather than its words: crossed
# with the family, since "not" near "contagious" and "no cure" read differently
_CROSSED = ("cue:", "ra:", "rc:", "has:", "place:")
_FIRST = re.compile(r"[a-z]+|\S", re.I)


def reader_features(
    feats: Iterable[str], family: str, text: str, after_question: bool, rank: int
) -> set[str]:
    """The reader's features of one candidate: ``feats`` are the page scorer's features of the
    sentence (answer_scorer.page_features), ``text`` its text, ``after_question`` whether the
    sentence before it ends in a question mark, ``rank`` its place among the candidates."""
    out = {"bias", f"fam:{family}", f"rank:{min(rank, 3)}"}
    for f in feats:
        out.add(f)
        if f.startswith(_CROSSED):
            out.add(f"x:{family}:{f}")
    first = _FIRST.search(text)
    if first is not None:
        out.add(f"first:{first.group().lower()}")
    if after_question:
        out.add("after:question")
        if first is not None:
            out.add(f"after:question:{first.group().lower()}")
    return out


def candidate_features(
    page: Page, per_sentence: list[tuple[int, set[str]]], family: str
) -> list[tuple[int, set[str]]]:
    """``reader_features`` of each candidate of ``per_sentence`` (answer_scorer.page_features)."""
    sentences = page.sentences
    out = []
    for rank, (i, feats) in enumerate(per_sentence):
        before = sentences[i - 1].text.rstrip() if 0 < i <= len(sentences) else ""
        out.append(
            (i, reader_features(feats, family, sentences[i].text, before.endswith("?"), rank))
        )
    return out


@dataclass(slots=True, frozen=True)
class Reading:
    """The reader's probabilities for one candidate sentence, in ``SENTENCE_CLASSES`` order."""

    sentence: int
    probabilities: tuple[float, ...]

    def of(self, answer: str) -> float:
        return self.probabilities[SENTENCE_CLASSES.index(answer)]


class SentenceReader:
    """A multinomial logistic regression over one sentence's features."""

    def __init__(self, weights: dict[str, list[float]], meta: dict):
        self.weights = weights
        self.meta = meta
        self._rows, self._scale = exact_rows(weights)

    @classmethod
    def from_json(cls, data: object, source: str = "sentence reader weights") -> SentenceReader:
        """The reader from its JSON object; a ValueError naming ``source`` and what is wrong
        when the object is not a reader's weights."""
        if not isinstance(data, dict):
            raise ValueError(f"{source}: not a JSON object")
        classes = data.get("classes")
        if classes is None or tuple(classes) != SENTENCE_CLASSES:
            raise ValueError(f"{source}: classes {classes!r} are not {list(SENTENCE_CLASSES)}")
        weights = data.get("weights")
        if not isinstance(weights, dict) or not weights:
            raise ValueError(f"{source}: no 'weights' object of feature to weights")
        clean: dict[str, list[float]] = {}
        for f, row in weights.items():
            if (
                not isinstance(row, list)
                or len(row) != len(SENTENCE_CLASSES)
                or not all(
                    isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)
                    for x in row
                )
            ):
                raise ValueError(
                    f"{source}: feature {f!r} needs {len(SENTENCE_CLASSES)} finite numbers "
                    f"(one per class), not {row!r}"
                )
            clean[f] = [float(x) for x in row]
        meta = data.get("meta", {})
        if not isinstance(meta, dict):
            raise ValueError(f"{source}: 'meta' is not an object")
        return cls(clean, meta)

    def probabilities(self, feats: Iterable[str]) -> tuple[float, ...]:
        return four_class_probabilities(self._rows, feats, self._scale)

    def read(
        self, page: Page, per_sentence: list[tuple[int, set[str]]], family: str
    ) -> list[Reading]:
        """Each candidate's probabilities, in page order."""
        return [
            Reading(i, self.probabilities(f))
            for i, f in candidate_features(page, per_sentence, family)
        ]


def summary(
    readings: list[Reading],
    family: str,
    rules: str,
    per_sentence: list[tuple[int, set[str]]] | None = None,
) -> set[str]:
    """The page scorer's features from the reader's readings of a page's candidates: each
    answer's largest probability (in fifths), the class of the strongest sentence (``none``
    when no sentence leans to an answer; also with the question's ``family`` and with the
    ``rules``' answer) and how many sentences lean each way (0 to 2+). With ``per_sentence``
    (the candidates' page-scorer features), also the cue and near-property features of the
    sentences the reader holds to state an answer (``POOLED``), apart from the others'."""
    feats = set()
    best, best_p = "none", LEANS
    for answer in ANSWERS:
        probs = [r.of(answer) for r in readings]
        top = max(probs, default=0.0)
        feats.add(f"sr:max:{answer}:{min(int(top * BUCKETS), BUCKETS - 1)}")
        feats.add(f"sr:n:{answer}:{min(sum(p >= LEANS for p in probs), 2)}")
        if top >= best_p:
            best, best_p = answer, top
    feats.add(f"sr:top:{best}")
    feats.add(f"sr:top:{best}:{family}")
    feats.add(f"sr:top:{best}:rules:{rules}")
    if per_sentence is not None:
        answering = {r.sentence for r in readings if r.of("none") < LEANS}
        for i, f in per_sentence:
            if i in answering:
                feats.update(f"sa:{x}" for x in f if x.startswith(POOLED))
    return feats


def strongest(readings: list[Reading], answer: str, among: Iterable[int]) -> int | None:
    """The sentence of ``among`` the reader holds most likely to state ``answer`` (the first such
    in page order), or None when ``answer`` is not an answer or none of them is read."""
    if answer not in ANSWERS:
        return None
    allowed = set(among)
    best, sentence = -1.0, None
    for r in readings:
        if r.sentence in allowed and r.of(answer) > best:
            best, sentence = r.of(answer), r.sentence
    return sentence


def point_at(
    scorer: Scorer,
    readings: list[Reading] | None,
    per_sentence: list[tuple[int, set[str]]],
    answer: str,
) -> int | None:
    """The sentence the page scorer's ``answer`` rests on, among the candidates that are
    statements (answer_scorer.statements): the one the reader holds most likely to state it,
    where the reader gives it more than chance (``FLOOR``); otherwise the page scorer's own
    pointer (None when no statement adds to ``answer``: the rules' reading then stands)."""
    said = statements(per_sentence)
    if readings is not None:
        i = strongest(readings, answer, [i for i, _ in said])
        if i is not None and next(r for r in readings if r.sentence == i).of(answer) >= FLOOR:
            return i
    return scorer.pointer(said, answer)


@lru_cache(maxsize=1)
def load_sentence_reader() -> SentenceReader:
    """The shipped reader (data/sentence_reader.json), read once."""
    path = resources.files("healthlens.understand").joinpath(DATA)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"healthlens/understand/{DATA}: cannot be read ({exc})") from exc
    return SentenceReader.from_json(data, f"healthlens/understand/{DATA}")
