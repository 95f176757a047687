"""A general fallback reader of a page's answer, clause by clause.

The assertion layer (assertions.py, family_assertions.py) reads the shapes health writing answers
in, one listed form at a time. Real pages also answer in forms nobody listed ("the disease could
come from a malfunction of the immune response", "the infection can be eradicated with
antibiotics"). This module reads such pages with word classes instead of phrases, and only when
the listed rules found nothing on a page that is about the asked condition (check/page_answer.py
calls it for a ``not_answered`` page that is on topic).

A clause is **evidence** when, within one clause of one sentence (no ";", ":", "however",
"whereas", "although" between; a "not A but B" shape is one clause),

1. it is about the asked condition: a name or alias of a target (the page's condition mentions),
   the question's letters, or an anaphor ("it", "this condition", "the disease") when the page's
   main condition is a target and no other condition was named since;
2. it holds a **property term** of the asked family (``TERMS``: word classes such as "immune
   system / antibodies / T cells" for immune, "inherit* / gene* / runs in families" for
   hereditary), outside the condition's own name;
3. a verb of the copular, causal or modal family links them ("is", "caused", "results from",
   "involves", "can be", "spreads");
4. no other condition is named between them, it is not a question or a whether-clause, and no
   critic or myth cue stands before it (assertions.py's critic detection).

Its polarity is the term's own (a cure word says yes to "curable", "lifelong" says no) reversed by
a negation in the clause ("not", "no", "cannot", "without", "rather than"; but "not A but B"
affirms B); scope words ("some forms", "in rare cases") make it ``partly``; hedge words ("may",
"could", "thought to", "hypothesis") make it lighter, not void (health writing states what it
holds that way). ``clause_answer`` weighs the clauses (title and lede heavier, hedged and weak
terms lighter) and returns the page's answer and the sentences it rests on, as the assertion
reader does. docs/page-answer.md, section 3, describes the layer.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import islice

from ..limits import MAX_CLAUSE_CHARS, MAX_SENTENCE_CHARS, MAX_SENTENCE_PAIRS
from ..models import Page
from .assertions import (
    critic_at,  # who asserts it: the one set of critic and myth cues
    strongly_hedged,  # a doubt, not the way health writing states a view
)
from .family_assertions import ASKED, SCOPE
from .vocabulary import HEDGE, NEGATION, cues, letters_pattern

__all__ = ["ClauseEvidence", "clause_evidence", "clause_answer", "answer_from_evidence", "FAMILIES"]

# (pattern, polarity with no negation before it, weight): weight 1 for a term that names the
# property, less for one that only points at it ("chronic" for curable)
_Term = tuple[re.Pattern, str, float]


def _t(pattern: str, polarity: str = "affirm", weight: float = 1.0) -> _Term:
    return re.compile(pattern, re.I), polarity, weight


_IMMUNE_WORDS = (
    r"\b(?:immune|immunological|immunologic)[\s-]+(?:system|response|responses|reaction|cells?|defen[cs]es?|attack|"
    r"dysfunction|dysregulation|disorder|disease|mediated|process|activity|activation|origin|basis|component|"
    r"causes?|triggers?|problem|malfunction)\b|"
    r"\bimmun(?:e|o)-?mediated\b|\bimmune\s+(?:system['’]s|response['’]s)\b|\bauto-?immun\w*|\bauto-?antibod\w+|"
    r"\bantibod(?:y|ies)\b|\b[TB][\s-]cells?\b|\b[TB][\s-]lymphocytes?\b|\blymphocytes?\b|\bwhite\s+blood\s+cells?\b|"
    r"\binflammatory\s+cells?\b|\bgranulomas?\b|\bbody['’]s\s+(?:own\s+)?defen[cs]es?\b|\bdefen[cs]e\s+system\b|"
    r"\bmast\s+cells?\b|\bimmunity\b"
)
# a reaction counts only as the body's defences' reaction ("an adverse reaction to food" may be
# an intolerance): "the immune system reacts to a protein", "a reaction of the body's defences to"
_ALLERGY_WORDS = (
    r"\ballerg\w*|\bIgE\b|\bhypersensitiv\w+|\banaphyla\w+|"
    r"\b(?:(?:immune|defen[cs]es?)\s+(?:system\s+)?(?:reaction|response|overreaction|over-reaction|reacts?|"
    r"responds?|over-?reacts?)|(?:reaction|response|overreaction|over-reaction)s?\s+(?:of|by|from)\s+(?:the\s+|your\s+)?"
    r"(?:body['’]s\s+)?(?:own\s+)?(?:immune\s+system|defen[cs]es?|defen[cs]e\s+system))\s+(?:\w+\s+){0,2}?"
    r"(?:to|against)\s+(?:an?\s+|the\s+|certain\s+|some\s+|specific\s+)?(?:[\w-]+\s+){0,3}?(?:foods?|proteins?|"
    r"substances?|pollens?|allergens?|sugars?|molecules?|ingredients?|dust|dander|milk|eggs?|nuts?|peanuts?|meat|"
    r"medications?|medicines?|drugs?|stings?|venom|latex|mold|moulds?|animals?)\b"
)

TERMS: dict[str, list[_Term]] = {
    "immune": [
        _t(_IMMUNE_WORDS),
        _t(_ALLERGY_WORDS),  # for "caused by the immune system?", an allergy is a yes
        _t(r"\bnon-?immun\w+", "deny"),
    ],
    "allergy": [
        _t(_ALLERGY_WORDS),
        _t(r"\bnon-?allergic\b", "deny"),
        _t(r"\b(?:an?\s+)(?:food\s+|digestive\s+)?intolerance\b", "deny", 0.5),
    ],
    "inherited": [
        _t(
            r"\binherit\w*|\bheredit\w+|\bheritab\w+|\bgenetic(?:ally)?\b|\bgenes?\b|\bmutations?\b|\bfamilial\b|"
            r"\bautosomal\b|\bchromosom\w+|\bruns?\s+in\s+(?:the\s+|your\s+|their\s+)?famil\w+|"
            r"\b(?:passed|handed|transmitted)\s+(?:down\s+|on\s+)?(?:\w+\s+)?(?:from|through|to)\s+(?:(?:a|one|both|the|your|"
            r"their)\s+)?(?:parents?|mother|father|children|child|generations?|famil(?:y|ies)|offspring)\b"
        ),
        _t(r"\bfamily\s+history\b", weight=0.5),
    ],
    "contagious": [
        _t(
            r"\bcontagious\b|\binfectious\b|\bcatching\b|\bcommunicable\b|"
            r"\b(?:spread\w*|transmi\w+|pass\w*|catch\w*|caught|passed\s+on)\s+(?:\w+\s+){0,3}?(?:from|to|between|among)\s+"
            r"(?:\w+\s+){0,2}?(?:person|people|others|someone|somebody|another|partners?|children|family|humans|individuals|"
            r"members)\b|"
            r"\b(?:spread\w*|transmitt\w+|passed|pass(?:es)?|caught)\s+(?:\w+\s+){0,2}?(?:through|by|via)\s+(?:\w+\s+){0,3}?"
            r"(?:contact|droplets|air|coughs?|coughing|sneez\w+|saliva|blood|sex|sexual|touch\w*|kissing|fluids?|"
            r"water|food|bites?|insects?|mosquito\w*|ticks?)\b"
        ),
        _t(
            r"\b(?:caused|spread|carried)\s+(?:\w+\s+){0,2}?by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:virus(?:es)?|"
            r"bacteri(?:a|um)|germs?|parasites?|pathogens?|fung(?:us|i)|microbes?)\b|"
            r"\b(?:viral|bacterial|fungal|parasitic)\s+infections?\b",
            weight=0.5,
        ),
    ],
    "curable": [
        _t(
            r"\bcur(?:ed|able)\b|\bcure[sd]?\s+(?:it|them|the\s+\w+|completely|permanently)\b|\beradicat\w+|"
            r"\bgo(?:es)?\s+away\b|\bgone\s+for\s+good\b|\bclears?\s+up\b|\bresolv(?:es|ed)\s+(?:on\s+its\s+own|completely|"
            r"fully|by\s+itself|without)|\bheal(?:s|ed)?\s+completely\b|\bdisappears?\s+(?:completely|for\s+good)\b"
        ),
        _t(
            r"\bcures?\b", weight=1.0
        ),  # "there is no cure": a cure noun means something only negated
        _t(
            r"\bincurable\b|\bun-?curable\b|\b(?:is|are|be|remains?)\s+(?:a\s+)?(?:life-?long|permanent)\b|"
            r"\b(?:life-?long|permanent)\s+(?:[\w-]+\s+)?(?:condition|disease|illness|disorder|problem)\b|"
            r"\blasts?\s+(?:for\s+)?(?:a\s+)?(?:life(?:time)?|life|forever)\b",
            "deny",
        ),
        # said of a condition that is not cured ("can be managed"), but weakly
        _t(r"\bmanag(?:e|ed|eable)\b|\bcontroll(?:ed|able)\b|\bremission\b", "deny", 0.5),
    ],
}
# link questions: a tie to autoimmune disease (the word, or a condition the knowledge base holds
# autoimmune, named in the same clause)
_LINK = re.compile(
    r"\blink(?:s|ed|age)?\b|\bassociat\w+|\bco-?occur\w*|\bcoexist\w*|\bcomorbid\w*|\bconnect(?:ed|ion)\b|"
    r"\b(?:higher|increased|greater|elevated|raised|double[ds]?|heightened)\s+(?:\w+\s+)?(?:risk|odds|rates?|prevalence|"
    r"incidence|likelihood|chances?)\b|\bmore\s+(?:likely|common|prevalent|frequent)\b|\btimes\s+more\b|"
    r"\boverlap\w*|\baccompan\w+|\b(?:often|frequently|commonly)\s+(?:occurs?|seen|found|appears?|coexists?)\b|\brisk\s+(?:of|for)\b",
    re.I,
)
_AUTOIMMUNE = re.compile(r"\bauto-?immun\w*", re.I)

FAMILIES = ("immune", "allergy", "inherited", "contagious", "curable", "link")

# a quick scan of a sentence before it is read at all
_PREFILTER = {
    fam: re.compile("|".join(p.pattern for p, _, _ in terms), re.I) for fam, terms in TERMS.items()
}
_PREFILTER["link"] = _LINK

# the verbs that tie a condition to a property: copular, causal, modal
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|being|been|isn['’]t|aren['’]t|wasn['’]t|becomes?|remains?|stays?|caused|causes?|"
    r"results?|resulting|due|owing|because|triggered|triggers?|driven|drives?|involves?|involving|involved|mediated|"
    r"stems?|arises?|comes?|occurs?|happens?|develops?|leads?|linked|associated|related|spreads?|passed|passes|pass|"
    r"transmitted|inherited|runs?|can|cannot|can['’]t|could|may|might|will|won['’]t|would|does|doesn['’]t|do|don['’]t|"
    r"did|didn['’]t|considered|classified|regarded|thought|believed|known|described|defined|characteri[sz]ed|"
    r"represents?|means?|lasts?|goes|gets?|counts?|belongs?)\b|['’]s\b",
    re.I,
)
_NEG = cues(NEGATION, r"nothing\s+to\s+do\s+with|unlikely")
# "not an infection but an immune reaction": the negation is spent before the property
_BUT_AFTER_NEG = re.compile(r"\b(?:but|rather|instead)\b", re.I)
_HEDGE = cues(HEDGE, r"thought|appears?|seems?|unknown|presum\w+")
# clause breaks a tie does not cross ("but" is one unless a negation before it makes "not A but B")
_BREAK = re.compile(r"[;:]|\s[–—]\s|\b(?:however|whereas|although|though|unlike|while)\b", re.I)
_BUT = re.compile(r"\bbut\b", re.I)
_ANAPHOR = re.compile(
    r"\b(?:it|(?:this|the|that)\s+(?:[\w-]+\s+)?(?:condition|disease|disorder|illness|syndrome|infection|problem))\b",
    re.I,
)
_BARE_CURE = re.compile(r"cures?$", re.I)
# the property said of a kind of the condition only: "some X is a type of X triggered by ..."
_KIND_OF = re.compile(
    r"\b(?:a|one|some)\s+(?:\w+\s+)?(?:types?|forms?|kinds?|subtypes?)\s+of\s+$", re.I
)
_ALIAS_CUE = re.compile(
    r"\b(?:also\s+(?:known\s+as|called|named|termed)|a\.?k\.?a\.?|otherwise\s+known\s+as|sometimes\s+called)\s+$",
    re.I,
)
_MOSTLY = re.compile(r"\b(?:usually|mostly|mainly|typically)\b", re.I)
_QUESTION_END = re.compile(r"\?[\s\"'”’)\]»!]*$")

# an indirect question or the page's plan, not a statement: "what it means", "this post explores"
_ASIDE = re.compile(
    r"\b(?:what|how|why|when)\s+(?:it|this)\b|\bexplor\w+|\baims?\s+to\b|\bthis\s+(?:post|article|page|guide)\b",
    re.I,
)
# a condition named in a phrase of another noun is not the clause's subject: "medications for X"
_PREP_BEFORE = re.compile(
    r"\b(?:for|against|about|than|like|of|treat\w*)\s+(?:the\s+|their\s+|your\s+)?$", re.I
)
# the term describes another noun, in an apposition: "eosinophils, a type of cell involved in ..."
_APPOSED = re.compile(
    r",\s+(?:an?|one)\s+(?:[\w-]+\s+)*?(?:type|kind|form|class|group)\s+of\b", re.I
)
APPOSED_WEIGHT = 0.5
PLACE_WEIGHT = {"title": 1.5, "lede": 1.5, "body": 1.0}
HEDGE_WEIGHT = 0.75
LEDE = 3  # sentences after the title that make the lede
MIN_WEIGHT = 0.75  # less evidence than this on the winning side leaves the page not answered


@dataclass(slots=True, frozen=True)
class ClauseEvidence:
    """One clause's evidence that a target condition has (or lacks) the asked property."""

    sentence: int
    start: int  # page offsets of the words from the condition to the property term
    end: int
    concept_id: str
    polarity: str  # affirm | deny | partly
    hedged: bool
    place: str  # title | lede | body
    weight: float
    # a strong hedge ("may", "possibly", "a theory") rather than the way health writing states
    # what it holds ("is thought to", "appears to"): a side resting only on such clauses is
    # not a firm answer
    doubted: bool = False


def _terms(
    text: str, predicate: str, extra: list[tuple[int, int]]
) -> list[tuple[int, int, str, float]]:
    """The property terms of a sentence: (start, end, polarity, weight), the earlier-listed
    pattern's where two overlap; at most ``MAX_SENTENCE_PAIRS`` of each pattern, the first ones."""
    found: list[tuple[int, int, str, float]] = []
    if predicate == "link":
        if extra or _AUTOIMMUNE.search(text):
            found = [
                (*m.span(), "affirm", 1.0) for m in islice(_LINK.finditer(text), MAX_SENTENCE_PAIRS)
            ]
    else:
        for pat, polarity, weight in TERMS[predicate]:
            kept = list(found)
            for m in islice(pat.finditer(text), MAX_SENTENCE_PAIRS):
                a, b = m.span()
                if not any(x < b and a < y for x, y, _, _ in kept):
                    found.append((a, b, polarity, weight))
    found.sort()
    return found[:MAX_SENTENCE_PAIRS]


def _place(index: int, first_body: int) -> str:
    if index < first_body:
        return "title"
    return "lede" if index < first_body + LEDE else "body"


def _first_body(page: Page) -> int:
    title = page.title
    if not title or not page.text.startswith(title):
        return 0
    return max(1, next((s.index for s in page.sentences if s.start >= len(title)), 1))


def clause_evidence(
    page: Page,
    targets: set[str],
    predicate: str,
    letters: frozenset[str] | set[str] = frozenset(),
    autoimmune_ids: frozenset[str] = frozenset(),
) -> list[ClauseEvidence]:
    """Every clause of the page that ties a target condition to the asked property (one per
    sentence at most: the first tie read), in page order. ``predicate``: one of ``FAMILIES``
    (``inherited`` is the hereditary family); ``letters``: the question's abbreviations, which
    stand for the asked condition wherever the page writes them; ``autoimmune_ids``: conditions
    the knowledge base holds autoimmune (a link question's other end)."""
    if predicate not in FAMILIES or not targets or not page.sentences:
        return []
    prefilter = _PREFILTER[predicate]
    by_sentence: dict[int, list] = {}
    for m in page.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    spelled = letters_pattern(letters) if letters else None
    main = page.main_condition if page.main_condition in targets else None
    first_body = _first_body(page)
    out: list[ClauseEvidence] = []
    last: str | None = None  # the condition last named before this sentence
    for s in page.sentences:
        ms = by_sentence.get(s.index, [])
        referent = last
        if ms:
            last = ms[-1].concept_id
        t = s.text[:MAX_SENTENCE_CHARS]
        ai = [
            (m.start - s.start, m.end - s.start)
            for m in ms
            if predicate == "link"
            and m.concept_id in autoimmune_ids
            and m.concept_id not in targets
        ]
        if not (prefilter.search(t) or ai) or _QUESTION_END.search(t):
            continue
        terms = _terms(t, predicate, ai)
        if not terms:
            continue
        subjects = [
            (m.start - s.start, m.end - s.start, m.concept_id, True)
            for m in ms
            if m.concept_id in targets
        ]
        if spelled is not None:
            concept = main or min(targets)
            subjects += [(x.start(), x.end(), concept, True) for x in spelled.finditer(t)]
        if main is not None and (referent is None or referent in targets):
            subjects += [(x.start(), x.end(), main, False) for x in _ANAPHOR.finditer(t)]
        if not subjects:
            continue
        inside = [(a, b) for a, b, _, named in subjects if named]
        # another condition named in the sentence, unless the words are the property's own
        # ("other autoimmune diseases") or, for a link, the autoimmune condition it ties to
        term_starts = [a for a, _, _, _ in terms]  # sorted, and no two terms overlap
        tied = set(ai)
        others = []
        for m in ms:
            ma, mb = m.start - s.start, m.end - s.start
            k = bisect_left(term_starts, mb) - 1
            if m.concept_id in targets or (ma, mb) in tied or (k >= 0 and terms[k][1] > ma):
                continue
            others.append((ma, mb))
        subjects.sort()
        breaks = [m.span() for m in _BREAK.finditer(t)]
        hit = _read_clause(t, terms, subjects, inside, others, breaks)
        if hit is None:
            continue
        a, b, concept, polarity, hedged, weight, doubted = hit
        place = _place(s.index, first_body)
        w = weight * PLACE_WEIGHT[place] * (HEDGE_WEIGHT if hedged else 1.0)
        out.append(
            ClauseEvidence(
                s.index, s.start + a, s.start + b, concept, polarity, hedged, place, w, doubted
            )
        )
    return out


def _nearest(subjects, starts, ta: int, tb: int) -> list:
    """The subject nearest before the term (ending before it, within a clause's length), and the
    nearest name just after it (a pronoun after the words is too loose a tie: "what part of the
    immune system is not working as it should"). ``subjects`` sorted, ``starts`` their starts."""
    found = []
    i = bisect_right(starts, ta) - 1
    for j in range(i, max(-1, i - 8), -1):  # overlapping spans: a few steps back at most
        if subjects[j][1] <= ta:
            if ta - subjects[j][1] <= MAX_CLAUSE_CHARS:
                found.append(subjects[j])
            break
    for j in range(bisect_left(starts, tb), len(subjects)):
        if subjects[j][0] - tb > 40:
            break
        if subjects[j][3]:
            found.append(subjects[j])
            break
    return found


def _read_clause(t, terms, subjects, inside, others, breaks):
    """The first (subject, term) pair of a sentence tied in one clause, read for polarity, hedge
    and scope: (start, end, concept, polarity, hedged, weight) or None. ``breaks``: the spans of
    the sentence's clause breaks."""
    starts = [x[0] for x in subjects]
    break_starts = [a for a, _ in breaks]
    inside.sort()
    inside_starts = [a for a, _ in inside]
    others.sort()
    other_starts = [a for a, _ in others]
    for ta, tb, polarity, weight in terms:
        i = bisect_right(inside_starts, ta)
        if any(inside[j][1] >= tb for j in range(max(0, i - 8), i)):
            continue  # the words are the condition's own name ("oral allergy syndrome")
        # the nearest subject before the term, else one just after it ("you cannot catch it")
        for sa, sb, concept, _ in _nearest(subjects, starts, ta, tb):
            if sa >= tb and not t[tb:sa].strip():
                if _ALIAS_CUE.search(t, max(0, ta - 30), ta):
                    # "also known as allergic X"
                    return ta, sb, concept, polarity, False, weight, False
                # "allergic asthma", "hereditary angioedema": a kind of the condition has it
                return ta, sb, concept, "partly", False, weight * 0.5, False
            lo, hi = (sb, ta) if sb <= ta else (tb, sa)
            between = t[lo:hi]
            if sb <= ta and _PREP_BEFORE.search(t, max(0, sa - 30), sa):
                continue  # "medications for X only treat ...": X is not what the clause is about
            k = bisect_left(other_starts, lo)
            if k < len(others) and others[k][0] < hi:
                continue  # another condition stands between them: the words are its
            k = bisect_left(break_starts, lo)
            if k < len(breaks) and breaks[k][1] <= hi:
                continue  # a clause break between them
            neg_at = [m.end() for m in _NEG.finditer(between)] if sb <= ta else []
            but = _BUT.search(between)
            if but is not None and not (neg_at and neg_at[0] <= but.start()):
                continue  # "X is common, but antibodies ...": another clause
            window = t[min(sa, ta) : max(sb, tb)]
            k = bisect_right(break_starts, min(sa, ta)) - 1
            while k >= 0 and breaks[k][1] > min(sa, ta):
                k -= 1
            clause_start = max(breaks[k][1] if k >= 0 else 0, min(sa, ta) - MAX_CLAUSE_CHARS)
            lead = t[clause_start : min(sa, ta)]
            if not _VERB.search(window if sb <= ta else lead + window):
                continue  # a heading or a noun phrase, not a statement
            if (
                ASKED.search(lead)
                or ASKED.search(between)
                or _ASIDE.search(lead + window)
                or critic_at(t, min(sa, ta))
            ):
                continue  # a whether-clause, or a view the page argues against
            # the negation that governs the term: in the words between (spent by a "but" after
            # it), inside the term ("no cure"), or just before a subject that follows the term
            neg = False
            if sb <= ta:
                live = [e for e in neg_at if not _BUT_AFTER_NEG.search(between, e)]
                neg = bool(live)
            else:
                neg = bool(_NEG.search(t[max(clause_start, ta - 30) : ta]) or _NEG.search(between))
            neg = neg or bool(_NEG.search(t[max(clause_start, ta - 12) : ta]))
            pol = polarity
            if neg:
                pol = "deny" if polarity == "affirm" else "affirm"
            if not neg and _BARE_CURE.match(t[ta:tb]):
                continue  # "a cure for X" said plainly: a hope, not an answer
            end = max(sb, tb)
            scope_text = t[clause_start : min(len(t), end + 40)]
            if (
                SCOPE.search(scope_text)
                or _MOSTLY.search(scope_text)
                or _KIND_OF.search(t, max(0, sa - 40), sa)
            ):
                pol = "partly"
            hedged = bool(_HEDGE.search(lead) or _HEDGE.search(window))
            doubted = hedged and (strongly_hedged(lead) or strongly_hedged(window))
            if sb <= ta and _APPOSED.search(between):
                weight *= APPOSED_WEIGHT
            return min(sa, ta), end, concept, pol, hedged, weight, doubted
    return None


def clause_answer(
    page: Page,
    targets: set[str],
    predicate: str,
    letters: frozenset[str] | set[str] = frozenset(),
    autoimmune_ids: frozenset[str] = frozenset(),
) -> tuple[str, list[int]]:
    """(yes|no|partly|not_answered, sentence indexes) from the page's clause evidence.

    Each clause weighs its term's weight (1, or 0.5 for a term that only points at the property),
    times 1.5 in the title or lede, times 0.6 when hedged. The heavier side wins when it is at
    least twice the other; otherwise, or when a scoped clause ("some forms") weighs at least half
    the heavier side, the answer is ``partly``. Less than ``MIN_WEIGHT`` on the winning side is
    ``not_answered``: a false answer is worse than none."""
    return answer_from_evidence(clause_evidence(page, targets, predicate, letters, autoimmune_ids))


def answer_from_evidence(found: list[ClauseEvidence]) -> tuple[str, list[int]]:
    """``clause_answer`` from clause evidence already read."""
    total = {"affirm": 0.0, "deny": 0.0, "partly": 0.0}
    for e in found:
        total[e.polarity] += e.weight
    yes, no, part = total["affirm"], total["deny"], total["partly"]
    top = max(yes, no, part)
    if top < MIN_WEIGHT:
        return "not_answered", []

    def sentences(*sides: str) -> list[int]:
        return sorted({e.sentence for e in found if e.polarity in sides})

    if part and part >= 0.5 * max(yes, no):
        return "partly", sentences("affirm", "deny", "partly")
    if yes and no and max(yes, no) < 2 * min(yes, no):
        return "partly", sentences("affirm", "deny", "partly")
    if yes >= no and all(e.doubted for e in found if e.polarity == "affirm"):
        # "the immune system may contribute to it", and nothing firmer: a possibility, so the
        # page answers partly (the corpus's guide: "may", "might", "possible" read partly)
        return "partly", sentences("affirm")
    if yes >= no:
        return "yes", sentences("affirm")
    return "no", sentences("deny")
