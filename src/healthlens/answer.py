"""The evidence-grounded answer to a question, from the knowledge base alone.

``answer_question`` turns a parsed ``Question`` into an ``Answer``: a verdict (yes | no |
partly | uncertain | unknown), a summary in plain sentences, the curated reason, the caution
where the status is contested, and the sources. It never guesses: a condition the knowledge
base does not cover, or covers only by name, is ``unknown``.

Definition questions ("What is X?", "What does X stand for?") get the verdict ``defined``: the
expansion and a one-line definition from the record, with a ``definition`` object (expansion,
names, mechanism class, autoimmune verdict). The families contagious, inherited and curable are
answered from the property data (``knowledge/properties.py``), with its reason, caution, basis
and sources; a record without property data is ``unknown`` for them, saying so.

A question whose form is not understood, or of a kind healthlens does not judge (treatment,
prevention, cause, prognosis, advice), is ``unknown`` with ``understood`` false: the summary says
which questions healthlens answers and, where the condition is known, what the knowledge base
holds on it. It is never answered as another question. A question that uses letters with several readings ("Is MS
autoimmune?") is answered for the most common reading, and ``readings`` lists the others with
their own verdicts, so the reader can see whether the answer would change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeGuard, cast

from .errors import InputError
from .knowledge import KnowledgeBase, get_knowledge
from .knowledge.normalize import aligns
from .knowledge.properties import FAMILIES
from .knowledge.records import RELATIONS, ConditionRecord
from .knowledge.verdicts import autoimmune_links, verdict_for
from .models import Answer, Question, Verdict
from .question import parse_questions

__all__ = ["answer_question", "ask", "MECHANISM_WORDS", "UNDERSTOOD_FORMS", "DECLINED_SENTENCES"]

# what the summary of a question not understood lists
UNDERSTOOD_FORMS = (
    "healthlens answers these questions about a condition: is it autoimmune, an allergy, caused by "
    "the immune system, or linked to autoimmune disease; is it contagious, inherited, or curable; "
    "and what is it (or what do its letters stand for)."
)
DECLINED_SENTENCES = {
    "treatment": "healthlens does not judge questions about treatments or what helps a condition.",
    "prevention": "healthlens does not judge questions about preventing a condition.",
    "cause": "healthlens does not judge questions about what causes a condition, or what it causes.",
    "prognosis": "healthlens does not judge questions about how serious a condition is or how it turns out.",
    "advice": "healthlens does not give advice on what you should do; ask a doctor or pharmacist.",
    "other": "healthlens does not judge that kind of question.",
}
# how each family's verdict reads: {verdict: template with {label}}
_FAMILY_LEAD = {
    "contagious": {
        "yes": "Yes. {label} is contagious: it passes from person to person.",
        "no": "No. {label} is not contagious: it cannot be caught from another person.",
        "partly": "Partly. Only some forms or causes of {label} are contagious.",
        "uncertain": "Uncertain. The sources do not settle whether {label} is contagious.",
    },
    "inherited": {
        "yes": "Yes. {label} is inherited: it is caused by a gene variant passed from parent to child.",
        "no": "No. {label} is not inherited.",
        "partly": "Partly. {label} can run in families (genes raise the risk), but it is not inherited as such.",
        "uncertain": "Uncertain. The sources do not settle whether {label} is inherited.",
    },
    "curable": {
        "yes": "Yes. {label} can be cured, or goes away for good in most people.",
        "no": "No. {label} cannot be cured: it is long-lasting, and treatment controls it rather than curing it.",
        "partly": "Partly. {label} goes away or can be cured in some people or some forms, not all.",
        "uncertain": "Uncertain. The sources do not settle whether {label} can be cured.",
    },
}
_FAMILY_WORDS = {"contagious": "contagious", "inherited": "inherited", "curable": "curable"}

_PROPERTY = {
    "autoimmune": "an autoimmune disease",
    "immune": "caused by the immune system",
    "allergy": "an allergy",
    "link": "linked to autoimmune disease",
}
MECHANISM_WORDS = {
    "autoimmune": "an autoimmune disease",
    "allergic": "an allergic (immune-mediated, not autoimmune) condition",
    "immune_mediated": "an immune-mediated condition that is not autoimmune",
    "autoinflammatory": "an autoinflammatory condition (innate immune system, not autoimmune)",
    "infectious": "an infection",
    "degenerative": "a degenerative condition",
    "metabolic": "a metabolic condition",
    "genetic": "a genetic condition",
    "nociplastic": "a nociplastic or functional condition (altered pain or organ signalling)",
    "neoplastic": "a cancer or neoplastic condition",
    "other": "a condition of another kind",
}
_SIDE = {  # how each side of a debated classification is introduced in a summary
    "yes": "One view:",
    "no": "Another view:",
    "partly": "Another view:",
    "uncertain": "Another view:",
}
_AUTOIMMUNE_SENTENCE = {
    "yes": "It is an autoimmune disease.",
    "no": "It is not an autoimmune disease.",
    "partly": "Some forms of it are autoimmune and others are not.",
    "uncertain": "Whether it is autoimmune is contested.",
}


def ask(questions: Iterable[str] | str, kb: KnowledgeBase | None = None) -> list[Answer]:
    """The knowledge base's answer to each question, in order."""
    if isinstance(questions, str):
        questions = [questions]
    kb = kb or get_knowledge()
    out: list[Answer] = []
    for text in questions:
        if not text or not text.strip():
            raise InputError(
                'an empty question was given: write it out, e.g. "Is FPIES an autoimmune disease?"'
            )
        out.extend(answer_question(q, kb) for q in parse_questions(text, kb))
    return out


_COMMON: dict[int, tuple[KnowledgeBase, frozenset[str]]] = {}


def _common_words(kb: KnowledgeBase) -> frozenset[str]:
    """Words the knowledge base writes in lower case somewhere mid-sentence ("multiple", "celiac")."""
    cached = _COMMON.get(id(kb))
    if cached is None or cached[0] is not kb:
        words: set[str] = set()
        for rec in kb.records.values():
            for text in (rec.reason, rec.caution or "", *rec.names[1:]):
                words.update(re.findall(r"(?<=[a-z,;] )[a-z][a-z-]+", text))
        cached = _COMMON[id(kb)] = (kb, frozenset(words))
    return cached[1]


def inline(name: str, kb: KnowledgeBase) -> str:
    """A condition name as written mid-sentence: "multiple sclerosis", but "Crohn disease"."""
    first = name.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and first.lower() in _common_words(kb):
        return first.lower() + name[len(first) :]
    return name


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _is_letters(subject: str | None, kb: KnowledgeBase) -> TypeGuard[str]:
    return (
        subject is not None
        and bool(subject)
        and " " not in subject.strip()
        and bool(kb.terms.readings(subject.strip()))
    )


def _label(name: str, record: ConditionRecord | None, used: str | None) -> str:
    """The name with the abbreviation a reader would recognise: the one they typed, else its own."""
    if record is None:
        return name
    shorts = [a.short for a in record.abbreviations]
    if used and used in shorts:
        return f"{name} ({used})"
    plain = [a.short for a in record.abbreviations if not a.ambiguous and aligns(a.short, name)]
    return f"{name} ({plain[0]})" if plain else name


def _readings(subject: str | None, cid: str, predicate: str, kb: KnowledgeBase) -> list[dict]:
    """The other conditions (and outside meanings) that the letters in the question can stand for."""
    if not _is_letters(subject, kb):
        return []
    short = subject.strip()
    out: list[dict] = []
    seen = {cid}
    for other in kb.terms.readings(short):
        if other in seen:
            continue
        seen.add(other)
        rec = kb.record(other)
        out.append(
            {
                "id": other,
                "name": kb.name(other),
                # the families' verdicts live in the property data: without it every other
                # reading of the letters was said to be "unknown" for contagious, inherited, curable
                "verdict": verdict_for(rec, predicate, kb.records, kb.properties)
                if rec
                else "unknown",
            }
        )
    names = {r["name"].lower() for r in out} | {kb.name(cid).lower()}
    for rec in filter(None, (kb.record(i) for i in (cid, *seen))):
        for ab in rec.abbreviations:
            if ab.short.upper() == short.upper():
                for meaning in ab.also:
                    if meaning.lower() not in names:
                        names.add(meaning.lower())
                        out.append({"id": None, "name": meaning, "verdict": None})
    return out


def _readings_sentence(
    short: str, name: str, readings: list[dict], verdict: str, kb: KnowledgeBase
) -> str:
    if not readings:
        return ""
    others = _join([inline(r["name"], kb) for r in readings])
    text = f"{short} usually stands for {inline(name, kb)}; it can also mean {others}."
    for r in readings:
        if r["id"] and r["verdict"] not in (verdict, None):
            text += f" If you meant {inline(r['name'], kb)}, the answer is {r['verdict']}."
    return text


def _link_details(record: ConditionRecord, kb: KnowledgeBase) -> list[dict]:
    return [
        {
            "id": a.condition,
            "name": kb.name(a.condition),
            "relation": a.relation,
            "evidence": a.evidence,
            "verdict": kb.records[a.condition].autoimmune,
        }
        for a in autoimmune_links(record, kb.records)
    ]


def _link_sentence(links: list[dict], kb: KnowledgeBase) -> str:
    parts = [
        f"{RELATIONS[link['relation']]} {inline(link['name'], kb)} ({link['evidence']})"
        for link in links[:4]
    ]
    return f"it {'; '.join(parts)}."


def _holds(cid: str, kb: KnowledgeBase) -> str:
    """What the knowledge base says about a condition, in one or two sentences."""
    record = kb.record(cid)
    name = kb.name(cid)
    if record is None:
        return f"{name} is in the terminology, but the knowledge base has no curated record for it."
    parts = [
        f"autoimmune: {record.autoimmune}",
        f"an allergy: {record.allergy_verdict}",
    ]
    for family in FAMILIES:
        p = kb.property(cid, family)
        if p is not None:
            parts.append(f"{_FAMILY_WORDS[family]}: {p.verdict}")
    return (
        f"What the knowledge base holds on {inline(name, kb)}: it is {MECHANISM_WORDS[record.mechanism]}"
        f" ({'; '.join(parts)})."
    )


def _not_judged(question: Question, kb: KnowledgeBase) -> Answer:
    """``unknown`` for a question not understood or declined: what healthlens answers instead."""
    cid = question.concept_id
    if question.link_between:
        head = _between_sentence(*question.link_between, kb)
        cid = None  # the sentence says what the knowledge base holds on both
    elif question.declined:
        head = f"Not judged. {DECLINED_SENTENCES[question.declined]}"
    else:
        head = "Not understood: healthlens does not recognise this form of question."
    summary = " ".join(filter(None, [head, UNDERSTOOD_FORMS, _holds(cid, kb) if cid else ""]))
    cid = question.concept_id
    record = kb.record(cid)
    return Answer(
        question.text,
        cid,
        kb.name(cid) if cid else None,
        "unknown",
        summary,
        mechanism=record.mechanism if record else None,
        predicate=None,
        understood=False,
        declined=question.declined,
    )


def _between_sentence(x: str, y: str, kb: KnowledgeBase) -> str:
    """ "Is X linked to Y?": why it is not judged, what the knowledge base records between the
    two, and the question about X it does answer."""
    xn, yn = inline(kb.name(x), kb), inline(kb.name(y), kb)
    parts = [
        f"Not judged: healthlens answers whether a condition is linked to autoimmune disease in "
        f"general, not whether two named conditions ({xn} and {yn}) are linked to each other."
    ]
    recorded: list[str] = []
    for a, b in ((x, y), (y, x)):  # the reverse only when the first records nothing
        rec = kb.record(a)
        recorded = recorded or [
            f"{inline(kb.name(a), kb)} {RELATIONS[link.relation]} {inline(kb.name(b), kb)} "
            f"({link.evidence} evidence)"
            for link in (rec.associations if rec else [])
            if link.condition == b and link.is_link
        ]
    if recorded:
        parts.append(f"The knowledge base records that {'; and that '.join(recorded)}.")
    else:
        parts.append(
            f"The knowledge base records no link between {xn} and {yn}; that does not mean there is none."
        )
    target = kb.record(y)
    if target is not None and target.autoimmune == "yes" and kb.record(x) is not None:
        parts.append(
            f"{kb.name(y)} is an autoimmune disease; “Is {kb.name(x)} linked to autoimmune "
            f"disease?” is a question healthlens answers."
        )
    return " ".join(parts)


def _family_answer(
    question: Question, record: ConditionRecord, label: str, kb: KnowledgeBase
) -> Answer:
    family = question.predicate
    assert family is not None  # called for an understood question only
    cid = record.id
    p = kb.property(cid, family)
    if p is None:
        return Answer(
            question.text,
            cid,
            kb.name(cid),
            "unknown",
            f"Not known: the knowledge base has no sourced verdict yet on whether {inline(label, kb)} "
            f"is {_FAMILY_WORDS[family]}. {_holds(cid, kb)}",
            mechanism=record.mechanism,
            predicate=family,
            read_as=question.read_as,
        )
    lead = _FAMILY_LEAD[family][p.verdict].format(label=label)
    return Answer(
        question.text,
        cid,
        kb.name(cid),
        cast(Verdict, p.verdict),  # the loader holds it to VERDICTS
        " ".join(filter(None, [lead, p.reason])),
        p.reason,
        p.caution,
        record.mechanism,
        [s.to_dict() for s in p.sources],
        family,
        read_as=question.read_as,
        basis=p.basis,
    )


def _read_as(question: Question) -> str:
    return f"Read as: {question.read_as}." if question.read_as else ""


def _first_sentence(text: str) -> str:
    m = re.search(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", text)
    return text[: m.start() + 1] if m else text


def _define(
    answer: Answer,
    question: Question,
    record: ConditionRecord,
    name: str,
    label: str,
    letters: str | None,
    readings: list[dict],
    kb: KnowledgeBase,
) -> Answer:
    """The answer to "What is X?": what the letters stand for (and may also mean), other names,
    the mechanism class and the record's first sentence of reason."""
    if letters:
        opening = f"{letters} stands for {inline(name, kb)}."
        if readings:
            opening = f"{letters} usually stands for {inline(name, kb)}; it can also mean {_join([inline(r['name'], kb) for r in readings])}."
    elif question.subject and question.subject.strip().lower() != name.lower():
        opening = f"{question.subject.strip()[:1].upper()}{question.subject.strip()[1:]} refers to {inline(label, kb)}."
    else:
        opening = f"{label}."
    also = [s for s in record.synonyms if s.lower() != name.lower()][:3]
    called = f"Also called {_join([inline(a, kb) for a in also])}." if also else ""
    kind = f"It is {MECHANISM_WORDS[record.mechanism]}."
    answer.verdict = "defined"
    answer.summary = " ".join(
        filter(
            None,
            [_read_as(question), opening, called, kind, _first_sentence(record.reason)],
        )
    )
    answer.definition = {
        "term": question.subject,
        "stands_for": name if letters else None,
        "name": name,
        "synonyms": list(record.synonyms),
        "mechanism": record.mechanism,
        "mechanism_label": MECHANISM_WORDS[record.mechanism],
        "autoimmune": record.autoimmune,
        "markers": list(record.markers),
    }
    answer.caution = record.caution
    return answer


def answer_question(question: Question, kb: KnowledgeBase) -> Answer:
    """Verdict, reason and sources for a parsed question; ``unknown`` when the KB does not cover it
    or the question is not one healthlens answers. A part of the question healthlens does not
    judge ("or an infection", "to medication") is named in the summary, never answered."""
    answer = _answer(question, kb)
    if question.unjudged and question.understood:
        answer.unjudged = list(question.unjudged)
        answer.summary = f"{answer.summary} {_unjudged_sentence(question)}".strip()
    return answer


def _unjudged_sentence(question: Question) -> str:
    """ "This answers whether X is an allergy; healthlens does not judge the rest of the
    question: “to aspergillus”, “or an infection”." """
    asked = " and ".join(
        _ASKED.get(p, p) for p in (question.predicate, *question.also) if p is not None
    )
    rest = ", ".join(f"“{part}”" for part in question.unjudged)
    return (
        f"This answers only whether {question.subject} is {asked}; healthlens does not judge the "
        f"rest of the question: {rest}."
    )


# the property asked about, as "whether X is ..." ends
_ASKED = {
    "autoimmune": "autoimmune",
    "allergy": "an allergy",
    "immune": "caused by the immune system",
    "link": "linked to autoimmune disease",
    "contagious": "contagious",
    "inherited": "inherited",
    "curable": "curable",
}


def _answer(question: Question, kb: KnowledgeBase) -> Answer:
    if not question.understood or question.predicate is None:
        return _not_judged(question, kb)
    predicate = question.predicate
    cid = question.concept_id
    if cid is None:
        return _no_condition(question, predicate)
    record = kb.record(cid)
    name = kb.name(cid)
    readings = _readings(question.subject, cid, predicate, kb)
    letters = question.subject.strip() if _is_letters(question.subject, kb) else None
    if record is None:
        return _terminology_only(question, predicate, cid, name, readings, kb)
    label = _label(name, record, letters)
    if (
        letters
        and predicate != "definition"
        and (split := _readings_disagree(question, cid, predicate, readings, kb))
    ):
        return split
    if predicate in FAMILIES:
        return _property_answer(question, record, name, label, letters, readings, kb)
    verdict = verdict_for(record, predicate, kb.records)
    answer = Answer(
        question.text,
        cid,
        name,
        cast(Verdict, verdict),  # verdict_for gives one of the records' VERDICTS
        "",
        record.reason,
        None,
        record.mechanism,
        [s.to_dict() for s in record.sources],
        predicate,
        readings=readings,
        read_as=question.read_as,
    )
    if predicate == "definition":
        return _define(answer, question, record, name, label, letters, readings, kb)
    lead_in = _readings_sentence(letters, name, readings, verdict, kb) if letters else ""
    lead = _lead(predicate, verdict, label, record)
    if predicate == "link":
        answer.associations = _link_details(record, kb)
        lead = _link_lead(lead, verdict, label, record, answer.associations, kb)
    debate = ""
    if predicate == "autoimmune" and record.debated:
        answer.debate = [p.to_dict() for p in record.debated]
        debate = _debate_sentence(record)
    answer.summary = " ".join(
        filter(None, [_read_as(question), lead_in, lead, record.reason, debate])
    )
    if _shows_caution(predicate, verdict, record):
        answer.caution = record.caution
    return answer


# -- letters whose readings get opposite answers ------------------------------------------------
# "Is HP contagious?" got hypersensitivity pneumonitis's "No" (the letters' first reading), with
# "If you meant Helicobacter pylori infection, the answer is yes" after it; "Is MFS genetic?" got
# Marfan syndrome's "Yes" where Miller Fisher syndrome's is "No", "Is CAD autoimmune?" coronary
# artery disease's "No" where cold agglutinin disease's is "Yes", "Is AD caused by the immune
# system?" Alzheimer disease's "No" where atopic dermatitis's is "Yes". Which reading a searcher
# means is not in the letters (lay searchers write "HP" for H. pylori far more than for the lung
# disease), and the headline verdict answers another question for every reader who meant the
# other one, in the one family where the two say opposite things. Where a curated reading's
# verdict for the family is "yes" and another's "no", no verdict is given: the answer is unknown
# and names each reading with its answer, so the reader picks theirs. Readings that do not
# contradict each other ("partly" beside "yes", a reading with no record) keep the first
# reading's verdict, with the others named as before.
def _readings_disagree(
    question: Question, cid: str, predicate: str, readings: list[dict], kb: KnowledgeBase
) -> Answer | None:
    """``unknown`` where the letters' readings get opposite answers (the block's comment); else
    None."""
    record = kb.record(cid)
    if record is None:
        return None
    first = verdict_for(record, predicate, kb.records, kb.properties)
    opposite = [r for r in readings if r["id"] and {first, r["verdict"]} == {"yes", "no"}]
    if not opposite:
        return None
    letters = (question.subject or "").strip()
    each = "; ".join(
        f"for {inline(n, kb)}, {v}"
        for n, v in [(kb.name(cid), first), *((r["name"], r["verdict"]) for r in opposite)]
    )
    return Answer(
        question.text,
        None,
        None,
        "unknown",
        f"Not known: {letters} stands for {inline(kb.name(cid), kb)} or "
        f"{_join([inline(r['name'], kb) for r in opposite])}, whose answers to this question "
        f"are opposite ({each}). Ask again with the condition's full name.",
        predicate=predicate,
        readings=readings,
    )


def _no_condition(question: Question, predicate: str) -> Answer:
    """``unknown``: the question names no condition the knowledge base or terminology knows."""
    subject = question.subject or question.text
    why = (
        f"Not known: {question.unresolved}."
        if question.unresolved
        else f"Not known: the knowledge base has no condition matching “{subject}”."
    )
    return Answer(question.text, None, None, "unknown", why, predicate=predicate)


def _terminology_only(
    question: Question,
    predicate: str,
    cid: str,
    name: str,
    readings: list[dict],
    kb: KnowledgeBase,
) -> Answer:
    """``unknown``: the condition is named in the terminology (ICD-10-CM, an ontology) but has no
    curated record, so there is no sourced verdict to give."""
    concept = kb.concept(cid)
    codes = ", ".join(concept.codes) if concept and concept.codes else ""
    where = f" (ICD-10-CM {codes})" if codes else ""
    return Answer(
        question.text,
        cid,
        name,
        "unknown",
        f"Not known: {name}{where} is in the terminology, but the knowledge base has no curated, sourced verdict for it.",
        predicate=predicate,
        readings=readings,
    )


def _property_answer(
    question: Question,
    record: ConditionRecord,
    name: str,
    label: str,
    letters: str | None,
    readings: list[dict],
    kb: KnowledgeBase,
) -> Answer:
    """Contagious, inherited, curable: the property data's answer, led by the other readings of
    the letters asked about."""
    answer = _family_answer(question, record, label, kb)
    answer.readings = readings
    lead_in = _readings_sentence(letters, name, readings, answer.verdict, kb) if letters else ""
    answer.summary = " ".join(filter(None, [_read_as(question), lead_in, answer.summary]))
    return answer


def _lead(predicate: str, verdict: str, label: str, record: ConditionRecord) -> str:
    """The summary's first sentence: the verdict on the property asked about, in words."""
    prop = _PROPERTY.get(predicate, "an autoimmune disease")
    return {
        "yes": f"Yes. {label} is {prop}.",
        "no": f"No. {label} is not {prop}; it is {MECHANISM_WORDS[record.mechanism]}.",
        "partly": f"Partly. Some forms of {label} are {prop}, others are not.",
        "uncertain": f"Uncertain. Whether {label} is {prop} is contested.",
        "unknown": f"Not known: the knowledge base records nothing on whether {label} is {prop}.",
    }[verdict]


def _link_lead(
    lead: str,
    verdict: str,
    label: str,
    record: ConditionRecord,
    associations: list[dict],
    kb: KnowledgeBase,
) -> str:
    """ "Is X linked to autoimmune disease?": yes when X is itself autoimmune (in some forms), else
    the recorded links to autoimmune conditions; ``lead`` when neither says more."""
    if record.autoimmune in ("yes", "partly"):
        itself = (
            "an autoimmune disease"
            if record.autoimmune == "yes"
            else "autoimmune in some of its forms"
        )
        return f"Yes. {label} is itself {itself}."
    if associations:
        # an uncertain verdict rests on limited evidence: "it is linked" under "Uncertain" would
        # state the link the verdict doubts
        if verdict == "yes":
            return (
                f"Yes. {label} is not autoimmune itself, but it is linked to autoimmune disease: "
                + _link_sentence(associations, kb)
            )
        return (
            f"Uncertain. {label} is not autoimmune itself; a link to autoimmune disease is "
            "reported, on limited evidence: " + _link_sentence(associations, kb)
        )
    if verdict == "unknown":
        return (
            f"Not known: the knowledge base records no link between {inline(label, kb)} and an autoimmune disease; "
            f"it is not autoimmune itself."
        )
    return lead


def _debate_sentence(record: ConditionRecord) -> str:
    """Each side of a debated classification, introduced as such."""
    return "The classification is debated: " + " ".join(
        f"{_SIDE[p.verdict]} {p.view}" for p in record.debated
    )


def _shows_caution(predicate: str, verdict: str, record: ConditionRecord) -> bool:
    """The record's caution goes with a contested verdict (partly, uncertain), with every
    autoimmune or link question, and with any question about an autoimmune condition."""
    return (
        verdict in ("partly", "uncertain")
        or predicate in ("autoimmune", "link")
        or record.mechanism == "autoimmune"
    )
