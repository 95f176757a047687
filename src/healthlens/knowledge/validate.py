"""What a curated record must not say: the rules the whole knowledge base is checked against.

``validate(records)`` returns every problem found, one ``Problem`` per broken rule and record,
so a curator sees them all at once (``healthlens kb check`` prints them; the test suite fails
on any). Each rule is a small function; ``RULES`` lists them in the order they run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .groups import (
    SUBTYPE_DECISIONS,
    SUBTYPE_WORDS,
    Group,
    load_groups,
    load_subtype_review,
    majority_verdict,
)
from .normalize import aligns, fold
from .properties import FAMILIES
from .records import IMMUNE_MECHANISMS, AbbreviationEntry, ConditionRecord

__all__ = [
    "Problem",
    "validate",
    "validate_properties",
    "aligns",
    "RULES",
    "icd_code_exists",
    "verified_urls",
]


@dataclass(frozen=True, slots=True)
class Problem:
    rule: str
    record: str
    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file} ({self.record}) [{self.rule}]: {self.message}"


Records = dict[str, ConditionRecord]


def _long_forms(rec: ConditionRecord) -> list[str]:
    forms = [rec.name, *rec.synonyms, *rec.british]
    # "Myalgic encephalomyelitis/chronic fatigue syndrome" also stands for each of its halves
    return forms + [part for f in forms if "/" in f for part in f.split("/")]


def icd_code_exists(code: str) -> bool:
    import simple_icd_10_cm as icd  # lazy: parses the whole code set; only the code check needs it

    return icd.is_valid_item(code)


# -- the rules ---------------------------------------------------------------------------------
def rule_caution(records: Records) -> Iterable[Problem]:
    for r in records.values():
        if r.autoimmune in ("uncertain", "partly") and not r.caution:
            yield Problem(
                "caution",
                r.id,
                r.file,
                f'verdict "{r.autoimmune}" needs a caution saying why it is contested',
            )


def verified_urls(path: Path | None = None) -> dict[tuple[str, str], tuple[str, str]]:
    """(publisher, title) -> (url, provenance) from the list of URLs known to exist.

    The list (knowledge/data/source_urls.tsv) is written by scripts/kb_source_urls.py from the
    NIH pages MedQuAD holds, each with its own URL; a source may carry a URL only if it is there.
    """
    path = path or Path(__file__).with_name("data") / "source_urls.tsv"
    rows: dict[tuple[str, str], tuple[str, str]] = {}
    if not path.is_file():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            publisher, title, url, provenance = line.split("\t")
            rows[(publisher, title)] = (url, provenance)
    return rows


def rule_sources(records: Records) -> Iterable[Problem]:
    verified = verified_urls()
    for r in records.values():
        if not r.sources:
            yield Problem("sources", r.id, r.file, "no source")
        for s in (*r.sources, *(src for p in r.debated for src in p.sources)):
            if s.url is None:
                continue
            listed = verified.get((s.publisher, s.title))
            if listed is None or listed[0] != s.url:
                yield Problem(
                    "sources",
                    r.id,
                    r.file,
                    f"source url {s.url!r} for {s.publisher}: {s.title!r} is not in the list of "
                    "verified URLs (knowledge/data/source_urls.tsv, written by "
                    "scripts/kb_source_urls.py); set it to null or verify it there",
                )
        if len(r.reason) < 40:
            yield Problem("sources", r.id, r.file, "the reason is too short to say why")


def rule_mechanism_verdict(records: Records) -> Iterable[Problem]:
    """The mechanism class and the verdict must tell the same story."""
    for r in records.values():
        m, v = r.mechanism, r.autoimmune
        if m == "autoimmune" and v not in ("yes", "partly"):
            yield Problem("contradiction", r.id, r.file, f'mechanism autoimmune with verdict "{v}"')
        if v == "yes" and m != "autoimmune":
            yield Problem("contradiction", r.id, r.file, f'verdict "yes" but mechanism {m}')
        if m == "allergic" and v != "no":
            yield Problem(
                "contradiction", r.id, r.file, f'an allergy cannot have autoimmune verdict "{v}"'
            )
        if m == "autoinflammatory" and v not in ("no", "uncertain"):
            yield Problem(
                "contradiction", r.id, r.file, f'autoinflammatory with autoimmune verdict "{v}"'
            )
        if r.allergy is not None:
            default = "yes" if m == "allergic" else "no"
            if r.allergy == default:
                yield Problem(
                    "contradiction",
                    r.id,
                    r.file,
                    f'allergy "{r.allergy}" repeats what the mechanism says; drop it',
                )
            elif m == "allergic" and r.allergy == "no":
                yield Problem("contradiction", r.id, r.file, 'mechanism allergic but allergy "no"')
            elif m not in IMMUNE_MECHANISMS and m != "other" and r.allergy == "yes":
                yield Problem(
                    "contradiction", r.id, r.file, f'allergy "yes" with non-immune mechanism {m}'
                )


_SAYS_NOT = re.compile(
    r"\b(?:is|are) not (?:an? )?autoimmune(?: disease| disorder| condition)?\b(?! in (?:every|the same))",
    re.I,
)
_SAYS_IS = re.compile(
    r"^(?:[^.;]*\b)?(?:is|are) (?:an? )?(?:chronic |systemic |organ-specific )?autoimmune (?:disease|disorder|condition)",
    re.I,
)


def rule_reason_text(records: Records) -> Iterable[Problem]:
    """The reason must not say the opposite of the verdict."""
    for r in records.values():
        first = re.split(r"(?<=[.;])\s", r.reason)[0]
        if r.autoimmune == "yes" and _SAYS_NOT.search(r.reason):
            yield Problem(
                "contradiction",
                r.id,
                r.file,
                'verdict "yes" but the reason says it is not autoimmune',
            )
        if r.autoimmune == "no" and _SAYS_IS.search(first) and " not " not in first:
            yield Problem(
                "contradiction",
                r.id,
                r.file,
                'verdict "no" but the reason calls it an autoimmune disease',
            )


def rule_associations(records: Records) -> Iterable[Problem]:
    for r in records.values():
        seen = set()
        for a in r.associations:
            if a.condition == r.id:
                yield Problem("associations", r.id, r.file, "an association to itself")
            elif a.condition not in records:
                yield Problem(
                    "associations",
                    r.id,
                    r.file,
                    f"association target {a.condition!r} is not a record",
                )
            if a.condition in seen:
                yield Problem("associations", r.id, r.file, f"{a.condition!r} is listed twice")
            seen.add(a.condition)
            other = records.get(a.condition)
            if other and a.relation in ("complication", "complication-of"):
                back = {b.relation for b in other.associations if b.condition == r.id}
                if a.relation in back:
                    yield Problem(
                        "contradiction",
                        r.id,
                        r.file,
                        f"{r.id} and {a.condition} each say the other is its {a.relation}",
                    )


def rule_names(records: Records) -> Iterable[Problem]:
    """A written name belongs to one record only, and never names another record."""
    owners: dict[str, set[str]] = defaultdict(set)
    preferred = {fold(r.name).strip(): r.id for r in records.values()}
    for r in records.values():
        seen: set[str] = set()
        for n in r.names:
            key = " ".join(fold(n).split())
            if key in seen:
                yield Problem(
                    "names", r.id, r.file, f"the name {n!r} is written twice in this record"
                )
            seen.add(key)
            owners[key].add(r.id)
            other = preferred.get(key)
            if other and other != r.id:
                yield Problem(
                    "contradiction", r.id, r.file, f"{n!r} is the name of another record ({other})"
                )
    for key, ids in owners.items():
        if len(ids) > 1:
            for rid in sorted(ids):
                yield Problem(
                    "names",
                    rid,
                    records[rid].file,
                    f"the name {key!r} is also claimed by {sorted(ids - {rid})}",
                )


def rule_abbreviations(records: Records) -> Iterable[Problem]:
    claims: dict[str, list[tuple[ConditionRecord, AbbreviationEntry]]] = defaultdict(list)
    for r in records.values():
        for ab in r.abbreviations:
            claims[ab.short].append((r, ab))
            if ab.exception is None and not any(aligns(ab.short, f) for f in _long_forms(r)):
                yield Problem(
                    "abbreviations",
                    r.id,
                    r.file,
                    f"{ab.short} does not align with the name, a synonym or a British spelling; "
                    "fix it or give the established exception",
                )
            if ab.also and not ab.ambiguous:
                yield Problem(
                    "abbreviations",
                    r.id,
                    r.file,
                    f"{ab.short} lists other readings but is not marked ambiguous",
                )
    for short, owners in claims.items():
        if len(owners) > 1:
            for r, ab in owners:
                if not ab.ambiguous:
                    others = sorted(o.id for o, _ in owners if o.id != r.id)
                    yield Problem(
                        "abbreviations",
                        r.id,
                        r.file,
                        f"{short} is also claimed by {others} but is not marked ambiguous",
                    )
            primaries = [r.id for r, ab in owners if ab.primary]
            if len(primaries) != 1:
                for r, _ in owners:
                    yield Problem(
                        "abbreviations",
                        r.id,
                        r.file,
                        f"{short} is shared by {sorted(o.id for o, _ in owners)}: exactly one must be marked primary, "
                        f"not {len(primaries)}",
                    )
        else:
            r, ab = owners[0]
            if ab.primary:
                yield Problem(
                    "abbreviations",
                    r.id,
                    r.file,
                    f"{short} is marked primary but no other record shares it",
                )
            if ab.ambiguous and not ab.also:
                yield Problem(
                    "abbreviations",
                    r.id,
                    r.file,
                    f"{short} is marked ambiguous: name its other common readings in 'also'",
                )


def rule_icd_codes(
    records: Records, code_exists: Callable[[str], bool] = icd_code_exists
) -> Iterable[Problem]:
    for r in records.values():
        for code in r.icd10cm:
            if not re.fullmatch(r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?", code) or not code_exists(
                code
            ):
                yield Problem("icd10cm", r.id, r.file, f"{code} is not an ICD-10-CM code")


def subtype_problems(records: Records, review: dict[str, dict[str, str]]) -> Iterable[Problem]:
    """A name with a subtype word its record's preferred name lacks must have been reviewed."""
    words = re.compile(r"\b(?:" + "|".join(SUBTYPE_WORDS) + r")\b", re.I)
    for r in records.values():
        base = {w.lower() for w in words.findall(r.name)}
        decided = review.get(r.id, {})
        for n in (*r.synonyms, *r.lay_names, *r.british):
            if not {w.lower() for w in words.findall(n)} - base:
                continue
            decision = decided.get(n)
            if decision is None:
                yield Problem(
                    "subtypes",
                    r.id,
                    r.file,
                    f"{n!r} names a form of {r.name!r} (a subtype word the name lacks): review it in "
                    "knowledge/data/subtype_review.yaml as same_condition or "
                    "subtype_shares_verdict, or make it its own record if its verdict differs",
                )
            elif decision not in SUBTYPE_DECISIONS:
                yield Problem(
                    "subtypes",
                    r.id,
                    r.file,
                    f"{n!r}: decision {decision!r} must be one of {', '.join(SUBTYPE_DECISIONS)}",
                )
    for rid, names in review.items():
        rec = records.get(rid)
        if rec is None:
            continue  # a record not being checked
        listed = set(rec.names)
        for n in names:
            if n not in listed:
                yield Problem(
                    "subtypes",
                    rid,
                    "subtype_review.yaml",
                    f"{n!r} is reviewed but is not a name of record {rid!r}; drop the stale entry",
                )


def rule_subtypes(records: Records) -> Iterable[Problem]:
    return subtype_problems(records, load_subtype_review())


def group_problems(records: Records, groups: Iterable[Group]) -> Iterable[Problem]:
    """Members of a family share the verdict, or state why not with a source."""
    for g in groups:
        if not any(m in records for m in g.members):
            continue  # a family none of whose members is being checked
        for m in g.members:
            if m not in records:
                yield Problem(
                    "groups", m, "groups.yaml", f"group {g.id!r} lists unknown record {m!r}"
                )
        majority = majority_verdict(g, records)
        for m in g.members:
            rec = records.get(m)
            if rec is None:
                continue
            diff = g.difference(m)
            if rec.autoimmune != majority and diff is None:
                yield Problem(
                    "groups",
                    m,
                    rec.file,
                    f"verdict {rec.autoimmune!r} differs from its family {g.name!r} "
                    f"({majority!r}); state why, with a source, under differences in groups.yaml",
                )
            elif diff is not None and rec.autoimmune == majority:
                yield Problem(
                    "groups",
                    m,
                    rec.file,
                    f"groups.yaml explains a difference from {g.name!r}, but the verdicts now agree; "
                    "drop the stale difference",
                )
            elif diff is not None and (len(diff.reason) < 40 or not diff.sources):
                yield Problem(
                    "groups", m, rec.file, "a stated difference needs a reason and a source"
                )
        for d in g.differences:
            if d.member not in g.members:
                yield Problem(
                    "groups", d.member, "groups.yaml", f"difference for a non-member of {g.id!r}"
                )


def rule_groups(records: Records) -> Iterable[Problem]:
    return group_problems(records, load_groups())


def rule_debated(records: Records) -> Iterable[Problem]:
    """A debated classification names at least two sides, each with a source, one of them ours."""
    for r in records.values():
        if not r.debated:
            continue
        verdicts = [p.verdict for p in r.debated]
        if len(set(verdicts)) < 2:
            yield Problem(
                "debated",
                r.id,
                r.file,
                "a debate needs at least two positions with different verdicts",
            )
        if r.autoimmune not in verdicts and r.autoimmune != "uncertain":
            yield Problem(
                "debated",
                r.id,
                r.file,
                f"the record's verdict {r.autoimmune!r} is none of the debated positions",
            )
        for p in r.debated:
            if len(p.view) < 30 or not p.sources:
                yield Problem(
                    "debated", r.id, r.file, "every debated position needs a view and a source"
                )
        if not r.caution:
            yield Problem("debated", r.id, r.file, "a debated classification needs a caution")


RULES: dict[str, Callable[[Records], Iterable[Problem]]] = {
    "caution": rule_caution,
    "sources": rule_sources,
    "mechanism_verdict": rule_mechanism_verdict,
    "reason_text": rule_reason_text,
    "associations": rule_associations,
    "names": rule_names,
    "abbreviations": rule_abbreviations,
    "icd10cm": rule_icd_codes,
    "subtypes": rule_subtypes,
    "groups": rule_groups,
    "debated": rule_debated,
}


def validate(records: Records, rules: Iterable[str] | None = None) -> list[Problem]:
    """Every problem the named rules (all by default) find in ``records``."""
    out: list[Problem] = []
    for name in rules or RULES:
        out.extend(RULES[name](records))
    return out


def validate_properties(records: Records, properties: dict) -> list[Problem]:
    """Problems with the contagious / inherited / curable data (``properties.load_properties``):
    every curated record has all three families; every entry names an existing record; source
    URLs are in the verified list; reasons say why. (Vocabularies,
    bases, sources present and each id once are enforced when the files are loaded.)"""
    verified = verified_urls()
    out: list[Problem] = []
    for rid, families in properties.items():
        if rid not in records:
            where = next(iter(families.values())).file if families else "properties"
            out.append(Problem("properties", rid, where, f"no curated record has the id {rid!r}"))
    for r in records.values():
        families = properties.get(r.id, {})
        missing = [f for f in FAMILIES if f not in families]
        if missing:
            out.append(
                Problem(
                    "properties",
                    r.id,
                    r.file,
                    f"no property data for {', '.join(missing)} (knowledge/data/properties/*.yaml)",
                )
            )
        for f, p in families.items():
            if len(p.reason) < 25:
                out.append(Problem("properties", r.id, p.file, f"{f}: the reason is too short"))
            for s in p.sources:
                listed = verified.get((s.publisher, s.title))
                if s.url is not None and (listed is None or listed[0] != s.url):
                    out.append(
                        Problem(
                            "properties",
                            r.id,
                            p.file,
                            f"{f}: source url {s.url!r} is not in the list of verified URLs "
                            "(knowledge/data/source_urls.tsv); set it to null or verify it there",
                        )
                    )
    return out
