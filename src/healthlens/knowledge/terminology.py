"""Terminology: every condition name we can link, with the automata that find them.

Names come from three places, in order of authority:
1. curated records (``records.py``): names, synonyms, lay names, British spellings, abbreviations;
2. ICD-10-CM, as shipped by the ``simple-icd-10-cm`` package: descriptions and inclusion terms of
   the disease chapters (A–Q) and of allergy codes; a code that a curated record lists (or that
   descends from one) links to that record;
3. ontology terms imported on request (``healthlens kb import``): names and synonyms only.

Building this takes seconds (simple-icd-10-cm parses a 10 MB XML file on import), so the built
``Terminology`` is pickled to a cache file keyed by the inputs' fingerprint and loaded from there.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import ahocorasick

from .normalize import fold, is_word_boundary, term_variants
from .records import ConditionRecord

__all__ = ["Concept", "TermHit", "Terminology", "build_terminology", "GENERIC_TERMS", "cache_dir"]

ICD_PREFIX = "icd10cm:"

# Words that name a class of conditions rather than one condition: they never link.
GENERIC_TERMS = frozenset(
    {
        "autoimmune disease", "autoimmune disorder", "autoimmune condition", "autoimmunity",
        "disease", "disorder", "syndrome", "condition", "illness", "allergy", "allergies",
        "allergic reaction", "infection", "inflammation", "cancer", "tumor", "tumour", "pain",
        "fatigue", "fever", "neoplasm", "malignant neoplasm", "carcinoma", "immune deficiency",
        "immunodeficiency", "arthritis", "dermatitis", "eczema nos", "anemia", "anaemia", "colitis",
        "hepatitis", "neuropathy", "myopathy", "vasculitis", "headache", "sepsis nos", "obesity nos",
        "hair loss", "rash", "itch", "diarrhea", "diarrhoea", "insomnia", "depression nos",
        "chronic pain", "inflammatory disease", "rheumatism", "immune disorder", "immune disease",
        "autoimmune diseases", "thyroid disease", "liver disease", "kidney disease", "heart disease",
        "lung disease", "skin disease", "bowel disease", "food intolerance", "intolerance",
    }
)

# Lower-cased abbreviations that are ordinary English words: match them only in capitals.
COMMON_WORDS = frozenset(
    {
        "aids", "pots", "caps", "traps", "pandas", "cold", "mods", "lads", "sibs", "mast", "hard",
        "pans", "gist", "care", "case", "rash", "cure", "aim", "heal", "hope", "lung", "mild",
        "ards", "ease", "face", "fame", "mind", "pace", "pain", "sick", "sold", "tics", "wolf",
    }
)

_ICD_CHAPTERS = set("ABCDEFGHIJKLMNOPQ")
_ICD_BAD = re.compile(
    r"\b(with|without|due to|following|complicating|classified elsewhere|other|unspecified|"
    r"personal history|family history|encounter|sequelae?|status|screening|initial|subsequent|"
    r"site|region|stage|trimester|in remission|not in remission|affecting|involving)\b",
    re.I,
)
_BRACKET = re.compile(r"\s*\[([^\]]+)\]")
_ABBREV_SHAPE = re.compile(r"[A-Z][A-Z0-9]{1,7}(?:-[A-Z0-9]{1,4})?")


@dataclass(frozen=True, slots=True)
class Concept:
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


@dataclass
class Terminology:
    concepts: dict[str, Concept]
    names: dict[str, set[str]]  # folded name -> concept ids
    abbreviations: dict[str, dict[str, bool]]  # short form as written -> {concept id: ambiguous}
    code_to_concept: dict[str, str]
    fingerprint: str = ""
    _names_ac: ahocorasick.Automaton | None = field(default=None, repr=False)
    _abbrev_ac: ahocorasick.Automaton | None = field(default=None, repr=False)

    # -- building -------------------------------------------------------------------------------
    def add_name(self, name: str, concept_id: str) -> None:
        for form in term_variants(name):
            if form in GENERIC_TERMS or len(form) < 3:
                continue
            self.names.setdefault(form, set()).add(concept_id)

    def add_abbreviation(self, short: str, concept_id: str, ambiguous: bool = False) -> None:
        entry = self.abbreviations.setdefault(short, {})
        entry[concept_id] = entry.get(concept_id, False) or ambiguous

    def compile(self) -> None:
        names = ahocorasick.Automaton()
        for form, ids in self.names.items():
            names.add_word(form, (form, tuple(sorted(ids)), False))
        # Long, distinctive abbreviations also match in lower case ("fpies" in a title).
        for short, ids in self.abbreviations.items():
            low = fold(short).strip()
            if len(low) >= 4 and low not in COMMON_WORDS and low not in self.names and " " not in low:
                names.add_word(low, (low, tuple(sorted(ids)), True))
        names.make_automaton()
        abbrevs = ahocorasick.Automaton()
        for short, ids in self.abbreviations.items():
            abbrevs.add_word(short, (short, tuple(sorted(ids)), True))
        abbrevs.make_automaton()
        self._names_ac, self._abbrev_ac = names, abbrevs

    # -- querying -------------------------------------------------------------------------------
    def is_ambiguous(self, short: str) -> bool:
        entry = self.abbreviations.get(short, {})
        return len(entry) > 1 or any(entry.values())

    def find(self, text: str, folded: str | None = None) -> list[TermHit]:
        """All condition names and abbreviations in ``text``, longest match first, no overlaps."""
        if self._names_ac is None:
            self.compile()
        folded = fold(text) if folded is None else folded
        hits: list[TermHit] = []
        for end, (form, ids, is_abbrev) in self._names_ac.iter(folded):
            start = end - len(form) + 1
            if is_word_boundary(folded, start, end + 1):
                amb = is_abbrev and any(self.is_ambiguous(s) for s in self._shorts_for(folded[start : end + 1]))
                hits.append(TermHit(start, end + 1, ids, "abbreviation" if is_abbrev else "name", amb))
        for end, (short, ids, _) in self._abbrev_ac.iter(text):
            start = end - len(short) + 1
            if is_word_boundary(text, start, end + 1):
                hits.append(TermHit(start, end + 1, ids, "abbreviation", self.is_ambiguous(short)))
        # keep the longest, then earliest, of overlapping hits
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

    def _shorts_for(self, folded_short: str) -> list[str]:
        index = self.__dict__.get("_shorts_index")
        if index is None:  # built once: scanning every abbreviation per hit was a hot spot
            index = {}
            for s in self.abbreviations:
                index.setdefault(fold(s).strip(), []).append(s)
            self.__dict__["_shorts_index"] = index
        return index.get(folded_short, [])

    def lookup(self, phrase: str) -> list[str]:
        """Concept ids whose name or abbreviation is exactly ``phrase`` (folded), best first."""
        phrase = phrase.strip()
        ids: list[str] = []
        if phrase in self.abbreviations:
            ids.extend(sorted(self.abbreviations[phrase], key=lambda i: self.abbreviations[phrase][i]))
        upper = phrase.upper()
        if upper != phrase and upper in self.abbreviations and fold(phrase).strip() not in COMMON_WORDS:
            ids.extend(i for i in self.abbreviations[upper] if i not in ids)
        key = " ".join(fold(phrase).split())
        for form in (key, *term_variants(phrase)):
            for cid in sorted(self.names.get(form, ())):
                if cid not in ids:
                    ids.append(cid)
        # curated concepts before ICD-only ones
        return sorted(ids, key=lambda i: self.concepts[i].source != "curated") if ids else ids

    def expansions(self, short: str) -> dict[str, bool]:
        """Concepts this abbreviation stands for, with whether each reading is marked ambiguous."""
        return dict(self.abbreviations.get(short) or self.abbreviations.get(short.upper()) or {})


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
    import simple_icd_10_cm as icd  # slow import: only when the cache is rebuilt

    for code in icd.get_all_codes(with_dots=True):
        if not icd.is_category_or_subcategory(code):
            continue
        allergy = code.startswith("T78") or code.startswith("Z91.0")
        if code[0] not in _ICD_CHAPTERS and not allergy:
            continue
        description = icd.get_description(code)
        terms = [description, *icd.get_inclusion_term(code)]
        yield code, description, terms, [a for t in terms for a in _BRACKET.findall(t)], icd.get_ancestors(code)


def _icd_version() -> str:
    try:
        return metadata.version("simple-icd-10-cm")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


def fingerprint(records: dict[str, ConditionRecord], extra: list[tuple[str, str, str]]) -> str:
    h = hashlib.sha256()
    h.update(b"terminology-v1")
    h.update(_icd_version().encode())
    for rid in sorted(records):
        h.update(repr(records[rid]).encode())
    for row in extra:
        h.update("|".join(row).encode())
    return h.hexdigest()[:16]


def build_terminology(
    records: dict[str, ConditionRecord],
    extra_names: list[tuple[str, str, str]] | None = None,
    use_icd: bool = True,
    cache: bool = True,
) -> Terminology:
    """Build (or load from cache) the terminology for these records.

    ``extra_names`` holds imported ontology names as ``(concept_id, name, preferred_name)``;
    a concept id that is a curated id adds synonyms to that record.
    """
    extra_names = extra_names or []
    fp = fingerprint(records, extra_names) + ("" if use_icd else "-noicd")
    path = cache_dir() / f"terminology-{fp}.pickle"
    if cache and path.exists():
        try:
            with open(path, "rb") as fh:
                term = pickle.load(fh)
            if isinstance(term, Terminology) and term.fingerprint == fp:
                return term
        except Exception:  # a corrupt or foreign cache file is rebuilt, never trusted
            pass
    term = Terminology(concepts={}, names={}, abbreviations={}, code_to_concept={}, fingerprint=fp)
    for rec in records.values():
        term.concepts[rec.id] = Concept(rec.id, rec.name, "curated", rec.icd10cm)
        for name in rec.names:
            term.add_name(name, rec.id)
        for ab in rec.abbreviations:
            term.add_abbreviation(ab.short, rec.id, ab.ambiguous)
        for code in rec.icd10cm:
            term.code_to_concept.setdefault(code, rec.id)
    if use_icd:
        curated_codes = dict(term.code_to_concept)
        for code, description, names, shorts, ancestors in _icd_entries():
            owner = curated_codes.get(code)
            if owner is None:
                # the most specific curated ancestor code, if any
                for anc in ancestors:  # simple-icd-10-cm lists the parent first
                    if anc in curated_codes:
                        owner = curated_codes[anc]
                        break
            cid = owner or ICD_PREFIX + code
            if owner is None:
                name = _clean_icd_name(description) or _BRACKET.sub("", description).strip()
                term.concepts[cid] = Concept(cid, name, "icd10cm", (code,))
            term.code_to_concept[code] = cid
            for n in names:
                cleaned = _clean_icd_name(n)
                if cleaned:
                    term.add_name(cleaned, cid)
                elif _ABBREV_SHAPE.fullmatch(n.strip()):
                    term.add_abbreviation(n.strip(), cid, ambiguous=False)
            for s in shorts:
                if _ABBREV_SHAPE.fullmatch(s):
                    term.add_abbreviation(s, cid, ambiguous=False)
    for cid, name, preferred in extra_names:
        if cid not in term.concepts:
            term.concepts[cid] = Concept(cid, preferred, "ontology")
        term.add_name(name, cid)
    # A name claimed by a curated record belongs to it alone.
    for form, ids in term.names.items():
        curated = {i for i in ids if term.concepts[i].source == "curated"}
        if curated and len(curated) < len(ids):
            term.names[form] = curated
    term.compile()
    if cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            with open(tmp, "wb") as fh:
                pickle.dump(term, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home still works, only slower
    return term
