"""Length-preserving text normalisation for dictionary matching.

``fold(text)`` returns a string of exactly the same length as ``text`` in which
case, diacritics, hyphens, apostrophes and punctuation are folded away. Because
every character maps to exactly one character, an offset in the folded string
is the same offset in the original text: matches found on the folded text point
straight back into the page.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "term_variants", "reaction_phrases", "is_word_boundary", "aligns"]


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Latin letters with diacritics -> base letter (ö -> o, é -> e, ç -> c).
    for cp in range(0x80, 0x250):
        ch = chr(cp)
        decomposed = unicodedata.normalize("NFKD", ch)
        base = decomposed[0] if decomposed else ""
        if len(ch.lower()) == 1 and base.isascii() and base.isalpha() and len(decomposed) > 1:
            table[cp] = base.lower()
    for ch in "-‐‑‒–—―/'’‘`´\"“”.,;:!?()[]{}<>*_+=|\\~^@#$%&\u00a0\t\n\r•·":
        table[ord(ch)] = " "
    table[ord("ß")] = "s"
    table[ord("æ")] = "a"
    table[ord("ø")] = "o"
    return table


_TABLE = _build_table()


# The table's ASCII part as a byte table (upper half unchanged): applied to UTF-8 bytes it maps
# every ASCII character and leaves the bytes of all others alone.
_BYTE_TABLE = bytes(ord(_TABLE.get(b, chr(b))) for b in range(128)) + bytes(range(128, 256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Lower-case, strip diacritics, turn punctuation into spaces; same length."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few code points (e.g. 'İ') grow when lower-cased
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # what ``lowered.translate(_TABLE)`` gives, without a dictionary lookup per character: each
    # distinct non-ASCII character replaced in one pass of its own (a page has a few dozen kinds
    # of them but hundreds of occurrences, and a call back per occurrence cost more than the
    # passes; every replacement is ASCII, so no replacement is replaced again), then a byte table
    if not lowered.isascii():
        for ch in set(_NON_ASCII.findall(lowered)):
            to = _TABLE.get(ord(ch))
            if to is not None and to != ch:
                lowered = lowered.replace(ch, to)
    try:
        return lowered.encode("utf-8").translate(_BYTE_TABLE).decode("utf-8")
    except UnicodeError:  # lone surrogates
        return lowered.translate(_TABLE)


_SPACES = re.compile(r"\s+")


def _squash(s: str) -> str:
    return _SPACES.sub(" ", fold(s)).strip()


def _plural(token: str) -> list[str]:
    if len(token) < 3 or not token.isalpha():
        return []
    if token.endswith("y") and token[-2] not in "aeiou":
        return [token[:-1] + "ies"]
    if token.endswith(("s", "x", "ch", "sh")):
        return [token + "es"]
    return [token + "s"]


def term_variants(term: str) -> set[str]:
    """The folded forms under which a name is matched in page text.

    Covers the name as written, without a possessive ("Hashimoto's" and
    "Hashimoto"), with one ("Crohn disease" and "Crohn's disease"), with one that lost its
    apostrophe ("Crohns disease", "Bells palsy"), and with
    the last word in the plural ("autoimmune diseases", "food allergies").
    """
    base = _squash(term)
    if not base:
        return set()
    forms = {base}
    tokens = base.split(" ")
    # "hashimoto s thyroiditis" <-> "hashimoto thyroiditis"
    if " s " in f" {base} ":
        forms.add(_squash(re.sub(r"(?<=\w) s\b", "", base)))
    elif len(tokens) >= 2 and len(tokens[0]) > 2:
        forms.add(" ".join([tokens[0], "s", *tokens[1:]]))
    # the possessive written without its apostrophe: "bells palsy", "hashimotos thyroiditis"
    for form in list(forms):
        if " s " in form:
            forms.add(re.sub(r"(?<=\w) s\b", "s", form))
    for form in list(forms):
        toks = form.split(" ")
        for plural in _plural(toks[-1]):
            forms.add(" ".join([*toks[:-1], plural]))
    # "Graves' disease": a trailing apostrophe folds to a second space
    for form in list(forms):
        toks = form.split(" ")
        if len(toks) >= 2 and toks[1] != "s" and toks[0].endswith("s"):
            forms.add(toks[0] + "  " + " ".join(toks[1:]))
    # "type 1 diabetes" is also written "type one diabetes", "type I diabetes" and "type1 diabetes"
    for form in list(forms):
        if "type " in form:
            forms.update(_typed_number(form, k) for k in range(3))
            forms.add(_GLUED_TYPE.sub(r"type\1", form))
    forms |= _written_forms(term)
    return {f for f in forms if f}


_LIST_BREAK = re.compile(r"(?<=\w)[,.] ")
_LAST_ITEM = re.compile(r" (and|or) ")


def _written_forms(term: str) -> set[str]:
    """A name with a comma or a full stop inside it, folded as a page that writes it so folds it.

    ``fold`` turns "Hand, foot and mouth disease" into "hand  foot and mouth disease" (two
    spaces: the comma and the space after it), which the squashed name "hand foot and mouth
    disease" does not match: the page then names only "foot and mouth disease", another
    condition. So the name is also matched as written ("H. pylori infection" too), with the
    last word in the plural, and a list of three with the serial comma ("Hand, foot, and mouth
    disease")."""
    parts = _LIST_BREAK.split(" ".join(term.split()))
    if len(parts) < 2:
        return set()
    folded = [_squash(p) for p in parts]
    forms = {"  ".join(folded)}
    item = _LAST_ITEM.search(folded[-1])
    if item and "," in term and not _LAST_ITEM.search(folded[-1][: item.start()]):
        serial = [*folded[:-1], folded[-1][: item.start()], folded[-1][item.start() + 1 :]]
        forms.add("  ".join(serial))
    for form in list(forms):
        toks = form.split(" ")
        forms.update(" ".join([*toks[:-1], p]) for p in _plural(toks[-1]))
    return forms


# "X allergy" is as often written "allergic to X" or "an allergy to X" (and so for sensitivity and
# intolerance): the head noun, and the words that put it before the substance
_REACTION_HEADS = {
    "allergy": ("allergy to", "allergies to", "allergic to"),
    "sensitivity": ("sensitivity to", "sensitive to"),
    "intolerance": ("intolerance to", "intolerant to", "intolerant of"),
}


def reaction_phrases(term: str) -> set[str]:
    """The folded phrases that name a reaction to a substance the other way round: "Penicillin
    allergy" as "allergic to penicillin", "an allergy to penicillin"; "Sulfite sensitivity" as
    "sensitive to sulfites". Only for names of one or two words before the head noun."""
    tokens = _squash(term).split(" ")
    lead = _REACTION_HEADS.get(tokens[-1]) if 2 <= len(tokens) <= 3 else None
    if lead is None or len(tokens[-2]) < 3 or not all(t.isalpha() for t in tokens[:-1]):
        return set()
    what = tokens[:-1]
    objects = {" ".join(what), *(" ".join([*what[:-1], p]) for p in _plural(what[-1]))}
    return {f"{words} {obj}" for words in lead for obj in objects}


def _typed_number(form: str, k: int) -> str:
    """``form`` with each number after "type" written the ``k``-th way (figure, word, Roman)."""
    return _TYPE_NUMBER.sub(lambda m: f"type {_NUMBER_FORMS[m.group(1)][k]}", form)


# the number after "type" as a figure, a word and a Roman numeral
_NUMBER_ROWS = (("1", "one", "i"), ("2", "two", "ii"), ("3", "three", "iii"), ("4", "four", "iv"))
_NUMBER_FORMS = {n: row for row in _NUMBER_ROWS for n in row}
_TYPE_NUMBER = re.compile(r"\btype (1|2|3|4|one|two|three|four|i|ii|iii|iv)\b")
_GLUED_TYPE = re.compile(r"\btype ([1-4])\b")  # "type1 diabetes", as some pages write it


def is_word_boundary(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is not glued to letters or digits on either side."""
    if start > 0 and text[start - 1].isalnum():
        return False
    return not (end < len(text) and text[end].isalnum())


def aligns(short: str, long: str) -> bool:
    """Whether the letters of ``short`` can be read, in order, out of ``long``.

    The Schwartz-Hearst rule: walking both strings from the right, every letter or digit of the
    short form is found in the long form (case-insensitively), and the first one starts a word.
    "RA" aligns with "Rheumatoid arthritis", "EoE" with "Eosinophilic esophagitis"; "ME" does
    not align with "Chronic fatigue syndrome".
    """
    chars = [c.lower() for c in short if c.isalnum()]
    if not chars:
        return False
    pos = len(long) - 1
    for i in range(len(chars) - 1, -1, -1):
        c = chars[i]
        while pos >= 0:
            hit = long[pos].lower() == c
            if hit and i == 0 and pos > 0 and long[pos - 1].isalnum():
                hit = False  # the first letter must start a word
            if hit:
                break
            pos -= 1
        if pos < 0:
            return False
        pos -= 1
    return True
