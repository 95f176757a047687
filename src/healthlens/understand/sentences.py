"""Sentence splitting with character offsets.

Lines are hard boundaries (pages put headings, bullets and list items on lines of their own),
except a line wrapped inside a sentence (it ends in a lower-case letter or a comma and the next
opens on a lower-case letter);
inside a line a sentence ends at . ! or ? followed by a space and a capital, digit or quote,
unless the dot ends a known abbreviation (Dr., e.g., et al.) or an initial (a capital letter
after a word that opens on a lower-case letter is no initial: "hepatitis C. It ...").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..fastmatch import find_all
from ..limits import MAX_SENTENCE_CHARS, checkpoint
from ..models import Sentence

__all__ = ["split_sentences"]

_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9•])""")
_NO_BREAK = frozenset(
    """dr mr mrs ms prof st vs etc e.g eg i.e ie al fig figs no approx ca jr sr inc ltd co dept
    vol pp ed eds jan feb mar apr jun jul aug sep sept oct nov dec u.s mt ft resp""".split()
)
_LINE = re.compile(r"[^\n]+?(?=\n|\s{2,}[-•*]\s|$)")
_GAP = re.compile(r"\s{2,}[-•*]\s")  # what, besides a newline, ends a _LINE match
_BULLET = re.compile(
    r"[\s•·*\-–—>]+"
)  # bullets and blanks before a sentence (``match(line, pos)``)


def _last_word(line: str, end: int) -> str:
    """The run of non-space characters that ends at ``end`` ("" after a space): what a search
    for the last non-space run of ``line[:end]`` finds, without rescanning the line for every dot."""
    space = line.rfind(" ", max(0, end - 64), end)  # bounded: a line of tabs stays linear
    if space >= 0 or end <= 64:
        word = line[space + 1 : end]
        if word.isprintable():  # no white space in it but " ", and it has none of those
            return word
    start = end  # a tab, a no-break space or another white space may end the run earlier
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    return line[start:end]


def _ends(line: str) -> Iterator[re.Match]:
    """The matches of ``_END.finditer(line)``, tried only where a run of ``.!?`` starts (found
    with ``str.find``, which skips text far faster than the pattern's own scan). A match takes its whole
    run, and from a later character of a run the pattern fails as it did from the run's start."""
    if "!" in line or "?" in line:
        starts = sorted(find_all(line, ".") + find_all(line, "!") + find_all(line, "?"))
    else:
        starts = find_all(line, ".")
    pos = 0
    for p in starts:
        if p < pos or (p and line[p - 1] in ".!?"):
            continue
        m = _END.match(line, p)
        if m:
            yield m
            pos = m.end()


def _lower_word_before(line: str, end: int) -> bool:
    """The word before the one that ends at ``end`` opens on a lower-case letter: "hepatitis C.",
    "vitamin D.", "type A." end a sentence on a letter that is no initial (an initial follows a
    name or another initial: "John F. Kennedy", "J. R. Smith")."""
    i = end - 1
    while i >= 0 and not line[i].isspace():
        i -= 1  # the start of the letter's own word
    while i >= 0 and line[i].isspace():
        i -= 1
    j = i
    while j >= 0 and not line[j].isspace():
        j -= 1
    return i >= 0 and line[j + 1].islower()


def _splits(line: str) -> list[int]:
    cuts = []
    for m in _ends(line):
        if line[m.start()] == ".":
            token = _last_word(line, m.start()).lower().lstrip("(\"'")
            if token in _NO_BREAK:
                continue
            if (
                len(token) == 1
                and token.isalpha()
                and not (line[m.start() - 1].isupper() and _lower_word_before(line, m.start()))
            ):
                continue
        cuts.append(m.end())
    return cuts


def _gaps(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each run of two or more white-space characters in ``text[start:end]``
    that a bullet and a white space follow: where ``_GAP`` matches. Found from the bullets back,
    each white space looked at once (the pattern, tried at every character of a long run of
    spaces, takes time quadratic in the run)."""
    out = []
    end = min(end, len(text))
    for bullet in "-•*":
        j = text.find(bullet, start, end - 1)
        while j >= 0:
            if text[j + 1].isspace():
                r = j
                while r > start and text[r - 1].isspace():
                    r -= 1
                if j - r >= 2:
                    out.append((r, j))
            j = text.find(bullet, j + 1, end - 1)
    out.sort()
    return out


def _line_items(text: str, start: int, end: int, gaps: list[tuple[int, int]]):
    """(offset, text) of the matches of ``_LINE.finditer(text, start, end)``, given ``_gaps``:
    each match runs from its start to the first later position that is a newline, the end, or
    a position with two or more white spaces left before a bullet of ``gaps``."""
    pos, g = start, 0
    end = min(end, len(text))
    while pos < end:
        if text[pos] == "\n":
            pos += 1
            continue
        while g < len(gaps) and gaps[g][1] - max(gaps[g][0], pos + 1) < 2:
            g += 1  # this gap lies before, or too little of it is left after ``pos``
        cut = text.find("\n", pos + 1, end)
        if cut < 0:
            cut = end
        if g < len(gaps):
            cut = min(cut, max(gaps[g][0], pos + 1))
        yield pos, text[pos:cut]
        pos = cut


# "noun.", "adj.", "a)", "ii)": a label, not a word run on; "by Jane Roe": a byline under a title
_LABEL = re.compile(r"[a-z]{1,6}[.)]|by\s+[A-Z]")


def _wrapped(text: str, end: int, start: int) -> bool:
    """The line that ends at ``end`` runs on into the one at ``start`` (``end + 1``): a hard wrap
    inside a sentence ("Systemic" / "sclerosis (SSc) is ..."), where the first line ends in a
    lower-case letter or a comma and the next opens on a lower-case word. A next line that opens
    on a label ("noun. ...", "a) ...": a gloss under a headword, an item of a list) or a byline
    ("by Jane Roe") stays apart."""
    last, first = text[end - 1], text[start]
    return (last == "," or last.islower()) and first.islower() and not _LABEL.match(text, start)


def _lines(text: str):
    """(offset, text) of each line, and of each bullet item run into a line ("a  - b  - c"):
    the matches of ``_LINE``, found by cutting at newlines and running the pattern only on
    lines where a bullet follows white space (a lazy match tries its lookahead at every character). A
    bullet on a later line can also end ``_LINE``'s match before the white space that ends a
    line; the sentences are the same, since that white space is stripped. A line wrapped inside
    a sentence (``_wrapped``) is one line with the next, its newline kept as a space."""
    start = 0
    held: tuple[int, int] | None = None  # a plain line, which the next may continue
    for line in text.split("\n"):
        if line:
            gaps = (
                _gaps(text, start, start + len(line) + 1)
                if ("-" in line or "•" in line or "*" in line)
                else None
            )
            if gaps:  # a bullet run into the line
                if held is not None:
                    yield held[0], text[held[0] : held[1]]
                    held = None
                # with the newline, which may be the space after a bullet
                yield from _line_items(text, start, start + len(line) + 1, gaps)
            elif held is not None and held[1] + 1 == start and _wrapped(text, held[1], start):
                held = (held[0], start + len(line))
            else:
                if held is not None:
                    yield held[0], text[held[0] : held[1]]
                held = (start, start + len(line))
        start += len(line) + 1
    if held is not None:
        yield held[0], text[held[0] : held[1]]


def _capped(cuts: list[int], body: str) -> list[int]:
    """``cuts`` with more cuts in every piece longer than ``MAX_SENTENCE_CHARS``: at the last
    white space before the cap, or at the cap where the piece has none there. Later stages pair
    words within a sentence, so a sentence's length bounds their work."""
    out = [cuts[0]]
    for b in cuts[1:]:
        a = out[-1]
        while b - a > MAX_SENTENCE_CHARS:
            limit = a + MAX_SENTENCE_CHARS
            cut = limit
            while cut > a + MAX_SENTENCE_CHARS // 2 and not body[cut - 1].isspace():
                cut -= 1
            if cut <= a + MAX_SENTENCE_CHARS // 2:
                cut = limit  # no white space in the last half: cut inside the word
            out.append(cut)
            a = cut
        out.append(b)
    return out


# what a _BULLET match can open on besides white space (``\s``: the characters of ``str.isspace``)
_BULLET_MARKS = frozenset("•·*-–—>")


def _line_sentences(start: int, body: str, out: list[Sentence]) -> None:
    """Append the sentences of one line (``body``, at offset ``start`` of the page) to ``out``.
    (A line without ``.``, ``!`` or ``?`` has no end inside it: ``_splits`` is not asked. A
    piece is tried for bullets only where it opens on one of _BULLET's characters; after them,
    or without them, it opens on none of them, so on no white space: only its end is stripped.)"""
    if "." in body or "!" in body or "?" in body:
        cuts = [0, *_splits(body), len(body)]
    else:
        cuts = [0, len(body)]
    if len(body) > MAX_SENTENCE_CHARS:
        cuts = _capped(cuts, body)
    marks, bullet = _BULLET_MARKS, _BULLET.match
    for a, b in itertools.pairwise(cuts):
        c = body[a : a + 1]
        if c in marks or c.isspace():
            lead = bullet(body, a, b)
            if lead:
                a = lead.end()
        text = body[a:b].rstrip()
        if text:
            out.append(Sentence(len(out), start + a, start + a + len(text), text))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; each keeps its offsets and is stripped of bullets."""
    out: list[Sentence] = []
    for n, (start, body) in enumerate(_lines(text)):
        if not n & 255:
            checkpoint()
        _line_sentences(start, body, out)
    return out
