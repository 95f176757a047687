"""Terminology: every condition name we can link, with the automata that find them.

Names come from three places, in order of authority:
1. curated records (``records.py``): names, synonyms, lay names, British spellings, abbreviations;
2. ICD-10-CM, as shipped by the ``simple-icd-10-cm`` package: descriptions and inclusion terms of
   the disease chapters (A–Q) and of allergy codes; a code that a curated record lists (or that
   descends from one) links to that record;
3. ontology terms imported on request (``healthlens kb import``): names and synonyms only.

Building this is slow (simple-icd-10-cm parses the whole ICD-10-CM XML file on import), so the built
``Terminology`` is pickled to a cache file keyed by the inputs' fingerprint and loaded from there.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import ahocorasick_rs

from ..fastmatch import automaton
from ..limits import checkpoint
from .normalize import fold, reaction_phrases, term_variants
from .records import ConditionRecord

__all__ = [
    "Concept",
    "TermHit",
    "Terminology",
    "build_terminology",
    "GENERIC_TERMS",
    "cache_dir",
    "prune_cache",
]

ICD_PREFIX = "icd10cm:"

# Words that name a class of conditions rather than one condition: they never link.
GENERIC_TERMS = frozenset(
    {
        "autoimmune disease",
        "autoimmune disorder",
        "autoimmune condition",
        "autoimmunity",
        "disease",
        "disorder",
        "syndrome",
        "condition",
        "illness",
        "allergy",
        "allergies",
        "allergic reaction",
        "infection",
        "inflammation",
        "cancer",
        "tumor",
        "tumour",
        "pain",
        "fatigue",
        "fever",
        "neoplasm",
        "malignant neoplasm",
        "carcinoma",
        "immune deficiency",
        "immunodeficiency",
        "arthritis",
        "dermatitis",
        "eczema nos",
        "anemia",
        "anaemia",
        "colitis",
        "hepatitis",
        "neuropathy",
        "myopathy",
        "vasculitis",
        "headache",
        "sepsis nos",
        "obesity nos",
        "rash",
        "itch",
        "diarrhea",
        "diarrhoea",
        "insomnia",
        "depression nos",
        "chronic pain",
        "inflammatory disease",
        "rheumatism",
        "immune disorder",
        "immune disease",
        "autoimmune diseases",
        "thyroid disease",
        "liver disease",
        "kidney disease",
        "heart disease",
        "lung disease",
        "skin disease",
        "bowel disease",
        "food intolerance",
        "intolerance",
    }
)

# Lower-cased abbreviations that are ordinary English words: match them only in capitals.
COMMON_WORDS = frozenset(
    {
        "aids",
        "pots",
        "caps",
        "traps",
        "pandas",
        "cold",
        "mods",
        "lads",
        "sibs",
        "mast",
        "hard",
        "pans",
        "gist",
        "care",
        "case",
        "rash",
        "cure",
        "aim",
        "heal",
        "hope",
        "lung",
        "mild",
        "ards",
        "ease",
        "face",
        "fame",
        "mind",
        "pace",
        "pain",
        "sick",
        "sold",
        "tics",
        "wolf",
    }
)

_ICD_CHAPTERS = set("ABCDEFGHIJKLMNOPQ")
_EPONYM = re.compile(
    r"^([A-Z][a-zà-ÿ]{3,})(?:['’]s|s['’])\s+(?:disease|syndrome|thyroiditis|phenomenon|encephalopathy|palsy)$"
)
_EPONYM_WORDS = frozenset(
    {
        "still",
        "bell",
        "graves",
        "lyme",
        "celiac",
        "coeliac",
        "kidney",
        "liver",
        "heart",
        "lung",
        "skin",
    }
)
_ICD_BAD = re.compile(
    r"\b(with|without|due to|following|complicating|classified elsewhere|other|unspecified|"
    r"personal history|family history|encounter|sequelae?|status|screening|initial|subsequent|"
    r"site|region|stage|trimester|in remission|not in remission|affecting|involving)\b",
    re.I,
)
_BRACKET = re.compile(r"\s*\[([^\]]+)\]")
_ABBREV_SHAPE = re.compile(r"[A-Z][A-Z0-9]{1,7}(?:-[A-Z0-9]{1,4})?")


class Concept(NamedTuple):  # a tuple: tens of thousands of them unpickle fast
    id: str
    name: str
    source: str  # curated | icd10cm | ontology
    codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TermHit:
    start: int
    end: int
    concept_ids: tuple[str, ...]
    via: str  # name | abbreviation
    ambiguous: bool


# a hit as ``_find_spans`` gives it: (start, end, concept ids, via, ambiguous), TermHit's fields
_Span = tuple[int, int, tuple[str, ...], str, bool]

_new = object.__new__
_SET_FIELDS = tuple(TermHit.__dict__[f].__set__ for f in TermHit.__slots__)
assert TermHit.__slots__ == ("start", "end", "concept_ids", "via", "ambiguous")


def _term_hit(start: int, end: int, ids: tuple[str, ...], via: str, ambiguous: bool) -> TermHit:
    """``TermHit(start, end, ids, via, ambiguous)``, its slots filled directly: a frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__``, which cost twice
    the rest of making the object, for each of a page's few dozen hits."""
    h = _new(TermHit)
    s0, s1, s2, s3, s4 = _SET_FIELDS
    s0(h, start)
    s1(h, end)
    s2(h, ids)
    s3(h, via)
    s4(h, ambiguous)
    return h


def _longest_spans(hits: list[_Span]) -> list[_Span]:
    """``longest_hits`` of spans (sorted in place): the same spans, in the same order."""
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))
    kept: list[_Span] = []
    last_end = -1
    for h in hits:
        start, end = h[0], h[1]
        if start >= last_end:
            kept.append(h)
            last_end = end
        elif end > last_end and kept and end - start > kept[-1][1] - kept[-1][0]:
            kept[-1] = h
            last_end = end
    return kept


def longest_hits(hits: list[TermHit]) -> list[TermHit]:
    """Of overlapping hits, the longest, then the earliest (``hits`` is sorted in place)."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[TermHit] = []
    last_end = -1
    for h in hits:
        if h.start >= last_end:
            kept.append(h)
            last_end = h.end
        elif h.end > last_end and kept and h.end - h.start > kept[-1].end - kept[-1].start:
            kept[-1] = h
            last_end = h.end
    return kept


_MEMOS = (
    "_find_memo",
    "_lookup_memo",
    "_shorts_index",
)  # run-time memos in a Terminology's __dict__


_Matcher = tuple[ahocorasick_rs.AhoCorasick, list[tuple[str, tuple[str, ...], bool]]]


def _matcher(entries: list[tuple[str, tuple[str, ...], bool]]) -> _Matcher:
    """An automaton over the entries' patterns, with the entries by pattern index."""
    return automaton(e[0] for e in entries), entries


@dataclass
class Terminology:
    concepts: dict[str, Concept]
    names: dict[str, set[str] | tuple[str, ...]]  # folded name -> concept ids (tuples once frozen)
    abbreviations: dict[str, dict[str, bool]]  # short form as written -> {concept id: ambiguous}
    code_to_concept: dict[str, str]
    fingerprint: str = ""
    # curated names that are class words ("arthritis", "anaemia"): never matched in page text,
    # but a question that names them exactly ("Is arthritis autoimmune?") reaches the umbrella record
    generic_names: dict[str, set[str] | tuple[str, ...]] = field(default_factory=dict)
    # letters several curated records share -> the record marked as their most common reading
    primary_reading: dict[str, str] = field(default_factory=dict)
    # (automaton, what each pattern index stands for): (pattern, concept ids, whether an abbreviation)
    _names_ac: _Matcher | None = field(default=None, repr=False)
    _abbrev_ac: _Matcher | None = field(default=None, repr=False)

    # -- building -------------------------------------------------------------------------------
    def add_name(self, name: str, concept_id: str) -> bool:
        """Add a name under all its variants; False (nothing added) when it is a class word."""
        self._forget()
        forms = term_variants(name)
        if forms & GENERIC_TERMS:  # "arthritis", and so also "arthritises"
            return False
        forms |= reaction_phrases(name)  # "allergic to penicillin" for "Penicillin allergy"
        for form in forms:
            if len(form) >= 3:
                ids = self.names.get(form)
                if ids is None:
                    self.names[form] = {concept_id}
                elif isinstance(ids, set):
                    ids.add(concept_id)
                elif concept_id not in ids:  # already frozen into a tuple
                    self.names[form] = tuple(sorted({*ids, concept_id}))
        return True

    def add_abbreviation(self, short: str, concept_id: str, ambiguous: bool = False) -> None:
        self._forget()
        entry = self.abbreviations.setdefault(short, {})
        entry[concept_id] = entry.get(concept_id, False) or ambiguous

    def freeze(self) -> None:
        """Turn the name sets into sorted tuples (smaller, faster to unpickle) once building is done."""
        self._forget()
        self.names = {form: tuple(sorted(ids)) for form, ids in self.names.items()}
        self.generic_names = {form: tuple(sorted(ids)) for form, ids in self.generic_names.items()}

    def __getstate__(self) -> dict:
        # the automata (which do not pickle) are rebuilt on first use (or by prepare())
        state = dict(self.__dict__)
        state["_names_ac"] = state["_abbrev_ac"] = None
        for memo in _MEMOS:  # lookups remembered at run time are not part of the terminology
            state.pop(memo, None)
        return state

    def compile(self) -> None:
        self._forget()
        # (frozen names are sorted tuples already: 52k of them, sorted again in every worker)
        names = [
            (form, ids if type(ids) is tuple else tuple(sorted(ids)), False)
            for form, ids in self.names.items()
        ]
        # Long, distinctive abbreviations also match in lower case ("fpies" in a title); of two
        # that fold to the same letters, the later one names them.
        lowered: dict[str, tuple[str, ...]] = {}
        for short, ids in self.abbreviations.items():
            low = fold(short).strip()
            if (
                len(low) >= 4
                and low not in COMMON_WORDS
                and low not in self.names
                and " " not in low
            ):
                lowered[low] = tuple(sorted(ids))
        names += [(low, ids, True) for low, ids in lowered.items()]
        abbrevs = [(short, tuple(sorted(ids)), True) for short, ids in self.abbreviations.items()]
        self._names_ac = _matcher(names)
        self._abbrev_ac = _matcher(abbrevs)

    def prepare(self) -> None:
        """Build the matching automata now rather than on first use, so that a long-running
        process's first page or question does not pay for them."""
        if self._names_ac is None:
            self.compile()

    # -- querying -------------------------------------------------------------------------------
    def is_ambiguous(self, short: str) -> bool:
        entry = self.abbreviations.get(short, {})
        return len(entry) > 1 or any(entry.values())

    # -- memos: short phrases (question subjects, long forms) repeat across pages -----------------
    _MEMO_LIMIT = 65536
    _MEMO_MAX_TEXT = 200

    def _forget(self) -> None:
        """Drop the memos (the terminology changed)."""
        for memo in _MEMOS:
            self.__dict__.pop(memo, None)

    def find(self, text: str, folded: str | None = None) -> list[TermHit]:
        """All condition names and abbreviations in ``text``, longest match first, no overlaps."""
        if len(text) > self._MEMO_MAX_TEXT:
            return self._find(text, folded)
        return self._memoized("_find_memo", (text, folded), self._find)

    def find_spans(self, text: str, folded: str | None = None) -> list[_Span]:
        """``find``'s hits as (start, end, concept ids, via, ambiguous) tuples, in the same order:
        a page's own walk (``understand.mentions``) reads their fields once and keeps none of
        them, so it does without the objects."""
        if len(text) > self._MEMO_MAX_TEXT:
            return self._find_spans(text, folded)
        return [
            (h.start, h.end, h.concept_ids, h.via, h.ambiguous) for h in self.find(text, folded)
        ]

    def _find(self, text: str, folded: str | None = None) -> list[TermHit]:
        return [_term_hit(*h) for h in self._find_spans(text, folded)]

    def _find_spans(self, text: str, folded: str | None = None) -> list[_Span]:
        if self._names_ac is None or self._abbrev_ac is None:
            self.compile()
        assert self._names_ac is not None and self._abbrev_ac is not None  # set by compile()
        folded = fold(text) if folded is None else folded
        hits: list[_Span] = []
        ac, entries = self._names_ac
        size = len(folded)
        for n, (k, start, end) in enumerate(ac.find_matches_as_indexes(folded, overlapping=True)):
            if not n & 4095:
                checkpoint()  # a page of names: the check's deadline (healthlens.limits)
            # is_word_boundary(folded, start, end), without a call for each of a page's hits
            if not (start and folded[start - 1].isalnum()) and not (
                end < size and folded[end].isalnum()
            ):
                ids, is_abbrev = entries[k][1], entries[k][2]
                amb = is_abbrev and any(
                    self.is_ambiguous(s) for s in self._shorts_for(folded[start:end])
                )
                hits.append((start, end, ids, "abbreviation" if is_abbrev else "name", amb))
        ac, entries = self._abbrev_ac
        size = len(text)
        for n, (k, start, end) in enumerate(ac.find_matches_as_indexes(text, overlapping=True)):
            if not n & 4095:
                checkpoint()
            if not (start and text[start - 1].isalnum()) and not (
                end < size and text[end].isalnum()
            ):
                short, ids = entries[k][0], entries[k][1]
                hits.append((start, end, ids, "abbreviation", self.is_ambiguous(short)))
        return _longest_spans(hits)

    def _shorts_for(self, folded_short: str) -> list[str]:
        index = self.__dict__.get("_shorts_index")
        if index is None:  # built once: scanning every abbreviation per hit was a hot spot
            index = {}
            for s in self.abbreviations:
                index.setdefault(fold(s).strip(), []).append(s)
            self.__dict__["_shorts_index"] = index
        return index.get(folded_short, [])

    def lookup(self, phrase: str, include_generic: bool = False) -> list[str]:
        """Concept ids whose name or abbreviation is exactly ``phrase`` (folded), best first.

        ``include_generic`` also reaches curated umbrella records named by a class word
        ("arthritis"), which page matching never links.
        """
        return self._memoized("_lookup_memo", (phrase, include_generic), self._lookup)

    def _memoized(self, name: str, args: tuple, compute) -> list:
        """``compute(*args)``, remembered in the bounded memo ``name`` (short texts repeat across pages)."""
        memo = self.__dict__.setdefault(name, {})
        result = memo.get(args)
        if result is None:
            result = tuple(compute(*args))
            if len(memo) < self._MEMO_LIMIT:
                memo[args] = result
        return list(result)

    def _lookup(self, phrase: str, include_generic: bool) -> list[str]:
        phrase = phrase.strip()
        ids: list[str] = []
        if phrase in self.abbreviations:
            ids.extend(self.readings(phrase))
        upper = phrase.upper()
        if (
            upper != phrase
            and upper in self.abbreviations
            and fold(phrase).strip() not in COMMON_WORDS
        ):
            # letters typed in lower case ("cd") keep the readings' order: the most common first,
            # as for "CD" (in dict order "cd" was read as celiac disease, "CD" as Crohn disease)
            ids.extend(i for i in self.readings(upper) if i not in ids)
        key = " ".join(fold(phrase).split())
        for form in (key, *term_variants(phrase)):
            found = (
                self.names.get(form)
                or (self.generic_names.get(form) if include_generic else None)
                or ()
            )
            for cid in sorted(found):
                if cid not in ids:
                    ids.append(cid)
        # curated concepts before ICD-only ones
        return sorted(ids, key=lambda i: self.concepts[i].source != "curated") if ids else ids

    def _reading_rank(self, short: str, cid: str) -> tuple[bool, bool, bool]:
        """Primary reading first, then curated readings, then unambiguous ones."""
        return (
            self.primary_reading.get(short) != cid,
            self.concepts[cid].source != "curated",
            self.abbreviations[short][cid],
        )

    def readings(self, short: str) -> list[str]:
        """Concept ids these letters stand for, most common reading first."""
        key = short if short in self.abbreviations else short.upper()
        return sorted(self.abbreviations.get(key, {}), key=lambda i: self._reading_rank(key, i))

    def expansions(self, short: str) -> dict[str, bool]:
        """Concepts this abbreviation stands for, with whether each reading is marked ambiguous."""
        return dict(self.abbreviations.get(short) or self.abbreviations.get(short.upper()) or {})


def prune_cache(pattern: str, keep: int = 6, min_age_s: float = 86400) -> None:
    """Delete cache files matching ``pattern`` beyond the ``keep`` most recent, if a day old.

    Several checkouts (and versions) may share one cache directory; the recent files and the
    fresh ones stay, so they never rebuild each other's caches in a loop.
    """
    try:
        files = sorted(cache_dir().glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        now = time.time()
        for old in files[keep:]:
            if now - old.stat().st_mtime > min_age_s:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def cache_dir() -> Path:
    root = os.environ.get("HEALTHLENS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "healthlens"
    )
    return Path(root)


def _clean_icd_name(text: str) -> str | None:
    text = _BRACKET.sub("", text).strip()
    text = re.sub(r",?\s+(NOS|unspecified)$", "", text, flags=re.I).strip()
    text = re.sub(r",\s*unspecified\b.*$", "", text, flags=re.I).strip()
    if not text or "," in text or "(" in text or _ICD_BAD.search(text):
        return None
    if len(text.split()) > 7 or len(text) < 4:
        return None
    return text


def _icd_entries():
    import simple_icd_10_cm as icd  # lazy: parses the whole code set; only a cache rebuild needs it

    for code in icd.get_all_codes(with_dots=True):
        if not icd.is_category_or_subcategory(code):
            continue
        allergy = code.startswith("T78") or code.startswith("Z91.0")
        if code[0] not in _ICD_CHAPTERS and not allergy:
            continue
        description = icd.get_description(code)
        terms = [description, *icd.get_inclusion_term(code)]
        yield (
            code,
            description,
            terms,
            [a for t in terms for a in _BRACKET.findall(t)],
            icd.get_ancestors(code),
        )


def _icd_version() -> str:
    """The installed simple-icd-10-cm version, read from its dist-info folder name (cheap)."""
    for entry in sys.path:
        try:
            for name in os.listdir(entry or "."):
                if name.startswith("simple_icd_10_cm-") and name.endswith(".dist-info"):
                    return name[len("simple_icd_10_cm-") : -len(".dist-info")]
        except OSError:
            continue
    from importlib import metadata  # lazy: slow to import; only when the folder is not found

    try:
        return metadata.version("simple-icd-10-cm")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


def fingerprint(records: dict[str, ConditionRecord], extra: list[tuple[str, str, str]]) -> str:
    h = hashlib.sha256()
    h.update(b"terminology-v9")
    # the code that builds the terminology is part of its identity: edit it and the cache rebuilds
    for module in ("terminology.py", "normalize.py"):
        h.update((Path(__file__).parent / module).read_bytes())
    h.update(_icd_version().encode())
    for rid in sorted(records):
        h.update(repr(records[rid]).encode())
    for row in extra:
        h.update("|".join(row).encode())
    return h.hexdigest()[:16]


def _code_owners(records: dict[str, ConditionRecord]) -> dict[str, str]:
    """The curated record that owns each ICD-10-CM code it lists.

    A code listed by one record belongs to it. A code listed by several (an umbrella and its
    member, e.g. K50 for Crohn disease and inflammatory bowel disease) belongs to the record
    whose own names include the code's description, and to none when no name matches (M04.1
    "Periodic fever syndromes" is neither FMF nor TRAPS).
    """
    import simple_icd_10_cm as icd  # lazy: parses the whole code set; only a cache rebuild needs it

    claims: dict[str, list[ConditionRecord]] = {}
    for rec in records.values():
        for code in rec.icd10cm:
            claims.setdefault(code, []).append(rec)
    owners: dict[str, str] = {}
    for code, recs in claims.items():
        if len(recs) == 1:
            owners[code] = recs[0].id
            continue
        try:
            description = _clean_icd_name(icd.get_description(code)) or ""
        except ValueError:
            continue
        forms = term_variants(description)
        matching = [r for r in recs if any(term_variants(n) & forms for n in r.names)]
        if len(matching) == 1:
            owners[code] = matching[0].id
    return owners


def build_terminology(
    records: dict[str, ConditionRecord],
    extra_names: list[tuple[str, str, str]] | None = None,
    use_icd: bool = True,
    cache: bool = True,
) -> Terminology:
    """Build (or load from cache) the terminology for these records.

    ``extra_names`` holds imported ontology names as ``(concept_id, name, preferred_name)``;
    a concept id that is a curated id adds synonyms to that record.

    Curated records win every conflict: a name or abbreviation written in a curated record
    belongs to that record alone, whatever ICD-10-CM or an imported ontology say.
    """
    extra_names = extra_names or []
    fp = fingerprint(records, extra_names) + ("" if use_icd else "-noicd")
    path = cache_dir() / f"terminology-{fp}.pickle"
    if cache:
        cached = _cached_terminology(path, fp)
        if cached is not None:
            return cached
    term = Terminology(concepts={}, names={}, abbreviations={}, code_to_concept={}, fingerprint=fp)
    direct = _add_curated(term, records)
    if use_icd:
        _add_icd(term, records, curated_shorts=set(term.abbreviations))
    for cid, name, preferred in extra_names:  # the imported ontology
        if cid not in term.concepts:
            term.concepts[cid] = Concept(cid, preferred, "ontology")
        term.add_name(name, cid)
    # A name a curated record writes belongs to the records that write it, and to no other concept.
    for form in term.names:  # replaces values only: the keys stay as they are
        if form in direct:
            term.names[form] = set(direct[form])
    term.freeze()
    if cache:
        write_cache(path, term, "terminology-*.pickle")
    return term


def _cached_terminology(path: Path, fp: str) -> Terminology | None:
    """The terminology pickled at ``path`` when it is one with this fingerprint, else None."""
    if not path.exists():
        return None
    try:
        with open(path, "rb") as fh:
            term = pickle.load(fh)
        if isinstance(term, Terminology) and term.fingerprint == fp:
            return term
    except Exception:  # a corrupt or foreign cache file is rebuilt, never trusted
        pass
    return None


def _add_curated(term: Terminology, records: dict[str, ConditionRecord]) -> dict[str, set[str]]:
    """The curated records' concepts, names, abbreviations and eponyms; returns each folded name
    form with the records that write it themselves."""
    direct: dict[str, set[str]] = {}  # folded form -> curated ids that write it themselves
    generic: dict[str, set[str]] = {}  # folded form -> the records whose generic name it is
    eponyms: dict[str, set[str]] = {}
    for rec in records.values():
        term.concepts[rec.id] = Concept(rec.id, rec.name, "curated", rec.icd10cm)
        for name in rec.names:
            specific = term.add_name(name, rec.id)
            for form in term_variants(name):
                direct.setdefault(form, set()).add(rec.id)
                if not specific:
                    generic.setdefault(form, set()).add(rec.id)
            named_after = _EPONYM.match(name)
            if named_after and named_after.group(1).lower() not in COMMON_WORDS | _EPONYM_WORDS:
                eponyms.setdefault(named_after.group(1), set()).add(rec.id)
        for ab in rec.abbreviations:
            term.add_abbreviation(ab.short, rec.id, ab.ambiguous)
            if ab.primary:
                term.primary_reading[ab.short] = rec.id
    term.generic_names.update(generic)
    for eponym, ids in eponyms.items():
        if len(ids) == 1:  # "Sjogren's", "Crohn's" alone, when only one record is named after them
            # exactly the possessive: without its "'s" the eponym is often an ordinary word ("Down")
            form = fold(f"{eponym}'s").strip()
            if form not in direct:
                holders = term.names.setdefault(form, set())
                assert isinstance(holders, set)  # names are sets until freeze()
                holders.add(next(iter(ids)))
                direct[form] = set(ids)
    return direct


# A code under a curated record's code is mostly a form of that condition ("Rhinophyma" under
# rosacea's L71), but ICD-10-CM also files other conditions beside them: perioral dermatitis
# under rosacea, leukocyte adhesion deficiency under the neutrophil disorders a chronic
# granulomatous disease record owns, pseudohypoparathyroidism under hypoparathyroidism, sickle
# cell trait under sickle cell disease. Linked to the record, each got its definition and its
# verdicts ("What is perioral dermatitis?" defined rosacea). So a code the record owns only
# through an ancestor links to it only where the code's name shares a word with one of the
# record's names; any other becomes a concept of its own, answered "not known".
_GENERIC_WORDS = frozenset(
    "disease diseases disorder disorders syndrome syndromes chronic acute other type with without "
    "unspecified primary secondary due".split()
)


def _words(name: str) -> frozenset[str]:
    """The name's content words, cut to their first six letters ("candidal" and "candidiasis",
    "epileptic" and "epilepsy" share one)."""
    return frozenset(
        w[:6] for w in re.findall(r"[a-z]+", fold(name)) if len(w) > 3 and w not in _GENERIC_WORDS
    )


# a carrier state is not the condition: "Sickle-cell trait" (D57.3) is filed under sickle cell
# disease, and was defined as it
_CARRIER = re.compile(r"\b(?:trait|carriers?|carrier\s+state)\b", re.I)


def _names_the_owner(code_name: str, owner: ConditionRecord) -> bool:
    """Whether an inherited code's name shares a word with one of its owner's names (and names
    no carrier state)."""
    if _CARRIER.search(code_name) and not any(_CARRIER.search(n) for n in owner.names):
        return False
    words = _words(code_name)
    return any(words & _words(n) for n in owner.names)


def _add_icd(
    term: Terminology, records: dict[str, ConditionRecord], curated_shorts: set[str]
) -> None:
    """ICD-10-CM's names and abbreviations: a code a curated record owns links to that record; a
    code under it, where its name shares a word with the record's names (the comment above); any
    other to a concept of its own."""
    owners = _code_owners(records)
    term.code_to_concept.update(owners)
    for code, description, names, shorts, ancestors in _icd_entries():
        owner = owners.get(code)
        if owner is None:
            # the most specific owned ancestor code, if any
            for anc in ancestors:  # simple-icd-10-cm lists the parent first
                if anc in owners:
                    owner = owners[anc]
                    break
            if owner is not None and not _names_the_owner(
                _BRACKET.sub("", description), records[owner]
            ):
                owner = None  # another condition filed under the record's code
        cid = owner or ICD_PREFIX + code
        if owner is None:
            name = _clean_icd_name(description) or _BRACKET.sub("", description).strip()
            term.concepts[cid] = Concept(cid, name, "icd10cm", (code,))
        term.code_to_concept.setdefault(code, cid)
        for n in names:
            if _ABBREV_SHAPE.fullmatch(
                n.strip()
            ):  # "FPIES" is an inclusion term, and an abbreviation
                if n.strip() not in curated_shorts:
                    term.add_abbreviation(n.strip(), cid, ambiguous=False)
            elif cleaned := _clean_icd_name(n):
                term.add_name(cleaned, cid)
        for s in shorts:
            if _ABBREV_SHAPE.fullmatch(s) and s not in curated_shorts:
                term.add_abbreviation(s, cid, ambiguous=False)


def write_cache(path: Path, obj: object, pattern: str) -> None:
    """Pickle ``obj`` to ``path`` atomically and prune old files matching ``pattern``; a
    read-only cache directory is not an error (everything still works, only slower)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        prune_cache(pattern)
    except OSError:
        pass
