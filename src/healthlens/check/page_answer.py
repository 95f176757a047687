"""What the page answers to the question, and the sentences that answer rests on."""

from __future__ import annotations

import os
import re
from dataclasses import replace

from ..models import Claim, Page
from ..understand.answer_scorer import (
    Scored,
    load_scorer,
    names_condition,
    page_features,
)
from ..understand.assertions import PROPERTIES_FOR, Assertion, read_assertions
from ..understand.clause_evidence import answer_from_evidence, clause_evidence
from ..understand.sentence_reader import load_sentence_reader, point_at
from ..understand.sentence_reader import summary as reader_summary
from ..understand.vocabulary import UNSETTLED, cues

__all__ = [
    "page_answer",
    "definition_answer",
    "PREDICATES_FOR",
    "read_page_answer",
    "read_page_answer_sourced",
    "read_page_answer_both",
    "combine_answer",
    "scorer_mode",
    "SCORER_MODES",
    "answer_from_assertions",
    "says_both",
    "answers_outright",
]

_QUALIFIER = r"\b(?:immune|link|linked|links|connection|connected|associated|association|involved|role|overlap\w*)\b"
_AFTER = re.compile(r"\b(?:but|however|yet|though)\b.{0,120}?" + _QUALIFIER, re.I)
_CONCESSIVE = re.compile(r"\b(?:while|whilst|although|though)\b", re.I)
# a modal that leaves the qualification open: "..., but the immune system may play a role"
_MODAL_HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps|maybe)\b", re.I)


def _qualified(page: Page, c: Claim) -> bool:
    """A denial the page itself qualifies: "X is not autoimmune, but the immune system is involved",
    "While X is not classified as autoimmune, there is evidence for a link". A qualification
    that a modal leaves open ("..., but the immune system may play a role") is a caveat the
    denial leans past: the denial stands ("does seem to be involved" still qualifies it)."""
    s = page.sentences[c.sentence]
    before, after = s.text[: c.start - s.start], s.text[c.start - s.start :]
    m = _AFTER.search(after)
    if m is not None:
        return not _MODAL_HEDGE.search(after, m.start())
    comma = after.find(",")
    return (
        bool(_CONCESSIVE.search(before))
        and comma >= 0
        and bool(re.search(_QUALIFIER, after[comma:], re.I))
        and not _MODAL_HEDGE.search(after, comma)
    )


# which claim predicates speak to which question
PREDICATES_FOR = {
    "autoimmune": ("autoimmune",),
    "immune": ("immune", "autoimmune", "allergy"),
    "allergy": ("allergy",),
    "link": ("autoimmune",),
    "definition": (),
    "contagious": ("contagious",),
    "inherited": ("inherited",),
    "curable": ("curable",),
}


def page_answer(page: Page, targets: set[str], predicate: str) -> tuple[str, list[int]]:
    """(yes|no|partly|unclear|not_answered, sentence indexes)."""
    preds = PREDICATES_FOR.get(predicate, ("autoimmune",))
    claims: list[Claim] = [
        c for c in page.claims if c.concept_id in targets and c.predicate in preds
    ]
    if not claims:
        return "not_answered", []
    firm = [c for c in claims if not c.hedged]
    affirm = [c for c in firm if c.polarity == "affirm" and c.basis != "contrast"]
    deny = [c for c in firm if c.polarity == "deny"]
    partly = [c for c in firm if c.polarity == "partly"]
    links = [c for c in claims if c.polarity == "link"]
    if predicate == "link":
        affirm = affirm + [c for c in links if not c.hedged]
    if predicate == "immune":
        # for "caused by the immune system?", an allergy is a yes
        affirm = [c for c in affirm if c.predicate in ("immune", "autoimmune", "allergy")]
        # not being autoimmune or an allergy does not make a condition free of immune causes
        deny = [c for c in deny if c.predicate == "immune"]
    qualified = [c for c in deny if _qualified(page, c)]
    if partly or (affirm and deny) or (qualified and predicate == "autoimmune"):
        # "not autoimmune, but the immune system is involved / it is linked" answers partly
        used = partly + affirm + deny
        return "partly", sorted({c.sentence for c in used})
    if affirm:
        return "yes", sorted({c.sentence for c in affirm})
    if deny:
        return "no", sorted({c.sentence for c in deny})
    if links and predicate != "link":
        return "unclear", sorted({c.sentence for c in links})
    return "unclear", sorted({c.sentence for c in claims})


def definition_answer(
    page: Page,
    concept_id: str,
    letters: set[str],
    by_letters: bool,
    targets: set[str] | None = None,
) -> tuple[str, list[int], bool | None]:
    """(defined | misdefined | not_answered, sentence indexes, agrees) for "What is X?" / "What
    does X stand for?": does the page expand and name X as the knowledge base does?

    ``letters``: the question's abbreviations; ``by_letters``: the question asked about letters.
    A definition of those letters as another condition (or a long form the terminology does not
    give them) is ``misdefined``; a definition as the condition, or (for a name) the page naming
    it in full, is ``defined``."""
    wrong, right = [], []
    for ab in page.abbreviations:
        if ab.short.upper() not in letters:
            continue
        if ab.known_expansion or ab.long_concept == concept_id:
            right.append(ab.sentence)
        elif ab.expected or ab.long_concept is not None:
            wrong.append(ab.sentence)
    if wrong and not (right and min(right) < min(wrong)):
        return "misdefined", sorted(set(wrong)), False
    if right:
        # a page that lists several readings and gives the knowledge base's first ("BP can mean
        # bullous pemphigoid, ... or blood pressure") defines the letters as it does
        return "defined", sorted(set(right)), True
    # "X stands for ...", "X is a ...": the page says what the letters or the condition are
    said = _defining_sentences(page, targets or {concept_id}, letters)
    if said:
        return "defined", said, page.on_topic is not False
    return "not_answered", [], None


# --- the page's answer from its assertions (understand/assertions.py) -------------------------

# how much each kind of assertion weighs: a direct answer to the page's own question most, a
# statement of the class ("X is an autoimmune disease") next, the mechanism and side remarks least
BASIS_WEIGHT = {
    "answer": 3.0,
    "copula": 2.0,
    "pronoun": 2.0,
    "alias": 2.0,
    "class": 2.0,
    "recognized": 2.0,
    "example": 1.5,
    "other": 1.0,
    "contrast": 1.0,
    "mechanism": 1.0,
    "link": 1.5,
    "rival": 1.0,
    "partial": 2.0,
    "scoped": 1.5,
    "most": 1.5,
    "named": 1.0,  # the page calls it by a name that holds the property ("allergic rhinitis")  # "most cases of X are not inherited": leans, but only for most
    "referred": 2.0,
}
PLACE_WEIGHT = {"title": 1.5, "answer": 2.0, "lede": 1.5, "body": 1.0}
FIRM = 1.0  # an assertion at least this heavy, by the page, unhedged, can make the answer partly
CRITIC_WEIGHT = 0.5  # a view the page argues against counts, reversed, at half weight
_AGAINST = {"affirm": "deny", "deny": "affirm"}
_VERDICT = {"affirm": "yes", "deny": "no", "partly": "partly"}


def assertion_weight(a: Assertion) -> float:
    """How much one assertion weighs in the page's answer (0 for hedged ones and links)."""
    if a.hedged or a.polarity == "link":
        return 0.0
    w = BASIS_WEIGHT.get(a.basis, 1.0) * PLACE_WEIGHT.get(a.place, 1.0)
    return w * CRITIC_WEIGHT if a.speaker == "critic" else w


def _side(a: Assertion) -> str:
    """The answer an assertion speaks for: what the page says, or the reverse of what a critic says."""
    return _AGAINST.get(a.polarity, a.polarity) if a.speaker == "critic" else a.polarity


def _is_firm(a: Assertion, weight: float) -> bool:
    """A statement the page makes firmly: heavy, unhedged, in its own voice, not by mechanism or
    scope (``_firm_sides``, ``concludes_firmly``)."""
    return (
        weight >= FIRM
        and not a.hedged
        and a.speaker != "critic"
        and a.basis not in ("mechanism", "rival", "scoped", "most", "named")
    )


def _firm_sides(live: list[tuple[Assertion, float]]) -> tuple[dict[str, bool], dict[str, bool]]:
    """The sides the page states firmly (heavy, unhedged, in its own voice, not by mechanism or
    scope), anywhere and below the title: a title that states the opposite of the page's direct
    answer is the earlier, less specific statement, and the answer wins over it."""
    firm = {"affirm": False, "deny": False, "partly": False}
    firm_body = dict(firm)
    for a, w in live:
        if _is_firm(a, w):
            side = _side(a)
            firm[side] = True
            if a.place != "title":
                firm_body[side] = True
    return firm, firm_body


# "Is X linked to autoimmune disease?": research reports a link with "may", "suggests", "appears";
# such a link is still the page's answer (the corpus's link pages are labelled yes on it), at this
# share of its weight, while a link the page calls unsettled ("remains unclear", "is debated")
# stays a hedge that weighs nothing
LINK_HEDGE_WEIGHT = 0.5
_UNSETTLED = cues(UNSETTLED)


def _as_links(assertions: list[Assertion]) -> list[Assertion]:
    """For a link question, a statement that some cases or forms are autoimmune ("4-30% of cases
    are autoimmune in origin", "can be caused by autoimmune conditions") is a link: yes."""
    return [
        replace(a, polarity="affirm") if a.polarity == "partly" and a.speaker != "critic" else a
        for a in assertions
    ]


def _reported_links(
    page: Page | None, assertions: list[Assertion]
) -> list[tuple[Assertion, float]]:
    """The hedged links the page reports in its own voice, with their unhedged weight: those
    ``LINK_HEDGE_WEIGHT`` counts for a link question (a direct answer excepted, and a link in a
    sentence that calls it unsettled)."""
    out = []
    for a in assertions:
        if not a.hedged or a.polarity != "affirm" or a.speaker == "critic" or a.basis == "answer":
            continue
        if page is not None and _UNSETTLED.search(page.sentences[a.sentence].text):
            continue
        out.append((a, BASIS_WEIGHT.get(a.basis, 1.0) * PLACE_WEIGHT.get(a.place, 1.0)))
    return out


def _own_assertions(assertions: list[Assertion], predicate: str) -> list[Assertion]:
    """The assertions that speak to ``predicate`` itself: for "caused by the immune system?", a
    denial that the condition is autoimmune or an allergy leaves immune causes open."""
    if predicate != "immune":
        return assertions
    return [
        a
        for a in assertions
        if not (_side(a) == "deny" and a.predicate != "immune" and a.basis != "answer")
    ]


def _outright(live: list[tuple[Assertion, float]], firm_body: dict[str, bool]) -> str | None:
    """The side of the page's direct answer to its own question ("Is X autoimmune? No, ..."),
    when it gives one side only and does not state the opposite firmly below the title."""
    answers = {_side(a) for a, _ in live if a.basis == "answer" and a.speaker != "critic"}
    if len(answers) != 1:
        return None
    side = answers.pop()
    return side if side not in _AGAINST or not firm_body[_AGAINST[side]] else None


def _rules_stand(
    assertions: list[Assertion],
    predicate: str,
    page: Page | None = None,
    rules: str | None = None,
) -> tuple[bool, bool]:
    """(``says_both``, ``answers_outright``), from one pass over the page's own assertions. With
    the page and the rules' answer, a family's property stated with a copula in the page's answer
    to its own question counts as answering it outright too (``_states_in_answer``)."""
    live = [
        (a, w) for a in _own_assertions(assertions, predicate) if (w := assertion_weight(a)) > 0
    ]
    firm, firm_body = _firm_sides(live)
    outright = _outright(live, firm_body) is not None or (
        page is not None
        and rules is not None
        and _states_in_answer(page, assertions, predicate, rules, firm_body)
    )
    return firm["affirm"] and firm["deny"], outright


def answers_outright(
    assertions: list[Assertion],
    predicate: str,
    page: Page | None = None,
    rules: str | None = None,
) -> bool:
    """The page answers its own question outright, one way ("Is X autoimmune? No, ..."): the
    strongest thing a page can say, and what the rules' answer then rests on; the learned scorer
    does not overrule it (``SCORER_MODE`` "unless_stated"). ``page`` and ``rules`` (the rules'
    answer): as ``read_page_answer_both`` reads it, copular family statements included."""
    return _rules_stand(assertions, predicate, page, rules)[1]


def _spreads_another_way(assertions: list[Assertion], rules: str) -> bool:
    """The rules read "contagious" yes because the page denies spread one way only ("not through
    casual contact", "not by sharing a glass") and says how it does spread ("through blood"):
    the page states both, and its own distinction is the answer the model does not overrule."""
    if rules != "yes":
        return False
    live = [a for a in assertions if a.predicate == "contagious" and assertion_weight(a) > 0]
    deny = [a for a in live if _side(a) == "deny"]
    return bool(deny) and all(a.basis == "most" for a in deny)


def states_firmly(assertions: list[Assertion], predicate: str, rules: str) -> bool:
    """The rules' answer is yes or no and the page states that side firmly in its own voice
    (heavy, unhedged, not by mechanism or scope: ``_firm_sides``): what ``SCORER_MODE``
    "unless_firm" keeps from the model. A page that hedges a claim first and states it as fact
    later is the shape this guards: the model pools the hedge and reads partly."""
    side = {"yes": "affirm", "no": "deny"}.get(rules)
    if side is None:
        return False
    live = [
        (a, w) for a in _own_assertions(assertions, predicate) if (w := assertion_weight(a)) > 0
    ]
    return _firm_sides(live)[0][side]


def concludes_firmly(assertions: list[Assertion], predicate: str, rules: str) -> bool:
    """The rules' answer is yes or no, the page states that side firmly in its own voice
    (``states_firmly``), and nothing after its last such statement says otherwise: no other
    side, no hedge. The page's last word on the question is the rules' answer, which both
    labelling guides read as the page's answer however it hedged before; what ``SCORER_MODE``
    "unless_concluded" keeps from a model that reads such a page partly."""
    side = {"yes": "affirm", "no": "deny"}.get(rules)
    if side is None:
        return False
    own = _own_assertions(assertions, predicate)
    firm = [a for a in own if _is_firm(a, assertion_weight(a)) and _side(a) == side]
    if not firm:
        return False
    last = max(a.sentence for a in firm)
    return not any(
        a.sentence > last and a.polarity != "link" and (a.hedged or _side(a) != side) for a in own
    )


def says_both(assertions: list[Assertion], predicate: str) -> bool:
    """The page states both answers firmly in its own voice: it contradicts itself, and its
    answer is the rules' (partly, with the sentences of both sides), which the learned scorer
    does not overrule (``SCORER_MODE`` "unless_both")."""
    return _rules_stand(assertions, predicate)[0]


def answer_from_assertions(
    page: Page, assertions: list[Assertion], predicate: str
) -> tuple[str, list[int]]:
    """(yes|no|partly|unclear|not_answered, sentence indexes) from the page's assertions.

    The page's direct answer to its own question decides unless the page also states the
    opposite outright; otherwise a firm statement each way, or one that only some forms have the
    property, make it partly; otherwise the heavier side wins, and partly when neither side is
    twice the other. Hedged statements and links alone leave it unclear. The sentences returned
    are those of the assertions on the side that won."""
    not_autoimmune: list[int] = []
    if predicate == "immune":
        # for "caused by the immune system?", an allergy is a yes; not being autoimmune or an
        # allergy does not make a condition free of immune causes
        not_autoimmune = [
            a.sentence
            for a in assertions
            if _side(a) == "deny"
            and a.predicate == "autoimmune"
            and a.basis in ("copula", "pronoun", "recognized")
            and a.speaker == "page"
            and not a.hedged
        ]
    assertions = _own_assertions(assertions, predicate)
    if not assertions:
        return "not_answered", []
    if predicate == "link":
        assertions = _as_links(assertions)
    live = [(a, w) for a in assertions if (w := assertion_weight(a)) > 0]
    if predicate == "link":
        live += [(a, w * LINK_HEDGE_WEIGHT) for a, w in _reported_links(page, assertions)]
    if not live:
        return "unclear", sorted({a.sentence for a in assertions})

    def sentences(side: str) -> list[int]:
        return sorted({a.sentence for a, _ in live if _side(a) == side})

    total = {"affirm": 0.0, "deny": 0.0, "partly": 0.0}
    for a, w in live:
        total[_side(a)] += w
    firm, firm_body = _firm_sides(live)
    side = _outright(live, firm_body)
    if side is not None:
        return _VERDICT[side], sentences(side)
    qualified = (page is not None and predicate == "autoimmune") and any(
        _side(a) == "deny"
        and a.basis in ("copula", "pronoun")
        and a.speaker != "critic"
        and _qualified(
            page, Claim(a.sentence, a.start, a.end, a.concept_id, "autoimmune", "deny", False)
        )
        for a, _ in live
    )
    if firm["partly"] or (firm["affirm"] and firm["deny"]) or qualified:
        # "not autoimmune, but the immune system is involved / it is linked" answers partly
        return "partly", sorted({a.sentence for a, _ in live})
    yes, no = total["affirm"], total["deny"]
    # a partly read only by scope ("a genetic predisposition", "some types are inherited in an
    # autosomal dominant pattern") beside a yes at least twice as heavy leaves the yes standing
    weak_partly = all(a.basis in ("scoped", "most") for a, _ in live if _side(a) == "partly")
    if total["partly"] >= FIRM and not no and not (weak_partly and yes >= 2 * total["partly"]):
        # "an allergic reaction, but it can also come from stress": so for some cases only
        return "partly", sorted({a.sentence for a, _ in live if _side(a) in ("affirm", "partly")})
    if (
        not_autoimmune
        and yes
        and not any(
            a.basis in ("answer", "copula", "pronoun", "class", "alias")
            and a.predicate in ("immune", "allergy")
            and _side(a) == "affirm"
            for a, _ in live
        )
    ):
        # "not an autoimmune disease, but the immune system plays a role": the immune system
        # takes part, yet the page says it is not what causes the disease outright
        return "partly", sorted({a.sentence for a, _ in live} | set(not_autoimmune))
    if (
        predicate == "contagious"
        and yes
        and no
        and all(a.basis == "most" for a, _ in live if _side(a) == "deny")
    ):
        # "not caught by touch" beside "caught through droplets": a denial of one way of
        # spreading leaves the others open, and yields to the way the page says it spreads
        return "yes", sentences("affirm")
    if yes and no:
        if yes >= 2 * no:
            return "yes", sentences("affirm")
        if no >= 2 * yes:
            return "no", sentences("deny")
        return "partly", sorted({a.sentence for a, _ in live})
    if yes:
        return "yes", sentences("affirm")
    if no:
        return "no", sentences("deny")
    return "partly", sentences("partly")


# id(records) -> (records, ids): the records are kept so that a reused id never finds a stale entry
_AUTOIMMUNE_IDS: dict[int, tuple[object, frozenset[str]]] = {}


def autoimmune_ids(kb) -> frozenset[str]:
    """The conditions the knowledge base holds autoimmune (computed once per knowledge base)."""
    cached = _AUTOIMMUNE_IDS.get(id(kb.records))
    if cached is not None and cached[0] is kb.records:
        return cached[1]
    ids = frozenset(cid for cid, rec in kb.records.items() if rec.autoimmune == "yes")
    _AUTOIMMUNE_IDS[id(kb.records)] = (kb.records, ids)
    return ids


# --- the learned scorer (understand/answer_scorer.py) beside the rules --------------------------

# where the page's answer takes the model's reading over the rules' (``scorer_mode``): "off":
# never; "not_answered": only where the rules find no answer; "confident": wherever the model's
# class has at least SCORER_CONFIDENCE probability; "always": everywhere; "unless_both":
# everywhere except on a page that states both answers firmly in its own voice (``says_both``),
# where the rules' partly shows the reader both sides; "unless_stated": also not where the page
# answers its own question outright (``answers_outright``), the strongest thing a page says;
# "unless_firm": also not where the rules' yes or no is a side the page states firmly in its own
# voice (``states_firmly``; round 14, offered beside the shipped setting, not shipped);
# "unless_concluded": as "unless_stated", and the model's partly does not overrule a yes or no the
# page states firmly last (``concludes_firmly``; round 15), though its other answers may.
# The shipped setting is chosen by the gate in benchmarks/train_answer_scorer.py, by the rule of
# docs/page-answer.md (section 4, round 4): the combination that passes it, and "not_answered"
# where only it does (round 6); where the model agrees with the rules, their reading, with all
# its sentences, stands
SCORER_MODES = (
    "off",
    "always",
    "not_answered",
    "confident",
    "unless_both",
    "unless_stated",
    "unless_firm",
    "unless_concluded",
)
SCORER_MODE = "unless_concluded"
SCORER_CONFIDENCE = 0.6  # the best page answer of the site-grouped CV (0.5 to 0.9)


def combine_answer(
    mode: str,
    rules: str,
    scored: Scored,
    confidence: float = SCORER_CONFIDENCE,
    both: bool = False,
    outright: bool = False,
    firm: bool = False,
    concluded: bool = False,
) -> str:
    """The answer a combination gives, from the rules' answer and the model's reading (the
    corpus's classes: the rules' "unclear" is "partly" here). ``both``: the page states both
    answers firmly in its own voice (``says_both``); ``outright``: it answers its own question
    outright, one way (``answers_outright``); ``firm``: the rules' yes or no is a side it states
    firmly (``states_firmly``); ``concluded``: it is the side the page states firmly last
    (``concludes_firmly``)."""
    rules = "partly" if rules == "unclear" else rules
    if mode == "always":
        return scored.answer
    if mode == "unless_both":
        return rules if both else scored.answer
    if mode == "unless_stated":
        return rules if both or outright else scored.answer
    if mode == "unless_firm":
        return rules if both or outright or firm else scored.answer
    if mode == "unless_concluded":
        if both or outright or (concluded and scored.answer == "partly"):
            return rules
        return scored.answer
    if mode == "not_answered":
        return scored.answer if rules == "not_answered" else rules
    if mode == "confident":
        return scored.answer if scored.probability >= confidence else rules
    return rules


def read_page_answer(
    page: Page, targets: set[str], predicate: str, letters: set[str] | None = None, kb=None
) -> tuple[str, list[int]]:
    """The page's answer, read sentence by sentence (understand/assertions.py) for the properties
    the assertions cover, and by ``page_answer`` for the others ("What is X?" is
    ``definition_answer``'s). ``letters``: the abbreviations the question stands behind."""
    answer, sentences, _source = read_page_answer_sourced(page, targets, predicate, letters, kb)
    return answer, sentences


def read_page_answer_sourced(
    page: Page, targets: set[str], predicate: str, letters: set[str] | None = None, kb=None
) -> tuple[str, list[int], str]:
    """``read_page_answer``'s answer and sentences, and where the answer came from: ``rules``, or
    ``model`` where ``SCORER_MODE`` lets the learned scorer (understand/answer_scorer.py) overrule
    the rules; its answer then rests on the one sentence that adds most to it."""
    answer, sentences, source, _rules = read_page_answer_both(page, targets, predicate, letters, kb)
    return answer, sentences, source


def read_page_answer_both(
    page: Page, targets: set[str], predicate: str, letters: set[str] | None = None, kb=None
) -> tuple[str, list[int], str, str | None]:
    """``read_page_answer_sourced``'s answer, sentences and source, and the rules' own answer
    where the model's stands instead (None where the rules' answer is the page's)."""
    if predicate not in PROPERTIES_FOR:
        return (*page_answer(page, targets, predicate), "rules", None)
    letters = letters or set()
    known = autoimmune_ids(kb) if kb is not None and predicate == "link" else frozenset()
    found = read_assertions(page, targets, predicate, known, letters)
    answer = answer_from_assertions(page, found, predicate)
    evidence = None
    if answer[0] == "not_answered" and page.on_topic:
        # nothing the rules list: the general clause reader (understand/clause_evidence.py)
        evidence = clause_evidence(page, targets, predicate, letters, known)
        answer = answer_from_evidence(evidence)
    mode = scorer_mode()
    if mode == "off" or (mode == "not_answered" and answer[0] != "not_answered"):
        return (*answer, "rules", None)
    if not names_condition(page, targets, letters):
        return (*answer, "rules", None)
    if mode in ("unless_both", "unless_stated", "unless_firm", "unless_concluded"):
        both, outright = _rules_stand(found, predicate, page, answer[0])
        if (
            both
            or (outright and mode != "unless_both")
            or (mode == "unless_firm" and states_firmly(found, predicate, answer[0]))
            or _spreads_another_way(found, answer[0])
        ):
            # the rules' reading stands whatever the model reads (``combine_answer``), so the
            # model is not asked: no clause reading, features or scoring for this page
            return (*answer, "rules", None)
    if evidence is None:
        evidence = clause_evidence(page, targets, predicate, letters, known)
    scorer = load_scorer()
    # a scorer trained on the wide candidates (answer_scorer.candidates) reads them
    wide = scorer.meta.get("candidates") == "wide"
    own, per_sentence = page_features(
        page, targets, predicate, letters, found, evidence, answer[0], wide
    )
    readings = None
    among = per_sentence  # the candidates the reader reads, and the answer may point at
    if scorer.meta.get("sentence_reader"):
        # the page scorer was trained with the sentence reader's outputs among its features
        # (understand/sentence_reader.py): each candidate read alone, then summed up for the page
        # the reader may read the wide candidates where the page scorer pools the narrow ones
        if scorer.meta.get("reader_candidates") == "wide" and not wide:
            among = page_features(
                page, targets, predicate, letters, found, evidence, answer[0], True
            )[1]
        readings = load_sentence_reader().read(page, among, predicate)
        rules = "partly" if answer[0] == "unclear" else answer[0]
        pooled = per_sentence if scorer.meta.get("pool_answering") else None
        own = own | reader_summary(readings, predicate, rules, pooled)
    scored = scorer.score(own, per_sentence, point=False)
    # only the model's partly is held back by a firm conclusion: its other answers need no look
    concluded = (
        mode == "unless_concluded"
        and scored.answer == "partly"
        and concludes_firmly(found, predicate, answer[0])
    )
    chosen = combine_answer(mode, answer[0], scored, SCORER_CONFIDENCE, concluded=concluded)
    if chosen == ("partly" if answer[0] == "unclear" else answer[0]):
        return (*answer, "rules", None)
    if chosen == "not_answered":
        return chosen, [], "model", answer[0]
    # the model's answer must rest on a statement about the condition or the property, one the
    # reader can check it against; where none adds to it, the rules' reading stands
    sentence = point_at(scorer, readings, among, chosen)
    if sentence is None or _AFFILIATION.match(page.sentences[sentence].text):
        # an author's affiliation ("2 Department of Dermatology and Allergy, ...") names the
        # property but says nothing of the condition: the rules' reading stands
        return (*answer, "rules", None)
    return chosen, [sentence], "model", answer[0]


# an author's affiliation line in a journal page's title block
_AFFILIATION = re.compile(
    r"^\W*(?:\d{1,2}\s*|[a-z]\s+)?(?:Department|Dept\.?|Division|School|Faculty|Institute|Laboratory|Unit|"
    r"Section|Service|Clinic)\s+(?:of|for)\s+[^.;]{0,120}?,\s*[^.;]*\b(?:University|Hospital|Institute|"
    r"Medical\s+(?:School|Center|Centre)|College|School\s+of\s+Medicine)\b"
)


# a family's property said of the condition with a copula: "X is a contagious infection", "X is
# hereditary", "X is not curable"
_FAMILY_COPULA = re.compile(
    r"\b(?:is|are|isn['’]t|aren['’]t)\s+(?:(?:not|a|an|very|highly|extremely|usually|often)\s+){0,2}"
    r"(?:contagious|infectious|hereditary|inherited|genetic|curable|incurable)\b",
    re.I,
)
_FAMILY_PREDICATES = frozenset({"contagious", "inherited", "curable"})


def _states_in_answer(
    page: Page,
    found: list[Assertion],
    predicate: str,
    rules: str,
    firm_body: dict[str, bool],
) -> bool:
    """The page states the family's property of the condition, with a copula and in its own
    unhedged voice, in the sentences that answer the page's own question, all one way, the
    rules' answer is that way, and the page does not state the other way firmly below its title
    (``firm_body``, from ``_firm_sides``): the page's direct answer, which the model does not
    overrule."""
    if predicate not in _FAMILY_PREDICATES or rules not in ("yes", "no"):
        return False
    sides = {
        a.polarity
        for a in found
        if a.place == "answer"
        and a.speaker == "page"
        and not a.hedged
        and a.polarity in ("affirm", "deny")
        and _FAMILY_COPULA.search(page.text, a.start, a.end)
    }
    side = "affirm" if rules == "yes" else "deny"
    return sides == {side} and not firm_body[_AGAINST[side]]


def scorer_mode() -> str:
    """``SCORER_MODE``, or the environment's ``HEALTHLENS_ANSWER_SCORER`` when that names one of
    ``SCORER_MODES`` (anything else leaves the scorer off)."""
    mode = os.environ.get("HEALTHLENS_ANSWER_SCORER") or SCORER_MODE
    return mode if mode in SCORER_MODES else "off"


# --- "What is X?" / "What does X stand for?" ------------------------------------------------

_DEFINES = re.compile(
    r"[\s\"'”’)]*(?:\([^)]{1,40}\)\s*)?,?\s*(?:(?:can|may|usually|commonly|most\s+often|often)\s+)?"
    r"(?:is|are|refers?\s+to|means?|stands?\s+for|is\s+short\s+for|abbreviates|describes?|"
    r"is\s+defined\s+as|is\s+the\s+(?:name|term)\s+for|is\s+an?\s+(?:abbreviation|acronym|short\s+form)|"
    # an apposition after the letters: "JDM, an acronym for ...", "CAD, short for ..."
    r"(?:an?\s+)?(?:abbreviation|acronym|initialism)\s+(?:for|of)|short\s+for|which\s+stands?\s+for)\b",
    re.I,
)


# a glossary entry: "MS: multiple sclerosis", "MS - Multiple Sclerosis", "Lupus — a long-term ..."
_SEPARATED = re.compile(r"[\"'”’)]*\s*(?:[:=–—]|-\s)\s*[\w\"'“‘(]")
# where a sentence's own words begin: after a bullet or a list number ("1. mg")
_ENTRY_START = re.compile(r"^[\s\W]*?(?:\d{1,3}[.)]\s*)?(?=\w)")
# a dictionary's gloss under a headword: "noun. one thousandth of a gram"
_GLOSS = re.compile(
    r"^\W*(?:noun|abbreviation|abbr|acronym|initialism|symbol|n|adj|adjective)\b\.?\s*[:.,]?\s+\w",
    re.I,
)
# a description under a headword that names the condition ("Herpes encephalitis." then "Is one of
# the ...", "SJS." then "A very serious skin reaction ..."): a sentence with its subject left out
_DESCRIBES = re.compile(r"^\W*(?:an?\s+\w|is\s+(?:an?|one|the)\s+\w)", re.I)
# a one-word heading between a headword and its description ("Definition", "Overview")
_SECTION_WORD = re.compile(r"^\W*(?:definition|overview|description|summary|meaning)\W*$", re.I)
# the letters in full in brackets after them: "APAP (Automatically-adjusting Positive Airway ...)"
_BRACKETED_AFTER = re.compile(r"[\"'”’]?\s*\(([^()]{3,90})\)")
_ASKS_MEANING = re.compile(
    r"^\W*what\s+(?:does|do|is|are)\b[^?]*?(?:\b(?:stand|stands)\s+for|\bmeans?|\bshort\s+for)\W*$|"
    r"^\W*what\s+(?:is|are)\s+(?:an?\s+|the\s+)?[^?]{1,60}\?\W*$",
    re.I,
)
_EXPANDS = re.compile(r"^\W*(?:it|that|this)\s+(?:stands\s+for|means|is\s+short\s+for)\b", re.I)
_EXPANDS_AFTER = re.compile(
    r"[\"'”’)]*\s*(?:stands?\s+for|is\s+short\s+for|is\s+an?\s+(?:abbreviation|acronym))\b", re.I
)
_FILLERS = frozenset({"and", "of", "the", "for", "in", "on", "to", "a", "an", "&", "with"})
_WORD = re.compile(r"[A-Za-z][\w'’-]*|&")


def _spells(text: str, letters: set[str]) -> bool:
    """``text`` is an expansion whose words' initials spell some of ``letters`` ("Think,
    Exchange, Debate" for TED), and nothing else: a few capitalised words, fillers aside."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _FILLERS]
    if not 2 <= len(words) <= 8 or not words[0][0].isupper():
        return False
    if "".join(w[0] for w in words).upper() in letters:
        return True
    # a hyphenated word may give one letter or one for each part ("Computer-Aided Design"), but
    # only in a run of capitalised words: "Stevens-Johnson syndrome" is a name, not "SJS" spelled
    parts = [p for w in words for p in w.split("-") if p]
    return (
        len(parts) <= 8
        and all(p[0].isupper() for p in parts)
        and "".join(p[0] for p in parts) in letters
    )


def _after_cue(text: str) -> str:
    """The words after the last separator or "stands for" of a sentence (all of it when none)."""
    cut = 0
    for m in re.finditer(
        r"[:=–—]|\s-\s|\bstands?\s+for\b|\bmeans\b|\bshort\s+for\b|"
        r"\b(?:abbreviation|acronym|initialism)\s+(?:for|of)\b",
        text,
        re.I,
    ):
        cut = m.end()
    return text[cut:]


def _defining_sentences(page: Page, targets: set[str], letters: set[str]) -> list[int]:
    """The sentences that say what the asked letters stand for or what the asked condition is:
    an abbreviation the page defines, "X stands for ...", "X is a ...", a glossary entry ("X: ...",
    a headword and its gloss), an expansion whose initials spell the letters ("Think, Exchange,
    Debate"), or the answer right after the page asks it ("What does X stand for? ...")."""
    found = {ab.sentence for ab in page.abbreviations if ab.short.upper() in letters}
    by_sentence: dict[int, list] = {}
    for m in page.mentions:
        if m.concept_id in targets:
            by_sentence.setdefault(m.sentence, []).append(m)
    spelled = (
        re.compile(r"[\"'“‘]?\b(?:" + "|".join(map(re.escape, sorted(letters))) + r")\b[\"'”’]?")
        if letters
        else None
    )
    # the letters written as a word ("Itp stands for ..."): only before words that expand them
    titled = [w[0] + w[1:].lower() for w in sorted(letters) if len(w) >= 3 and w.isalpha()]
    written = re.compile(r"\b(?:" + "|".join(titled) + r")\b") if titled else None
    sentences = page.sentences
    for s in sentences:
        if s.index in found:
            continue
        if written is not None and any(
            _EXPANDS_AFTER.match(s.text, m.end()) for m in written.finditer(s.text)
        ):
            found.add(s.index)
            continue
        if s.text.rstrip().endswith("?"):
            # the page asks what the letters or the condition are, and answers right after
            if _ASKS_MEANING.match(s.text) and (
                by_sentence.get(s.index) or (spelled is not None and spelled.search(s.text))
            ):
                nxt = sentences[s.index + 1] if s.index + 1 < len(sentences) else None
                if (
                    nxt is not None
                    and not nxt.text.rstrip().endswith("?")
                    and (
                        # the page asks what the condition it names is: what follows answers
                        by_sentence.get(s.index)
                        or by_sentence.get(nxt.index)
                        or _EXPANDS.match(nxt.text)
                        or _spells(nxt.text, letters)
                    )
                ):
                    found.add(nxt.index)
            continue
        names = [(m.start - s.start, m.end - s.start) for m in by_sentence.get(s.index, [])]
        if spelled is not None:
            names += [m.span() for m in spelled.finditer(s.text)]
        if any(_DEFINES.match(s.text, e) for _, e in names):
            found.add(s.index)
            continue
        if spelled is not None and any(
            (b := _BRACKETED_AFTER.match(s.text, m.end())) and _spells(b.group(1), letters)
            for m in spelled.finditer(s.text)
        ):
            found.add(s.index)  # "APAP (Automatically-adjusting Positive Airway Pressure)"
            continue
        # a glossary entry that opens on the name or the letters: "MS: multiple sclerosis"
        lead = _ENTRY_START.match(s.text)
        at = lead.end() if lead else 0
        if any(a == at and _SEPARATED.match(s.text, e) for a, e in names):
            found.add(s.index)
            continue
        if letters and _spells(_after_cue(s.text), letters):
            found.add(s.index)  # "Oct 3: Think, Exchange, Debate"
            continue
        # a headword alone ("1. mg") and its gloss under it ("noun. one thousandth of a gram")
        if (
            letters
            and s.text[at:].strip().rstrip(".:").upper() in letters
            and s.index + 1 < len(sentences)
            and _GLOSS.match(sentences[s.index + 1].text)
        ):
            found.add(s.index + 1)
            continue
        # the name or letters alone as a headword, and a description under it with its subject
        # left out ("Herpes encephalitis." / "Is one of the ..."), a "Definition" heading between
        if _headword(s.text, at, names):
            under = s.index + 1
            if under < len(sentences) and _SECTION_WORD.match(sentences[under].text):
                under += 1
            if under < len(sentences) and _DESCRIBES.match(sentences[under].text):
                found.add(under)
    return sorted(found)


def _headword(text: str, at: int, names: list[tuple[int, int]]) -> bool:
    """The sentence is one name or the letters and nothing else but stops ("SJS.", "Herpes
    encephalitis:")."""
    end = len(text.rstrip().rstrip(".:").rstrip())
    return any(a == at and e == end for a, e in names)
