"""Curated condition records: the facts healthlens stands behind.

Records are YAML files in ``knowledge/data/conditions/`` (schema in
``docs/knowledge-schema.md``). This module only loads and checks them; it
knows nothing about pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable

import yaml

__all__ = [
    "VERDICTS",
    "MECHANISMS",
    "Source",
    "AbbreviationEntry",
    "Association",
    "ConditionRecord",
    "load_records",
    "RecordError",
]

VERDICTS = ("yes", "no", "partly", "uncertain")
MECHANISMS = (
    "autoimmune",
    "allergic",
    "immune_mediated",
    "autoinflammatory",
    "infectious",
    "degenerative",
    "metabolic",
    "genetic",
    "nociplastic",
    "neoplastic",
    "other",
)
IMMUNE_MECHANISMS = frozenset({"autoimmune", "allergic", "immune_mediated", "autoinflammatory"})


class RecordError(ValueError):
    """A curated record breaks the schema; the message names the file and the record."""


@dataclass(frozen=True, slots=True)
class Source:
    publisher: str
    title: str
    year: int | None = None
    url: str | None = None

    def to_dict(self) -> dict:
        return {"publisher": self.publisher, "title": self.title, "year": self.year, "url": self.url}


@dataclass(frozen=True, slots=True)
class AbbreviationEntry:
    short: str
    ambiguous: bool = False
    exception: str | None = None


@dataclass(frozen=True, slots=True)
class Association:
    condition: str
    relation: str
    evidence: str


@dataclass(frozen=True, slots=True)
class ConditionRecord:
    id: str
    name: str
    mechanism: str
    autoimmune: str
    reason: str
    sources: tuple[Source, ...]
    synonyms: tuple[str, ...] = ()
    lay_names: tuple[str, ...] = ()
    british: tuple[str, ...] = ()
    abbreviations: tuple[AbbreviationEntry, ...] = ()
    icd10cm: tuple[str, ...] = ()
    caution: str | None = None
    associations: tuple[Association, ...] = ()
    markers: tuple[str, ...] = ()
    file: str = field(default="", compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every written name: preferred, synonyms, lay names, British spellings."""
        return (self.name, *self.synonyms, *self.lay_names, *self.british)

    @property
    def is_allergy(self) -> bool:
        return self.mechanism == "allergic"


_REQUIRED = ("id", "name", "mechanism", "autoimmune", "reason", "sources")
_KNOWN = set(_REQUIRED) | {
    "synonyms", "lay_names", "british", "abbreviations", "icd10cm", "caution", "associations", "markers",
}


def _verdict(value: object) -> str:
    # YAML 1.1 reads an unquoted yes/no as a boolean; accept it rather than fail on style.
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value).strip().lower()


def _tuple_of_str(raw: dict, key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordError(f"{where}: '{key}' must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _parse(raw: dict, where: str) -> ConditionRecord:
    if not isinstance(raw, dict):
        raise RecordError(f"{where}: a record must be a mapping")
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise RecordError(f"{where}: missing field(s) {', '.join(missing)}")
    unknown = set(raw) - _KNOWN
    if unknown:
        raise RecordError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    where = f"{where} ({raw['id']})"
    verdict = _verdict(raw["autoimmune"])
    if verdict not in VERDICTS:
        raise RecordError(f"{where}: autoimmune must be one of {VERDICTS}, not {raw['autoimmune']!r}")
    if raw["mechanism"] not in MECHANISMS:
        raise RecordError(f"{where}: mechanism must be one of {MECHANISMS}, not {raw['mechanism']!r}")
    sources = []
    for s in raw["sources"] or []:
        if not isinstance(s, dict) or not s.get("publisher") or not s.get("title"):
            raise RecordError(f"{where}: every source needs a publisher and a title")
        year = s.get("year")
        sources.append(Source(str(s["publisher"]), str(s["title"]), int(year) if year else None, s.get("url") or None))
    abbreviations = []
    for a in raw.get("abbreviations") or []:
        if isinstance(a, str):
            a = {"short": a}
        if not isinstance(a, dict) or not a.get("short"):
            raise RecordError(f"{where}: abbreviation entries need 'short'")
        abbreviations.append(
            AbbreviationEntry(str(a["short"]).strip(), bool(a.get("ambiguous", False)), a.get("exception") or None)
        )
    associations = []
    for a in raw.get("associations") or []:
        if not isinstance(a, dict) or not a.get("condition"):
            raise RecordError(f"{where}: association entries need 'condition'")
        associations.append(
            Association(str(a["condition"]), str(a.get("relation", "co-occurs")), str(a.get("evidence", "established")))
        )
    return ConditionRecord(
        id=str(raw["id"]),
        name=str(raw["name"]).strip(),
        mechanism=raw["mechanism"],
        autoimmune=verdict,
        reason=" ".join(str(raw["reason"] or "").split()),
        caution=" ".join(str(raw["caution"]).split()) if raw.get("caution") else None,
        sources=tuple(sources),
        synonyms=_tuple_of_str(raw, "synonyms", where),
        lay_names=_tuple_of_str(raw, "lay_names", where),
        british=_tuple_of_str(raw, "british", where),
        abbreviations=tuple(abbreviations),
        icd10cm=tuple(str(c).strip() for c in raw.get("icd10cm") or []),
        associations=tuple(associations),
        markers=_tuple_of_str(raw, "markers", where),
        file=where.split(":")[0],
    )


def _default_files() -> list[Path]:
    folder = resources.files("healthlens.knowledge") / "data" / "conditions"
    return sorted(Path(str(p)) for p in folder.iterdir() if str(p).endswith(".yaml"))


# libyaml's parser when PyYAML has it (same safe constructor, several times faster: every audit
# worker loads the records at start)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_records(paths: Iterable[Path] | None = None) -> dict[str, ConditionRecord]:
    """Load curated records (the packaged ones by default), keyed by id.

    Raises ``RecordError`` naming the file and record when one is malformed,
    or when two records share an id.
    """
    records: dict[str, ConditionRecord] = {}
    for path in paths if paths is not None else _default_files():
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_SAFE_LOADER) or []
        if not isinstance(data, list):
            raise RecordError(f"{path.name}: the file must hold a YAML list of records")
        for i, raw in enumerate(data):
            record = _parse(raw, f"{path.name}: record {i + 1}")
            if record.id in records:
                raise RecordError(f"{path.name}: id {record.id!r} is already used in {records[record.id].file}")
            records[record.id] = record
    return records
