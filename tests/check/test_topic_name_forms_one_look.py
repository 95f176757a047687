"""The topic check's four searches for the asked name written otherwise (by its core, with a
typo, written apart, by its short name) look first, once, for the words any of them starts from
(``_written_otherwise_words``), and their patterns are tried only where a match can open
(``_finditer``). Both shortcuts must give exactly what the plain searches give, on any text."""

from __future__ import annotations

import random
import re
from types import SimpleNamespace

import pytest

from healthlens.check.topic import (
    _core_spans,
    _finditer,
    _forms_named,
    _misspelt_spans,
    _short_names,
    _short_spans,
    _split_patterns,
    _split_spans,
    _typo_names,
    _written_otherwise_words,
    core_names,
)
from healthlens.fastmatch import fold_text

# letters re.IGNORECASE takes for ASCII ones, characters lower-casing lengthens ("İ"), and the
# marks the name forms read (comma, brackets, "and", apostrophes, white space of other kinds)
ODD = ["ſ", "ı", "İ", "K", "’", "'", "\u00a0", "\t", "\n", ", ", " (", ") ", "[x] ", " and ", "-"]
FILLER = ["with", "in", "like", "have", "is", "may", "patients", ".", "the", "of", "a", "Disease"]
TWINS = str.maketrans({"s": "ſ", "i": "ı", "k": "K"})


def _records(kb) -> list[str]:
    """Records with each name form: cores, typo names, names of several words, short names;
    a sample of the rest."""
    ids = sorted(kb.records)
    chosen = {"immune_thrombocytopenia", "lichen_sclerosus", "fabry_disease", "celiac_disease"}
    chosen |= {t for t in ids if core_names(kb, t)}
    chosen |= set(random.Random(3).sample(ids, 40))
    return sorted(t for t in chosen if t in kb.records)


def _texts(kb, concept_id: str, n: int, seed: int) -> list[str]:
    """Random texts of the record's names' words (cut, misspelt, cased at random, with odd
    characters and their look-alikes), the words that open the forms, and filler."""
    rng = random.Random(seed)
    rec = kb.record(concept_id)
    words = [w for name in rec.names for w in name.split()] if rec else []
    words += [w.rstrip("s") for w in words] + [w[:-2] + "xy" for w in words if len(w) > 4]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randrange(1, 30)):
            r = rng.random()
            if r < 0.45 and words:
                w = rng.choice(words)
                parts.append(w.translate(TWINS) if rng.random() < 0.15 else w)
            elif r < 0.6 and rec:
                parts.append(rng.choice(rec.names))
            elif r < 0.8:
                parts.append(rng.choice(FILLER))
            else:
                parts.append(rng.choice(ODD))
            parts.append(rng.choice([" ", " ", " ", "", "  ", ", "]))
        text = "".join(parts)
        if rng.random() < 0.4:
            text = "".join(c.upper() if rng.random() < 0.3 else c for c in text)
        out.append(text)
    return out


def _spans(page, kb, targets, folded):
    """Each search's spans, or the error it raises (the typo search's table misses a first
    word written with a dotless "ı", which the case-blind pattern takes for "i": the plain
    search raises there too)."""
    lower = page.text.lower()
    out = []
    for search in (_core_spans, _misspelt_spans, _split_spans, _short_spans):
        try:
            out.append(search(page, kb, targets, lower, folded))
        except KeyError as e:
            out.append(f"KeyError {e}")
    return tuple(out)


def test_finditer_gives_the_patterns_own_matches(kb):
    """Each record's patterns tried where their first strings stand give ``finditer``'s
    matches, in order, and the plain scan where the text does not fold."""
    for t in _records(kb):
        patterns = [p for _words, p in _split_patterns(kb, t)]
        patterns += [p for p in (_typo_names(kb, t)[0], _short_names(kb, t)[0]) if p is not None]
        if not patterns:
            continue
        for text in _texts(kb, t, 25, seed=len(t)):
            folded = fold_text(text)
            for pattern in patterns:
                plain = [(m.span(), m.groups()) for m in pattern.finditer(text)]
                got = [(m.span(), m.groups()) for m in _finditer(pattern, text, folded)]
                assert got == plain, (t, pattern.pattern, text)


def test_the_four_searches_find_the_same_spans_with_and_without_the_shortcuts(kb):
    """No page that writes none of ``_written_otherwise_words`` has a span by any of the four
    plain searches (so it is skipped rightly), and the spans found through ``_finditer`` are
    the plain ones."""
    found = 0
    for t in _records(kb):
        words = _written_otherwise_words(kb, t)
        for text in _texts(kb, t, 25, seed=7 * len(t)):
            page = SimpleNamespace(text=text)
            plain = _spans(page, kb, {t}, None)
            assert _spans(page, kb, {t}, fold_text(text)) == plain, (t, text)
            if not any(w in text.lower() for w in words):
                assert plain == ([], [], [], []), (t, text)
            found += any(isinstance(x, list) and x for x in plain)
    assert found > 50  # the texts do write the forms


@pytest.mark.parametrize(
    "targets",
    [{"immune_thrombocytopenia", "celiac_disease"}, {"lichen_sclerosus", "fabry_disease"}],
)
def test_two_asked_conditions_look_for_both_records_words(kb, targets):
    """A link question asks about two conditions: a page writing the words of either is read."""
    for text in _texts(kb, sorted(targets)[0], 40, 1) + _texts(kb, sorted(targets)[1], 40, 2):
        page = SimpleNamespace(text=text)
        plain = _spans(page, kb, targets, None)
        assert _spans(page, kb, targets, fold_text(text)) == plain
        if not any(w in text.lower() for t in targets for w in _written_otherwise_words(kb, t)):
            assert plain == ([], [], [], [])


def test_the_words_are_few_and_lower_case(kb):
    words = _written_otherwise_words(kb, "celiac_disease")
    assert all(w == w.lower() and w for w in words)
    # one word stands for each name of several words ("gluten" for "gluten enteropathy")
    assert set(words) <= {"celiac", "coeliac", "gluten", "nontropical", "sprue", "enteropathy"}
    assert not any(a != b and a in b for a in words for b in words)


def test_forms_named_of_one_condition_is_its_share_of_all_forms():
    """``_forms_named(..., of=c)`` (the main condition's own mentions, read first) keeps exactly
    the forms ``_forms_named`` finds among that condition's mentions."""
    rng = random.Random(17)
    vocab = ["type", "1", "diabetes", "primary", "adrenal", "insufficiency", "crohn's", "disease"]
    names = ["Diabetes", "Adrenal insufficiency", "Crohn's disease"]
    kb = SimpleNamespace(record=lambda t: SimpleNamespace(names=names), name=lambda t: names[0])
    for _ in range(300):
        mentions = [
            SimpleNamespace(
                concept_id=rng.choice(["asked", "other", "third"]),
                text=" ".join(rng.choice(vocab) for _ in range(rng.randrange(0, 5))),
                via=rng.choice(["name", "letters"]),
            )
            for _ in range(6)
        ]
        page = SimpleNamespace(mentions=mentions)
        every = _forms_named(page, kb, {"asked"})
        for c in ("asked", "other", "third"):
            assert _forms_named(page, kb, {"asked"}, of=c) == [
                m for m in every if m.concept_id == c
            ]


def test_a_pattern_without_derived_prefixes_is_scanned_plainly():
    pattern = re.compile(r"(?:\w)+ disease", re.I)
    text = "Kidney disease and ſome diſease"
    assert [m.span() for m in _finditer(pattern, text, fold_text(text))] == [
        m.span() for m in pattern.finditer(text)
    ]
