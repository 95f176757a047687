"""Can this page be trusted on this question, and why? One explained line per page.

Computed from a page's JSON report (the contract), so the web report, the audit report and any
other reader of the JSON reach the same line. The rule, in order of weight:

- a page that is about another condition, whose answer contradicts the evidence, that misdefines
  the condition, or that has a serious (high-severity) finding is **low**: not to be relied on;
- a page that answers in agreement with the evidence (or defines the condition as the evidence
  does), with no serious or moderate finding and no credibility warning (selling something, or
  neither an author nor a cited source), is **high**;
- anything between is **mixed**: read with care; a page that could not be read is **not_judged**.

An off-topic page's answer is about another condition, so whether it happens to match the
evidence is never offered as a point in its favour: no agreement reason is given for it at all.
Each reason says, in plain words, what counted for or against the page.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .labels import KIND_LABELS, PAGE_ANSWER_LABELS

__all__ = ["Reason", "Trust", "TRUST_LEVELS", "page_trust"]

TRUST_LEVELS = {
    "high": "Looks trustworthy",
    "mixed": "Read with care",
    "low": "Not to be relied on",
    "not_judged": "Not judged",
}
_SCOPE = {"high": " on this question", "low": " for this question", "mixed": "", "not_judged": ""}
_ANSWERS = ("yes", "no", "partly")


@dataclass(frozen=True)
class Reason:
    """One thing that counted: ``aspect`` is topic, answer, findings, credibility or error;
    ``weight`` is for, against or neutral; ``text`` a sentence; ``why`` the same as a clause."""

    aspect: str
    weight: str
    text: str
    why: str


@dataclass(frozen=True)
class Trust:
    level: str  # high | mixed | low | not_judged
    label: str  # the level in words, with "on this question" where one was asked
    summary: str  # the label and the reasons that decided it, as one sentence
    reasons: tuple[Reason, ...]
    why: str = ""  # the reasons that decided it, as one clause ("it is about X, not Y; ...")

    def reason(self, aspect: str) -> Reason | None:
        return next((r for r in self.reasons if r.aspect == aspect), None)

    def to_dict(self) -> dict:
        return asdict(self)


def _name(cond: dict | None) -> str | None:
    return cond.get("name") if cond else None


def _topic(page: dict, asked: str | None) -> Reason:
    main = _name(page.get("main_condition"))
    on_topic = page.get("on_topic")
    if on_topic is False:
        target = asked or "the condition you asked about"
        if main:
            text, why = f"mostly {main}, not {target}", f"it is about {main}, not {target}"
        else:
            text, why = f"it hardly discusses {target}", f"it hardly discusses {target}"
        return Reason("topic", "against", f"It is about something else: {text}.", why)
    if on_topic is True:
        name = asked or main or "the condition you asked about"
        return Reason("topic", "for", f"It is about {name}, as asked.", f"it is about {name}")
    if main:
        return Reason("topic", "neutral", f"It is mostly about {main}.", f"it is about {main}")
    return Reason(
        "topic", "neutral", "It names no condition often enough to say what it is about.", ""
    )


def _answer(page: dict, has_question: bool) -> Reason:
    answer = page.get("page_answer")
    agrees = page.get("agrees_with_evidence")
    said = PAGE_ANSWER_LABELS.get(answer or "", answer or "")
    if not has_question:
        return Reason("answer", "neutral", "No question was asked, so no answer is judged.", "")
    if page.get("on_topic") is False:
        main = _name(page.get("main_condition")) or "another condition"
        if answer in _ANSWERS:
            return Reason(
                "answer",
                "against",
                f"Its answer, “{said}”, is about {main}, so it does not answer your question.",
                "its answer is about another condition",
            )
        return Reason(
            "answer", "against", "It does not answer your question.", "it does not answer it"
        )
    if answer == "defined":
        return Reason(
            "answer", "for", "It defines the condition as the evidence does.", "its definition fits"
        )
    if answer == "misdefined":
        return Reason(
            "answer",
            "against",
            "It defines the condition differently from the evidence.",
            "it defines the condition wrongly",
        )
    if answer in _ANSWERS:
        if agrees is True:
            return Reason(
                "answer",
                "for",
                f"It answers “{said}”, which agrees with the evidence.",
                "its answer agrees with the evidence",
            )
        if agrees is False:
            return Reason(
                "answer",
                "against",
                f"It answers “{said}”, which disagrees with the evidence.",
                "its answer disagrees with the evidence",
            )
        return Reason(
            "answer",
            "neutral",
            f"It answers “{said}”; the evidence does not settle the question, so the answer is not scored.",
            "",
        )
    if answer == "unclear":
        # an unclear answer is compared as "partly" (knowledge.verdicts.agrees)
        if agrees is True:
            return Reason(
                "answer",
                "for",
                "It answers neither yes nor no, and neither does the evidence.",
                "it answers neither yes nor no, as the evidence",
            )
        if agrees is False:
            return Reason(
                "answer",
                "against",
                "It answers neither yes nor no, where the evidence answers it.",
                "it leaves open what the evidence answers",
            )
        return Reason("answer", "neutral", "Its answer is unclear.", "its answer is unclear")
    if answer == "not_judged":
        return Reason(
            "answer", "neutral", "healthlens does not judge answers to this question.", ""
        )
    return Reason("answer", "neutral", "It does not answer the question.", "it does not answer it")


def _problems(n: int, severity: str, kinds: list[str]) -> str:
    labels = ", ".join(dict.fromkeys(KIND_LABELS.get(k, k) for k in kinds))
    word = "One" if n == 1 else f"{n:,}"
    return f"{word} {severity} problem{'s' if n != 1 else ''} ({labels})"


def _findings(page: dict) -> Reason:
    findings = [f for f in page.get("findings") or () if f.get("kind") != "off_topic"]
    serious = [f["kind"] for f in findings if f.get("severity") == "high"]
    moderate = [f["kind"] for f in findings if f.get("severity") == "medium"]
    minor = [f["kind"] for f in findings if f.get("severity") not in ("high", "medium")]
    if serious:
        text = _problems(len(serious), "serious", serious)
        return Reason("findings", "against", text + ".", "it has " + text[0].lower() + text[1:])
    if moderate:
        text = _problems(len(moderate), "moderate", moderate)
        return Reason("findings", "against", text + ".", "it has " + text[0].lower() + text[1:])
    if minor:
        return Reason("findings", "neutral", _problems(len(minor), "minor", minor) + " only.", "")
    return Reason("findings", "for", "No problems found in its statements.", "no problems found")


def _credibility(page: dict) -> Reason:
    c = page.get("credibility") or {}
    sources = bool(c.get("cites_sources") or c.get("references"))
    good = [
        w
        for w, ok in (
            ("names its author", c.get("author")),
            ("shows a date", c.get("date")),
            ("cites sources", sources),
            ("discloses its interests", c.get("disclosure")),
        )
        if ok
    ]
    bad = [
        w
        for w, ok in (
            ("names no author", not c.get("author")),
            ("shows no date", not c.get("date")),
            ("cites no sources", not sources),
            ("sells or promotes products", c.get("commercial")),
            ("rests on a personal story", c.get("first_person")),
        )
        if ok
    ]
    parts = good + bad
    text = (
        "It " + (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]) + "."
    )
    if c.get("commercial"):
        return Reason("credibility", "against", text, "it sells or promotes products")
    if not sources and not c.get("author"):
        return Reason("credibility", "against", text, "it names no author and cites no sources")
    if sources and (c.get("author") or c.get("date")):
        return Reason("credibility", "for", text, "it " + " and ".join(good[:2]))
    return Reason("credibility", "neutral", text, "it " + " and ".join(bad[:2]) if bad else "")


def page_trust(page: dict, question: dict | None = None) -> Trust:
    """The trust line of one page of a JSON report (``report_to_dict(...)["pages"][i]``);
    ``question`` is the report's ``question`` object (None when nothing was asked)."""
    asked = _name((question or {}).get("condition")) if question else None
    if page.get("error"):
        err = page["error"]
        reason = Reason(
            "error",
            "neutral",
            f"The page could not be checked: {err.get('message') or err.get('kind')}",
            "it could not be read",
        )
        return Trust(
            "not_judged",
            TRUST_LEVELS["not_judged"],
            "Not judged: the page could not be read.",
            (reason,),
            "the page could not be read",
        )
    reasons = (
        _topic(page, asked),
        _answer(page, question is not None),
        _findings(page),
        _credibility(page),
    )
    weights = {r.aspect: r.weight for r in reasons}
    decisive = (
        page.get("on_topic") is False
        or page.get("agrees_with_evidence") is False
        or page.get("page_answer") == "misdefined"
        or any(f.get("severity") == "high" for f in page.get("findings") or ())
    )
    if decisive:
        level = "low"
        why = [r.why for r in reasons if r.weight == "against" and r.why]
    elif (
        (weights["answer"] == "for" or question is None)
        and weights["findings"] != "against"
        and weights["credibility"] != "against"
        and (question is not None or weights["credibility"] == "for")
    ):
        level = "high"
        why = [r.why for r in reasons if r.weight == "for" and r.why]
    else:
        level = "mixed"
        why = [r.why for r in reasons if r.weight == "against" and r.why] or [
            r.why for r in reasons if r.weight == "neutral" and r.aspect != "topic" and r.why
        ]
        if not why:
            why = ["nothing on the page counts clearly for or against it"]
    label = TRUST_LEVELS[level] + (_SCOPE[level] if question else "")
    if level == "low" and question is not None and weights["topic"] == "against":
        why = [r.why for r in reasons if r.weight == "against" and r.aspect != "answer" and r.why]
    because = _join(why)
    summary = label + (": " + because if because else "") + "."
    return Trust(level, label, summary, reasons, because)


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return "; ".join(parts[:-1]) + "; and " + parts[-1]
