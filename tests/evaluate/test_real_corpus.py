"""The real-page corpus (benchmarks/data/real): its labels keep their rules, its split is the one
rule in the README, and the evaluation runs from a cache or stops naming what is missing.

Only the last test needs the page cache (outside the repository); it skips and says so without it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlens.cli import main
from healthlens.evaluate.real import (
    CacheMissing,
    cache_status,
    default_cache,
    evaluate_real,
    is_real_corpus,
    load_real,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "benchmarks" / "data" / "real" / "pages.jsonl"
RESERVED = ROOT.parent / "shared" / "reserved"
FAMILIES = {
    "autoimmune",
    "allergy",
    "immune",
    "link",
    "definition",
    "contagious",
    "hereditary",
    "curable",
}
SOURCE_TYPES = {
    "content_farm",
    "ai_qa",
    "clinic",
    "shop",
    "forum",
    "news",
    "blog",
    "government",
    "journal",
}


@pytest.fixture(scope="module")
def rows():
    return load_real(CORPUS)


def test_corpus_size_and_off_topic_share(rows):
    assert len(rows) >= 300
    off = sum(not r["on_topic"] for r in rows)
    assert off / len(rows) >= 0.15
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["url"] for r in rows}) == len(rows)


def test_split_is_the_readme_rule_by_site(rows):
    for r in rows:
        digits = int(hashlib.sha256(r["site"].encode()).hexdigest()[:8], 16)
        assert r["split"] == ("test" if digits % 3 == 0 else "dev"), r["id"]
    n = Counter(r["split"] for r in rows)
    assert 0.55 <= n["dev"] / len(rows) <= 0.75


def test_both_splits_cover_every_family_and_source_type(rows):
    for split in ("dev", "test"):
        part = [r for r in rows if r["split"] == split]
        assert {r["family"] for r in part} == FAMILIES, split
        assert {r["source_type"] for r in part} == SOURCE_TYPES, split


def test_labels_are_consistent(rows):
    for r in rows:
        assert r["family"] in FAMILIES and r["source_type"] in SOURCE_TYPES, r["id"]
        assert r["site"] and r["site"] in r["url"] and not r["site"].startswith("www."), r["id"]
        assert len(r["sha256"]) == 64 and r["chars"] >= 400, r["id"]
        assert r["note"] and len(r["note"]) <= 300, r["id"]
        if r["page_answer"] in ("unclear", "not_answered"):
            assert r["correct"] is None, r["id"]
        elif r["expected_answer"]:
            # 'correct' is the page's answer against the established one(s), except where a
            # definition page gives another meaning of the letters (then it is not correct)
            agrees = r["page_answer"] in r["expected_answer"].split("/")
            assert r["correct"] in (agrees, False if r["family"] == "definition" else agrees)


def test_batch_field_marks_the_later_collections(rows):
    """Lines of the first collection carry no ``batch``; later ones say which collection they are,
    and batch 2 has test pages of its own (the fresh pages nobody tuned on)."""
    for r in rows:
        assert "batch" not in r or (isinstance(r["batch"], int) and r["batch"] >= 2), r["id"]
    second = [r for r in rows if r.get("batch") == 2]
    if second:
        assert {r["split"] for r in second} == {"dev", "test"}
        assert len({r["id"] for r in second}) == len(second)


def test_no_reserved_page_in_the_corpus(rows):
    if not (RESERVED / "reserved.py").exists():
        pytest.skip("../shared/reserved is not beside the checkout")
    sys.path.insert(0, str(RESERVED))
    try:
        from reserved import is_reserved
    finally:
        sys.path.remove(str(RESERVED))
    assert [r["url"] for r in rows if is_reserved(r["url"])] == []


# --- the evaluation, on a small corpus of our own text (no cache needed) ---

OWN = {
    "a": (
        "Is lactose intolerance an allergy?\n\nLactose intolerance is not an allergy. "
        "It comes from too little lactase, the enzyme that digests milk sugar.\n"
    ),
    "b": (
        "Is psoriasis an autoimmune disease?\n\nBy Jane Roe, MD. Updated March 3, 2024.\n\n"
        "Yes. Psoriasis is an autoimmune disease in which T cells attack the skin.\n"
    ),
}


def _corpus(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    lines = []
    for i, (key, text) in enumerate(OWN.items()):
        (cache / f"{key}.txt").write_text(text, encoding="utf-8")
        lines.append(
            {
                "id": key,
                "url": f"https://example{i}.org/{key}",
                "question": text.splitlines()[0],
                "family": "allergy" if key == "a" else "autoimmune",
                "source_type": "blog",
                "site": f"example{i}.org",
                "split": "dev" if key == "a" else "test",
                "on_topic": True,
                "page_answer": "no" if key == "a" else "yes",
                "correct": True,
                "has_author": key == "b",
                "has_date": key == "b",
                "cites_sources": False,
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
            }
        )
    labels = tmp_path / "pages.jsonl"
    labels.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return labels, cache


def test_evaluation_reports_splits_groups_stub_and_misses(tmp_path):
    labels, cache = _corpus(tmp_path)
    assert is_real_corpus(labels)
    ev = evaluate_real(labels, cache=cache)
    assert ev.n == 2 and ev.split("dev").pages == 1 and ev.split("test").pages == 1
    assert set(ev.by("family", "dev")) == {"allergy"}
    assert set(ev.by("family", "test")) == {"autoimmune"}
    # the stub answers "no": right on the dev page's answer, wrong on the test page's
    assert ev.baseline["dev"].accuracy("page_answer") == 1.0
    assert ev.baseline["test"].accuracy("page_answer") == 0.0
    # every wrong reading is a miss naming what was read and what was expected
    for m in ev.misses:
        assert {"id", "split", "measure", "expected", "read", "sentence", "question"} <= set(m)
    wrong = sum(
        t.total[m] - t.correct[m] for t in (ev.split("dev"), ev.split("test")) for m in t.total
    )
    assert wrong == len(ev.misses)
    assert ev.to_dict()["splits"]["test"]["pages"] == 1
    assert evaluate_real(labels, cache=cache, split="test").n == 1


def _with_batch(labels, batches: dict[str, int]) -> None:
    lines = [json.loads(x) for x in labels.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if line["id"] in batches:
            line["batch"] = batches[line["id"]]
    labels.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


def test_evaluation_reports_each_batch_apart(tmp_path):
    """A line without ``batch`` is batch 1; the others are tallied under their own batch, per
    split, in the terminal report, the JSON and the benchmark section, so the fresh test pages of a
    later batch can be read apart from the pages the rules were tuned on."""
    import importlib.util

    labels, cache = _corpus(tmp_path)
    _with_batch(labels, {"b": 2})
    ev = evaluate_real(labels, cache=cache)
    assert {v: t.pages for v, t in ev.by("batch", "dev").items()} == {"1": 1}
    assert {v: t.pages for v, t in ev.by("batch", "test").items()} == {"2": 1}
    assert ev.to_dict()["by_batch"]["test"]["2"]["pages"] == 1
    assert "2" not in ev.to_dict()["by_batch"]["dev"]
    # the batch tally is the split's tally when a split holds one batch
    for measure in ("page_answer", "has_author"):
        assert ev.by("batch", "test")["2"].total[measure] == ev.split("test").total[measure]
    assert all(m["batch"] == ("2" if m["id"] == "b" else "1") for m in ev.misses)

    result = CliRunner().invoke(main, ["eval", "pages", str(labels), "--cache", str(cache)])
    assert result.exit_code == 0, result.output
    assert "dev by batch:" in result.output and "test by batch:" in result.output
    after = result.output.split("test by batch:")[1]
    assert after.splitlines()[1].split()[:3] == ["batch", "2", "1"]

    spec = importlib.util.spec_from_file_location(
        "real_pages", ROOT / "benchmarks" / "real_pages.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = module.section(ev, load_real(labels))
    assert "batch 1: 1 pages, batch 2: 1 pages" in text
    assert "| test | 2 (fresh, never tuned on) | 1 |" in text
    assert "| dev | 1 | 1 |" in text


def test_missing_cache_stops_and_names_the_files(tmp_path):
    labels, cache = _corpus(tmp_path)
    (cache / "b.txt").unlink()
    (cache / "a.txt").write_text("changed\n")
    missing, changed = cache_status(load_real(labels), cache)
    assert [r["id"] for r in missing] == ["b"] and [r["id"] for r in changed] == ["a"]
    with pytest.raises(CacheMissing, match=r"1 of 2 page texts missing .*b\.txt"):
        evaluate_real(labels, cache=cache)
    result = CliRunner().invoke(main, ["eval", "pages", str(labels), "--cache", str(cache)])
    assert result.exit_code == 1
    assert "skipped" in result.output and "b.txt" in result.output
    assert "real_cache.py" in result.output


def test_cli_runs_the_real_corpus_format(tmp_path):
    labels, cache = _corpus(tmp_path)
    result = CliRunner().invoke(main, ["eval", "pages", str(labels), "--cache", str(cache)])
    assert result.exit_code == 0, result.output
    assert "2 real pages (dev 1, test 1)" in result.output
    assert "dev by family:" in result.output and "test by source type:" in result.output


# --- the real corpus itself, when its cache is on this machine ---


def test_real_corpus_from_the_cache(rows):
    cache = default_cache()
    missing, changed = cache_status(rows, cache)
    if missing:
        pytest.skip(
            f"real-page cache missing {len(missing)} of {len(rows)} texts in {cache} "
            "(python benchmarks/real_cache.py lists them)"
        )
    assert changed == [], [r["id"] for r in changed]
    ev = evaluate_real(CORPUS, cache=cache)
    assert ev.n == len(rows)
    assert ev.split("dev").pages + ev.split("test").pages == len(rows)


def test_benchmark_and_cache_script_say_what_is_missing(tmp_path, monkeypatch):
    """Without the cache, the `real_pages` benchmark skips with the missing files named, and
    benchmarks/real_cache.py lists them and exits 1 (make bench and make test stay usable)."""
    import importlib.util

    monkeypatch.setenv("HEALTHLENS_REAL_CACHE", str(tmp_path / "no-cache"))
    for name in ("real_pages", "real_cache"):
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if name == "real_pages":
            text = module.run()
            assert text.startswith("Skipped:") and "r001_" in text and "real_cache.py" in text
        else:
            assert module.main(["--urls"]) == 1


@pytest.mark.parametrize("name", ["answer_sentences.jsonl", "answer_sentences_blind.jsonl"])
def test_answer_sentence_labels_are_dev_only_and_well_formed(rows, name):
    # the sentence labels hold offsets and answers, never text, and only for dev pages: a test
    # page's sentences must stay unseen (benchmarks/answer_sentences.py refuses to show one)
    by_id = {r["id"]: r for r in rows}
    seen = set()
    for line in (CORPUS.parent / name).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert rec["id"] in by_id and by_id[rec["id"]]["split"] == "dev", rec["id"]
        assert rec["id"] not in seen, rec["id"]
        seen.add(rec["id"])
        assert set(rec) <= {
            "id",
            "sha256",
            "page_answer",
            "sentences",
            "labeller",
            "doubt",
            "blind",
        }
        for span in rec["sentences"]:
            assert set(span) == {"start", "end", "answer", "candidate"}, rec["id"]
            assert 0 <= span["start"] < span["end"] and span["answer"] in ("yes", "no", "partly")
    assert len(seen) >= 100


def _cache_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "real_cache", ROOT / "benchmarks" / "real_cache.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cache_rebuild_takes_in_only_exact_texts(tmp_path):
    """`real_cache.py --adopt` writes a saved search excerpt into the cache only when its cached
    shape (the excerpt with the final newline the cache added, or cut to the labelled length) has
    the labelled checksum; a copy with one character changed is refused and named."""
    labels, _ = _corpus(tmp_path)
    rows = load_real(labels)
    cache = tmp_path / "rebuilt"
    saved = tmp_path / "saved"
    saved.mkdir()
    a, b = OWN["a"], OWN["b"]
    assert a.endswith("\n") and b.endswith("\n")
    (saved / "1.json").write_text(
        json.dumps(
            [
                {"url": rows[0]["url"], "excerpt": a[:-1]},  # the search drops the cache's newline
                {"url": rows[1]["url"], "excerpt": b[:-2] + "x"},  # one character copied wrong
                {"url": "https://elsewhere.org/", "excerpt": "not in the corpus"},
            ]
        ),
        encoding="utf-8",
    )
    (saved / "2.json").write_text("{broken", encoding="utf-8")
    script = _cache_script()
    assert script.adopt(rows, saved, cache) == (1, 2)
    assert (cache / "a.txt").read_text(encoding="utf-8") == a
    assert not (cache / "b.txt").exists()
    rows[1]["chars"] = len(b)
    (saved / "3.json").write_text(
        json.dumps({"url": rows[1]["url"], "excerpt": b + "more words cut at caching"})
    )
    assert script.adopt(rows, saved, cache) == (1, 2)
    assert (cache / "b.txt").read_text(encoding="utf-8") == b
    assert cache_status(rows, cache) == ([], [])
    (cache / "a.txt").unlink()
    opened = tmp_path / "opened"
    opened.mkdir()
    (opened / "1.json").write_text(json.dumps({"url": rows[0]["url"], "excerpt": "\n\n" + a}))
    assert script.adopt(rows, opened, cache) == (1, 0)  # the answer opened on line breaks
    assert (cache / "a.txt").read_text(encoding="utf-8") == a


def test_cache_worklist_groups_missing_pages_by_question(tmp_path):
    labels, _ = _corpus(tmp_path)
    rows = load_real(labels)
    _cache_script().write_worklist(rows, tmp_path / "work", 2)
    parts = [json.loads((tmp_path / "work" / f"part{i}.json").read_text()) for i in (1, 2)]
    ids = sorted(p["id"] for part in parts for q in part for p in q["pages"])
    assert ids == sorted(r["id"] for r in rows) and all(len(part) == 1 for part in parts)


def test_cache_rebuild_near_copies_only_on_request_and_stay_marked_changed(tmp_path):
    labels, _ = _corpus(tmp_path)
    rows = load_real(labels)
    for row in rows:
        row["chars"] = len(OWN[row["id"]])
    saved = tmp_path / "saved"
    saved.mkdir()
    b = OWN["b"]
    near_copy = b[:-1].replace(
        "Roe", "R\u00a0e"
    )  # a no-break space copied as a letter: one char off
    (saved / "1.json").write_text(json.dumps([{"url": rows[1]["url"], "excerpt": near_copy}]))
    (saved / "2.json").write_text(json.dumps([{"url": rows[0]["url"], "excerpt": "too short"}]))
    cache = tmp_path / "rebuilt"
    script = _cache_script()
    assert script.adopt(rows, saved, cache) == (0, 2)
    assert not (cache / "b.txt").exists()
    assert script.adopt(rows, saved, cache, near=True) == (1, 2)
    missing, changed = cache_status(rows, cache)
    assert [r["id"] for r in missing] == ["a"] and [r["id"] for r in changed] == ["b"]
    assert (cache / "b.txt").read_text(encoding="utf-8") == near_copy + "\n"


def test_skip_missing_reads_the_pages_present_and_says_how_many_were_left_out(tmp_path):
    labels, cache = _corpus(tmp_path)
    (cache / "b.txt").unlink()
    ev = evaluate_real(labels, cache=cache, skip_missing=True)
    assert (ev.n, ev.skipped) == (1, 1)
    assert ev.split("dev").pages == 1 and ev.split("test").pages == 0
    assert ev.to_dict()["skipped_missing"] == 1
    result = CliRunner().invoke(
        main, ["eval", "pages", str(labels), "--cache", str(cache), "--skip-missing"]
    )
    assert result.exit_code == 0, result.output
    assert "1 real pages (dev 1)" in result.output and "1 pages skipped" in result.output
    (cache / "a.txt").unlink()  # nothing left to read: stop, as without the flag
    with pytest.raises(CacheMissing):
        evaluate_real(labels, cache=cache, skip_missing=True)
