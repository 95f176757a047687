"""Views of the knowledge base for people: counts (``kb stats``) and one record (``kb show``)."""

from __future__ import annotations

from collections import Counter

from .groups import load_groups
from .properties import BASES, FAMILIES
from .records import EVIDENCE, MECHANISMS, RELATIONS, VERDICTS
from .store import RANK_WORDS, Store

__all__ = ["stats", "record_card"]


def stats(kb, store: Store | None = None) -> dict:
    """Counts by verdict, by mechanism class and by both, plus what the records carry."""
    recs = list(kb.records.values())
    by_pair = Counter((r.mechanism, r.autoimmune) for r in recs)
    abbrevs = [a for r in recs for a in r.abbreviations]
    out = {
        "records": len(recs),
        "by_verdict": {v: sum(1 for r in recs if r.autoimmune == v) for v in VERDICTS},
        "by_mechanism": {m: sum(1 for r in recs if r.mechanism == m) for m in MECHANISMS},
        "by_mechanism_and_verdict": {m: {v: by_pair[(m, v)] for v in VERDICTS} for m in MECHANISMS},
        "allergy_answer": dict(Counter(r.allergy_verdict for r in recs)),
        "names": {
            "preferred": len(recs),
            "synonyms": sum(len(r.synonyms) for r in recs),
            "lay_names": sum(len(r.lay_names) for r in recs),
            "british": sum(len(r.british) for r in recs),
        },
        "abbreviations": {
            "total": len(abbrevs),
            "ambiguous": sum(1 for a in abbrevs if a.ambiguous),
            "shared_by_several_records": len(
                {a.short for a in abbrevs if sum(b.short == a.short for b in abbrevs) > 1}
            ),
            "established_exceptions": sum(1 for a in abbrevs if a.exception),
        },
        "icd10cm_codes": sum(len(r.icd10cm) for r in recs),
        "records_with_icd10cm": sum(1 for r in recs if r.icd10cm),
        "associations": {
            "total": sum(len(r.associations) for r in recs),
            "by_relation": {
                k: sum(1 for r in recs for a in r.associations if a.relation == k)
                for k in RELATIONS
            },
            "by_evidence": {
                k: sum(1 for r in recs for a in r.associations if a.evidence == k) for k in EVIDENCE
            },
        },
        "records_with_markers": sum(1 for r in recs if r.markers),
        "properties": _property_counts(kb),
        "sources": sum(len(r.sources) for r in recs),
        "sources_with_url": sum(1 for r in recs for src in r.sources if src.url),
        "debated": sum(1 for r in recs if r.debated),
        "groups": len(load_groups()),
        "publishers": dict(Counter(s.publisher for r in recs for s in r.sources).most_common(12)),
        "terminology": {
            "concepts": len(kb.terms.concepts),
            "names": len(kb.terms.names),
            "from_icd10cm": sum(1 for c in kb.terms.concepts.values() if c.source == "icd10cm"),
            "from_ontology": sum(1 for c in kb.terms.concepts.values() if c.source == "ontology"),
        },
        "imported_ontology": None,
    }
    if store is not None:
        out["imported_ontology"] = {
            "sources": [s.get("path") for s in store.ontology.sources],
            "terms": len(store.ontology.terms),
            "linked_records": len(store.links),
        }
    return out


def _property_counts(kb) -> dict:
    """Per family (contagious, inherited, curable): records by verdict, "missing" for records
    without an entry, and how many verdicts are stated by the source or inferred."""
    props = getattr(kb, "properties", {}) or {}
    by_family, basis = {}, {}
    for family in FAMILIES:
        entries = [props.get(rid, {}).get(family) for rid in kb.records]
        counts = {v: sum(1 for e in entries if e is not None and e.verdict == v) for v in VERDICTS}
        counts["missing"] = sum(1 for e in entries if e is None)
        by_family[family] = counts
        basis[family] = {
            b: sum(1 for e in entries if e is not None and e.basis == b) for b in BASES
        }
    return {"by_family": by_family, "basis": basis}


def record_card(kb, cid: str, store: Store | None = None) -> dict:
    """Everything the knowledge base holds on one condition, names of linked records resolved."""
    rec = kb.record(cid)
    concept = kb.concept(cid)
    if rec is None:
        return {
            "id": cid,
            "name": kb.name(cid),
            "curated": False,
            "icd10cm": list(concept.codes) if concept else [],
            "source": concept.source if concept else None,
        }
    card = {
        "id": rec.id,
        "name": rec.name,
        "curated": True,
        "file": rec.file,
        "synonyms": list(rec.synonyms),
        "lay_names": list(rec.lay_names),
        "british": list(rec.british),
        "abbreviations": [
            {
                "short": a.short,
                "ambiguous": a.ambiguous,
                "primary": a.primary,
                "also": list(a.also),
                "exception": a.exception,
            }
            for a in rec.abbreviations
        ],
        "icd10cm": list(rec.icd10cm),
        "mechanism": rec.mechanism,
        "autoimmune": rec.autoimmune,
        "allergy": rec.allergy_verdict,
        "reason": rec.reason,
        "caution": rec.caution,
        "associations": [
            {
                "id": a.condition,
                "name": kb.name(a.condition),
                "relation": a.relation,
                "reads": f"{rec.name} {RELATIONS[a.relation]} {kb.name(a.condition)}",
                "evidence": a.evidence,
                "autoimmune": kb.records[a.condition].autoimmune
                if a.condition in kb.records
                else None,
            }
            for a in rec.associations
        ],
        "markers": list(rec.markers),
        "sources": [s.to_dict() for s in rec.sources],
        "properties": {
            f: p.to_dict() for f, p in (getattr(kb, "properties", {}) or {}).get(cid, {}).items()
        },
        "ontology": None,
    }
    if store is not None and cid in store.links:
        onto = store.ontology
        terms = []
        for tid, rank in store.links[cid]:
            t = onto.terms.get(tid)
            if t is None:
                continue
            ancestors = onto.ancestors(tid)
            terms.append(
                {
                    "id": tid,
                    "name": t.name,
                    "linked_by": RANK_WORDS[rank],
                    "parents": [onto.terms[p].name if p in onto.terms else p for p in t.parents],
                    "under_autoimmune_disease": (root := store.root("autoimmune")) is not None
                    and root in ancestors,
                    "icd10cm_xrefs": [x for x in t.xrefs if x.upper().startswith("ICD10CM")],
                }
            )
        card["ontology"] = terms
    return card
