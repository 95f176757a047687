"""What the knowledge base says about one property of one condition."""

from __future__ import annotations

from .records import IMMUNE_MECHANISMS, ConditionRecord

__all__ = ["verdict_for", "agrees"]


def verdict_for(record: ConditionRecord | None, predicate: str, records: dict[str, ConditionRecord] | None = None) -> str:
    """yes | no | partly | uncertain | unknown for 'is it autoimmune / immune-caused / an allergy / linked'."""
    if record is None:
        return "unknown"
    if predicate == "autoimmune":
        return record.autoimmune
    if predicate == "allergy":
        if record.mechanism == "allergic":
            return "yes"
        # asthma, eczema: immune-mediated, often allergic in part ("atopic"), not simply allergies
        return "partly" if record.mechanism == "immune_mediated" else "no"
    if predicate == "immune":
        if record.mechanism in IMMUNE_MECHANISMS or record.autoimmune == "yes":
            return "yes"
        if record.autoimmune in ("partly", "uncertain"):
            return record.autoimmune
        return "no"
    if predicate == "link":
        if record.autoimmune in ("yes", "partly"):
            return "yes"
        records = records or {}
        linked = [a for a in record.associations if (r := records.get(a.condition)) and r.autoimmune == "yes"]
        if linked:
            return "yes"
        return "uncertain" if record.autoimmune == "uncertain" else "unknown"
    return "unknown"


def agrees(page_answer: str | None, verdict: str) -> bool | None:
    """Whether a page's answer matches the knowledge base's verdict; None when either is not known."""
    if verdict == "unknown" or page_answer in (None, "unclear", "not_answered"):
        return None
    if verdict == "uncertain":
        return page_answer == "partly"
    return page_answer == verdict
