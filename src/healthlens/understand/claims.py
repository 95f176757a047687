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
import string
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..fastmatch import fold_text, in_order, scanner
from ..knowledge import KnowledgeBase
from ..limits import (
    MAX_CLAIM_GAP_CHARS,
    MAX_CLAIM_KEYWORDS,
    MAX_CLAUSE_CHARS,
    MAX_SENTENCE_PAIRS,
    checkpoint,
)
from ..models import Claim, ClaimPredicate, Mention, Polarity, Sentence
from ..question import parse_question, question_form
from .vocabulary import HEDGE, NEGATION, cues

__all__ = ["find_claims", "KEYWORDS"]

KEYWORDS: dict[ClaimPredicate, re.Pattern[str]] = {
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
_QUESTION_WORDS = tuple("is are can could does do should will would has have was were".split())
_QUESTION_START = re.compile(rf"^\W*({'|'.join(_QUESTION_WORDS)})\b", re.I)
# ASCII word characters no match of _QUESTION_START opens on: a sentence that starts with one
# (so ``\W*`` takes nothing) is no question of that form, and the pattern is not tried on it
_NO_QUESTION_OPENING = frozenset(string.ascii_letters + string.digits + "_") - {
    c for w in _QUESTION_WORDS for c in (w[0], w[0].upper())
}


def _question_form(text: str) -> bool:
    """Whether a sentence asks: it ends with "?", or opens as a question (``_QUESTION_START``)."""
    return text.rstrip().endswith("?") or (
        text[:1] not in _NO_QUESTION_OPENING and _QUESTION_START.match(text) is not None
    )


_WHETHER = re.compile(r"\b(whether|if)\b[^,;]*$", re.I)
_NEGATION = cues(
    NEGATION,
    # a keyword set against another class denies it: "a myth", "distinct from", "other than"
    r"myth|misconception|mistaken(?:ly)?|wrongly|incorrect(?:ly)?|different\s+(?:\w+\s+)?from|"
    r"distinct\s+from|separate\s+from|as\s+opposed\s+to|other\s+than",
)
# a condition named as the one compared with the subject: "unlike X, Y is ...", "in contrast to X"
_COMPARED = re.compile(
    r"\b(?:unlike|in\s+contrast\s+(?:to|with)|as\s+opposed\s+to|compared\s+(?:to|with))\s+(?:the\s+)?$",
    re.I,
)
# the class compared with is the rest of a class the subject belongs to: "unlike other
# autoimmune diseases", "unlike most food allergies", "compared with many allergic conditions"
_UNLIKE_OTHER = re.compile(
    r"\b(?:unlike|in\s+contrast\s+(?:to|with)|compared\s+(?:to|with))\s+(?:the\s+)?(?:other|most|many|typical)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
_CONTRAST = re.compile(
    r"\b(unlike|no evidence|not|isn['’]t|is not|aren['’]t|are not|none of)\b", re.I
)
_HEDGE = cues(
    HEDGE,
    # what a claim sentence adds: research not settled, and a writer's own doubt
    r"potential|suggesting|debated?|controversial|contested|thought|believe|some\s+people|emerging|"
    r"preliminary|further\s+research|more\s+research|being\s+studied|investigat\w+|explor\w+|"
    r"question(?:ed)?\s+whether|as\s+far\s+as\s+(?:I|we)\s+know|premature|too\s+early|depends\s+on|"
    r"unproven|not\s+(?:yet\s+)?(?:known|clear|settled|proven)|open\s+question|nobody\s+knows|"
    r"no\s+one\s+knows",
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
_CLAUSE_BREAK = re.compile(  # (the words behind one \b: the same matches, found faster)
    r"[;:]|\.\s|\b(?:but|whereas|however|although|though)\b", re.I
)
_SUBORDINATE = re.compile(
    r"\b(?:while|whilst|although|though|whereas|if|when|because|since|unless)\b", re.I
)
_COORDINATION = re.compile(r"^\s*(?:,|and|or|&|/|vs\.?|versus)\s*$", re.I)
_PARTLY = re.compile(
    r"\b(some (?:forms|types|cases|kinds|subtypes)|partly|partially|somewhat|in part|"
    r"to (?:some|a certain|a limited) (?:extent|degree)|in some (?:people|patients|cases)|a subset|"
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


# a word that ends a clause break only because the text is cut right after it ("but|Lupus")
_BREAK_AT_END = re.compile(r"\b(?:but|whereas|however|although|though)$", re.I)
_breaks: tuple[str | None, list[int]] = (None, [])  # (sentence, the ends of its clause breaks)


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts: the end of the last clause break in ``text[:pos]``
    (what ``_CLAUSE_BREAK.finditer(text, 0, pos)`` ends last), at most ``MAX_CLAUSE_CHARS`` back.
    The breaks of the sentence are found once (the last sentence's are kept), not once per pair."""
    global _breaks
    cached = _breaks  # one read: another thread may replace it (a tuple, so it stays consistent)
    if cached[0] is not text:
        cached = (text, [m.end() for m in _CLAUSE_BREAK.finditer(text)])
        _breaks = cached
    ends = cached[1]
    k = bisect_right(ends, pos)
    start = ends[k - 1] if k else 0
    if _BREAK_AT_END.search(text, max(start, pos - 8), pos):
        start = pos  # the cut text ends with a break word that the whole text runs on from
    return max(start, pos - MAX_CLAUSE_CHARS)


def _others_between(others: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
    """The spans of ``others`` (sorted by start) inside ``a..b``."""
    out = []
    for i in range(bisect_left(others, (a,)), len(others)):
        x, y = others[i]
        if x > b:
            break
        if y <= b:
            out.append((x, y))
    return out


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
) -> tuple[Polarity, str, bool] | None:
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
) -> tuple[Polarity, str, bool] | None:
    """Mention before keyword: "X is not autoimmune", "X ... other autoimmune diseases"."""
    # the two cheap ways to fail first (they give what the full test below gives)
    if not inside:
        if _words(text[me : k.start]) > _MAX_WORDS:
            return None
    else:
        lead = text[me : me + inside[0][0] - abs_me]  # up to the first other condition
        if "COND" not in lead and not (_LIST_FILLER.match(lead) or _IS_A.match(lead)):
            return None
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
    asked, subordinate, hedged_before, negated_before, causative_before = _subject_context(before)
    if asked or _WHETHER_WORD.search(between):
        return None
    if inside and _COMPARED.search(text[max(0, ms - 30) : ms]):
        # "Unlike X, Y is an autoimmune disease": Y is the subject, and X is set apart from
        # what Y is, so X is not that (a denial of Y's property leaves X's open)
        return None if _NEGATION.search(between) else ("deny", "contrast", False)
    if subordinate and "," in between:
        return None  # "While X is a digestive problem, a milk allergy is ...": the keyword is in the main clause
    after = text[k.end : k.end + 60]
    hedged = bool(
        hedged_before
        or _HEDGE.search(between)
        or _HEDGE_AFTER.match(after)
        or _HEDGE_TAIL.search(after)
    )
    negated = bool(_NEGATION.search(between) or negated_before)
    if _OTHER_END.search(between):
        return ("deny" if negated else "affirm", "other", hedged)
    if _COORDINATION.match(between):
        around = text[max(cstart, ms - 40) : ms] + " " + text[k.end : k.end + 40]
        if _LINK.search(around) and not negated:
            return ("link", "link", hedged)
        return None
    if _LINK.search(between) and not _COPULA_END.search(between):
        return None if negated else ("link", "link", hedged)
    copulas = list(_COPULA.finditer(between))
    cop = copulas[-1] if copulas else None  # the last copula before the keyword
    near = (cop is not None and _words(between[cop.end() :]) <= 4) or (
        (cop is not None or is_a) and bool(_NOT_RIGHT_BEFORE.search(between))
    )
    causative = bool(_BARE_OBJECT.fullmatch(between))
    causative = causative and causative_before
    if near or causative or _APPOSITIVE.match(between):
        if _PARTLY.search(before + between):
            return ("partly", "copula", hedged)
        return ("deny" if negated else "affirm", "copula", hedged)
    return None


def _keyword_first(
    text: str, ms: int, k: _Key, inside: list, s0: int
) -> tuple[Polarity, str, bool] | None:
    """Keyword before mention: "autoimmune diseases like X", "unlike autoimmune diseases, X"."""
    between = _mask(text[k.end : ms], inside, s0 + k.end)
    if _words(between) > _MAX_WORDS or _CLAUSE_END.search(between):
        return None
    cstart = _clause_start(text, k.start)
    before_k = text[cstart : k.start]
    reported, hedged_before, not_right_before, negated_before, contrast = _keyword_context(before_k)
    if reported:
        return None
    hedged = bool(hedged_before or _HEDGE.search(between))
    ex = _EXAMPLE.search(between)
    if (
        ex is not None
        and _words(between[: ex.start()]) <= 2
        and _LIST_FILLER.match(between[ex.end() :].replace("COND", ""))
    ):
        # "non-autoimmune conditions such as X", "conditions that are not autoimmune, like X"
        negated = bool(not_right_before or _NEGATION.search(between[: ex.start()]))
        return ("deny" if negated else "affirm", "example", hedged)
    if inside:
        return None
    if _LINK.search(between):  # "autoimmune diseases are linked to X", "... higher risk of X"
        if _NEGATION.search(between) or negated_before:
            return None
        return ("link", "link", hedged)
    if contrast and not _CLAUSE_BREAK.search(between):
        if _UNLIKE_OTHER.search(before_k):
            # "unlike other autoimmune diseases, X ...", "unlike most food allergies, X ...":
            # the comparison sets X apart within the class, so it is one (as "X and other ...")
            return ("affirm", "other", hedged)
        return ("deny", "contrast", hedged)
    return None


# What the clause says before a mention or a keyword depends on that text alone: looked at once
# per mention (and per keyword), not once for every pair that mention is tried with.
@lru_cache(maxsize=4096)
def _subject_context(before: str) -> tuple[bool, bool, bool, bool, bool]:
    """(asked or reported, subordinate clause, hedged, negated, causative verb right before)."""
    # "whether" counts only after the clause's last comma or semicolon, and the causative verb
    # only right before the trailing white space: each pattern starts where it can match
    # (``pos`` keeps the text before it for ``\b``, so the results are the whole search's)
    asked = _WHETHER.search(before, max(before.rfind(","), before.rfind(";")) + 1)
    word = before.rstrip()
    causative = len(word) < len(before) and _CAUSATIVE.search(before, max(0, len(word) - 12))
    return (
        bool(asked or _REPORTED.search(before[-80:])),
        bool(_SUBORDINATE.search(before)),
        bool(_HEDGE.search(before[-60:])),
        bool(_NEGATION.search(before[-50:])),
        bool(causative),
    )


@lru_cache(maxsize=4096)
def _keyword_context(before_k: str) -> tuple[bool, bool, bool, bool, bool]:
    """(reported, hedged, negated right before, negated, a contrast opens the clause)."""
    contrast = _CONTRAST.search(before_k[-60:])
    return (
        bool(_REPORTED.search(before_k[-80:])),
        bool(_HEDGE.search(before_k[-60:])),
        bool(_NOT_RIGHT_BEFORE.search(before_k)),
        bool(_NEGATION.search(before_k[-30:])),
        # (the offset is into the last 60 characters, the words counted from the clause's start
        # plus it: kept as it has always been, so results do not move)
        bool(contrast and _words(before_k[contrast.start() :]) <= 9),
    )


_ALLERG = re.compile(r"allerg", re.I)


@lru_cache(maxsize=4096)
def _names_allergy(mention_text: str) -> bool:
    """Whether a mention's text holds ``_ALLERG`` (a page names its conditions again and again,
    and the same ones recur across pages)."""
    return _ALLERG.search(mention_text) is not None


def _keywords(
    text: str,
    predicate: ClaimPredicate,
    mentions: list[Mention],
    s0: int,
    kb: KnowledgeBase,
    page_text: str | None = None,
) -> list[_Key]:
    """The predicate's keywords in the sentence ``text`` (at ``s0`` of ``page_text``, when the
    caller has the page: the keywords' places are then those found in the page's one pass)."""
    spans = [(m.start - s0, m.end - s0) for m in mentions]
    starts = [a for a, _ in spans]
    longest = max((b - a for a, b in spans), default=0)
    keys = []
    within = (page_text, s0) if page_text is not None else None
    for km in scanner(KEYWORDS[predicate]).finditer(text, within=within):
        at = km.start()
        inside = any(  # mentions are sorted by start: only those starting up to ``longest`` before
            a <= at < b
            for a, b in spans[bisect_left(starts, at - longest) : bisect_right(starts, at)]
        )
        if inside or _MODIFIER.match(text, km.end()):
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
    ordered: bool | None = None,
) -> list[Claim]:
    """The page's claims, sentence by sentence. ``page_text``: the page the sentences are slices of;
    with it, the sentences holding a keyword of each predicate are found in one pass per
    predicate, and the others skip the keyword search (they have none). ``ordered``:
    ``fastmatch.in_order(sentences)``, where the caller has it."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    claims: list[Claim] = []
    prev_defines: dict[str, bool] = dict.fromkeys(KEYWORDS, False)
    asked: tuple[str, ClaimPredicate] | None = (
        None  # (condition, predicate) of the last question the page asked
    )
    asked_at = -1
    last_named: str | None = main_condition
    if ordered is None and page_text is not None:
        ordered = in_order(sentences)  # (once for the three)
    with_key = (
        {p: scanner(KEYWORDS[p]).matching(page_text, sentences, ordered) for p in KEYWORDS}
        if page_text is not None
        else None
    )
    hot = set().union(*with_key.values()) if with_key is not None else None
    # the sentences that name an allergic condition (the class an "allergy" claim may be about)
    allergic = {m.sentence for m in mentions if _names_allergy(m.text)}
    for s in sentences:
        text = s.text
        ms = by_sentence.get(s.index, [])
        if ms:
            last_named = ms[-1].concept_id
        question = _question_form(text)
        if asked is not None and s.index - asked_at > ANSWER_WINDOW:
            asked = None  # an answer comes right after its question, not anywhere further down
        if question:
            got = _asked(text, ms, last_named, kb)
            if got:
                asked, asked_at = got, s.index
        elif asked is not None and (a := _ANSWER.match(text)):
            # "Is X autoimmune? — No." / "The short answer is yes": the page answers its own question
            polarity: Polarity = "affirm" if a.group(1).lower() == "yes" else "deny"
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
        if (
            hot is not None
            and id(s) not in hot
            and True not in prev_defines.values()
            and s.index not in allergic
        ):
            # no keyword of any predicate, no allergic condition named as the class, and no
            # definition before that an example list could follow: the loop below would only
            # set prev_defines to False, which it is already
            continue
        for predicate in KEYWORDS:
            if (
                with_key is None
                or id(s) in with_key[predicate]
                or (predicate == "allergy" and s.index in allergic)
            ):
                keys = _keywords(text, predicate, ms, s.start, kb, page_text)
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
            checkpoint()
            best: dict[tuple[str, str], tuple[int, Claim]] = {}
            spans = [(x.start, x.end) for x in ms]
            key_starts = {k.start for k in keys}
            key_ends = {k.end for k in keys}
            nearby = _Nearby(keys)
            pairs = 0
            for m in ms:
                if pairs >= MAX_SENTENCE_PAIRS:
                    break  # a run of names and property words (limits.MAX_SENTENCE_PAIRS)
                rel = m.start - s.start
                if predicate == "allergy" and rel in key_starts:
                    continue
                if rel in key_ends or rel - 1 in key_ends or KEYWORDS[predicate].search(m.text):
                    continue  # "autoimmune myocarditis" names the autoimmune form, it claims nothing
                if _ends_with_of(text, rel) and _SUBTYPE_BEFORE.search(
                    text, max(0, rel - MAX_CLAUSE_CHARS), rel
                ):
                    continue  # "this kind of diabetes": a subtype the sentence does not name
                for k in nearby.around(rel, m.end - s.start):
                    pairs += 1
                    # ``spans`` holds this mention too; no pair has it between its ends
                    read = _classify(text, m, k, s.start, spans)
                    if read is None:
                        continue
                    polarity, basis, hedged = read
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


def _ends_with_of(text: str, pos: int) -> bool:
    """Whether ``text[:pos]`` ends with "of" and white space, as ``_SUBTYPE_BEFORE`` needs (a
    cheap test before the pattern, which is tried at every character of the clause)."""
    head = text[max(0, pos - 40) : pos]
    word = head.rstrip()
    return len(word) < len(head) and word[-2:].lower() == "of"


class _Nearby:
    """The keywords of a sentence a mention is paired with: the ``MAX_CLAIM_KEYWORDS`` nearest
    on each side, within ``MAX_CLAIM_GAP_CHARS``, in the order of ``keys`` (the order decides
    between two equally near ones). Without this bound a sentence with n names and n keywords
    costs n² pairs."""

    __slots__ = ("keys", "order", "starts")

    def __init__(self, keys: list[_Key]) -> None:
        self.keys = keys
        self.order = sorted(range(len(keys)), key=lambda i: keys[i].start)
        self.starts = [keys[i].start for i in self.order]

    def around(self, ms: int, me: int) -> list[_Key]:
        keys, order, starts = self.keys, self.order, self.starts
        if len(keys) <= MAX_CLAIM_KEYWORDS and all(
            k.start - me <= MAX_CLAIM_GAP_CHARS and ms - k.end <= MAX_CLAIM_GAP_CHARS for k in keys
        ):
            return keys  # the usual case: every keyword is a candidate
        picked = []
        j = bisect_left(starts, me)
        for i in order[j : j + MAX_CLAIM_KEYWORDS]:  # after the mention
            if keys[i].start - me > MAX_CLAIM_GAP_CHARS:
                break
            picked.append(i)
        n = 0
        for j in range(bisect_right(starts, ms) - 1, -1, -1):  # before it, nearest first
            k = keys[order[j]]
            if k.end > ms:
                continue  # overlaps the mention: never a pair
            if ms - k.end > MAX_CLAIM_GAP_CHARS or n == MAX_CLAIM_KEYWORDS:
                break
            picked.append(order[j])
            n += 1
        return [keys[i] for i in sorted(picked)]


def _pronoun_claims(
    s: Sentence,
    text: str,
    ms: list[Mention],
    keys: list[_Key],
    predicate: ClaimPredicate,
    main: str | None,
) -> list[Claim]:
    """Claims whose subject is a pronoun opening a clause ("..., but it is not autoimmune"):
    it refers to the last condition named before it in the sentence, else the page's main condition."""
    out: list[Claim] = []
    if _NAMING.search(text):
        return out  # "This condition, which is not autoimmune, is called X": the pronoun points forward
    starts = [0] + [b.end() for b in _CLAUSE_BREAK.finditer(text)]
    m_starts = [m.start - s.start for m in ms]  # sorted: mentions come in page order
    nearby = _Nearby(keys)
    for cstart in starts:
        p = _PRONOUN.match(text, cstart)
        if not p:
            continue
        clause_end = next((b.start() for b in _CLAUSE_BREAK.finditer(text, p.end())), len(text))
        if bisect_left(m_starts, p.end()) < bisect_left(m_starts, clause_end):
            continue  # the clause names its own subject
        in_clause = nearby.order[
            bisect_left(nearby.starts, p.end()) : bisect_left(nearby.starts, clause_end)
        ]
        if not in_clause:
            continue
        first_key = keys[min(in_clause)]  # the first in ``keys`` order
        subject = main
        for j in range(bisect_left(m_starts, cstart) - 1, -1, -1):
            if ms[j].end - s.start <= cstart:  # the last mention (in page order) ending before
                subject = ms[j].concept_id
                break
        if subject is None:
            continue
        fake = Mention(
            s.start + p.start(1), s.start + p.end(1), p.group(1), subject, s.index, "reference"
        )
        got = _classify(text, fake, first_key, s.start, [])
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
) -> tuple[str, ClaimPredicate] | None:
    """(condition, predicate) of a question sentence in one of the reader's forms ("Is EoE an
    autoimmune disease?"), with the condition as linked on this page."""
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
