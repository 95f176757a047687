"""What the knowledge base says about one property of one condition.

Predicates: ``autoimmune`` (the curated verdict), ``immune`` (is it caused by the immune
system?), ``allergy`` (is it an allergy?), ``link`` (is it linked to autoimmune disease?) and
``definition`` (what is it? — the autoimmune verdict, the property healthlens is about, for the
callers that compare a page's claims), and the families ``contagious``, ``inherited`` and
``curable`` (read from the property data; ``unknown`` for a record without an entry). Each
returns yes | no | partly | uncertain | unknown.
"""

from __future__ import annotations

from collections.abc import Iterable

from .properties import FAMILIES
from .records import IMMUNE_MECHANISMS, Association, ConditionRecord

__all__ = ["verdict_for", "agrees", "autoimmune_links"]

_EVIDENCE_RANK = {"established": 0, "probable": 1, "limited": 2}


def autoimmune_links(
    record: ConditionRecord, records: dict[str, ConditionRecord]
) -> list[Association]:
    """Associations of ``record`` with autoimmune ("yes") conditions, strongest evidence first.

    Look-alikes ("often-confused-with") are not links.
    """
    links = [
        a
        for a in record.associations
        if a.is_link and (r := records.get(a.condition)) and r.autoimmune == "yes"
    ]
    return sorted(links, key=lambda a: _EVIDENCE_RANK.get(a.evidence, 3))


def verdict_for(
    record: ConditionRecord | None,
    predicate: str,
    records: dict[str, ConditionRecord] | None = None,
    properties: dict | None = None,
) -> str:
    """yes | no | partly | uncertain | unknown for one predicate of one record. ``properties``:
    the knowledge base's property data (``KnowledgeBase.properties``), for the families."""
    if record is None:
        return "unknown"
    if predicate in FAMILIES:
        entry = (properties or {}).get(record.id, {}).get(predicate)
        return entry.verdict if entry is not None else "unknown"
    if predicate in ("autoimmune", "definition"):
        return record.autoimmune
    if predicate == "allergy":
        # allergic conditions are allergies; a record may say "partly" itself (asthma, eczema, hives)
        return record.allergy_verdict
    if predicate == "immune":
        if record.mechanism in IMMUNE_MECHANISMS or record.autoimmune == "yes":
            return "yes"
        if record.autoimmune in ("partly", "uncertain"):
            return record.autoimmune
        if record.allergy_verdict in ("yes", "partly"):
            return "partly"
        return "no"
    if predicate == "link":
        if record.autoimmune in ("yes", "partly"):
            return "yes"
        links = autoimmune_links(record, records or {})
        if links and links[0].evidence in ("established", "probable"):
            return "yes"
        if links or record.autoimmune == "uncertain":
            return "uncertain"
        return "unknown"
    return "unknown"


def agrees(
    page_answer: str | None,
    verdict: str,
    debated: Iterable[str] = (),
    graded: bool = False,
) -> bool | None:
    """Whether a page's answer matches the knowledge base's verdict; None when either is not known.

    ``debated``: the verdicts of a debated classification's defensible sides; a page that takes one
    of them agrees with the evidence as far as the evidence goes.

    An ``unclear`` answer (the page sets both answers side by side, or only hedges) is compared as
    ``partly`` is: it settles the question neither way, so it agrees with a verdict that does not
    settle it either (``partly``, ``uncertain``) and disagrees with a settled ``yes`` or ``no``.

    ``graded``: the verdict is of a property family whose answers are graded (contagious,
    inherited, curable), asked of a page about the condition. There a verdict of ``partly`` is a
    boundary between two halves ("no cure, but lasting remission"; "genes raise the risk, it is not
    passed down as such"; "the germ spreads, the condition does not") and pages state either half
    as their answer, while a plain ``yes`` or ``no`` verdict holds beside a page that qualifies it
    for some cases: an answer one step from the verdict (``partly`` beside ``yes`` or ``no``)
    agrees; ``yes`` against ``no`` never does.
    """
    if page_answer == "unclear":
        page_answer = "partly"
    if verdict == "unknown" or page_answer in (None, "not_answered", "not_judged"):
        return None
    if page_answer in set(debated):
        return True
    if verdict == "uncertain":
        return page_answer == "partly"
    if graded and "partly" in (page_answer, verdict) and page_answer in ("yes", "no", "partly"):
        return True
    return page_answer == verdict
