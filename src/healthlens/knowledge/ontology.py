"""Read disease ontologies: OBO, OBO Graphs JSON (as the Disease Ontology and MONDO publish
them) and the Disease Ontology's TSV reports.

Every reader returns an ``Ontology``: terms with a label, synonyms (with their OBO scope),
parents (is_a), cross-references and a deprecated flag. Identifiers are CURIEs ("DOID:7148");
IRIs such as ``http://purl.obolibrary.org/obo/DOID_7148`` are shortened to that form.

The DO TSV reports name parents by *label*, not id, and come as separate files:
``HumanDO.tsv`` (id, label, parent label), ``allXREFinDO.tsv`` (id, label, xref) and
``DO-subClassOf-anonymous.tsv`` (id, label, logical axioms, of which ``'autoimmune disease' and
...`` is read as a parent). Import them together; each adds to the same terms.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KnowledgeError

__all__ = ["Term", "Ontology", "read_ontology", "read_ontologies", "resolve_label_parents", "curie"]

_IRI = re.compile(r"^https?://purl\.obolibrary\.org/obo/([A-Za-z][A-Za-z0-9]*)_(\w+)$")
_SCOPES = {
    "hasExactSynonym": "EXACT",
    "hasRelatedSynonym": "RELATED",
    "hasNarrowSynonym": "NARROW",
    "hasBroadSynonym": "BROAD",
}


def curie(identifier: str) -> str:
    """``http://purl.obolibrary.org/obo/DOID_7148`` -> ``DOID:7148``; CURIEs pass through."""
    m = _IRI.match(identifier.strip())
    return f"{m.group(1)}:{m.group(2)}" if m else identifier.strip()


@dataclass
class Term:
    id: str
    name: str = ""
    synonyms: list[tuple[str, str]] = field(
        default_factory=list
    )  # (text, EXACT|RELATED|NARROW|BROAD)
    parents: list[str] = field(default_factory=list)  # term ids
    xrefs: list[str] = field(default_factory=list)  # "ICD10CM:M06.9", "UMLS_CUI:C0003873", ...
    deprecated: bool = False

    def exact_names(self) -> list[str]:
        return (
            [self.name, *(s for s, scope in self.synonyms if scope == "EXACT")] if self.name else []
        )

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "synonyms": [list(s) for s in self.synonyms],
            "parents": self.parents,
            "xrefs": self.xrefs,
            "deprecated": self.deprecated,
        }

    @classmethod
    def from_dict(cls, tid: str, d: dict) -> Term:
        return cls(
            tid,
            d.get("name", ""),
            [tuple(s) for s in d.get("synonyms", [])],
            list(d.get("parents", [])),
            list(d.get("xrefs", [])),
            bool(d.get("deprecated", False)),
        )


@dataclass
class Ontology:
    terms: dict[str, Term] = field(default_factory=dict)
    sources: list[dict] = field(default_factory=list)  # {"path", "format", "terms"} per file read

    def term(self, tid: str) -> Term:
        t = self.terms.get(tid)
        if t is None:
            t = self.terms[tid] = Term(tid)
        return t

    def merge(self, other: Ontology) -> None:
        """Add another reading of the same ontology: names fill gaps, lists are unions."""
        for tid, t in other.terms.items():
            mine = self.term(tid)
            mine.name = mine.name or t.name
            for attr in ("synonyms", "parents", "xrefs"):
                have = getattr(mine, attr)
                have.extend(x for x in getattr(t, attr) if x not in have)
            mine.deprecated = mine.deprecated or t.deprecated
        self.sources.extend(other.sources)

    def by_label(self) -> dict[str, str]:
        """Lower-cased label -> term id (live terms win over deprecated ones)."""
        out: dict[str, str] = {}
        for t in self.terms.values():
            if t.name and (t.name.lower() not in out or not t.deprecated):
                out[t.name.lower()] = t.id
        return out

    def ancestors(self, tid: str) -> set[str]:
        seen: set[str] = set()
        stack = list(self.terms[tid].parents) if tid in self.terms else []
        while stack:
            p = stack.pop()
            if p not in seen:
                seen.add(p)
                if p in self.terms:
                    stack.extend(self.terms[p].parents)
        return seen

    def descendants(self, tid: str) -> set[str]:
        children: dict[str, list[str]] = {}
        for t in self.terms.values():
            for p in t.parents:
                children.setdefault(p, []).append(t.id)
        seen: set[str] = set()
        stack = list(children.get(tid, []))
        while stack:
            c = stack.pop()
            if c not in seen:
                seen.add(c)
                stack.extend(children.get(c, []))
        return seen


# -- readers ------------------------------------------------------------------------------------
def _open_text(path: Path) -> io.TextIOBase:
    raw = path.open("rb")
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8")
    return io.TextIOWrapper(raw, encoding="utf-8")


def _format(path: Path, head: str) -> str:
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(".json") or head.lstrip().startswith("{"):
        return "obo-json"
    if name.endswith(".obo") or head.startswith("format-version:") or "[Term]" in head:
        return "obo"
    if name.endswith((".tsv", ".txt")) and "\t" in head:
        return "tsv"
    raise KnowledgeError(
        f"{path}: not an ontology file healthlens can read (expected OBO, OBO Graphs JSON such as "
        "doid.json or mondo.json, or a Disease Ontology TSV report such as HumanDO.tsv)"
    )


def read_ontology(path: str | Path) -> Ontology:
    """Read one ontology file; the format is told from the name and the first bytes."""
    path = Path(path)
    if not path.is_file():
        raise KnowledgeError(
            f"{path}: no such file; give the path of an .obo, .json(.gz) or DO .tsv file"
        )
    try:
        with _open_text(path) as fh:
            head = fh.read(4096)
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise KnowledgeError(
            f"{path}: cannot be read as UTF-8 text ({exc}); is it a complete ontology file?"
        ) from exc
    fmt = _format(path, head)
    try:
        with _open_text(path) as fh:
            onto = {"obo-json": _read_obo_json, "obo": _read_obo, "tsv": _read_tsv}[fmt](fh, path)
    except (ValueError, KeyError, TypeError, EOFError, OSError) as exc:
        raise KnowledgeError(
            f"{path}: malformed {fmt} file ({exc}); re-download it or check its format"
        ) from exc
    if not onto.terms:
        raise KnowledgeError(f"{path}: read as {fmt}, but it holds no terms")
    onto.sources.append({"path": str(path), "format": fmt, "terms": len(onto.terms)})
    return onto


def _read_obo_json(fh, path: Path) -> Ontology:
    data = json.load(fh)
    graphs = data.get("graphs") if isinstance(data, dict) else None
    if not isinstance(graphs, list):
        raise ValueError("no 'graphs' list (OBO Graphs JSON)")
    onto = Ontology()
    for graph in graphs:
        for node in graph.get("nodes") or []:
            if node.get("type", "CLASS") != "CLASS" or not node.get("id"):
                continue
            meta = node.get("meta") or {}
            t = onto.term(curie(node["id"]))
            t.name = (node.get("lbl") or t.name or "").strip()
            t.deprecated = bool(meta.get("deprecated", False))
            for s in meta.get("synonyms") or []:
                if s.get("val"):
                    t.synonyms.append((s["val"].strip(), _SCOPES.get(s.get("pred", ""), "RELATED")))
            t.xrefs.extend(x["val"].strip() for x in meta.get("xrefs") or [] if x.get("val"))
        for edge in graph.get("edges") or []:
            if (
                edge.get("pred") in ("is_a", "http://www.w3.org/2000/01/rdf-schema#subClassOf")
                and edge.get("sub")
                and edge.get("obj")
            ):
                child, parent = curie(edge["sub"]), curie(edge["obj"])
                t = onto.term(child)
                if parent not in t.parents:
                    t.parents.append(parent)
    # edges may name classes that have no node of their own (imported upper-level terms)
    onto.terms = {tid: t for tid, t in onto.terms.items() if t.name or t.parents}
    return onto


_OBO_SYNONYM = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*(EXACT|RELATED|NARROW|BROAD)?')


def _read_obo(fh, path: Path) -> Ontology:
    onto = Ontology()
    t: Term | None = None
    in_term = False
    for raw in fh:
        line = raw.rstrip("\n")
        if line.startswith("["):
            in_term = line.strip() == "[Term]"
            t = None
            continue
        if not in_term or ":" not in line:
            continue
        key, _, value = line.partition(":")
        value = re.sub(r"\s+!.*$", "", value.strip())  # drop trailing "! label" comments
        if key == "id":
            t = onto.term(curie(value))
        elif t is None:
            continue
        elif key == "name":
            t.name = value
        elif key == "synonym":
            m = _OBO_SYNONYM.match(value)
            if m:
                t.synonyms.append((m.group(1).replace('\\"', '"'), m.group(2) or "RELATED"))
        elif key == "is_a":
            t.parents.append(curie(value.split()[0]))
        elif key == "xref":
            t.xrefs.append(value.split()[0])
        elif key == "is_obsolete":
            t.deprecated = value.lower() == "true"
    return onto


_ANON_PARENT = re.compile(r"^'([^']+)'\s+and\b")


def _read_tsv(fh, path: Path) -> Ontology:
    rows = csv.reader(fh, delimiter="\t", quotechar='"')
    header = [h.strip().lower() for h in next(rows, [])]
    if len(header) < 3 or header[0] != "id" or header[1] != "label":
        raise ValueError(f"unexpected header {header!r}; expected id, label and a third column")
    kind = header[2]
    onto = Ontology()
    pending_parents: list[tuple[str, str]] = []  # (child id, parent label)
    for row in rows:
        if len(row) < 3 or not row[0].strip():
            continue
        tid, label, value = curie(row[0]), row[1].strip(), row[2].strip()
        t = onto.term(tid)
        t.name = t.name or label
        if kind == "subclassof":
            if value:
                pending_parents.append((tid, value))
        elif kind == "xref":
            if value and value not in t.xrefs:
                t.xrefs.append(value)
        elif kind.startswith(
            "subclass of"
        ):  # anonymous axioms: 'autoimmune disease' and ('has location' some ...)
            for axiom in value.split("|"):
                m = _ANON_PARENT.match(axiom.strip())
                if m:
                    pending_parents.append((tid, m.group(1)))
        else:
            raise ValueError(f"unknown third column {row and header[2]!r}")
    if pending_parents:
        labels = onto.by_label()
        for child, parent_label in pending_parents:
            pid = labels.get(parent_label.lower(), f"label:{parent_label}")
            if pid not in onto.terms[child].parents:
                onto.terms[child].parents.append(pid)
    return onto


def read_ontologies(paths: Iterable[str | Path]) -> Ontology:
    """Read several files of one ontology and merge them (TSV parents named by label resolve
    across files once merged)."""
    merged = Ontology()
    for p in paths:
        merged.merge(read_ontology(p))
    resolve_label_parents(merged)
    return merged


def resolve_label_parents(onto: Ontology) -> None:
    """Turn "label:<name>" parents (from a TSV read alone) into ids known to the merged ontology."""
    labels = onto.by_label()
    for t in onto.terms.values():
        if any(p.startswith("label:") for p in t.parents):
            fixed = []
            for p in t.parents:
                q = labels.get(p[6:].lower(), p) if p.startswith("label:") else p
                if q not in fixed:
                    fixed.append(q)
            t.parents = fixed
