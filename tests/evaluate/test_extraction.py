"""`healthlens eval extraction`: the benchmark's word-4-gram metric, its layout, and a run on a few
real pages when ../shared holds the article-extraction benchmark."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlens.cli import main
from healthlens.errors import InputError
from healthlens.evaluate.extraction import evaluate_extraction, match, read_benchmark, shingles

BENCHMARK = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "article-extraction-benchmark"
)

ARTICLE = (
    "Celiac disease is an autoimmune disorder in which eating gluten damages the small intestine. "
    "It affects about one person in a hundred, and many of them do not know they have it. "
    "A blood test for antibodies and a biopsy of the intestine confirm the diagnosis."
)


def test_shingles_are_word_four_grams_with_a_short_text_as_one_shingle():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("too short!") == {("too", "short"): 1}
    assert shingles("  ,, ") == {}
    assert shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2  # a multiset, not a set


def test_match_counts_shared_extra_and_missing_shingles_normalised_per_page():
    truth = "one two three four five six"  # 3 shingles
    tp, fp, fn = match(truth, "one two three four five six seven")  # 4: 3 shared, 1 extra
    assert (tp, fp, fn) == pytest.approx((3 / 4, 1 / 4, 0.0))
    tp, fp, fn = match(truth, "")
    assert (tp, fp, fn) == (0.0, 0.0, 1.0)
    assert match("", "") == (0.0, 0.0, 0.0)


def _write_benchmark(root: Path, pages: dict[str, tuple[str, str]]) -> Path:
    (root / "html").mkdir(parents=True)
    truth = {}
    for page_id, (html, body) in pages.items():
        (root / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[page_id] = {"articleBody": body, "url": f"https://example.org/{page_id}"}
    (root / "ground-truth.json").write_text(json.dumps(truth))
    return root


def _page(article: str, junk: str) -> str:
    return (
        "<html><head><title>Gluten facts</title></head><body>"
        f"<nav><a href='/a'>Home</a> <a href='/b'>News</a></nav><article><p>{article}</p></article>"
        f"<div class='related-stories'><p>{junk}</p></div></body></html>"
    )


def test_scores_per_page_and_split_hold_out_every_third_page(tmp_path):
    junk = "Read our other story about holiday recipes and the best gadgets of the year."
    pages = {f"p{i}": (_page(ARTICLE, junk), ARTICLE) for i in range(6)}
    root = _write_benchmark(tmp_path / "bench", pages)
    ev = evaluate_extraction(root, compare=False)
    ours = ev.scores[0]
    assert ours.name == "healthlens" and len(ours.pages) == 6
    assert ours.recall == pytest.approx(1.0)  # all of the article, none of the related box
    body_only = next(s for s in ev.scores if s.name == "healthlens, no title line")
    assert body_only.precision == pytest.approx(1.0) and body_only.f1 == pytest.approx(1.0)
    assert ours.precision < 1.0  # the title line "Gluten facts" is not in the truth
    held = [pid for pid, *_ in read_benchmark(root, "holdout")]
    tuned = [pid for pid, *_ in read_benchmark(root, "tune")]
    assert held == ["p0", "p3"] and tuned == ["p1", "p2", "p4", "p5"]


def test_a_page_with_no_article_text_is_among_the_worst(tmp_path):
    pages = {
        "good": (_page(ARTICLE, "x"), ARTICLE),
        "bad": ("<html><body><p>Subscribe now to our newsletter.</p></body></html>", ARTICLE),
    }
    ev = evaluate_extraction(_write_benchmark(tmp_path / "b", pages), compare=False, worst=1)
    assert [row["id"] for row in ev.worst] == ["bad"] and ev.worst[0]["f1"] == 0.0


def test_a_folder_without_the_layout_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match=r"ground-truth\.json"):
        evaluate_extraction(tmp_path)
    r = CliRunner().invoke(main, ["eval", "extraction", str(tmp_path / "nope")])
    assert r.exit_code != 0 and "ground-truth.json" in r.output and "Traceback" not in r.output


def test_cli_reports_both_extractors_on_a_few_real_pages():
    if not (BENCHMARK / "ground-truth.json").exists():
        pytest.skip("../shared/data/article-extraction-benchmark is not beside the checkout")
    r = CliRunner().invoke(
        main, ["eval", "extraction", str(BENCHMARK), "--limit", "6", "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    names = [s["name"] for s in d["extractors"]]
    assert names == ["healthlens", "trafilatura", "healthlens, no title line"]
    assert d["pages"] == 6 and len(d["worst"]) == 6 and d["speed_ratio"] > 0
    ours = d["extractors"][0]
    # six real pages: the reader finds the article on each (a broken reader scores far lower)
    assert ours["f1"] > 0.8 and ours["recall"] > 0.85 and not ours["failures"]
