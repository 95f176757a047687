"""Fast regex scanning with exactly the results of ``re``: ``scanner(PATTERN).finditer(text)``.

Python's ``re`` tries a case-insensitive ``\\b(word|word|...)`` pattern at every character of
the text, which made the page-wide cue, claim and credibility regexes the bulk of a page's
analysis time. A ``Scanner`` reads the pattern's parse tree once and derives one of:

- *prefixes*: strings one of which every match starts with (``\\b(not|no|never)\\b`` ->
  {"not", "no", "never"}). An Aho–Corasick pass finds their occurrences and the pattern is
  tried (``pattern.match(text, pos)``) only there, in order, which gives the same matches as
  ``pattern.finditer`` (a match can only start at such an occurrence);
- *factors*: strings one of which every match contains (``,?\\s*(?:known|called) as``). A text
  without any of them cannot match, so it is skipped; any other text is scanned by ``re``;
- neither: ``re`` scans as usual.

Two shapes are tried at fewer places still. A pattern every match of which that opens on a word
character opens on ``\\b`` (``_word_led``) is not tried at an occurrence inside a word ("me" in
"treatment"), where ``\\b`` cannot hold. A pattern that opens on ``^`` and never matches empty
(``_line_led``) is tried only where ``^`` holds: the text's start, or each line's start under
re.MULTILINE, where ``re`` would try every character.

A page-sized text (``_PAGE_SIZE`` characters or more) is walked once for all scanners that read
pages: their strings share two automata (``_Pages``), and each scanner takes its occurrences from
that one walk; sentences of the page look theirs up there.

Case-insensitive patterns are compared on a folded copy of the text (same length, letters
lower-cased, and the few non-ASCII letters ``re`` equates with ASCII ones mapped to them).
Everything the derivation does not understand (categories, scoped flags, back references)
falls back to plain ``re``, so the results never change; tests/test_fastmatch.py checks this
against ``re`` on the project's own patterns and on random text.

What is remembered between calls (by object identity), why a hit is always right with several
threads, and what each cache saves (``benchmarks/fastmatch_caches.py``): docs/architecture.md,
"fastmatch's caches".
"""

from __future__ import annotations

import re
import string
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain, islice
from operator import attrgetter, le

import ahocorasick_rs

from .limits import checkpoint

__all__ = [
    "Scanner",
    "scanner",
    "fold_text",
    "find_all",
    "find_any",
    "contains_any",
    "automaton",
    "literal_led_in_sentences",
    "in_order",
]

_MAX_SET = 512  # strings in a derived set; beyond this the derivation gives up or shortens
_MAX_LEN = 24  # prefixes longer than this are cut (a cut prefix is still a prefix)
_SMALL = 8  # factor sets up to this size are checked with ``in`` rather than Aho–Corasick

try:  # the parser is private; without it every scanner falls back to plain ``re``
    from re import _constants as _C  # type: ignore[attr-defined]  # private: not in typeshed
    from re import _parser as _P  # type: ignore[attr-defined]  # private: not in typeshed
except ImportError:  # pragma: no cover
    _C = _P = None


def _fold_table() -> dict[str, str]:
    """Non-ASCII characters that ``re.IGNORECASE`` takes for an ASCII letter (ſ, ı, İ, K)."""
    chars = "".join(chr(c) for c in range(0x80, 0x10000) if not 0xD800 <= c <= 0xDFFF)
    table = {}
    for ch in re.findall("[a-z]", chars, re.I):
        for letter in string.ascii_lowercase:
            if re.fullmatch(letter, ch, re.I):
                table[ch] = letter
                break
    return table


_FOLD = _fold_table()


def _fold(text: str) -> str | None:
    """``text`` case-folded for literal search, same length; None when lower-casing changes the
    length. (A page is folded once per walk of ``_PAGES``, whatever the number of its scanners.)"""
    return _fold_new(text)


def match_at(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose matches can open only at ``starts`` (given in
    order) and are never empty: it is tried at each start from where the last match ended, as
    ``finditer`` goes on, instead of at every character."""
    match, pos = pattern.match, 0
    for start in starts:
        if start >= pos and (m := match(text, start)) is not None:
            yield m
            pos = m.end()


def find_all(text: str, needle: str) -> list[int]:
    """Every offset where ``needle`` occurs in ``text`` (overlapping ones too), in order."""
    out = []
    i = text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


@lru_cache(maxsize=64)
def _any_of(needles: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, needles)))


def find_any(text: str, needles) -> list[int]:
    """Every offset where one of ``needles`` occurs in ``text`` (overlapping ones too), in order:
    ``sorted({i for n in needles for i in find_all(text, n)})``. One pass of ``re`` over the text
    for all of them: ``str.find`` of a needle of two or three letters walks a page several times
    slower than ``re``'s search for an alternation of literals, and a page is searched for each of
    the question's letters in several stages."""
    if not needles or not all(needles):  # "" occurs everywhere: the plain way
        return sorted({i for n in needles for i in find_all(text, n)})
    search = _any_of(tuple(sorted(set(needles)))).search
    out = []
    m = search(text)
    while m is not None:
        i = m.start()
        out.append(i)
        m = search(text, i + 1)
    return out


def contains_any(text: str, needles) -> bool:
    """``any(n in text for n in needles)``, in one pass (see ``find_any``)."""
    if not needles or not all(needles):
        return any(n in text for n in needles)
    return _any_of(tuple(sorted(set(needles)))).search(text) is not None


def literal_led_in_sentences(
    pattern: re.Pattern, literals, text: str, sentences: list
) -> dict[int, list[re.Match]]:
    """``{sentence.index: matches}`` of ``pattern.finditer(s.text)`` for each sentence with any,
    where every match of ``pattern`` starts with one of ``literals`` (case as written) and the
    sentences are slices of ``text``. The literals are found once in the page with ``str.find``
    and the pattern is tried only there: a pattern built per question (the question's letters)
    has no scanner of its own, and a regex pass per sentence cost more than the rest of its
    reader. Any other input (an empty literal, sentences out of order or not slices) is scanned
    sentence by sentence, as ``re`` would."""
    out: dict[int, list[re.Match]] = {}
    if (
        not literals
        or not all(literals)
        or not in_order(sentences)
        or not all(text.startswith(s.text, s.start) for s in sentences)
    ):
        for s in sentences:
            found = list(pattern.finditer(s.text))
            if found:
                out[s.index] = found
        return out
    starts = find_any(text, literals)
    if not starts:
        return out
    ends = [s.end for s in sentences]
    match = pattern.match
    k, pos = -1, 0  # the sentence of the last candidate, and where its next match may start
    for p in starts:
        j = bisect_right(ends, p)  # the first sentence that ends after p
        if j == len(sentences):
            break
        s = sentences[j]
        if p < s.start:
            continue  # between sentences
        if j != k:
            k, pos = j, 0
        at = p - s.start
        if at < pos:
            continue  # inside the last match, where finditer does not look
        m = match(s.text, at)
        if m is not None:
            out.setdefault(s.index, []).append(m)
            pos = m.end()  # (> at: a match starts with a literal, none of them empty)
    return out


def fold_text(text: str) -> str | None:
    """``text`` with every letter as ``re.IGNORECASE`` compares it (same length), or None when
    that would change the length: a literal found in it is where a case-insensitive pattern may match."""
    return _fold(text)


def _fold_new(text: str) -> str | None:
    if text.isascii():
        return text.lower()
    for ch, letter in _FOLD.items():
        if ch in text:
            text = text.replace(ch, letter)
    folded = text.lower()
    return folded if len(folded) == len(text) else None


# -- derivation over the parse tree -----------------------------------------------------------
# what ``\s`` matches in a str pattern: the 29 white space characters (``str.isspace``, all below
# U+3001), a finite set, so that ``as\s+per`` gives the prefixes "as " ... rather than "as" alone
# (read only while ``_DERIVING.spaces`` is set: see ``_sharper``)
_SPACES = frozenset(ch for ch in map(chr, range(0x3001)) if ch.isspace())
_DERIVING = threading.local()


def _sharper(nodes, prefixes: set[str] | None, icase: bool) -> set[str] | None:
    r"""``prefixes`` made sharper by reading ``\s`` as its white space characters: the prefixes
    derived so, where each of them extends one of ``prefixes`` (so no place is tried that was
    not tried before) and they differ; else ``prefixes``. (Where a set of spaces would make a
    set too large, the derivation cuts it short at the word before, which may try more places.)
    Only prefixes read spaces so: the factors are derived as before."""
    if not _selective_prefixes(prefixes):
        return prefixes
    _DERIVING.spaces = True
    try:
        spaced = _prefixes_seq(nodes, {""}, icase)
    finally:
        _DERIVING.spaces = False
    if (
        spaced is None
        or spaced == prefixes
        or not _selective_prefixes(spaced)
        or not all(any(x.startswith(p) for p in prefixes) for x in spaced)  # type: ignore[union-attr]
    ):
        return prefixes
    return spaced


def _char(code: int, icase: bool) -> str | None:
    ch = chr(code)
    if not icase or ch.isascii() or ch.lower() == ch.upper():
        return ch.lower() if icase else ch
    return None  # a non-ASCII cased letter: its case-insensitive matches are not worth modelling


def _charset(items, icase: bool) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            ch = _char(av, icase)
            if ch is None:
                return None
            out.add(ch)
        elif op is _C.RANGE:
            lo, hi = av
            if hi - lo > 64:
                return None
            for code in range(lo, hi + 1):
                ch = _char(code, icase)
                if ch is None:
                    return None
                out.add(ch)
        elif op is _C.CATEGORY and av is _C.CATEGORY_SPACE and getattr(_DERIVING, "spaces", False):
            out.update(_SPACES)  # (under re.ASCII ``\s`` reads fewer: a superset is still right)
        else:  # NEGATE, other categories, ...
            return None
    return out


def _product(a: set[str], b: set[str]) -> set[str] | None:
    if len(a) * len(b) > _MAX_SET:
        return None
    return {x + y for x in a for y in b}


def _exact(node, icase: bool) -> set[str] | None:
    """Every string ``node`` can consume (zero-width assertions consume ""), or None."""
    op, av = node
    if op is _C.LITERAL:
        ch = _char(av, icase)
        return None if ch is None else {ch}
    if op is _C.IN:
        return _charset(av, icase)
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return {""}
    if op is _C.SUBPATTERN:
        _group, add, delete, sub = av
        return None if add or delete else _exact_seq(list(sub), icase)
    if op is _C.ATOMIC_GROUP:
        return _exact_seq(list(av), icase)
    if op is _C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            e = _exact_seq(list(alt), icase)
            if e is None:
                return None
            out |= e
            if len(out) > _MAX_SET:
                return None
        return out
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        lo, hi, item = av
        if hi > 3:
            return None
        e = _exact_seq(list(item), icase)
        if e is None:
            return None
        out = set()
        power = {""}
        for k in range(hi + 1):
            if k >= lo:
                out |= power
            if k < hi:
                longer = _product(power, e)
                if longer is None:
                    return None
                power = longer
        return out if len(out) <= _MAX_SET else None
    return None


def _exact_seq(nodes, icase: bool) -> set[str] | None:
    acc = {""}
    for node in nodes:
        e = _exact(node, icase)
        if e is None:
            return None
        longer = _product(acc, e)
        if longer is None:
            return None
        acc = longer
    return acc


def _prefixes_seq(nodes, cont: set[str] | None, icase: bool) -> set[str] | None:
    """Strings one of which every match of ``nodes`` followed by ``cont`` starts with."""
    acc = cont
    for node in reversed(nodes):  # an unknown tail (None) still leaves the exact strings before it
        acc = _prefixes_node(node, acc, icase)
    return acc


def _prefixes_node(node, cont: set[str] | None, icase: bool) -> set[str] | None:
    e = _exact(node, icase)
    if e is not None:
        if cont is not None:
            joined = _product(e, cont)
            if joined is not None:
                return {s[:_MAX_LEN] for s in joined}
        if "" in e:
            return None if cont is None else {s for s in e if s} | cont
        return {s[:_MAX_LEN] for s in e}
    op, av = node
    if op is _C.SUBPATTERN:
        _group, add, delete, sub = av
        return None if add or delete else _prefixes_seq(list(sub), cont, icase)
    if op is _C.ATOMIC_GROUP:
        return _prefixes_seq(list(av), cont, icase)
    if op is _C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            p = _prefixes_seq(list(alt), cont, icase)
            if p is None:
                return None
            out |= p
        return out if len(out) <= _MAX_SET else None
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        lo, _hi, item = av
        first = _prefixes_seq(list(item), None, icase)
        if first is None:
            return None
        if lo >= 1:
            return first
        return None if cont is None else first | cont
    return None


def _factors_seq(nodes, icase: bool) -> list[set[str]]:
    """Candidate sets of strings, each such that every match contains one of its strings."""
    found: list[set[str]] = []
    run: set[str] = {""}
    for node in nodes:
        e = _exact(node, icase)
        if e is not None:
            joined = _product(run, e)
            if joined is None:
                found.append(run)
                run = e
            else:
                run = joined
            continue
        found.append(run)
        run = {""}
        best = _best(_factors_node(node, icase))
        if best is not None:
            found.append(best)
    found.append(run)
    return [f for f in found if f and "" not in f]


def _factors_node(node, icase: bool) -> list[set[str]]:
    op, av = node
    if op is _C.SUBPATTERN:
        _group, add, delete, sub = av
        return [] if add or delete else _factors_seq(list(sub), icase)
    if op is _C.ATOMIC_GROUP:
        return _factors_seq(list(av), icase)
    if op is _C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            best = _best(_factors_seq(list(alt), icase))
            if best is None:
                return []
            out |= best
        return [out] if len(out) <= _MAX_SET else []
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _factors_seq(list(av[2]), icase)
    return []


def _best(candidates: list[set[str]]) -> set[str] | None:
    """The most selective candidate: longest shortest string, then fewest strings."""
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(len(x) for x in s), -len(s)))


def _selective_prefixes(prefixes: set[str] | None) -> bool:
    if not prefixes or "" in prefixes:
        return False
    # a lone lower-case letter, digit or space starts too many places; "I", "(" or "$" do not
    return all(len(p) >= 2 or not (p.islower() or p.isdigit() or p.isspace()) for p in prefixes)


def _minimal(strings: set[str], prefixes: bool) -> set[str]:
    """Drop strings that contain (as a prefix, for prefixes) a shorter string of the set."""
    out: set[str] = set()
    for x in sorted(strings, key=len):
        if not any((x.startswith(y) if prefixes else y in x) for y in out):
            out.add(x)
    return out


def automaton(strings) -> ahocorasick_rs.AhoCorasick:
    """An Aho–Corasick automaton over ``strings``; its overlapping matches are ``(index into
    strings, start, end)``. What a walk over a page costs is the cache lines it touches: a few
    hundred strings make a DFA small enough to stay in cache, where it walks faster than the NFA;
    tens of thousands make one too large, and the contiguous NFA, which keeps its
    states in one compact array, walks faster."""
    strings = list(strings)
    impl = (
        ahocorasick_rs.Implementation.DFA
        if len(strings) <= _DFA_MAX
        else ahocorasick_rs.Implementation.ContiguousNFA
    )
    return ahocorasick_rs.AhoCorasick(strings, implementation=impl)


_DFA_MAX = 5000  # strings up to which the automaton is a DFA


# an automaton over scanners' strings, each string's slots (the scanners it is one of), and its
# one slot where it has only one, as most have (-1 where it has several)
_Walk = tuple[ahocorasick_rs.AhoCorasick, list[tuple[int, ...]], list[int]]


class _Pages:
    """The occurrences of every scanner's strings in a page, found in one pass for all scanners.

    A page is read by a dozen scanners (claim keywords, credibility signals, abbreviation cues); each used
    to walk its own automaton over the whole text. Here the strings of the scanners that read
    pages share two automata (case-insensitive ones over the folded text, the others over the
    text as it is), and one walk per automaton gives every scanner its occurrences in the
    page: exactly those its own automaton finds. The last few texts are kept (by identity,
    per thread: the web server checks pages in several threads), since a page and a chunk of
    it are read in turn.
    """

    KEEP = 4

    def __init__(self) -> None:
        self.scanners: list[Scanner] = []
        # (scanners in them, {case-insensitive: (automaton, slots of each string)})
        self.automata: tuple[int, dict[bool, _Walk | None]] | None = None
        self.lock = threading.Lock()
        self.local = threading.local()

    def register(self, sc: Scanner) -> int:
        with self.lock:
            self.scanners.append(sc)
            return len(self.scanners) - 1

    def _automata(self) -> tuple[int, dict[bool, _Walk | None]]:
        built = self.automata
        if built is not None and built[0] == len(self.scanners):
            return built
        with self.lock:
            scanners = list(self.scanners)
            automata: dict = {}
            for icase in (True, False):
                table: dict[str, list[int]] = {}
                for slot, sc in enumerate(scanners):
                    if sc._icase == icase:
                        for string in sc.strings:
                            table.setdefault(string, []).append(slot)
                automata[icase] = (
                    (
                        automaton(table),
                        [tuple(slots) for slots in table.values()],
                        [slots[0] if len(slots) == 1 else -1 for slots in table.values()],
                    )
                    if table
                    else None
                )
            self.automata = (len(scanners), automata)
            return self.automata

    def hits(self, slot: int, text: str) -> tuple[list[tuple[int, int]], list[int]] | None:
        """(sorted (start, end) occurrences, their starts) of scanner ``slot``'s strings in
        ``text``, or None when its haystack cannot be made (a case-insensitive scanner on a
        text whose folding changes its length)."""
        recent = self.local.__dict__.setdefault("recent", [])
        for seen, found in recent:
            if seen is text and slot < len(found):
                return _answer(found, slot)
        n, automata = self._automata()
        # each occurrence as one integer, start << 24 | length, in an array: a page of a few
        # megabytes has hundreds of thousands, and a tuple each cost 90 bytes
        occurrences: list[array | None] = [array("q") for _ in range(n)]
        for icase, ac in automata.items():
            checkpoint()
            hay = _fold(text) if icase else text
            checkpoint()
            if hay is None:
                for k in range(n):
                    if self.scanners[k]._icase == icase:
                        occurrences[k] = None
                continue
            if ac is None:
                continue
            automaton, slots_of, one_slot = ac
            found = automaton.find_matches_as_indexes(hay, overlapping=True)
            # only slots of a failed haystack are None, and they are not this automaton's
            adds = [occ.append if occ is not None else None for occ in occurrences]
            for lo in range(0, len(found), 4096):
                checkpoint()  # the check's deadline (healthlens.limits): nothing is kept yet
                for i, start, end in found if len(found) <= 4096 else found[lo : lo + 4096]:
                    k = one_slot[i]
                    if k >= 0:
                        adds[k](start << 24 | (end - start))  # type: ignore[misc]
                    else:
                        code = start << 24 | (end - start)
                        for k in slots_of[i]:
                            adds[k](code)  # type: ignore[misc]
        answers: list = []
        for occ in occurrences:
            checkpoint()
            if occ is None:
                answers.append(None)
            elif not occ:  # most scanners find nothing on a page: one shared empty answer
                answers.append(_NO_HITS)
            else:  # sorted and packed when the scanner asks (``_answer``)
                answers.append(occ)
        recent.insert(0, (text, answers))
        del recent[self.KEEP :]
        return _answer(answers, slot)


def _answer(answers: list, slot: int) -> tuple[list[tuple[int, int]], list[int]] | None:
    """``hits``' answer for ``slot`` from a page's entry: its occurrences as gathered (an array)
    are sorted and packed the first time the scanner asks, and kept so. Not every scanner reads
    every page (a credibility pattern may be asked only when an earlier one finds nothing), and
    a third of a page's occurrences are of scanners that do not ask."""
    got = answers[slot]
    if type(got) is array:
        packed = array("q", sorted(got))  # by start, then end: what sorted pairs give
        got = answers[slot] = (_Pairs(packed), array("q", [x >> 24 for x in packed]))
    return got


class _Pairs:
    """The (start, end) occurrences of a page, read from their packed form: iterated, or sliced
    (``pairs[i:]``) into an iterator."""

    __slots__ = ("packed",)

    def __init__(self, packed: array) -> None:
        self.packed = packed

    def __len__(self) -> int:
        return len(self.packed)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for x in self.packed:
            start = x >> 24
            yield start, start + (x & 0xFFFFFF)

    def __getitem__(self, index: slice) -> Iterator[tuple[int, int]]:
        """``pairs[i:]``: the occurrences from the i-th on, without copying them (a page's
        sentences each read from their first occurrence on)."""
        packed = self.packed
        for j in range(*index.indices(len(packed))):
            x = packed[j]
            start = x >> 24
            yield start, start + (x & 0xFFFFFF)


_PAGES = _Pages()
_NO_HITS = (_Pairs(array("q")), array("q"))  # (read only, as every answer of ``hits``)
_START, _END = attrgetter("start"), attrgetter("end")


def in_order(sentences: list) -> bool:
    """Whether each sentence ends before the next starts: what ``Scanner.matching`` checks of
    its sentences, which a caller reading one list with several scanners may check once and
    pass on (``ordered``), while the list and its sentences stay as they are."""
    return all(map(le, map(_END, sentences), map(_START, islice(sentences, 1, None))))


_PAGE_SIZE = 2000  # texts this long are read through _PAGES rather than scanned on their own


class Scanner:
    """``finditer`` and ``search`` of one compiled pattern, with exactly ``re``'s results.

    ``within=(page_text, offset)`` says that ``text`` is ``page_text[offset:offset + len(text)]``:
    the occurrences are then found once per page (``_PAGES`` keeps them for the last pages) and each
    sentence only looks up its own, which saves a pass per sentence.
    """

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.strategy = "plain"
        self.strings: set[str] = set()
        self._icase = bool(pattern.flags & re.IGNORECASE)
        self._ac: ahocorasick_rs.AhoCorasick | None = None
        self._small: tuple[str, ...] | None = None  # the strings, when few enough for ``in`` checks
        self._slot: int | None = None  # in _PAGES, from the first page this scanner reads
        # every match that opens on a word character opens on ``\b`` (``_word_led``): no match
        # starts inside a word, so an occurrence there is passed over without trying the pattern
        self._word_led = False
        # every match opens on ``^`` and is not empty (``_scan``): "start" (the text's start
        # only), "lines" (under re.MULTILINE: a line's start), or None
        self._line_led: str | None = None
        if _P is None or not isinstance(pattern.pattern, str):
            return
        try:
            parsed = _P.parse(pattern.pattern, pattern.flags)
            icase = bool(parsed.state.flags & re.IGNORECASE)
            nodes = list(parsed)
            # (under re.ASCII or re.LOCALE, ``\b`` reads other word characters than str's)
            self._word_led = not parsed.state.flags & (re.ASCII | re.LOCALE) and _word_led(nodes)
            if nodes and nodes[0] == (_C.AT, _C.AT_BEGINNING) and parsed.getwidth()[0] >= 1:
                self._line_led = "lines" if parsed.state.flags & re.MULTILINE else "start"
            prefixes = _sharper(nodes, _prefixes_seq(nodes, {""}, icase), icase)
            factors = None if _selective_prefixes(prefixes) else _best(_factors_seq(nodes, icase))
        except (
            RecursionError,
            re.error,
            TypeError,
            ValueError,
            AttributeError,
        ):  # unknown tree shape
            return
        self._icase = icase
        if prefixes is not None and _selective_prefixes(prefixes):
            self.strategy, self.strings = "prefixes", _minimal(prefixes, prefixes=True)
        elif factors is not None:
            self.strategy, self.strings = "factors", _minimal(factors, prefixes=False)
        else:
            return
        self._ac = automaton(self.strings)
        if len(self.strings) <= _SMALL:
            self._small = tuple(sorted(self.strings))

    def _haystack(self, text: str) -> str | None:
        return _fold(text) if self._icase else text

    def _absent(self, hay: str) -> bool:
        """True when none of the strings occurs in ``hay`` (so nothing can match)."""
        if self._small is not None:
            return not any(map(hay.__contains__, self._small))
        # _ac is built with the strings: set for every strategy but "plain", which never gets here
        return not self._ac.find_matches_as_indexes(hay)  # type: ignore[union-attr]

    def may_match(self, text: str) -> bool:
        """False only when no match is possible anywhere in ``text``."""
        if self.strategy == "plain":
            return True
        hay = self._haystack(text)
        return hay is None or not self._absent(hay)

    def finditer(
        self, text: str, pos: int = 0, within: tuple[str, int] | None = None
    ) -> Iterator[re.Match]:
        """The matches ``self.pattern.finditer(text, pos)`` gives, in order."""
        if self.strategy == "plain":
            return self._scan(text, pos)
        if within is not None:
            page = self._load_page(within[0])
            if page is not None and within[0].startswith(text, within[1]):
                return self._finditer_within(text, pos, within[1], page)
        if len(text) >= _PAGE_SIZE:  # a page: its occurrences are shared
            page = self._load_page(text)
            if page is not None:
                return self._finditer_within(text, pos, 0, page)
        hay = self._haystack(text)
        if hay is None:
            return self._scan(text, pos)
        if self.strategy == "factors":
            return iter(()) if self._absent(hay) else self._scan(text, pos)
        # prefixes: a few strings are looked for with ``in`` first (most texts hold none); many
        # are walked once, the walk that finds their places also saying there are none
        if self._small is not None and self._absent(hay):
            return iter(())
        occurrences = self._ac.find_matches_as_indexes(hay, overlapping=True)  # type: ignore[union-attr]  # as in _absent
        if not occurrences:
            return iter(())
        found = sorted(start for _, start, _end in occurrences)
        return self._anchored(text, found, pos, 0)

    def _scan(self, text: str, pos: int = 0) -> Iterator[re.Match]:
        """``self.pattern.finditer(text, pos)``. A pattern that opens on ``^`` (``_line_led``)
        is tried only where ``^`` holds, in order, each from where the last match ended: at
        the text's start, or under re.MULTILINE at each line's start (``re`` tries every
        character of the text). Its matches are never empty, so each next one starts at or
        after the last one's end, as ``finditer``'s do."""
        if self._line_led is None:
            return self.pattern.finditer(text, pos)
        if self._line_led == "start":  # (``^`` holds at the text's start only, not at ``pos``)
            m = self.pattern.match(text) if pos == 0 else None
            return iter(() if m is None else (m,))
        return self._at_line_starts(text, pos)

    def _at_line_starts(self, text: str, pos: int) -> Iterator[re.Match]:
        match = self.pattern.match
        for start in chain((0,), (i + 1 for i in find_all(text, "\n"))):
            if start >= pos and (m := match(text, start)) is not None:
                yield m
                pos = m.end()

    def search(
        self, text: str, pos: int = 0, within: tuple[str, int] | None = None
    ) -> re.Match | None:
        """What ``self.pattern.search(text, pos)`` gives."""
        return next(self.finditer(text, pos, within), None)

    def matching(self, text: str, sentences: list, ordered: bool | None = None) -> set[int]:
        """``id()`` of each sentence in which the pattern matches (``finditer_sentences``'
        sentences). Each sentence is read to its first match only: the set needs no more.
        ``ordered``: ``in_order(sentences)``, where the caller has it already."""
        return {
            id(s)
            for s, _m in self._sentence_matches(text, sentences, first_only=True, ordered=ordered)
        }

    def finditer_sentences(self, text: str, sentences: list) -> Iterator[tuple[object, re.Match]]:
        """(sentence, match) for each match of the pattern in each sentence's own text, in
        sentence order: what ``for s in sentences: for m in pattern.finditer(s.text)`` gives.
        Sentences are slices of ``text`` (``start``, ``end``, ``text``) in order; only those
        with an occurrence are visited."""
        return self._sentence_matches(text, sentences, first_only=False)

    def _sentence_matches(
        self, text: str, sentences: list, first_only: bool, ordered: bool | None = None
    ) -> Iterator[tuple[object, re.Match]]:
        """``finditer_sentences``; ``first_only``: each sentence's first match only (enough to
        know which sentences match: ``matching``); ``ordered``: ``in_order(sentences)``."""
        if ordered is None:
            ordered = in_order(sentences)
        page = None if self.strategy == "plain" or not ordered else self._load_page(text)
        if page is None:
            for s in sentences:
                for m in self.finditer(s.text):
                    yield s, m
            return
        k, n = 0, len(sentences)
        pos, last = 0, -1  # the next start allowed in sentence ``last``
        # (hoisted: this loop runs once per occurrence of the page; the sentence's fields are
        # read again only when the occurrences reach the next sentence)
        match, word_led, factors = self.pattern.match, self._word_led, self.strategy == "factors"
        cur, s_start, s_end, s_text = -1, 0, 0, ""
        s = None
        for count, (hit_start, hit_end) in enumerate(page[0]):
            if not count & 4095:
                checkpoint()
            if hit_start >= s_end or cur < 0:
                while k < n and sentences[k].end <= hit_start:
                    k += 1
                if k == n:
                    return
                if k != cur:
                    cur, s = k, sentences[k]
                    s_start, s_end, s_text = s.start, s.end, s.text
            if hit_start < s_start or hit_end > s_end:
                continue
            if k != last:
                last, pos = k, 0
                if not text.startswith(s_text, s_start):  # not a slice after all: scan it alone
                    for m in self._scan(s_text):
                        yield s, m
                        if first_only:
                            break
                    pos = len(s_text) + 1
                    continue
            if factors:
                if pos == 0:
                    for m in self._scan(s_text):
                        yield s, m
                        if first_only:
                            break
                    pos = len(s_text) + 1
                continue
            start = hit_start - s_start
            if start >= pos and not (
                word_led
                and start
                and ((c := s_text[start - 1]).isalnum() or c == "_")
                and ((c := s_text[start]).isalnum() or c == "_")
            ):  # (not inside a word, where ``\b`` cannot hold: ``_inside_word``)
                hit = match(s_text, start)
                if hit is not None:
                    yield s, hit
                    pos = len(s_text) + 1 if first_only else hit.end()

    def _load_page(self, page: str) -> tuple[list[tuple[int, int]], list[int]] | None:
        """(occurrences, their starts) of the strings in ``page``, or None (no haystack)."""
        if self._slot is None:
            self._slot = _PAGES.register(self)
        return _PAGES.hits(self._slot, page)

    def _finditer_within(
        self, text: str, pos: int, offset: int, page: tuple[list, list[int]]
    ) -> Iterator[re.Match]:
        hits, starts = page
        end = offset + len(text)
        first = bisect_left(starts, offset + pos)
        if self.strategy == "prefixes":
            return self._anchored(text, starts[first : bisect_left(starts, end)], pos, offset)
        for hit_start, hit_end in hits[first:]:
            if hit_start >= end:
                break
            if hit_end <= end:
                return self._scan(text, pos)
        return iter(())

    def _anchored(self, text: str, starts: list[int], pos: int, offset: int) -> Iterator[re.Match]:
        match = self.pattern.match
        word_led = self._word_led
        for n, start in enumerate(starts):
            if n and not n & 4095:  # (not at 0: this runs once per sentence scanned)
                checkpoint()
            start -= offset
            if start < pos:
                continue
            if (
                word_led
                and start
                and ((c := text[start - 1]).isalnum() or c == "_")
                and ((c := text[start]).isalnum() or c == "_")
            ):
                continue  # inside a word, where ``\b`` cannot hold (``_word_led``, ``_inside_word``)
            m = match(text, start)
            if m is not None:
                yield m
                pos = m.end()  # > start: every prefix is non-empty

    def __repr__(self) -> str:
        return (
            f"Scanner({self.pattern.pattern[:40]!r}, {self.strategy}, {len(self.strings)} strings)"
        )


def _is_word(ch: str) -> bool:
    r"""What ``re`` takes for a word character in a str pattern (``\w``, and either side of
    ``\b``): an alphanumeric character (``str.isalnum``) or the underscore."""
    return ch.isalnum() or ch == "_"


def _inside_word(text: str, i: int) -> bool:
    r"""``text[i]`` and the character before it are both word characters (0 < i < len(text)): a
    ``\b`` at ``i`` does not hold."""
    return (text[i - 1].isalnum() or text[i - 1] == "_") and (text[i].isalnum() or text[i] == "_")


def _word_led(nodes) -> bool:
    r"""Every match of ``nodes`` that opens on a word character opens on ``\b``: the sequence
    starts with ``\b`` (in a group that sets no flags), or with a choice each of whose
    alternatives starts with ``\b`` or with a character (or class of characters) none of which
    is a word character ("(", "["). Anything else, an empty alternative included: False."""
    if not nodes:
        return False
    op, av = nodes[0]
    if op is _C.AT:
        return av is _C.AT_BOUNDARY
    if op is _C.SUBPATTERN:
        _group, add, delete, sub = av
        return not add and not delete and _word_led(list(sub))
    if op is _C.BRANCH:
        return all(_word_led(list(alt)) or _opens_on_non_word(list(alt)) for alt in av[1])
    return False


def _opens_on_non_word(nodes) -> bool:
    """The sequence's first node matches one character, and never a word character (nor one
    that a case-insensitive pattern equates with one)."""
    if not nodes:
        return False
    op, av = nodes[0]
    if op is _C.LITERAL:
        codes = [av]
    elif op is _C.IN:
        if not all(item_op is _C.LITERAL for item_op, _ in av):
            return False
        codes = [code for _, code in av]
    else:
        return False
    # (a cased character may stand for a word character under re.IGNORECASE: none is allowed)
    return all(not _is_word(ch) and ch.lower() == ch.upper() == ch for ch in map(chr, codes))


_SCANNERS: dict[int, Scanner] = {}


def scanner(pattern: re.Pattern) -> Scanner:
    """The (cached) scanner of a compiled pattern.

    Cached by the pattern's identity: hashing a ``re.Pattern`` hashes its compiled code, which
    costs microseconds for the long patterns and this is called once per sentence.
    """
    s = _SCANNERS.get(id(pattern))
    if s is None or s.pattern is not pattern:
        s = _SCANNERS[id(pattern)] = Scanner(pattern)
    return s
