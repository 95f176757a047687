"""The local knowledge store: what `healthlens kb import` added beside the curated records.

An imported ontology (terms, synonyms, is_a hierarchy, cross-references) lives in one JSON file
in the cache directory, together with its links to curated records. It adds names for linking
and hierarchy for comparison; it never changes a curated verdict. Without an import the package
works exactly the same, only with fewer names.

Linking a term to a curated record, strongest first:
  0. the term's label is the preferred name of exactly one record;
  1. the term's label is another name (synonym, lay name, British spelling) of exactly one record;
  2. one of its exact synonyms is a name of exactly one record;
  3. an ICD-10-CM cross-reference is a code exactly one record lists;
  4. an ICD-10-CM cross-reference falls under a code exactly one record lists (K50.1 under K50).
Names flow into the terminology only through links of rank 0 to 3; rank 4 links are used for
the disagreement report alone. The report compares each record with its best-ranked term.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeError
from .normalize import term_variants
from .ontology import Ontology, Term, read_ontology, resolve_label_parents
from .records import ConditionRecord
from .terminology import cache_dir

__all__ = [
    "store_path",
    "imported_names",
    "load_store",
    "Store",
    "ImportReport",
    "import_ontology",
    "link_records",
    "compare_with_ontology",
    "clear_store",
]

STORE_VERSION = 2
NAME_RANKS = (0, 1, 2, 3)  # link ranks whose names feed the terminology
RANK_WORDS = {
    0: "label = preferred name",
    1: "label = other name",
    2: "exact synonym",
    3: "ICD-10-CM code",
    4: "ICD-10-CM parent code",
}
ROOT_LABELS = {"autoimmune": "autoimmune disease", "allergic": "allergic disease"}


def store_path() -> Path:
    return cache_dir() / "imported.json"


@dataclass
class Store:
    ontology: Ontology
    links: dict[str, list[tuple[str, int]]]  # curated id -> [(term id, rank)], best first

    def best_term(self, record_id: str) -> tuple[Term, int] | None:
        for tid, rank in self.links.get(record_id, []):
            if tid in self.ontology.terms:
                return self.ontology.terms[tid], rank
        return None

    def root(self, kind: str) -> str | None:
        """The term for "autoimmune disease" / "allergic disease": by label, else by exact synonym
        (the 2018 Disease Ontology calls DOID:417 "autoimmune hypersensitivity disease")."""
        wanted = ROOT_LABELS[kind]
        found = self.ontology.by_label().get(wanted)
        if found:
            return found
        for t in self.ontology.terms.values():
            if not t.deprecated and any(
                s.lower() == wanted and scope == "EXACT" for s, scope in t.synonyms
            ):
                return t.id
        return None

    def to_dict(self) -> dict:
        return {
            "version": STORE_VERSION,
            "sources": self.ontology.sources,
            "terms": {tid: t.to_dict() for tid, t in self.ontology.terms.items()},
            "links": {rid: [list(x) for x in v] for rid, v in self.links.items()},
        }

    @classmethod
    def from_dict(cls, data: dict) -> Store:
        onto = Ontology(
            {tid: Term.from_dict(tid, d) for tid, d in data.get("terms", {}).items()},
            list(data.get("sources", [])),
        )
        return cls(
            onto, {rid: [(t, int(r)) for t, r in v] for rid, v in data.get("links", {}).items()}
        )


def load_store(path: Path | None = None) -> Store | None:
    """The imported ontology, or None when nothing was imported (or the file is unreadable)."""
    path = path or store_path()
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != STORE_VERSION:
        return None
    return Store.from_dict(data)


def clear_store() -> bool:
    path = store_path()
    if path.exists():
        path.unlink()
        return True
    return False


def imported_names() -> list[tuple[str, str, str]]:
    """Imported ``(concept_id, name, preferred_name)`` rows; empty when nothing was imported.

    Names of a term linked to a curated record are given under the record's id (they become
    more ways to name it); other live terms keep their ontology id.
    """
    store = load_store()
    if store is None:
        return []
    linked: dict[str, str] = {}
    for rid, terms in store.links.items():
        for tid, rank in terms:
            if rank in NAME_RANKS:
                linked.setdefault(tid, rid)
    rows = []
    for tid, term in sorted(store.ontology.terms.items()):
        if term.deprecated or not term.name:
            continue
        owner = linked.get(tid)
        for name in term.exact_names():
            rows.append((owner or tid, name, term.name))
    return rows


# -- linking ------------------------------------------------------------------------------------
def _name_index(
    records: dict[str, ConditionRecord], preferred_only: bool = False
) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for rec in records.values():
        for name in (rec.name,) if preferred_only else rec.names:
            for form in term_variants(name):
                index.setdefault(form, set()).add(rec.id)
    return index


_CATCH_ALL = re.compile(r"\b(?:other|unspecified|not elsewhere classified)\b", re.I)


def _catch_all(code: str) -> bool:
    """An ICD-10-CM code for a remainder class ("Other specified myotonic disorders"): sharing it
    says nothing about being the same condition, so it never links a term."""
    import simple_icd_10_cm as icd  # lazy: parses the whole code set; only an ontology import needs it

    try:
        return bool(_CATCH_ALL.search(icd.get_description(code)))
    except ValueError:
        return True


def _unique(ids: Iterable[str]) -> str | None:
    ids = set(ids)
    return next(iter(ids)) if len(ids) == 1 else None


def link_records(
    onto: Ontology, records: dict[str, ConditionRecord]
) -> dict[str, list[tuple[str, int]]]:
    """Curated id -> the ontology terms that stand for it, with the rank of the evidence."""
    index = _name_index(records)
    preferred = _name_index(records, preferred_only=True)
    by_code: dict[str, set[str]] = {}
    for rec in records.values():
        for code in rec.icd10cm:
            if not _catch_all(code):
                by_code.setdefault(code, set()).add(rec.id)
    links: dict[str, list[tuple[str, int]]] = {}

    def named(name: str, idx: dict[str, set[str]]) -> set[str]:
        out: set[str] = set()
        for form in term_variants(name):
            out |= idx.get(form, set())
        return out

    for tid, term in onto.terms.items():
        if term.deprecated or not term.name:
            continue
        found: tuple[str, int] | None = None
        for rank, candidates in (
            (0, lambda term=term: named(term.name, preferred)),
            (1, lambda term=term: named(term.name, index)),
            (
                2,
                lambda term=term: set().union(
                    set(), *(named(s, index) for s, scope in term.synonyms if scope == "EXACT")
                ),
            ),
        ):
            rid = _unique(candidates())
            if rid:
                found = (rid, rank)
                break
        if found is None:
            codes = [
                x.split(":", 1)[1].strip()
                for x in term.xrefs
                if x.upper().startswith(("ICD10CM:", "ICD10CM_"))
            ]
            rid = _unique(r for c in codes for r in by_code.get(c, ()))
            if rid:
                found = (rid, 3)
            else:
                under = {
                    r
                    for c in codes
                    for code, rs in by_code.items()
                    if c != code and c.startswith(code)
                    for r in rs
                }
                rid = _unique(under)
                if rid:
                    found = (rid, 4)
        if found:
            links.setdefault(found[0], []).append((tid, found[1]))
    for rid in links:
        links[rid].sort(key=lambda x: (x[1], x[0]))
    return links


# -- comparing ----------------------------------------------------------------------------------
@dataclass
class ImportReport:
    sources: list[dict]
    terms: int
    live_terms: int
    exact_synonyms: int
    is_a_edges: int
    xrefs: int
    icd10cm_xrefs: int
    linked_records: int
    link_ranks: dict[str, int]
    unlinked_records: list[str]
    roots: dict[str, str | None]
    disagreements: list[dict] = field(
        default_factory=list
    )  # curated yes/no vs the autoimmune branch
    contested: list[dict] = field(
        default_factory=list
    )  # curated partly/uncertain inside the autoimmune branch
    allergy_disagreements: list[dict] = field(default_factory=list)
    store: str = ""

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def compare_with_ontology(
    store: Store, records: dict[str, ConditionRecord]
) -> dict[str, list[dict]]:
    """Where the ontology's hierarchy and the curated verdicts disagree (curated verdicts stand)."""
    onto = store.ontology
    roots = {kind: store.root(kind) for kind in ROOT_LABELS}
    out: dict[str, list[dict]] = {"disagreements": [], "contested": [], "allergy_disagreements": []}
    for rid in sorted(store.links):
        rec = records.get(rid)
        best = store.best_term(rid)
        if rec is None or best is None:
            continue
        term, rank = best
        ancestors = onto.ancestors(term.id)
        row = {
            "record": rid,
            "name": rec.name,
            "verdict": rec.autoimmune,
            "mechanism": rec.mechanism,
            "term": term.id,
            "term_name": term.name,
            "linked_by": RANK_WORDS[rank],
            "parents": [onto.terms[p].name if p in onto.terms else p for p in term.parents],
        }
        if roots["autoimmune"]:
            inside = roots["autoimmune"] in ancestors or term.id == roots["autoimmune"]
            if rec.autoimmune == "yes" and not inside:
                out["disagreements"].append(
                    {
                        **row,
                        "kind": "curated yes; ontology does not place it under autoimmune disease",
                    }
                )
            elif rec.autoimmune == "no" and inside:
                out["disagreements"].append(
                    {**row, "kind": "curated no; ontology places it under autoimmune disease"}
                )
            elif rec.autoimmune in ("partly", "uncertain") and inside:
                out["contested"].append(
                    {
                        **row,
                        "kind": f"curated {rec.autoimmune}; ontology places it under autoimmune disease",
                    }
                )
        if roots["allergic"]:
            inside = roots["allergic"] in ancestors or term.id == roots["allergic"]
            allergy = rec.allergy_verdict
            if allergy == "yes" and not inside:
                out["allergy_disagreements"].append(
                    {
                        **row,
                        "kind": "curated allergy; ontology does not place it under allergic disease",
                    }
                )
            elif allergy == "no" and inside:
                out["allergy_disagreements"].append(
                    {
                        **row,
                        "kind": "curated not an allergy; ontology places it under allergic disease",
                    }
                )
    return out


def _save(store: Store) -> Path:
    path = store_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(
        json.dumps(store.to_dict(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    os.replace(tmp, path)
    return path


def import_ontology(
    paths: Iterable[str | Path],
    records: dict[str, ConditionRecord],
    reset: bool = False,
    save: bool = True,
) -> ImportReport:
    """Read ontology files, merge them into the store, link them to the curated records and
    report where they disagree. Raises ``KnowledgeError`` naming the file for unreadable input."""
    paths = list(paths)
    if not paths:
        raise KnowledgeError(
            "no ontology file given: pass an .obo, .json(.gz) or Disease Ontology .tsv file"
        )
    existing = None if reset else load_store()
    onto = existing.ontology if existing else Ontology()
    for p in paths:
        onto.merge(read_ontology(p))
    for src in onto.sources[-len(paths) :]:
        src["imported"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    resolve_label_parents(onto)
    store = Store(onto, link_records(onto, records))
    saved = ""
    if save:
        try:
            saved = str(_save(store))
        except OSError as exc:
            raise KnowledgeError(
                f"cannot write the knowledge store in {store_path().parent}: {exc}; "
                "set HEALTHLENS_CACHE to a writable folder"
            ) from exc
    ranks: dict[str, int] = {}
    for terms in store.links.values():
        word = RANK_WORDS[terms[0][1]]
        ranks[word] = ranks.get(word, 0) + 1
    live = [t for t in onto.terms.values() if not t.deprecated and t.name]
    comparison = compare_with_ontology(store, records)
    return ImportReport(
        sources=onto.sources,
        terms=len(onto.terms),
        live_terms=len(live),
        exact_synonyms=sum(1 for t in live for _, scope in t.synonyms if scope == "EXACT"),
        is_a_edges=sum(len(t.parents) for t in onto.terms.values()),
        xrefs=sum(len(t.xrefs) for t in onto.terms.values()),
        icd10cm_xrefs=sum(
            1 for t in onto.terms.values() for x in t.xrefs if x.upper().startswith("ICD10CM")
        ),
        linked_records=len(store.links),
        link_ranks=ranks,
        unlinked_records=sorted(set(records) - set(store.links)),
        roots={k: store.root(k) for k in ROOT_LABELS},
        store=saved,
        **comparison,
    )
