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
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
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
_SF_MAX = 12  # characters of a _SF_TOKEN at most
# two capitals with at most _SF_MAX - 2 characters between them, none a white space: what an
# ASCII sentence holds when a _SF_TOKEN in it has two (see _capitals)
_TWO_CAPITALS = re.compile(rf"[A-Z]\S{{0,{_SF_MAX - 2}}}[A-Z]")
# "X, often abbreviated as SF": the words that may lead the cue, and the cue's own words (each
# lead word ends with its space, and none is the end of another: _cue_after reads them back)
_CUE_LEAD = (
    "which is ",
    "which are ",
    "commonly ",
    "often ",
    "usually ",
    "also ",
    "sometimes ",
    "frequently ",
    "generally ",
)
_CUE_WORDS = ("abbreviated", "shortened", "known", "referred to", "called", "written")
_CUE_AFTER = re.compile(
    rf",?\s*(?:{'|'.join(_CUE_LEAD)})*"
    rf"(?:{'|'.join(_CUE_WORDS)})(?: to| as)?\s+(?:the )?[\"'“‘]?({_SF_TOKEN})[\"'”’]?"
)
# the words every match of _STANDS_FOR holds after its short form, and every match of
# _ALSO_KNOWN after its leading words (see _cue_led)
_STANDS_CUES = (
    "stands for",
    "is short for",
    "short for",
    "means",
    "is an abbreviation for",
    "is the abbreviation for",
    "is an acronym for",
)
_ALSO_NAMES = ("called", "known as", "referred to as", "a name for")
_STANDS_FOR = re.compile(
    rf"(?<![\w\-/.])({_SF_TOKEN})[\"'”’]?\s*(?:\)\s*)?,?\s*(?:which |that )?(?:{'|'.join(_STANDS_CUES)})\s+[\"'“‘]?(?:the |an? )?",
)
# _ALSO_KNOWN's lead words ("more" only after a comma)
_ALSO_LEADS = ("often", "also", "sometimes", "commonly", "usually", "more", "otherwise")
_ALSO_KNOWN = re.compile(  # "FPIES, often called fibromyalgia", "SLE, also known as lupus"
    rf"(?:\s*,\s*(?:which is |is )?(?:(?:{'|'.join(_ALSO_LEADS)})\s+)?"
    rf"|\s+(?:{'|'.join(w for w in _ALSO_LEADS if w != 'more')})\s+)"
    rf"(?:{'|'.join(_ALSO_NAMES)})\s+(?:the |an? )?[\"'“‘]?"
)
# every word a match of _ALSO_KNOWN may hold before its name words (none is the end of another:
# _also_known_back reads them back)
_ALSO_LEAD_WORDS = ("which", "is", *_ALSO_LEADS)
_OR_AFTER = re.compile(
    rf"(?<![\w\-/.])({_SF_TOKEN}),\s+or\s+(?:the\s+)?(?=\w)"
)  # "SLE, or systemic lupus erythematosus"
# what every match of _OR_AFTER holds right after its short form (its scanner's own factor,
# "or", is in most sentences): a literal comma first, which re finds fast; see _or_after
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
_PUNCT_BOUNDARY = re.compile(r"[;:,)\]](?=\s)")  # _BOUNDARY's marks (see _Marks)
_MARK_CHARS = ";:,)]"
_DASH_AT = re.compile(r"(?=(\s(?:--+|[–—])\s))")  # _BOUNDARY's dashes, each place one may start
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


@lru_cache(maxsize=1 << 12)
def _wordlike(short: str) -> bool:
    """A short form that reads like an ordinary word (``Milan``, ``sys``) rather than letters."""
    letters = [c for c in short if c.isalpha()]
    return (
        short.isalpha()
        and (short.islower() or (short[0].isupper() and short[1:].islower() and len(short) >= 4))
        and len(letters) >= 2
    )


def _starts_part(text: str, p: int) -> bool:
    """Whether ``text[p]`` starts a word or a word part (``_INITIAL_CHAR`` matches there): a
    letter or digit after anything else, a capital after a small letter, a letter after a digit
    or a digit after a letter."""
    c = text[p]
    if not c.isalnum():  # (``[^\W_]`` is str.isalnum, ``\d`` str.isdecimal)
        return False
    if not p:
        return True
    b = text[p - 1]
    if not b.isalnum():
        return True
    if c.isdecimal():
        return not b.isdecimal()
    return b.isdecimal() or ("a" <= b <= "z" and "A" <= c <= "Z")


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
    as ``_starts_part`` and the readings of numbers in ``_align_region`` would find: at an
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


@lru_cache(maxsize=1 << 12)
def _short_letters(short: str) -> tuple[tuple[str, ...], bool, int]:
    """The letters and digits of ``short`` to align, in lower case; whether its final ``s`` is a
    plural ("PPIs", "cdks": it stands for the plural of the last word, and is not aligned); and
    the index from which the rest may stay unmatched (final digits: "triiodothyronine (T3)")."""
    letters = [c.lower() for c in short if c.isalnum()]
    plural = short.endswith("s") and (
        (len(letters) >= 3 and any(c.isupper() for c in short[:-1]))
        or (len(letters) >= 4 and short.islower())
    )
    if plural:
        letters.pop()
    n = len(letters)
    optional_from = n
    while optional_from > 0 and letters[optional_from - 1].isdigit() and n - optional_from < 2:
        optional_from -= 1
    return tuple(letters), plural, max(optional_from, 1)


def _initial_at(text: str, low: str, ps: list[int], out: dict[int, bool]) -> None:
    """Whether the character at each of ``ps`` starts a word or word part (``_starts_part``),
    with the e of a British "oe"/"ae" after an initial o or a counted as initial too
    ("oestradiol (E2)", "haemoglobin (Hb)"), into ``out``. Only the places where a letter of
    the short form stands are ever asked about: the rest of the text is not looked at."""
    for p in ps:
        if p not in out:
            out[p] = _starts_part(text, p) or (
                p > 0 and low[p] == "e" and low[p - 1] in "oa" and _starts_part(text, p - 1)
            )


def _letter_positions(
    text: str, low: str, chars: tuple[str, ...]
) -> tuple[dict[str, list[int]], dict[int, bool]]:
    """Where each letter of the short form may match, sorted: its occurrences (on freak text,
    only the word starts and the last ``_MAX_INNER`` others), and for a digit also the number
    words and Roman numerals that read as it ("two-dimensional (2D)", "factor VIII (F8A)");
    and whether each of those places starts a word or word part (``_initial_at``)."""
    positions = {c: find_all(low, c) if len(c) == 1 else [] for c in set(chars)}
    init: dict[int, bool] = {}
    for c, ps in positions.items():
        _initial_at(text, low, ps, init)
        if len(ps) > _MAX_INNER:
            positions[c] = sorted({p for p in ps if init[p]} | set(ps[-_MAX_INNER:]))
    for c in set(chars) & _NUMBER_WORDS.keys():
        extra = [m.start() for m in _NUMBER_WORDS[c].finditer(low)] + [
            m.start() for m in _ROMAN[c].finditer(text)
        ]
        _initial_at(text, low, extra, init)
        positions[c] = sorted(set(positions[c] + extra))
    return positions, init


def _word_layout(
    tokens: list[re.Match[str]], base: int, positions: dict[str, list[int]]
) -> tuple[dict[int, int], list[bool], list[bool], list[int]]:
    """For the words of the region (offsets from ``base``): the word each of the short form's
    places is in, whether each word is a content word or a link word ("of", "the"), and how
    many content words there are from each word on."""
    content, link = [], []
    starts = []
    for t in tokens:
        starts.append(t.start() - base)
        word = t.group().strip("()[],;:.\"'“”‘’").lower()
        is_link = word in _LINK_WORDS
        link.append(is_link)
        # (a word of letters and digits only has one: the search is for the others)
        content.append(not is_link and (word.isalnum() or _ALNUM.search(word) is not None))
    # (every place is a letter or digit, so inside a word: the last word that starts at or before it)
    tok_of = {p: bisect_right(starts, p) - 1 for ps in positions.values() for p in ps}
    after = [0] * (len(tokens) + 1)
    for k in range(len(tokens) - 1, -1, -1):
        after[k] = after[k + 1] + content[k]
    return tok_of, content, link, after


_Tail = tuple[float, tuple[int, ...]]  # the score of the rest of an alignment, and its positions


def _tail_scorer(
    chars: tuple[str, ...],
    optional_from: int,
    positions: dict[str, list[int]],
    init: dict[int, bool],
    low: str,
    layout: tuple[dict[int, int], list[bool], list[bool], list[int]],
    first: int,
) -> Callable[[int, int], _Tail | None]:
    """The dynamic programme: ``tail(i, p)`` is the best (score, positions) for matching
    ``chars[i + 1:]`` after ``chars[i]`` matched at ``p``, with the table for every later letter
    filled in, from the last letter back. ``first``: the earliest place an alignment starts
    (``tail(0, p)`` is asked for no ``p`` before it), so no later letter is matched there or
    before, and the table leaves those places out."""
    tok_of, _content, link, after = layout
    n = len(chars)
    # what matching a letter at p earns when it starts a word (part)
    gain = {
        p: (_LINK_INITIAL if link[tok_of[p]] else _INITIAL) if init[p] else 0.0
        for ps in positions.values()
        for p in ps
    }
    # for each letter from the second on: the places where the rest of an alignment exists
    # (sorted), and for each what ``tail`` reads of it: (place, word, gain, content words from
    # its word on, score and places of the rest)
    rows: list[tuple[list[int], list[tuple[int, int, float, int, float, tuple[int, ...]]]]] = [
        ([], [])
    ] * n

    def tail(i: int, p: int) -> _Tail | None:
        opt: _Tail | None = None
        cost = 0.0
        tp = tok_of[p]
        ap = after[tp + 1]
        for j in range(i + 1, n + 1):
            if j == n:
                cand = (cost + _SKIPPED_WORD * ap, ())
                if opt is None or cand[0] > opt[0]:
                    opt = cand
                break
            places, entries = rows[j]
            for q, tq, g, aq, sub_score, sub_path in entries[bisect_right(places, p) :]:
                if not g:
                    if tq != tp:
                        g = _INNER_ENTRY  # a word entered by an inner letter
                    else:
                        g = _NEXT if q == p + 1 and low[p].isalpha() else _INNER
                gap = ap - aq if tq > tp else 0
                score = cost + g + _SKIPPED_WORD * gap + sub_score
                if opt is None or score > opt[0]:
                    opt = (score, (q, *sub_path))  # (the path is built only for a better score)
            if j < optional_from:
                break
            cost += _SKIPPED_DIGIT
        return opt

    for i in range(n - 1, 0, -1):
        places, entries = [], []
        for p in positions[chars[i]]:
            if p <= first:
                continue
            rest = tail(i, p)
            if rest is not None:
                places.append(p)
                entries.append((p, tok_of[p], gain[p], after[tok_of[p]], rest[0], rest[1]))
        rows[i] = (places, entries)
    return tail


def _best_start(
    tokens: list[re.Match[str]],
    base: int,
    text: str,
    content: list[bool],
    init: dict[int, bool],
    firsts: list[int],
    tail: Callable[[int, int], _Tail | None],
    one_word: bool,
) -> tuple[float, int, int, tuple[int, ...]] | None:
    """The best (score, word, position of the first letter, positions) over the words a long
    form may start at: content words, not stop words, not inside a bracket; ties go to the
    later word, or to the later position in the same word. ``one_word``: the last word only."""
    found: tuple[float, int, int, tuple[int, ...]] | None = None
    closing = ")" in text or "]" in text
    for k in range(len(tokens) - 1, -1 if not one_word else len(tokens) - 2, -1):
        if not content[k] or tokens[k].group().strip("()[]\"'“”‘’").lower() in _STOP_WORDS:
            continue
        ts, te = tokens[k].start() - base, tokens[k].end() - base
        if closing and _closes_early(text[ts:]):
            continue  # "clozapine(CLP) and its ...": a long form does not start inside a bracket
        # (the first letter's positions are sorted: those in this word, in the same order)
        for p in firsts[bisect_left(firsts, ts) : bisect_left(firsts, te)]:
            if init[p]:
                rest = tail(0, p)
                if rest is not None and (
                    found is None
                    or _INITIAL + rest[0] > found[0]
                    or (_INITIAL + rest[0] == found[0] and found[1] == k)
                ):
                    found = (_INITIAL + rest[0], k, p, (p, *rest[1]))
    return found


def _cut_prefix(text: str, start: int, p: int) -> int:
    """Where the long form starts, given the word start ``start`` and its first matched letter
    at ``p``: after a slash between words or a double dash ("Ngn3/paired box factor 6 (PAX6)"),
    or at ``p`` when the part before it is a word of its own ("non-high-density lipoprotein
    (HDL)"), except chemical prefixes ("alpha-1-antitrypsin")."""
    prefix_text = text[start:p]
    if _PREFIX_CUT.search(prefix_text):
        return start + max(m.end() for m in _PREFIX_CUT.finditer(prefix_text))
    if any(
        len(run) > 2 and run.lower() not in _CHEM_PREFIXES
        for run in _LETTER_RUN.findall(prefix_text)
    ):
        return p
    return start


def _summary(
    found: tuple[float, int, int, tuple[int, ...]],
    start: int,
    chars: tuple[str, ...],
    plural: bool,
    tokens: list[re.Match[str]],
    low: str,
    init: dict[int, bool],
    layout: tuple[dict[int, int], list[bool], list[bool], list[int]],
) -> _Alignment:
    """The alignment's figures (``start`` is an offset in the region): which content words got
    a letter, and at a word start or only inside; a plural short form counts the last word
    when it ends in s."""
    score, k, p, path = found
    tok_of, content, _link, _after = layout
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
    at = [init[q] for q in path]
    skipped = inner = loose = 0
    for m in words:
        if m not in matched:
            skipped += 1
        elif not matched[m]:
            inner += 1
    for r, q in itertools.pairwise(path):
        if not init[q] and not (q == r + 1 and tok_of[q] == tok_of[r]):
            loose += 1
    return _Alignment(
        start=start,
        score=score,
        initials=sum(at),
        skipped_words=skipped,
        inner_words=inner,
        words=len(words),
        prefix=low[p : p + len(chars)] == "".join(chars),
        unmatched_digits="".join(chars[len(path) :]),
        initial_at=tuple(at),
        loose=loose,
    )


def _may_follow(low: str, first: int, chars: tuple[str, ...], optional_from: int) -> bool:
    """Whether the letters ``chars[1:optional_from]``, which every alignment matches in order
    after the first letter (``_tail_scorer`` may leave only those from ``optional_from`` on
    unmatched), occur in that order in ``low`` after ``first``, the earliest place where the
    first letter starts a word. A letter matches only where it stands (``_letter_positions``);
    a digit also at a number word or a Roman numeral, so it is passed over here (the test then
    asks less, never more). False means no alignment exists: the dynamic programme, run, finds
    none."""
    pos = first
    find = low.find
    for c in chars[1:optional_from]:
        if c.isdigit():
            continue
        pos = find(c, pos + 1)
        if pos < 0:
            return False
    return True


def _align_region(
    short: str, region: str, max_words: int, one_word: bool = False, first_starts: bool = False
) -> _Alignment | None:
    """The best long form ending at the end of ``region`` (in its last ``max_words`` words), by
    the alignment score; ``one_word``: a long form of the last word only; ``first_starts``: the
    caller found that the first letter may start a word there (``_first_part_may_start``)."""
    chars, plural, optional_from = _short_letters(short)
    if not chars:
        return None
    tokens = list(_WORD.finditer(region, _last_words_start(region, max_words)))
    if not tokens:
        return None
    base = tokens[0].start()
    text = region[base:]
    low = _lower(text)
    if not first_starts and not _may_start(text, low, chars[0]):
        return None  # the first letter starts no word here (the test below, without the work)
    positions, init = _letter_positions(text, low, chars)
    first = next((p for p in positions[chars[0]] if init[p]), None)
    if first is None:
        return None  # the first letter starts no word here: no long form can start
    if not _may_follow(low, first, chars, optional_from):
        return None  # the letters that must follow do not, in order: no long form can end here
    layout = _word_layout(tokens, base, positions)
    tail = _tail_scorer(chars, optional_from, positions, init, low, layout, first)
    found = _best_start(tokens, base, text, layout[1], init, positions[chars[0]], tail, one_word)
    if found is None:
        return None
    start = _cut_prefix(text, tokens[found[1]].start() - base, found[2])
    return _summary(found, start + base, chars, plural, tokens, low, init, layout)


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


class _Marks:
    """The brackets and clause boundaries of one sentence, found once. The long-first reader
    looks back from up to ``MAX_SENTENCE_BRACKETS`` brackets of a sentence for where a long form
    may start; scanning the text before each bracket again cost more than the alignment on a
    page of brackets. Each answer is what a scan of ``text[lo:hi]`` would give."""

    __slots__ = ("dash", "dash_at", "full", "partner", "run", "starts", "text")

    def __init__(self, text: str, end: int | None = None) -> None:
        """``end``: no question will be asked about the text from ``end`` on."""
        self.text = text
        if end is None:
            end = len(text)
        # for each closing bracket, the opening bracket (of either kind) that a scan back from
        # it finds with everything between balanced, or -1
        self.partner: dict[int, int] = {}
        stack: list[int] = []
        for m in _BRACKET.finditer(text, 0, end):
            i = m.start()
            if text[i] in "([":
                stack.append(i)
            else:
                self.partner[i] = stack.pop() if stack else -1
        # where ``_BOUNDARY``'s matches start, in order (a mark's ends a character after its
        # space; ``dash_at`` gives a dash's end and index). A punctuation mark before a space is
        # one wherever a scan starts. A dash between spaces is one unless the scan
        # has taken its first space already, with a mark just before it or as the last space of
        # the dash before: that depends on where the scan starts, so ``full`` says whether a
        # scan from the sentence start takes each dash, and ``run`` numbers the runs of dashes
        # that share their spaces (" -- -- ": taken, not taken, taken ...)
        self.starts = [m.start() for m in _PUNCT_BOUNDARY.finditer(text, 0, end)]
        self.dash_at: dict[int, tuple[int, int]] = {}
        self.dash: list[int] = []
        self.full: list[bool] = []
        self.run: list[int] = []
        if "-" in text or "–" in text or "—" in text:
            taken_to = last_end = run = -1
            for m in _DASH_AT.finditer(text, 0, end):
                p, e = m.start(), m.end(1)
                run += p != last_end - 1
                last_end = e
                taken = p >= taken_to and not (p > 0 and text[p - 1] in _MARK_CHARS)
                if taken:
                    taken_to = e
                self.dash_at[p] = (e, len(self.dash))
                self.dash.append(p)
                self.full.append(taken)
                self.run.append(run)
            if self.dash:
                self.starts = sorted(self.starts + self.dash)

    def aside(self, lo: int, close: int) -> bool:
        """Whether the bracket closing at ``close`` opened after a space, at ``lo``, or before
        it (or nowhere): a bracket that stands apart, not ``NH(2)-terminal``."""
        o = self.partner.get(close, -1)
        return o <= lo or self.text[o - 1].isspace()

    def _end(self, lo: int, hi: int) -> int:
        """The end of ``text[lo:hi].rstrip()``."""
        if hi <= lo or not self.text[hi - 1].isspace():
            return hi
        return lo + len(self.text[lo : hi - 1].rstrip())

    def before_asides(self, lo: int, hi: int) -> int:
        """``hi`` moved back over asides in brackets just before it, which are no part of the
        long form ("coagulation (ko-ag-u-LA-shun)"); asides hold no brackets of their own."""
        text = self.text
        while True:
            k = self._end(lo, hi)
            if k == lo or text[k - 1] not in ")]" or not self.aside(lo, k - 1):
                return hi
            o = max(text.rfind("(", lo, k), text.rfind("[", lo, k))
            if o < 0:
                return hi
            hi = o

    def _taken(self, d: int, lo: int) -> bool:
        """Whether a scan from ``lo`` takes the ``d``-th dash (at or after ``lo``)."""
        first = bisect_left(self.dash, lo)
        p = self.dash[first]
        taken = not (p > lo and self.text[p - 1] in _MARK_CHARS)
        flip = taken != self.full[first]
        return self.full[d] != (flip and self.run[d] == self.run[first])

    def region_starts(self, lo: int, hi: int) -> tuple[int, int]:
        """Where a long form ending at ``hi`` may start: after the last clause boundary after
        ``lo``, or after an earlier bracketed aside; and the same across commas that follow no
        bracket (for a list before the bracket: "Deese, Roediger, and McDermott (DRM)")."""
        text, starts, dash_at = self.text, self.starts, self.dash_at
        k = self._end(lo, hi)
        start = -1
        j = bisect_left(starts, k)
        while j > 0:
            j -= 1
            b = starts[j]
            e, d = dash_at.get(b, (b + 2, -1))
            if b < lo:
                break
            if e >= k:
                continue  # (at the very end: the long form would be empty)
            if d >= 0:
                if not self._taken(d, lo):
                    continue
            elif text[b] == ",":
                if start < 0:
                    start = e
                if b == lo or text[b - 1] not in ")]":
                    continue
            elif text[b] in ")]" and not self.aside(lo, b):
                continue
            return (e if start < 0 else start), e
        return (lo if start < 0 else start), lo


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
    words = region[_last_words_start(region, window) :].lstrip()
    return _may_start(words, _lower(words), _first_letter(short))


@lru_cache(maxsize=1 << 12)
def _first_letter(short: str) -> str:
    """The first letter or digit of ``short``, in lower case ("" without one)."""
    return next((c for c in short if c.isalnum()), "").lower()


@lru_cache(maxsize=1 << 12)
def _letter_count(short: str) -> int:
    """The letters and digits of ``short``."""
    return sum(c.isalnum() for c in short)


def _reach_back(text: str, lo: int, hi: int) -> int:
    """Where to look back from for a long form ending at ``hi``: at most ``_REACH`` characters
    (a long form is at most 20 words; long sentences stay fast), from a word start."""
    if hi - lo > _REACH:
        return text.find(" ", hi - _REACH, hi) + 1 or hi - _REACH
    return lo


@dataclass(slots=True)
class _Reader:
    """How the readings of one short form are aligned before one bracket: within the last
    ``window`` words, and one word only for a single letter ("E2")."""

    short: str
    window: int
    one_word: bool

    def attempt(
        self, reading: str, where: str, strict: bool = False, first_starts: bool = False
    ) -> _Alignment | None:
        """The acceptable alignment of ``reading`` (the short form, or its parts reordered)
        with the long form ending ``where``; ``strict``: every letter in a word of its own."""
        a = _align_region(
            reading,
            where,
            max_words=self.window,
            one_word=self.one_word and reading == self.short,
            first_starts=first_starts,
        )
        if a is None or not _acceptable(self.short, a):
            return None
        if strict and (a.inner_words or a.initials < 2 or a.skipped_words > a.words // 3):
            return None
        return a


def _wide_reading(
    reader: _Reader, text: str, wide_start: int, start: int, hi: int, a: _Alignment | None
) -> _Alignment | None:
    """The reading across the commas of a list before the bracket ("Deese, Roediger, and
    McDermott (DRM)", "Non-A, non-B hepatitis (NANB)"), when it starts before ``start`` and
    more letters then start words than in ``a``; else None."""
    b = reader.attempt(reader.short, text[wide_start:hi].rstrip())
    if (
        b is not None
        and wide_start + b.start < start
        and not b.inner_words
        and b.initials >= 3
        and (a is None or b.initials > a.initials)
    ):
        return b
    return None


def _subscript_reading(reader: _Reader, region: str, a: _Alignment | None) -> _Alignment | None:
    """A symbol with a subscript may name the subscript first: V(T) "tidal volume", [Ca2+]i
    "intracellular Ca2+ concentration"; that reading wins when more letters start words."""
    sub = _SUBSCRIPT.fullmatch(reader.short)
    if sub:
        symbol, index = sub.group(1) or sub.group(3), sub.group(2) or sub.group(4)
        b = reader.attempt(f"{index} {symbol}", region)
        if b is not None and (a is None or (b.initials, b.score) > (a.initials, a.score)):
            return b
    return a


def _swapped_reading(reader: _Reader, region: str) -> _Alignment | None:
    """Names whose two parts the short form swaps: "ninth embryonic day (E9)", "B2-type cyclin
    (CYCB2)", "gamma-interferon (IFN-gamma)". The cut is between two parts of the short form,
    or between any two letters when every letter starts a word or follows the one before
    ("Myotonic dystrophy (DM)")."""
    short = reader.short
    parts = _part_starts(short)
    for cut in parts if len(short) > 6 else range(1, len(short)):
        if not short[cut].isalnum():
            continue
        moved = sum(c.isalnum() for c in short[cut:])  # where the first part now starts
        a = reader.attempt(f"{short[cut:]} {short[:cut]}", region, strict=True)
        if (
            a is not None
            and moved < len(a.initial_at)
            and a.initial_at[moved]
            and (cut in parts or not a.loose)
        ):
            return a
    return None


def _with_number(region: str, a: _Alignment) -> None:
    """Move the start of ``a`` back over the number its short form ends with, when it stands
    just before: "the 20-item Toronto Alexithymia Scale (TAS-20)", "type II TGFbeta receptor
    (Tgfbr2)"."""
    d = a.unmatched_digits
    before = _LAST_WORD.search(region[: a.start])
    kind = re.search(
        rf"(?:^|\s)((?:type|class|group|grade|stage|phase|subtype)\s+(?:{d}|{_ROMAN_OF.get(d, d)}))\s+$",
        region[: a.start],
        re.I,
    )
    if kind:
        a.start = kind.start(1)
    elif before and before.group(1).startswith(d) and not before.group(1)[len(d) :][:1].isdigit():
        a.start = before.start(1)


def _with_locant(region: str, a: _Alignment) -> None:
    """Move the start of ``a`` back over a locant written apart from its name: "17
    beta-oestradiol (E2)"."""
    if _GREEK_PREFIX.match(region, a.start):
        before = _LOCANT.search(region[: a.start])
        if before:
            a.start = before.start(1)


def _unquoted(long: str, start: int) -> tuple[str, int]:
    """The long form without quotes around it, a bracket that opens before it, or a leading
    dash; and its start moved with it."""
    if len(long) > 2 and long[0] in "\"'“‘" and long[-1] in "\"'”’":
        long, start = long[1:-1], start + 1
    elif long[:1] in ('"', "“") and long.count(long[0]) + long.count("”") == 1:
        long, start = long[1:], start + 1
    while (long and long[0] in "\"'“‘([" and not _balanced(long)) or long[:1] in ("-", "–"):
        long, start = long[1:], start + 1
    return long, start


def _no_long_form(long: str, short: str, n: int) -> bool:
    """Whether the text found cannot be the long form: it starts inside a bracket or is all in
    one, has no more letters than the short form, or holds the short form itself ("type II MS
    (MS II)", "named syn (SYN)")."""
    if _closes_early(long) or (long[0] in "([" and _groups(long)[0][:2] == (0, len(long) - 1)):
        return True
    return sum(map(str.isalnum, long)) <= n or _contains_word(long, short)


def _long_first(
    text: str, lo: int, hi: int, short: str, strict: bool = False, marks: _Marks | None = None
) -> tuple[int, str] | None:
    """The aligned long form that ends before ``hi`` (a bracket) for ``short``: (start, text).
    ``strict``: the short form was read from the head of longer bracket text; ``marks``: the
    sentence's brackets and boundaries, when the caller has them."""
    if marks is None:
        marks = _Marks(text)
    lo = _reach_back(text, lo, hi)
    hi = marks.before_asides(lo, hi)
    start, wide_start = marks.region_starts(lo, hi)
    region = text[start:hi].rstrip()
    if not region or region[-1] in ",;:":
        return None  # "the following: (A) ...": the bracket opens a new clause
    n = _letter_count(short)
    # a single letter (with a number after it: "E2") names a single word
    reader = _Reader(short, min(n + 5, 2 * n), bool(_ONE_LETTER.fullmatch(short)))
    # the first letter must start a word for this reading and the swapped ones: looked at once
    first_starts = _first_part_may_start(short, region, reader.window)
    a = reader.attempt(short, region, strict, first_starts=True) if first_starts else None
    if strict and a is not None and a.skipped_words:
        a = None
    if wide_start < start and _wide_may_win(n, a):
        b = _wide_reading(reader, text, wide_start, start, hi, a)
        if b is not None:
            a, start, region = b, wide_start, text[wide_start:hi].rstrip()
    a = _subscript_reading(reader, region, a)
    if a is None and first_starts:
        a = _swapped_reading(reader, region)
    if a is None:
        return None
    if a.unmatched_digits:
        _with_number(region, a)
    _with_locant(region, a)
    long, a.start = _unquoted(region[a.start :], a.start)
    if _no_long_form(long, short, n):
        return None
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
    if not _BRACKET.search(s):
        return 0
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


def _groups(text: str, first: int | None = None) -> list[tuple[int, int, int]]:
    """Matched bracket pairs: (open, close, open of the enclosing pair or -1), in order of
    their opening brackets; ``first``: only the first ones, which are known, and the scan
    stops, once that many are closed and no bracket is left open (a later pair opens after
    them all)."""
    if "[" not in text and "]" not in text and text.count("(") == 1 == text.count(")"):
        o, c = text.index("("), text.index(")")  # one pair, the common case: no scan needed
        return [(o, c, -1)] if o < c and first != 0 else []
    stack: list[int] = []
    # where on ``stack`` each kind of opening bracket is: a closing bracket takes the nearest of
    # its kind (and closes all above it) without scanning a stack of the other kind
    at: dict[str, list[int]] = {"(": [], "[": []}
    out: list[tuple[int, int, int]] = []
    for m in _BRACKET.finditer(text):
        ch, i = m.group(), m.start()
        if ch in "([":
            if first is not None and not stack and len(out) >= first:
                break
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
    return out if first is None else out[:first]


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
    # (the pattern holds the words: without them, nothing to take off)
    return off, _FOR_SHORT.sub("", piece) if "for short" in piece else piece


def _np_before(sentence: str, end: int, max_words: int = 6) -> tuple[int, str]:
    """The noun phrase that ends at ``end``: back to a stop word, punctuation or ``max_words``."""
    reach = max(0, end - _REACH)
    # the words of a short stretch before ``end`` when it holds more than ``max_words`` (all
    # but its first are whole words, and no more are read), else of the whole reach
    words = list(_WORD.finditer(sentence, max(reach, end - 8 * max_words), end))
    if len(words) <= max_words:
        words = list(_WORD.finditer(sentence, reach, end))
    chosen: list[re.Match[str]] = []
    for w in reversed(words):
        token = w.group().strip(",;:\"'“”‘’")
        if (
            not token
            or token.lower() in _STOP_WORDS
            or (w.group().endswith((",", ";", ":", ".", ")", "]")) and chosen)
        ):
            break
        if _BRACKET.search(token) and not _balanced(token):
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


def _may_lead(sentence: str, start: int, end: int, short: str) -> bool:
    """Whether an alignment of ``short`` with a run of words from ``start`` (before ``end``)
    can start at ``start``, as ``_long_after`` asks of every run it reads: a word starts there,
    and the short form's first letter starts a word (part) in it (``_may_start``: where it
    does not, the programme starts every alignment at a later word)."""
    word = _WORD.match(sentence, start, end)
    chars = _short_letters(short)[0]
    return (
        word is not None
        and bool(chars)
        and _may_start(word.group(), _lower(word.group()), chars[0])
    )


def _long_after(sentence: str, start: int, end: int, short: str, whole: bool = False) -> str | None:
    """The long form that starts at ``start`` (short form first): the shortest run of words
    up to ``end`` whose letters the short form aligns with from its first word, every word
    taking part. One word will do when it is long enough to hold the letters ("IL
    (interleukin)")."""
    if not _may_lead(sentence, start, end, short):
        return None  # no alignment can start at the first word: none starts where asked
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


def _word_before(seg: str) -> tuple[int, str] | None:
    """The last word of ``seg`` and where it starts, when white space follows it."""
    stripped = seg.rstrip()
    if len(stripped) == len(seg) or not stripped:
        return None
    word = stripped.rsplit(None, 1)[-1]
    return len(stripped) - len(word), word


def _short_first(text: str, o: int, c: int) -> Definition | None:
    """``SF (long form)``: the word before the bracket is the short form."""
    base = max(0, o - 40)
    word = _word_before(text[base:o])
    if not word or (base and word[0] == 0):
        return None
    sf = word[1]
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
            return Definition(sf, lf, base + word[0], lstart, "parenthesis_short_first", True)
    return None


def _bracketed(text: str) -> list[Definition]:
    found: list[Definition] = []
    groups = _groups(text, MAX_SENTENCE_BRACKETS)
    if not groups:
        return found
    # the sentence's marks, found when a bracket first holds a short form to read back from
    # (most brackets hold none: "(are)", "(when available)")
    marks: _Marks | None = None
    for o, c, parent in groups:
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
            if marks is None:  # (each long form ends at an opening bracket)
                marks = _Marks(text, groups[-1][0] + 1)
            hit = _long_first(text, lo, o, sf, strict=strict, marks=marks)
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


def _cue_after(text: str) -> Iterator[re.Match]:
    """``_CUE_AFTER.finditer(text)``. A match holds one of ``_CUE_WORDS``, and what comes before
    that word in it is a comma, white space and lead words (``_CUE_LEAD``); read back from each
    occurrence of a cue word (a lead word ends with a space and none is the end of another, so
    there is one way back), those give the earliest start a match through that word can have,
    and the pattern is tried only from there to the word, in order: re tried it at every
    character of each sentence with a cue word in it ("called" and "known" are common)."""
    starts: set[int] = set()
    for word in _CUE_WORDS:
        for k in find_all(text, word):
            q = k
            while lead := next((w for w in _CUE_LEAD if text.endswith(w, 0, q)), None):
                q -= len(lead)
            while q > 0 and text[q - 1].isspace():  # (str.isspace is re's \s for str patterns)
                q -= 1
            if q > 0 and text[q - 1] == ",":
                q -= 1
            starts.update(range(q, k + 1))
    yield from _matches_from(_CUE_AFTER, text, sorted(starts))


def _matches_from(
    pattern: re.Pattern[str], text: str, starts: list[int]
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` at ``starts`` (ascending), none inside an earlier one: what
    ``pattern.finditer(text)`` yields when every match starts at one of ``starts``."""
    pos = 0
    for p in starts:
        if p < pos:
            continue  # inside the last match, where finditer does not look
        m = pattern.match(text, p)
        if m is not None:
            yield m
            pos = m.end()


def _or_after(text: str) -> Iterator[re.Match]:
    """``_OR_AFTER.finditer(text)``. A match is a short form (one to ``_SF_MAX`` characters, no
    comma among them) and the comma of an ``_OR_NEEDS`` match right after it, so the pattern is
    tried only in the ``_SF_MAX`` characters before each such comma, in order, rather than at
    every character of each sentence with ", or " in it (most lists have one)."""
    starts = sorted(
        {p for m in _OR_NEEDS.finditer(text) for p in range(max(0, m.start() - _SF_MAX), m.start())}
    )
    yield from _matches_from(_OR_AFTER, text, starts)


def _cue_led(
    pattern: re.Pattern[str], text: str, cues: tuple[str, ...], back: Callable[[str, int], int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern each match of which holds one of ``cues`` and
    starts at or after ``back(text, k)`` for that cue at ``k``: the pattern is tried only from
    there to each cue, in order, rather than at every character of the sentence (re tried its
    short form at every word and backed off letter by letter)."""
    starts: set[int] = set()
    for cue in cues:
        for k in find_all(text, cue):
            starts.update(range(back(text, k), k))
    yield from _matches_from(pattern, text, sorted(starts))


def _stands_for_back(text: str, k: int) -> int:
    """The earliest start of a _STANDS_FOR match whose cue is at ``k``: before "which "/"that ",
    the brackets, commas, quotes and white space after the short form, and the longest short
    form (when "which " is not the match's, the short form ends in the space before ``k``)."""
    if text.endswith("which ", 0, k):
        k -= 6
    elif text.endswith("that ", 0, k):
        k -= 5
    while k and (text[k - 1].isspace() or text[k - 1] in ",)\"'”’"):
        k -= 1
    return max(0, k - _SF_MAX)


def _also_known_back(text: str, k: int) -> int:
    """The earliest start of an _ALSO_KNOWN match whose name words are at ``k``: back over white
    space, commas and the lead words, as long as there are any (a match's lead holds nothing
    else)."""
    while True:
        while k and text[k - 1].isspace():  # (str.isspace is re's \s for str patterns)
            k -= 1
        if k and text[k - 1] == ",":
            k -= 1
            continue
        word = next((w for w in _ALSO_LEAD_WORDS if text.endswith(w, 0, k)), None)
        if word is None:
            return k
        k -= len(word)


def _capitals(text: str) -> bool:
    """False only when no word of ``text`` that a short form can be (``_SF_TOKEN``: no white
    space, at most ``_SF_MAX`` characters) holds two capitals (``str.isupper``); on ASCII text,
    where the capitals are ``A`` to ``Z``, one search says so."""
    return not text.isascii() or _TWO_CAPITALS.search(text) is not None


def _in_sentence(text: str, cued: bool | None = None) -> list[Definition]:
    """The definitions in one sentence; ``cued``: whether ``_CUES`` occurs in it (None: look)."""
    found = _bracketed(text) if "(" in text or "[" in text else []
    lf: str | None  # a long form, once found
    if not (_CUES.search(text) is not None if cued is None else cued):
        return found
    # X, often abbreviated as SF / X, also known as SF
    for m in _cue_after(text):
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
    # (every cue but "means" ends with "for": most cued sentences hold neither)
    stands = "for" in text or "means" in text
    for m in _cue_led(_STANDS_FOR, text, _STANDS_CUES, _stands_for_back) if stands else ():
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
    # SF, or long form / long form, or SF (both patterns hold a comma: none, nothing to read)
    # (these and "SF, also known as X" take only short forms with two capitals: ``_capitals``)
    capitals = _capitals(text)
    comma = capitals and "," in text
    for m in _or_after(text) if comma else ():
        sf = m.group(1)
        if is_short_form(sf) and not _wordlike(sf) and sum(ch.isupper() for ch in sf) >= 2:
            lf = _long_after(text, m.end(), len(text), sf)
            if lf:
                found.append(Definition(sf, lf, m.start(1), m.end(), "or", True))
    # (plain re: the pattern opens with a comma, which re's own search skips to faster than a
    # scanner's automaton over a sentence)
    for m in _OR_BEFORE.finditer(text) if comma else ():
        sf = m.group(1).rstrip(".")
        if is_short_form(sf) and not _wordlike(sf) and sum(ch.isupper() for ch in sf) >= 2:
            hit = _long_first(text, 0, m.start(), sf)
            if hit:
                found.append(Definition(sf, hit[1], m.start(1), hit[0], "or", True))
    # SF = long form
    for m in scanner(_EQUALS).finditer(text) if "=" in text else ():
        sf = m.group(1)
        if is_short_form(sf) and not _wordlike(sf):
            lf = _long_after(text, m.end(), len(text), sf)
            if lf:
                found.append(Definition(sf, lf, m.start(1), m.end(), "equals", True))
    # SF, also known as X
    for m in _cue_led(_ALSO_KNOWN, text, _ALSO_NAMES, _also_known_back) if capitals else ():
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


@lru_cache(maxsize=1 << 12)
def _sentence_definitions(text: str, cued: bool | None) -> tuple[Definition, ...]:
    """The definitions in a sentence of ``text`` (``_in_sentence``), remembered: a sentence's
    definitions depend on its text alone (their offsets are the sentence's own), and sentences
    repeat, on a page (a summary of key points, then the same points in the body) and across
    the pages of a site (its boilerplate, its standard wording). The definitions are shared,
    never changed: ``find_definitions`` reads them into new ``Abbreviation`` objects."""
    return tuple(_in_sentence(text, cued))


def find_definitions(
    sentences: list[Sentence], text: str | None = None, ordered: bool | None = None
) -> list[Abbreviation]:
    """Every abbreviation definition on the page, in order, without duplicates of the same span.

    ``text``: the page the sentences are slices of; with it, the sentences with a cue word are
    found in one pass over the page, and the rest (most of them) are read only for brackets.
    ``ordered``: ``fastmatch.in_order(sentences)``, where the caller has it."""
    out: list[Abbreviation] = []
    seen: set[tuple[int, str]] = set()
    cued = scanner(_CUES).matching(text, sentences, ordered) if text is not None else None
    for s in sentences:
        if not s.index & 63:
            checkpoint()
        is_cued = None if cued is None else id(s) in cued
        if "(" not in s.text and "[" not in s.text:
            if is_cued is None:  # (the search ``_in_sentence`` makes: a sentence without it is
                is_cued = _CUES.search(s.text) is not None  # skipped, as it would find nothing)
            if not is_cued:
                continue
        defs = _sentence_definitions(s.text, is_cued)
        for d in defs:
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
