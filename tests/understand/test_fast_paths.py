"""The per-page pre-filters (issues 15 and 17) give exactly what the plain path gives.

Each stage that skips work with a cheap test (a scanner instead of ``re``, a combined scan for
trigger words, a sentence skipped that cannot match) is run twice on the same pages: as written,
and with every scanner replaced by plain ``re`` (``PlainScanner``); the results must be equal.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

import pytest

from healthlens.knowledge.normalize import fold
from healthlens.read import read_file, read_text
from healthlens.understand import property_claims
from healthlens.understand.abbreviations import find_definitions
from healthlens.understand.claims import find_claims
from healthlens.understand.expansions import judge_definitions
from healthlens.understand.mentions import link_mentions
from healthlens.understand.sentences import split_sentences
from healthlens.understand.topic import main_condition, title_end, title_is_question

ROOT = Path(__file__).resolve().parents[2]

# sentences that hold the property cues, and near misses, in several shapes
CUE_TEXT = """Is lupus contagious?
Lupus is not contagious. You cannot catch lupus from another person, and it does not spread.
Impetigo is highly contagious and spreads easily from person to person at school.
Hemochromatosis is an inherited disorder; it is inherited in an autosomal recessive pattern.
Acquired hemochromatosis is not inherited. Psoriasis tends to run in families, but it is not genetic.
There is currently no cure for multiple sclerosis. It is a lifelong condition that never goes away.
Most children eventually outgrow FPIES, and it can be cured in some cases.
My neighbour says eczema is contagious, and people ask whether it is catching.
Celiac disease is not curable, whereas strep throat is usually curable and clears up completely.
It can't be passed on. This condition is non-contagious. They can be caught from others.
Family members were given the results; the spread of the cure is genetic testing away from home.
"""


class PlainScanner:
    """The reference: every method of ``fastmatch.Scanner`` as plain ``re`` gives it."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern

    def finditer(self, text, pos=0, within=None):
        return self.pattern.finditer(text, pos)

    def search(self, text, pos=0, within=None):
        return self.pattern.search(text, pos)

    def may_match(self, text):
        return True

    def finditer_sentences(self, text, sentences):
        for s in sentences:
            for m in self.pattern.finditer(s.text):
                yield s, m

    def matching(self, text, sentences, ordered=None):
        return {id(s) for s in sentences if self.pattern.search(s.text)}


def _pages(kb) -> list:
    pages = [read_text(CUE_TEXT, "cues.txt")]
    pages += [read_file(str(p)) for p in sorted((ROOT / "examples").glob("*.*"))]
    labelled = ROOT / "benchmarks" / "data" / "pages"
    pages += [read_file(str(p)) for p in sorted(labelled.glob("*.*")) if p.suffix != ".jsonl"]
    return [p for p in pages if p.error is None and p.text]


def _understood(page, kb):
    sentences = split_sentences(page.text)
    abbreviations = judge_definitions(find_definitions(sentences, page.text), kb)
    mentions = link_mentions(page.text, sentences, abbreviations, kb, fold(page.text))
    end, is_q = title_end(page), title_is_question(page)
    page.sentences, page.mentions = sentences, mentions
    claims = find_claims(sentences, mentions, kb, main_condition(mentions, end, is_q), page.text)
    return sentences, mentions, main_condition(mentions, end, is_q, claims)


def _claims(page, kb):
    sentences, mentions, main = _understood(page, kb)
    return [
        (c.sentence, c.start, c.end, c.concept_id, c.predicate, c.polarity, c.hedged, c.basis)
        for c in property_claims.find_property_claims(sentences, mentions, main, page.text)
    ]


def test_property_claims_are_those_of_the_plain_path(kb, monkeypatch):
    pages = _pages(kb)
    fast = [_claims(p, kb) for p in pages]
    assert any(fast), "the pages must hold property claims for this test to mean anything"
    monkeypatch.setattr(property_claims, "scanner", PlainScanner)
    property_claims._cues.cache_clear()  # every sentence's cues found again, with plain re
    plain = [_claims(p, kb) for p in pages]
    assert fast == plain


@pytest.mark.parametrize("line", CUE_TEXT.splitlines())
def test_property_cues_found_by_the_scanner_are_those_of_re(line):
    from healthlens.fastmatch import scanner

    want = [(m.span(), m.lastgroup) for m in property_claims._ALL.finditer(line)]
    got = [(m.span(), m.lastgroup) for m in scanner(property_claims._ALL).finditer(line)]
    assert got == want


DATE_LINES = """Is celiac disease autoimmune?
Published: March 3, 2021
updated
By Jane Doe | Last reviewed 2020-01-02
ReviewedDate is not a cue, nor is dated or updatedness
\tDATE:\u00a012/01/2019
the date
Posted\r
last  reviewed
PUBLISHED"""


def _date_texts(kb) -> list[str]:
    texts = [DATE_LINES, DATE_LINES * 3, "\n\n" + DATE_LINES + "\n", "date", "", "\n"]
    texts += [p.text for p in _pages(kb)]
    return texts


def test_date_cue_lines_from_one_scan_are_each_lines_own(kb):
    from healthlens.check.credibility import _DATE_CUE, _cue_lines

    for text in _date_texts(kb):
        want = [i for i, line in enumerate(text.split("\n")) if _DATE_CUE.search(line)]
        assert _cue_lines(text) == want


def test_text_date_is_that_of_the_line_by_line_reading(kb, monkeypatch):
    from healthlens.check import credibility

    texts = _date_texts(kb)
    texts += ["\n".join(["a line"] * 30 + ["Updated on May 5, 2022"]), "x\n" * 25 + "Date: 2020"]
    fast = [credibility._text_date(t) for t in texts]
    assert any(fast)
    # the reference: every line searched on its own, as before the one-scan reading
    monkeypatch.setattr(
        credibility,
        "_cue_lines",
        lambda text: [
            i for i, line in enumerate(text.split("\n")) if credibility._DATE_CUE.search(line)
        ],
    )
    original = credibility._text_date
    assert [original(t) for t in texts] == fast


@pytest.mark.parametrize(
    "links",
    [
        [],
        ["/cart"],
        ["https://x.org/carts", "/about"],
        ["/shopping", "/stores/1", "a/product\nx"],
        ["/car", "t/x"],
        ["/shop", "s"],
        ["/checkout\n", "/Product_x"],
        ["https://example.com/health/a", "https://example.com/shop-now"],
    ],
)
def test_shop_links_found_in_one_search_are_those_found_link_by_link(links):
    from healthlens.check.credibility import _SHOP_LINK

    assert bool(links and _SHOP_LINK.search("\n".join(links))) == any(
        _SHOP_LINK.search(h) for h in links
    )


CLAIM_TEXT = """Is celiac disease autoimmune? Yes.
Food allergies are immune reactions. Typical examples include peanut allergy and shellfish allergy.
Autoimmune diseases happen when the immune system attacks the body.
Examples include lupus, rheumatoid arthritis and type 1 diabetes.
FPIES is a type of food allergy. It is not autoimmune.
The weather was fine. Nothing here names a property.
Psoriasis is an autoimmune disease, and eczema is not an allergy.
"""


def _claim_tuples(claims):
    return [
        (c.sentence, c.start, c.end, c.concept_id, c.predicate, c.polarity, c.hedged, c.basis)
        for c in claims
    ]


def test_claims_with_the_page_pass_are_those_of_the_sentence_by_sentence_path(kb):
    """With the page's text, sentences holding no keyword of any predicate are skipped; without
    it (the plain path), every sentence goes through every predicate."""
    pages = [read_text(CLAIM_TEXT, "claims.txt"), *_pages(kb)]
    found = 0
    for page in pages:
        sentences = split_sentences(page.text)
        abbreviations = judge_definitions(find_definitions(sentences, page.text), kb)
        mentions = link_mentions(page.text, sentences, abbreviations, kb, fold(page.text))
        main = main_condition(mentions, title_end(page), title_is_question(page))
        fast = _claim_tuples(find_claims(sentences, mentions, kb, main, page.text))
        plain = _claim_tuples(find_claims(sentences, mentions, kb, main, None))
        assert fast == plain, page.input
        found += len(fast)
    assert found, "the pages must hold claims for this test to mean anything"


def test_byline_lead_tried_near_the_cue_is_the_pattern_on_the_whole_line(kb):
    """``_by_lead`` tries ``_BY_LEAD`` only in the last characters before the "by": the answer
    must be the pattern's over the whole line, for every "by" of real pages and of odd lines."""
    import random

    from healthlens.check.credibility import _BY_LEAD, _by_lead

    lines = [
        "Written   \t  by Jane",
        "fact checked by X",
        "Fact-Checked\u00a0 by X",
        "  * by Jane",
        "by Jane",
        "\n- by x",
        "News | by Jane Doe",
        "caused by a virus, reported by Reuters, edited by",
        "ſtory by x",
        "posted" + " " * 40 + "by x",
        "a very long line of prose written by nobody in particular " * 5 + "by x",
    ]
    rng = random.Random(3)
    for _ in range(300):
        lines.append(
            "".join(
                rng.choice(["by", " ", "\t", "written", "Posted ", "|", "•", "-", "*", "x", "\n"])
                for _ in range(rng.randint(1, 30))
            )
        )
    texts = lines + [p.text[:3000] for p in _pages(kb)]
    tried = 0
    for text in texts:
        for i in range(len(text)):
            if text.startswith("by", i):
                start = text.rfind("\n", 0, i) + 1
                want = _BY_LEAD.search(text, start, i) is not None
                assert _by_lead(text, start, i) == want, (text[start : i + 2],)
                tried += 1
    assert tried > 300


OR_TEXT = """Systemic lupus erythematosus, or SLE, is autoimmune. SLE, or systemic lupus erythematosus,
is common. Inflammatory bowel disease,\tor IBD is not. IBD,  or inflammatory bowel disease;
the disorder, or DIS. For more on Crohn disease or CD see below, or not. x,or y, orz.
"""


def test_abbreviation_definitions_with_the_or_prefilter_are_those_without(kb, monkeypatch):
    from healthlens.understand import abbreviations

    def definitions():
        abbreviations._sentence_definitions.cache_clear()  # every sentence read again
        out = []
        for page in [read_text(OR_TEXT, "or.txt"), *_pages(kb)]:
            sentences = split_sentences(page.text)
            out.append([asdict(a) for a in find_definitions(sentences, page.text)])
        return out

    fast = definitions()
    assert any(d["pattern"] == "or" for page in fast for d in page)
    monkeypatch.setattr(abbreviations, "_OR_NEEDS", re.compile(""))  # every sentence tried
    assert definitions() == fast


def test_or_after_tried_before_each_comma_finds_what_re_finds():
    """``_or_after`` tries the pattern only in the characters before each ", or": the matches of
    a scan of the whole text, on random mixes of short forms, commas, "or" and odd characters."""
    import random

    from healthlens.understand.abbreviations import _OR_AFTER, _or_after

    rng = random.Random(17)
    parts = [
        "SLE", "IBD", "CD-4", "x.y", "A&B", "TNF-α", "abcdefghijklmno", "(", ")", "-", "/", ".",
        ", or ", ",  or ", ",\tor\n", ", or the ", ",or ", " or ", ",", " ", "\n", "é", "’",
    ]  # fmt: skip
    n = 0
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(0, 25)))
        want = [(m.span(), m.group(1)) for m in _OR_AFTER.finditer(text)]
        assert [(m.span(), m.group(1)) for m in _or_after(text)] == want, repr(text)
        n += bool(want)
    assert n > 100


def test_cue_after_read_back_from_each_cue_word_finds_what_re_finds():
    """``_cue_after`` tries the pattern only from the earliest start each cue word allows: the
    matches of a scan of the whole text, on random mixes of cue words, lead words, commas,
    white space of every kind, quotes and short forms."""
    import random

    from healthlens.understand.abbreviations import _CUE_AFTER, _CUE_LEAD, _CUE_WORDS, _cue_after

    rng = random.Random(19)
    parts = [
        *_CUE_WORDS, *_CUE_LEAD, "which", "is ", "often", "ally ", " as ", " to ", "the ",
        ",", ", ", " ", "  ", "\t", "\n", "\u00a0", "\u2009", '"', "“", "’", "SLE", "CD-4",
        "x.y", "A&B", "abcdefghijklmnop", "é", "(", ")", ".",
    ]  # fmt: skip
    n = 0
    for _ in range(4000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(0, 25)))
        want = [(m.span(), m.group(1)) for m in _CUE_AFTER.finditer(text)]
        assert [(m.span(), m.group(1)) for m in _cue_after(text)] == want, repr(text)
        n += bool(want)
    assert n > 200


def test_stands_for_and_also_known_tried_back_from_their_words_find_what_re_finds():
    """``_cue_led`` tries _STANDS_FOR and _ALSO_KNOWN only from the earliest start their cue
    words allow: the matches of a scan of the whole text, on random mixes of the cue words, the
    words, brackets, commas, quotes and white space that may come before them, and short forms."""
    import random

    from healthlens.understand.abbreviations import (
        _ALSO_KNOWN,
        _ALSO_LEAD_WORDS,
        _ALSO_NAMES,
        _STANDS_CUES,
        _STANDS_FOR,
        _also_known_back,
        _cue_led,
        _stands_for_back,
    )

    rng = random.Random(29)
    parts = [
        *_STANDS_CUES, *_ALSO_NAMES, *_ALSO_LEAD_WORDS, "which ", "that ", "is ", "this", "th",
        " ", "  ", "\t", "\n", "\u00a0", ",", ", ", ")", "(", '"', "'", "”", "’", "“", "the ",
        "an ", "SLE", "CD-4", "x.y", "A&B", "abcdefghijklmnop", "é", "-", "/", ".", "_",
        *(f"{w} " for w in (*_ALSO_NAMES, *_ALSO_LEAD_WORDS)), ", often called ", ", which is ",
    ]  # fmt: skip
    found = {"stands": 0, "also": 0}
    for _ in range(6000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(0, 25)))
        for name, pattern, cues, back in (
            ("stands", _STANDS_FOR, _STANDS_CUES, _stands_for_back),
            ("also", _ALSO_KNOWN, _ALSO_NAMES, _also_known_back),
        ):
            want = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            got = [(m.span(), m.groups()) for m in _cue_led(pattern, text, cues, back)]
            assert got == want, (name, text)
            found[name] += bool(want)
    assert min(found.values()) > 300, found
    # (_in_sentence reads a sentence for _STANDS_FOR only when it holds "for" or "means"; a lead
    # word read back is the only one that ends there)
    assert all("for" in cue or "means" in cue for cue in _STANDS_CUES)
    assert not [
        (a, b) for a in _ALSO_LEAD_WORDS for b in _ALSO_LEAD_WORDS if a != b and a.endswith(b)
    ]


def _alignment_inputs() -> list[tuple[str, str, int, bool, bool]]:
    """(short, region, max_words, one_word, first_starts) as the readers ask ``_align_region``:
    the short forms and texts of the project's pages and of random word soups, with letters that
    do and do not follow in order, digits, number words, capitals inside words and brackets."""
    import random

    rng = random.Random(23)
    words = [
        "acute", "lymphoblastic", "leukemia", "Human", "Phenotype", "Ontology", "the", "of",
        "and", "National", "Institute", "Neurological", "Disorders", "Stroke", "two", "type",
        "II", "factor", "VIII", "oestradiol", "haemoglobin", "NH(2)", "-", "(", ")", ",",
        "beta-2", "microglobulin", "pH", "DNA", "x", "17", "non-A", "mRNA", "Ca2+", "é",
    ]  # fmt: skip
    shorts = [
        "ALL", "HPO", "NINDS", "b2M", "E2", "Hb", "F8A", "2D", "T3", "pH", "PPIs", "rate",
        "cells", "IL-6", "CYCB2", "NANB", "MS", "X", "DRM", "TNF-α", "OT", "pax6",
    ]  # fmt: skip
    out = []
    for _ in range(3000):
        short = rng.choice(shorts)
        region = [rng.choice(words) for _ in range(rng.randrange(1, 10))]
        if rng.random() < 0.6:  # words led by the short form's letters, in order, some swapped
            spelled = [
                (c.upper() if rng.random() < 0.4 else c) + rng.choice(["ardic", "ine", "o", ""])
                for c in short
                if c.isalnum()
            ]
            if rng.random() < 0.2:
                rng.shuffle(spelled)
            region += [w for c in spelled for w in (c, rng.choice(words))][: rng.randrange(1, 14)]
        out.append(
            (
                short,
                " ".join(region),
                rng.randrange(1, 12),
                rng.random() < 0.2,
                rng.random() < 0.5,
            )
        )
    return out


def test_alignment_skipped_where_the_letters_cannot_follow_is_the_full_programme(monkeypatch):
    """``_align_region`` gives up before the dynamic programme when the letters every alignment
    must match after the first one do not follow it in order (``_may_follow``): the same
    alignments as running the programme everywhere, on random regions and short forms, and the
    early exit does fire."""
    from healthlens.understand import abbreviations

    inputs = _alignment_inputs()
    fast = [abbreviations._align_region(*x[:3], one_word=x[3], first_starts=x[4]) for x in inputs]
    assert sum(a is not None for a in fast) > 600
    assert any(
        not abbreviations._may_follow(x[1].lower(), 0, *abbreviations._short_letters(x[0])[::2])
        for x in inputs
    )
    monkeypatch.setattr(abbreviations, "_may_follow", lambda *a: True)
    plain = [abbreviations._align_region(*x[:3], one_word=x[3], first_starts=x[4]) for x in inputs]
    assert fast == plain


def test_best_start_reads_the_first_letters_of_each_word_as_the_plain_loop(monkeypatch):
    """``_best_start`` looks only at the first letter's positions inside each word (a slice of
    the sorted positions): the same best start as trying every position against every word."""
    from healthlens.understand import abbreviations

    def plain(tokens, base, text, content, init, firsts, tail, one_word):
        found = None
        closing = ")" in text or "]" in text
        for k in range(len(tokens) - 1, -1 if not one_word else len(tokens) - 2, -1):
            word = tokens[k].group().strip("()[]\"'“”‘’").lower()
            if not content[k] or word in abbreviations._STOP_WORDS:
                continue
            ts, te = tokens[k].start() - base, tokens[k].end() - base
            if closing and abbreviations._closes_early(text[ts:]):
                continue
            for p in firsts:
                if ts <= p < te and init[p]:
                    rest = tail(0, p)
                    initial = abbreviations._INITIAL
                    if rest is not None and (
                        found is None
                        or initial + rest[0] > found[0]
                        or (initial + rest[0] == found[0] and found[1] == k)
                    ):
                        found = (initial + rest[0], k, p, (p, *rest[1]))
        return found

    inputs = _alignment_inputs()
    fast = [abbreviations._align_region(*x[:3], one_word=x[3], first_starts=x[4]) for x in inputs]
    monkeypatch.setattr(abbreviations, "_best_start", plain)
    assert fast == [
        abbreviations._align_region(*x[:3], one_word=x[3], first_starts=x[4]) for x in inputs
    ]


def _plain_alignment(short, region, max_words, one_word=False, first_starts=False):
    """``_align_region`` as first written: every character's initial flag from one regex pass
    over the text, the word of every character in a list, and the programme's table over every
    place of every later letter."""
    from bisect import bisect_right

    from healthlens.understand import abbreviations as ab

    chars, plural, optional_from = ab._short_letters(short)
    if not chars:
        return None
    tokens = list(ab._WORD.finditer(region, ab._last_words_start(region, max_words)))
    if not tokens:
        return None
    base = tokens[0].start()
    text = region[base:]
    low = ab._lower(text)
    if not first_starts and not ab._may_start(text, low, chars[0]):
        return None
    init = [False] * len(text)
    for m in ab._INITIAL_CHAR.finditer(text):
        init[m.start()] = True
    for m in ab._DIGRAPH.finditer(low):
        if init[m.start()]:
            init[m.start() + 1] = True
    positions = {c: ab.find_all(low, c) if len(c) == 1 else [] for c in set(chars)}
    for c, ps in positions.items():
        if len(ps) > ab._MAX_INNER:
            positions[c] = sorted({p for p in ps if init[p]} | set(ps[-ab._MAX_INNER :]))
    for c in set(chars) & ab._NUMBER_WORDS.keys():
        extra = [m.start() for m in ab._NUMBER_WORDS[c].finditer(low)]
        extra += [m.start() for m in ab._ROMAN[c].finditer(text)]
        positions[c] = sorted(set(positions[c] + extra))
    first = next((p for p in positions[chars[0]] if p < len(init) and init[p]), None)
    if first is None or not ab._may_follow(low, first, chars, optional_from):
        return None
    tok_of = [0] * len(text)
    content, link = [], []
    for k, t in enumerate(tokens):
        a, b = t.start() - base, t.end() - base
        tok_of[a:b] = [k] * (b - a)
        word = t.group().strip("()[],;:.\"'“”‘’").lower()
        link.append(word in ab._LINK_WORDS)
        content.append(not link[-1] and ab._ALNUM.search(word) is not None)
    after = [0] * (len(tokens) + 1)
    for k in range(len(tokens) - 1, -1, -1):
        after[k] = after[k + 1] + content[k]
    n = len(chars)
    gain = {
        p: (ab._LINK_INITIAL if link[tok_of[p]] else ab._INITIAL) if init[p] else 0.0
        for ps in positions.values()
        for p in ps
    }
    best: list[dict] = [{} for _ in range(n)]

    def tail(i, p):
        opt, cost = None, 0.0
        for j in range(i + 1, n + 1):
            if j == n:
                cand = (cost + ab._SKIPPED_WORD * after[tok_of[p] + 1], ())
                if opt is None or cand[0] > opt[0]:
                    opt = cand
                break
            ps = positions[chars[j]]
            for q in ps[bisect_right(ps, p) :]:
                sub = best[j].get(q)
                if sub is None:
                    continue
                if gain[q]:
                    g = gain[q]
                elif tok_of[q] != tok_of[p]:
                    g = ab._INNER_ENTRY
                else:
                    g = ab._NEXT if q == p + 1 and low[p].isalpha() else ab._INNER
                gap = after[tok_of[p] + 1] - after[tok_of[q]] if tok_of[q] > tok_of[p] else 0
                score = cost + g + ab._SKIPPED_WORD * gap + sub[0]
                if opt is None or score > opt[0]:
                    opt = (score, (q, *sub[1]))
            if j < optional_from:
                break
            cost += ab._SKIPPED_DIGIT
        return opt

    for i in range(n - 1, 0, -1):
        for p in positions[chars[i]]:
            best[i][p] = tail(i, p)
    layout = (tok_of, content, link, after)
    found = ab._best_start(tokens, base, text, content, init, positions[chars[0]], tail, one_word)
    if found is None:
        return None
    start = ab._cut_prefix(text, tokens[found[1]].start() - base, found[2])
    return ab._summary(found, start + base, chars, plural, tokens, low, init, layout)


def test_alignment_reading_only_the_short_forms_places_is_the_whole_text_reading():
    """``_align_region`` works out whether a character starts a word (part), and which word it
    is in, only where a letter of the short form stands, and fills the programme's table only
    after the earliest start: the same alignments as flagging every character with the pattern
    and tabulating every place, on the readers' inputs and on text made to test the rules
    (capitals and digits inside words, "oe"/"ae", underscores, non-ASCII digits and letters,
    number words and Roman numerals, long runs of one letter)."""
    import random

    from healthlens.understand import abbreviations

    inputs = _alignment_inputs()
    rng = random.Random(31)
    pieces = [
        "oestradiol", "haemoglobin", "Oe", "AE", "aE", "x_ray", "_a", "a_", "٣", "²", "½", "İ",
        "é", "Ébola", "éAx", "ñXa", "ÀÉ", "camelCase", "IL6R", "6R", "r2d2", "two", "II", "VIII", "seven", "IX",
        "e", "o", "ae", "E", "-", "/", "(", ")", "'", " ", "  ", "\t", "the", "of", "and",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a a a a a a a a a a a a",
    ]  # fmt: skip
    shorts = ["E2", "Hb", "AE", "OE", "2D", "F8A", "A", "aa", "IL-6R", "X2", "CC", "T7", "R2D2"]
    for _ in range(3000):
        region = "".join(
            rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randrange(1, 16))
        )
        inputs.append(
            (
                rng.choice(shorts),
                region,
                rng.randrange(1, 14),
                rng.random() < 0.2,
                rng.random() < 0.5,
            )
        )
    fast = [abbreviations._align_region(*x[:3], one_word=x[3], first_starts=x[4]) for x in inputs]
    plain = [_plain_alignment(*x[:3], one_word=x[3], first_starts=x[4]) for x in inputs]
    assert sum(a is not None for a in plain[:3000]) > 600
    assert sum(a is not None for a in plain[3000:]) > 300
    assert fast == plain


def test_readers_skipped_without_two_capitals_in_a_word_find_nothing_there(monkeypatch):
    """``_in_sentence`` reads "SF, or long form", "long form, or SF" and "SF, also known as X"
    only when ``_capitals`` finds a word that can hold such a short form (two capitals): the
    same definitions as reading every sentence, on random mixes of those forms' parts with
    capitals near and far apart, in and out of ASCII."""
    import random

    from healthlens.understand import abbreviations

    rng = random.Random(37)
    parts = [
        "SLE", "S-LE", "Sx", "sLE", "SysLup", "SystemLupus", "SystemicLup", "ÉLS", "ΣΔ", "S_L", "S/L", "CD4", "S1234567890L", "S12345678901L",
        "systemic", "lupus", "erythematosus", " ", ", or ", ", also known as ", " also called ",
        ", often called ", "or", ",", ".", "the", "Lupus", "\t", "-", "(", ")", "é", "\u00a0",
    ]  # fmt: skip
    skipped = found = 0
    for _ in range(4000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 18)))
        fast = abbreviations._in_sentence(text, True)
        with monkeypatch.context() as m:
            m.setattr(abbreviations, "_capitals", lambda _text: True)
            plain = abbreviations._in_sentence(text, True)
        assert fast == plain, text
        skipped += not abbreviations._capitals(text)
        found += any(d.pattern in ("or", "also_known_as") for d in plain)
    assert skipped > 250 and found > 250, (skipped, found)


def test_a_sentence_repeated_on_a_page_gives_its_definition_at_each_place():
    """A page that repeats a sentence (key points, then the body) has the definition in it
    read at each place, with that place's offsets."""
    text = (
        "Key points: systemic lupus erythematosus (SLE) is an autoimmune disease.\n"
        "More text here.\n"
        "Key points: systemic lupus erythematosus (SLE) is an autoimmune disease."
    )
    found = find_definitions(split_sentences(text), text)
    assert [(a.short, a.long, text[a.start : a.end]) for a in found] == [
        ("SLE", "systemic lupus erythematosus", "SLE")
    ] * 2
    second = text.rindex("SLE")
    assert [a.start for a in found] == [text.index("SLE"), second]
    assert found[1].long_start == text.rindex("systemic")


def test_long_forms_after_a_short_form_skipped_by_the_first_word_are_those_read(monkeypatch):
    """``_long_after`` reads no run of words whose first word the short form's first letter does
    not start (``_may_lead``): the same long forms as aligning every run, on random word runs
    after short forms (letters that do and do not lead, digits and number words, leading
    spaces and brackets, whole-bracket reads)."""
    import random

    from healthlens.understand import abbreviations

    rng = random.Random(41)
    words = [
        "magnetic", "resonance", "imaging", "Magnetic", "computed", "tomography", "scan", "two",
        "dimensional", "type", "II", "(", ")", "of", "the", "-", ",", ".", "beta-2", "oestrogen",
        "x", "MRI", "cat", "non-Hodgkin", "lymphoma", "interleukin", "6", "é", "Élan",
    ]  # fmt: skip
    spelled = {
        "MRI": "magnetic resonance imaging", "CT": "computed tomography", "2D": "two dimensional",
        "IL-6": "interleukin 6", "NHL": "non-Hodgkin lymphoma", "OE": "oestrogen", "cat": "cat",
        "T2": "type II", "E": "Élan", "X-ray": "x ray", "bpm": "beats per minute",
    }  # fmt: skip
    shorts = list(spelled)
    found = skipped = 0
    for _ in range(4000):
        short = rng.choice(shorts)
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 9)))
        if rng.random() < 0.5:  # the long form first, then more words
            text = f"{spelled[short]} {text}"
        if rng.random() < 0.2:
            text = " " + text
        whole = rng.random() < 0.3
        end = len(text) - rng.randrange(0, 3)
        fast = abbreviations._long_after(text, 0, end, short, whole=whole)
        with monkeypatch.context() as m:
            m.setattr(abbreviations, "_may_lead", lambda *a: True)
            plain = abbreviations._long_after(text, 0, end, short, whole=whole)
        assert fast == plain, (short, text, whole)
        found += plain is not None
        skipped += not abbreviations._may_lead(text, 0, end, short)
    assert found > 300 and skipped > 1000, (found, skipped)


def test_readers_skipped_without_a_comma_or_equals_sign_cannot_match():
    """``_in_sentence`` reads "SF, or long form" and "long form, or SF" only in a sentence with a
    comma, and "SF = long form" only with an equals sign; ``_uncue`` takes a trailing "for
    short" off only bracket text that holds the words: each pattern holds that text, so no text
    without it has a match (random mixes of the patterns' parts)."""
    import random

    from healthlens.understand.abbreviations import _EQUALS, _FOR_SHORT, _OR_AFTER, _OR_BEFORE

    rng = random.Random(29)
    parts = [
        "SLE", "CD-4", "or", " or ", "the", " ", "\t", "=", " = ", ",", ", or ", ".", ")",
        "for short", "x.y", "A&B", "lupus", "\n", ";",
    ]  # fmt: skip
    hits = {"comma": 0, "equals": 0, "for short": 0}
    for _ in range(4000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(0, 20)))
        if _FOR_SHORT.search(text):
            assert "for short" in text, repr(text)
            hits["for short"] += 1
        for pattern in (_OR_AFTER, _OR_BEFORE):
            if pattern.search(text):
                assert "," in text, repr(text)
                hits["comma"] += 1
        if _EQUALS.search(text):
            assert "=" in text, repr(text)
            hits["equals"] += 1
    assert hits["comma"] > 100 and hits["equals"] > 100 and hits["for short"] > 50


ASSERTION_TEXTS = [
    # names the condition, and its letters in either case and plural
    "Is celiac disease autoimmune?\nCeliac disease (CD) is an autoimmune disorder. It is not "
    "contagious, and it runs in families.\nMany readers ask whether cd is an allergy; CDs of the "
    "disease say it is not curable.\nLupus is autoimmune too. Hay fever is an allergy.\n",
    # names it only by letters no mention holds
    "Gut health\nWhat is CD? CD is an autoimmune disorder that runs in families. It is not "
    "contagious, and it cannot be cured.\n",
    # names none of the asked conditions
    "Music\nA player is a device. Hay fever is an allergy that spreads to nobody.\n",
]


def test_assertions_skipped_on_pages_naming_no_target_are_the_full_reading(kb, monkeypatch):
    """``read_assertions`` returns nothing at once on a page that names no target, claims
    nothing of one and writes none of the question's letters (``_may_name_target``): the same
    assertions as reading every sentence, for every property and several asked conditions, on
    pages that name them (by name, by letters no mention holds, by a mention whose text is the
    letters in another case) and pages that do not, and the shortcut does fire."""
    import healthlens.pipeline  # noqa: F401  (binds healthlens.check before its submodules)
    from healthlens.check import question_targets
    from healthlens.models import Claim, Mention
    from healthlens.pipeline import analyze_page
    from healthlens.question import parse_question
    from healthlens.understand import assertions
    from healthlens.understand.assertions import PROPERTIES_FOR, read_assertions
    from healthlens.understand.for_question import question_letters

    questions = [
        "Is celiac disease an autoimmune disease?",
        "Is CD an autoimmune disease?",
        "Is lupus an autoimmune disease?",
        "Is psoriasis an autoimmune disease?",
        "Is hay fever an allergy?",
        "Is IBD an autoimmune disease?",
    ]
    texts = [read_text(t, f"assertions-{i}.txt") for i, t in enumerate(ASSERTION_TEXTS)]
    pages = [*texts, *_pages(kb)]
    odd = read_text(
        "Gut health\nCed is an autoimmune disorder.\nThe immune system attacks the gut.\n",
        "ced.txt",
    )
    odd_q = parse_question("Is celiac disease an autoimmune disease?", kb)

    def readings():
        out, skipped = [], 0
        for text in questions:
            q = parse_question(text, kb)
            letters = question_letters(q, kb)
            for page in pages:
                analyze_page(page, q, kb)
                targets = question_targets(page, q, letters)
                skipped += not assertions._may_name_target(page, targets, letters)
                for predicate in PROPERTIES_FOR:
                    found = read_assertions(page, targets, predicate, frozenset(), letters)
                    out.append([asdict(a) for a in found])
        # and hand-made pages that name the target one way only: a mention whose text is the
        # letters in lower case, of another condition (the letters reading makes it the asked
        # one's); the main condition alone; a claim alone
        analyze_page(odd, odd_q, kb)
        at = odd.text.index("Ced")
        here = next(x.index for x in odd.sentences if x.start <= at < x.end)
        one_way = [
            ([Mention(at, at + 3, "Ced", "lupus", here, "name")], [], None),
            ([], [], "celiac_disease"),
            ([], [Claim(here, at, at + 3, "celiac_disease", "autoimmune", "affirm", False)], None),
        ]
        for odd.mentions, odd.claims, odd.main_condition in one_way:
            found = read_assertions(odd, {"celiac_disease"}, "autoimmune", frozenset(), {"CED"})
            out.append([asdict(a) for a in found])
        odd.mentions = [Mention(at, at + 3, "Ced", "celiac_disease", here, "name")]
        odd.claims, odd.main_condition = [], None
        found = read_assertions(odd, {"celiac_disease"}, "autoimmune")  # (no letters)
        out.append([asdict(a) for a in found])
        return out, skipped

    fast, skipped = readings()
    assert skipped > 10, "the shortcut must fire for this test to mean anything"
    assert sum(map(bool, fast)) > 20, (
        "the pages must hold assertions for this test to mean anything"
    )
    assert all(fast[-4:]), "each one way of naming the target must give an assertion"
    monkeypatch.setattr(assertions, "_may_name_target", lambda *a: True)
    plain, _ = readings()
    assert fast == plain


def test_definitions_judged_with_remembered_similarities_are_those_worked_out_each_time(
    kb, monkeypatch
):
    """``expansions._similarity`` is remembered (long forms and names recur across pages): the
    same judgements as working every similarity out afresh, on the project's pages read twice
    (the second time from what the first remembered)."""
    from healthlens.understand import expansions

    def judged():
        out = []
        for page in _pages(kb) * 2:
            sentences = split_sentences(page.text)
            found = judge_definitions(find_definitions(sentences, page.text), kb)
            out.append([asdict(a) for a in found])
        return out

    expansions._similarity.cache_clear()
    remembered = judged()
    assert expansions._similarity.cache_info().hits > 0
    assert any(a["known_expansion"] for page in remembered for a in page)
    monkeypatch.setattr(expansions, "_similarity", expansions._similarity.__wrapped__)
    assert judged() == remembered


def test_understand_checks_the_order_of_a_pages_sentences_once(kb, monkeypatch):
    """The page-wide scanners of the abbreviation, claim and property readings need the page's
    sentences in order; ``understand`` checks that once and passes it on, and the readings
    are the same as when each checks it itself."""
    from healthlens import fastmatch
    from healthlens import understand as understand_module
    from healthlens.understand import claims

    page = read_text(CUE_TEXT + OR_TEXT, "cues.txt")
    plain = read_text(CUE_TEXT + OR_TEXT, "cues.txt")
    understand_module.understand(plain, kb)
    calls = []
    in_order = fastmatch.in_order

    def counted(sentences):
        calls.append(1)
        return in_order(sentences)

    for module in (fastmatch, claims, understand_module):
        monkeypatch.setattr(module, "in_order", counted, raising=False)
    understand_module.understand(page, kb)
    assert len(calls) == 1
    assert (page.abbreviations, page.mentions, page.claims, page.main_condition) == (
        plain.abbreviations,
        plain.mentions,
        plain.claims,
        plain.main_condition,
    )
    assert page.claims and page.abbreviations


def test_a_sentences_property_cues_are_looked_for_once_across_pages(kb, monkeypatch):
    """A sentence that recurs on a site's pages has its property cues looked for once; each
    page's claim from it stands at that page's own offsets."""
    remembered = getattr(property_claims, "_cues", None)
    if remembered is not None:
        remembered.cache_clear()
    shared = "Lupus is not contagious, and it is not curable."
    first = read_text(f"About lupus.\n{shared}\n", "first.txt")
    second = read_text(
        f"Lupus, a longer opening.\nMore about lupus here.\n\n{shared}", "second.txt"
    )
    looked, real = [], property_claims.scanner

    def counted(pattern):
        looked.append(pattern is property_claims._ALL)
        return real(pattern)

    monkeypatch.setattr(property_claims, "scanner", counted)
    for page in (first, second):
        got = [(page.text[c[1] : c[2]], c[4], c[5]) for c in _claims(page, kb)]
        assert got == [("Lupus", "contagious", "deny"), ("Lupus", "curable", "deny")], got
    assert looked.count(True) == 1


def test_condition_head_searched_at_the_end_finds_what_re_finds():
    """``ends_in_condition_head`` searches ``CONDITION_HEAD`` only in a phrase's last characters:
    the same answer as searching the whole phrase, on random phrases of heads in any case, with
    a plural "s", a final newline, and letters that re.IGNORECASE reads as ASCII ones."""
    import random

    from healthlens.understand.expansions import _HEADS, CONDITION_HEAD, ends_in_condition_head

    rng = random.Random(41)
    parts = [
        *_HEADS,
        "INTOLERANCE",
        "Allergies",
        "s",
        "S",
        " ",
        "\n",
        "x",
        "ſ",
        "İ",
        "ı",
        "K",
        "é",
        "-",
    ]
    hits = 0
    for _ in range(5000):
        phrase = "".join(rng.choice(parts) for _ in range(rng.randrange(0, 8)))
        want = CONDITION_HEAD.search(phrase) is not None
        assert ends_in_condition_head(phrase) == want, repr(phrase)
        hits += want
    assert hits > 1000
    assert ends_in_condition_head("x" * 40 + "intolerances\n")


def test_question_form_skips_the_pattern_only_where_it_cannot_match():
    """``_question_form`` tries ``_QUESTION_START`` only on sentences that do not open on an ASCII
    word character no question word starts with: the same answer as trying it on every
    sentence, on random sentences opening on question words in any case, other words, digits,
    punctuation and letters that re.IGNORECASE reads as ASCII ones."""
    import random

    from healthlens.understand.claims import _QUESTION_START, _question_form

    rng = random.Random(43)
    parts = [
        "Is", "is", "IS", "Are", "can", "Could", "does", "Do", "should", "will", "Would", "has",
        "Have", "was", "WERE", "It", "This", "Lupus", "Hives", "Did", "Canada", "Isn't", "7",
        "_", " ", "?", "¿", "\"", "(", "-", "İs", "ıs", "ſhould", "é", "\n", " it", " contagious",
    ]  # fmt: skip
    asked = 0
    for _ in range(6000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(0, 6)))
        want = text.rstrip().endswith("?") or bool(_QUESTION_START.match(text))
        assert _question_form(text) == want, repr(text)
        asked += want
    assert asked > 1000


@pytest.mark.parametrize(
    "text, weighed",
    [
        ("Lupus and eczema.\nLupus affects the joints. Lupus can flare. Eczema itches.", False),
        (
            "Eczema and lupus.\nEczema itches. Lupus is an autoimmune disease. Lupus can flare.",
            True,
        ),
    ],
)
def test_main_condition_read_again_only_when_a_claim_weighs_in(kb, monkeypatch, text, weighed):
    """``understand`` reads the main condition before the claims and again with them; the second
    reading is made only when a claim of a weighted kind can change it, and the page's main
    condition is what the second reading gives."""
    from healthlens import understand as understand_module
    from healthlens.understand import topic

    calls, real = [], topic.main_condition

    def counted(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(understand_module, "main_condition", counted)
    page = read_text(text, "page.txt")
    understand_module.understand(page, kb)
    end, is_q = title_end(page), title_is_question(page)
    find_claims_only = [
        c for c in page.claims if c.predicate not in ("contagious", "inherited", "curable")
    ]
    assert page.main_condition == real(page.mentions, end, is_q, find_claims_only)
    assert len(calls) == (2 if weighed else 1)
    assert any(c.basis in topic.WEIGHTED_BASES for c in find_claims_only) == weighed
