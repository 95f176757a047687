"""Hostile inputs: each case gets a clear error or a correct report, never a traceback or a hang.

Sizes here are kept small enough for the suite; ``benchmarks/run.py hostile`` times the same
builders from 10 KB to 5 MB. CLI cases run in a subprocess with a timeout, so a hang fails the
test instead of stopping the suite (the timeouts are generous: they catch hangs, not speed).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from healthlens import Deadline, check, check_pages
from healthlens.limits import (
    MAX_HTML_DEPTH,
    MAX_PAGE_BYTES,
    MAX_SENTENCE_CHARS,
    DeadlineExceeded,
    checkpoint,
    deadline_scope,
)
from healthlens.pipeline import analyze_page
from healthlens.read import read_bytes, read_file, read_paths
from healthlens.read.decode import looks_binary

from . import inputs

CLI = [sys.executable, "-m", "healthlens.cli"]
HANG = 120  # seconds: far beyond any of these cases (a hang, not a slow run, fails)


def _cli(*args: str, timeout: float = HANG) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


def _no_traceback(r: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr[-2000:]


def _page(text: str, kb, question=None):
    page = read_bytes(text.encode("utf-8"), "hostile.txt")
    assert page.error is None, page.error
    return analyze_page(page, question, kb)


def _offsets_hold(page) -> None:
    """Every annotation's offsets point into the page's text at what it quotes."""
    for s in page.sentences:
        assert page.text[s.start : s.end] == s.text
    for m in page.mentions:
        assert page.text[m.start : m.end] == m.text
    for c in page.claims:
        assert 0 <= c.start < c.end <= len(page.text)
    for f in page.findings:
        if f.start is not None:
            assert 0 <= f.start < f.end <= len(page.text)


# --- the issue's critical case: a long run without sentence ends, full of claims ------------


def test_the_issue_run_through_the_cli_ends_with_a_report(tmp_path):
    """`python3 -c 'print("Lupus is autoimmune "*10000)' > s.txt; healthlens check s.txt` took
    152 s; it is one sentence of 200 KB, now cut into sentences of at most the cap."""
    f = tmp_path / "s.txt"
    f.write_text("Lupus is autoimmune " * 10000 + "\n")
    r = _cli("check", str(f), "--format", "json", timeout=HANG)
    _no_traceback(r)
    assert r.returncode == 0
    [page] = json.loads(r.stdout)["pages"]
    assert page["error"] is None
    assert page["main_condition"]["id"] == "systemic_lupus_erythematosus"
    assert any(c["polarity"] == "affirm" and c["basis"] == "copula" for c in page["claims"])


@pytest.mark.parametrize(
    "build", [inputs.claim_run, inputs.claim_mix, inputs.claim_random, inputs.names]
)
def test_claim_dense_text_is_cut_at_the_sentence_cap_and_read(build, kb):
    page = _page(build(60_000), kb)
    assert len(page.sentences) >= 60_000 // MAX_SENTENCE_CHARS
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in page.sentences)
    assert page.mentions  # the names are all still found
    _offsets_hold(page)


def test_an_over_long_sentence_is_cut_at_a_space_and_loses_no_text(kb):
    text = "Lupus is autoimmune " * 500  # 10,000 characters, no sentence end
    page = _page(text, kb)
    pieces = [s.text for s in page.sentences]
    assert " ".join(pieces) == text.strip()
    assert all(p.endswith("autoimmune") for p in pieces[:-1])  # cut between words


def test_a_cut_sentence_keeps_its_claims_on_both_sides_of_the_cut(kb):
    page = _page("Lupus is autoimmune " * 500, kb)
    said = {c.sentence for c in page.claims}
    assert said == {s.index for s in page.sentences}  # every piece makes its own claim


def test_ordinary_sentences_are_not_cut(kb):
    text = "Lupus is an autoimmune disease in which the immune system attacks the body. " * 3
    page = _page(text, kb)
    assert [s.text for s in page.sentences] == [text.split(". ")[0] + "."] * 3


# --- other stages ------------------------------------------------------------------------------


def test_a_bracket_in_every_word_is_read(kb):
    page = _page(inputs.brackets(40_000), kb)
    assert page.sentences and page.mentions
    _offsets_hold(page)


def test_thousands_of_page_abbreviations_are_read(kb):
    page = _page(inputs.page_abbreviations(60_000), kb)
    assert len(page.abbreviations) > 500
    _offsets_hold(page)


def test_a_long_run_of_spaces_before_a_bullet(kb):
    page = _page(inputs.spaces(60_000), kb)
    assert page.sentences[0].text.startswith("Lupus is autoimmune")


def test_a_sentence_on_every_line(kb):
    page = _page(inputs.short_lines(30_000), kb)
    assert len(page.sentences) == 5_000


def test_many_hedges_and_one_flat_statement(kb):
    page = _page(inputs.hedges(120_000), kb)
    assert len(page.claims) > 3_000
    [hedge] = [f for f in page.findings if f.kind == "hedge_as_fact"]
    assert hedge.sentence == "Fibromyalgia is autoimmune."  # the flat one, after all the hedges


def test_study_endings_without_spaces(kb):
    page = _page(inputs.studies(100_000), kb)
    assert page.error is None and page.credibility is not None


# --- text hygiene --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "hidden",
    ["\u200b", "\u00ad", "\u200d", "\u200c", "\ufeff", "\u200e", "\u202e", "\u2060", "\x00"],
    ids=["zwsp", "soft-hyphen", "zwj", "zwnj", "bom", "lrm", "rlo", "word-joiner", "nul"],
)
def test_an_invisible_character_inside_a_name_does_not_hide_the_claim(hidden, kb):
    text = f"Lupus facts\nLu{hidden}pus is not an autoimmune disease.\n"
    page = _page(text, kb)
    [finding] = [f for f in page.findings if f.kind == "contradicts_knowledge"]
    assert page.text == text.strip("\n")  # the page as read, offsets into it
    assert page.text[finding.start : finding.end] == f"Lu{hidden}pus is not an autoimmune disease."
    assert finding.sentence == page.text[finding.start : finding.end]
    [claim] = page.claims
    assert page.text[claim.start : claim.end] == f"Lu{hidden}pus"
    _offsets_hold(page)


def test_pages_without_invisible_characters_are_untouched(kb):
    text = "Lupus facts\nLupus is not an autoimmune disease.\n"
    page = _page(text, kb)
    assert page.claims[0].start == text.index("Lupus is")


def test_a_nul_is_a_character_not_proof_of_a_binary_file(kb):
    data = b"Lupus facts\nLupus is\x00 not an autoimmune disease.\n" + b"More text. " * 50
    assert not looks_binary(data)
    page = analyze_page(read_bytes(data, "nul.txt"), None, kb)
    assert page.error is None
    assert any(f.kind == "contradicts_knowledge" for f in page.findings)


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n" + bytes(200), bytes(range(32)) * 20, b"\x7fELF" + bytes(300)]
)
def test_binary_files_are_still_refused(data):
    page = read_bytes(data, "x.bin")
    assert page.error is not None and page.error.kind == "unreadable"
    assert "binary" in page.error.message


def test_utf16_with_an_odd_byte_count_is_a_decode_error(tmp_path):
    f = tmp_path / "odd.txt"
    f.write_bytes(b"\xff\xfe" + "Lupus is autoimmune".encode("utf-16-le") + b"\x00")
    page = read_file(f)
    assert page.error is not None and page.error.kind == "decode"
    assert str(f) in page.error.message and "UTF-16" in page.error.message
    r = _cli("check", str(f), "--format", "json")
    _no_traceback(r)
    assert json.loads(r.stdout)["pages"][0]["error"]["kind"] == "decode"


def test_valid_utf16_is_still_read(tmp_path):
    f = tmp_path / "ok.txt"
    f.write_bytes("Lupus facts\nLupus is not autoimmune.".encode("utf-16"))  # with its BOM
    page = read_file(f)
    assert page.error is None and page.title == "Lupus facts"


# --- deep and wide HTML ------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [254, 255, 300, 1_000])
def test_text_nested_deeper_than_255_elements_is_read(depth, kb):
    page = read_bytes(inputs.deep_html(depth).encode(), "deep.html", hint="html")
    assert page.error is None
    assert "Lupus is not an autoimmune disease." in page.text
    assert "After the nesting." in page.text  # libxml2 dropped the rest of the page too
    analyze_page(page, None, kb)
    assert any(f.kind == "contradicts_knowledge" for f in page.findings)


def test_html_nested_past_the_reader_limit_is_refused_saying_so():
    page = read_bytes(inputs.deep_html(MAX_HTML_DEPTH + 100).encode(), "deep.html", hint="html")
    assert page.error is not None and page.error.kind == "parse"
    assert "nested" in page.error.message and "deep.html" in page.error.message


def test_a_page_of_links_is_read(kb):
    page = read_bytes(inputs.many_links(100_000).encode(), "links.html", hint="html")
    assert page.error is None and len(page.links) == 1
    analyze_page(page, None, kb)


# --- files: size before allocation, special files, unreadable directories -----------------------


def test_a_sparse_1_gb_file_is_refused_from_its_size_without_reading_it(tmp_path):
    f = tmp_path / "sparse.txt"
    with open(f, "wb") as out:
        out.truncate(1 << 30)  # 1 GB, no disk used
    # the peak of this process's own memory (VmHWM: ru_maxrss would carry over the parent's)
    code = (
        "import re; from healthlens.read import read_file; "
        f"p = read_file({str(f)!r}); "
        "hwm = re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()); "
        "print(p.error.kind, int(hwm.group(1)) // 1024 if hwm else 0)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=HANG, env=env
    )
    kind, peak_mib = r.stdout.split()
    assert kind == "too_large"
    assert int(peak_mib) < 300  # the reader's own footprint, not the file's


def test_a_file_over_the_cap_is_too_large_and_names_the_cap(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"a" * (MAX_PAGE_BYTES + 1))
    page = read_file(f)
    assert page.error.kind == "too_large" and f"{MAX_PAGE_BYTES:,}" in page.error.message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_unread():
    page = read_file("/dev/zero")
    assert page.error.kind == "unreadable" and "device" in page.error.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_a_directory_is_an_error_row_and_the_rest_is_checked(tmp_path, seeds):
    (tmp_path / "a.txt").write_text(Path(seeds[0]).read_text())
    os.mkfifo(tmp_path / "b.fifo")
    (tmp_path / "c.txt").write_text("Lupus facts\nLupus is not an autoimmune disease.\n")
    r = _cli("check", str(tmp_path), "--format", "json", timeout=HANG)
    _no_traceback(r)
    pages = json.loads(r.stdout)["pages"]
    assert [Path(p["input"]).name for p in pages] == ["a.txt", "b.fifo", "c.txt"]
    assert pages[1]["error"]["kind"] == "unreadable" and "FIFO" in pages[1]["error"]["message"]
    assert pages[0]["error"] is None and pages[2]["findings"]


def test_an_unreadable_subdirectory_is_reported_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Lupus facts\nLupus is autoimmune.\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("Lupus facts\nLupus is autoimmune.\n")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # root lists anything: refuse it by hand
        scandir = os.scandir

        def refusing(path="."):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return scandir(path)

        monkeypatch.setattr(os, "scandir", refusing)
    locked.chmod(0)
    try:
        pages = read_paths([tmp_path])
    finally:
        locked.chmod(0o755)
    by_name = {Path(p.input).name: p for p in pages}
    assert set(by_name) == {"a.txt", "locked"}
    err = by_name["locked"].error
    assert err.kind == "unreadable" and "cannot list this directory" in err.message


def test_a_broken_link_says_so(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    page = read_file(tmp_path / "gone.txt")
    assert page.error.kind == "not_found" and "link" in page.error.message


# --- the deadline --------------------------------------------------------------------------------


def test_a_deadline_stops_a_long_check_with_the_timeout_kind(tmp_path, kb):
    f = tmp_path / "big.txt"
    f.write_text(inputs.claim_random(1_000_000))
    report = check([f], deadline=0.05)
    [page] = report.pages
    assert page.error is not None and page.error.kind == "timeout"
    assert str(f) in page.error.message
    assert page.findings == [] and page.claims == []


def test_pages_done_before_the_deadline_keep_their_results(kb):
    done = read_bytes(b"Lupus facts\nLupus is not an autoimmune disease.\n", "done.txt")
    later = read_bytes(b"Lupus facts\nLupus is autoimmune.\n", "later.txt")
    deadline = Deadline(60)
    report = check_pages([done], None, kb, deadline=deadline)
    deadline.cancel()  # the client went away
    report2 = check_pages([later], None, kb, deadline=deadline)
    assert report.pages[0].error is None and report.pages[0].findings
    assert (
        report2.pages[0].error.kind == "timeout" and "cancelled" in report2.pages[0].error.message
    )


def test_a_deadline_can_be_cancelled_from_another_thread(kb):
    page = read_bytes(inputs.claim_random(1_000_000).encode(), "big.txt")
    deadline = Deadline(None)
    threading.Timer(0.05, deadline.cancel).start()
    check_pages([page], None, kb, deadline=deadline)
    assert page.error.kind == "timeout"


def test_checkpoint_raises_only_inside_an_expired_scope():
    checkpoint()  # no deadline: nothing happens
    d = Deadline(60)
    with deadline_scope(d):
        checkpoint()
        d.cancel()
        with pytest.raises(DeadlineExceeded):
            checkpoint()
    checkpoint()  # the scope is gone with its block


def test_a_deadline_needs_a_positive_time():
    with pytest.raises(ValueError):
        Deadline(0)


# the whole-page passes poll the deadline inside their loops, not only between stages: a check
# given 1 s on a 5 MB page stops within about 0.1 s of it (benchmarks/run.py hostile)


def _cancelled() -> Deadline:
    d = Deadline(None)
    d.cancel()
    return d


def test_the_name_search_polls_the_deadline(kb):
    text = inputs.names(200_000)
    assert kb.find(text)  # without a deadline: thousands of names
    with deadline_scope(_cancelled()), pytest.raises(DeadlineExceeded):
        kb.find(text)


def test_linking_mentions_polls_the_deadline(kb):
    from healthlens.understand.mentions import link_mentions
    from healthlens.understand.sentences import split_sentences

    text = inputs.names(200_000)
    sentences = split_sentences(text)
    hits = kb.find(text)
    kb_find = kb.find
    try:  # the names are found before the deadline; the linking loop must still stop
        kb.find = lambda *_a, **_k: hits
        with deadline_scope(_cancelled()), pytest.raises(DeadlineExceeded):
            link_mentions(text, sentences, [], kb)
    finally:
        kb.find = kb_find


def test_a_page_scan_for_many_strings_polls_the_deadline():
    import re

    from healthlens.fastmatch import scanner

    text = inputs.claim_random(200_000, seed=3)
    found = scanner(re.compile(r"autoimmun\w*|allerg\w*")).finditer(text)
    assert next(found, None) is not None
    with deadline_scope(_cancelled()), pytest.raises(DeadlineExceeded):
        list(scanner(re.compile(r"(?:immune|linked)-?\w*")).finditer(text))
