"""``fastmatch.Scanner`` must give exactly what ``re`` gives, for every pattern the pipeline uses."""

import itertools
import random
import re
from pathlib import Path

import pytest

from healthlens import fastmatch
from healthlens.check import credibility, unsupported
from healthlens.fastmatch import Scanner, scanner
from healthlens.read import dates, html_main
from healthlens.understand import abbreviations, claims, property_claims, sentences

# Two long alternations of negation and hedge words (once the page's cue lists): patterns of the
# shape the scanner must handle, kept here as test inputs.
NEGATION = re.compile(
    r"\b(not|no|never|neither|nor|without|unlike|rather than|instead of|isn['’]t|aren['’]t|wasn['’]t|"
    r"weren['’]t|doesn['’]t|don['’]t|didn['’]t|cannot|can['’]t|won['’]t|nothing|none|"
    r"lacks?|absence of|ruled out|myth|misconception|false|incorrect(ly)?|mistaken(ly)?)\b",
    re.I,
)
HEDGE = re.compile(
    r"\b(may|might|could|possibl[ey]|perhaps|potential(ly)?|suggests?|suggesting|suggested|appears? to|seems? to|"
    r"(?<!more )(?<!less )likely|unlikely|unclear|uncertain|not known|unknown|debated?|controversial|contested|hypothes[ie]s|theor(y|ies|ize)|"
    r"some (researchers|experts|scientists|doctors|studies)|is thought|are thought|believed?|speculat\w+|"
    r"emerging|preliminary|more research is needed|further research|remains? (unclear|elusive|to be)|"
    r"in some cases|sometimes|proposed|questioned|investigat\w+|explored?|whether)\b",
    re.I,
)

ROOT = Path(__file__).resolve().parents[1]
TWINS = str.maketrans(
    {"s": "ſ", "i": "ı", "I": "İ", "k": "K"}
)  # letters re.IGNORECASE equates with ASCII ones
ODD = [
    "ſ",
    "ı",
    "İ",
    "K",
    "’",
    "\u00a0",
    "٣",
    "É",
    "ß",
    "ﬅ",
    "\n",
    "  - ",
    ". ",
    "(",
    ")",
    "; ",
    ", ",
]


def _project_patterns() -> dict[str, re.Pattern]:
    pats = {}
    for mod in (
        claims,
        abbreviations,
        credibility,
        unsupported,
        dates,
        sentences,
        property_claims,
        html_main,
    ):
        for name, value in vars(mod).items():
            if isinstance(value, re.Pattern):
                pats[f"{mod.__name__.rsplit('.', 1)[-1]}.{name}"] = value
    pats["NEGATION"], pats["HEDGE"] = NEGATION, HEDGE
    for name, value in claims.KEYWORDS.items():
        pats[f"claims.KEYWORDS.{name}"] = value
    for i, (pattern, _order) in enumerate(dates._PATTERNS):
        pats[f"dates.{i}"] = pattern
    for i, (_family, _polarity, pattern) in enumerate(property_claims.FAMILY_CUES):
        pats[f"property_claims.FAMILY_CUES.{i}"] = pattern
    return pats


PATTERNS = _project_patterns()


def _texts(strings: list[str], n: int = 60) -> list[str]:
    """Real page text, and random mixes of the pattern's own strings, odd characters and case flips."""
    rng = random.Random(7)
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))[:4]]
    words = " ".join(pages).split()
    out = pages[:]
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(5, 60)):
            r = rng.random()
            if r < 0.35 and strings:
                lit = rng.choice(strings)
                parts.append(lit.translate(TWINS) if rng.random() < 0.3 else lit)
            elif r < 0.55:
                parts.append(rng.choice(ODD))
            else:
                parts.append(rng.choice(words))
            parts.append(rng.choice([" ", " ", "", ", ", "  ", "\n"]))
        text = "".join(parts)
        if rng.random() < 0.5:
            text = "".join(c.upper() if rng.random() < 0.3 else c for c in text)
        out.append(text)
    return out


def _same(pattern: re.Pattern, s: Scanner, text: str) -> None:
    want = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    got = [(m.span(), m.groups()) for m in s.finditer(text)]
    assert got == want, (pattern.pattern[:60], text[:200])
    pos = len(text) // 3
    w, g = pattern.search(text, pos), s.search(text, pos)
    assert (w and (w.span(), w.groups())) == (g and (g.span(), g.groups()))


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_project_pattern_matches_exactly_as_re(name):
    pattern = PATTERNS[name]
    s = scanner(pattern)
    for text in _texts(sorted(s.strings)):
        _same(pattern, s, text)


SYNTHETIC = [
    (r"\b(not|no|never)\b", re.I),
    (r"(?<!more )likely\b", re.I),
    (r"\bspeculat\w+", re.I),
    (r",?\s*(?:also )?known as\s+(\w+)", 0),
    (r"(?-i:ABC)def", re.I),
    (r"(ab)\1", 0),
    (r"x{2,3}y?z", re.I),
    (r"(?>ab|a)c", 0),
    (r"k\b", re.I),
    (r"\d+% off", re.I),
    (r"[A-C]at|dog", re.I),
    (r"", 0),
]


@pytest.mark.parametrize("source,flags", SYNTHETIC)
def test_synthetic_constructs_match_exactly_as_re(source, flags):
    pattern = re.compile(source, flags)
    s = Scanner(pattern)
    literals = [
        "not",
        "No",
        "NEVER",
        "more likely",
        "likely",
        "speculation",
        "known as X",
        "ABCdef",
        "abcDEF",
        "abab",
        "xxz",
        "XXYZ",
        "abc",
        "ac",
        "K",
        "k",
        "ſ",
        "50% off",
        "Cat",
        "DOG",
    ]
    for text in _texts(literals, 40):
        _same(pattern, s, text)


def test_the_slow_page_patterns_get_a_fast_strategy():
    for pattern in (
        NEGATION,
        HEDGE,
        claims.KEYWORDS["allergy"],
        credibility._CITATION,
        credibility._DISCLAIMER,
    ):
        assert scanner(pattern).strategy == "prefixes", pattern.pattern[:40]
    for pattern in (
        abbreviations._STANDS_FOR,
        abbreviations._CUE_AFTER,
        unsupported.RESEARCH_CLAIM,
    ):
        assert scanner(pattern).strategy in ("prefixes", "factors"), pattern.pattern[:40]


def test_a_text_without_any_factor_is_skipped_and_one_with_a_factor_is_not():
    s = scanner(abbreviations._STANDS_FOR)
    assert s.strategy == "factors"
    assert not s.may_match("Fibromyalgia causes pain across the body.")
    assert s.may_match("FM stands for fibromyalgia.")


def test_sentences_scanned_within_their_page_match_as_each_sentence_alone():
    from healthlens.understand.sentences import split_sentences

    for text in _texts(["not", "may", "allergic", "stands for", "known as"], 30):
        sents = split_sentences(text)
        for pattern in (
            NEGATION,
            HEDGE,
            claims.KEYWORDS["allergy"],
            abbreviations._CUE_AFTER,
        ):
            s = scanner(pattern)
            for sent in sents:
                want = [m.span() for m in pattern.finditer(sent.text)]
                assert [m.span() for m in s.finditer(sent.text, within=(text, sent.start))] == want
            # a text that is not the slice the caller claims is still matched correctly
            assert [m.span() for m in s.finditer("not may allergic", within=(text, 0))] == [
                m.span() for m in pattern.finditer("not may allergic")
            ]


def test_finditer_sentences_gives_each_sentences_own_matchesin_order():
    from healthlens.models import Sentence
    from healthlens.understand.sentences import split_sentences

    for text in _texts(["not", "may", "allergic", "stands for", "known as", "nothing"], 30):
        sents = split_sentences(text)
        for pattern in (
            NEGATION,
            HEDGE,
            claims.KEYWORDS["allergy"],
            abbreviations._CUE_AFTER,
            unsupported.RESEARCH_CLAIM,
        ):
            want = [(s.index, m.span()) for s in sents for m in pattern.finditer(s.text)]
            got = [(s.index, m.span()) for s, m in scanner(pattern).finditer_sentences(text, sents)]
            assert got == want, pattern.pattern[:40]
        # sentences that are not slices of the text, or out of order, still get their own matches
        odd = [Sentence(0, 5, 9, "it is not so"), Sentence(1, 0, 3, "no way")]
        want = [(s.index, m.span()) for s in odd for m in NEGATION.finditer(s.text)]
        assert [
            (s.index, m.span()) for s, m in scanner(NEGATION).finditer_sentences(text, odd)
        ] == want


def test_matching_sentences_read_to_their_first_match_are_those_with_any():
    """``matching`` leaves each sentence at its first match: the sentences it gives are those in
    which the pattern finds anything, for patterns of each strategy (prefixes, factors, plain),
    on sentences with several matches each, and on sentences that are not slices of the text."""
    from healthlens.models import Sentence
    from healthlens.understand.sentences import split_sentences

    patterns = (
        NEGATION,
        HEDGE,
        claims.KEYWORDS["allergy"],
        abbreviations._CUE_AFTER,
        unsupported.RESEARCH_CLAIM,
        re.compile(r"[a-z]+s\b"),  # a factor only
        re.compile(r"\w+\d"),  # no literal at all: plain re
    )
    assert {scanner(p).strategy for p in patterns} >= {"prefixes", "factors", "plain"}
    for text in _texts(["not", "may", "allergic", "stands for", "known as", "nothing"], 30):
        sents = split_sentences(text)
        for pattern in patterns:
            want = {id(s) for s in sents if pattern.search(s.text)}
            assert scanner(pattern).matching(text, sents) == want, pattern.pattern[:40]
        odd = [Sentence(0, 5, 9, "not it is not so"), Sentence(1, 0, 3, "no way, no")]
        assert scanner(NEGATION).matching(text, odd) == {id(s) for s in odd}


def test_literal_led_matches_in_sentences_are_each_sentences_own():
    """``literal_led_in_sentences`` (the question's letters, found once per page) gives what a
    scan of each sentence alone gives: letters inside words, plurals, letters that are prefixes
    of one another, matches at sentence edges, and sentences that are not slices of the page."""
    from healthlens.fastmatch import literal_led_in_sentences
    from healthlens.models import Sentence
    from healthlens.understand.sentences import split_sentences

    rng = random.Random(11)
    for letters in ({"CD"}, {"CD", "CDs", "CeD"}, {"GBS", "GB"}, {"AS"}, {"MS", "M"}):
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(letters))) + r")s?\b")
        for text in _texts([*letters, "CDS", "xCD", "CDx", "-", "ASs"], 40):
            sents = split_sentences(text)
            want = {
                s.index: [m.span() for m in pattern.finditer(s.text)]
                for s in sents
                if pattern.search(s.text)
            }
            got = literal_led_in_sentences(pattern, letters, text, sents)
            assert {k: [m.span() for m in v] for k, v in got.items()} == want
            # sentences cut at random places (a match may end where the sentence does)
            cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, 6)))
            pieces = [
                Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(itertools.pairwise(cuts))
            ]
            want = {
                s.index: [m.span() for m in pattern.finditer(s.text)]
                for s in pieces
                if pattern.search(s.text)
            }
            got = literal_led_in_sentences(pattern, letters, text, pieces)
            assert {k: [m.span() for m in v] for k, v in got.items()} == want
    # not slices, or out of order: read one by one
    odd = [Sentence(0, 5, 9, "CD or CDs"), Sentence(1, 0, 3, "no CD")]
    pattern = re.compile(r"\b(?:CD)s?\b")
    got = literal_led_in_sentences(pattern, {"CD"}, "CD CD CD CD CD", odd)
    assert {k: [m.span() for m in v] for k, v in got.items()} == {
        0: [(0, 2), (6, 9)],
        1: [(3, 5)],
    }


def test_find_any_gives_every_start_of_every_needle_as_find_does():
    """``find_any`` (one regex pass for several literals) gives the offsets ``str.find`` gives for
    each needle, merged: overlapping occurrences, needles that are prefixes of one another or
    overlap themselves, regex metacharacters, and the empty needle. ``contains_any`` says
    whether there are any."""
    from healthlens.fastmatch import contains_any, find_all, find_any

    rng = random.Random(5)
    pieces = ["CD", "CeD", "cd", "C", "D", "a a", "aa", ".", "(", "+", " ", "é", "\n"]
    needle_sets = [
        {"CD"},
        {"CD", "CeD"},
        {"CD", "C", "CDC"},
        {"aa", "a a"},
        {".", "(+"},
        {"é", "CD"},
        {"", "CD"},
        set(),
    ]
    for needles in needle_sets:
        for _ in range(400):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
            plain = sorted({i for n in needles for i in find_all(text, n)})
            assert find_any(text, needles) == plain, (needles, text)
            assert contains_any(text, needles) == any(n in text for n in needles)


def test_sentence_order_is_checked_on_the_list_as_it_is_now():
    """Whether a page's sentences are in order decides how they are scanned: a list that
    changed since the last call (a sentence added or replaced) is judged as it is now."""
    from healthlens.fastmatch import in_order
    from healthlens.models import Sentence

    sents = [Sentence(0, 0, 5, "a b c"), Sentence(1, 6, 9, "d e")]
    assert in_order(sents) and in_order(sents)
    sents.append(Sentence(2, 7, 12, "e f g"))  # starts inside the one before
    assert not in_order(sents)
    sents[2] = Sentence(2, 10, 15, "f g h")
    assert in_order(sents)
    assert not in_order([Sentence(0, 6, 9, "d e"), Sentence(1, 0, 5, "a b c")])


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_page_sized_texts_read_through_the_shared_pass_match_exactly_as_re(name):
    """Texts of a page's size are scanned once for all scanners (``_PAGES``); each scanner
    must still get exactly its pattern's matches, also when pages and their chunks alternate."""
    pattern = PATTERNS[name]
    s = scanner(pattern)
    pages, page = [], ""
    for text in _texts(sorted(s.strings), n=120):
        page += text + "\n"
        if len(page) >= fastmatch._PAGE_SIZE:
            pages.append(page)
            page = ""
    assert len(pages) >= 4
    for page in pages:
        _same(pattern, s, page)
        _same(pattern, s, page[: len(page) // 2])
        _same(pattern, s, page)


def test_a_page_of_many_thousand_occurrences_is_gathered_in_chunks_as_re_finds(monkeypatch):
    """The shared pass gathers a page's occurrences 4,096 at a time, with the deadline checked
    before each chunk: a page with many more than that (of a case-blind and a case-sensitive
    scanner, several strings shared between them) still gives each scanner exactly re's matches,
    and the deadline is asked once per chunk."""
    blind = re.compile(r"\b(?:foo|bar)\d", re.I)
    also_blind = re.compile(r"foo-?\w", re.I)  # "foo" is a string of two case-blind scanners
    sensitive = re.compile(r"(?:foo|Baz)-\d")
    page = "".join(
        random.Random(31).choice(["foo1 ", "BAR2 ", "Baz-3 ", "foo-4 ", "xfoo5 ", "bar ", "\n"])
        for _ in range(12000)
    )
    calls = []
    monkeypatch.setattr(fastmatch, "checkpoint", lambda: calls.append(1))
    for pattern in (blind, also_blind, sensitive):
        scanner(pattern)._load_page("each scanner registered before the page is read " * 50)
    for pattern in (blind, also_blind, sensitive):
        _same(pattern, scanner(pattern), page)
    low = page.lower()
    assert low.count("foo") + low.count("bar") > 2 * 4096  # the case-blind walk: three chunks
    assert len(calls) >= 3


def test_a_scanner_asking_after_the_page_was_read_gets_its_occurrences_packed_then():
    """The shared pass gathers every scanner's occurrences but sorts and packs them only when the
    scanner asks: one that has not asked holds them as gathered, and when it asks (after
    another scanner read the page) it gets exactly re's matches, and the packed answer is kept."""
    first = re.compile(r"\bzyx\w+")
    later = re.compile(r"(?:qwv|plk)\d+")
    scanner(first), scanner(later)
    page = " ".join(f"zyxa{i} plk{i} qwv{i % 7}" for i in range(400))
    assert len(page) >= fastmatch._PAGE_SIZE
    scanner(later)._load_page("warm up both scanners' slots " * 100)  # both registered
    _same(first, scanner(first), page)
    slot = scanner(later)._slot
    entry = next(found for seen, found in fastmatch._PAGES.local.recent if seen is page)
    assert type(entry[slot]) is fastmatch.array  # gathered, not yet packed
    _same(later, scanner(later), page)
    assert type(entry[slot]) is tuple  # packed once asked, and kept


def test_threads_reading_different_pages_each_get_their_own_matches():
    """The web server checks pages in several threads: the shared per-page occurrences must
    never leak from one thread's page into another's."""
    import sys
    import threading

    patterns = [PATTERNS[n] for n in sorted(PATTERNS) if scanner(PATTERNS[n]).strategy != "plain"][
        :12
    ]
    pages = ["\n".join(_texts(sorted(scanner(p).strings), n=24)[4:]) for p in patterns[:4]]
    want = {
        (i, j): [m.span() for m in p.finditer(page)]
        for i, p in enumerate(patterns)
        for j, page in enumerate(pages)
    }
    errors = []

    def work(seed):
        rng = random.Random(seed)
        for _ in range(300):
            i, j = rng.randrange(len(patterns)), rng.randrange(len(pages))
            got = [m.span() for m in scanner(patterns[i]).finditer(pages[j])]
            if got != want[i, j]:
                errors.append((i, j))

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(old)
    assert not errors


def test_word_character_is_re_s_on_every_code_point():
    """``_is_word`` (which the scanner's ``\\b`` shortcut reads) is ``re``'s own word character,
    for every code point: an alphanumeric character or the underscore."""
    from healthlens.fastmatch import _is_word

    word = re.compile(r"\w")
    for code in range(0x110000):
        ch = chr(code)
        assert _is_word(ch) == (word.match(ch) is not None), hex(code)


# patterns whose strings occur inside words ("me" in "treatment", "as" in "has", "per" in
# "upper"): those every match of which opening on a word character opens on \b pass such
# occurrences over; the others must not
WORD_LED = [
    (r"\b(I|I['’]m|I['’]ve|me|my|mine|myself)\b", 0, True),
    (r"\b(?:according|as per|per|as\s+noted)\b|\[|\(", re.I, True),
    (r"(?:\bme|\(x)y?", 0, True),
    (r"(?:\bas|[(\[]per)", re.I, True),
    (r"\b(?:per|as)", re.A, False),  # re.ASCII: another word character than str's
    (r"me\b", 0, False),
    (r"\bme|as\b", 0, False),
    (r"(?:\bme|)", 0, False),  # an empty alternative
    (r"(?:\bme|[a(]s)", 0, False),  # a class holding a word character
    (r"(?:\bme|ⓐs)", re.I, False),  # a cased symbol: IGNORECASE equates it with another
    (r"(?i:\bper)", 0, False),  # (a group that sets flags is not looked into)
]


@pytest.mark.parametrize("source,flags,led", WORD_LED)
def test_word_led_scanners_pass_over_occurrences_inside_words_and_match_as_re(source, flags, led):
    from healthlens.models import Sentence

    pattern = re.compile(source, flags)
    s = Scanner(pattern)
    assert s._word_led is led
    literals = ["me", "treatment", "I", "It", "I'm", "as", "has", "as per", "upper", "per", "(x"]
    literals += ["[per", "As noted", "ſomething", "İt", "x_me", "9me", "me9", "ⓐs", "mine", "_as"]
    for text in _texts(literals, 80):
        _same(pattern, s, text)
        # through the page's shared pass too, and sentence by sentence (``matching``)
        page = text * (fastmatch._PAGE_SIZE // max(1, len(text)) + 1)
        assert [m.span() for m in s.finditer(page)] == [m.span() for m in pattern.finditer(page)]
        cut = sorted({0, len(page), *random.Random(len(text)).sample(range(len(page)), 12)})
        sents = [Sentence(i, a, b, page[a:b]) for i, (a, b) in enumerate(itertools.pairwise(cut))]
        assert s.matching(page, sents) == {id(x) for x in sents if pattern.search(x.text)}


def test_word_led_scanner_does_not_try_its_pattern_inside_a_word():
    """The point of the shortcut: an occurrence of "me" inside "treatment" costs no match."""

    class Counting:
        def __init__(self, pattern):
            self.inner, self.tried = pattern, []
            self.pattern, self.flags = pattern.pattern, pattern.flags

        def match(self, text, pos=0):
            self.tried.append(pos)
            return self.inner.match(text, pos)

    s = Scanner(re.compile(r"\b(me|my)\b"))
    s.pattern = Counting(s.pattern)  # type: ignore[assignment]
    text = "Treatment helps me. Some items of my own."
    assert [m.group(0) for m in s.finditer(text)] == ["me", "my"]
    assert s.pattern.tried == [text.index(" me") + 1, text.index(" my") + 1]


# patterns that open on ^: tried only where ^ holds (the text's start, or each line's start under
# re.MULTILINE), when no match can be empty
LINE_LED = [
    (r"^[ \t]*(x|ab)\b", re.M, "lines"),
    (r"(?m)^[a-z]+:\n?", 0, "lines"),
    (r"^(?:ab|\n|x)+", re.M, "lines"),  # a match may run over several lines
    (r"^x|y", re.M, None),  # (a choice: not every match opens on ^)
    (r"^[ \t]*x", 0, "start"),
    (r"^", re.M, None),  # empty matches
    (r"^(?:x|)", re.M, None),
]


@pytest.mark.parametrize("source,flags,led", LINE_LED)
def test_line_led_scanners_try_line_starts_only_and_match_as_re(source, flags, led):
    pattern = re.compile(source, flags)
    s = Scanner(pattern)
    assert s._line_led == led
    literals = ["x", "ab", "\nx", "\n  x", "abc:", "abc:\n", "\n\n", "y", "xab\nab", "x\nx"]
    for text in _texts(literals, 80):
        _same(pattern, s, text)
        for pos in (1, len(text) // 2, len(text)):
            got = [m.span() for m in s.finditer(text, pos)]
            assert got == [m.span() for m in pattern.finditer(text, pos)], (source, text, pos)


def test_matching_given_the_caller_s_order_check_is_matching_that_checks_it():
    """A caller that reads one list of sentences with several scanners checks their order once
    (``in_order``) and passes it on: the sentences found are those each call finds checking it
    itself, for sentences in order and out of it."""
    from healthlens.fastmatch import in_order
    from healthlens.models import Sentence
    from healthlens.understand.sentences import split_sentences

    for text in _texts(["not", "may", "allergic", "40% of people", "studies show"], 30):
        for sents in (
            split_sentences(text),
            [Sentence(0, 5, 9, "it is not so"), Sentence(1, 0, 3, "no way, may be")],
        ):
            ordered = in_order(sents)
            for pattern in (NEGATION, HEDGE, *unsupported._RESEARCH_PARTS):
                s = scanner(pattern)
                assert s.matching(text, sents, ordered) == s.matching(text, sents)


def test_white_space_set_is_what_re_s_backslash_s_matches_on_every_code_point():
    every = "".join(map(chr, range(0x110000)))
    assert set(re.findall(r"\s", every)) == fastmatch._SPACES


SPACED = [
    (r"\bas\s+per\b", re.I),
    (r"\b(?:states|reports)\s+that\b", 0),
    (r"\bnoted\s*by|\bn\s", re.I),
    (r"\bxo[\s,]y", 0),
    (r"\bas\s+per\b", re.I | re.ASCII),
    (r"(?:as|so)\s(?:a\s)?well", re.I),
]


@pytest.mark.parametrize("source,flags", SPACED)
def test_patterns_with_white_space_match_exactly_as_re_on_every_kind_of_space(source, flags):
    pattern = re.compile(source, flags)
    s = Scanner(pattern)
    words = [
        "as",
        "AS",
        "per",
        "Per",
        "states",
        "that",
        "noted",
        "by",
        "n",
        "xo",
        "y",
        "so",
        "well",
    ]
    rng = random.Random(11)
    spaces = [*sorted(fastmatch._SPACES), ",", "", "\u200b", "_"]
    texts = []
    for _ in range(300):
        parts = [rng.choice([*words, "has", "ſ", "K"]) + rng.choice(spaces) for _ in range(12)]
        texts.append("".join(parts))
    for text in texts + _texts(words, 40):
        _same(pattern, s, text)
        assert [m.span() for m in s.finditer(text, within=(text + text, 0))] == [
            m.span() for m in pattern.finditer(text)
        ]


def test_white_space_after_a_short_word_makes_its_prefixes_sharper():
    # "as" alone would be tried inside every "has", "was", "base"; "as" and a space would not
    s = Scanner(re.compile(r"\bas\s+per\b", re.I))
    assert s.strategy == "prefixes"
    assert s.strings == {"as" + space for space in fastmatch._SPACES}
    # where the spaces would make the set too large, the prefixes stay what they were
    heads = [f"{c}x" for c in "abcdefghijklmnopqrst"]
    tails = "|".join(f"t{i}" for i in range(30))
    wide = Scanner(re.compile(rf"\b(?:{'|'.join(heads)})\s*(?:{tails})"))
    assert wide.strategy == "prefixes" and wide.strings == set(heads)


def test_word_led_sentence_matches_skip_occurrences_inside_words_and_gaps_as_re_does():
    """``finditer_sentences`` and ``matching`` over sentences with text between them (not in any
    sentence), empty sentences, and occurrences inside words ("another", "banner", "cannot"),
    where a word-led pattern is passed over without trying it: each sentence's own matches."""
    from healthlens.models import Sentence

    rng = random.Random(5)
    words = ["not", "no", "another", "banner", "cannot", "nothing", "may", "dismay", "a", "_no"]
    patterns = (NEGATION, HEDGE, *unsupported._RESEARCH_PARTS, re.compile(r"\bno\w*", re.I))
    assert all(scanner(p)._word_led for p in patterns)
    for _ in range(40):
        text = " ".join(rng.choice(words + ODD) for _ in range(rng.randint(400, 900)))
        sents, at, index = [], 0, 0
        while at < len(text):
            at += rng.choice([0, 0, 1, 3])  # a gap between sentences
            end = min(len(text), at + rng.choice([0, 1, 7, 40, 120]))
            sents.append(Sentence(index, at, end, text[at:end]))
            index, at = index + 1, end
        for pattern in patterns:
            s = scanner(pattern)
            want = [(x.index, m.span()) for x in sents for m in pattern.finditer(x.text)]
            assert [(x.index, m.span()) for x, m in s.finditer_sentences(text, sents)] == want
            assert s.matching(text, sents) == {id(x) for x in sents if pattern.search(x.text)}


def test_match_at_is_finditer_where_the_matches_can_start():
    """``match_at`` tried at every place a match can open gives ``finditer``'s matches, in order,
    and a start inside an earlier match is passed over as ``finditer`` would."""
    import random

    from healthlens.fastmatch import match_at

    rng = random.Random(7)
    pattern = re.compile(r"\d\d?(?:[,-]\d\d?)*")
    for _ in range(300):
        text = "".join(rng.choice("12 ,-a\n") for _ in range(rng.randint(0, 40)))
        digits = [i for i, c in enumerate(text) if c.isdigit()]
        got = [m.span() for m in match_at(pattern, text, digits)]
        assert got == [m.span() for m in pattern.finditer(text)], text
