"""Is the page about the question's condition?"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any, TypeVar

from ..fastmatch import Scanner, automaton, fold_text, match_at
from ..knowledge import KnowledgeBase
from ..models import Evidence, Finding, Mention, Page
from ..understand import title_end, title_is_question
from ..understand.mentions import PAGE_CONCEPT
from ..understand.topic import (
    LetterReading,
    animal_subject,
    asks_from_animals,
    condition_weights,
    main_condition,
    name_prefixes,
    read_letters,
    resembles_prefixes,
)

__all__ = ["check_topic", "ON_TOPIC_SHARE", "RELATED_SHARE", "CLASS_SHARE", "is_class_condition"]

ON_TOPIC_SHARE = 0.5  # the question's condition must weigh at least half the main condition's
# ...unless the main condition is a wider or narrower form of it (the knowledge base records the
# two as overlapping, or one as a complication of the other): a page on a subtype calls it by its
# parent's name most of the time ("eosinophilic asthma" and then "asthma"), and a page on the
# parent may be about the asked subtype
RELATED_SHARE = 0.1
RELATED_RELATIONS = frozenset({"overlaps", "complication", "complication-of"})
# ...or the main condition is a class of conditions, the kind of thing a question asks a condition
# to be ("food allergy", "autoimmune disease", "hypersensitivity"): a page weighing whether X is
# one names the class as often as X, and is about X when it names X at least twice
CLASS_SHARE = 0.25
CLASS_MIN = 2
_CLASS_NAMES = frozenset(
    {
        "allergy",
        "hypersensitivity",
        "food allergy",
        "drug allergy",
        "medication allergy",
        "allergic disease",
        "autoimmune disease",
        "autoimmune disorder",
        "autoimmunity",
        "autoinflammatory disease",
        "immunodeficiency",
        "immune deficiency",
    }
)


def is_class_condition(name: str) -> bool:
    """Whether a condition's name (the knowledge base's, or a page's own expansion of letters:
    "autoimmune disease (AD)") names a class of conditions rather than one condition."""
    folded = " ".join(name.lower().replace("-", "").split())
    if folded.endswith("ies"):
        singular = folded[:-3] + "y"
    else:
        singular = folded[:-1] if folded.endswith("s") else folded
    return folded in _CLASS_NAMES or singular in _CLASS_NAMES


def _related(kb: KnowledgeBase, a: str, b: str) -> bool:
    """Whether the knowledge base records one condition as a wider, narrower or overlapping form
    of the other, or as its complication (``RELATED_RELATIONS``, either record)."""
    for x, y in ((a, b), (b, a)):
        rec = kb.record(x)
        if rec and any(
            s.condition == y and s.relation in RELATED_RELATIONS for s in rec.associations
        ):
            return True
    return False


@lru_cache(maxsize=8192)  # a crawl names the same conditions on page after page
def _folded_words(text: str) -> str:
    """The words of a name, lower case, without possessives ("Castleman's" is "castleman")."""
    return " ".join(re.findall(r"[a-z0-9]+", re.sub(r"['’]s\b", "", text.lower())))


def _written_name(m) -> str:
    """The name a mention writes: the page's own expansion for letters the page defines
    ("MCD" for "Multicentric Castleman's disease"), else its text."""
    if m.concept_id.startswith(PAGE_CONCEPT):
        return m.concept_id[len(PAGE_CONCEPT) :]
    return m.text if m.via == "name" else ""


@lru_cache(maxsize=8192)
def _endings(written: str) -> frozenset[str]:
    """A written name's folded words from its second word on, from its third, and so on ("type
    1 diabetes": "1 diabetes", "diabetes"): the names it is a form of, if any is the asked
    one's (``_forms_named``)."""
    words = _folded_words(written).split(" ")
    return frozenset(" ".join(words[i:]) for i in range(1, len(words)))


def _heads(kb: KnowledgeBase, concept_id: str) -> frozenset[str]:
    """A record's names, folded (``_folded_words``), as ``_forms_named`` looks them up; kept
    per record."""

    def build() -> frozenset[str]:
        rec = kb.record(concept_id)
        names = rec.names if rec else (kb.name(concept_id),)
        return frozenset(_folded_words(n) for n in names) - {""}

    return _per_record("heads", kb, concept_id, build)


def _forms_named(page: Page, kb: KnowledgeBase, targets: set[str], of: str | None = None) -> list:
    """The mentions of other conditions that name a form of the asked one by its name with
    words before it ("type 1 diabetes" names diabetes, "primary adrenal insufficiency" adrenal
    insufficiency, "Japanese encephalitis" encephalitis): the asked condition's name is the head
    of the name the page writes, or of the page's own expansion of letters it defines. ``of``:
    only the mentions of that condition."""
    heads = frozenset().union(*(_heads(kb, t) for t in targets))
    if not heads:
        return []
    forms = []
    for m in page.mentions:
        if m.concept_id in targets or (of is not None and m.concept_id != of):
            continue
        written = _written_name(m)
        # "... h" ends the written name exactly when h is the name's words from some word on
        if written and not heads.isdisjoint(_endings(written)):
            forms.append(m)
    return forms


# the last word of a name that says only what kind of thing it is: a core ending in it ("bowel
# disease" of inflammatory bowel disease) names a class, not the condition
_KIND_WORDS = frozenset(
    """disease diseases syndrome syndromes disorder disorders infection infections deficiency
    condition conditions""".split()
)
_NAME_STOPS = frozenset({"of", "the", "and", "or", "in", "with", "to", "for", "a", "an", "by"})
# per knowledge base: each record's cores once asked for, and every raw core's records
_CORES: dict[int, tuple[KnowledgeBase, dict[str, frozenset[str]], dict[str, set[str]]]] = {}


def _record_cores(kb: KnowledgeBase, concept_id: str) -> set[str]:
    """A record's cores before the checks against the terminology and the other records'
    (``core_names``)."""
    rec = kb.record(concept_id)
    names = [" ".join(n.split()) for n in rec.names] if rec else []
    folded = [n.lower() for n in names]
    cores: set[str] = set()
    for name in names:
        words = name.split(" ")
        for i in range(1, len(words) - 1):
            core = " ".join(words[i:]).lower()
            if sum(f.endswith(" " + core) for f in folded) < 2:
                continue
            # the longest ending the name shares: the core, or none
            last = words[-1].lower()
            if (
                last not in _KIND_WORDS
                and re.fullmatch(r"[a-z][a-z'’-]{3,}", last)
                and not any(w.lower() in _NAME_STOPS for w in words[i - 1 : i + 1])
                and words[i].lower() not in _KIND_WORDS
                and words[i][:1].isalpha()
            ):
                cores.add(core)
            break
    return cores


def _american(words: str) -> str:
    """A British spelling's American form, to compare names ("haemolytic anaemia")."""
    return words.replace("ae", "e").replace("oe", "e")


def core_names(kb: KnowledgeBase, concept_id: str) -> frozenset[str]:
    """The words a condition's name variants end with, when they differ only in the words before
    them: "thrombocytopenic purpura" of immune, idiopathic and autoimmune thrombocytopenic
    purpura. A page writes the core alone for the condition ("patients with thrombocytopenic
    purpura"). A core is the longest ending two of the record's names share, of two words or
    more; there is none when that ending is a name the terminology holds (the names are variants
    of it: "thrombotic thrombocytopenic purpura"), ends in a word of kind ("bowel disease"), a
    number or a letter ("type 1"), or starts at or after a word such as "of" ("central nervous
    system"); a core of two records is neither's."""
    cached = _CORES.get(id(kb))
    if cached is None or cached[0] is not kb:
        owners: dict[str, set[str]] = {}
        for cid in kb.records:
            for core in _record_cores(kb, cid):
                owners.setdefault(_american(core), set()).add(cid)
        cached = _CORES[id(kb)] = (kb, {"": frozenset()}, owners)
    known, owners = cached[1], cached[2]
    if concept_id not in known:
        known[concept_id] = frozenset(
            core
            for core in _record_cores(kb, concept_id)
            if len(owners[_american(core)]) == 1
            and not any(h.start == 0 and h.end == len(core) for h in kb.find(core))
        )
    return known[concept_id]


def _core_pattern(cores: frozenset[str]) -> re.Pattern[str]:
    """The pattern of a set of cores (``_core_spans``)."""
    return re.compile(
        r"(?<![\w-])(?:"
        + "|".join(
            r"\s+".join(map(re.escape, c.split(" "))) for c in sorted(cores, key=len, reverse=True)
        )
        + r")s?(?![\w-])",
        re.I,
    )


def _core_spans(
    page: Page, kb: KnowledgeBase, targets: set[str], lower: str = "", folded: str | None = None
) -> list[tuple[int, int]]:
    """Where the page writes a core of the asked condition's names (``core_names``)."""
    cores = {c for t in targets for c in core_names(kb, t)}
    lower = lower or page.text.lower()
    # the pattern walks every word of the page: a page without a core's first word has no span
    if not any(c.split(" ")[0].lower() in lower for c in cores):
        return []
    if len(targets) == 1:  # kept with the record (a crawl asks for the same one page after page)
        [t] = targets
        pattern = _per_record("core", kb, t, lambda: _core_pattern(frozenset(cores)))
        return [found.span() for found in _finditer(pattern, page.text, folded)]
    return [found.span() for found in _core_pattern(frozenset(cores)).finditer(page.text)]


MISSPELT_NAME_MIN = 10  # the shortest name (in characters) looked for with a typo


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one letter changed, added or left out."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


_T = TypeVar("_T")
# (table, id(kb)) -> (kb, {record: value}): what a name form needs of one record, built once
_PER_RECORD: dict[tuple[str, int], tuple[KnowledgeBase, dict[str, Any]]] = {}


def _per_record(table: str, kb: KnowledgeBase, concept_id: str, build: Callable[[], _T]) -> _T:
    """``build()`` for one record, kept per knowledge base (a crawl asks for the same record
    page after page); a knowledge base built again at the same address starts afresh."""
    cached = _PER_RECORD.get((table, id(kb)))
    if cached is None or cached[0] is not kb:
        cached = _PER_RECORD[(table, id(kb))] = (kb, {})
    known = cached[1]
    if concept_id not in known:
        known[concept_id] = build()
    return known[concept_id]


def _typo_names(kb: KnowledgeBase, concept_id: str) -> tuple:
    """(the first words' pattern, {first word: [(the rest's pattern, the name's words)]}) of a
    record's names looked for with a typo; kept per record (a page asks for one)."""

    def build() -> tuple:
        rec = kb.record(concept_id)
        rests: dict[str, list[tuple[re.Pattern[str], list[str]]]] = {}
        for name in rec.names if rec else ():
            words = name.lower().split()
            if len(words) < 2 or len(name) < MISSPELT_NAME_MIN:
                continue
            rest = re.compile(r"".join(r"\s+[\w-]+(?:['’]\w+)?" for _ in words[1:]) + r"(?![\w-])")
            rests.setdefault(words[0], []).append((rest, words))
        firsts = (
            re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, rests)) + r")(?=\s)", re.I)
            if rests
            else None
        )
        return (firsts, rests)

    return _per_record("typo", kb, concept_id, build)


def _rests_of(
    rests: dict[str, list[tuple[re.Pattern[str], list[str]]]], said: str
) -> list[tuple[re.Pattern[str], list[str]]]:
    """The entries of the first word the case-blind pattern found as ``said``. Lower case is
    not always the key: the pattern also matches a dotted capital I or a long s ("LİCHEN"),
    whose lower case is another string, so such a word is looked up by the pattern's own
    comparison rather than failing the page."""
    found = rests.get(said.lower())
    if found is not None:
        return found
    for first, entries in rests.items():
        if re.fullmatch(re.escape(first), said, re.I):
            return entries
    return []


def _misspelt_spans(
    page: Page, kb: KnowledgeBase, targets: set[str], lower: str = "", folded: str | None = None
) -> list[tuple[int, int]]:
    """Where the page writes one of the asked condition's names of several words with one typo
    after its first word ("lichen sclerosis" for lichen sclerosus, "Attention deficit
    hyperactivity disoder"): the first word as the name has it, then as many words, one letter
    changed, added or left out. A span that is a name the terminology holds is that name ("type 2
    diabetes" is no typo of "type 1 diabetes"), and a name cut short is not a typo ("hepatitis"
    for hepatitis C has a word fewer)."""
    spans: list[tuple[int, int]] = []
    text = page.text
    for t in targets:
        firsts, rests = _typo_names(kb, t)
        if firsts is None:
            continue
        # the pattern walks every word of the page; a page without any first word has no span
        # (most pages, in the audit: this check alone cost 0.24 ms a page)
        lower = lower or text.lower()
        if not any(first in lower for first in rests):
            continue
        for first in _finditer(firsts, text, folded):
            a = first.start()
            for rest, words in _rests_of(rests, first.group()):
                found = rest.match(text, first.end())
                if found is None:
                    continue
                b = found.end()
                said = text[a:b].lower().split()
                if said[1:] == words[1:] or not _one_edit(" ".join(said), " ".join(words)):
                    continue  # the name itself (linked as every name is), or no typo of it
                if not any(h.start == 0 and h.end == b - a for h in kb.find(text[a:b])):
                    spans.append((a, b))
    return spans


def _split_patterns(kb: KnowledgeBase, concept_id: str) -> list[tuple[list[str], re.Pattern[str]]]:
    """(the name's words, lower case; the pattern of the name written apart) of each of a
    record's names of several words (``_split_spans``); kept per record."""

    def build() -> list[tuple[list[str], re.Pattern[str]]]:
        rec = kb.record(concept_id)
        out = []
        for name in rec.names if rec else ():
            words = name.split()
            if len(words) < 2 or not all(w[:1].isalnum() for w in words):
                continue
            escaped = [re.escape(w) for w in words]
            forms = []
            for k in range(1, len(words)):
                before, after = r"\s+".join(escaped[:k]), r"\s+".join(escaped[k:])
                forms.append(after + r"\s*,\s*" + before)  # inverted: "Lyme disease, chronic"
                # coordinated: "autoimmune and chronic neutropenia"
                forms.append(before + r"\s+(?:and|or|&)\s+[\w-]+\s+" + after)
                # its last words joined with another's: "gluten allergy or intolerance"
                forms.append(before + r"\s+[\w-]+\s+(?:and|or|&)\s+" + after)
                # interrupted: "anti-NMDA [N-methyl-D-aspartate] receptor encephalitis"
                forms.append(before + r"\s*(?:\([^()]{1,60}\)|\[[^\[\]]{1,60}\])\s*" + after)
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(forms) + r")(?![\w-])", re.I)
            out.append(([w.lower() for w in words], pattern))
        return out

    return _per_record("split", kb, concept_id, build)


def _split_spans(
    page: Page, kb: KnowledgeBase, targets: set[str], lower: str = "", folded: str | None = None
) -> list[tuple[int, int]]:
    """Where the page writes one of the asked condition's names of several words apart: the
    first words after the rest and a comma ("Lyme disease, chronic"), joined with another by
    "and" or "or" ("autoimmune and chronic neutropenia"), or a parenthesis between
    ("idiopathic (or immune) thrombocytopenic purpura", "anti-NMDA [N-methyl-D-aspartate]
    receptor encephalitis"). Only the names whose every word the page writes are looked for."""
    spans: list[tuple[int, int]] = []
    for t in targets:
        for words, pattern in _split_patterns(kb, t):
            lower = lower or page.text.lower()
            if all(w in lower for w in words):
                spans += [found.span() for found in _finditer(pattern, page.text, folded)]
    return spans


# where a page writes a condition's short name as the condition: after a word that takes one
# ("with", "have", "like", "in" ...), and before a stop or a verb ("like celiac, it is", "In
# Fabry, the gene"), not inside a phrase ("in still water", "in fifth grade")
_SLOT_BEFORE = r"\b(?:with|have|has|had|of|in|like|for|about|from)\s+"
_SLOT_AFTER = r"(?=\s*(?:[.,;:)!?]|(?:is|are|was|can|may|patients)\b|$))"


def _short_names(
    kb: KnowledgeBase, concept_id: str
) -> tuple[re.Pattern[str] | None, frozenset[str]]:
    """The pattern of a record's short names (``_short_spans``) and the names, lower case;
    kept per record."""

    def build() -> tuple[re.Pattern[str] | None, frozenset[str]]:
        rec = kb.record(concept_id)
        shorts = set()
        for name in rec.names if rec else ():
            found = re.fullmatch(r"([\w-]{4,}?)(?:['’]s)?\s+(?:disease|syndrome|disorder)", name)
            if found and not any(
                h.start == 0 and h.end == len(found.group(1)) for h in kb.find(found.group(1))
            ):
                shorts.add(found.group(1))
        pattern = (
            re.compile(
                _SLOT_BEFORE
                + r"((?:"
                + "|".join(map(re.escape, sorted(shorts)))
                + r")(?:['’]s?)?)(?![\w-])"
                + _SLOT_AFTER,
                re.I,
            )
            if shorts
            else None
        )
        return pattern, frozenset(short.lower() for short in shorts)

    return _per_record("short", kb, concept_id, build)


def _short_pattern(kb: KnowledgeBase, concept_id: str) -> re.Pattern[str] | None:
    """The pattern of a record's short names (``_short_spans``)."""
    return _short_names(kb, concept_id)[0]


def _short_spans(
    page: Page, kb: KnowledgeBase, targets: set[str], lower: str = "", folded: str | None = None
) -> list[tuple[int, int]]:
    """Where the page writes the asked condition's name without its last word, when that is
    "disease", "syndrome" or "disorder" and one word is left ("like celiac, it is", "In Fabry,
    the gene"), where a name stands: after a word such as "with", "have", "like" or "in", and
    before a stop or a verb. A short name the terminology holds as a name is that name's."""
    spans: list[tuple[int, int]] = []
    for t in targets:
        pattern, shorts = _short_names(kb, t)
        if pattern is None:
            continue
        # the pattern tries its slot words at every word of the page (0.38 ms a page in the
        # audit); a page that never writes a short name has no span
        lower = lower or page.text.lower()
        if any(short in lower for short in shorts):
            spans += [found.span(1) for found in _finditer(pattern, page.text, folded)]
    return spans


def _written_otherwise_words(kb: KnowledgeBase, concept_id: str) -> tuple[str, ...]:
    """Words, lower case, one of which a page's lower-cased text holds wherever one of the four
    searches of ``_with_names_written_otherwise`` may find a span for the record: a core's first
    word, a typo's first word, a short name, and one word of each name of several words (the
    search needs them all: one that holds a word already looked for, else its longest not of
    kind). Derived from what each search looks for first; a word that holds another is left
    out (the other is found wherever it is). Kept per record."""

    def build() -> tuple[str, ...]:
        words = {c.split(" ")[0].lower() for c in core_names(kb, concept_id)}
        words |= set(_typo_names(kb, concept_id)[1])
        words |= _short_names(kb, concept_id)[1]
        for name, _pattern in _split_patterns(kb, concept_id):
            if not any(o in w for w in name for o in words):
                words.add(max((w for w in name if w not in _KIND_WORDS), key=len, default=name[0]))
        return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))

    return _per_record("words", kb, concept_id, build)


# a pattern's first strings as fastmatch derives them (``_finditer``), by the pattern's identity
_STARTS: dict[int, tuple[re.Pattern[str], Any]] = {}


def _finditer(pattern: re.Pattern[str], text: str, folded: str | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only where the text (``folded``: ``fold_text(text)``)
    holds one of the strings every match opens with (``fastmatch.Scanner``'s prefixes): each of
    these patterns walks every word of the page, and a page that writes a first word of the asked
    condition writes it a few times. The plain scan where no prefixes are derived, or the text
    does not fold."""
    got = _STARTS.get(id(pattern))
    if got is None or got[0] is not pattern:
        if len(_STARTS) > 4096:
            _STARTS.clear()
        sc = Scanner(pattern)
        # (the strings of a case-blind pattern are folded as ``fold_text`` folds the page)
        icase = bool(pattern.flags & re.IGNORECASE)
        ac = automaton(sorted(sc.strings)) if icase and sc.strategy == "prefixes" else None
        got = _STARTS[id(pattern)] = (pattern, ac)
    ac = got[1]
    if ac is None or folded is None:
        return pattern.finditer(text)
    starts = sorted(
        {start for _, start, _end in ac.find_matches_as_indexes(folded, overlapping=True)}
    )
    return match_at(pattern, text, starts)


def _with_names_written_otherwise(page: Page, kb: KnowledgeBase, targets: set[str]) -> Page:
    """The page with each place it writes the asked condition's name otherwise than the records
    do, by its core alone (``core_names``: "thrombocytopenic purpura") or with a typo
    (``_misspelt_spans``: "lichen sclerosis"), as a mention of the asked condition, in place of
    the shorter names inside it ("purpura", "lichen"), and its main condition weighed again. Such
    a span inside a longer name of another condition ("thrombotic thrombocytopenic purpura")
    stays that condition's. The page itself is unchanged when it writes none."""
    target = sorted(targets)[0] if targets else None
    if target is None:
        return page
    lower = page.text.lower()  # once for the four searches, each of which looks for words first
    # one look for the words any of the four starts from (most pages write none), then each
    # search looks for its own words as before
    if not any(w in lower for t in targets for w in _written_otherwise_words(kb, t)):
        return page
    folded = fold_text(page.text)  # where the patterns' first words stand (``_finditer``)
    spans = (
        _core_spans(page, kb, targets, lower, folded)
        + _misspelt_spans(page, kb, targets, lower, folded)
        + _split_spans(page, kb, targets, lower, folded)
        + _short_spans(page, kb, targets, lower, folded)
    )
    if not spans:
        return page
    mentions = list(page.mentions)
    added = False
    for a, b in sorted(set(spans)):
        inside = [m for m in mentions if m.start < b and a < m.end]
        if any(m.concept_id in targets or m.start < a or m.end > b for m in inside):
            continue  # the asked condition's own name, or a longer name of another condition
        sentence = page.sentence_of(a)
        mentions = [m for m in mentions if m not in inside]
        mentions.append(
            Mention(
                a, b, page.text[a:b], target, sentence.index if sentence else 0, "written_otherwise"
            )
        )
        added = True
    if not added:
        return page
    mentions.sort(key=lambda m: m.start)
    main = main_condition(mentions, title_end(page), title_is_question(page), page.claims)
    return replace(page, mentions=mentions, main_condition=main)


def _same_words(long: str, names: list[str]) -> bool:
    """Whether every word of an expansion but a word of kind ("disease", "illness") starts as a
    word of one of the names does: "breast implant disease" for breast implant illness, not
    "irritable bowel disease" for inflammatory bowel disease."""
    return _same_word_starts(long, _name_word_starts(names))


def _name_word_starts(names: Iterable[str]) -> frozenset[str]:
    """How the names' words start, as ``_same_words`` compares them."""
    return frozenset(w[:5] for n in names for w in _NAME_WORD.findall(n.lower()))


def _same_word_starts(long: str, theirs: frozenset[str]) -> bool:
    """``_same_words`` against the names' word starts already read (``_name_word_starts``)."""
    return all(
        w[:5] in theirs for w in _NAME_WORD.findall(long.lower()) if w not in _KIND_OR_ILLNESS
    )


# the asked condition's names read once for both tests, for the last targets asked (every page
# of a question asks for the same): (knowledge base, targets, word starts for ``_resembles``,
# word starts for ``_same_words``), one tuple replaced whole
_ASKED_STARTS: tuple[KnowledgeBase | None, frozenset[str], frozenset[str], frozenset[str]] = (
    None,
    frozenset(),
    frozenset(),
    frozenset(),
)


def _asked_word_starts(kb: KnowledgeBase, targets: set[str]) -> tuple[frozenset[str], ...]:
    global _ASKED_STARTS
    kept_kb, kept_targets, resembles, same = _ASKED_STARTS
    if kept_kb is kb and kept_targets == targets:
        return resembles, same
    names = [n for t in targets for n in kb.long_forms(t)]
    resembles, same = name_prefixes(names), _name_word_starts(names)
    _ASKED_STARTS = (kb, frozenset(targets), resembles, same)
    return resembles, same


_NAME_WORD = re.compile(r"[a-z][a-z'-]{3,}")  # words of four letters or more, as _resembles reads
_KIND_OR_ILLNESS = _KIND_WORDS | {"illness", "illnesses"}


def _own_letters_for_asked(page: Page, kb: KnowledgeBase, targets: set[str]) -> Page:
    """The page with its own letters counted as the asked condition where it spells them out as
    the condition with another word of kind ("breast implant disease (BII)" for breast implant
    illness) or letters for some of its words ("primary angiitis of the CNS (PACNS)"): most of
    the expansion's words start as the words of one of the condition's names do
    (``_resembles``), every one but a word of kind does (``_same_words``), and the letters are
    no other knowledge-base condition's. "Irritable bowel disease (IBD)" stays the page's own
    for inflammatory bowel disease. The page itself is unchanged when there are none."""
    # letters count only where the page defines them: most pages define none, and their
    # mentions need no look
    if not targets or not page.abbreviations:
        return page
    target = sorted(targets)[0]
    own = {m.concept_id for m in page.mentions if m.concept_id.startswith(PAGE_CONCEPT)}
    if not own:
        return page
    asked = set()
    for cid in own:
        long = cid[len(PAGE_CONCEPT) :]
        letters = {ab.short for ab in page.abbreviations if " ".join(ab.long.split()) == long}
        if not letters or any(set(kb.terms.readings(x)) - targets for x in letters):
            continue
        # the names' words are read once a question, not once a definition (_asked_word_starts)
        resembles, same = _asked_word_starts(kb, targets)
        if resembles_prefixes(long, resembles) and _same_word_starts(long, same):
            asked.add(cid)
    if not asked:
        return page
    mentions = [
        replace(m, concept_id=target) if m.concept_id in asked else m for m in page.mentions
    ]
    claims = [replace(c, concept_id=target) if c.concept_id in asked else c for c in page.claims]
    main = main_condition(mentions, title_end(page), title_is_question(page), claims)
    return replace(page, mentions=mentions, claims=claims, main_condition=main)


_ASKS_WHETHER = re.compile(r"\b(?:ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?)\s+(?:whether|if)\b", re.I)


def _relaxed(page: Page, kb: KnowledgeBase, main: str, targets: set[str], main_weight) -> bool:
    """Whether the asked condition weighs enough beside a main condition that is a wider or
    narrower form of it, or a class of conditions (``RELATED_SHARE``, ``CLASS_SHARE``). Only
    the page's own statements count here: a mention in a sentence that asks (the question
    restated in the title or the text, "So, is X autoimmune?", "Many people ask whether X is …")
    and the answer given to it say what was asked, not that the page is about X."""
    name = main[len(PAGE_CONCEPT) :] if main.startswith(PAGE_CONCEPT) else kb.name(main)
    target = sorted(targets)[0]
    # (the main condition's own mentions first: on most pages it is no form, and nothing else
    # is read)
    if _forms_named(page, kb, targets, of=main) or any(_related(kb, t, main) for t in targets):
        share, least = RELATED_SHARE, 1.0
    elif is_class_condition(name):
        share, least = CLASS_SHARE, CLASS_MIN
    else:
        return False
    forms = _forms_named(page, kb, targets)
    asks = {
        s.index
        for s in page.sentences
        if s.text.rstrip().endswith("?") or _ASKS_WHETHER.search(s.text)
    }
    end = title_end(page)
    stated = [
        replace(m, concept_id=target) if m in forms else m
        for m in page.mentions
        if m.sentence not in asks and not (m.start < end and title_is_question(page))
    ]
    claims = [c for c in page.claims if c.sentence not in asks and c.basis != "answer"]
    weights = condition_weights(stated, end, False, claims)
    asked = max((weights[t] for t in targets), default=0)
    return asked >= share * main_weight and asked >= least


def _names_it(
    page: Page, kb: KnowledgeBase, targets: set[str], predicate: str | None
) -> tuple[bool, Counter, str | None]:
    """Whether the page's names make it about the asked condition (``check_topic``), with the
    conditions' weights and the main condition they were weighed against."""
    weights = condition_weights(
        page.mentions, title_end(page), title_is_question(page), page.claims
    )
    asked = max((weights[t] for t in targets), default=0)
    main = page.main_condition
    if predicate == "link" and main is not None and main not in targets:
        main = _main_beside_outcomes(page, kb, targets)
    about = (
        main in targets
        or (main is not None and asked >= ON_TOPIC_SHARE * weights[main] and asked >= 1.5)
        # the page names nothing else twice (a form of the asked condition by its name counts)
        or (main is None and (asked > 0 or bool(_forms_named(page, kb, targets))))
        or (main is not None and _relaxed(page, kb, main, targets, weights[main]))
    )
    return about, weights, main


def check_topic(
    page: Page,
    targets: set[str],
    kb: KnowledgeBase,
    letters: set[str] | frozenset[str] = frozenset(),
    predicate: str | None = None,
    question: str = "",
) -> tuple[bool, Finding | None]:
    """Whether the page is about the question's condition (``targets``), and the off-topic
    finding when it is not. ``letters``: the question's letters; when the page reads them as
    another condition, the finding says where (its definition, the name, or the words). A page
    whose opening makes animals its subject is about the condition in animals, not the reader's
    question (``predicate``); whether it is contagious, only an opening that says the animals
    have it counts: animals are one way of catching it (``animal_subject``); when the
    ``question`` asks whether one catches it from an animal, a page that says it passes to people
    is about the reader too."""
    letters_only = _letters_with_no_health_words(page, targets, kb)
    if letters_only is not None:
        return False, letters_only
    about, weights, main = _names_it(page, kb, targets, predicate)
    if not about:
        # letters the page defines as the asked condition in other words ("breast implant
        # disease (BII)"): a condition of the page's own only by name
        own = _own_letters_for_asked(page, kb, targets)
        if own is not page:
            page = own
            about, weights, main = _names_it(page, kb, targets, predicate)
    if not about:
        # the names the records do not hold as written ("thrombocytopenic purpura", "lichen
        # sclerosis"): they only add to the asked condition, so a page already on topic is not
        # read for them
        written = _with_names_written_otherwise(page, kb, targets)
        if written is not page:
            page = written
            about, weights, main = _names_it(page, kb, targets, predicate)
    asked = max((weights[t] for t in targets), default=0)
    target_name = kb.name(sorted(targets)[0]) if targets else "the question's condition"
    if about:
        found = animal_subject(
            page.text,
            target_name,
            contagious=predicate == "contagious",
            from_animals=asks_from_animals(question),
        )
        return (True, None) if found is None else (False, _in_animals(page, target_name, found))
    if main is None:
        msg = (
            f"The page never names {target_name}."
            if asked == 0
            else f"The page names {target_name} only in passing."
        )
        return False, Finding("off_topic", "high", None, msg, [])
    first = next((m for m in page.mentions if m.concept_id == main), None)
    evidence = [Evidence("page", _named(page, main, targets, kb.name(main), target_name))]
    reading = read_letters(page, sorted(targets)[0], letters, kb) if letters and targets else None
    if reading is not None and not reading.asked and reading.start is not None:
        evidence.append(_reading_evidence(page, reading, target_name))
    sentence = page.sentences[first.sentence] if first else None
    aliased = [a for a in page.abbreviations if a.long_concept == main and not a.consistent]
    how = f" It uses “{aliased[0].short}” as a name for {kb.name(main)}." if aliased else ""
    return False, Finding(
        "off_topic",
        "high",
        sentence.text if sentence else None,
        f"This page is about {kb.name(main)}, not {target_name}.{how}",
        evidence,
        sentence.start if sentence else None,
        sentence.end if sentence else None,
        sentence.index if sentence else None,
    )


# words of health and medicine: a page that names the asked condition only by its letters and
# writes none of them uses the letters for something else ("GPA" for grades, "ALPS" for a
# software project, "XLA" for a compiler)
_HEALTH_WORDS = re.compile(
    r"\b(?:symptoms?|diseases?|disorders?|syndromes?|illness(?:es)?|patients?|treatments?|"
    r"treated|diagnos\w*|doctors?|physicians?|clinical|medical|medicines?|infections?|immune|"
    r"inflammat\w*|medications?|therap(?:y|ies)|chronic|"
    # a germ's page: "HIV is not an airborne virus", "an infected person"
    r"infected|infectious|contagious|virus(?:es)?|viral|bacteri(?:a|um|al)|vaccin\w*|antibod(?:y|ies)|"
    r"allerg(?:y|ies|ic))\b",
    re.I,
)


def _letters_with_no_health_words(
    page: Page, targets: set[str], kb: KnowledgeBase
) -> Finding | None:
    """The off-topic finding of a page that names the asked condition only by letters the
    terminology holds and writes no word of health or medicine (``_HEALTH_WORDS``): the
    letters stand for something else there. None otherwise. A page that names a condition of
    the knowledge base in full ("a rare genetic condition called alpha-1 antitrypsin
    deficiency") is about health, whatever its words: letters written as a name ("PANs") are
    no name in full."""
    asked = [m for m in page.mentions if m.concept_id in targets]
    if not asked or any(m.via != "abbreviation" for m in asked):
        return None
    if _HEALTH_WORDS.search(page.text):
        return None
    if any(
        m.via == "name" and not m.text.rstrip("sS").isupper() and kb.record(m.concept_id)
        for m in page.mentions
    ):
        return None
    first = asked[0]
    sentence = page.sentences[first.sentence] if page.sentences else None
    return Finding(
        "off_topic",
        "high",
        sentence.text if sentence else None,
        f"The page uses “{first.text}” for something else: it names no condition in full and "
        "writes no word of health or medicine.",
        [],
        sentence.start if sentence else None,
        sentence.end if sentence else None,
        sentence.index if sentence else None,
    )


# a page's own name for a kind of autoimmune disease: "autoimmune liver diseases", "extrahepatic
# autoimmune diseases", "systemic autoimmune rheumatic diseases", "immune-mediated diseases";
# not a condition named after one ("encephalopathy associated with autoimmune thyroid disease")
_AUTOIMMUNE_KIND = re.compile(
    r"\b(?:autoimmune|immune[- ]mediated)\b(?:[\w\s-]*\s)?(?:diseases?|disorders?)$", re.I
)


def _main_beside_outcomes(page: Page, kb: KnowledgeBase, targets: set[str]) -> str | None:
    """The page's main condition for "Is X linked to autoimmune disease?", leaving out the
    autoimmune diseases it names: they are the other side of the link the question asks about
    (a page on whether strep throat leads to autoimmune disease names rheumatic fever more often
    than strep throat), not another topic; a wider or narrower form of the asked condition stays
    (``_related``). None when nothing else is named twice."""

    def outcome(concept_id: str) -> bool:
        if concept_id in targets or any(_related(kb, t, concept_id) for t in targets):
            return False  # the asked condition, or a wider or narrower form of it
        if concept_id.startswith(PAGE_CONCEPT):
            name = concept_id[len(PAGE_CONCEPT) :]
            return is_class_condition(name) or (
                bool(_AUTOIMMUNE_KIND.search(name))
                and not any(w in _NAME_STOPS for w in name.lower().split())
            )
        rec = kb.record(concept_id)
        return (rec is not None and rec.autoimmune == "yes") or is_class_condition(
            kb.name(concept_id)
        )

    mentions = [m for m in page.mentions if not outcome(m.concept_id)]
    claims = [c for c in page.claims if not outcome(c.concept_id)]
    return main_condition(mentions, title_end(page), title_is_question(page), claims)


def _in_animals(page: Page, target_name: str, found: re.Match[str]) -> Finding:
    """The off-topic finding of a page about the condition in animals (``found``: the words)."""
    sentence = next((s for s in page.sentences if s.start <= found.start() < s.end), None)
    return Finding(
        "off_topic",
        "high",
        sentence.text if sentence else None,
        f"This page is about {target_name} in animals (“{found.group(0)}”), not in people.",
        [],
        sentence.start if sentence else None,
        sentence.end if sentence else None,
        sentence.index if sentence else None,
    )


def _named(page: Page, main: str, targets: set[str], main_name: str, target_name: str) -> str:
    """How often the page names each condition, in words (the weights behind the decision also
    count the title and the page's own claims more; that is said, not shown as a number)."""
    end = title_end(page)
    n_main = n_asked = 0
    in_title = False
    for m in page.mentions:  # (one pass for the three counts: most pages are off topic)
        if m.concept_id == main:
            n_main += 1
            in_title = in_title or m.start < end
        if m.concept_id in targets:
            n_asked += 1
    return (
        f"The page names {main_name} {_times(n_main)}{' (in its title too)' if in_title else ''}"
        f" and {target_name} {_times(n_asked)}; the title and the page's own statements count most."
    )


_FEW_TIMES = ("not once", "once", "twice")


def _times(n: int) -> str:
    return _FEW_TIMES[n] if 0 <= n < len(_FEW_TIMES) else f"{n:,} times"


def _reading_evidence(page: Page, reading: LetterReading, target_name: str) -> Evidence:
    """Where the page shows which reading of the question's letters it uses."""
    start, end = reading.start or 0, reading.end or 0
    said = page.text[start:end]
    if reading.how == "definition":
        why = f"it spells {reading.letters} out as “{said}”"
    elif reading.how == "named":
        why = f"it names “{said}” in full more often than {target_name}"
    else:
        words = ", ".join(f"“{w}”" for w in reading.words[:6])
        why = f"its words ({words}) are those of {reading.name}, not of {target_name}"
    sentence = page.sentence_of(start)
    return Evidence(
        "page",
        f"The page reads {reading.letters} as {reading.name}: {why}.",
        str(sentence.index) if sentence else None,
        start=start,
        end=end,
    )
