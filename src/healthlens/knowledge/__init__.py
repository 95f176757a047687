"""The knowledge base: curated, cited condition records plus linking terminology.

A separate package: the pipeline stages query it, it never imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .properties import FAMILIES, PropertyVerdict, load_properties
from .records import (
    FORM_FAMILIES,
    IMMUNE_MECHANISMS,
    MECHANISMS,
    VERDICTS,
    AbbreviationEntry,
    Association,
    ConditionRecord,
    FormThatDiffers,
    NewbornForm,
    RecordError,
    Source,
    load_records,
)
from .terminology import GENERIC_TERMS, Concept, TermHit, Terminology, build_terminology

__all__ = [
    "KnowledgeBase",
    "get_knowledge",
    "ConditionRecord",
    "Concept",
    "Source",
    "AbbreviationEntry",
    "Association",
    "TermHit",
    "RecordError",
    "VERDICTS",
    "MECHANISMS",
    "IMMUNE_MECHANISMS",
    "GENERIC_TERMS",
    "FAMILIES",
    "FORM_FAMILIES",
    "FormThatDiffers",
    "NewbornForm",
    "PropertyVerdict",
    "load_properties",
    "load_records",
    "build_terminology",
    "Terminology",
]


@dataclass
class KnowledgeBase:
    records: dict[str, ConditionRecord]
    terms: Terminology
    # contagious / inherited / curable verdicts: {record id: {family: PropertyVerdict}}
    properties: dict[str, dict[str, PropertyVerdict]] = field(default_factory=dict)

    def property(self, concept_id: str | None, family: str) -> PropertyVerdict | None:
        """One family's verdict on a curated condition; None when none is recorded."""
        return self.properties.get(concept_id, {}).get(family) if concept_id else None

    def record(self, concept_id: str | None) -> ConditionRecord | None:
        return self.records.get(concept_id) if concept_id else None

    def concept(self, concept_id: str) -> Concept | None:
        return self.terms.concepts.get(concept_id)

    def name(self, concept_id: str) -> str:
        c = self.terms.concepts.get(concept_id)
        if c:
            return c.name
        # "page:irritable bowel disease": a name only the page uses
        return f"“{concept_id.split(':', 1)[1]}”" if concept_id.startswith("page:") else concept_id

    def lookup(self, phrase: str) -> list[str]:
        return self.terms.lookup(phrase)

    def expansions(self, short: str) -> dict[str, bool]:
        return self.terms.expansions(short)

    def long_forms(self, concept_id: str) -> list[str]:
        """Every written name of a concept (curated names first)."""
        rec = self.records.get(concept_id)
        names = list(rec.names) if rec else []
        c = self.terms.concepts.get(concept_id)
        if c and c.name not in names:
            names.append(c.name)
        return names

    def find(self, text: str, folded: str | None = None) -> list[TermHit]:
        return self.terms.find(text, folded)

    def find_spans(self, text: str, folded: str | None = None) -> list[tuple]:
        """``find``'s hits as (start, end, concept ids, via, ambiguous) tuples."""
        return self.terms.find_spans(text, folded)

    def prepare(self) -> KnowledgeBase:
        """Make the first page as fast as the others (the terminology's automata are built lazily)."""
        self.terms.prepare()
        return self


@lru_cache(maxsize=1)
def get_knowledge() -> KnowledgeBase:
    """The packaged knowledge base (plus any imported ontology), loaded once per process.

    It comes from a precompiled snapshot in the cache directory (``snapshot.py``), built on
    first use and rebuilt whenever a record file, the ontology store or the code changes.
    """
    # lazy: snapshot.py imports the KnowledgeBase defined here, so it cannot load with this module
    from .snapshot import load_knowledge

    return load_knowledge()
