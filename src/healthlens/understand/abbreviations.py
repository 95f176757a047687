"""Abbreviation definitions, in every form pages use, each checked by letter alignment.

Forms: ``long form (SF)`` and ``long form [SF]`` (also ``(SF; more text)``, ``(SF, more
text)``, ``(more text; SF)``, ``(also called X or SF)``), ``(long form, SF)``, ``SF (long form)``,
``SF, or long form`` / ``long form, or SF``, ``X, often abbreviated as SF``, ``SF, also known as X``,
``SF stands for X``, ``SF = long form``.

A ``long form (SF)`` definition is read in four steps (docs/abbreviations.md has the details):

1. *Brackets* are matched pairwise, nested ones too (``tidal volume (V(T))``). A bracket glued
   to a name (``Pt(II)``, ``(ERK)1/2``), a list of names (``(Al, B, Ba)``) or a bracket opening a
   clause (``the following: (A)``) is no definition.
2. *The short form* is the bracket text up to the first ``;`` or ``,`` (else its last part, or
   its first word), if it looks like one (:func:`is_short_form`).
3. *The long form* ends at the bracket and starts at a word within ``min(n + 5, 2n)`` words
   after the last clause boundary (Schwartz & Hearst 2003). Schwartz & Hearst take the shortest
   span whose letters align, which cuts words off (``Index of Erectile Function (IIEF)``); here
   every start word is scored by the best alignment it allows (dynamic programming): letters
   that start a word or word part score most, a letter right after the previous one some, other
   inner letters nothing, and content words without a letter cost. The best score wins.
4. *Acceptance* bounds the words left without a letter and the words reached only by inner
   letters, and asks more of short forms that read like words (``arm``).

Letters out of order are read by general rules: unmatched final digits, number words and
Roman numerals (``two-dimensional (2D)``), a plural ``s``, British ``oe``, subscripts named first
(``ambient temperature (T(a))``), and, when nothing else aligns, two swapped parts (``ninth
embryonic day (E9)``).

A bracketed acronym whose letters do not align is still returned, ``aligned=False``, with the
noun phrase before it: ``Fibromyalgia (FPIES)`` is a definition, a wrong one, and
:mod:`healthlens.understand.expansions` judges it against the terminology.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..fastmatch import find_all, scanner
from ..limits import MAX_SENTENCE_BRACKETS, checkpoint
from ..models import Abbreviation, Sentence

__all__ = ["find_definitions", "align", "is_short_form", "Definition"]

_WORD = re.compile(r"\S+")
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit, as str.isalnum
_BRACKET = re.compile(r"[()\[\]]")
_CLOSE = {")": "(", "]": "["}
_SF_TOKEN = r"[A-Za-z0-9][\w\-/&'’.+]{0,11}"
_CUE_AFTER = re.compile(
    rf",?\s*(?:which is |which are |commonly |often |usually |also |sometimes |frequently |generally )*"
    rf"(?:abbreviated|shortened|known|referred to|called|written)(?: to| as)?\s+(?:the )?[\"'“‘]?({_SF_TOKEN})[\"'”’]?"
)
_STANDS_FOR = re.compile(
    rf"(?<![\w\-/.])({_SF_TOKEN})[\"'”’]?\s*(?:\)\s*)?,?\s*(?:which |that )?(?:stands for|is short for|short for|means|is an abbreviation for|is the abbreviation for|is an acronym for)\s+[\"'“‘]?(?:the |an? )?",
)
_ALSO_KNOWN = re.compile(  # "FPIES, often called fibromyalgia", "SLE, also known as lupus"
    r"(?:\s*,\s*(?:which is |is )?(?:(?:often|also|sometimes|commonly|usually|more|otherwise)\s+)?"
    r"|\s+(?:often|also|sometimes|commonly|usually|otherwise)\s+)"
    r"(?:called|known as|referred to as|a name for)\s+(?:the |an? )?[\"'“‘]?"
)
_OR_AFTER = re.compile(
    rf"(?<![\w\-/.])({_SF_TOKEN}),\s+or\s+(?:the\s+)?(?=\w)"
)  # "SLE, or systemic lupus erythematosus"
# what every match of _OR_AFTER holds (its scanner's own factor, "or", is in most sentences,
# and the pattern then runs at every character): a literal comma first, which re finds fast
_OR_NEEDS = re.compile(r",\s+or\s")
_OR_BEFORE = re.compile(
    rf",\s+or\s+({_SF_TOKEN})(?=\s*(?:[,;:.)]|for short|$))"
)  # "systemic lupus erythematosus, or SLE,"
# words without which none of the forms other than brackets can be present (a cheap test first)
_CUES = re.compile(
    r"abbreviat|shortened|known|referred|called|written|stands|short for|means|acronym|, or | = "
)
_BRACKET_CUE = re.compile(
    r"(?:or|i\.e\.,?|ie,?|aka|a\.k\.a\.,?|also(?: known as| called)?|known as|called|abbreviated(?: as)?|"
    r"hereafter(?: referred to as| called)?|henceforth|short for|formerly(?: known as| called)?)\s+",
    re.I,
)
_EQUALS = re.compile(rf"(?<![\w=<>\-/.])({_SF_TOKEN})\s+=\s+(?=[A-Za-z])")
_STOP_WORDS = frozenset(
    """a an the of and or in on at to for with by from as is are was were be been that which who this these
    those its their his her our your it they we he she you i also often commonly usually called known""".split()
)
# words a long form may contain without any letter of the short form in them ("tumour of the skin")
_LINK_WORDS = frozenset(
    "a an the of and or in on at to for with by from as via per into its their".split()
)
# a clause boundary a long form does not reach back over
_BRACKET = re.compile(r"[()\[\]]")
_BOUNDARY = re.compile(r"[;:,]\s|\s(?:--+|[–—])\s|[)\]]\s")
# things in brackets that are not short forms: statistics, measures, ranges, enumerations
_NOT_SF = re.compile(r"[=<>±%]|\+/-|^\d+(?:[.,]\d+)?(?:\s|$)|\d[.,]\d.*\s|\s\d+[.,]\d")
# common words that are never lower-case short forms
_WORDLIKE_STOP = frozenset(
    """a an and or the in on at of to by for as is it be no not yes any are was were has had
    may can see sic eg ie etc all new old low high mean range total none both each per via vs also only ref
    refs fig figs table note""".split()
)
# scores of the alignment (see the module docstring)
_INITIAL, _LINK_INITIAL, _NEXT, _INNER, _INNER_ENTRY, _SKIPPED_WORD, _SKIPPED_DIGIT = (
    2.0,
    0.5,
    1.0,
    0.0,
    -3.0,
    -2.5,
    -1.0,
)
_NUMBER_WORDS = {
    d: re.compile(rf"(?<![a-z])(?:{words})(?![a-z])")
    for d, words in {
        "1": "one|first|single",
        "2": "two|second|double",
        "3": "three|third",
        "4": "four|fourth",
        "5": "five|fifth",
        "6": "six|sixth",
        "7": "seven|seventh",
        "8": "eight|eighth",
        "9": "nine|ninth",
    }.items()
}
_ROMAN_OF = {
    "1": "I",
    "2": "II",
    "3": "III",
    "4": "IV",
    "5": "V",
    "6": "VI",
    "7": "VII",
    "8": "VIII",
    "9": "IX",
}
_ROMAN = {d: re.compile(rf"(?<![A-Za-z]){r}(?![A-Za-z])") for d, r in _ROMAN_OF.items()}
_INITIAL_CHAR = re.compile(r"(?<![^\W_])[^\W_]|(?<=[a-z])[A-Z]|(?<=\d)[^\W\d_]|(?<=[^\W\d_])\d")
_DIGRAPH = re.compile(r"[oa]e")
_SUBSCRIPT = re.compile(r"([A-Za-z]{1,3})\(([A-Za-z0-9]{1,4})\)|\[([^\]]{1,6})\]([a-z]{1,2})")
_REACH = 400  # characters before a bracket where its long form may start, and the longest bracket text read
_MAX_INNER = 40  # positions of one letter kept beyond word starts (only freak text has more)
# where a long form's first word is cut: after a slash between words, or a double dash
_PREFIX_CUT = re.compile(r"(?<=[\w)])/(?=[A-Za-z])|--+|—")
# word parts a long form keeps before the letter it starts with ("alpha-1-antitrypsin")
_CHEM_PREFIXES = frozenset(
    """alpha beta gamma delta epsilon kappa lambda omega cis trans tert sec iso neo nor
    bis tris tetrakis ortho meta para""".split()
)
# patterns used on every page, compiled once
_LETTER_RUN = re.compile(r"[A-Za-z]+")
_ONE_LETTER = re.compile(
    r"\W*[A-Z]\W*\d{0,2}\W*"
)  # "E2", "(T)": a single letter names a single word
_LAST_WORD = re.compile(r"(\S+)\s+$")
_LOCANT = re.compile(r"(?:^|\s)(\d+(?:[,']\d*)*'?)\s+$")
_GREEK_PREFIX = re.compile(r"(?:alpha|beta|gamma|delta)-")
_FOR_SHORT = re.compile(r"\s+for short$")
_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))(\S+?)\s+$")
_HEAD_WORD = re.compile(r"([^\s;,]+?)[-:]?\s+\S")
_OR_LAST = re.compile(r"\s(?:or|and)\s+(\S+)$")
_WORD_END = re.compile(r"[a-z]{4,}$")
_PLAIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*(?: [A-Za-z][A-Za-z'’-]*)*")
_SEPARATOR = re.compile(r"[;,](?=\s)")  # where bracket text may split into pieces
_SF_BEFORE = re.compile(rf"(?:^|(?<=\s))({_SF_TOKEN})\s*$")


@dataclass(slots=True)
class Definition:
    short: str
    long: str
    short_start: int
    long_start: int
    pattern: str
    aligned: bool


@lru_cache(
    maxsize=1 << 16
)  # a pure function of short text, asked of the same words again and again
def is_short_form(token: str) -> bool:
    """Whether bracketed text can be a short form: 1–15 characters in at most three words, with
    a letter, starting with a letter, digit or bracket, none of ``= < > ± %`` and no bare
    numbers (``P<0.05``, ``95% CI``, ``10 M`` are not). One letter must be a capital; a
    lower-case short form must be 2–5 letters and not a common word (``aa``, ``bpm``, but not
    ``see``)."""
    token = token.strip()
    if not 1 <= len(token) <= 15 or len(token.split()) > 3:
        return False
    if not (token[0].isalnum() or token[0] == "[") or not any(c.isalpha() for c in token):
        return False
    if _NOT_SF.search(token):
        return False
    if not any(c.isupper() or c.isdigit() for c in token):
        return 2 <= len(token) <= 5 and token.isalpha() and token.lower() not in _WORDLIKE_STOP
    letters = [c for c in token if c.isalpha()]
    if len(letters) == 1:
        return letters[0].isupper()  # "T", "E2", but not "1-a" or "h2"
    return True


def _wordlike(short: str) -> bool:
    """A short form that reads like an ordinary word (``Milan``, ``sys``) rather than letters."""
    letters = [c for c in short if c.isalpha()]
    return (
        short.isalpha()
        and (short.islower() or (short[0].isupper() and short[1:].islower() and len(short) >= 4))
        and len(letters) >= 2
    )


def _initials(s: str) -> list[bool]:
    """Whether each character starts a word or a word part: a letter or digit after anything
    else, a capital after a small letter, a letter after a digit or a digit after a letter."""
    out = [False] * len(s)
    for m in _INITIAL_CHAR.finditer(s):
        out[m.start()] = True
    return out


def _last_words_start(region: str, k: int) -> int:
    """Where the last ``k`` words of ``region`` (runs of non-space) start reading: the offset
    after which ``_WORD.finditer`` finds exactly them (0 when there are at most ``k``, or k < 1)."""
    if k < 1:
        return 0
    head = region.rsplit(None, k)
    return len(head[0]) if len(head) > k else 0


def _lower(text: str) -> str:
    """``text.lower()``, one character for each character (``"İ".lower()`` has two), so that
    offsets into it are offsets into ``text``."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join([ch.lower()[0] for ch in text])
    return low


def _may_start(text: str, low: str, c: str) -> bool:
    """Whether the character ``c`` (lower case) starts a word or word part somewhere in ``text``,
    as ``_initials`` and the readings of numbers in ``_align_region`` would find: at an
    occurrence of ``c``, or of a number word or Roman numeral when ``c`` is a digit."""
    starts = find_all(low, c) if len(c) == 1 else []
    if c in _NUMBER_WORDS:
        starts = (
            starts
            + [m.start() for m in _NUMBER_WORDS[c].finditer(low)]
            + [m.start() for m in _ROMAN[c].finditer(text)]
        )
    initial = _INITIAL_CHAR.match
    for p in starts:
        if p < len(text) and (
            initial(text, p)
            or (p > 0 and low[p] == "e" and low[p - 1] in "oa" and initial(text, p - 1))
        ):
            return True  # (the second: British "oe"/"ae", whose e counts as initial after an initial o or a)
    return False


@dataclass(slots=True)
class _Alignment:
    start: int  # offset in the region where the long form starts (a word start)
    score: float
    initials: int  # letters of the short form that start a word or word part
    skipped_words: int  # content words of the long form with no letter of the short form
    inner_words: int  # content words whose letters are all inside the word ("fiber" for E)
    words: int  # content words in the long form
    prefix: bool  # the short form is the first letters of the long form ("apo", "cod")
    unmatched_digits: str = ""  # digits at the end of the short form the long form lacks
    initial_at: tuple[bool, ...] = ()  # for each matched character, whether it starts a word (part)
    loose: int = 0  # matched characters that neither start a word nor follow the previous match


def _align_region(
    short: str, region: str, max_words: int, one_word: bool = False
) -> _Alignment | None:
    """The best long form ending at the end of ``region``, by the alignment score."""
    chars = [c.lower() for c in short if c.isalnum()]
    plural = short.endswith("s") and (
        (len(chars) >= 3 and any(c.isupper() for c in short[:-1]))
        or (len(chars) >= 4 and short.islower())
    )
    if plural:  # "PPIs", "cdks": the plural s stands for the plural of the last word
        chars.pop()
    n = len(chars)
    if not n:
        return None
    # digits at the end of the short form may stay unmatched ("triiodothyronine (T3)")
    optional_from = n
    while optional_from > 0 and chars[optional_from - 1].isdigit() and n - optional_from < 2:
        optional_from -= 1
    if optional_from == 0:
        optional_from = 1
    tokens = list(_WORD.finditer(region, _last_words_start(region, max_words)))
    if not tokens:
        return None
    base = tokens[0].start()
    text = region[base:]
    low = _lower(text)
    if not _may_start(text, low, chars[0]):
        return None  # what the test after ``positions`` below finds, without the work before it
    init = _initials(text)
    for m in _DIGRAPH.finditer(
        low
    ):  # British "oestradiol (E2)", "haemoglobin (Hb)": the e counts as initial
        if init[m.start()]:
            init[m.start() + 1] = True
    positions = {c: find_all(low, c) if len(c) == 1 else [] for c in set(chars)}
    for (
        c,
        ps,
    ) in positions.items():  # bound the work on freak text: word starts and the nearest others
        if len(ps) > _MAX_INNER:
            positions[c] = sorted({p for p in ps if init[p]} | set(ps[-_MAX_INNER:]))
    for c in (
        set(chars) & _NUMBER_WORDS.keys()
    ):  # "two-dimensional (2D)", "factor VIII-associated (F8A)"
        extra = [m.start() for m in _NUMBER_WORDS[c].finditer(low)] + [
            m.start() for m in _ROMAN[c].finditer(text)
        ]
        positions[c] = sorted(set(positions[c] + extra))
    if not any(p < len(init) and init[p] for p in positions[chars[0]]):
        return None  # the first letter starts no word here: no long form can start (see ``found`` below)
    tok_of = [0] * len(text)
    content, link = [], []
    for k, t in enumerate(tokens):
        a, b = t.start() - base, t.end() - base
        tok_of[a:b] = [k] * (b - a)
        word = t.group().strip("()[],;:.\"'“”‘’").lower()
        link.append(word in _LINK_WORDS)
        content.append(not link[-1] and _ALNUM.search(word) is not None)
    after = [0] * (len(tokens) + 1)  # content words from token k on
    for k in range(len(tokens) - 1, -1, -1):
        after[k] = after[k + 1] + content[k]
    # what matching a letter at p earns when it starts a word (part); only letters of the short form are matched
    gain = {
        p: (_LINK_INITIAL if link[tok_of[p]] else _INITIAL) if init[p] else 0.0
        for ps in positions.values()
        for p in ps
    }
    # best[i][p]: (score, positions) of the best way to match chars[i+1:] after chars[i] at p
    best: list[dict[int, tuple[float, tuple[int, ...]] | None]] = [dict() for _ in range(n)]

    def tail(i: int, p: int) -> tuple[float, tuple[int, ...]] | None:
        opt: tuple[float, tuple[int, ...]] | None = None
        cost = 0.0
        for j in range(i + 1, n + 1):
            if j == n:
                cand = (cost + _SKIPPED_WORD * after[tok_of[p] + 1], ())
                if opt is None or cand[0] > opt[0]:
                    opt = cand
                break
            ps = positions[chars[j]]
            after_p = best[j]
            for q in ps[bisect_right(ps, p) :]:  # the positions are sorted; only those after p
                sub = after_p.get(q)
                if sub is None:
                    continue
                if gain[q]:
                    g = gain[q]
                elif tok_of[q] != tok_of[p]:
                    g = _INNER_ENTRY  # a word entered by an inner letter
                else:
                    g = _NEXT if q == p + 1 and low[p].isalpha() else _INNER
                gap = after[tok_of[p] + 1] - after[tok_of[q]] if tok_of[q] > tok_of[p] else 0
                score = cost + g + _SKIPPED_WORD * gap + sub[0]
                if opt is None or score > opt[0]:
                    opt = (score, (q, *sub[1]))  # (the path is built only for a better score)
            if j < optional_from:
                break
            cost += _SKIPPED_DIGIT
        return opt

    for i in range(n - 1, 0, -1):
        for p in positions[chars[i]]:
            best[i][p] = tail(i, p)
    found: tuple[float, int, int, tuple[int, ...]] | None = None  # score, token, start, positions
    closing = ")" in text or "]" in text
    for k in range(len(tokens) - 1, -1 if not one_word else len(tokens) - 2, -1):
        if not content[k] or tokens[k].group().strip("()[]\"'“”‘’").lower() in _STOP_WORDS:
            continue
        ts, te = tokens[k].start() - base, tokens[k].end() - base
        if closing and _closes_early(text[ts:]):
            continue  # "clozapine(CLP) and its ...": a long form does not start inside a bracket
        for p in positions[chars[0]]:
            if ts <= p < te and init[p]:
                rest = tail(0, p)
                if rest is not None and (
                    found is None
                    or _INITIAL + rest[0] > found[0]
                    or (_INITIAL + rest[0] == found[0] and found[1] == k)
                ):
                    found = (_INITIAL + rest[0], k, p, (p, *rest[1]))
    if found is None:
        return None
    score, k, p, path = found
    start = tokens[k].start() - base
    prefix_text = text[start:p]
    cut = _PREFIX_CUT.search(prefix_text)
    if (
        cut
    ):  # "Ngn3/paired box factor 6 (PAX6)", "malformations--persistent truncus arteriosus (PTA)"
        start += max(m.end() for m in _PREFIX_CUT.finditer(prefix_text))
    elif any(
        len(run) > 2 and run.lower() not in _CHEM_PREFIXES
        for run in _LETTER_RUN.findall(prefix_text)
    ):
        start = p  # "non-high-density lipoprotein (HDL)": the prefix is not part of the long form
    matched: dict[int, bool] = {}
    for q in path:
        matched[tok_of[q]] = matched.get(tok_of[q], False) or init[q]
    words = [m for m in range(k, len(tokens)) if content[m]]
    if (
        plural
        and words
        and words[-1] not in matched
        and tokens[words[-1]].group().rstrip(".,;:)]").endswith("s")
    ):
        matched[words[-1]] = True
    return _Alignment(
        start=start + base,
        score=score,
        initials=sum(init[q] for q in path),
        skipped_words=sum(m not in matched for m in words),
        inner_words=sum(m in matched and not matched[m] for m in words),
        words=len(words),
        prefix=low[p : p + n] == "".join(chars),
        unmatched_digits="".join(chars[len(path) :]),
        initial_at=tuple(init[q] for q in path),
        loose=sum(
            not init[q] and not (q == r + 1 and tok_of[q] == tok_of[r])
            for r, q in itertools.pairwise(path)
        ),
    )


def _acceptable(short: str, a: _Alignment) -> bool:
    """Whether an alignment is good enough to call the text a definition: at most one content
    word left without a letter, and no word reached only by an inner letter unless the rest
    is clean ("paired box" for PAX, but not "cellulose hollow fiber dialyzer" for CL-EE)."""
    if a.skipped_words > a.words // 2 or a.skipped_words > (2 if a.initials >= 3 else 1):
        return False
    if a.inner_words and (a.inner_words > 1 or a.initials < 2 or (a.skipped_words and a.words < 4)):
        return False  # "paired box factor 6 (PAX6)" passes: four words, one skipped, one by an inner letter
    if a.unmatched_digits and len(a.initial_at) < 2 and a.words > 1:
        return False  # "gene TAZ" for G4.5: one letter of three
    if _wordlike(short):  # "arm" is no short form of "although other muscles"
        return a.prefix or a.words == 1 or (a.initials >= 2 and not a.loose)
    return True


def _part_starts(short: str) -> list[int]:
    """Where the parts of a short form start (after the first): at a hyphen, a slash, a
    change between letters and digits, or a lower-to-upper case change."""
    cuts = []
    for i in range(1, len(short)):
        a, b = short[i - 1], short[i]
        if (a in "-/" and b.isalnum()) or (
            b.isalnum()
            and a.isalnum()
            and (a.isdigit() != b.isdigit() or (a.islower() and b.isupper()))
        ):
            cuts.append(i)
    return cuts


def _region_start(text: str, lo: int, hi: int, commas: bool = True) -> int:
    """Where a long form ending at ``hi`` may start: after the last clause boundary, or after
    an earlier bracketed aside (one that stands apart, not ``NH(2)-terminal``)."""
    seg = text[lo:hi].rstrip()
    asides = None
    tried = 0
    # the last boundary that counts: looked for from the end (the first one found is it)
    for m in reversed(list(_BOUNDARY.finditer(seg))):
        if m.end() >= len(seg) or (
            not commas
            and seg[m.start()] == ","
            and seg[m.start() - 1 : m.start()] not in (")", "]")
        ):
            continue
        if seg[m.start()] in ")]":
            tried += 1
            if tried > 4 and asides is None:  # many brackets that are not asides: one pass
                asides = _asides(seg)
            if not (asides[m.start()] if asides is not None else _aside(seg, m.start())):
                continue
        return lo + m.end()
    return lo


def _asides(seg: str) -> dict[int, bool]:
    """``_aside(seg, c)`` for every closing bracket ``c`` of ``seg``, in one pass: the bracket
    that ``_aside`` finds scanning back is the last opening bracket before ``c`` with one
    bracket fewer open before it than before ``c`` (one scan back per bracket made a run of
    nested brackets quadratic)."""
    out: dict[int, bool] = {}
    last_open: dict[int, int] = {}  # open brackets before it -> the last opening bracket so
    level = 0
    for m in _BRACKET.finditer(seg):
        i = m.start()
        if seg[i] in "([":
            last_open[level] = i
            level += 1
        else:
            o = last_open.get(level - 1)
            out[i] = o is None or o == 0 or seg[o - 1].isspace()
            level -= 1
    return out


def _aside(seg: str, close: int) -> bool:
    """Whether the bracket closing at ``close`` opened at the start or after a space."""
    depth = 0
    for i in range(close, -1, -1):
        ch = seg[i]
        if ch in ")]":
            depth += 1
        elif ch in "([":
            depth -= 1
            if depth == 0:
                return i == 0 or seg[i - 1].isspace()
    return True


def align(short: str, long: str) -> int | None:
    """Start offset in ``long`` of the long form that ``short`` aligns with best, or None."""
    a = _align_region(short, long, max_words=len(long.split()))
    return a.start if a is not None and _acceptable(short, a) else None


def _wide_may_win(n: int, a: _Alignment | None) -> bool:
    """Whether a reading across commas can replace ``a`` for a short form of ``n`` letters and
    digits: it needs three letters at word starts, and more than ``a`` has (at most ``n``)."""
    return n >= 3 and (a is None or a.initials < n)


def _first_part_may_start(short: str, region: str, window: int) -> bool:
    """Whether the first letter of ``short`` can start a word in the last ``window`` words of
    ``region``: a reading with swapped parts is taken only when it can (see ``_long_first``),
    so without that none need be tried."""
    first = next((c for c in short if c.isalnum()), "")
    words = region[_last_words_start(region, window) :].lstrip()
    return _may_start(words, _lower(words), first.lower())


def _long_first(
    text: str, lo: int, hi: int, short: str, strict: bool = False
) -> tuple[int, str] | None:
    """The aligned long form that ends before ``hi`` (a bracket) for ``short``."""
    if (
        hi - lo > _REACH
    ):  # a long form is at most 20 words: look no further back (long sentences stay fast)
        lo = text.find(" ", hi - _REACH, hi) + 1 or hi - _REACH
    while True:  # an aside in brackets just before is not part of the long form: "coagulation (ko-ag-u-LA-shun)"
        end = text[lo:hi].rstrip()
        if (
            not end.endswith((")", "]"))
            or not _aside(end, len(end) - 1)
            or end.count("(") + end.count("[") == 0
        ):
            break
        hi = lo + max(
            end.rfind("("), end.rfind("[")
        )  # the aside's opening bracket (no nesting in asides)
    start = _region_start(text, lo, hi)
    region = text[start:hi].rstrip()
    if not region or region[-1] in ",;:":
        return None  # "the following: (A) ...": the bracket opens a new clause
    n = sum(c.isalnum() for c in short)
    window = min(n + 5, 2 * n)
    # a single letter (with a number after it: "E2") names a single word
    one_word = bool(_ONE_LETTER.fullmatch(short))

    def attempt(reading: str, where: str, strict: bool = False) -> _Alignment | None:
        a = _align_region(reading, where, max_words=window, one_word=one_word and reading == short)
        if a is None or not _acceptable(short, a):
            return None
        if strict and (a.inner_words or a.initials < 2 or a.skipped_words > a.words // 3):
            return None
        return a

    a = attempt(short, region, strict=strict)
    if strict and a is not None and a.skipped_words:
        a = None
    # a list before the bracket: "Deese, Roediger, and McDermott (DRM)", "Non-A, non-B
    # hepatitis (NANB)"; read across the commas when more letters then start words
    wide_start = _region_start(text, lo, hi, commas=False)
    if wide_start < start and _wide_may_win(n, a):
        b = attempt(short, text[wide_start:hi].rstrip())
        if (
            b is not None
            and wide_start + b.start < start
            and not b.inner_words
            and b.initials >= 3
            and (a is None or b.initials > a.initials)
        ):
            a, start, region = b, wide_start, text[wide_start:hi].rstrip()
    # a symbol with a subscript may name the subscript first: V(T) "tidal volume",
    # [Ca2+]i "intracellular Ca2+ concentration"; that reading wins when more letters start words
    sub = _SUBSCRIPT.fullmatch(short)
    if sub:
        symbol, index = sub.group(1) or sub.group(3), sub.group(2) or sub.group(4)
        b = attempt(f"{index} {symbol}", region)
        if b is not None and (a is None or (b.initials, b.score) > (a.initials, a.score)):
            a = b
    # names whose two parts the short form swaps: "ninth embryonic day (E9)", "B2-type
    # cyclin (CYCB2)", "gamma-interferon (IFN-gamma)"; only when nothing else aligns
    if a is None and _first_part_may_start(short, region, window):
        parts = _part_starts(short)
        for cut in parts if len(short) > 6 else range(1, len(short)):
            if not short[cut].isalnum():
                continue
            moved = sum(c.isalnum() for c in short[cut:])  # where the first part now starts
            a = attempt(f"{short[cut:]} {short[:cut]}", region, strict=True)
            # between two parts of the short form, or between any two letters when every
            # letter starts a word or follows the one before ("Myotonic dystrophy (DM)")
            if (
                a is not None
                and moved < len(a.initial_at)
                and a.initial_at[moved]
                and (cut in parts or not a.loose)
            ):
                break
            a = None
    if a is None:
        return None
    long = region[a.start :]
    if a.unmatched_digits:
        # the number stands just before: "the 20-item Toronto Alexithymia Scale (TAS-20)",
        # "type II TGFbeta receptor (Tgfbr2)"
        d = a.unmatched_digits
        before = _LAST_WORD.search(region[: a.start])
        kind = re.search(
            rf"(?:^|\s)((?:type|class|group|grade|stage|phase|subtype)\s+(?:{d}|{_ROMAN_OF.get(d, d)}))\s+$",
            region[: a.start],
            re.I,
        )
        if kind:
            a.start = kind.start(1)
        elif (
            before and before.group(1).startswith(d) and not before.group(1)[len(d) :][:1].isdigit()
        ):
            a.start = before.start(1)
        long = region[a.start :]
    # a locant written apart from its name: "17 beta-oestradiol (E2)"
    before = _LOCANT.search(region[: a.start])
    if before and _GREEK_PREFIX.match(long):
        a.start = before.start(1)
        long = region[a.start :]
    # quotes around the long form, or a bracket that opens before it, are not part of it
    if len(long) > 2 and long[0] in "\"'“‘" and long[-1] in "\"'”’":
        long, a.start = long[1:-1], a.start + 1
    elif long[:1] in ('"', "“") and long.count(long[0]) + long.count("”") == 1:
        long, a.start = long[1:], a.start + 1
    while (long and long[0] in "\"'“‘([" and not _balanced(long)) or long[:1] in ("-", "–"):
        long, a.start = long[1:], a.start + 1
    if _closes_early(long) or (long[0] in "([" and _groups(long)[0][:2] == (0, len(long) - 1)):
        return None  # starts inside a bracket, or is all in one
    if sum(c.isalnum() for c in long) <= n or _contains_word(long, short):
        return None  # "type II MS (MS II)", "named syn (SYN)": the short form is no definition of itself
    return start + a.start, long


def _contains_word(text: str, word: str) -> bool:
    """Whether ``word`` (or its plural) stands as a word of ``text``, in any case."""
    text, word = text.lower(), word.lower()
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        end += text[end : end + 1] == "s"
        if (i == 0 or not text[i - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        i = text.find(word, i + 1)
    return False


def _bracket_depth(s: str) -> int | None:
    """Brackets left open at the end of ``s``, or None when it closes one it did not open."""
    depth = 0
    for ch in s:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth < 0:
                return None
    return depth


def _closes_early(s: str) -> bool:
    """Whether ``s`` closes a bracket it did not open."""
    return _bracket_depth(s) is None


def _balanced(s: str) -> bool:
    return _bracket_depth(s) == 0


def _groups(text: str) -> list[tuple[int, int, int]]:
    """Matched bracket pairs: (open, close, open of the enclosing pair or -1)."""
    stack: list[int] = []
    # where on ``stack`` each kind of opening bracket is: a closing bracket takes the nearest of
    # its kind (and closes all above it) without scanning a stack of the other kind
    at: dict[str, list[int]] = {"(": [], "[": []}
    out = []
    for m in _BRACKET.finditer(text):
        ch, i = m.group(), m.start()
        if ch in "([":
            at[ch].append(len(stack))
            stack.append(i)
            continue
        mine = at[_CLOSE[ch]]
        if mine:
            k = mine[-1]
            o = stack[k]
            del stack[k:]
            for kind in at.values():
                while kind and kind[-1] >= k:
                    kind.pop()
            out.append((o, i, stack[-1] if stack else -1))
    out.sort()
    return out


def _pieces(content: str) -> list[tuple[int, str]]:
    """The parts of bracket text split at top-level ``; `` and ``, ``: (offset, text).
    A separator is at the top level when as many brackets open as close before it."""
    out, start = [], 0
    if ";" in content or "," in content:
        count = content.count
        for m in _SEPARATOR.finditer(content):
            i = m.start()
            if count("(", 0, i) + count("[", 0, i) == count(")", 0, i) + count("]", 0, i):
                out.append((start, content[start:i]))
                start = i + 1
    out.append((start, content[start:]))
    return [(off + len(p) - len(p.lstrip()), p.strip()) for off, p in out]


def _uncue(off: int, piece: str) -> tuple[int, str]:
    """Bracket text without a leading or trailing cue: "(or SLE)", "(short for systemic lupus
    erythematosus)", "(SLE for short)"."""
    cue = _BRACKET_CUE.match(piece)
    if cue:
        off, piece = off + cue.end(), piece[cue.end() :]
    return off, _FOR_SHORT.sub("", piece)


def _np_before(sentence: str, end: int, max_words: int = 6) -> tuple[int, str]:
    """The noun phrase that ends at ``end``: back to a stop word, punctuation or ``max_words``."""
    words = list(_WORD.finditer(sentence, max(0, end - _REACH), end))
    chosen: list[re.Match[str]] = []
    for w in reversed(words):
        token = w.group().strip(",;:\"'“”‘’")
        if (
            not token
            or token.lower() in _STOP_WORDS
            or (w.group().endswith((",", ";", ":", ".", ")", "]")) and chosen)
        ):
            break
        if any(ch in token for ch in "()[]") and not _balanced(token):
            break
        chosen.append(w)
        if len(chosen) >= max_words:
            break
    if not chosen:
        return end, ""
    start = chosen[-1].start()
    return start, sentence[start:end].strip(" ,;:\"'“”‘’")


def _np_after(sentence: str, start: int, max_words: int = 8) -> tuple[int, str]:
    words = list(_WORD.finditer(sentence, start))
    chosen = []
    for w in words:
        token = w.group()
        chosen.append(w)
        if token.endswith((",", ";", ":", ".", ")", '"', "”")) or len(chosen) >= max_words:
            break
    if not chosen:
        return start, ""
    end = chosen[-1].end()
    return start, sentence[start:end].strip(" ,;:.\"'“”‘’)")


def _long_after(sentence: str, start: int, end: int, short: str, whole: bool = False) -> str | None:
    """The long form that starts at ``start`` (short form first): the shortest run of words
    up to ``end`` whose letters the short form aligns with from its first word, every word
    taking part. One word will do when it is long enough to hold the letters ("IL
    (interleukin)")."""
    n = sum(c.isalnum() for c in short)
    words = list(_WORD.finditer(sentence, start, end))
    if whole:  # all of the text or nothing
        words = words[-1:] if len(words) <= 2 * n + 2 else []
    best: tuple[float, str] | None = None
    for w in words[: n + 4]:
        cand = sentence[start : w.end()].rstrip(" ,;:.\"'”’")
        if cand.endswith(")") and not _balanced(cand):
            cand = cand[:-1]
        if not _balanced(cand) or (
            len(cand.split()) < 2 and not any(ch in cand for ch in "-/") and len(cand) < 3 * n
        ):
            continue
        a = _align_region(short, cand, max_words=len(cand.split()))
        if (
            a is not None
            and a.start == 0
            and a.skipped_words == 0
            and (a.initials >= 2 or a.words == 1)
            and _acceptable(short, a)
        ) and (best is None or a.score > best[0]):  # "MS (muscular sclerosis)", not "muscular"
            best = (a.score, cand)
    return best[1] if best else None


def _short_first(text: str, o: int, c: int) -> Definition | None:
    """``SF (long form)``: the word before the bracket is the short form."""
    base = max(0, o - 40)
    word = _WORD_BEFORE.search(text[base:o])
    if not word or (base and word.start(1) == 0):
        return None
    sf = word.group(1)
    if not is_short_form(sf):
        return None
    # a lower-case short form needs every letter to start a word: "rh (recombinant human)"
    lower = sf.isalpha() and sf.islower()
    if not lower and (
        _wordlike(sf) or (sum(ch.isupper() for ch in sf) < 2 and not any(ch.isdigit() for ch in sf))
    ):
        return None
    content = text[o + 1 : c]
    whole = (len(content) - len(content.lstrip()), content.strip())
    # the whole bracket ("BTEX (benzene, toluene, ethylbenzene, and p-xylene)"), else its first part
    for off, piece in dict.fromkeys([_uncue(*whole), _uncue(*_pieces(content)[0])]):
        if not piece or is_short_form(piece):
            continue
        lstart = o + 1 + off
        lf = _long_after(
            text, lstart, lstart + len(piece), sf, whole=off == whole[0] and piece == whole[1]
        )
        if lf is not None and lower:
            aligned = _align_region(sf, lf, len(lf.split()))
            if aligned is None or aligned.initials < len(sf):
                lf = None
        if lf is not None:
            return Definition(sf, lf, base + word.start(1), lstart, "parenthesis_short_first", True)
    return None


def _bracketed(text: str) -> list[Definition]:
    found: list[Definition] = []
    for o, c, parent in _groups(text)[:MAX_SENTENCE_BRACKETS]:
        if c + 1 < len(text) and text[c + 1].isalnum():
            continue  # "(ERK)1/2": notation, not a definition
        glued = o > 0 and text[o - 1].isalnum()
        content = text[o + 1 : c]
        if len(content) > _REACH:
            continue  # a paragraph in brackets: its own brackets are read on their own
        pieces = _pieces(content)
        if len(pieces) >= 3 and all(is_short_form(p) for _, p in pieces[:-1]):
            continue  # "(Al, B, Ba, Ca ...)": a list of names, not a definition
        lo = parent + 1 if parent >= 0 else 0
        # (long form, SF): the bracket holds both, which says more than letters before it
        if len(pieces) == 2 and is_short_form(pieces[1][1]) and not is_short_form(pieces[0][1]):
            (loff, lf), (soff, sf) = pieces
            if _long_after(content, loff, loff + len(lf), sf) == lf:
                found.append(
                    Definition(sf, lf, o + 1 + soff, o + 1 + loff, "parenthesis_long_first", True)
                )
                continue
        candidates = [(*_uncue(*pieces[0]), False)] + (
            [(*_uncue(*pieces[-1]), False)] if len(pieces) > 1 else []
        )
        head = _HEAD_WORD.match(candidates[0][1])
        if head and sum(ch.isupper() for ch in head.group(1)) >= 2 and not _wordlike(head.group(1)):
            # "(ARC- CDC IVA/C2)": an acronym, then more without a separator; read strictly
            candidates.append((candidates[0][0], head.group(1), True))
        tail = _OR_LAST.search(pieces[-1][1])
        if tail:  # "(also called coeliac disease or CD)"
            candidates.append((pieces[-1][0] + tail.start(1), tail.group(1), False))
        done = False
        for off, sf, strict in candidates:
            if not is_short_form(sf):
                continue
            if glued and not _WORD_END.search(text[max(lo, o - 20) : o]):
                continue  # "Pt(II)", "NH(2)": a bracket inside a name, unlike "ubiquitin(Ub)"
            hit = _long_first(text, lo, o, sf, strict=strict)
            if hit:
                found.append(
                    Definition(sf, hit[1], o + 1 + off, hit[0], "parenthesis_long_first", True)
                )
                done = True
                break
        if done:
            continue
        # SF (long form)
        d = _short_first(text, o, c)
        if d:
            found.append(d)
            continue
        # an acronym whose letters do not align: a definition all the same, judged later
        off, sf = pieces[0]
        if not glued and len(sf) >= 2 and sf.isupper() and sf.isalpha() and len(sf.split()) == 1:
            nstart, np = _np_before(text, o)
            if (
                np
                and len(np.split()) <= len(sf) + 2
                and _PLAIN_WORDS.fullmatch(np)
                and not is_short_form(np.split()[-1])
            ):
                found.append(
                    Definition(sf, np, o + 1 + off, nstart, "parenthesis_long_first", False)
                )
    return found


def _in_sentence(sentence: Sentence, cued: bool | None = None) -> list[Definition]:
    """The definitions in one sentence; ``cued``: whether ``_CUES`` occurs in it (None: look)."""
    text = sentence.text
    found = _bracketed(text) if "(" in text or "[" in text else []
    lf: str | None  # a long form, once found
    if not (_CUES.search(text) is not None if cued is None else cued):
        return found
    # X, often abbreviated as SF / X, also known as SF
    for m in scanner(_CUE_AFTER).finditer(text):
        sf = m.group(1).rstrip(".,;:")
        if (
            not is_short_form(sf)
            or len(sf) < 2
            or (not sf.isupper() and not any(c.isdigit() for c in sf))
        ):
            continue
        lstart, lf = _np_before(text, m.start())
        if lf and lf[0] not in "([" and not _contains_word(lf, sf):
            a = align(sf, lf)
            found.append(
                Definition(
                    sf,
                    lf if a is None else lf[a:],
                    m.start(1),
                    lstart + (0 if a is None else a),
                    "abbreviated_as",
                    a is not None,
                )
            )
    # SF stands for X
    for m in scanner(_STANDS_FOR).finditer(text):
        sf = m.group(1).rstrip(".,;:\"'")
        if not is_short_form(sf) or _wordlike(sf) or sf[0].islower():
            continue
        lf = _long_after(text, m.end(), len(text), sf)
        if lf:
            found.append(Definition(sf, lf, m.start(1), m.end(), "stands_for", True))
        else:
            lstart, np = _np_after(text, m.end())
            if np and sf.isupper():
                found.append(Definition(sf, np, m.start(1), lstart, "stands_for", False))
    # SF, or long form / long form, or SF
    for m in scanner(_OR_AFTER).finditer(text) if _OR_NEEDS.search(text) else ():
        sf = m.group(1)
        if is_short_form(sf) and not _wordlike(sf) and sum(ch.isupper() for ch in sf) >= 2:
            lf = _long_after(text, m.end(), len(text), sf)
            if lf:
                found.append(Definition(sf, lf, m.start(1), m.end(), "or", True))
    for m in scanner(_OR_BEFORE).finditer(text):
        sf = m.group(1).rstrip(".")
        if is_short_form(sf) and not _wordlike(sf) and sum(ch.isupper() for ch in sf) >= 2:
            hit = _long_first(text, 0, m.start(), sf)
            if hit:
                found.append(Definition(sf, hit[1], m.start(1), hit[0], "or", True))
    # SF = long form
    for m in scanner(_EQUALS).finditer(text):
        sf = m.group(1)
        if is_short_form(sf) and not _wordlike(sf):
            lf = _long_after(text, m.end(), len(text), sf)
            if lf:
                found.append(Definition(sf, lf, m.start(1), m.end(), "equals", True))
    # SF, also known as X
    for m in scanner(_ALSO_KNOWN).finditer(text):
        base = max(0, m.start() - 40)
        before = _SF_BEFORE.search(text[base : m.start()])
        if before is None or not (base == 0 or before.start(1) > 0):
            continue
        sf = before.group(1)
        if not is_short_form(sf) or _wordlike(sf) or sum(ch.isupper() for ch in sf) < 2:
            continue
        lf = _long_after(text, m.end(), len(text), sf)
        if lf:
            found.append(Definition(sf, lf, base + before.start(1), m.end(), "also_known_as", True))
            continue
        lstart, lf = _np_after(text, m.end())
        if lf and not is_short_form(lf):
            found.append(Definition(sf, lf, base + before.start(1), lstart, "also_known_as", False))
    return found


def find_definitions(sentences: list[Sentence], text: str | None = None) -> list[Abbreviation]:
    """Every abbreviation definition on the page, in order, without duplicates of the same span.

    ``text``: the page the sentences are slices of; with it, the sentences with a cue word are
    found in one pass over the page, and the rest (most of them) are read only for brackets."""
    out: list[Abbreviation] = []
    seen: set[tuple[int, str]] = set()
    cued = scanner(_CUES).matching(text, sentences) if text is not None else None
    for s in sentences:
        if not s.index & 63:
            checkpoint()
        is_cued = None if cued is None else id(s) in cued
        if is_cued is False and "(" not in s.text and "[" not in s.text:
            continue
        for d in _in_sentence(s, is_cued):
            key = (s.start + d.short_start, d.short)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Abbreviation(
                    short=d.short,
                    long=d.long,
                    start=s.start + d.short_start,
                    end=s.start + d.short_start + len(d.short),
                    long_start=s.start + d.long_start,
                    long_end=s.start + d.long_start + len(d.long),
                    sentence=s.index,
                    pattern=d.pattern,
                    aligned=d.aligned,
                    consistent=d.aligned,
                )
            )
    out.sort(key=lambda a: a.start)
    return out
