"""Families of related conditions and reviewed subtype names: data the knowledge base is held to.

``groups.yaml`` names families of related conditions (spondyloarthritis, inflammatory bowel
disease, the inflammatory myopathies, autoimmune liver disease, the vasculitides, ...). Members are
expected to share the autoimmune verdict; a member that differs states why, with a source.
``subtype_review.yaml`` records, for every name that carries a subtype word the preferred name
lacks ("Secondary adrenal insufficiency" under "Adrenal insufficiency"), whether it is another
name for the same condition or a narrower form that shares the verdict. ``validate.py`` turns
both into rules; this module only loads them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .records import ConditionRecord, RecordError, Source, _text, load_yaml, parse_sources

__all__ = [
    "Difference",
    "Group",
    "SUBTYPE_WORDS",
    "SUBTYPE_DECISIONS",
    "load_groups",
    "load_subtype_review",
    "majority_verdict",
]

# Words that turn a condition's name into a narrower form of it (the list, and the three
# words that mark inherited forms).
SUBTYPE_WORDS = (
    "secondary",
    "primary",
    "type",
    "idiopathic",
    "juvenile",
    "drug[- ]induced",
    "acquired",
    "congenital",
    "familial",
    "hereditary",
    "inherited",
)
SUBTYPE_DECISIONS = ("same_condition", "subtype_shares_verdict")
_DATA = Path(__file__).with_name("data")


@dataclass(frozen=True, slots=True)
class Difference:
    member: str
    reason: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    about: str
    members: tuple[str, ...]
    differences: tuple[Difference, ...] = ()

    def difference(self, member: str) -> Difference | None:
        return next((d for d in self.differences if d.member == member), None)


def majority_verdict(group: Group, records: dict[str, ConditionRecord]) -> str | None:
    """The family's most common autoimmune verdict (ties: the first member's among the tied)."""
    verdicts = [records[m].autoimmune for m in group.members if m in records]
    if not verdicts:
        return None
    counts = Counter(verdicts)
    top = max(counts.values())
    return next(v for v in verdicts if counts[v] == top)


@lru_cache(maxsize=4)
def load_groups(path: Path | None = None) -> tuple[Group, ...]:
    path = path or _DATA / "groups.yaml"
    data = load_yaml(path) or []
    groups = []
    for raw in data:
        where = f"{path.name} ({raw.get('id') if isinstance(raw, dict) else raw!r})"
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("members"):
            raise RecordError(f"{where}: a group needs an id and a list of members")
        diffs = []
        for d in raw.get("differences") or []:
            if not isinstance(d, dict) or not d.get("member"):
                raise RecordError(f"{where}: a difference needs a member, a reason and sources")
            diffs.append(
                Difference(
                    str(d["member"]),
                    _text(d.get("reason"), "reason", where) or "",
                    parse_sources(d.get("sources"), where),
                )
            )
        groups.append(
            Group(
                str(raw["id"]),
                _text(raw.get("name"), "name", where) or "",
                _text(raw.get("about"), "about", where, required=False) or "",
                tuple(str(m) for m in raw["members"]),
                tuple(diffs),
            )
        )
    return tuple(groups)


@lru_cache(maxsize=4)
def load_subtype_review(path: Path | None = None) -> dict[str, dict[str, str]]:
    """record id -> {name: decision} for every reviewed subtype-word name."""
    path = path or _DATA / "subtype_review.yaml"
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise RecordError(f"{path.name}: must map record ids to {{name: decision}}")
    return {str(k): {str(n): str(d) for n, d in (v or {}).items()} for k, v in data.items()}
