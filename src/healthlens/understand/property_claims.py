"""Claims about the property families contagious, inherited and curable (issue 13).

A small, additive reader beside ``claims.py``: a sentence that states one of these properties
outright, with a cue phrase whose polarity is its own ("is not contagious", "you can't catch
it", "runs in families", "there is no cure", "can be cured"), claims it of the condition named
nearest before the cue in the same clause, or after it ("there is no cure for X"), or of the
condition a leading pronoun refers to ("It is not contagious": the last condition named, else
the page's main condition). Questions are not claims; a hedge before the cue marks the claim
hedged. Every claim has ``basis`` "copula": these cues are statements, not links.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from ..fastmatch import scanner
from ..models import Claim, ClaimPredicate, Mention, Polarity, Sentence
from .claims import _HEDGE, _REPORTED

__all__ = ["find_property_claims", "FAMILY_CUES"]

_NOT = r"(?:not|n['’]t|never)"
_CAN_NOT = r"(?:cannot|can['’]t|can\s+not|could\s*n['’]t|won['’]t|will\s+not)"
_BE = r"(?:is|are|was|were|'s|’s)"
# "head lice do not spread disease": not spreading something else says nothing of the condition
_NO_GERM = (
    r"(?!\s+(?:any\s+|other\s+)?(?:diseases?|germs?|infections?|illness(?:es)?|viruses|bacteria)\b)"
)

# (family, polarity, pattern), most specific first; polarity: affirm | deny | partly
FAMILY_CUES: list[tuple[str, str, re.Pattern]] = [
    # contagious ------------------------------------------------------------------------------
    (
        "contagious",
        "deny",
        re.compile(
            rf"\b(?:{_BE}\s*{_NOT}\s+(?:\w+\s+)?(?:contagious|infectious|catching)|non-?contagious|"
            rf"{_CAN_NOT}\s+(?:be\s+)?(?:caught|catch|spread{_NO_GERM}|passed|transmitted|given)|"
            rf"(?:does|do)\s*{_NOT}\s+spread{_NO_GERM}|no\s+risk\s+of\s+(?:catching|spreading))\b",
            re.I,
        ),
    ),
    (
        "contagious",
        "affirm",
        re.compile(
            rf"\b(?:{_BE}\s+(?:very\s+|highly\s+|extremely\s+|quite\s+)?(?:contagious|catching)|"
            r"spreads?\s+(?:easily\s+)?(?:from\s+)?person[\s-]to[\s-]person|"
            r"can\s+(?:easily\s+)?(?:be\s+)?(?:caught|spread|passed)\s+(?:from|to|between)\s+(?:\w+\s+)?(?:people|person|others))\b",
            re.I,
        ),
    ),
    # inherited -------------------------------------------------------------------------------
    (
        "inherited",
        "deny",
        re.compile(
            rf"\b(?:{_BE}\s*{_NOT}\s+(?:\w+\s+)?(?:inherited|hereditary|genetic)|"
            rf"{_CAN_NOT}\s+be\s+(?:inherited|passed\s+(?:down|on))|(?:is|are)\s+not\s+passed\s+(?:down|on))\b",
            re.I,
        ),
    ),
    (
        "inherited",
        "affirm",
        re.compile(
            rf"\b(?:{_BE}\s+(?:an?\s+)?(?:inherited|hereditary|genetic)(?:\s+(?:disease|disorder|condition))?\b|"
            r"(?:is|are)\s+inherited\s+in\s+an?\s+(?:autosomal|x-linked)|"
            r"(?:is|are)\s+passed\s+(?:down|on)\s+(?:from|through)\s+(?:\w+\s+)?(?:parents?|families|generations))",
            re.I,
        ),
    ),
    (
        "inherited",
        "partly",
        re.compile(
            r"\b(?:runs?|running)\s+in\s+(?:the\s+)?famil(?:y|ies)\b|\btends?\s+to\s+run\s+in\s+famil(?:y|ies)\b",
            re.I,
        ),
    ),
    # curable ---------------------------------------------------------------------------------
    (
        "curable",
        "deny",
        re.compile(
            rf"\b(?:there\s+is\s+(?:currently\s+|still\s+)?no\s+(?:known\s+)?cure|has\s+no\s+(?:known\s+)?cure|"
            rf"no\s+cure\s+(?:for|exists)|{_BE}\s*{_NOT}\s+curable|{_BE}\s+incurable|"
            rf"{_CAN_NOT}\s+be\s+cured|never\s+goes\s+away|{_BE}\s+(?:a\s+)?life-?long\s+(?:condition|disease|disorder))\b",
            re.I,
        ),
    ),
    (
        "curable",
        "affirm",
        re.compile(
            rf"\b(?:{_BE}\s+(?:usually\s+|easily\s+|often\s+)?curable|can\s+(?:usually\s+|often\s+|easily\s+)?be\s+cured|"
            r"goes\s+away\s+(?:on\s+its\s+own|by\s+itself|completely)|clears\s+up\s+(?:on\s+its\s+own|by\s+itself|completely))\b",
            re.I,
        ),
    ),
    (
        "curable",
        "partly",
        re.compile(
            r"\b(?:(?:many|most|some)\s+(?:children|kids|babies|infants|people)\s+(?:eventually\s+)?outgrow|"
            r"(?:can|may)\s+be\s+cured\s+in\s+some)\b",
            re.I,
        ),
    ),
]
_WORDS = re.compile(
    r"\b(?:contagious|noncontagious|infectious|catching|caught|catch|spread|spreads|spreading|passed|transmitted|given|inherited|"
    r"hereditary|genetic|famil(?:y|ies)|cure|cured|curable|incurable|away|clears|outgrow|life-?long)\b",
    re.I,
)
# every cue in one pattern, most specific first (a denial starts before the word it denies), so
# that one pass over the page finds each sentence's cues; the group says which cue matched
_ALL = re.compile(
    "|".join(f"(?P<c{i}>{p.pattern})" for i, (_, _, p) in enumerate(FAMILY_CUES)), re.I
)
_PRONOUN = re.compile(
    r"^\W*(?:(?:but|so|and|however|in\s+short|also)\W+)?(it|this\s+condition|this\s+disease|this\s+disorder|"
    r"the\s+condition|the\s+disease|the\s+disorder)\b",
    re.I,
)
_BREAK = re.compile(r";|:|\.\s|\bbut\b|\bwhereas\b|\bhowever\b|\bwhile\b|\balthough\b", re.I)
_FOR = re.compile(r"^\s*(?:for|of)\s+(?:people\s+with\s+)?$", re.I)
# a part of the condition named as what the statement is said of: some (or certain, a few, rare)
# kinds, forms, types, subtypes, varieties, strains, variants or presentations of it, or a share
# of its cases ("about 10% of", "a third of", "a minority of"); a majority ("most", "many") is
# not a part here
PARTITIVE = (
    r"\b(?:some|certain|several|a\s+few|few|rare|other)\s+(?:[\w-]+\s+)?(?:kinds|forms|types|subtypes|"
    r"varieties|strains|variants|presentations)\b|"
    r"\b\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)\s+of\b|"
    r"\b(?:a|one|two)\s+(?:third|quarter|fifth|tenth)s?\s+of\b|\ba\s+(?:minority|subset)\s+of\b"
)
# words that limit a statement to some cases or forms ("most cases of X are not inherited", "in
# rare cases it is inherited", "when it is caused by mutations in ...")
_SCOPE = re.compile(
    r"\b(?:most|many|some|several|few|rare|other)\s+(?:cases|forms|types|people|patients|families)\b|"
    # a part of the condition as the subject: "some kinds of X are inherited", "certain rare
    # strains", "about 10% of X are hereditary", "a third of cases" (PARTITIVE)
    + PARTITIVE
    + r"|"
    r"\bin\s+(?:rare|some|most|many|a\s+few)\s+(?:cases|instances|families)\b|"
    r"\b(?:rarely|less\s+(?:frequently|commonly|often)|sometimes|occasionally|usually)\b|"
    r"\b(?:about|around|roughly|nearly)\s+(?:\d+|one|two|three)\s+(?:in|out\s+of)\b|"
    r"\b(?:when|if|unless)\b|\bcan\s+also\b|\bform\s+of\b|\bone\s+(?:type|form|kind)\s+of\b",
    re.I,
)
# a majority is not a scope: "most cases of X are not inherited" still answers no (the claim is
# kept with its polarity, basis "most": good enough for the page's answer, too loose for an alarm)
_MAJORITY = re.compile(
    r"\b(?:(?:in\s+)?(?:most|the\s+(?:vast\s+)?majority\s+of)\s+(?:cases|people|patients|families|forms|types)|usually|"
    r"generally|typically|mostly|in\s+most\s+(?:cases|instances|people))\b",
    re.I,
)


def majority_only(scope: re.Pattern, clause: str) -> bool:
    """Every scope word of ``clause`` is a majority ("most cases", "usually"): the clause leans."""
    found = list(scope.finditer(clause))
    return bool(found) and all(_MAJORITY.fullmatch(m.group(0).strip()) for m in found)


# a degree word in a denial makes it a denial of the pure form only: "not directly inherited"
_DEGREE = re.compile(
    r"\b(?:purely|strictly|entirely|simply|directly|solely|necessarily|completely|wholly|always)\b",
    re.I,
)
# "not inherited in a simple way", "... directly", "... as such"
_IN_A_WAY = re.compile(
    r"\s*(?:(?:in|through)\s+an?\s+(?:simple|straightforward|direct|predictable|clear-cut|classic(?:al)?|mendelian)\s+"
    r"(?:way|manner|pattern|fashion)|directly|as\s+such|in\s+the\s+(?:usual|classic(?:al)?|strict)\s+sense)\b",
    re.I,
)
_WHETHER = re.compile(r"\b(?:whether|wonder(?:s|ing)?|ask(?:s|ing)?)\b", re.I)
_MODIFIER = re.compile(r"([A-Za-z][\w-]*)\s+$")
_NOT_MODIFIERS = frozenset(
    """a an the of and or in on at to for with by from as is are was were be that which this these
those its their his her our your my it they we he she you i also often but not no so than then
about into people person patients children adults most many some while although though whereas
because since when if unlike like why how what where who whether does do did can could should will
would has have had here there what's cases forms types individuals families majority minority
percent""".split()
)


# a relative pronoun just before the word: the word is the clause's verb, not a modifier
_RELATIVE_VERB = re.compile(r"\b(?:that|which|who)\s+$", re.I)


def _modified(text: str, start: int) -> bool:
    """The subject's name is qualified ("acquired hemochromatosis", "familial leukemia"): the
    sentence speaks of one form of the condition."""
    m = _MODIFIER.search(text, max(0, start - 40), max(0, start))
    if m is None:
        return False
    word = m.group(1)
    if _RELATIVE_VERB.search(text, max(0, m.start() - 12), m.start()):
        return False  # "the infection that causes X": a verb, X is its object
    return word.lower() not in _NOT_MODIFIERS and not word[0].isdigit()


def _clause_start(text: str, pos: int) -> int:
    start = 0
    for m in _BREAK.finditer(text, 0, pos):
        start = m.end()
    return start


@lru_cache(maxsize=4096)
def _cues(text: str) -> tuple[re.Match[str], ...]:
    """The matches of ``_ALL`` in a sentence, remembered: they depend on its text alone, and
    sentences recur across a site's pages. ``_ALL`` is tried only where one of its first words
    starts (a scanner: the same matches as ``_ALL.finditer``, without trying thirty
    alternatives at every word of the sentence). The matches are only read, never changed."""
    return tuple(scanner(_ALL).finditer(text))


def find_property_claims(
    sentences: list[Sentence],
    mentions: list[Mention],
    main_condition: str | None,
    page_text: str | None = None,
    ordered: bool | None = None,
) -> list[Claim]:
    """Claims of the contagious / inherited / curable families, in sentence order. ``ordered``:
    ``fastmatch.in_order(sentences)``, where the caller has it."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    # the words every cue holds, found in one pass; the full cues only run on those sentences
    hot = scanner(_WORDS).matching(page_text, sentences, ordered) if page_text is not None else None
    cues: dict[int, tuple[re.Match[str], ...]] = {}
    for s in sentences:
        if hot is None or id(s) in hot:
            found = _cues(s.text)
            if found:
                cues[s.index] = found
    claims: list[Claim] = []
    last_named = main_condition
    for s in sentences:
        ms = by_sentence.get(s.index, [])
        prior_named = last_named
        if ms:
            last_named = ms[-1].concept_id
        if s.index not in cues or s.text.rstrip().endswith("?"):
            continue
        text = s.text
        seen: set[tuple[str, str, str]] = set()
        for cue in cues[s.index]:
            family, polarity, _ = FAMILY_CUES[int((cue.lastgroup or "c0")[1:])]
            subject = _subject(text, s, ms, cue, prior_named)
            if subject is None:
                continue
            cid, start, end = subject
            clause = text[_clause_start(text, cue.start()) : cue.start()]
            if _REPORTED.search(clause[-80:]):
                continue  # "my neighbour says it is contagious": reported, not claimed
            if _WHETHER.search(clause):
                continue  # "... including whether it is contagious": a question, not a claim
            key = (cid, family, polarity)
            if key in seen:
                continue
            seen.add(key)
            hedged = bool(_HEDGE.search(clause[-60:]) or _HEDGE.search(cue.group(0)))
            basis = "copula"
            if (
                family == "inherited"
                and polarity == "deny"
                and (_DEGREE.search(cue.group(0)) or _IN_A_WAY.match(text, cue.end()))
            ):
                # "is not directly inherited": the disease is not passed down as such, a
                # tendency may be; said outright, so partly (basis "partial", raises no alarm)
                polarity, basis = "partly", "partial"
            elif _modified(text, start - s.start) or (
                _SCOPE.search(clause) and not majority_only(_SCOPE, clause)
            ):
                # "most cases are not inherited", "acquired hemochromatosis is not inherited":
                # true of some forms or cases only, so it says "partly" and raises no alarm
                polarity, basis = "partly", "scoped"
            elif _SCOPE.search(clause):
                basis = "most"  # "most cases of X are not inherited": the page leans that way
            elif not any(m.start == start for m in ms):
                # said of "it" / "this condition": good enough to read the page's answer, too
                # weak for an alarm (the condition it stands for is a guess)
                basis = "referred"
            claims.append(
                Claim(
                    s.index,
                    start,
                    end,
                    cid,
                    cast(ClaimPredicate, family),
                    cast(Polarity, polarity),
                    hedged,
                    basis,
                )
            )
    return claims


def _subject(
    text: str, s: Sentence, ms: list[Mention], cue: re.Match, prior: str | None
) -> tuple[str, int, int] | None:
    """(condition, start, end) the cue is said of, or None."""
    cstart = _clause_start(text, cue.start())
    before = [m for m in ms if cstart <= m.start - s.start and m.end - s.start <= cue.start()]
    if before:
        m = before[-1]
        return m.concept_id, m.start, m.end
    after = [m for m in ms if m.start - s.start >= cue.end()]
    if after and _FOR.match(text[cue.end() : after[0].start - s.start]):
        m = after[0]  # "there is no cure for X"
        return m.concept_id, m.start, m.end
    p = _PRONOUN.match(text, cstart)
    if p and prior is not None and not any(m.start - s.start < cue.start() for m in ms):
        return prior, s.start + p.start(1), s.start + p.end(1)
    return None
