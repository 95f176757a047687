"""Assertions: what each sentence of a page says about the asked condition having the asked property.

The claims (understand/claims.py) read one grammatical shape at a time ("X is (not) an autoimmune
disease", "autoimmune diseases like X"). Real pages also answer in other ways, and this layer reads
them sentence by sentence, for one question (a set of target conditions and a property):

- ``claim``: a claim of claims.py about a target, kept with its own basis;
- ``answer``: the page restates the question ("Is X autoimmune?") and answers it within a few
  sentences ("Absolutely yes.", "Not exactly.", "In short, no");
- ``mechanism``: the property shown by how the condition works rather than by its name ("the immune
  system attacks the lining of the gut", "antibodies that attack the gland", "an IgE reaction to a
  food protein", "does not involve the immune system");
- ``alias``: a name the page gives the condition that names the property ("also called chronic
  autoimmune thyroiditis");
- ``class``: the condition is a form of a class named by the property ("the most common form of
  autoimmune thyroid disease", "belongs to the group of autoimmune diseases");
- ``recognized``: someone classifies it ("experts now recognize X as an autoimmune disease");
- ``rival``: membership of the class that answers the other way ("X is an autoimmune disorder"
  answers "is X an allergy?" no);
- ``link`` (link questions): a link, a raised risk or co-occurrence with autoimmune disease or with
  a condition the knowledge base holds autoimmune;
- and the claims' views the page argues against ("Some people think X is an allergy, but",
  "Myth: ..."), recorded with ``speaker="critic"``.

docs/page-answer.md describes the whole reading.

Each assertion keeps who asserts it (``page``, a cited ``source``, or a ``critic``), whether it is
hedged, where it stands (``title``, ``lede``, ``answer`` right after the page's own question, or
``body``) and the offsets of the words that carry it. Nothing here decides the page's answer:
check/page_answer.py combines the assertions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter
from typing import cast

from ..fastmatch import contains_any, literal_led_in_sentences, scanner
from ..models import ClaimPredicate, Mention, Page
from .claims import _HEDGE as _CLAIM_HEDGE  # the claims' own hedge cues, read here in wider clauses
from .claims import KEYWORDS
from .family_assertions import (
    CASUAL,
    FAMILY_PROPS,
    FAMILY_STEMS,
    GENES_BUT,
    NOT_ALWAYS,
    QUESTION_STEMS,
    family_evidence,
)
from .family_assertions import SOFT as _FAMILY_SOFT
from .property_claims import PARTITIVE
from .vocabulary import HEDGE, NEGATION, NOT_A_HEDGE, cues, letters_pattern

__all__ = ["Assertion", "read_assertions", "PROPERTIES_FOR", "critic_at", "strongly_hedged"]

# which properties speak to which question (the claims' predicates)
PROPERTIES_FOR = {
    "autoimmune": ("autoimmune",),
    "immune": ("immune", "autoimmune", "allergy"),
    "allergy": ("allergy",),
    "link": ("autoimmune",),
    "contagious": ("contagious",),
    "inherited": ("inherited",),
    "curable": ("curable",),
}


@dataclass(slots=True, frozen=True)
class Assertion:
    """One sentence's statement that a target condition has (or lacks) the asked property."""

    sentence: int
    start: int  # the words that carry the assertion (page offsets)
    end: int
    concept_id: str
    predicate: str  # autoimmune | allergy | immune
    polarity: str  # affirm | deny | partly | link
    hedged: bool
    speaker: str  # page | source | critic
    basis: (
        str  # claim basis (copula, example, ...) | answer | mechanism | alias | class | recognized
    )
    place: str  # title | lede | answer | body


# the class whose membership answers a question the other way: an autoimmune disease is not an
# allergy, and an allergy is not an autoimmune disease
_RIVAL = {"allergy": "autoimmune", "autoimmune": "allergy"}
LEDE = 3  # sentences after the title that make the lede
ANSWER_WINDOW = 4  # sentences after the page's own question in which it answers it

# a sentence without one of these stems asserts nothing this layer reads beyond the claims
_STEMS = re.compile(
    r"immun|allerg|antibod|ige|attack|intoleran|histamin|autoreact|autoinflam|hypersensitiv|also\s+be\s+(?:caused|brought\s+on)|react|\bT[- ]cells?\b|lymphocyt|white\s+blood",
    re.I,
)

# --- who asserts it -------------------------------------------------------------------------
_CRITIC = re.compile(
    r"\b(?:myth\b\s*(?:#?\d+)?\s*[:—–-]|(?:it\s+is|it['’]s|this\s+is)\s+(?:a\s+)?(?:common\s+|popular\s+|widespread\s+)?"
    r"(?:myth|misconception|misunderstanding|mistake)\s+(?:that|to\s+(?:think|believe|say|call))|"
    r"(?:some|many|most|a\s+lot\s+of)\s+(?:people|patients|folks|parents|sites|websites|articles|bloggers)\s+"
    r"(?:[a-z]+\s+)?(?:think|believe|assume|say|claim|call|consider|describe)|"
    r"(?:you\s+may|you\s+might|you['’]ve|you\s+have)\s+(?:have\s+)?(?:heard|read)|"
    r"(?:is|are)\s+(?:often|commonly|sometimes|frequently)\s+(?:mistaken|confused|mislabell?ed|misdiagnosed|called|labell?ed|"
    r"referred\s+to)|people\s+(?:often\s+)?(?:confuse|mistake)|(?:it\s+is|it['’]s)\s+(?:not\s+true|false|wrong|incorrect)\s+that|"
    # "it is not appropriate to say that X is contagious": the page corrects the saying
    r"(?:it\s+is|it['’]s|it\s+would\s+be)\s+(?:not\s+(?:quite\s+)?(?:appropriate|correct|accurate|right|fair)|"
    r"wrong|incorrect|inaccurate|misleading)\s+to\s+(?:say|call|think|claim|describe|label)(?:\s+that)?|"
    r"(?:the\s+)?(?:idea|belief|claim|notion)\s+that|"
    r"(?:friends?|neighbou?rs?|someone|relatives?|mom|dad|mother|father|others|they|he|she|people)\s+(?:\w+\s+){0,2}?"
    r"(?:says?|said|tells?|told|thinks?|believes?|claims?|insists?)\b|\b(?:told|heard)\s+(?:me|us|that))",
    re.I,
)
_BUT = re.compile(
    r"[,;]?\s*\b(?:but|however|yet|although|though|whereas|actually|in\s+fact|in\s+reality)\b|[;:]\s|[.!?]\s",
    re.I,
)
_FACT = re.compile(r"^\W*(?:fact|truth|reality|the\s+truth|the\s+facts?)\s*[:—–-]", re.I)
_SOURCE = re.compile(
    r"\b(?i:according\s+to|as\s+(?:stated|noted|explained|reported)\s+by|per)\s+(?:the\s+)?[A-Z]|"
    r"\b(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,5}(?:[A-Z]{2,6}|Clinic|Institutes?|Foundation|Association|Academy|College|Society|Organization|"
    r"Service|Medicine|Centers?)\s+(?:says|states|notes|explains|describes|classifies|lists|defines)\b"
)

# --- hedges and negation (clause-local) -------------------------------------------------------
_HEDGE = cues(
    HEDGE,
    # what a page's answer adds: a debate, a share of cases, a condition ("if"), an open search
    r"debated?|debate|controversial|contested|a\s+(?:proportion|subset|minority)\s+of|"
    r"in\s+some\s+(?:people|patients|cases)|(?:is|are)\s+thought|emerging|preliminary|"
    r"still\s+(?:being\s+)?(?:studied|investigated|debated)|not\s+(?:yet\s+)?(?:known|clear|settled|proven)|"
    r"no\s+one\s+knows|nobody\s+knows|some\s+(?:believe|think|argue)|if\s+|hypothesi[sz]e[ds]?|proposed|"
    r"some\s+have\s+(?:\w+\s+)?(?:said|claimed|suggested|argued|proposed)|"
    r"yet\s+to\s+(?:find|prove|confirm|show|be\s+\w+)",
)
_NEGATION = cues(
    NEGATION,
    # a class said to be absent: "unlike allergies", "non-allergic", "lacks the antibodies"
    r"unlike|non-?|lacks?|lacking|absence\s+of|absent",
)

# "experts believe", "is thought to be", "is considered": how health writing states what it holds,
# not a hedge (a strong hedge beside it still is)
_SOFT_HEDGE = re.compile(
    # ("some scientists believe" stays a hedge: only some hold it)
    r"(?<!\bsome\s)\b(?:(?:most|many|health|medical)\s+)?(?:experts?|doctors|scientists|researchers|physicians|dermatologists|"
    r"rheumatologists)\s+(?:now\s+|generally\s+|widely\s+|largely\s+)?(?:believe|think|consider|agree|classify|regard)|"
    r"\b(?:is|are|['’]s)\s+(?:not\s+)?(?:now\s+|generally\s+|widely\s+|largely\s+|commonly\s+)?(?:believed|thought|considered)\s+(?:to\s+be\s+)?|"
    r"\b(?:more|less|as|most)\s+likely\b|\bas\s+if\b|"
    # "research suggests", "evidence indicates": how a finding is reported (as the families read it)
    r"\b(?:research|studies|evidence|science|data)\s+(?:now\s+|strongly\s+|increasingly\s+)?(?:suggests?|indicates?)\b|"
    # and the shared vocabulary's: "evidence has been suggesting", "a potentially fatal ..."
    r"\b(?:" + NOT_A_HEDGE + r")\b",
    re.I,
)


@lru_cache(maxsize=8192)
def strongly_hedged(text: str) -> bool:
    """A hedge remains in ``text`` once the soft ones are taken out."""
    return bool(
        scanner(_HEDGE).search(text := _SOFT_HEDGE.sub(" ", text))
        or scanner(_CLAIM_HEDGE).search(text)
    )


# --- the page's own question and its answer --------------------------------------------------
_QUESTION_START = re.compile(
    r"^\W*(?:so\s*,?\s*|but\s+|and\s+)?(?:is|are|was|can|could|does|do|should|will|would|has|have)\b",
    re.I,
)
_YES = r"yes|yep|yeah|absolutely|definitely|certainly|indeed|of\s+course"
_NO = (
    r"no|nope|not\s+at\s+all|absolutely\s+not|definitely\s+not|certainly\s+not|not\s+really|not\s+usually|"
    r"not\s+typically|technically\s*,?\s+no"
)
_PARTLY = (
    r"yes\s+and\s+no|not\s+exactly|not\s+quite|not\s+entirely|not\s+completely|partly|partially|"
    r"sort\s+of|kind\s+of|in\s+a\s+way|in\s+some\s+cases|sometimes|not\s+in\s+the\s+(?:classic(?:al)?|usual|strict|traditional)\s+sense|"
    r"not\s+strictly|not\s+necessarily|not\s+always|it\s+depends|that\s+depends|depends"
)
# a sentence that opens on the answer word, then a stop ("Yes.", "Absolutely yes —", "No, it is not")
_OPENER = re.compile(
    r"^\W*(?:(?:so|well|in\s+short|in\s+a\s+word|simply\s+put|put\s+simply|briefly|basically|actually|"
    r"luckily|fortunately|happily|thankfully|"
    r"the\s+(?:(?:short|simple|quick|brief|honest|straight|clear)\s+)?answer(?:\s+to\s+(?:this|that|the|your|our)\s+"
    r"question)?(?:\s+is(?:\s+this)?)?|"
    r"short\s+answer|answer|bottom\s+line|(?:medically|technically|scientifically|clinically|strictly)\s+speaking|"
    r"generally|usually|mostly|typically|in\s+most\s+cases|for\s+the\s+most\s+part|technically|medically)\s*[:,—–-]?\s*)*"
    r"(?:(?:absolutely|definitely|certainly|surprisingly|unfortunately|sadly|actually)\s*,?\s*)?"
    rf"(?:(?P<partly>{_PARTLY})|(?P<no>{_NO})|(?P<yes>{_YES}))\s*(?:[.,!:;—–(…]|-\s|$)",
    re.I,
)

# --- mechanism: the property from how the condition works ------------------------------------
_ATTACK = r"(?:attack\w*|target\w*|destroy\w*|damag\w*|turns?\s+(?:on|against)|react\w*\s+against|go(?:es)?\s+after|assault\w*)"
_MECHANISM = {
    "autoimmune": re.compile(
        r"\bauto-?antibod\w+|\bautoreactive\b|\bself-?antigens?\b|"
        r"\bimmune\s+(?:system|cells?|response|defen[cs]es?)\b[^.;:]{0,60}?\b(?:mistakenly|wrongly|erroneously|accidentally|by\s+mistake)?\s*"
        + _ATTACK
        + r"\b[^.;:]{0,40}?\b(?:own|healthy|normal|the\s+(?:[\w-]+\s+){0,2}?(?:body|lining|gland|thyroid|joints?|skin|nerves?|myelin|"
        r"pancrea\w*|liver|intestin\w*|gut|colon|cells?|tissues?)|its\b|your\b|"
        # "attacks skin cells", "attacks hair follicles": the body's own parts, named without "the"
        r"(?!(?:infected|cancer|cancerous|tumou?r|foreign|invading|bacterial|viral)\b)(?:[\w-]+\s+)?(?:skin|nerve|hair|joint|"
        r"pigment|thyroid|liver|beta|islet|muscle|blood|red\s+blood|platelet|gland)\s+(?:cells?|tissues?|follicles?|linings?|"
        r"sheaths?))|"
        r"\bantibod\w+\b[^.;:]{0,30}?\b(?:that|which|to)?\s*" + _ATTACK + r"|"
        # "antibodies lead to the destruction of the beta cells"
        r"\b(?:auto-?)?antibod\w+\b[^.;:]{0,30}?\b(?:destruction|damage|attack|breakdown)\s+of\b|"
        # "thought to relate to an autoimmune process", "results from autoimmunity"
        r"\b(?:caused\s+by|due\s+to|results?\s+(?:of|from)|resulting\s+from|driven\s+by|relates?\s+to|related\s+to|"
        r"triggered\s+by|stems?\s+from)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?auto-?immun(?:e\s+(?:process|reaction|response|"
        r"mechanism|attack|origin)|ity)\b|"
        r"\b(?:body|immune\s+system|body['’]s\s+(?:own\s+)?defen[cs]es)\b[^.;:]{0,20}?\b(?:attacks?|attacking|turns?\s+(?:on|against))\s+"
        r"(?:itself|its\s+own|your\s+own|the\s+body)|"
        r"\b(?:mistakenly|wrongly)\s+(?:attacks?|identifies|treats)\b[^.;:]{0,40}?\b(?:own|healthy|body)|"
        r"\b(?:attack|assault)s?\s+(?:on\s+[\w\s]{1,30}?\s+)?(?:by|from)\s+(?:the\s+|your\s+|its\s+)?(?:body['’]s\s+)?(?:own\s+)?"
        r"immune\s+system|\bimmune\s+attack\s+(?:on|against)\b|"
        r"\b(?:attack|target|destroy)\w*\s+(?:[\w-]+\s+){0,2}?(?:healthy|its\s+own|your\s+own|the\s+body['’]s(?:\s+own)?)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:cells?|tissues?|organs?)\b",
        re.I,
    ),
    "allergy": re.compile(
        r"\bIgE[- ]mediated\b|\bIgE\s+(?:antibod\w+|reactions?|responses?|sensiti[sz]ation)|"
        # the immune system (or the body) reacting to something harmless it meets
        r"\b(?:immune\s+system|body)\b[^.;:]{0,40}?\b(?:over-?reacts?|overreaction|reacts?|responds?|mistakes?|identifies|"
        r"thinks|treats|sees|confuses|becomes\s+sensiti[sz]ed)\b[^.;:]{0,60}?"
        r"\b(?:harmless|food|protein|pollen|substance|allergen|milk|peanut|egg|dust|mites?|dander|mou?lds?|spores?|"
        r"venom|stings?|latex|particles?)\w*|"
        r"\b(?:over-?reaction|hypersensitivity)\s+of\s+the\s+immune\s+system|"
        # caused by allergens or an allergic reaction: "triggered by allergens such as pollen"
        r"\b(?:(?:caused|triggered|set\s+off|provoked|brought\s+on|driven)\s+by|due\s+to|results?\s+from)\s+"
        r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:allergens?|allergic\s+(?:reactions?|responses?)|allerg(?:y|ies))\b|"
        r"\b(?:in\s+response|as\s+a\s+reaction|reacts?|reactions?)\s+to\s+(?:\w+\s+){0,3}?allergens?\b|"
        # the allergic cascade: histamine from mast cells
        r"\b(?:histamine|mast\s+cells?)\b[^.;:]{0,60}?\breleas\w*|\breleas\w*\s+(?:of\s+)?histamine\b",
        re.I,
    ),
}
# a cause that sets off the mechanism, in a relative clause: "caused by a virus that triggers an
# immune response" tells how the subject works, the virus is no other subject
_CHAIN = re.compile(
    r"[\s,]*(?:that|which)\s+(?:in\s+turn\s+)?(?:triggers?|causes?|sets?\s+off|leads?\s+to|provokes?|"
    r"activates?|prompts?|induces?)\b",
    re.I,
)
# the mechanisms of one kind of immune cause: denying one leaves the immune system's part open
_ONE_KIND = (_MECHANISM["autoimmune"], _MECHANISM["allergy"])
# caused by the immune system, whatever its kind: "the result of an overactive immune system"
_IMMUNE_AGENT = (
    r"(?:immun(?:e|ologic(?:al)?)\s+(?:system|response|reaction|cells)|T[- ]cells?|B[- ]cells?|lymphocytes|white\s+blood\s+cells|"
    r"(?:auto-?)?antibodies|autoimmunity|an?\s+(?:auto-?)?immun(?:e|ologic(?:al)?)\s+(?:attack|process|reaction|response))"
)
_IMMUNE_CAUSE = re.compile(
    r"\b(?:overactive|over-?reactive|hyperactive|misdirected|exaggerated|excessive|abnormal|faulty|malfunctioning)\s+"
    r"immun(?:e|ologic(?:al)?)\s+(?:system|response|reaction)|"
    # "results from autoimmunity", "driven by overactive T cells", "due to an immune attack"
    r"\b(?:(?:caused|driven|triggered|mediated|produced)\s+by|results?\s+from|resulting\s+from|due\s+to|stems?\s+from)\s+"
    r"(?:an?\s+|the\s+|your\s+)?(?:body['’]s\s+)?(?:[\w-]+\s+){0,2}?" + _IMMUNE_AGENT + r"\b|"
    # "the immune system overreacts", "an overreaction of the innate immune system"
    r"\bimmune\s+system\b[^.;:]{0,30}?\b(?:over-?reacts?|over-?responds?|goes\s+into\s+overdrive|(?:is|becomes)\s+overactive)\b|"
    r"\b(?:over-?reaction|overactivity|dysregulation|dysfunction|hyperactivity)\s+of\s+(?:the\s+|your\s+|an?\s+)?(?:[\w-]+\s+)?"
    r"immune\s+system|"
    # "immune cells become overactive and trigger inflammation"
    r"\b(?:immune\s+cells|T[- ]cells?|lymphocytes|white\s+blood\s+cells)\b[^.;:]{0,40}?\b(?:become\s+overactive|"
    r"overreact\w*|(?:trigger|cause|drive|produce)\w*\s+(?:the\s+)?inflammation)\b|\b(?:result|product)\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?immune\s+"
    r"(?:system|response|reaction)|\b(?:caused|driven|triggered|mediated)\s+by\s+(?:an?\s+|the\s+|your\s+)?(?:[\w-]+\s+){0,2}?"
    r"immun(?:e|ologic(?:al)?)\s+(?:system|response|reaction|cells)|\bimmune\s+system\s+plays\s+an?\s+(?:central|key|major|big|important|"
    r"leading)\s+role\b|"
    # "thought to be caused by a problem with the immune system", "the result of a disturbance of
    # innate immunity"
    r"\b(?:(?:caused|driven|triggered)\s+by|results?\s+(?:of|from)|resulting\s+from|due\s+to|stems?\s+from)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:problem|fault|defect|malfunction|error|abnormalit(?:y|ies)|disturbance|"
    r"disorder)s?\s+(?:with|in|of)\s+(?:the\s+|your\s+)?(?:body['’]s\s+)?(?:[\w-]+\s+)?(?:immune\s+system|immunity)\b|"
    # the immune system or its cells as the agent of an active verb: "immune cells are responsible
    # for driving X", "a dysregulated immune system can result in ...", "immunological mechanisms
    # play a key role in X" (not in preventing or clearing something)
    r"\b(?:(?:dysregulated|overactive|abnormal|malfunctioning|faulty)\s+)?(?:immun(?:e|ological)\s+(?:system|cells|"
    r"mechanisms|responses|dysfunction|dysregulation|alterations|activation)|T[- ]cells|lymphocytes)\s+"
    r"(?:(?!and\b|or\b)\w+\s+)?(?:(?:are|is)\s+responsible\s+for|drive|drives|underlie|underlies|result\s+in|"
    r"results\s+in|play\s+an?\s+(?:key|central|major|crucial|critical|pivotal|leading)\s+role\s+in)\b"
    r"(?!\s+(?:the\s+)?(?:prevent|protect|fight|defend|clear|heal|repair|remov|find|identif|detect|kill|keep|guard)\w*)|"
    # the immune system attacking anything but a germ or a tumour: for "caused by the immune
    # system?" whose tissue it attacks does not matter ("donor immune cells attack the host", "the
    # mother's antibodies destroy the baby's red cells", "attacks the transplanted organ")
    r"\b(?:immune\s+(?:system|cells)|T[- ]cells?|B[- ]cells?|(?:auto-?)?antibodies|lymphocytes|white\s+blood\s+cells)\b"
    r"[^.;:]{0,50}?\b(?:attacks?|attacking|attacked|destroys?|destroying|turns?\s+(?:on|against))\s+"
    r"(?!(?:[\w-]+\s+){0,2}?(?:infect\w*|bacteri\w*|virus\w*|viral|germs?|pathogens?|cancer\w*|tumou?rs?|invad\w*|"
    r"foreign|microb\w*|parasit\w*|fung\w*|intruders?|threats?)\b)",
    re.I,
)
_TYPE_OF = re.compile(
    r"^\s*(?:is|are)\s+(?:an?|one)\s+(?:[\w-]+\s+)?(?:type|form|kind|subtype|variant|subset)s?\s+of\s+$",
    re.I,
)
# a marker named alone, which a sentence naming no condition may say of anything
_MARKER_ONLY = re.compile(r"auto-?antibod\w+|autoreactive|self-?antigens?", re.I)
# a proof that failed or is missing: "all attempts to show that X is autoimmune have failed",
# "there is no evidence that X is autoimmune", "has never been shown to be"
_FAILED_PROOF = re.compile(
    r"\b(?:attempts?|efforts?|studies|research|tries)\s+to\s+(?:demonstrate|show|prove|confirm|establish|find)\b|"
    r"\b(?:failed|unable|not\s+been\s+able|never\s+been\s+able)\s+to\s+(?:demonstrate|show|prove|confirm|establish)\b|"
    r"\b(?:no|little|insufficient|not\s+enough|lack\s+of)\s+(?:\w+\s+)?(?:evidence|proof)\s+(?:that|to\s+suggest|to\s+show)\b|"
    r"\b(?:not|never)\s+(?:yet\s+)?been\s+(?:shown|proven|proved|demonstrated)\b",
    re.I,
)
_FAILED = re.compile(
    r"\b(?:ha(?:ve|s)\s+(?:all\s+)?failed|failed|fell\s+short|came\s+up\s+empty)\b", re.I
)
# the immune class said of the condition: "an immune reaction to gluten", "not an immune disorder";
# an autoinflammatory disease is one of the innate immune system ("a rare autoinflammatory
# disorder"), which the knowledge base counts among the immune mechanisms
_IMMUNE_CLASS = re.compile(
    r"\b(?:an?\s+|the\s+)?(?:[\w-]+\s+)?immun(?:e|ologic(?:al)?)(?:[- ]system)?\s+(?:reaction|response|disorder|disease|condition|problem|"
    r"dysfunction|dysregulation)s?\b|\bimmune[- ](?:related|driven|based)\b|"
    r"\bauto-?inflammatory\s+(?:[\w-]+\s+)?(?:disease|disorder|condition|syndrome|process|fever|illness)s?\b",
    re.I,
)
# asked "Is X autoimmune?", an autoinflammatory disease is the rival class: the innate immune
# system inflames without autoantibodies or self-reactive T cells ("Still's disease is a rare
# systemic autoinflammatory disorder"), which is how the knowledge base sets these conditions
# apart ("not an autoimmune disease; it is an autoinflammatory condition"). A clause that names
# autoimmunity as well ("both autoimmune and autoinflammatory") is read as neither.
_AUTOINFLAMMATORY_CLASS = re.compile(
    r"\bauto-?inflammatory\s+(?:[\w-]+\s+)?(?:disease|disorder|condition|syndrome|illness)s?\b",
    re.I,
)
_AUTOIMMUNE_WORD = re.compile(r"\bauto-?immun", re.I)
# "this autoimmune disease": a page naming its condition by the class
_DEMONSTRATIVE = {
    "autoimmune": re.compile(
        r"\b(?:this|that)\s+(?:[\w-]+\s+){0,2}?auto-?immune\s+(?:[\w-]+\s+)?(?:disease|condition|disorder|illness)",
        re.I,
    ),
    "allergy": re.compile(
        r"\b(?:this|that)\s+(?:[\w-]+\s+){0,2}?allergic\s+(?:[\w-]+\s+)?(?:disease|condition|disorder|reaction)",
        re.I,
    ),
}
# a definition with its subject left out, opening the page under its title: "An acute autoimmune
# neuritis caused by ..."
_ELIDED = {
    "autoimmune": re.compile(r"^(?:An?|The)\s+(?:[\w-]+,?\s+){0,4}?auto-?immune\b", re.I),
    "allergy": re.compile(r"^(?:An?|The)\s+(?:[\w-]+,?\s+){0,4}?(?:allergic|allergy)\b", re.I),
}
# the words an elided definition would open on are the subject of a verb of their own: "An
# autoimmune disease happens when ...", "An allergy typically involves ...", "The term autoimmune
# disease describes ...": a sentence about the class, not a definition of the page's condition
# ("An acute autoimmune neuritis caused by ...", "An autoimmune disorder causing ...": no verb)
_CLASS_OWN_VERB = re.compile(
    r"(?:\s+[\w-]+){0,2}?,?\s+(?:(?:typically|usually|often|generally|commonly|simply|also)\s+)?"
    r"(?:is|are|was|were|happens?|occurs?|describes?|refers?|means?|involves?|develops?|arises?|"
    r"can|may|might|will|would|does|do)\b",
    re.I,
)
# "X is an auto-inflammatory disease, but not an autoimmune one"
_BUT_NOT = re.compile(
    r"^\s*(?:is|are|was|were|['’]s)\s+[^.;:]{0,60}?,?\s*(?:but|and|yet)\s+(?:is\s+|are\s+|it\s+is\s+)?not\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
# the property holds for some cases only: other causes are named beside it
_OTHER_CAUSES = re.compile(
    r"\b(?:but|though|although|while)\b[^.;]{0,60}?\b(?:can|may|could)\s+also\b|\bnot\s+always\b|\bother\s+causes\b|"
    r"\bonly\s+(?:some|a\s+few|about|around)\b|"
    # "caused by allergies and other triggers", "many non-allergic causes", "one of the causes"
    r"\b(?:and|or|besides|as\s+well\s+as)\s+(?:many\s+|several\s+|various\s+)?other\s+(?:triggers|causes|factors)\b|"
    r"\b(?:many|several|various|other|also)\s+non-?[a-z]+\s+(?:causes|triggers|forms|types)\b|"
    r"\bone\s+of\s+(?:the|several|many)\s+(?:(?:possible|main|known)\s+)?(?:causes|triggers)\b|"
    # one cause named among others: "one little-known cause of X is ...", "with allergies being
    # one of the most common", "allergic and nonallergic causes", "allergic or environmental
    # factors", "caused by an infection, or sometimes by allergies"
    r"\bone\s+(?:[\w-]+\s+){0,2}?(?:cause|trigger)\s+of\b|\bone\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?:causes|triggers|factors)\b|"
    r"\bbeing\s+one\s+of\b|\b(?:allergic|immune)\s+(?:and|or)\s+[\w-]+\s+(?:causes|factors|triggers|reasons)\b|"
    r"\b[\w-]+\s+(?:and|or)\s+(?:allergic|immune)\s+(?:causes|factors|triggers|reasons)\b|"
    r"\bor\s+(?:sometimes|occasionally|rarely|less\s+(?:often|commonly))\s+(?:by|from|due\s+to)\b|"
    # "can be caused by a variety of conditions, including ...", "it is not the only cause", "the
    # other main cause can be ..."
    r"\b(?:caused|triggered)\s+by\s+(?:a\s+variety\s+of|various|many|several|different)\b|"
    r"\bnot\s+the\s+only\s+cause\b|\bthe\s+other\s+(?:main\s+|common\s+)?cause\b",
    re.I,
)
# the property named as the usual cause presupposes others: "the most common cause of X is an
# autoimmune disorder", "most cases of X are due to the immune system attacking ...", "an immune
# disorder usually causes X" (for "caused by the immune system?" and "an allergy?": some cases)
_MAJORITY_CAUSE = re.compile(
    r"\b(?:main|most\s+common|commonest|leading|usual|most\s+frequent|predominant|chief)\s+(?:[\w-]+\s+)?causes?\b|"
    r"\bmost\s+(?:cases|instances)\s+(?:of\s+(?:[\w'’-]+\s+){1,4}?)?(?:are|is|were)\s+(?:\w+\s+)?"
    r"(?:caused|due|triggered|the\s+result|brought\s+on)\b|"
    r"\bmost\s+(?:cases|instances)\s+(?:of\s+(?:[\w'’-]+\s+){1,4}?)?(?:happen|occur|arise|result|develop)s?\b|"
    # (a majority adverb before the immune system or an allergy itself as the agent, "usually
    # caused by the body's immune system", only says how it mostly comes about: the yes stands)
    r"\b(?:usually|commonly|mostly|mainly|most\s+often|most\s+commonly)\s+(?:caused|causes|triggered|due\s+to|the\s+result)\b"
    r"(?!\s+(?:by|of|to)\s+(?:an?\s+|the\s+|your\s+)?(?:body['’]s\s+)?(?:own\s+)?(?:immune\s+system|"
    r"(?:auto-?)?immune\s+(?:response|reaction|attack)|allergic\s+reactions?|allergens|allergies|an?\s+allergy)\b)",
    re.I,
)
# the condition's episodes, not the condition, as what an allergy sets off: "attacks of X can be
# triggered by allergies", "symptoms that are triggered by allergens": one trigger among others
_EPISODES_SET_OFF = re.compile(
    r"\b(?:attacks?|flares?|flare-ups?|episodes?|exacerbations?|outbreaks?|bouts?|symptoms)\s+"
    r"(?:of\s+(?:[\w'’-]+\s+){1,3}?)?(?:that\s+|which\s+)?"
    r"(?:(?:can|may|might|could|are|is|were|often|usually|sometimes|commonly|frequently|be|also)\s+){0,3}$",
    re.I,
)
# a share of the patients, before the mechanism: "up to 30% of patients with X have
# autoantibodies", "in some people with X the immune system attacks ...": so for some cases
_SHARE = re.compile(
    r"\b(?:up\s+to|about|around|roughly|nearly|approximately|only|some|fewer\s+than|less\s+than)\s+"
    r"\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)\s+of\b|"
    r"\b(?:a\s+(?:minority|subset|subgroup|fraction|third|quarter)|one\s+in\s+(?:three|four|five|ten))\s+of\b|"
    r"\b(?:in\s+)?(?:some|a\s+few|certain)\s+(?:patients|people|cases|individuals|sufferers)\b",
    re.I,
)
# "... believe that it may be an autoimmune condition": a pronoun in a that-clause
_THAT_IT = re.compile(
    r"\b(?:that|(?:agree|agrees|believe|believes|say|says|think|thinks|know|confirm|confirms|consider|considers|"
    r"conclude|concluded|found|show|shows|showed)\s+(?:that\s+)?)\s*(?:it|this(?:\s+(?:condition|disease|disorder))?)\s+"
    r"((?:is|was|(?:may|might|could|can|would)\s+be)\s+"
    r"(?:not\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2})$",
    re.I,
)
_SOME_CASES = re.compile(
    r"\bnot\s+all\s+(?:cases|forms|types|people|patients)\b|\bonly\s+(?:about\s+|around\s+|some\s+)?"
    r"(?:\d+\s?%|\d+\s+percent|some|a\s+few|a\s+minority)\s+(?:of\s+)?(?:cases|patients|people)\b",
    re.I,
)
_ALSO_CAUSED = re.compile(
    r"\s*(?:\w+\s+)?(?:can|may|could)\s+also\s+be\s+(?:caused|brought\s+on)\s+by\b", re.I
)
_GENES_BUT = re.compile(r"[^.;]{0,40}?" + GENES_BUT, re.I)
# a scope adverb opening a statement ("Sometimes, however, treatment does not ...", "In some
# cases, family members share ...") answers nothing: it is an answer alone ("Sometimes."), before
# the answer word ("In some cases, yes") or the answer itself ("In some cases, the answer is
# yes"), or before the condition as the subject ("Sometimes, it is", "In some cases, X is ...")
_SCOPE_ADVERB = re.compile(r"sometimes|in\s+some\s+cases", re.I)
_SCOPE_ADVERB_LEADS = re.compile(
    r"(?!\s*(?:$|yes\b|no\b|the\s+answer\b|it\b|it['’]s\b|they\b|this\s+(?:condition|disease|disorder)\b))"
    r"\s*\w",
    re.I,
)
# "Yes, some kinds of X are ...": the yes holds for a part of the condition only
_PART_AFTER_YES = re.compile(r"[^.;:]{0,40}?(?:" + PARTITIVE + r")", re.I)
_RELATED = re.compile(r"\b(?:related|linked|connected|associated|go\s+hand\s+in\s+hand)\b", re.I)
_ASKED = re.compile(r"\b(?:whether|if|ask|asks|asking|asked|wonder|wonders|wondering)\b", re.I)
# an allergy excluded by the condition's own definition or signs: "symptoms in the absence of
# celiac disease and wheat allergy", "no evidence of parasites, allergy or other causes",
# "mimics an allergic reaction but without IgE involvement" (the conditions it lists are what is
# absent, not the subject)
_NO_ALLERGY = re.compile(
    # "people without allergies" are others, not the condition
    r"(?<!people\s)(?<!patients\s)(?<!those\s)(?<!children\s)(?<!adults\s)(?<!individuals\s)"
    r"\b(?:in\s+the\s+absence\s+of|absence\s+of|without|no\s+(?:evidence|signs?)\s+of|excluding)\s+"
    r"(?:[\w-]+,?\s+){0,5}?(?:allerg(?:y|ies)|IgE\s+(?:involvement|antibodies))\b",
    re.I,
)
# the immune system is not part of it: a denial of allergy (and of immune causes)
_NOT_IMMUNE = re.compile(
    r"\b(?:does\s+not|doesn['’]t|do\s+not|don['’]t|not|never|isn['’]t|is\s+not)\s+(?:\w+\s+){0,2}?"
    r"(?:involve|caused\s+by|triggered\s+by|driven\s+by|related\s+to|mediated\s+by|an?)\s+(?:your\s+|the\s+|an?\s+)?(?:body['’]s\s+)?"
    r"immun(?:e|ologic(?:al)?)\s+(?:system|response|reaction)|\bnon-?immun(?!oglobulin)\w+|\bnot\s+by\s+(?:the\s+|your\s+|an?\s+)?immun(?:e|ologic(?:al)?)\s+(?:system|response|reaction)",
    re.I,
)

# --- alias and class ------------------------------------------------------------------------
_ALIAS = re.compile(
    r"^[^.;:]{0,40}?\b(?:also\s+(?:called|known\s+as|named|termed|referred\s+to\s+as)|(?:sometimes|often)\s+called|"
    r"a\.?k\.?a\.?|otherwise\s+known\s+as)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$",
    re.I,
)
_CLASS = re.compile(
    r"^\s*(?:\([^)]{1,40}\))?\W*(?:(?:is|are|was|['’]s)\s+(?:\w+\s+){0,2}?(?:(?:an?|the|one)\s+)?(?:(?:most\s+common|common|main|classic|typical|"
    r"well-known|known|specific|particular|chronic|rare|organ-specific|systemic)\s+)?(?:of\s+the\s+)?"
    r"(?:form|type|kind|subtype|example|cause|variety|member)s?\s+of\s+(?:the\s+)?|"
    r"(?:belongs?|belonging)\s+to\s+(?:the\s+)?(?:\w+\s+)?(?:group|family|class|category|spectrum)\s+of\s+|"
    r"(?:is|are)\s+(?:one\s+of|among)\s+(?:the\s+)?(?:\w+\s+){0,2}?|"
    # apposed after a dash or colon: "X -- a novel member of the autoimmune family"
    r"[-–—:]+\s*(?:an?|one)\s+(?:[\w-]+\s+)?(?:form|type|kind|subtype|example|variety|member)s?\s+of\s+(?:the\s+)?)"
    r"(?:[\w'’-]+\s+){0,2}?$",
    re.I,
)
_RECOGNIZE = re.compile(
    r"\b(?:recogni[sz]e[sd]?|consider(?:s|ed)?|classif(?:y|ies|ied)|regard(?:s|ed)?|categori[sz]e[sd]?|"
    r"describe[sd]?|define[sd]?|lists?|listed|labell?(?:s|ed)?|count(?:s|ed)?)\s+(?:\w+\s+)?$",
    re.I,
)
_RECOGNIZE_AFTER = re.compile(
    r"^(?:\s*(?:,|and|or|&)\s*(?:[\w'’()-]+\s*){1,5}?)?\s+(?:(?:to\s+be|as)\s+)(?:an?\s+|one\s+of\s+the\s+|the\s+)?(?:[\w-]+\s+){0,3}?$",
    re.I,
)
_PRONOUN_START = re.compile(
    r"^\W*(?:(?:and|but|so|thus|therefore|in\s+short|overall|in\s+fact|again)\W+)?"
    r"(?:it|they|this(?:\s+(?:condition|disease|disorder|illness|syndrome|problem))?|that|these|"
    r"the\s+(?:condition|disease|disorder|illness|syndrome))\b",
    re.I,
)
_AND_IS = re.compile(
    r"^[^.;:]{0,60}?,?\s+(?:and|but)\s+(?:it\s+)?(?:is|are|was|were)\s+(?:not\s+)?(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_COPULA_LEAD = re.compile(
    r"^\s*(?:is|are|was|were|['’]s|['’]re)\s+(?:not\s+|n['’]t\s+)?(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
# the subject is likened to the class, or told apart from it: "X is often confused with a food
# allergy" (not one), "X resembles / mimics / looks like an allergy" (says nothing)
_LIKENED = re.compile(
    r"\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:(?:is|are|can\s+be|may\s+be|gets?)\s+)?"
    # "X is a reaction that is similar to an allergy": the likeness in a relative clause
    r"(?:an?\s+(?:[\w-]+\s+)?(?:reaction|response|condition|disease|disorder|illness|problem|syndrome)\s+"
    r"(?:that|which)\s+(?:(?:is|are)\s+)?)?(?:often\s+|commonly\s+|sometimes\s+|"
    r"frequently\s+|easily\s+|usually\s+)?(?:(?P<apart>(?:confused|mistaken|mixed\s+up)\s+(?:with|for)|"
    r"(?:mis)?(?:labell?ed|diagnosed)\s+as|(?:different|distinct)\s+from|differs?\s+from|not\s+the\s+same\s+as)|"
    r"(?:similar\s+to|resembles?|mimics?|looks?\s+like|feels?\s+like|like|compared\s+(?:to|with)))\b",
    re.I,
)
_RUNS_IN_FAMILIES = re.compile(r"\b(?:runs?|running|run)\s+in\s+(?:the\s+)?famil(?:y|ies)\b", re.I)
# a view judged wrong, in one vocabulary for the forms below: "not (quite) correct", "wrong", "a
# misnomer"
_WRONG = (
    r"(?:not\s+(?:quite\s+|entirely\s+|strictly\s+|really\s+|completely\s+|fully\s+)?"
    r"(?:correct|right|accurate|true|appropriate)|wrong|incorrect|inaccurate|misleading|outdated|"
    r"an?\s+(?:myth|misnomer|mistake|misconception|oversimplification))"
)
# the clause before is a view the page corrects: "..., but that is not correct", "a misnomer"
_CORRECTED = re.compile(
    rf"\b(?:(?:that|this|which)\s+(?:is|['’]s|was)\s+{_WRONG}|(?:a|the)\s+(?:misnomer|misconception))\b",
    re.I,
)
_NON = re.compile(r"\bnon-?\s?$", re.I)
# the next sentence corrects it: "People call X an autoimmune disease. But research shows that is
# not quite accurate."
_CORRECTED_NEXT = re.compile(r"^\W*(?:but|however|yet)\b[^.;:]{0,60}?$", re.I)
# the naming itself judged wrong: "Calling X autoimmune is not quite accurate", "Labelling X as an
# allergy is a misnomer": the claim names the view, and the page corrects it
_NAMING = re.compile(
    r"\b(?:calling|labell?ing|classifying|classing|describing|terming|referring\s+to)\s+$", re.I
)
_NAMING_JUDGED = re.compile(
    rf"\W*(?:[\w'’-]+\s+){{0,5}}?(?:is|was|would\s+be|isn['’]t)\s+(?:{_WRONG}|misnomer)\b", re.I
)


def _corrected_next(sentences, index: int) -> bool:
    """Whether the sentence after ``index`` opens by correcting it ("But that is not quite
    accurate", "However, research shows this is a myth")."""
    if index + 1 >= len(sentences):
        return False
    t = sentences[index + 1].text
    m = _CORRECTED.search(t, 0, 90)
    return m is not None and _CORRECTED_NEXT.match(t[: m.start()]) is not None


def _proof_failed(text: str, at: int) -> bool:
    """The claim at ``at`` is what a failed or missing proof was after: "no evidence that X is",
    "attempts to demonstrate that X is ... have failed"."""
    before = text[max(0, at - 80) : at]
    cues = list(_FAILED_PROOF.finditer(before))
    cue = cues[-1] if cues else None
    if cue is None:
        return False
    if re.match(r"(?i)attempts?|efforts?|studies|research|tries", cue.group(0)):
        return bool(_FAILED.search(text, at))
    return True


def _form_starts(page: Page, targets: set[str], props) -> set[int]:
    """Where the page names one form of the condition: the property's word before the name the
    page otherwise uses ("allergic asthma" on a page that says "asthma")."""
    names = {m.text.lower() for m in page.mentions if m.concept_id in targets}
    keys = [pat for p in props if (pat := KEYWORDS.get(cast(ClaimPredicate, p))) is not None]
    out = set()
    for m in page.mentions:
        if m.concept_id not in targets:
            continue
        for key in keys:
            hit = key.search(m.text)
            if hit is None:
                continue
            rest = " ".join((m.text[: hit.start()] + " " + m.text[hit.end() :]).lower().split())
            if rest and rest in names:
                out.add(m.start)
    return out


def _only_negated_keys(text: str, predicate: str) -> bool:
    """Every keyword of ``predicate`` in ``text`` is negated by "non-" ("non-allergic")."""
    keys = list(KEYWORDS[cast(ClaimPredicate, predicate)].finditer(text))
    return bool(keys) and all(_NON.search(text, max(0, k.start() - 5), k.start()) for k in keys)


# a sentence about the class itself: "Allergies are a mistake of the immune system", "An
# autoimmune disease is one in which ..."
_CLASS_SUBJECT = re.compile(
    r"^\W*(?:(?:an?|the|most|many|all|some)\s+)?(?:[\w-]+\s+)?(?:allerg\w*|auto-?immun\w*|immune\s+(?:disorders?|diseases?)|"
    r"(?:these|such)\s+(?:conditions|diseases|disorders))\b",
    re.I,
)
_YET = re.compile(r"\b(?:but|though|although|however|yet|while|whereas|except)\b", re.I)
_LONG_COPULA = re.compile(
    r"^\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:is|are|was|were)\s+(?:not\s+)?(?:an?|the)\s+"
    r"(?![^.;:]*\b(?:that|which|who|whose|where|but|than|like|such\s+as|unlike|similar|compared|related|"
    r"linked|associated|caused|triggered|different|rather)\b)[^.;:]{0,90}$",
    re.I,
)
_COLON_COPULA = re.compile(
    r"^\s*(?:\([^)]{1,40}\)\s*)?[:—–]\s*(not\s+)?(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}$", re.I
)
_AND_OTHER = re.compile(r"^\s*(?:and|&)\s+(?:an?\s+|the\s+)?$", re.I)
_NOT_SAME = re.compile(
    r"\s*(?:are|is)\s+(?:not\s+the\s+same(?:\s+thing)?|(?:two\s+)?(?:very\s+|completely\s+|quite\s+|entirely\s+)?"
    r"(?:different|distinct|separate)(?:\s+(?:conditions|diseases|disorders|things))?)\b",
    re.I,
)
_IN_X = re.compile(r"\b(?:in|with|for|of)\s+(?:people\s+with\s+)?$", re.I)


def _is_question(text: str) -> bool:
    """The sentence ends with a question mark (before any closing quotes or brackets)."""
    return text.rstrip().rstrip("\"'”’)]»!").endswith("?")  # "... is it contagious?!"


# a question quoted inside a sentence: 'the bolder "is that contagious?" question'
_QUOTED_QUESTION = re.compile(r"[“\"‘][^“”\"‘’]{0,120}?\?[”\"’]")


def _in_quoted_question(text: str, pos: int) -> bool:
    """``pos`` stands inside a question the sentence quotes: it asks, it does not assert."""
    if "?" not in text:
        return False
    return any(m.start() < pos < m.end() for m in _QUOTED_QUESTION.finditer(text))


def _place(index: int, first_body: int, answer_to) -> str:
    if index < first_body:
        return "title"
    if index in answer_to:
        return "answer"
    if index < first_body + LEDE:
        return "lede"
    return "body"


@lru_cache(maxsize=4096)
def _breaks(text: str) -> tuple[tuple[int, int], ...]:
    """The clause breaks of a sentence (``_BUT``), found once per sentence."""
    return tuple(m.span() for m in _BUT.finditer(text))


@lru_cache(maxsize=4096)
def _critic_cues(text: str) -> tuple[int, ...]:
    """Where each critic cue of a sentence ends (``_CRITIC``), found once per sentence."""
    return tuple(m.end() for m in _CRITIC.finditer(text))


@lru_cache(maxsize=4096)
def _has_source(text: str) -> bool:
    return _SOURCE.search(text) is not None


def _clause_around(text: str, pos: int) -> tuple[int, int]:
    """The clause of ``text`` holding ``pos``: from the last break before it to the next after it."""
    start, end = 0, len(text)
    for a, b in _breaks(text):
        if b <= pos:
            start = b
        elif a >= pos:
            end = a
            break
    return start, end


_CRITIC_BREAK = re.compile(
    r"\b(?:but|however|yet|actually|in\s+fact|although|though)\b|[;:.!?]\s", re.I
)


def critic_at(text: str, pos: int) -> bool:
    """The words at ``pos`` stand in a clause that reports a view the page argues against: a
    critic cue before them ("Some people think", "Myth:") with no break or "but" between."""
    ends = [e for e in _critic_cues(text) if e <= pos]
    return bool(ends) and not _CRITIC_BREAK.search(text, ends[-1], pos)


def _source_at(text: str, pos: int) -> bool:
    if not _has_source(text):
        return False
    start, _ = _clause_around(text, pos)
    return bool(_SOURCE.search(text[max(0, start - 80) : pos]))


_RELATIVE = re.compile(r"\b(?:that|which|who|whose)\b", re.I)


def _hedged(text: str, a: int, b: int) -> bool:
    """A strong hedge in the clause before the words, among them, or just after them (short of a
    relative clause: "a food allergy that may affect ..." hedges the effect, not the class)."""
    start, end = _clause_around(text, a)
    after = text[b : min(end, b + 40)]
    rel = _RELATIVE.search(after)
    return strongly_hedged(text[start:a]) or strongly_hedged(
        text[a:b] + (after[: rel.start()] if rel else after)
    )


def _negated(text: str, a: int, b: int) -> bool:
    """A negation in the clause before the span (within a few words) or inside it."""
    start, _ = _clause_around(text, a)
    before = text[max(start, a - 45) : a]
    return bool(_NEGATION.search(before) or _NEGATION.search(text[a:b]))


def _may_name_target(page: Page, targets: set[str], letters: frozenset[str] | set[str]) -> bool:
    """Whether the page may name a target at all: a claim or mention of one, its main condition, or
    the question's letters (as written, or a mention ``_letters_as_target`` reads as them). Every
    assertion is said of a target named in its sentence, of one "it" refers back to (the last named,
    or the main condition), or of the one the page's own question names: on a page that names none,
    ``read_assertions`` finds nothing, and most pages of a crawl audited for one question are such
    pages, so it is not read sentence by sentence."""
    if page.main_condition in targets:
        return True
    if any(c.concept_id in targets for c in page.claims):
        return True
    if letters:
        text = page.text  # every sentence is a slice of it, and every letters match starts so
        if contains_any(text, letters):
            return True
        for m in page.mentions:
            said = m.text.upper()
            if m.concept_id in targets or said in letters or said[:-1] in letters:
                return True
        return False
    return any(m.concept_id in targets for m in page.mentions)


def read_assertions(
    page: Page,
    targets: set[str],
    predicate: str,
    autoimmune_ids: frozenset[str] = frozenset(),
    letters: frozenset[str] | set[str] = frozenset(),
) -> list[Assertion]:
    """Every assertion of the page that a target condition has (or lacks) ``predicate``'s property,
    in page order. ``predicate`` is one of PROPERTIES_FOR (the question's). ``autoimmune_ids``:
    conditions the knowledge base holds autoimmune, for a link question ("X is five times more
    common with type 1 diabetes" links X to autoimmune disease)."""
    props = PROPERTIES_FOR.get(predicate)
    if not props or not targets or not page.sentences:
        return []
    if not _may_name_target(page, targets, letters):
        return []
    text = page.text
    sentences = page.sentences
    questions = [_is_question(s.text) for s in sentences]
    # the sentences this layer reads beyond the claims and the answers to the page's own questions
    family = predicate in FAMILY_PROPS
    stemmed = scanner(FAMILY_STEMS[predicate] if family else _STEMS).matching(text, sentences)
    by_sentence: dict[int, list[Mention]] = {}
    for m in page.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    if letters:
        _letters_as_target(page, targets, letters, by_sentence)
    title_end = len(page.title) if page.title and text.startswith(page.title) else 0
    first_body = next((s.index for s in sentences if s.start >= title_end), 0) if title_end else 0
    first_body = max(first_body, 1) if title_end else 0

    # the page's own questions about a target and the property, and the sentences that answer them
    asks: dict[int, int] = {}  # answering sentence -> question sentence
    referent: dict[int, str | None] = {}  # sentence -> condition a pronoun opening it refers to
    last: str | None = None
    key_stems = _key_stems(props)
    stem_re = re.compile("|".join(key_stems), re.I)
    for s in sentences:
        ms = by_sentence.get(s.index, [])
        referent[s.index] = last
        named = [m for m in ms if not stem_re.search(m.text)] if ms else ms
        if named:
            last = named[-1].concept_id
        t = s.text.rstrip()
        if not (questions[s.index] or (_QUESTION_START.match(t) and len(t) < 160)):
            continue
        low = t.lower()
        if not any(k in low for k in key_stems):
            continue
        about = (
            any(m.concept_id in targets for m in ms)
            if ms
            else (referent[s.index] in targets and bool(re.search(r"\b(?:it|this)\b", low)))
        )
        if not about:
            continue
        for j in range(s.index + 1, min(len(sentences), s.index + 1 + ANSWER_WINDOW)):
            if questions[j]:
                break
            asks.setdefault(j, s.index)

    out: list[Assertion] = []

    forms = _form_starts(page, targets, props) if not family else set()

    def add(sidx, a, b, concept, prop, polarity, hedged, speaker, basis):
        s = sentences[sidx]
        if _in_quoted_question(s.text, a - s.start) or _in_quoted_question(s.text, b - s.start - 1):
            return  # 'the "is that contagious?" question': a question quoted, not an answer
        if a in forms and polarity in ("affirm", "deny") and basis != "named":
            # said of one form ("Allergic asthma is triggered by allergens"): so for some cases
            polarity = "partly"
        out.append(
            Assertion(
                sidx,
                a,
                b,
                concept,
                prop,
                polarity,
                hedged,
                speaker,
                basis,
                _place(sidx, first_body, asks),
            )
        )

    # 1. the claims about a target
    claimed: set[int] = set()
    rival = _RIVAL.get(predicate)
    for c in page.claims:
        if c.concept_id not in targets:
            continue
        if c.predicate not in props:
            # "Celiac disease is an autoimmune disorder" answers "Is it an allergy?" no
            if c.predicate == rival and c.polarity == "affirm" and c.basis in ("copula", "pronoun"):
                s = sentences[c.sentence]
                if not c.hedged and not critic_at(s.text, c.start - s.start):
                    add(
                        c.sentence,
                        c.start,
                        c.end,
                        c.concept_id,
                        props[0],
                        "deny",
                        False,
                        "page",
                        "rival",
                    )
            continue
        s = sentences[c.sentence]
        at = c.start - s.start
        speaker = (
            "critic"
            if critic_at(s.text, at) and not _FACT.match(s.text)
            else "source"
            if _source_at(s.text, at)
            else "page"
        )
        hedged = c.hedged
        if hedged and speaker == "critic":
            # "Some people think X is ...": the cue reports the view, it does not hedge it
            hedged = strongly_hedged(s.text[at : _clause_around(s.text, at)[1]])
        elif hedged and _SOFT_HEDGE.search(s.text):
            a, b = _clause_around(s.text, at)
            hedged = strongly_hedged(s.text[a:b])
        elif not hedged and speaker != "critic":
            # "Some have hypothesized that X is ...": a hedge further back than the claims look
            hedged = strongly_hedged(s.text[_clause_around(s.text, at)[0] : at])
        polarity, basis = c.polarity, c.basis
        ca, cb = _clause_around(s.text, at)
        if c.predicate == "contagious" and polarity == "deny" and CASUAL.search(s.text, ca, cb):
            basis = "most"  # "it cannot be spread through casual contact": leans no, not firm
        elif polarity == "deny" and NOT_ALWAYS.search(s.text, ca, cb):
            # "X is not always an allergy", "not all asthma is allergic": so for some cases
            polarity = "partly"
        elif (
            polarity == "affirm"
            and basis == "answer"
            and _PART_AFTER_YES.match(s.text, c.end - s.start)
        ):
            polarity = "partly"  # "Yes, some kinds of X are ...": so for a part of it
        elif (
            polarity == "affirm"
            and c.predicate in KEYWORDS
            and _only_negated_keys(s.text[c.end - s.start : cb], c.predicate)
        ):
            polarity = "deny"  # "X is a non-allergic reaction"
        elif polarity == "affirm" and _proof_failed(s.text, at):
            polarity = "deny"  # "all attempts to show that X is autoimmune have failed"
        elif polarity == "affirm" and (
            (c.predicate in ("allergy", "immune") and _OTHER_CAUSES.search(s.text, ca, cb))
            or (predicate in ("allergy", "immune") and _MAJORITY_CAUSE.search(s.text, ca, cb))
        ):
            # "one common cause of X is an allergy", "caused by allergic or environmental
            # factors": the property is one cause among others, so for some cases
            polarity = "partly"
        if _CORRECTED.search(s.text, c.end - s.start) or _corrected_next(sentences, c.sentence):
            speaker = "critic"  # "X is sometimes called an allergy, but that is not correct"
        elif _NAMING.search(s.text, ca, at) and _NAMING_JUDGED.match(s.text, c.end - s.start):
            speaker = "critic"  # "Calling X autoimmune is not quite accurate"
        if (
            c.predicate == "inherited"
            and polarity == "partly"
            and basis in ("copula", "referred")
            and (runs := _RUNS_IN_FAMILIES.search(s.text, c.end - s.start)) is not None
            and not _YET.search(s.text, runs.end())
        ):
            # "it runs in families": a weak yes, as family_assertions reads it (a plain "is not
            # hereditary" outweighs it); "runs in families, though most ... have no relative with
            # it" stays partly
            polarity, basis = "affirm", "mechanism"
        if (
            c.predicate == "inherited"
            and polarity == "deny"
            and speaker == "page"
            and _GENES_BUT.match(s.text, c.end - s.start)
        ):
            # "X is not hereditary, but genetic risk factors play a role": genes take part,
            # the disease is not passed down as such (as family_assertions reads it unclaimed)
            polarity, basis = "partly", "partial"
        likened = _LIKENED.match(s.text, c.end - s.start)
        if likened is not None and polarity == "affirm":
            if likened.group("apart") is None:
                claimed.add(c.sentence)
                continue  # "X resembles an allergy": a likeness, not the class
            # "X is often confused with / mistaken for an allergy": it is not one
            polarity, basis = "deny", "contrast"
        add(
            c.sentence,
            c.start,
            c.end,
            c.concept_id,
            c.predicate,
            polarity,
            hedged,
            speaker,
            basis,
        )
        claimed.add(c.sentence)

    if predicate in ("autoimmune", "allergy", "immune"):
        _read_named(page, targets, props, questions, add)

    answered: set[int] = set()  # questions already answered by an opener
    for s in sentences:
        if questions[s.index]:
            if predicate == "contagious":
                _read_how_spread(s, by_sentence.get(s.index, []), targets, referent, add)
            continue
        t = s.text
        ms = by_sentence.get(s.index, [])
        # 2. "Absolutely yes.", "Not exactly." right after the page's own question
        q = asks.get(s.index)
        if q is not None and q not in answered:
            op = _OPENER.match(t)
            if (
                op is not None
                and op.group("partly")
                and _SCOPE_ADVERB.fullmatch(op.group("partly"))
                and _SCOPE_ADVERB_LEADS.match(t, op.end())
            ):
                op = None  # "Sometimes, treatment does not ...": the adverb of another statement
            if op is not None and not any(
                c.basis == "answer" for c in page.claims if c.sentence == s.index
            ):
                which = "partly" if op.group("partly") else "deny" if op.group("no") else "affirm"
                if which == "affirm" and _RELATED.search(t, op.end()):
                    which = (
                        "partly"  # "Yes, eczema and allergies are related": related, not the class
                    )
                elif which == "affirm" and _PART_AFTER_YES.match(t, op.end()):
                    which = "partly"  # "Yes, some kinds of X are ...": so for a part of it
                a, b = s.start + op.start(), s.start + op.end()
                qm = [m for m in by_sentence.get(q, []) if m.concept_id in targets]
                concept = qm[0].concept_id if qm else (referent[q] or next(iter(targets)))
                add(s.index, a, b, concept, props[0], which, False, "page", "answer")
                answered.add(q)
                continue
            if s.index in claimed:
                answered.add(q)
        named_ai = predicate == "link" and any(
            m.concept_id in autoimmune_ids and m.concept_id not in targets for m in ms
        )
        if id(s) not in stemmed and not named_ai:
            continue
        if family:
            if s.index not in claimed:
                # on a page about something else, a sentence that names neither the condition nor
                # its letters, nor refers to it ("you can't catch it"), is about the page's own
                # subject ("alcoholism can never be cured" on a page that spells AA otherwise)
                aside = page.on_topic is False and not _REFERS.search(t)
                _read_family(
                    s,
                    t,
                    ms,
                    targets,
                    None if aside else referent[s.index],
                    None if aside else page.main_condition,
                    q,
                    by_sentence,
                    props[0],
                    add,
                )
            continue
        tms = [m for m in ms if m.concept_id in targets]
        if tms and s.index not in claimed and _read_thesis(s, t, tms[0], props, add):
            continue
        # the subject: a target named in the sentence, or a pronoun / "this condition" for one
        subject: Mention | None = tms[0] if tms else None
        dropped = False  # the sentence names no subject: only a direct statement can be read
        if subject is None:
            others = [m for m in ms if m.concept_id not in targets and not stem_re.search(m.text)]
            pron = _PRONOUN_START.match(t)
            ref = referent[s.index]
            if not others and (ref in targets or (ref is None and page.main_condition in targets)):
                concept0 = ref if ref in targets else page.main_condition
                for prop in props:
                    pat = _DEMONSTRATIVE.get(prop)
                    hit = pat.search(t) if pat is not None else None
                    if hit is None and s.index < first_body + 2 and not ms and prop in _ELIDED:
                        hit = _ELIDED[prop].match(t)
                        if hit is not None and _CLASS_OWN_VERB.match(t, hit.end()):
                            # "An autoimmune disease happens when ...": the class is the
                            # subject of a verb of its own, a sentence about the class
                            hit = None
                    if hit is not None and not critic_at(t, hit.start()):
                        hedged = _hedged(t, hit.start(), hit.end())
                        add(
                            s.index,
                            s.start + hit.start(),
                            s.start + hit.end(),
                            concept0,
                            prop,
                            "affirm",
                            hedged,
                            "page",
                            "pronoun",
                        )
            if (
                not others
                and ref in targets
                and predicate != "link"
                and (some := _SOME_CASES.search(t))
            ) and any(KEYWORDS[cast(ClaimPredicate, p)].search(t) for p in props):
                # "Not all cases are from a true food allergy": the property holds for some cases
                add(
                    s.index,
                    s.start + some.start(),
                    s.start + some.end(),
                    ref,
                    props[0],
                    "partly",
                    False,
                    "page",
                    "mechanism",
                )
                continue
            if pron is None or ref not in targets or others:
                # a question's answer may drop its subject: "... that's textbook autoimmune"
                if q is None and not others and predicate != "link":
                    # a sentence that names no condition tells how the one last named works:
                    # "The symptoms are caused by an allergic reaction to pollen" (mechanism only)
                    bare = ref if ref in targets else page.main_condition
                    if (
                        bare in targets
                        and not ms
                        and s.index not in claimed
                        and not _CLASS_SUBJECT.match(t)
                    ):
                        for prop in props:
                            if not _read_that_it(s, t, bare, prop, add):
                                _read_mechanism(
                                    s, t, [], bare, None, prop, add, bare=True, own=prop == props[0]
                                )
                    continue
                if q is None or others:
                    continue
                ref = next(
                    (m.concept_id for m in by_sentence.get(q, []) if m.concept_id in targets),
                    ref if ref in targets else None,
                )
                if ref is None:
                    continue
                dropped = True
            concept, s_from = ref, (0 if dropped or pron is None else pron.end())
        else:
            concept, s_from = subject.concept_id, subject.end - s.start
        if predicate == "link":
            if not dropped and s.index not in claimed:
                # a class statement ("a member of the autoimmune family") links it too
                n = len(out)
                _read_sentence(
                    s, t, ms, targets, concept, s_from, subject, "autoimmune", add, claimed, True
                )
                if len(out) == n:
                    _read_link(t, s, concept, subject, add, named_ai)
            continue
        other = _ALSO_CAUSED.match(t, s_from) if not dropped and predicate != "link" else None
        if other is not None:
            # "Hives can also be caused by severe stress": the property holds for some cases only
            add(
                s.index,
                s.start + other.start(),
                s.start + other.end(),
                concept,
                props[0],
                "partly",
                False,
                "page",
                "mechanism",
            )
            continue
        for prop in props:
            if _alias_of_target(s, t, tms, prop, add):
                continue
            _read_sentence(
                s,
                t,
                ms,
                targets,
                concept,
                s_from,
                subject,
                prop,
                add,
                claimed,
                dropped,
                own=prop == props[0],
            )
    if predicate == "link":
        out[:] = _as_links(out)
    out.sort(key=lambda x: (x.sentence, x.start))
    return out


# --- contagious, inherited, curable (understand/family_assertions.py) --------------------------


_START = attrgetter("start")


def _letters_as_target(page: Page, targets: set[str], letters, by_sentence) -> None:
    """The question's letters, wherever the page writes them, stand for the asked condition: a page
    that means something else by them ("GBS" as group B strep when the question is Guillain-Barré
    syndrome) still answers under them, and its answer is what a reader of it takes away
    (whether it agrees with the evidence is judged for the asked condition)."""
    concept = page.main_condition if page.main_condition in targets else min(targets)
    pat = letters_pattern(letters)
    # every match starts with the letters as written: found once in the page, not per sentence
    written = literal_led_in_sentences(pat, letters, page.text, page.sentences)
    for s in page.sentences:
        ms = by_sentence.get(s.index, [])
        found = written.get(s.index, ())
        if not ms and not found:
            continue
        kept = []
        for m in ms:
            said = m.text.upper()
            if m.concept_id not in targets and (said in letters or said[:-1] in letters):
                m = Mention(m.start, m.end, m.text, concept, m.sentence, "letters")
            kept.append(m)
        for x in found:
            a, b = s.start + x.start(), s.start + x.end()
            if not any(m.start < b and a < m.end for m in kept):
                kept.append(Mention(a, b, x.group(0), concept, s.index, "letters"))
        by_sentence[s.index] = sorted(kept, key=_START)


# words that refer back to a condition named before
_REFERS = re.compile(
    r"\b(?:it|this\s+(?:condition|disease|disorder|illness|infection|syndrome))\b", re.I
)
# a condition on a parent's genes
_PARENT_IF = re.compile(
    r"\bif\s+(?:one\s+of\s+|either\s+of\s+)?(?:(?:a|the|your|their|both|either|one)\s+)?"
    r"(?:parents?|mother|father|carriers?)\b",
    re.I,
)


# the page asks how the condition spreads: it takes for granted that it does ("How is X spread?",
# "How do people catch it?"); a question whether it spreads ("Can you catch X?") asks, and says nothing
_HOW_SPREAD = re.compile(
    r"^\W*how\s+(?:is|are|does|do|can|did|was|were)\s+(?:[\w'’-]+\s+){0,5}?(?:spread|spreads|transmitted|"
    r"passed\s+on|passed\s+from|caught|catch|contracted|contract|get\s+infected)\b",
    re.I,
)


def _read_how_spread(s, ms, targets, referent, add) -> None:
    """A weak yes to "contagious?" from the page asking how a target spreads (a heading "How is X
    spread?"): said of the target named in the question, or of "it" standing for one."""
    m = _HOW_SPREAD.match(s.text)
    if m is None:
        return
    tms = [x for x in ms if x.concept_id in targets and x.start - s.start < m.end()]
    if tms:
        concept = tms[0].concept_id
    elif not ms and referent.get(s.index) in targets and _REFERS.search(s.text, 0, m.end()):
        concept = referent[s.index]
    else:
        return
    add(
        s.index,
        s.start,
        s.start + m.end(),
        concept,
        "contagious",
        "affirm",
        False,
        "page",
        "mechanism",
    )


# a title or heading that states its thesis: "Sarcoidosis as an Autoimmune Disease", "Hives as an
# allergic disorder"
_THESIS = re.compile(
    r"\s+as\s+an?\s+(?:[\w-]+\s+)?(?P<key>auto-?immune|allergic|allergy)\s*(?:disease|disorder|condition|"
    r"reaction|illness)?s?\W*$",
    re.I,
)
_THESIS_PROP = {"auto": "autoimmune", "alle": "allergy"}


def _read_thesis(s, t: str, subject: Mention, props, add) -> bool:
    """A short heading that opens on the target and says it "as" the class: the heading of a work
    that argues the condition is one (a yes, weighed as a statement of the class)."""
    if len(t.split()) > 10 or not _opens_on(t, subject.start - s.start):
        return False
    m = _THESIS.match(t, subject.end - s.start)
    if m is None:
        return False
    prop = _THESIS_PROP[m.group("key")[:4].lower()]
    if prop not in props:
        return False
    add(
        s.index,
        subject.start,
        s.start + m.end(),
        subject.concept_id,
        prop,
        "affirm",
        False,
        "page",
        "class",
    )
    return True


def _opens_on(t: str, at: int) -> bool:
    """The sentence opens on the name (words before it are only punctuation)."""
    return not re.search(r"\w", t[:at])


def _read_family(s, t, ms, targets, ref, main, q, by_sentence, prop, add) -> None:
    """The mechanism and scope evidence of one sentence for a property family, said of a target
    named in it, or of the condition "it" / a subjectless sentence stands for (the one last named,
    or the page's own question's) when it names no other condition."""
    tms = [m for m in ms if m.concept_id in targets]
    others = [(m.start - s.start, m.end - s.start) for m in ms if m.concept_id not in targets]
    if tms:
        subject: Mention | None = tms[0]
        concept = tms[0].concept_id
    else:
        if others:
            return
        subject = None
        if ref in targets:
            concept = ref
        elif ref is None and main in targets:
            concept = main
        elif q is not None:
            qm = [m for m in by_sentence.get(q, []) if m.concept_id in targets]
            if not qm:
                return
            concept = qm[0].concept_id
        else:
            return
    for a, b, polarity, basis in family_evidence(t, prop):
        if subject is not None:
            sa, sb = subject.start - s.start, subject.end - s.start
            if sa <= a < sb or (a < sa < b <= sb):
                continue  # the words are the target's own name
            # (words around the name are the sentence's: "a family history of X raises the risk")
            lo, hi = (sb, a) if sa < a else (b, sa)
            if any(lo <= o[0] < hi for o in others):
                continue  # another condition stands between them: the words are its
        elif any(o[0] < a for o in others):
            continue
        critic = critic_at(t, a)
        speaker = "critic" if critic else "source" if _source_at(t, a) else "page"
        at = subject.start if subject is not None and subject.start < s.start + a else s.start + a
        hedged = _hedged(t, a, b)
        if hedged and _FAMILY_SOFT.search(t):
            # "research suggests a genetic component": how health writing states a finding
            hedged = _hedged(_FAMILY_SOFT.sub(lambda m: " " * len(m.group(0)), t), a, b)
        if hedged and prop == "inherited" and _PARENT_IF.search(t):
            # "if a parent has the gene, each child has a 1 in 2 chance": the condition is how
            # inheritance works, not a doubt
            hedged = _hedged(_PARENT_IF.sub(lambda m: " " * len(m.group(0)), t), a, b)
        add(s.index, at, s.start + b, concept, prop, polarity, hedged, speaker, basis)


# --- "Is X linked to autoimmune disease?" ----------------------------------------------------
_LINK_CUE = re.compile(
    r"\b(?:link(?:s|ed|age)?|ties|tied|connect(?:ed|ion|ions)?|associat(?:ed|ion|ions)|comorbid\w*|co-?occur\w*|"
    r"coexist\w*|overlap\w*|(?:higher|increased|greater|raised|elevated|double[ds]?)\s+(?:\w+\s+)?(?:risk|odds|rates?|"
    r"prevalence|incidence|chances?)|risk\s+(?:of|for)|more\s+likely|as\s+likely|more\s+(?:common|prevalent|frequent)|"
    r"times\s+more|shares?|shared|occurs?\s+(?:\w+\s+)?(?:alongside|together\s+with)|(?:often|commonly|frequently)\s+"
    r"(?:occurs?\s+|seen\s+|found\s+)?(?:with|alongside|together\s+with)|go(?:es)?\s+hand\s+in\s+hand)\b",
    re.I,
)
_NO_LINK = re.compile(
    r"\b(?:no|not|never|isn['’]t|aren['’]t|wasn['’]t|doesn['’]t|don['’]t|neither|nor)\s+(?:\w+\s+){0,3}?"
    r"(?:link|tie|tied|connect|associat|relat|increase|higher|more\s+likely|more\s+common|raise)\w*",
    re.I,
)


def _read_link(t: str, s, concept: str, subject: Mention | None, add, named_ai: bool) -> None:
    """A sentence that ties the target to autoimmune disease, or to a condition that is one (a
    link, a raised risk, shared features), or says there is no such tie."""
    if not named_ai and "autoimmun" not in t.lower():
        return
    cue = _LINK_CUE.search(t)
    if cue is None:
        return
    deny = bool(_NO_LINK.search(t))
    critic = critic_at(t, cue.start())
    hedged = strongly_hedged(t[cue.start() :] if critic else t)
    speaker = "critic" if critic else "source" if _source_at(t, cue.start()) else "page"
    a = subject.start if subject is not None else s.start + cue.start()
    add(
        s.index,
        a,
        s.start + cue.end(),
        concept,
        "autoimmune",
        "deny" if deny else "link",
        hedged,
        speaker,
        "link",
    )


def _as_links(assertions: list[Assertion]) -> list[Assertion]:
    """For a link question: a link or a statement that the condition is autoimmune speaks for a
    link; a statement that it is not autoimmune says nothing about links (kept only when it denies
    a link outright)."""
    out = []
    for a in assertions:
        if a.polarity == "link":
            out.append(replace(a, polarity="affirm"))
        elif a.polarity == "deny" and a.basis != "link":
            continue
        else:
            out.append(a)
    return out


def _read_named(page: Page, targets: set[str], props, questions: list[bool], add) -> None:
    """The page calls the condition by a name that holds the property ("Hay fever (allergic
    rhinitis) ...", "oral allergy syndrome makes the mouth itch"): a weak yes (basis ``named``),
    once per page. A name that only puts the word before the page's usual name ("allergic asthma"
    on a page about asthma) names one form, and says nothing."""
    if page.on_topic is False:
        return  # a page about something else names the condition in passing
    names = {m.text.lower() for m in page.mentions if m.concept_id in targets}
    for prop in props:
        key = KEYWORDS.get(cast(ClaimPredicate, prop))
        if key is None:
            continue
        for m in page.mentions:
            if m.concept_id not in targets or questions[m.sentence]:
                continue
            k = key.search(m.text)
            if k is None or _NON.search(m.text, 0, k.start()):
                continue  # "non-allergic rhinitis": the name denies the property
            rest = " ".join((m.text[: k.start()] + " " + m.text[k.end() :]).lower().split())
            if rest in names:
                continue  # a form of the condition the page names without the word
            add(m.sentence, m.start, m.end, m.concept_id, prop, "affirm", False, "page", "named")
            return


_APPOSED = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?,\s*(?:an?|the|one)\s+(?:[\w-]+\s+){0,3}$", re.I)
_ALIAS_CUE = re.compile(
    r"(?:also\s+(?:known\s+as|called|named|termed)|a\.?k\.?a\.?|otherwise\s+known\s+as|sometimes\s+called)\s*$",
    re.I,
)


_NAMED_BY = re.compile(
    r"(?:also\s+(?:known\s+as|called|named|termed)|a\.?k\.?a\.?|otherwise\s+known\s+as|sometimes\s+called)\s+"
    r"(?:[\w'’-]+\s+(?:or|and)\s+)?(?P<word>[\w-]+)\s+$",
    re.I,
)


def _alias_of_target(s, t: str, tms: list[Mention], prop: str, add) -> bool:
    """ "Also known as allergic eczema, it ...": the page names the target by a name that holds the
    property (the knowledge base may know that name as the target's own)."""
    key = KEYWORDS.get(cast(ClaimPredicate, prop))
    for m in tms:
        a = m.start - s.start
        if key is None:
            continue
        if key.search(m.text) and _ALIAS_CUE.search(t, max(0, a - 40), a):
            add(s.index, m.start, m.end, m.concept_id, prop, "affirm", False, "page", "alias")
            return True
        # "also known as allergic eczema": the property's word names the target, just before it
        named = _NAMED_BY.search(t, max(0, a - 60), a)
        if named is not None and key.fullmatch(named.group("word")):
            at = s.start + named.start("word")
            add(s.index, at, m.end, m.concept_id, prop, "affirm", False, "page", "alias")
            return True
    return False


def _masked(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    """``text[a:b]`` with each span (sentence offsets) inside it replaced by "COND"."""
    out, last = [], a
    for x, y in sorted(spans):
        out.append(text[last:x])
        out.append("COND")
        last = y
    out.append(text[last:b])
    return "".join(out)


def _key_stems(props: tuple[str, ...]) -> tuple[str, ...]:
    stems = [st for p in props for st in QUESTION_STEMS.get(p, ())]
    if "autoimmune" in props or "immune" in props:
        stems.append("immun")
    if "allergy" in props or "immune" in props:
        stems += ["allerg", "hypersensitiv"]
    return tuple(stems)


def _read_sentence(
    s, t, ms, targets, concept, s_from, subject, prop, add, claimed, dropped, own: bool = True
) -> None:
    """The assertions of one sentence for one property beyond the claims: alias, class,
    recognition, critic, mechanism."""
    key = KEYWORDS[prop]
    others = [(m.start - s.start, m.end - s.start) for m in ms if m.concept_id not in targets]
    found = False
    if prop in ("autoimmune", "allergy"):
        for k in key.finditer(t):
            ka, kb_ = k.start(), k.end()
            if subject is not None and subject.start - s.start <= ka < subject.end - s.start:
                continue  # the keyword is part of the target's own name
            if ka < s_from:
                continue
            # another condition between the subject and the keyword takes the keyword, unless the
            # keyword is in that condition's name or the two are listed together ("X and Y as ...")
            owner = next((o for o in others if o[0] <= ka < o[1]), None)
            stop = owner[0] if owner else ka
            inside = [o for o in others if s_from <= o[0] and o[1] <= stop]
            lead = t[s_from:stop]
            hedged = _hedged(t, s_from, kb_)
            if hedged and critic_at(t, s_from if subject is not None else ka):
                hedged = strongly_hedged(t[s_from:kb_])  # the critic cue is no hedge
            neg = bool(_NEGATION.search(lead[-40:]))
            critic = critic_at(t, s_from if subject is not None else ka) or bool(
                _CORRECTED.search(t, kb_)
            )
            speaker = "critic" if critic else "source" if _source_at(t, s_from) else "page"
            basis = None
            if not inside and _ALIAS.match(lead):
                basis = "alias"
            elif not inside and _CLASS.match(lead):
                basis = "class"
            elif not inside and owner is not None and _APPOSED.match(lead):
                basis = "class"  # "Oral allergy syndrome (OAS), a class 2 food allergy, ..."
            elif not inside and (colon := _COLON_COPULA.match(lead)):
                # a heading's colon as its copula: "Lupus: an autoimmune disease", "X: not an allergy"
                basis, neg = "copula", bool(colon.group(1))
            elif (
                not inside
                and owner is not None
                and _AND_OTHER.match(lead)
                and _NOT_SAME.match(t, owner[1])
            ):
                # "X and wheat allergy are not the same thing": X is not one
                basis, neg = "contrast", True
            elif (
                subject is not None
                and _RECOGNIZE.search(t[: subject.start - s.start])
                and _RECOGNIZE_AFTER.match(_masked(t, s_from, stop, inside))
            ):
                basis = "recognized"
                sa = subject.start - s.start
                neg = bool(_NEGATION.search(t[max(0, sa - 40) : sa]))
            elif not inside and s.index not in claimed and (that := _THAT_IT.search(lead)):
                basis = "pronoun"  # "..., but some researchers believe that it may be an autoimmune condition"
                neg = bool(_NEGATION.search(that.group(1)))
            elif not inside and s.index not in claimed and _BUT_NOT.match(lead):
                basis, neg = (
                    "copula",
                    True,
                )  # "... an auto-inflammatory disease, but not an autoimmune one"
            elif (
                not inside
                and critic
                and s.index not in claimed
                and len(lead.split()) <= 8
                and not _BUT.search(lead)
            ):
                basis = "copula"  # the claim claims.py drops as reported speech
            elif (
                inside
                and subject is not None
                and s.index not in claimed
                and subject.start - s.start <= 3
                and _AND_IS.match(t[inside[-1][1] : stop])
            ):
                basis = (
                    "copula"  # "X is one of the Y and is an autoimmune disease": X is the subject
                )
                neg = bool(_NEGATION.search(t[inside[-1][1] : stop]))
            elif (
                subject is None
                and not inside
                and s.index not in claimed
                and not _BUT.search(lead)
                and _COPULA_LEAD.match(lead)
            ):
                basis = "pronoun"  # "They are an allergic reaction to ...": a subject claims.py does not follow
            elif (
                subject is not None
                and not inside
                and s.index not in claimed
                and subject.start - s.start <= 3
                and _LONG_COPULA.match(lead)
            ):
                # "X is a systemic, non-IgE-mediated food allergy": a copula whose modifiers are
                # too many for claims.py, with no relative clause or comparison between
                basis = "copula"
                neg = bool(re.match(r"\W*(?:is|are|was|were)\s+not\b", lead, re.I))
            if basis is None:
                continue
            a = subject.start if subject is not None else s.start + ka
            add(
                s.index,
                a,
                s.start + kb_,
                concept,
                prop,
                "deny" if neg else "affirm",
                hedged,
                speaker,
                basis,
            )
            found = True
            break
    if found or dropped:
        return
    _read_mechanism(s, t, others, concept, subject, prop, add, own=own)


def _read_that_it(s, t: str, concept: str, prop: str, add) -> bool:
    """ "Most experts agree it is autoimmune": "it" after a verb of belief, in a sentence that
    names no condition, stands for the condition last named."""
    key = KEYWORDS.get(cast(ClaimPredicate, prop))
    if key is None or prop not in ("autoimmune", "allergy"):
        return False
    for k in key.finditer(t):
        that = _THAT_IT.search(t, max(0, k.start() - 120), k.start())
        if that is None or that.end() != k.start() or critic_at(t, k.start()):
            continue
        a = s.start + that.start()
        neg = bool(_NEGATION.search(that.group(1)))
        hedged = _hedged(t, that.start(), k.end())
        add(
            s.index,
            a,
            s.start + k.end(),
            concept,
            prop,
            "deny" if neg else "affirm",
            hedged,
            "page",
            "pronoun",
        )
        return True
    return False


def _class_in_names(m: re.Match[str], t: str, others, subject, s_start: int):
    """For an immune-class match: whether its class word ("autoinflammatory") stands inside a
    condition's name of two words or more before it ("familial cold autoinflammatory syndrome"),
    the subject's or another's, and the other conditions less the class named as such ("a systemic
    autoinflammatory disease", which the terminology knows as a condition of its own)."""
    low = m.group(0).lower()
    k = low.find("auto")
    if k < 0 or "inflam" not in low:
        return False, others
    k += m.start()
    spans = list(others)
    if subject is not None:
        spans.append((subject.start - s_start, subject.end - s_start))
    if any(a < k < b and len(t[a:k].split()) > 1 for a, b in spans):
        return True, others
    return False, [o for o in others if not o[0] <= k < o[1]]


def _read_mechanism(
    s, t, others, concept, subject, prop, add, bare: bool = False, own: bool = True
) -> None:
    """The property shown by how the condition works, said of ``subject`` (a target named in the
    sentence) or, with ``subject`` None, of the condition the sentence stands for."""
    mech = _MECHANISM.get(prop)
    if prop == "immune":
        pats = [
            (_MECHANISM["autoimmune"], "affirm"),
            (_MECHANISM["allergy"], "affirm"),
            (_NOT_IMMUNE, "deny"),
            (_IMMUNE_CAUSE, "affirm"),
            (_IMMUNE_CLASS, "affirm"),
        ]
    elif prop == "allergy" and mech is not None:
        pats = [(mech, "affirm"), (_NOT_IMMUNE, "deny")]
        if own:
            # asked "Is X an allergy?" (not "caused by the immune system?", which reads allergy too):
            # the immune system attacking the body's own tissue is autoimmunity, the rival class
            # ("In vitiligo the immune system attacks the pigment cells"); an allergy the condition
            # is defined without denies it
            pats += [(_MECHANISM["autoimmune"], "rival"), (_NO_ALLERGY, "deny")]
    else:
        pats = [(mech, "affirm")] if mech is not None else []
        if prop == "autoimmune" and own:
            pats.append((_AUTOINFLAMMATORY_CLASS, "rival"))
    for pat, polarity in pats:
        m = scanner(pat).search(t)
        if m is None:
            continue
        ma, mb = m.start(), m.end()
        if bare and _MARKER_ONLY.fullmatch(m.group(0)):
            continue  # "low-level autoantibodies are often found": a marker, not said of it
        rest = others
        if pat is _NO_ALLERGY:
            rest = [o for o in others if not (ma <= o[0] and o[1] <= mb + 1)]
        if pat is _IMMUNE_CLASS or pat is _AUTOINFLAMMATORY_CLASS:
            name, rest = _class_in_names(m, t, others, subject, s.start)
            if name:
                continue  # "familial cold autoinflammatory syndrome": a name, not a statement
        if pat is _AUTOINFLAMMATORY_CLASS:
            ca, cb = _clause_around(t, ma)
            if _AUTOIMMUNE_WORD.search(t, ca, cb):
                continue  # "autoimmune and autoinflammatory": both classes named, neither denied
        if _ASKED.search(t, _clause_around(t, ma)[0], ma):
            continue  # "asking whether X is caused by the immune system": a question, not a statement
        # the mechanism is told of the subject: after it in the sentence, or the sentence opens
        # on it ("In X, the immune system attacks ..."), with no other condition nearer
        if subject is not None:
            sa = subject.start - s.start
            near = [
                o
                for o in rest
                if ((sa < o[0] < ma) or (o[1] <= ma and o[0] > sa))
                and not _CHAIN.match(t, o[1], ma)
            ]
            if near:
                # "X causes symptoms like hay fever, but it is not due to an allergy": a clause
                # that opens on "it" takes the subject back from the conditions before it
                cs = _clause_around(t, ma)[0]
                if cs > sa and _PRONOUN_START.match(t[cs:]):
                    near = [o for o in near if o[0] >= cs]
            if near:
                continue
            if ma < sa and not _IN_X.search(t[:sa]) and sa - mb > 40:
                continue
        elif any(o[0] < ma for o in rest):
            continue
        if polarity == "rival":
            if _negated(t, ma, mb) or _hedged(t, ma, mb) or critic_at(t, ma):
                continue  # "does not attack its own tissue": says nothing of an allergy
            add(s.index, s.start + ma, s.start + mb, concept, prop, "deny", False, "page", "rival")
            return
        pol = "deny" if polarity == "affirm" and _negated(t, ma, mb) else polarity
        if prop == "immune" and pol == "deny" and pat in _ONE_KIND:
            # "no autoantibodies", "not an IgE reaction": one kind of immune cause is denied, not
            # the immune system's part; the sentence may still say what that part is
            continue
        if subject is not None and pol in ("affirm", "deny"):
            sa = subject.start - s.start
            pre = [o for o in others if o[1] <= sa]
            if pre and _TYPE_OF.match(t[pre[-1][1] : sa]):
                pol = "partly"  # "Allergic asthma is a type of asthma triggered by allergens"
        if pol == "deny" and NOT_ALWAYS.search(t, _clause_around(t, ma)[0], mb):
            pol = "partly"  # "not always caused by an allergy": so in some cases
        if pol == "affirm" and (
            _OTHER_CAUSES.search(t)
            or _SHARE.search(t, 0, _clause_around(t, mb)[1])
            # (an autoimmune mechanism read for "caused by the immune system?" is not ``own``)
            or ((prop in ("immune", "allergy") or not own) and _MAJORITY_CAUSE.search(t))
            or (prop == "allergy" and _EPISODES_SET_OFF.search(t, _clause_around(t, ma)[0], ma))
        ):
            # "often caused by an allergen, but can also come from stress"; "autoantibodies
            # attack the nerves in a subset of patients": a share said after the mechanism too
            pol = "partly"
        hedged = _hedged(t, ma, mb)
        critic = critic_at(t, ma)
        speaker = "critic" if critic else "source" if _source_at(t, ma) else "page"
        add(s.index, s.start + ma, s.start + mb, concept, prop, pol, hedged, speaker, "mechanism")
        return
