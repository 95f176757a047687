"""Claims: what the page states about a condition being autoimmune (or an allergy).

Each claim ties a condition mention to a property keyword in the same sentence and says how:
- ``copula``: "X is (not) an autoimmune disease", "X does not fit into the autoimmune category";
- ``example``: "autoimmune diseases like X, Y and Z", "Typical examples include X" after a sentence
  that defines autoimmune disease;
- ``other``: "people with X often have other autoimmune diseases" (X is implied to be one);
- ``contrast``: "unlike autoimmune diseases, X ...", "no evidence of ... autoimmune ... in X";
- ``link``: "a link between X and autoimmune disease", "X is associated with autoimmunity";
- ``pronoun``: "It is not autoimmune" in a page about X.
Questions ("Is X autoimmune?", "... whether X is autoimmune") are not claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..fastmatch import fold_text, scanner
from ..knowledge import KnowledgeBase
from ..models import Claim, Mention, Sentence

__all__ = ["find_claims", "KEYWORDS"]

KEYWORDS = {
    "autoimmune": re.compile(
        r"\bauto-?immun\w*|\b(?:the )?immune system\s+(?:mistakenly\s+|wrongly\s+|erroneously\s+)?(?:attacks?|attacking|targets?|turns? on)\b",
        re.I,
    ),
    "allergy": re.compile(r"\ballerg(?:y|ies|ic)\b|\bhypersensitivity\b", re.I),
    "immune": re.compile(
        r"\bimmune[- ]mediated\b|\b(?:caused|driven|triggered) by (?:the |an? )?(?:body['’]s )?(?:immune system|immune response|immune reaction)\b",
        re.I,
    ),
}
_QUESTION_START = re.compile(
    r"^\W*(is|are|can|could|does|do|should|will|would|has|have|was|were)\b", re.I
)
_WHETHER = re.compile(r"\b(whether|if)\b[^,;]*$", re.I)
_NEGATION = re.compile(
    r"\b(not|no|never|neither|nor|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|doesn['’]t|don['’]t|didn['’]t|"
    r"cannot|can['’]t|rather than|instead of|myth|misconception|mistaken(?:ly)?|wrongly|incorrect(?:ly)?|"
    r"different (?:\w+ )?from|distinct from|separate from|as opposed to|other than)\b",
    re.I,
)
_CONTRAST = re.compile(
    r"\b(unlike|no evidence|not|isn['’]t|is not|aren['’]t|are not|none of)\b", re.I
)
_HEDGE = re.compile(
    r"\b(may|might|could|possibl[ey]|perhaps|potential(?:ly)?|suggests?|suggesting|suggested|appears? to|seems? to|"
    r"(?<!more )(?<!less )likely|unclear|uncertain|debated?|controversial|contested|hypothes[ie]s|theor(?:y|ies|i[sz]e)|"
    r"some (?:researchers|experts|scientists|doctors|people|studies)|thought(?: to| be)?|believed?|probably|perhaps|speculat\w+|"
    r"emerging|preliminary|further research|more research|being studied|investigat\w+|explor\w+|question(?:ed)? whether|"
    r"as far as (?:I|we) know|premature|too early|depends on|unproven|not (?:yet )?(?:known|clear|settled|proven)|"
    r"open question|nobody knows|no one knows)\b",
    re.I,
)
_LINK = re.compile(
    r"\b(link(?:ed|s|age)?|connect(?:ed|ion|ions)|associat(?:ed|ion|ions)|relat(?:ed|ionship)|overlap\w*|"
    r"co-?occur\w*|coexist\w*|comorbid\w*|shares?|shared|accompan\w+|risk|predispos\w+|triggers?|triggered|"
    r"rates? of|more likely to (?:have|develop|get)|more common|higher chance)\b",
    re.I,
)
_COPULA = re.compile(
    r"^['’]s\b|\b(is|are|was|were|be|being|been|isn['’]t|aren['’]t|count(?:s|ed)? as|classified|considered|qualif\w+|"
    r"regarded|categori[sz]ed|recogni[sz]ed|labell?ed|classed|type of|kind of|form of|fits?|belongs?|caused by)\b",
    re.I,
)
_EXAMPLE = re.compile(
    r"\b(like|such as|including|includes?|included|e\.g\.|for example|for instance|namely)\b", re.I
)
_EXAMPLES_START = re.compile(r"^\W*(?:\w+\s+){0,2}examples?\s+(?:include|are|of which)\b", re.I)
_OTHER_END = re.compile(
    r"\b[o]ther\s+(?:\w+\s+)?$"
)  # lower case: a capitalised "Other" opens a new list item
_LIST_FILLER = re.compile(r"^[\s,;/&]*(?:(?:and|or|the|as well as|plus)\b[\s,;/&]*)*$", re.I)
_CLAUSE_BREAK = re.compile(
    r";|:|\.\s|\bbut\b|\bwhereas\b|\bhowever\b|\balthough\b|\bthough\b", re.I
)
_SUBORDINATE = re.compile(
    r"\b(?:while|whilst|although|though|whereas|if|when|because|since|unless)\b", re.I
)
_COORDINATION = re.compile(r"^\s*(?:,|and|or|&|/|vs\.?|versus)\s*$", re.I)
_PARTLY = re.compile(
    r"\b(some (?:forms|types|cases|kinds|subtypes)|partly|partially|in some (?:people|patients|cases)|a subset|"
    r"rarely|sometimes|occasionally|in rare cases|can be|may be caused|most cases|many cases|majority of cases|"
    r"(?:up to |about |around |nearly |over )?\d+(?:\.\d+)?\s?(?:percent|%) of)\b",
    re.I,
)
_HEDGE_TAIL = re.compile(
    r"^[^.;:]{0,40}?\b(?:as far as (?:I|we) know|I think|I believe|probably|perhaps|maybe|possibly)\b",
    re.I,
)
_HEDGE_AFTER = re.compile(
    r"^[\w\s-]{0,40}?\b(?:have been|has been|were|was|are|is)\s+(?:\w+\s+)?(?:suggested|proposed|suspected|hypothesi[sz]ed|debated|questioned|investigated|studied)\b",
    re.I,
)
_PRONOUN = re.compile(
    r"\W*(?:(?:but|so|thus|therefore|however|in short|in conclusion|in summary|overall|in fact|again|and)\W+)?(it|this condition|this disease|this disorder|the condition|the disease|the disorder)\b",
    re.I,
)
_APPOSITIVE = re.compile(
    r"^\s*[,(—–-]\s*(?:an?|the)\s*(?:\w+\s+)?$", re.I
)  # "X, an autoimmune disease"
_IS_A = re.compile(
    r"^\s*(?:is|are|was|were)\s+(?:\w+\s+){0,2}?(?:an?|the)?\s*(?:\w+\s+)?$", re.I
)  # "X is basically a COND"
_NOT_RIGHT_BEFORE = re.compile(r"\b(?:not|non-?|never)\s*(?:an?\s+|the\s+)?(?:\w+\s+)?$", re.I)
_CAUSATIVE = re.compile(
    r"\b(?:make|makes|made|making|consider|considers|considered|call|calls|called|calling|classify|classifies|label|labels|deem|deems)\s+$",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:told|tells|telling|heard|myth|misconception|rumou?r|false claim|claims? that|insists?|convinced|"
    r"(?:friend|neighbou?r|someone|people|everyone|relative|mom|dad|mother|father|they|he|she|others)\s+(?:\w+\s+)?(?:said|says|told|thinks?|believes?|claims?|insists?))\b",
    re.I,
)
_ANSWER = re.compile(
    r"^\W*(?:(?:the|my|our)\s+)?(?:(?:short|simple|quick|honest|brief)\s+)?(?:answer\s*(?:is|:)\s*[:,]?\s*)?(yes|no)\s*(?:[.,!:;—–-]|$)",
    re.I,
)
_MODIFIER = re.compile(
    r"\s+(?:tests?|testing|panels?|work-?up|screen(?:ing)?|medicines?|medications?|drugs?|clinic|specialists?|doctors?|"
    r"season|shots?|drops|sprays?|pills?|markers?|blood tests?|labs?|research|researchers|experts?|community|groups?)\b",
    re.I,
)
_NAMING = re.compile(
    r"\b(?:is|are)\s+(?:also\s+)?(?:called|known as|named|termed|referred to as)\b", re.I
)
_SUBTYPE_BEFORE = re.compile(
    r"\b(?:this|that|these|those|one|some|certain|another|each)\s+(?:\w+\s+)?(?:kind|kinds|type|types|form|forms|subtype|subtypes|variety)\s+of\s+$",
    re.I,
)
ANSWER_WINDOW = 3  # sentences after a question in which "Yes."/"No."/"It is ..." answer it
_MAX_WORDS = 12
# patterns used on every page, compiled once
_WHETHER_WORD = re.compile(r"\b(whether|if)\b", re.I)
_COPULA_END = re.compile(r"\b(is|are)\s+(?:an?\s+)?(?:\w+\s+)?$")
_BARE_OBJECT = re.compile(r"[\s,]*(?:itself|themselves|an?|the)?[\s,]*", re.I)
_CLAUSE_END = re.compile(r";|\.\s")
_ABOUT_IT = re.compile(r"^\W*(?:is|are|was)\s+(?:it|this|this condition|this disease)\b", re.I)


@dataclass(slots=True)
class _Key:
    start: int
    end: int


def _words(s: str) -> int:
    return len(s.split())


def _clause_start(text: str, pos: int) -> int:
    start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, pos):
        start = m.end()
    comma = text.rfind(",", start, pos)
    # commas only separate a leading clause ("While X is ..., Y") when a subordinator opened it
    return start if comma < 0 else start


def _others_between(others: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
    return [(x, y) for x, y in others if x >= a and y <= b]


def _mask(text: str, spans: list[tuple[int, int]], offset: int) -> str:
    """``text`` with the given (absolute-offset) spans replaced by a placeholder word."""
    out, last = [], 0
    for x, y in sorted(spans):
        out.append(text[last : x - offset])
        out.append("COND")
        last = y - offset
    out.append(text[last:])
    return "".join(out)


def _classify(
    text: str, m: Mention, k: _Key, s0: int, others: list[tuple[int, int]]
) -> tuple[str, str, bool] | None:
    """(polarity, basis, hedged) for one mention and one keyword in the same sentence, or None.

    ``others`` are the spans (absolute offsets) of the sentence's other condition mentions.
    """
    ms, me = m.start - s0, m.end - s0
    if me <= k.start:
        return _subject_first(text, ms, me, k, _others_between(others, m.end, s0 + k.start), m.end)
    if k.end <= ms:
        return _keyword_first(text, ms, k, _others_between(others, s0 + k.end, m.start), s0)
    return None


def _subject_first(
    text: str, ms: int, me: int, k: _Key, inside: list, abs_me: int
) -> tuple[str, str, bool] | None:
    """Mention before keyword: "X is not autoimmune", "X ... other autoimmune diseases"."""
    between = _mask(text[me : k.start], inside, abs_me)
    if _CLAUSE_BREAK.search(between):
        return None
    if inside:
        # another condition stands between: it, not this one, is the subject, unless this mention
        # opens a list ("X, Y and Z are autoimmune") or is said to be that condition ("X is a Y, which ...")
        lead = between[: between.find("COND")]
        is_a = bool(_IS_A.match(lead))
        if not (_LIST_FILLER.match(lead) or is_a):
            return None
        between = between[between.rfind("COND") + 4 :]
    else:
        is_a = False
    if _words(between) > _MAX_WORDS:
        return None
    cstart = _clause_start(text, ms)
    before = text[cstart:ms]
    if _WHETHER.search(before) or _WHETHER_WORD.search(between) or _REPORTED.search(before[-80:]):
        return None
    if _SUBORDINATE.search(before) and "," in between:
        return None  # "While X is a digestive problem, a milk allergy is ...": the keyword is in the main clause
    after = text[k.end : k.end + 60]
    hedged = bool(
        _HEDGE.search(before[-60:])
        or _HEDGE.search(between)
        or _HEDGE_AFTER.match(after)
        or _HEDGE_TAIL.search(after)
    )
    negated = bool(_NEGATION.search(between) or _NEGATION.search(before[-50:]))
    if _OTHER_END.search(between):
        return ("deny" if negated else "affirm", "other", hedged)
    if _COORDINATION.match(between):
        around = text[max(cstart, ms - 40) : ms] + " " + text[k.end : k.end + 40]
        if _LINK.search(around) and not negated:
            return ("link", "link", hedged)
        return None
    if _LINK.search(between) and not _COPULA_END.search(between):
        return None if negated else ("link", "link", hedged)
    cop = None
    for cop in _COPULA.finditer(between):
        pass
    near = (cop is not None and _words(between[cop.end() :]) <= 4) or (
        (cop is not None or is_a) and bool(_NOT_RIGHT_BEFORE.search(between))
    )
    causative = bool(_BARE_OBJECT.fullmatch(between))
    causative = causative and bool(_CAUSATIVE.search(before))
    if near or causative or _APPOSITIVE.match(between):
        if _PARTLY.search(before + between):
            return ("partly", "copula", hedged)
        return ("deny" if negated else "affirm", "copula", hedged)
    return None


def _keyword_first(
    text: str, ms: int, k: _Key, inside: list, s0: int
) -> tuple[str, str, bool] | None:
    """Keyword before mention: "autoimmune diseases like X", "unlike autoimmune diseases, X"."""
    between = _mask(text[k.end : ms], inside, s0 + k.end)
    if _words(between) > _MAX_WORDS or _CLAUSE_END.search(between):
        return None
    cstart = _clause_start(text, k.start)
    before_k = text[cstart : k.start]
    if _REPORTED.search(before_k[-80:]):
        return None
    hedged = bool(_HEDGE.search(before_k[-60:]) or _HEDGE.search(between))
    ex = _EXAMPLE.search(between)
    if ex is not None and _words(between[: ex.start()]) <= 2:
        if _LIST_FILLER.match(between[ex.end() :].replace("COND", "")):
            # "non-autoimmune conditions such as X", "conditions that are not autoimmune, like X"
            negated = bool(
                _NOT_RIGHT_BEFORE.search(before_k) or _NEGATION.search(between[: ex.start()])
            )
            return ("deny" if negated else "affirm", "example", hedged)
    if inside:
        return None
    if _LINK.search(between):  # "autoimmune diseases are linked to X", "... higher risk of X"
        if _NEGATION.search(between) or _NEGATION.search(before_k[-30:]):
            return None
        return ("link", "link", hedged)
    contrast = _CONTRAST.search(before_k[-60:])
    if contrast and _words(before_k[contrast.start() :]) <= 9 and not _CLAUSE_BREAK.search(between):
        return ("deny", "contrast", hedged)
    return None


_ALLERG = re.compile(r"allerg", re.I)


def _keywords(
    text: str, predicate: str, mentions: list[Mention], s0: int, kb: KnowledgeBase
) -> list[_Key]:
    spans = [(m.start - s0, m.end - s0) for m in mentions]
    keys = []
    for km in scanner(KEYWORDS[predicate]).finditer(text):
        if any(a <= km.start() < b for a, b in spans) or _MODIFIER.match(text, km.end()):
            continue  # inside a condition name, or a modifier ("allergy tests", "autoimmune panel")
        keys.append(_Key(km.start(), km.end()))
    if (
        predicate == "allergy"
    ):  # "FPIES is a type of food allergy": an allergic condition named as the class
        for m in mentions:
            rec = kb.record(m.concept_id)
            if rec is not None and rec.is_allergy and _ALLERG.search(m.text):
                keys.append(_Key(m.start - s0, m.end - s0))
    return keys


def find_claims(
    sentences: list[Sentence],
    mentions: list[Mention],
    kb: KnowledgeBase,
    main_condition: str | None,
    page_text: str | None = None,
) -> list[Claim]:
    """The page's claims, sentence by sentence. ``page_text``: the page the sentences are slices of;
    with it, the sentences holding a keyword of each predicate are found in one pass per
    predicate, and the others skip the keyword search (they have none)."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    claims: list[Claim] = []
    prev_defines: dict[str, bool] = {p: False for p in KEYWORDS}
    asked: tuple[str, str] | None = (
        None  # (condition, predicate) of the last question the page asked
    )
    asked_at = -1
    last_named: str | None = main_condition
    with_key = (
        {p: scanner(KEYWORDS[p]).matching(page_text, sentences) for p in KEYWORDS}
        if page_text is not None
        else None
    )
    for s in sentences:
        text = s.text
        ms = by_sentence.get(s.index, [])
        if ms:
            last_named = ms[-1].concept_id
        question = text.rstrip().endswith("?") or bool(_QUESTION_START.match(text))
        if asked is not None and s.index - asked_at > ANSWER_WINDOW:
            asked = None  # an answer comes right after its question, not anywhere further down
        if question:
            got = _asked(text, ms, last_named, kb)
            if got:
                asked, asked_at = got, s.index
        elif asked is not None and (a := _ANSWER.match(text)):
            # "Is X autoimmune? — No." / "The short answer is yes": the page answers its own question
            polarity = "affirm" if a.group(1).lower() == "yes" else "deny"
            claims.append(
                Claim(
                    s.index,
                    s.start + a.start(1),
                    s.start + a.end(1),
                    asked[0],
                    asked[1],
                    polarity,
                    False,
                    basis="answer",
                )
            )
            asked = None
        for predicate in KEYWORDS:
            if (
                with_key is None
                or id(s) in with_key[predicate]
                or predicate == "allergy"
                and any(_ALLERG.search(m.text) for m in ms)
            ):
                keys = _keywords(text, predicate, ms, s.start, kb)
            else:
                keys = []  # no keyword in the sentence, and no allergic condition named as the class
            defines = bool(keys) and not ms and not question
            if question:
                prev_defines[predicate] = False
                continue
            if not keys:
                # "Typical examples include A, B and C." right after a sentence that defines the class
                if prev_defines[predicate] and ms and _EXAMPLES_START.match(text):
                    for m in ms:
                        claims.append(
                            Claim(
                                s.index,
                                m.start,
                                m.end,
                                m.concept_id,
                                predicate,
                                "affirm",
                                False,
                                basis="example",
                            )
                        )
                prev_defines[predicate] = False
                continue
            prev_defines[predicate] = defines
            best: dict[tuple[str, str], tuple[int, Claim]] = {}
            spans = [(x.start, x.end) for x in ms]
            for m in ms:
                if predicate == "allergy" and any(k.start == m.start - s.start for k in keys):
                    continue
                if any(0 <= (m.start - s.start) - k.end <= 1 for k in keys) or KEYWORDS[
                    predicate
                ].search(m.text):
                    continue  # "autoimmune myocarditis" names the autoimmune form, it claims nothing
                if _SUBTYPE_BEFORE.search(text, 0, m.start - s.start):
                    continue  # "this kind of diabetes": a subtype the sentence does not name
                others = [sp for sp in spans if sp != (m.start, m.end)]
                for k in keys:
                    got = _classify(text, m, k, s.start, others)
                    if got is None:
                        continue
                    polarity, basis, hedged = got
                    distance = abs((m.start - s.start) - k.start)
                    claim = Claim(
                        s.index,
                        m.start,
                        m.end,
                        m.concept_id,
                        predicate,
                        polarity,
                        hedged,
                        basis=basis,
                    )
                    key = (m.concept_id, polarity)
                    if key not in best or distance < best[key][0]:
                        best[key] = (distance, claim)
            claims.extend(c for _, c in sorted(best.values(), key=lambda x: x[1].start))
            # "Is Sjogren's autoimmune? ... It's autoimmune.": a pronoun right after a question means its condition
            referent = asked[0] if asked is not None else main_condition
            if keys and (referent or ms):
                claims.extend(_pronoun_claims(s, text, ms, keys, predicate, referent))
    return claims


def _pronoun_claims(
    s: Sentence, text: str, ms: list[Mention], keys: list[_Key], predicate: str, main: str | None
) -> list[Claim]:
    """Claims whose subject is a pronoun opening a clause ("..., but it is not autoimmune"):
    it refers to the last condition named before it in the sentence, else the page's main condition."""
    out = []
    if _NAMING.search(text):
        return out  # "This condition, which is not autoimmune, is called X": the pronoun points forward
    starts = [0] + [b.end() for b in _CLAUSE_BREAK.finditer(text)]
    for cstart in starts:
        p = _PRONOUN.match(text, cstart)
        if not p:
            continue
        clause_end = next((b.start() for b in _CLAUSE_BREAK.finditer(text, p.end())), len(text))
        if any(p.end() <= m.start - s.start < clause_end for m in ms):
            continue  # the clause names its own subject
        clause_keys = [k for k in keys if p.end() <= k.start < clause_end]
        if not clause_keys:
            continue
        prior = [m for m in ms if m.end - s.start <= cstart]
        subject = prior[-1].concept_id if prior else main
        if subject is None:
            continue
        fake = Mention(
            s.start + p.start(1), s.start + p.end(1), p.group(1), subject, s.index, "reference"
        )
        got = _classify(text, fake, clause_keys[0], s.start, [])
        if got is not None and got[1] in ("copula", "other"):
            out.append(
                Claim(
                    s.index,
                    fake.start,
                    fake.end,
                    subject,
                    predicate,
                    got[0],
                    got[2],
                    basis="pronoun",
                )
            )
    return out


def _asked(
    text: str, ms: list[Mention], prior: str | None, kb: KnowledgeBase
) -> tuple[str, str] | None:
    """(condition, predicate) of a question sentence in one of the reader's forms ("Is EoE an
    autoimmune disease?"), with the condition as linked on this page."""
    from ..question import (
        parse_question,
        question_form,
    )  # the reader's question forms, applied to the page's own questions

    folded = fold_text(text)
    if folded is not None and "immun" not in folded and "allerg" not in folded:
        return None  # every form that asks about a property in KEYWORDS has one of these words
    if (
        question_form(text)[1] not in KEYWORDS
    ):  # cheap: no lookups for "What are the symptoms of X?"
        return None
    q = parse_question(text, kb)
    if q.predicate not in KEYWORDS:
        return None
    if ms:
        return ms[0].concept_id, q.predicate
    if _ABOUT_IT.match(text) and prior:
        return (
            prior,
            q.predicate,
        )  # "Is it caused by the immune system?" about the condition just named
    return None
