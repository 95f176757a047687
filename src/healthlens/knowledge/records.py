"""Curated condition records: the facts healthlens stands behind.

Records are YAML files in ``knowledge/data/conditions/`` (schema in
``docs/knowledge-schema.md``). This module only loads and checks the shape of
them; ``validate.py`` checks what they say. It knows nothing about pages.

The YAML is read with a strict loader: only ``true``/``false`` are booleans
(YAML 1.1 would also turn an unquoted ``yes``, ``no``, ``on``, ``off``, ``y`` or
``n`` into a boolean, so the abbreviation ``ON`` for optic neuritis or a verdict
``no`` would silently change meaning), and a key written twice in one mapping
is an error instead of the last one quietly winning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, overload

__all__ = [
    "VERDICTS",
    "MECHANISMS",
    "IMMUNE_MECHANISMS",
    "RELATIONS",
    "EVIDENCE",
    "Source",
    "AbbreviationEntry",
    "Association",
    "Position",
    "FormThatDiffers",
    "FORM_FAMILIES",
    "ConditionRecord",
    "load_records",
    "record_files",
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

# How the target of an association relates to the record that lists it. One direction for all
# files: read "<record> has <relation> <target>", e.g. psoriasis has complication psoriatic
# arthritis; osteoarthritis has risk-factor obesity; rheumatic heart disease is triggered-by
# rheumatic fever. The "-of"/"-for" forms state the other direction without moving the entry:
# strep throat is a risk-factor-for rheumatic fever; MIS-C is a complication-of COVID-19.
RELATIONS = {  # relation -> how "<record> ... <target>" reads in an answer
    "co-occurs": "often occurs together with",
    "overlaps": "overlaps with",
    "often-confused-with": "is often confused with",
    "complication": "can lead to",
    "complication-of": "can follow",
    "risk-factor": "is made more likely by",
    "risk-factor-for": "raises the risk of",
    "triggered-by": "can be triggered by",
}
EVIDENCE = ("established", "probable", "limited")


class RecordError(ValueError):
    """A curated record breaks the schema; the message names the file and the record."""


@dataclass(frozen=True, slots=True)
class Source:
    publisher: str
    title: str
    year: int | None = None
    url: str | None = None

    def to_dict(self) -> dict:
        return {
            "publisher": self.publisher,
            "title": self.title,
            "year": self.year,
            "url": self.url,
        }


@dataclass(frozen=True, slots=True)
class AbbreviationEntry:
    short: str
    ambiguous: bool = False
    exception: str | None = None
    primary: bool = False  # the most common reading when several records share these letters
    also: tuple[
        str, ...
    ] = ()  # common readings outside the knowledge base ("mitral stenosis" for MS)


@dataclass(frozen=True, slots=True)
class Association:
    condition: str
    relation: str
    evidence: str

    @property
    def is_link(self) -> bool:
        """A real connection (not a look-alike)."""
        return self.relation != "often-confused-with"


@dataclass(frozen=True, slots=True)
class Position:
    """One defensible side of a debated classification: the verdict it gives and who holds it."""

    verdict: str
    view: str
    sources: tuple[Source, ...]

    def to_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "view": self.view,
            "sources": [s.to_dict() for s in self.sources],
        }


# The families a form set apart (``forms_that_differ``) may name: every question family
# healthlens answers, the definition included ("What is folic acid deficiency?" is not defined by
# vitamin B12 deficiency's reason), and "all" for a name that is another condition altogether.
FORM_FAMILIES = (
    "autoimmune",
    "immune",
    "allergy",
    "link",
    "contagious",
    "inherited",
    "curable",
    "definition",
)


@dataclass(frozen=True, slots=True)
class FormThatDiffers:
    """A name the record holds (its own, or one ICD-10-CM or an ontology lends it) whose answer
    to some families is not the record's: "Porphyria cutanea tarda" under porphyria is mostly
    acquired, so porphyria's "inherited: yes" does not answer "Is PCT inherited?". A question
    naming it in one of ``families`` is refused, never given the record's verdict (a refusal
    needs no source; a verdict for the form would)."""

    names: tuple[str, ...]
    families: tuple[str, ...]  # a subset of FORM_FAMILIES, or every one of them for "all"
    reason: str

    def to_dict(self) -> dict:
        return {"names": list(self.names), "families": list(self.families), "reason": self.reason}


@dataclass(frozen=True, slots=True)
class NewbornForm:
    """The passing form a mother's condition can give her newborn before birth: her antibodies
    cross the placenta (transient neonatal myasthenia gravis from a mother with myasthenia
    gravis). The newborn's form is no case of catching: "Can my baby catch myasthenia gravis from
    me?" asks about it, and the record's contagious "no" ("your baby cannot get it from you") does
    not answer it, so ``healthlens ask`` refuses that question (question.py)."""

    name: str
    reason: str
    sources: tuple[Source, ...]

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "reason": self.reason,
            "sources": [s.to_dict() for s in self.sources],
        }


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
    allergy: str | None = (
        None  # explicit answer to "is it an allergy?" when the mechanism alone misleads
    )
    # A classification that careful references answer differently ("autoimmune" against
    # "immune-mediated"): each side with its sources. A page on either side is not contradicting
    # established knowledge; check reports it as `debated` instead.
    debated: tuple[Position, ...] = ()
    # names whose answer to some families differs from the record's (``FormThatDiffers``)
    forms_that_differ: tuple[FormThatDiffers, ...] = ()
    # the form a mother's antibodies give her newborn before birth (``NewbornForm``)
    newborn_form: NewbornForm | None = None
    file: str = field(default="", compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every written name: preferred, synonyms, lay names, British spellings."""
        return (self.name, *self.synonyms, *self.lay_names, *self.british)

    @property
    def is_allergy(self) -> bool:
        return self.mechanism == "allergic"

    @property
    def allergy_verdict(self) -> str:
        """yes | no | partly | uncertain for "is it an allergy?"."""
        return self.allergy or ("yes" if self.mechanism == "allergic" else "no")


_REQUIRED = ("id", "name", "mechanism", "autoimmune", "reason", "sources")
_OPTIONAL = (
    "synonyms",
    "lay_names",
    "british",
    "abbreviations",
    "icd10cm",
    "caution",
    "associations",
    "markers",
    "allergy",
    "debated",
    "forms_that_differ",
    "newborn_form",
)
_KNOWN = set(_REQUIRED) | set(_OPTIONAL)
_ABBREV_KEYS = {"short", "ambiguous", "exception", "primary", "also"}
_ASSOC_KEYS = {"condition", "relation", "evidence"}
_SOURCE_KEYS = {"publisher", "title", "year", "url"}
_POSITION_KEYS = {"verdict", "view", "sources"}
_FORM_KEYS = {"names", "families", "reason"}
_NEWBORN_KEYS = {"name", "reason", "sources"}
ID_PATTERN = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")


# -- the strict YAML loader --------------------------------------------------------------------
@lru_cache(maxsize=1)
def _strict_loader():
    """A SafeLoader with YAML 1.2 booleans (true/false only) that rejects a key written twice.

    Built on first use so that a process reading the precompiled snapshot never imports PyYAML.
    """
    import yaml  # lazy: only a rebuild of the snapshot parses YAML (see above)

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the libyaml parser when present

    class StrictLoader(base):  # type: ignore[misc,valid-type]
        pass

    StrictLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    StrictLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )

    def construct_mapping(loader, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"the key {key!r} is written twice in one mapping",
                    key_node.start_mark,
                )
            seen.add(key)
        return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return StrictLoader


def load_yaml(path: Path):
    """Parse one YAML file with the strict loader; errors name the file and line."""
    import yaml  # lazy: only a rebuild of the snapshot parses YAML, and PyYAML is slow to import

    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_strict_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{path.name}, line {mark.line + 1}" if mark else path.name
        problem = getattr(exc, "problem", None) or str(exc)
        raise RecordError(f"{where}: {problem}; fix the YAML there") from exc


# -- field readers -----------------------------------------------------------------------------
@overload
def _text(value: object, key: str, where: str) -> str: ...
@overload
def _text(value: object, key: str, where: str, *, required: Literal[True]) -> str: ...
@overload
def _text(value: object, key: str, where: str, *, required: bool) -> str | None: ...
def _text(value: object, key: str, where: str, *, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    if isinstance(value, bool):
        raise RecordError(f"{where}: '{key}' is a boolean ({value}); write it as text in quotes")
    if not isinstance(value, str) or not value.strip():
        raise RecordError(f"{where}: '{key}' must be non-empty text, not {value!r}")
    return " ".join(value.split())


def _flag(value: object, key: str, where: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise RecordError(
            f"{where}: '{key}' must be true or false, not {value!r} "
            "(yes/no/on/off are read as text here, so a quoted or YAML 1.1 boolean is ambiguous)"
        )
    return value


def _verdict(value: object, key: str, where: str) -> str:
    if isinstance(value, bool):
        raise RecordError(
            f'{where}: \'{key}\' is the boolean {value}; write the verdict as quoted text, e.g. "yes" or "no"'
        )
    verdict = str(value).strip().lower()
    if verdict not in VERDICTS:
        raise RecordError(f"{where}: '{key}' must be one of {', '.join(VERDICTS)}, not {value!r}")
    return verdict


def _strings(raw: dict, key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RecordError(f"{where}: '{key}' must be a list, not {value!r}")
    out = []
    for v in value:
        if not isinstance(v, str):
            kind = "a boolean" if isinstance(v, bool) else type(v).__name__
            raise RecordError(f"{where}: '{key}' holds {kind} {v!r}; quote it so it stays text")
        if v.strip():
            out.append(" ".join(v.split()))
    return tuple(out)


def _unknown(mapping: dict, allowed: set[str], what: str, where: str) -> None:
    unknown = set(mapping) - allowed
    if unknown:
        raise RecordError(
            f"{where}: unknown {what} field(s) {', '.join(sorted(map(str, unknown)))}"
        )


def parse_sources(raw: object, where: str) -> tuple[Source, ...]:
    """A non-empty list of sources, each with a publisher and a title."""
    if not isinstance(raw, list) or not raw:
        raise RecordError(f"{where}: 'sources' must list at least one source")
    sources = []
    for s in raw:
        if not isinstance(s, dict):
            raise RecordError(f"{where}: every source must be a mapping with publisher and title")
        _unknown(s, _SOURCE_KEYS, "source", where)
        if not s.get("publisher") or not s.get("title"):
            raise RecordError(f"{where}: every source needs a publisher and a title")
        year = s.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise RecordError(
                f"{where}: a source year must be a whole number or null, not {year!r}"
            )
        sources.append(
            Source(
                _text(s["publisher"], "publisher", where),
                _text(s["title"], "title", where),
                year,
                _text(s.get("url"), "url", where, required=False),
            )
        )
    return tuple(sources)


def _positions(raw: object, where: str) -> tuple[Position, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise RecordError(f"{where}: 'debated' must be a list of positions")
    out = []
    for p in raw:
        if not isinstance(p, dict):
            raise RecordError(f"{where}: every debated position must be a mapping")
        _unknown(p, _POSITION_KEYS, "debated position", where)
        out.append(
            Position(
                _verdict(p.get("verdict"), "verdict", where),
                _text(p.get("view"), "view", where) or "",
                parse_sources(p.get("sources"), where),
            )
        )
    return tuple(out)


def _forms_that_differ(raw: object, where: str) -> tuple[FormThatDiffers, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise RecordError(f"{where}: 'forms_that_differ' must be a list of forms")
    out = []
    for f in raw:
        if not isinstance(f, dict):
            raise RecordError(f"{where}: every form that differs must be a mapping")
        _unknown(f, _FORM_KEYS, "form that differs", where)
        names = _strings(f, "names", where)
        families = _strings(f, "families", where)
        if not names:
            raise RecordError(f"{where}: a form that differs needs at least one name")
        if families == ("all",):
            families = FORM_FAMILIES
        wrong = [x for x in families if x not in FORM_FAMILIES]
        if not families or wrong:
            raise RecordError(
                f"{where}: a form's families must be 'all' or among {', '.join(FORM_FAMILIES)}"
                + (f", not {', '.join(wrong)}" if wrong else "")
            )
        reason = _text(f.get("reason"), "reason", where)
        if not reason:
            raise RecordError(f"{where}: a form that differs needs a reason saying why")
        out.append(FormThatDiffers(names, families, reason))
    return tuple(out)


def _newborn_form(raw: object, where: str) -> NewbornForm | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise RecordError(f"{where}: 'newborn_form' must be a mapping with name, reason, sources")
    _unknown(raw, _NEWBORN_KEYS, "newborn form", where)
    name = _text(raw.get("name"), "name", where)
    reason = _text(raw.get("reason"), "reason", where)
    # a refusal needs no source (as ``forms_that_differ``); those given are checked as any are
    sources = parse_sources(raw["sources"], where) if raw.get("sources") is not None else ()
    return NewbornForm(name, reason, sources)


def _parse(raw: object, where: str) -> ConditionRecord:
    if not isinstance(raw, dict):
        raise RecordError(f"{where}: a record must be a mapping of fields")
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise RecordError(f"{where}: missing field(s) {', '.join(missing)}")
    _unknown(raw, _KNOWN, "record", where)
    rid = _text(raw["id"], "id", where)
    where = f"{where} ({rid})"
    if not ID_PATTERN.fullmatch(rid):
        raise RecordError(f"{where}: id must be a lowercase ASCII slug joined by '_'")
    if raw["mechanism"] not in MECHANISMS:
        raise RecordError(
            f"{where}: mechanism must be one of {', '.join(MECHANISMS)}, not {raw['mechanism']!r}"
        )
    sources = parse_sources(raw["sources"], where)
    abbreviations = []
    for a in raw.get("abbreviations") or []:
        if isinstance(a, str):
            a = {"short": a}
        if not isinstance(a, dict) or "short" not in a:
            raise RecordError(f"{where}: abbreviation entries need 'short'")
        _unknown(a, _ABBREV_KEYS, "abbreviation", where)
        abbreviations.append(
            AbbreviationEntry(
                _text(a["short"], "short", where),
                _flag(a.get("ambiguous"), "ambiguous", where),
                _text(a.get("exception"), "exception", where, required=False),
                _flag(a.get("primary"), "primary", where),
                _strings(a, "also", where),
            )
        )
    associations = []
    for a in raw.get("associations") or []:
        if not isinstance(a, dict) or not a.get("condition"):
            raise RecordError(f"{where}: association entries need 'condition'")
        _unknown(a, _ASSOC_KEYS, "association", where)
        relation, evidence = a.get("relation", "co-occurs"), a.get("evidence", "established")
        if relation not in RELATIONS:
            raise RecordError(
                f"{where}: relation must be one of {', '.join(RELATIONS)}, not {relation!r}"
            )
        if evidence not in EVIDENCE:
            raise RecordError(
                f"{where}: evidence must be one of {', '.join(EVIDENCE)}, not {evidence!r}"
            )
        associations.append(
            Association(_text(a["condition"], "condition", where), relation, evidence)
        )
    allergy = raw.get("allergy")
    return ConditionRecord(
        id=rid,
        name=_text(raw["name"], "name", where),
        mechanism=raw["mechanism"],
        autoimmune=_verdict(raw["autoimmune"], "autoimmune", where),
        reason=_text(raw["reason"], "reason", where),
        caution=_text(raw.get("caution"), "caution", where, required=False),
        sources=sources,
        synonyms=_strings(raw, "synonyms", where),
        lay_names=_strings(raw, "lay_names", where),
        british=_strings(raw, "british", where),
        abbreviations=tuple(abbreviations),
        icd10cm=_strings(raw, "icd10cm", where),
        associations=tuple(associations),
        markers=_strings(raw, "markers", where),
        allergy=None if allergy is None else _verdict(allergy, "allergy", where),
        debated=_positions(raw.get("debated"), where),
        forms_that_differ=_forms_that_differ(raw.get("forms_that_differ"), where),
        newborn_form=_newborn_form(raw.get("newborn_form"), where),
        file=where.split(":")[0],
    )


def record_files() -> list[Path]:
    """The packaged record files, sorted by name."""
    folder = resources.files("healthlens.knowledge") / "data" / "conditions"
    return sorted(Path(str(p)) for p in folder.iterdir() if str(p).endswith(".yaml"))


def load_records(paths: Iterable[Path] | None = None) -> dict[str, ConditionRecord]:
    """Load curated records (the packaged ones by default), keyed by id.

    Raises ``RecordError`` naming the file and record when one is malformed,
    or when two records share an id.
    """
    records: dict[str, ConditionRecord] = {}
    for path in paths if paths is not None else record_files():
        path = Path(path)
        data = load_yaml(path) or []
        if not isinstance(data, list):
            raise RecordError(f"{path.name}: the file must hold a YAML list of records")
        for i, raw in enumerate(data):
            record = _parse(raw, f"{path.name}: record {i + 1}")
            if record.id in records:
                raise RecordError(
                    f"{path.name}: id {record.id!r} is already used in {records[record.id].file}"
                )
            records[record.id] = record
    return records
