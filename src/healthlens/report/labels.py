"""Plain-language names for the report's machine values (finding kinds, severities, answers).

The JSON contract keeps the machine values; every page meant for people (the web report, the
audit report) shows these words instead, from this one table.
"""

from __future__ import annotations

__all__ = ["KIND_LABELS", "SEVERITY_LABELS", "PAGE_ANSWER_LABELS"]

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
