"""Plain-language names for the report's machine values (finding kinds, severities, answers).

The JSON contract keeps the machine values; every report meant for people (the terminal, Markdown,
the web report, the audit report) shows these words instead, from this one table. Plain data:
importing this module imports nothing else.
"""

from __future__ import annotations

__all__ = [
    "KIND_LABELS",
    "VERDICT_LABELS",
    "PAGE_ANSWER_LABELS",
    "PAGE_ANSWER_TEXT",
    "SEVERITY_LABELS",
    "kind_label",
    "verdict_label",
    "page_answer_label",
    "page_answer_of",
    "yes_no",
    "agreement_label",
]

KIND_LABELS = {
    "off_topic": "Off topic",
    "abbreviation_conflict": "Wrong abbreviation",
    "contradicts_knowledge": "Contradicts the evidence",
    "self_contradiction": "Contradicts itself",
    "hedge_as_fact": "Doubt stated as fact",
    "unsupported_claim": "No source cited",
    "contested_as_settled": "Contested, stated as settled",
    "debated": "Debated classification",
}
SEVERITY_LABELS = {"high": "serious", "medium": "moderate", "low": "minor"}
# how a page's answer reads after "It answers ": the page answers "no"
PAGE_ANSWER_LABELS = {
    "yes": "yes",
    "no": "no",
    "partly": "partly",
    "unclear": "unclearly",
    "not_answered": "does not answer it",
    "not_judged": "not judged (healthlens does not answer this question)",
    "defined": "defines it as the evidence does",
    "misdefined": "defines it as something else",
}
VERDICT_LABELS = {
    "yes": "Yes",
    "no": "No",
    "partly": "Partly",
    "uncertain": "Uncertain",
    "unknown": "Not known",
    "defined": "Definition",
}
# What the page answers, as a value in a table ("Page answers: does not answer").
PAGE_ANSWER_TEXT = {
    "yes": "yes",
    "no": "no",
    "partly": "partly",
    "unclear": "unclear",
    "not_answered": "does not answer",
    "not_judged": "not judged",
    "defined": "defines it as the evidence does",
    "misdefined": "defines it as something else",
}


def _plain(value: str) -> str:
    return value.replace("_", " ")


def kind_label(kind: str) -> str:
    """'off_topic' -> 'Off topic'; a kind without a label reads as its words."""
    return KIND_LABELS.get(kind) or _plain(kind).capitalize()


def verdict_label(verdict: str | None) -> str:
    return "—" if verdict is None else VERDICT_LABELS.get(verdict) or _plain(verdict)


def page_answer_label(answer: str | None) -> str:
    return "—" if answer is None else PAGE_ANSWER_TEXT.get(answer) or _plain(answer)


def page_answer_of(page: dict) -> str:
    """What a page answers, and who read it when it was not the rules: the learned scorer rests
    its answer on one sentence, and a reader should weigh it so."""
    label = page_answer_label(page["page_answer"])
    if page.get("answer_source") == "model":
        rules = page.get("rules_answer")
        said = f"; the rules read: {page_answer_label(rules)}" if rules else ", not by the rules"
        return f"{label} (read by the learned scorer from one sentence{said})"
    return label


def yes_no(value) -> str:
    """True/False/None -> 'yes'/'no'/'—'; anything else as text."""
    if value is None:
        return "—"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)


def agreement_label(page: dict) -> str:
    """Whether the page's answer agrees with the evidence, as people read it. An off-topic page's
    answer is about another condition, so a match would be a coincidence, never a point in its
    favour (the JSON keeps the machine value)."""
    if page.get("on_topic") is False and page.get("agrees_with_evidence") is not None:
        return "not compared (the page is about something else)"
    return yes_no(page.get("agrees_with_evidence"))
