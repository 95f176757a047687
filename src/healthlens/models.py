"""The objects that flow through the pipeline.

One ``Page`` goes read -> understand -> check -> report. Every annotation keeps
character offsets (``start``, ``end``) into ``Page.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Sentence",
    "Mention",
    "Abbreviation",
    "Claim",
    "Evidence",
    "Finding",
    "Credibility",
    "PageError",
    "Page",
    "Question",
    "Answer",
    "Report",
    "PAGE_ANSWERS",
    "ANSWER_VERDICTS",
    "DECLINED_KINDS",
    "FINDING_KINDS",
]

PAGE_ANSWERS = (
    "yes",
    "no",
    "partly",
    "unclear",
    "not_answered",
    "not_judged",  # the question was not understood or is of a kind healthlens does not judge
    "defined",  # definition questions: the page expands/names the condition as the record does
    "misdefined",  # definition questions: the page expands the letters as something else
)
# the verdicts of an answer: "defined" answers "What is X?" / "What does X stand for?"
ANSWER_VERDICTS = ("yes", "no", "partly", "uncertain", "unknown", "defined")
# kinds of question healthlens recognises and declines to judge
DECLINED_KINDS = ("treatment", "prevention", "cause", "prognosis", "advice", "other")
FINDING_KINDS = (
    "off_topic",
    "abbreviation_conflict",
    "contradicts_knowledge",
    "self_contradiction",
    "hedge_as_fact",
    "unsupported_claim",
    "contested_as_settled",
    "debated",
)
Severity = Literal["high", "medium", "low"]
# where a question came from: the command line, or the page's title, heading or input column
# autoimmune / allergy / immune from claims.py; the property families from property_claims.py
ClaimPredicate = Literal["autoimmune", "allergy", "immune", "contagious", "inherited", "curable"]
Polarity = Literal["affirm", "deny", "link", "partly"]
Verdict = Literal["yes", "no", "partly", "uncertain", "unknown", "defined"]
QuestionSource = Literal["argument", "title", "heading", "column"]


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    concept_id: str
    sentence: int
    # name | abbreviation | page_abbreviation | reference | letters_read_as | question_words
    # (the last two: docs/topic.md)
    via: str


@dataclass(slots=True)
class Abbreviation:
    short: str
    long: str
    start: int  # the short form
    end: int
    long_start: int
    long_end: int
    sentence: int
    pattern: str  # parenthesis_long_first | parenthesis_short_first | abbreviated_as | stands_for | also_known_as
    aligned: bool  # the letters of the short form align with the long form
    consistent: bool  # aligned or the terminology's expansion, and not another known condition
    expected: list[str] = field(
        default_factory=list
    )  # the terminology's expansion(s) when it knows the short form
    long_concept: str | None = None  # what the long form links to, if anything
    known_expansion: bool = False  # the long form is one the terminology gives these letters


@dataclass(slots=True)
class Claim:
    """A statement of the page that a condition has (or lacks) a property."""

    sentence: int
    start: int  # the subject mention
    end: int
    concept_id: str
    predicate: ClaimPredicate
    polarity: Polarity
    hedged: bool
    basis: str = "copula"  # copula | example | other | contrast | link | pronoun | answer (see understand/claims.py)

    @property
    def firm(self) -> bool:
        """Stated outright (not hedged, not a mere link or contrast): what alarms rest on."""
        return not self.hedged and self.basis in ("copula", "example", "other", "pronoun", "answer")


@dataclass(slots=True)
class Evidence:
    kind: Literal["knowledge", "page", "terminology"]
    text: str
    ref: str | None = None  # knowledge-base id, or the page sentence index
    sources: list[dict] = field(default_factory=list)
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "text": self.text,
            "ref": self.ref,
            "sources": self.sources,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Finding:
    kind: str
    severity: Severity
    sentence: str | None
    message: str
    evidence: list[Evidence] = field(default_factory=list)
    start: int | None = None
    end: int | None = None
    sentence_index: int | None = None

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "sentence": self.sentence,
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
            "start": self.start,
            "end": self.end,
            "sentence_index": self.sentence_index,
        }


@dataclass(slots=True)
class Credibility:
    author: str | None = None
    date: str | None = None  # yyyy-mm-dd
    cites_sources: bool = False
    disclaimer: bool = False
    commercial: bool = False
    first_person: bool = False
    disclosure: bool = False
    references: bool = (
        False  # a reference list, citations or links to research or health authorities
    )
    signals: list[dict] = field(default_factory=list)  # {signal, text, start, end}

    def to_dict(self) -> dict:
        return {
            "author": self.author,
            "date": self.date,
            "cites_sources": self.cites_sources,
            "disclaimer": self.disclaimer,
            "commercial": self.commercial,
            "first_person": self.first_person,
            "disclosure": self.disclosure,
            "references": self.references,
            "signals": self.signals,
        }


@dataclass(slots=True)
class PageError:
    kind: str  # not_found | unreadable | empty | decode | too_large | timeout | parse
    message: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "message": self.message}


@dataclass(slots=True)
class Question:
    text: str
    # autoimmune | immune | allergy | link | definition | contagious | inherited | curable; None
    # when the question's form is not understood or it is declined
    predicate: str | None
    subject: str | None  # the condition as the question writes it
    concept_id: str | None
    concept_name: str | None = None
    source: QuestionSource = "argument"
    # a kind of question healthlens recognises but does not judge (DECLINED_KINDS), else None
    declined: str | None = None
    # the name the subject was matched to when the match was not exact (a typo, a short name)
    read_as: str | None = None
    # further properties a compound question asks about ("an allergy or autoimmune?")
    also: tuple[str, ...] = ()
    # why the subject matched nothing, or matched too many conditions to choose
    unresolved: str | None = None
    # parts of the question healthlens does not judge, as typed ("or an infection", "to
    # medication"): the property is answered, these are named in the answer as not judged
    unjudged: tuple[str, ...] = ()
    # "Is X linked to Y?" with two named conditions: (X, Y) ids; recognised and not judged
    link_between: tuple[str, str] | None = None

    @property
    def understood(self) -> bool:
        """The question asks about a property healthlens answers."""
        return self.predicate is not None and self.declined is None

    def to_dict(self) -> dict:
        cond = {"id": self.concept_id, "name": self.concept_name} if self.concept_id else None
        return {
            "text": self.text,
            "condition": cond,
            "predicate": self.predicate,
            "subject": self.subject,
            "understood": self.understood,
            "declined": self.declined,
            "read_as": self.read_as,
            "unjudged": list(self.unjudged),
        }


@dataclass(slots=True)
class Answer:
    question: str
    concept_id: str | None
    concept_name: str | None
    verdict: Verdict
    summary: str
    reason: str | None = None
    caution: str | None = None
    mechanism: str | None = None
    sources: list[dict] = field(default_factory=list)
    predicate: str | None = None
    page_answers: dict[str, int] | None = None
    # other readings when the question used letters that stand for several conditions
    readings: list[dict] = field(default_factory=list)
    # for "What is X?" / "What does X stand for?": the expansion, the mechanism class, the names
    definition: dict | None = None
    # for "Is X linked to autoimmune disease?": the recorded links behind the verdict
    associations: list[dict] = field(default_factory=list)
    # a debated classification: each defensible side {verdict, view, sources}
    debate: list[dict] = field(default_factory=list)
    # whether the question's form was understood; the kind of question declined, if any
    understood: bool = True
    declined: str | None = None
    # the name the question was read as when its match was not exact ("chrons" -> Crohn disease)
    read_as: str | None = None
    # contagious / inherited / curable: "stated" or "inferred" from the cited source
    basis: str | None = None
    # parts of the question not judged (``Question.unjudged``), named in the summary
    unjudged: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        cond = {"id": self.concept_id, "name": self.concept_name} if self.concept_id else None
        out = {
            "question": self.question,
            "condition": cond,
            "verdict": self.verdict,
            "summary": self.summary,
            "sources": self.sources,
            "reason": self.reason,
            "caution": self.caution,
            "mechanism": self.mechanism,
            "predicate": self.predicate,
            "readings": self.readings,
            "definition": self.definition,
            "associations": self.associations,
            "debate": self.debate,
            "understood": self.understood,
            "declined": self.declined,
            "read_as": self.read_as,
            "basis": self.basis,
            "unjudged": self.unjudged,
        }
        if self.page_answers is not None:
            out["page_answers"] = self.page_answers
        return out


@dataclass(slots=True)
class Page:
    input: str
    text: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    links: list[str] = field(default_factory=list)
    format: str = "text"  # text | html | warc | record
    error: PageError | None = None
    extractor: str | None = None  # HTML only: fast | trafilatura | visible_text (see read/html.py)
    # understand
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    abbreviations: list[Abbreviation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    main_condition: str | None = None
    # check
    on_topic: bool | None = None
    page_answer: str | None = None
    answer_sentences: list[int] = field(default_factory=list)
    answer_source: str | None = None  # rules | model (check/page_answer.py); None without an answer
    # the rules' own reading where the learned scorer's answer stands instead (answer_source
    # "model"), so a reader sees both; None otherwise
    rules_answer: str | None = None
    agrees_with_evidence: bool | None = None
    findings: list[Finding] = field(default_factory=list)
    credibility: Credibility = field(default_factory=Credibility)
    timings: dict[str, float] = field(default_factory=dict)
    # a question asked of this page alone (--question-from title|heading|column), and its answer
    question: Question | None = None
    answer: Answer | None = None

    def sentence_of(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


@dataclass(slots=True)
class Report:
    question: Question | None
    answer: Answer | None
    pages: list[Page]
    question_from: str | None = None  # each page asked its own question: title | heading | column
