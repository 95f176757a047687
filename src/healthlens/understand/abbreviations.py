"""Abbreviation definitions, in every form pages use, each checked by letter alignment.

Forms: ``long form (SF)``, ``SF (long form)``, ``X, often abbreviated as SF``,
``SF stands for X`` / ``SF is short for X``, ``X, also known as SF`` / ``SF, also known as X``.
The letter alignment follows Schwartz & Hearst (2003): every character of the short form must
appear in the long form, in order, the first one at the start of a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..fastmatch import scanner
from ..models import Abbreviation, Sentence

__all__ = ["find_definitions", "align", "is_short_form", "Definition"]

_WORD = re.compile(r"\S+")
_PAREN = re.compile(r"\(([^()]{1,120})\)")
_SF_TOKEN = r"[A-Za-z0-9][\w\-/&'’.]{0,11}"
_CUE_AFTER = re.compile(
    rf",?\s*(?:which is |which are |commonly |often |usually |also |sometimes |frequently |generally )*"
    rf"(?:abbreviated|shortened|known|referred to|called|written)(?: to| as)?\s+(?:the )?[\"'“‘]?({_SF_TOKEN})[\"'”’]?"
)
_STANDS_FOR = re.compile(
    rf"\b({_SF_TOKEN})[\"'”’]?\s*(?:\)\s*)?,?\s*(?:which |that )?(?:stands for|is short for|short for|means|is an abbreviation for|is the abbreviation for|is an acronym for)\s+[\"'“‘]?(?:the |an? )?",
)
_ALSO_KNOWN = re.compile(r",?\s*(?:also|otherwise|commonly|sometimes|often)\s+(?:known|called|referred to)\s+as\s+(?:the )?")
_STOP_WORDS = frozenset(
    """a an the of and or in on at to for with by from as is are was were be been that which who this these
    those its their his her our your it they we he she you i also often commonly usually called known""".split()
)


@dataclass(slots=True)
class Definition:
    short: str
    long: str
    short_start: int
    long_start: int
    pattern: str
    aligned: bool


def is_short_form(token: str) -> bool:
    """Schwartz–Hearst shape: 2–10 characters, a letter, starts alphanumeric, at most 2 words,
    and not a plain lower-case word (an abbreviation has a capital or a digit)."""
    token = token.strip()
    if not 2 <= len(token) <= 10 or len(token.split()) > 2:
        return False
    if not token[0].isalnum() or not any(c.isalpha() for c in token):
        return False
    if not any(c.isupper() or c.isdigit() for c in token):
        return False
    if token.isdigit():
        return False
    return True


def align(short: str, long: str) -> int | None:
    """Start offset in ``long`` of the shortest suffix that the letters of ``short`` align with, or None."""
    s = len(short) - 1
    l_ = len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while l_ >= 0 and (long[l_].lower() != c or (s == 0 and l_ > 0 and long[l_ - 1].isalnum())):
            l_ -= 1
        if l_ < 0:
            return None
        l_ -= 1
        s -= 1
    start = l_ + 1
    # widen to the start of the word
    while start > 0 and long[start - 1].isalnum():
        start -= 1
    return start


def _words_before(text: str, end: int, n: int) -> tuple[int, str]:
    """The last ``n`` words of ``text[:end]``: (start offset, text)."""
    words = list(_WORD.finditer(text[:end]))[-n:]
    if not words:
        return end, ""
    start = words[0].start()
    return start, text[start:end]


def _long_candidate(sentence: str, end: int, short: str) -> tuple[int, str, bool]:
    """The long form ending at ``end``: the shortest aligned suffix of the preceding words."""
    limit = min(len(short) + 5, len(short) * 2)
    start, window = _words_before(sentence, end, limit)
    window_trim = window.rstrip(" ,;:-–—")
    # do not reach back over a sentence-internal boundary
    cut = max(window_trim.rfind(";"), window_trim.rfind(":"), window_trim.rfind("("), window_trim.rfind(")"))
    if cut >= 0:
        start, window_trim = start + cut + 1, window_trim[cut + 1 :]
    lead = len(window_trim) - len(window_trim.lstrip())
    start, window_trim = start + lead, window_trim.strip()
    a = align(short, window_trim)
    if a is not None:
        lf = window_trim[a:]
        # reject an alignment that uses fewer words than letters would need when the short form is all capitals
        if lf and len(lf) > len(short) and lf.lower() != short.lower():
            return start + a, lf, True
    return start, window_trim, False


def _np_before(sentence: str, end: int, max_words: int = 6) -> tuple[int, str]:
    """The noun phrase that ends at ``end``: back to a stop word, punctuation or ``max_words``."""
    words = list(_WORD.finditer(sentence[:end]))
    chosen = []
    for w in reversed(words):
        token = w.group().strip(",;:\"'“”‘’")
        if not token or token.lower() in _STOP_WORDS or w.group().endswith((",", ";", ":", ".")) and chosen:
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
        if token.endswith((",", ";", ":", ".", ")", "\"", "”")) or len(chosen) >= max_words:
            break
    if not chosen:
        return start, ""
    end = chosen[-1].end()
    return start, sentence[start:end].strip(" ,;:.\"'“”‘’)")


def _aligned_prefix(sentence: str, start: int, short: str) -> tuple[int, str]:
    """The shortest run of words from ``start`` whose letters the short form aligns with from
    its first word; else the noun phrase up to punctuation."""
    words = list(_WORD.finditer(sentence, start))[: len(short) + 4]
    for i in range(len(words)):
        cand = sentence[start : words[i].end()].rstrip(" ,;:.\"'”’)")
        if align(short, cand) == 0:
            return start, cand
    return _np_after(sentence, start)


def _in_sentence(sentence: Sentence) -> list[Definition]:
    text = sentence.text
    found: list[Definition] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        first = re.split(r"[;,]\s*", inner)[0].strip()
        if is_short_form(first) and m.start() > 0:
            lstart, long, ok = _long_candidate(text, m.start(), first)
            if long and ok:
                found.append(Definition(first, long, m.start(1) + inner.find(first) + (len(m.group(1)) - len(m.group(1).lstrip())), lstart, "parenthesis_long_first", True))
                continue
            if long and not ok and first.isupper() and len(first) >= 2:
                # a capitalised short form whose long form does not align: keep it, unaligned,
                # only when the words before are a noun phrase (checked against terminology later)
                nstart, np = _np_before(text, m.start())
                if np and len(np.split()) <= len(first) + 2:
                    found.append(Definition(first, np, m.start(1), nstart, "parenthesis_long_first", False))
                continue
        # SF (long form)
        word = re.search(rf"({_SF_TOKEN})\s*$", text[: m.start()])
        if word and is_short_form(word.group(1)) and len(inner.split()) >= 2:
            sf = word.group(1)
            a = align(sf, inner)
            if a is not None and a == 0 or (a is not None and len(inner[:a].split()) <= 1):
                found.append(Definition(sf, inner, word.start(1), m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip())), "parenthesis_short_first", True))
    # X, often abbreviated as SF / X, also known as SF
    for m in scanner(_CUE_AFTER).finditer(text):
        sf = m.group(1).rstrip(".,;:")
        if not is_short_form(sf) or not sf.isupper() and not any(c.isdigit() for c in sf):
            continue
        lstart, lf = _np_before(text, m.start())
        if lf:
            a = align(sf, lf)
            found.append(Definition(sf, lf if a is None else lf[a:], m.start(1), lstart + (0 if a is None else a), "abbreviated_as", a is not None))
    # SF stands for X
    for m in scanner(_STANDS_FOR).finditer(text):
        sf = m.group(1).rstrip(".,;:\"'")
        if not is_short_form(sf):
            continue
        lstart, lf = _aligned_prefix(text, m.end(), sf)
        if lf:
            found.append(Definition(sf, lf, m.start(1), lstart, "stands_for", align(sf, lf) is not None))
    # SF, also known as X
    for m in scanner(_ALSO_KNOWN).finditer(text):
        before = re.search(rf"({_SF_TOKEN})\s*$", text[: m.start()])
        if before and is_short_form(before.group(1)) and before.group(1).isupper():
            lstart, lf = _np_after(text, m.end())
            if lf and not is_short_form(lf):
                found.append(Definition(before.group(1), lf, before.start(1), lstart, "also_known_as", align(before.group(1), lf) is not None))
    return found


def find_definitions(sentences: list[Sentence]) -> list[Abbreviation]:
    """Every abbreviation definition on the page, in order, without duplicates of the same span."""
    out: list[Abbreviation] = []
    seen: set[tuple[int, str]] = set()
    for s in sentences:
        for d in _in_sentence(s):
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
