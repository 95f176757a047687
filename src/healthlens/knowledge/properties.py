"""Property families asked about any condition: contagious, inherited, curable.

Their verdicts live beside the condition records, in ``knowledge/data/properties/*.yaml`` (every
file there is read; schema in ``docs/knowledge-schema.md``), one entry per curated record:

    - id: rheumatoid_arthritis
      contagious: {verdict: "no", basis: inferred, reason: ..., caution: null, sources: [...]}
      inherited:  {...}
      curable:    {...}

This module loads and checks their shape, with the same strict YAML loader as the records; what
they must say across the knowledge base (every curated record covered, ids that exist) is checked
by ``validate.rule_properties``. A record without an entry is not an error here: its families
answer ``unknown`` with a reason saying so. It knows nothing about pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .records import (
    ID_PATTERN,
    RecordError,
    Source,
    _text,
    _unknown,
    _verdict,
    load_yaml,
    parse_sources,
)

__all__ = [
    "FAMILIES",
    "BASES",
    "PropertyVerdict",
    "load_properties",
    "property_files",
]

FAMILIES = ("contagious", "inherited", "curable")
BASES = ("stated", "inferred")
_ENTRY_KEYS = {"id", *FAMILIES}
_FAMILY_KEYS = {"verdict", "basis", "reason", "caution", "sources"}


@dataclass(frozen=True, slots=True)
class PropertyVerdict:
    """One family's verdict on one condition, with why, how firmly, and where it is written."""

    family: str
    verdict: str  # yes | no | partly | uncertain
    basis: str  # stated | inferred
    reason: str
    sources: tuple[Source, ...]
    caution: str | None = None
    file: str = ""

    def to_dict(self) -> dict:
        return {
            "family": self.family,
            "verdict": self.verdict,
            "basis": self.basis,
            "reason": self.reason,
            "caution": self.caution,
            "sources": [s.to_dict() for s in self.sources],
        }


def _family(raw: object, family: str, where: str) -> PropertyVerdict:
    where = f"{where} {family}"
    if not isinstance(raw, dict):
        raise RecordError(f"{where}: must be a mapping with verdict, basis, reason and sources")
    _unknown(raw, _FAMILY_KEYS, family, where)
    missing = [k for k in ("verdict", "basis", "reason", "sources") if k not in raw]
    if missing:
        raise RecordError(f"{where}: missing field(s) {', '.join(missing)}")
    basis = raw["basis"]
    if basis not in BASES:
        raise RecordError(f"{where}: basis must be one of {', '.join(BASES)}, not {basis!r}")
    return PropertyVerdict(
        family=family,
        verdict=_verdict(raw["verdict"], "verdict", where),
        basis=basis,
        reason=_text(raw["reason"], "reason", where),
        sources=parse_sources(raw["sources"], where),
        caution=_text(raw.get("caution"), "caution", where, required=False),
        file=where.split(":")[0],
    )


def property_files(folder: Path | None = None) -> list[Path]:
    """The packaged property files (or those in ``folder``), sorted by name; none is fine."""
    if folder is None:
        base = resources.files("healthlens.knowledge") / "data" / "properties"
        if not base.is_dir():
            return []
        return sorted(Path(str(p)) for p in base.iterdir() if str(p).endswith(".yaml"))
    return sorted(Path(folder).glob("*.yaml"))


def load_properties(
    paths: Iterable[Path] | None = None,
) -> dict[str, dict[str, PropertyVerdict]]:
    """``{record id: {family: PropertyVerdict}}`` from the packaged property files by default.

    Raises ``RecordError`` naming the file and entry when one is malformed, or when an id is
    given twice (in one file or across files). Whether the ids exist is ``validate``'s business.
    """
    out: dict[str, dict[str, PropertyVerdict]] = {}
    where_of: dict[str, str] = {}
    for path in paths if paths is not None else property_files():
        path = Path(path)
        data = load_yaml(path) or []
        if not isinstance(data, list):
            raise RecordError(f"{path.name}: the file must hold a YAML list of property entries")
        for i, raw in enumerate(data):
            where = f"{path.name}: entry {i + 1}"
            if not isinstance(raw, dict) or "id" not in raw:
                raise RecordError(f"{where}: an entry must be a mapping with an 'id'")
            rid = _text(raw["id"], "id", where)
            where = f"{where} ({rid})"
            if not ID_PATTERN.fullmatch(rid):
                raise RecordError(f"{where}: id must be a lowercase ASCII slug joined by '_'")
            _unknown(raw, _ENTRY_KEYS, "property entry", where)
            if rid in out:
                raise RecordError(
                    f"{where}: id {rid!r} already has property data in {where_of[rid]}"
                )
            where_of[rid] = path.name
            out[rid] = {f: _family(raw[f], f, where) for f in FAMILIES if raw.get(f) is not None}
    return out
