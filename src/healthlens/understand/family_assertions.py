"""What a sentence says about the property families contagious, inherited and curable, beyond the
cue phrases of ``property_claims.py``: the evidence a page gives by mechanism and by scope.

``read_assertions`` (assertions.py) calls ``family_evidence`` for a sentence about a target and
records each match as an assertion with basis ``mechanism`` (said of a named target or of "it" /
"this condition"), ``partial`` (partly, said outright) or ``scoped`` (so for some forms, cases or
people only):

- contagious: caused by a virus, bacteria or another germ, is a viral or bacterial infection,
  spreads through droplets, contact or sex (yes); "not an infection", "an autoimmune disease, not an
  infection", "you cannot catch it from someone" (no);
- inherited: caused by a gene mutation, passed from parent to child, inherited in an autosomal
  pattern (yes); a genetic component, genes play a role, runs in families (a weak yes, which a plain
  "is not hereditary" outweighs); a genetic predisposition, susceptibility or risk, "the
  predisposition is inherited" (partly, weakly: basis ``scoped``); "genetic but not inherited", "not
  a purely genetic disease", "rare familial forms" (partly, said outright: basis ``partial``);
- curable: cured with antibiotics, goes away for good (yes); no cure, no complete or definitive
  cure, the cure does not exist, no treatment can fix it, remission, lifelong (no).

Scope words in the clause ("some forms", "in rare cases", "most cases are not inherited") make an
affirmation or a denial ``partly``. Nothing here raises an alarm: these assertions only read the
page's answer (check/page_answer.py).
"""

from __future__ import annotations

import re

from .property_claims import majority_only
from .vocabulary import NEGATION, NOT_A_HEDGE, cues

__all__ = [
    "FAMILY_PROPS",
    "FAMILY_STEMS",
    "family_evidence",
    "ASKED",
    "SCOPE",
    "NOT_ALWAYS",
    "CASUAL",
    "GENES_BUT",
    "ONLY_PART",
]

FAMILY_PROPS = ("contagious", "inherited", "curable")

# a sentence without one of these stems says nothing this module reads
FAMILY_STEMS = {
    "contagious": re.compile(
        r"contag|infect|catch|caught|spread|transmi|virus|viral|bacteri|germ|microb|pass|give", re.I
    ),
    "inherited": re.compile(
        r"inherit|heredit|genet|gene\b|genes\b|famil|parent|pass|relatives|sibling|twin|autosom|x-linked|polygenic|"
        r"carrier",
        re.I,
    ),
    "curable": re.compile(
        r"cur(?:e|es|ed|able|ing)\b|incurable|remission|manag|control|lifelong|life-long|away|fix|clear|"
        r"resolv|disappear|eradicat|eliminat|rid\s+of|kill|\bgone\b|temporar|self-limit|short-lived|transient|"
        r"short-term|permanent|recover|better\s+(?:and|with)",
        re.I,
    ),
}
# the stems a restated question must hold to be the page's own question about the property
QUESTION_STEMS = {
    "contagious": ("contag", "infectious", "catch", "spread", "transmi"),
    "inherited": ("inherit", "heredit", "genetic", "run in famil", "runs in famil", "pass"),
    "curable": ("cure", "curable"),
}

# (a bare "if" is a condition, not a question: "if a parent has the gene, each child has a 1 in 2
# chance"; "not sure if", "know if" ask)
ASKED = re.compile(
    r"\b(?:whether|ask|asks|asking|asked|wonder|wonders|wondering|question|questions|learn|find\s+out|"
    r"explains?|discuss(?:es)?|covers?|look\s+at)\b|"
    r"\b(?:know|sure|unsure|certain|uncertain|clear|unclear|tell|check|see)\s+if\b",
    re.I,
)
SCOPE = re.compile(
    r"\b(?:some|certain|several|few|rare|other|a\s+few|one)\s+(?:\w+\s+)?(?:cases|forms|types|kinds|people|patients|families|"
    r"strains?|variants?)\b|\bin\s+(?:rare|some|a\s+few|certain|many)\s+(?:cases|instances|families|people)\b|"
    r"\b(?:most|many)\s+(?:cases|people|patients)\b|\bnot\s+all\b|\b(?:rarely|sometimes|occasionally)\b|"
    r"\b(?:about|around|roughly|only|up\s+to)\s+\d+\s?(?:%|percent)|\bone\s+(?:type|form|kind)\b",
    re.I,
)
# a share of the patients, beyond SCOPE's words, for a recovery said of some of them: "in 90% of
# patients", "nine out of ten adults", "a third of patients", "a small number of children", "many
# children" (a majority alone, "most people", is not a share, as for SCOPE)
SHARE = re.compile(
    r"\b\d+\s?(?:%|percent)\s+of\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+out\s+of\s+"
    r"(?:\d+|two|three|four|five|ten|a\s+hundred)\b|"
    r"\b(?:\d+/\d+|(?:a|one|two)\s+(?:third|quarter|half|fifth|tenth)s?)\s+of\b|"
    r"\ba\s+(?:(?:small|tiny)\s+number|minority|proportion|subset)\s+of\b|"
    r"\b(?:some|many|few|a\s+few)\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?(?:children|kids|adults|patients|people|cases)\b",
    re.I,
)
# everyday contact, or one named way of spreading: a denial of spread through it leaves other
# ways open ("not spread through saliva", "not transmitted by coughing", "can't get it from
# sharing food or drinks" on a page about a germ carried in blood)
CASUAL = re.compile(
    r"\b(?:casual|everyday|day-to-day|ordinary|normal|social|household|regular)\s+(?:\w+\s+)?(?:contact|activities|interactions?|life)\b|"
    r"\b(?:hugging|kissing|shaking\s+hands|sharing\s+(?:cups|utensils|food|dishes))\b|"
    r"\b(?:by|through|from)\s+(?:simple\s+|casual\s+|mere(?:ly)?\s+)?touch(?:ing)?\b|"
    r"\b(?:by|through|via|from|in)\s+(?:\w+\s+){0,2}?(?:saliva|spit|sneez(?:es|ing)|cough(?:s|ing)|"
    r"food|water|drinks?|glass(?:es)?|forks?|spoons?|cups?|toilet\s+seats?|mosquito(?:es|s)?|"
    r"insect\s+bites|breast\s*(?:feeding|milk)|sweat|tears|swimming\s+pools?)\b|"
    # one activity named as the way: "not by sharing towels", "drinking after someone will not
    # give you X" (a gerund, after a preposition of means or as the subject)
    r"\b(?:by|through|via|from)\s+(?:simply\s+|just\s+|merely\s+)?(?!(?:any|some|every|no)thing\b)[a-z]{3,}ing\b|"
    r"\b[a-z]{3,}ing\s+(?:[\w-]+\s+){0,5}?(?:will|would|does|do|did|can|could)(?:\s+not|n['’]t)\s+"
    r"(?:give|spread|transmit|pass)\b",
    re.I,
)
# a negation of "always" or "all" denies only the whole: "not always", "not all cases", "not every";
# so does a negated degree word, "not entirely / purely / solely / exclusively / wholly / exactly"
# (not "not just", "not simply": more than the property, not less), and so does a degree of the
# property denied ("not highly contagious")
NOT_ALWAYS = re.compile(
    r"\b(?:not|n['’]t|never)\s+(?:\w+\s+)?(?:always|necessarily|all|every|invariably)\b|"
    r"(?:\bnot|n['’]t)\s+(?:\w+\s+)?(?:an?\s+)?(?:entirely|purely|solely|exclusively|wholly|exactly)\b|"
    # a degree of the property denied, not the property: "not highly contagious", "isn't very
    # infectious", "not particularly contagious"
    r"(?:\bnot|n['’]t)\s+(?:highly|very|particularly|especially|extremely|terribly|overly)\s+"
    r"(?:contagious|infectious|catching|transmissible|$)|"
    r"\bnot\s+(?:all|every)\b|n['’]t\s+(?:always|necessarily)\b",
    re.I,
)
_NEG = cues(NEGATION, r"non|unlike")  # "non-hereditary", "unlike flu"
# evidence in a relative clause on a class describes the class: "not a hereditary disease, which is
# caused by a gene mutation"
_WHICH = re.compile(r",\s*which\b", re.I)
# how health writing states what research holds, not a hedge of the page's answer: "research
# suggests a genetic component", "most sources believe"
SOFT = re.compile(
    r"\b(?:research|studies|evidence|science)\s+(?:now\s+|strongly\s+)?(?:suggests?|shows?|indicates?)\b|"
    r"\b(?:most|many)\s+(?:sources|experts|doctors|researchers)\s+(?:now\s+)?(?:believe|agree|think)\b|"
    r"\b(?:" + NOT_A_HEDGE + r")\b",
    re.I,
)
_BUT = re.compile(
    r"[;:]\s|\b(?:but|however|although|though|while|whereas|yet)\b|,\s*(?:and|so)\s", re.I
)

# after a denial of heredity, genes said to take part all the same: "..., but genetic risk factors
# play a role", "..., though a predisposition can run in families"
GENES_BUT = (
    r"\b(?:but|however|though|yet)\b[^.;]{0,80}?\b(?:genes?\b|genetics\b|genetic\s+(?:factors?|"
    r"predisposition|component|risk|susceptibility|link|role|basis|influence|makeup|variants?)|"
    r"predisposition|susceptibility|tendency|runs?\s+in\s+(?:the\s+)?famil)"
)

# after genes said to take part, the sentence says they do not decide it alone: "..., but they are
# only part of the story", "... don't tell the whole story", "... is not solely responsible",
# "environmental factors seem to have a much bigger impact", "most children with it have no parent
# with it"
ONLY_PART = re.compile(
    r"\bonly\s+(?:a\s+|one\s+)?part\s+of\b|(?:n['’]t|\bnot)\s+(?:\w+\s+)?(?:tell|explain)\s+the\s+whole\s+story\b|"
    r"\bnot\s+(?:solely|entirely|wholly|the\s+only)\s+(?:\w+\s+)?(?:responsible|cause|factor|reason)|"
    r"\b(?:environment\w*|lifestyle)\s+(?:[\w-]+\s+){0,6}?(?:bigger|larger|greater|more\s+important|major)\s+"
    r"(?:role|impact|part|influence)\b|(?:n['’]t|\bnot)\s+(?:a\s+)?guarantee|"
    r"\bmost\s+(?:[\w-]+\s+){0,5}?(?:do\s+not|don['’]t|never)\s+have\s+(?:a|any)\s+(?:\w+\s+)?(?:parent|relative|"
    r"family\s+member)",
    re.I,
)

_GERM = (
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:virus(?:es)?|viral\s+infection|bacteri(?:a|um|al\s+infection)|"
    r"fung(?:us|i|al\s+infection)|parasites?|germs?|microbes?|infection|pathogens?|mites?)"
)
# (property, polarity, pattern): polarity as the words read with no negation before them
_EVIDENCE: list[tuple[str, str, re.Pattern]] = [
    (
        "contagious",
        "affirm",
        re.compile(
            r"\b(?:caused|spread|transmitted|passed|carried)\s+(?:\w+\s+){0,2}?(?:by|through|via|from)\s+"
            + _GERM
            + r"|\b(?:is|are)\s+(?:an?\s+)?(?:common\s+|serious\s+|contagious\s+)?(?:viral|bacterial|fungal|parasitic)\s+"
            r"(?:infection|disease|illness)\b|"
            r"\b(?:spreads?|caught|transmitted)\s+(?:\w+\s+){0,2}?(?:through|by|via|in)\s+(?:\w+\s+){0,3}?(?:droplets|contact|coughs?|coughing|sneez\w+|"
            r"saliva|blood|sex|sexual|touch\w*|skin[\s-]to[\s-]skin|air|fluids?|kissing)\b|"
            r"\b(?:sexually\s+transmitted|an?\s+(?:\w+ly\s+)?(?:sexually\s+transmitted|infectious|contagious)\s+"
            r"(?:disease|infection))\b|"
            r"\b(?:pass|passes|passed|spread|spreads|transmit\w*)\s+(?:\w+\s+)?(?:from\s+)?(?:person\s+to\s+person|"
            r"one\s+person\s+to\s+another|to\s+(?:others|other\s+people|another\s+person|a\s+partner|the\s+baby))\b|"
            # the ways it spreads, taken for granted: "the three main ways HIV is transmitted
            # are ...", "it can only be transmitted in 3 ways"
            r"\b(?:ways?|routes?|modes?)\s+(?:(?:that|in\s+which|by\s+which)\s+)?(?:[\w-]+\s+){0,3}?(?:is|are|can\s+be|gets?)\s+"
            r"(?:transmitted|spread|passed\s+on|caught)\b|"
            r"\b(?:transmitted|spread|passed\s+on)\s+in\s+(?:\d|two|three|four|five|several|a\s+few)\s+(?:main\s+)?ways\b|"
            # the germ leaves the body to reach others: "children shed the virus for months"
            r"\b(?:shed|sheds|shedding)\s+(?:the\s+|this\s+)?(?:virus(?:es)?|bacteri(?:a|um)|germs?|parasites?)\b|"
            # "people with X can infect others", "you can give it to your family"
            r"\b(?:infect|give\s+it\s+to|pass\s+it\s+(?:on\s+)?to|spread\s+it\s+to)\s+(?:\w+\s+)?(?:others|other\s+people|someone|"
            r"family|people|children|partners?)\b",
            re.I,
        ),
    ),
    (
        "contagious",
        "affirm",
        # "absolutely not contagious", "but not contagious": the word, read with its negation
        re.compile(r"\b(?:contagious|catching)\b", re.I),
    ),
    (
        "contagious",
        "deny",
        re.compile(
            r"\b(?:not|isn['’]t|never)\s+(?:\w+\s+)?(?:an\s+infection|infectious|caused\s+by\s+"
            + _GERM
            + r")|"
            r"\b(?:nothing\s+to\s+do\s+with|no\s+(?:link|relation)\s+to)\s+" + _GERM + r"|"
            r"\b(?:an?\s+)?(?:chronic\s+)?(?:autoimmune|auto-immune|allergic|genetic|inflammatory)\s+(?:[\w-]+\s+)?"
            r"(?:disease|disorder|condition|reaction)\b[^.;]{0,40}?\b(?:not|rather\s+than)\s+(?:an?\s+)?(?:infection|"
            r"infectious)|"
            r"\b(?:cannot|can['’]t|can\s+not|won['’]t|will\s+not|do(?:es)?\s+not|don['’]t|doesn['’]t)\s+"
            r"(?:\w+\s+){0,2}?(?:catch|get|pass|spread|transmit|give|infect)\w*\s+(?:\w+\s+){0,3}?"
            r"(?:from|to|by)\s+(?:\w+\s+){0,2}?(?:someone|somebody|another|others|other\s+people|person|people|touch\w*|"
            r"contact|partner|kiss\w*)|"
            r"\b(?:isn['’]t|is\s+not|not)\s+something\s+(?:that\s+)?(?:you|people|anyone)\s+(?:can\s+)?(?:catch|get|pass\s+on|spread)\b|"
            r"\bno\s*(?:one|body)\s+(?:can|will)\s+(?:catch|get)\b|"
            r"\b(?:will\s+not|won['’]t|cannot|can['’]t|does\s+not|doesn['’]t|do\s+not|don['’]t)\s+give\s+(?:you|anyone|others|"
            r"someone|your\s+\w+)\b",
            re.I,
        ),
    ),
    (
        "inherited",
        "affirm",
        re.compile(
            r"\b(?:caused|due|result\w*)\s+(?:\w+\s+){0,2}?(?:by|to|from)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:gene|genetic)\s+(?:mutation|change|variant|defect|fault|error)s?\b|"
            r"\binherited\s+in\s+(?:an?\s+)?(?:autosomal|x-linked|dominant|recessive)|"
            r"\b(?:passed|handed|transmitted)\s+(?:down\s+|on\s+)?(?:\w+\s+)?(?:from|through|in)\s+(?:(?:a|one|both|the|your|their)\s+)?"
            r"(?:parents?|mother|father|generations?|famil(?:y|ies))\b|"
            r"\b(?:autosomal|x-linked)\s+(?:recessive|dominant)\b|"
            # "caused by a faulty gene", "a 1 in 2 chance of passing it to each child"
            r"\b(?:caused|due|result\w*)\s+(?:\w+\s+){0,2}?(?:by|to|from)\s+(?:an?\s+|the\s+)?(?:faulty|altered|abnormal|defective|"
            r"mutated|changed|single)\s+(?:[\w-]+\s+)?genes?\b|"
            r"\b(?:\d+\s+in\s+\d+|\d+\s?(?:%|percent)|one\s+in\s+(?:two|four))\s+(?:\(\d+\s?%\)\s+)?chance\s+(?:of|that|to)\s+"
            r"(?:(?:each|every|any|their|your|a)\s+)?(?:\w+\s+){0,2}?(?:pass(?:ing)?|inherit(?:ing)?|develop(?:ing)?|get(?:ting)?|child|children)\b|"
            r"\bat\s+risk\b[^.;]{0,40}?\bif\s+(?:one\s+of\s+)?(?:your|their|a)\s+parents?\b|"
            r"\b(?:an?\s+)?(?:inherited|hereditary|genetic)\s+(?:disease|disorder|condition)\b|"
            r"\b(?:strongly|highly|very)\s+(?:hereditary|heritable|inherited|genetic)\b|"
            # "is usually inherited", "most people inherit it from a parent", "a gene change causes it"
            r"\b(?:is|are)\s+(?:usually|often|typically|mostly|always|commonly|generally)\s+(?:inherited|hereditary|genetic)\b|"
            r"\binherit(?:s|ed)?\s+(?:it|them|the\s+(?:condition|disease|disorder))\b|"
            r"\b(?:gene|genetic)\s+(?:mutation|change|variant|defect|fault|error)s?\b[^.;]{0,40}?\bcaus(?:es?|ing)\b",
            re.I,
        ),
    ),
    (
        "inherited",
        "leans",
        re.compile(
            r"\b(?:genetic|hereditary|inherited|familial)\s+(?:component|factors?|link|influence|basis|element|role|"
            r"background)\b|"
            r"\b(?:genes?|genetics|heredity)\s+(?:\w+\s+)?(?:plays?|raises?|increases?|influences?|contributes?|are\s+involved|"
            r"is\s+involved|may\s+play|can\s+play|also\s+play)\b|"
            r"\b(?:runs?|running|clusters?|clustering|clustered)\s+in\s+(?:the\s+)?famil(?:y|ies)\b|"
            r"\bstrong\s+(?:genetic|hereditary)\s+(?:\w+\s+)?(?:component|influence|link|basis)\b|"
            # a family's raised risk: "a family history of X raises the risk", "children of a parent
            # with X are more likely to get it", "relatives have a higher risk"
            r"\bfamily\s+history\b[^.;]{0,60}?\b(?:increases?|raises?|higher|greater|more\s+likely|risk\s+factor|"
            r"predictors?)\b|"
            r"\b(?:relatives?|siblings?|brothers?|sisters?|children|offspring|twins?|family\s+members?)\b[^.;]{0,60}?"
            r"\b(?:(?:higher|greater|increased|raised|elevated)\s+(?:\w+\s+)?(?:risk|chance|odds)|more\s+likely|"
            r"\d+\s+in\s+\d+\s+(?:risk|chance))\b",
            re.I,
        ),
    ),
    (
        "inherited",
        "susceptible",
        # a predisposition, not the disease: so for some people, read like a scoped statement
        re.compile(
            r"\b(?:genetic|hereditary|inherited|familial)\s+(?:predisposition|susceptibility|tendency|risk)\b|"
            r"\b(?:predisposition|susceptibility|tendency)\s+(?:\w+\s+){0,2}?(?:is|are|can\s+be)\s+inherited\b|"
            # "you can inherit genes that make it more likely"
            r"\binherit(?:s|ed|ing)?\s+(?:an?\s+|the\s+|certain\s+|some\s+|specific\s+)?(?:[\w-]+\s+)?"
            r"(?:tendency|susceptibility|predisposition|risk)\b|"
            r"\binherit(?:s|ed|ing)?\s+(?:certain\s+|some\s+|specific\s+)?genes?\s+(?:that|which)\s+(?:\w+\s+)?"
            r"(?:make|makes|raise|raises|increase|increases|put|puts)\b|"
            # genes that raise the tendency, said with the genes first: "the genes some people
            # inherit increase the tendency to develop it"
            r"\b(?:genes?|genetics|genetic\s+(?:factors?|variants?|makeup))\b[^.;]{0,40}?\b(?:increase|raise|heighten|influence|affect)\w*\s+"
            r"(?:the\s+|your\s+|their\s+|one['’]s\s+|a\s+person['’]s\s+)?(?:tendency|susceptibility|predisposition|"
            r"likelihood|chances?|risk)\b",
            re.I,
        ),
    ),
    (
        "inherited",
        "partial",
        re.compile(
            r"\bgenetic\s+but\s+not\s+(?:inherited|hereditary)\b|"
            r"\bnot\s+(?:a\s+)?(?:purely|strictly|entirely|simply|directly|solely|necessarily|completely|wholly)\s+"
            r"(?:an?\s+)?(?:genetic|hereditary|inherited|passed\s+(?:down|on))\b|"
            r"(?:\bnot|n['’]t|\bnever)\s+(?:\w+\s+)?(?:passed|handed)\s+(?:down|on)\s+(?:\w+\s+)?directly\b|"
            r"\b(?:partly|partially|somewhat|in\s+part)\s+(?:an?\s+)?(?:genetic|hereditary|inherited)\b|"
            # not inherited as such: "cannot inherit it directly", genes and environment together
            r"(?:\bnot|n['’]t|\bcannot)\s+(?:\w+\s+)?inherit\w*\s+(?:\w+\s+){0,3}?(?:directly|as\s+such)\b|"
            r"\b(?:mix|combination|interplay|interaction)\s+of\s+(?:\w+\s+){0,3}?(?:genes|genetic|genetics|hereditary)\b[^.;]{0,40}?"
            r"\benvironment\w*|"
            r"\b(?:genes|genetics|heredity)\s+alone\s+(?:do(?:es)?\s+not|don['’]t|doesn['’]t|cannot|can['’]t|(?:is|are)\s+not)\b|"
            # genes are one cause among others: "genes are not the only factor", "heredity only
            # contributes part of the risk", "environmental factors also contribute"
            r"\b(?:genes|genetics|heredity|genetic\s+factors)\b[^.;]{0,80}?\bnot\s+the\s+only\s+"
            r"(?:\w+\s+)?(?:factors?|causes?|reasons?|things?)\b|"
            r"\b(?:genes|genetics|heredity|genetic\s+factors)\s+(?:\w+\s+)?only\s+(?:contributes?|accounts?\s+for|"
            r"explains?|plays?\s+a\s+part)\b|"
            r"\b(?:non-?genetic|environmental|lifestyle)\s+(?:[\w-]+\s+){0,4}?factors?\b[^.;]{0,60}?\balso\s+"
            r"(?:contribute|play|matter|count)\b|"
            r"\bno\s+single\s+(?:[\w-]+\s+)?gene\b|"
            # "not solely determined by genes", "not thought to be directly inherited", genes and
            # the environment named together as its causes
            r"\bnot\s+(?:solely|only|entirely|purely|just|completely|wholly)\s+(?:determined|caused|explained|"
            r"driven)\s+by\s+(?:\w+\s+)?(?:genes|genetics|heredity|genetic)\b|"
            r"\b(?:is|are)\s+not\s+(?:thought|considered|believed|known)\s+to\s+be\s+(?:purely|strictly|entirely|simply|"
            r"directly|solely)\s+(?:genetic|hereditary|inherited)\b|"
            r"\b(?:both\s+)?(?:genetic|hereditary)\s+and\s+environmental\s+factors\b|"
            r"\b(?:both\s+)?environmental\s+and\s+(?:genetic|hereditary)\s+factors\b|"
            # not a simple hereditary disease, or not hereditary but genes take part: "not a
            # classic Mendelian genetic disorder", "is not hereditary, but genetic risk factors
            # play a role"
            r"\b(?:not|rather\s+than)\s+(?:\w+\s+){0,3}?(?:an?\s+)?(?:simple|classic(?:al)?|strictly|single-gene|"
            r"mendelian|traditional)\s+[\"“”']?(?:mendelian\s+)?(?:hereditary|inherited|genetic)[\"“”']?\s+"
            r"(?:disease|disorder|condition)\b|"
            r"\b(?:is\s+not|isn['’]t|are\s+not|aren['’]t)\s+(?:\w+\s+){0,3}?(?:hereditary|inherited|genetic)\b"
            r"[^.;]{0,40}?" + GENES_BUT + r"|"
            r"\bpolygenic\b|\b(?:more\s+than\s+one|several|many|multiple)\s+genes?\s+(?:(?:is|are)\s+)?(?:involved|play|contribute)|"
            r"\b(?:predisposition|susceptibility|tendency|risk)\s+(?:\w+\s+){0,2}?(?:is|are|can\s+be)\s+inherited\b|"
            r"\b(?:inherited|hereditary|familial)\s+(?:form|forms|type|types|cases)\s+(?:\w+\s+){0,2}?(?:is|are)\s+rare\b|"
            r"\brare\s+(?:inherited|hereditary|familial)\s+(?:form|forms|type|types|cases)\b",
            re.I,
        ),
    ),
    (
        "curable",
        "partial",
        # a cure for some patients only: "a cure for a subset of patients", "a transplant can cure
        # it in a small number of children"
        re.compile(
            r"\bcures?\b[^.;]{0,40}?\bfor\s+(?:a\s+(?:subset|minority|small\s+(?:number|group)|fraction|handful)\s+of|"
            r"some|a\s+few|certain|selected)\s+(?:\w+\s+)?(?:patients|people|children|adults|cases)\b|"
            r"\b(?:can|could|may|might)\s+(?:\w+\s+)?cure\s+(?:\w+\s+){0,4}?in\s+(?:a\s+)?(?:small\s+(?:number|group)|some|"
            r"a\s+few|a\s+minority|certain|selected)\b",
            re.I,
        ),
    ),
    (
        "curable",
        "recovers",
        # a recovery said of a share of the patients: "some cases enter remission", "remission is
        # achievable in up to 85% of cases", "many children outgrow it", "in some cases it never
        # comes back" (partly; a recovery said of no share is left to the patterns below)
        re.compile(
            r"\b(?:enter\w*|attain\w*|achiev\w*|reach\w*|induc\w*|go(?:es)?\s+into|went\s+into)\s+(?:[\w-]+\s+){0,3}?"
            r"remissions?\b|\bremissions?\s+(?:is|are|was|were)\s+(?:\w+\s+)?(?:achievable|possible|induced|achieved)\b|"
            r"\b(?:recover(?:s|ed|y)?|outgrow\w*|grow\s+out\s+of|disappear\w*|go(?:es)?\s+away|clear(?:s|ed)?\s+(?:up|it|the\s+"
            r"(?:virus|infection))|never\s+(?:comes?|came)\s+back)\b",
            re.I,
        ),
    ),
    (
        "curable",
        "deny",
        re.compile(
            r"\bno\s+(?:\w+\s+)?(?:known\s+|definitive\s+|complete\s+|permanent\s+|real\s+|total\s+|actual\s+|"
            r"medical\s+|current\s+)?cures?\b|"
            r"\b(?:cure|cures)\s+(?:\w+\s+){0,4}?(?:does|do)\s*(?:not|n['’]t)\s+(?:yet\s+)?exist|"
            r"\bcures?\s+(?:is|are)\s+(?:not\s+(?:typical|possible|available|likely)|rare|unlikely)\b|"
            r"\b(?:(?:produce|achieve|induce|reach|into|in)\s+(?:a\s+)?(?:long-term\s+)?remission)\b|"
            r"\bno\s+treatments?\s+(?:that\s+)?(?:can|will|could)\s+(?:\w+\s+){0,2}?(?:cure|fix|eliminate|reverse|get\s+rid)\b|\bisn['’]t\s+(?:a|any)\s+cure\b|"
            r"\b(?:not|never)\s+(?:\w+\s+)?(?:be\s+)?(?:cured|curable)\b|\bincurable\b|"
            r"\b(?:can(?:not|['’]t)|no\s+treatment\s+can|nothing\s+can)\s+(?:\w+\s+){0,2}?(?:cure|fix|eliminate|reverse)\b|"
            r"\b(?:lifelong|life-long|lifetime)\s+(?:condition|disease|disorder|illness|treatment|management)\b|"
            r"\b(?:managed|controlled|treated)\s+(?:\w+\s+){0,3}?but\s+not\s+cured\b|"
            r"\bnot\s+(?:a\s+)?cures?\b|"
            # no cure found yet: "a cure has not been found", "researchers hope to find a cure"
            r"(?:\bnot|n['’]t|\bnever)\s+(?:yet\s+)?(?:been\s+)?(?:found|discovered|developed)\s+(?:yet\s+)?(?:an?\s+|the\s+)?cure\b|"
            r"\bcure\s+(?:\w+\s+){0,4}?(?:has|have|is)\s*(?:not|n['’]t)\s+(?:yet\s+)?(?:been\s+)?(?:found|discovered|developed|available)\b|"
            r"\b(?:hope|hopes|hoping|search\w*|looking|working|quest|race|closer)\s+(?:\w+\s+){0,2}?(?:to\s+find|for|to)\s+(?:an?\s+|the\s+)?cure\b|"
            r"\bcure\s+(?:\w+\s+){0,4}?(?:is|remains)\s+(?:still\s+|only\s+|just\s+)?(?:elusive|out\s+of\s+reach|"
            r"(?:\w+\s+)?years\s+away)\b|"
            r"\bcloser\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+)?cure\b",
            re.I,
        ),
    ),
    (
        "curable",
        "affirm",
        re.compile(
            r"\b(?:can|will|is|are)\s+(?:\w+\s+)?(?:be\s+)?cured\s+(?:with|by|through|using)\b|"
            r"\b(?:antibiotics|surgery|treatment|medication)\s+(?:\w+\s+)?(?:cures?|clears?\s+(?:it|the\s+infection))\b|"
            r"\b(?:is|are|['’]s|['’]re)\s+(?:\w+\s+){0,2}?(?:curable|cured)\b|\bcan\s+(?:\w+\s+)?be\s+cured\b|"
            # "one of the few curable forms of arthritis", "one of the most curable cancers"
            r"\bone\s+of\s+the\s+(?:few|most)\s+(?:\w+\s+)?curable\b|"
            # over after a while by its nature: "is a temporary condition", "is typically
            # self-limiting", "is never permanent"
            r"\b(?:is|are|['’]s|['’]re)\s+(?:(?:usually|often|typically|generally|only|always|a|an)\s+){0,2}(?:temporary|"
            r"self-limit(?:ing|ed)|short-lived|transient|short-term)\b|"
            r"\b(?:(?:is|are)\s+(?:never|not)|isn['’]t|aren['’]t)\s+(?:\w+\s+)?permanent\b|"
            r"\b(?:goes|go)\s+away\s+(?:for\s+good|completely|permanently|on\s+its\s+own)\b|"
            # gone after a while: "it is gone within two years", "goes away in a few months"
            r"\b(?:is|are)\s+(?:usually\s+|often\s+|typically\s+|generally\s+)?gone\s+(?:within|after|in|by)\b|"
            r"\b(?:(?:goes|go)\s+away|disappears?|resolves?)\s+(?:\w+\s+)?(?:within|after|in)\s+(?:\w+\s+){0,3}?"
            r"(?:days|weeks|months|years)\b|"
            r"\b(?:resolves?|resolved|disappears?)\s+(?:on\s+its\s+own|by\s+itself|completely|spontaneously|for\s+good)\b|"
            # "eradicated with antibiotics", "a curable infection"
            r"\b(?:eradicat\w+|eliminat\w+|get\s+rid\s+of|kill\w*)\s+(?:the\s+|an?\s+)?(?:\w+\s+)?(?:infection|bacteri\w+|virus|parasites?)\b|"
            r"\b(?:can|could|will)\s+(?:usually\s+|often\s+|easily\s+)?be\s+(?:eradicated|eliminated)\b|"
            r"\ban?\s+(?:\w+\s+)?curable\b|"
            # a full recovery: "most children make a full recovery", "recover completely", "get
            # better and have no long-term effects" (a share of patients makes it partly below)
            r"\b(?:make|makes|made)\s+an?\s+(?:full|complete)\s+recovery\b|\brecover(?:s|ed)?\s+(?:fully|completely)\b|"
            r"\bfully\s+recover(?:s|ed)?\b|\b(?:get|gets|got)\s+better\s+(?:and\s+(?:have|has)\s+|with\s+)no\s+"
            r"(?:long-term|lasting)\b|"
            r"\bclears?\s+up\s+(?:completely|for\s+good|within\s+(?:\w+\s+)?(?:days|weeks)|in\s+(?:a\s+few\s+)?(?:days|weeks)|"
            r"with\s+(?:antibiotics|treatment))\b",
            re.I,
        ),
    ),
]


# the order evidence is read in: a statement that it is so in part before a denial, a denial before
# an affirmation ("not a purely genetic disease" is partly, not "a genetic disease")
_ORDER = {"partial": 0, "recovers": 0, "deny": 1, "affirm": 2, "susceptible": 3, "leans": 4}
_EVIDENCE.sort(key=lambda e: _ORDER[e[1]])
# the words define a term rather than say something of the condition: "A hereditary condition is
# one that ...", "An infectious disease means ..."
_DEFINES = re.compile(r"^\W*(?:an?\s+|the\s+)?$", re.I)
_DEFINED = re.compile(r"\s*(?:is|are|means?|refers?\s+to)\b", re.I)


# the words name what a study or an article is about, not what the page says: "read this study on
# genetic susceptibility", "research into the genetic factors"
_TOPIC_OF = re.compile(
    r"\b(?:study|studies|research|article|paper|review|trial|project|report|book|talk|webinar)\s+"
    r"(?:on|of|about|into|exploring|examining|looking\s+at)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.I,
)


def _clause(text: str, pos: int) -> tuple[int, int]:
    start, end = 0, len(text)
    for m in _BUT.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def family_evidence(text: str, prop: str, start_from: int = 0) -> list[tuple[int, int, str, str]]:
    """(start, end, polarity, basis) of each piece of evidence in one sentence for ``prop``, read
    from ``start_from`` (sentence offsets). A whether-clause is a question, not evidence; a negation
    just before affirming words denies them; scope words in the clause make it ``partly``."""
    if not FAMILY_STEMS[prop].search(text):
        return []
    out: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for p, polarity, pat in _EVIDENCE:
        if p != prop:
            continue
        for m in pat.finditer(text, start_from):
            a, b = m.span()
            if any(x < b and a < y for x, y in taken):
                continue
            ca, _ = _clause(text, a)
            if ASKED.search(text, ca, a):
                continue  # "including whether it is contagious"
            if _DEFINES.match(text[:a]) and _DEFINED.match(text, b):
                continue
            if _WHICH.search(text, start_from, a):
                continue
            if polarity in ("leans", "susceptible") and len(text.split()) < 5:
                continue  # a heading: "Understanding Genetic Predisposition"
            if polarity in ("leans", "susceptible") and _TOPIC_OF.search(text, max(ca, a - 40), a):
                continue  # "a recent study on genetic susceptibility": what a work is about
            pol, basis = polarity, "mechanism"
            if pol == "recovers":
                # a recovery of some patients leaves the others: partly; said of no share, or of
                # most people, the words are read by the other patterns
                clause = text[ca : _clause(text, b)[1]]
                if not SHARE.search(clause) and (
                    not SCOPE.search(clause) or majority_only(SCOPE, clause)
                ):
                    continue
                pol, basis = "partly", "scoped"
            elif pol == "partial":
                pol, basis = "partly", "partial"  # "genetic but not inherited": said outright
            elif pol == "susceptible":
                if _NEG.search(text, max(ca, a - 30), a):
                    continue
                pol, basis = "partly", "scoped"
            elif pol == "leans":
                # "runs in families", "a genetic component": leans yes, weakly
                if _NEG.search(text, max(ca, a - 60), a):
                    continue  # "no family history": says nothing either way
                pol = "affirm"
                if ONLY_PART.search(text, start_from):
                    # "genetics play a role, but they are only part of the story": partly, and
                    # as weak as the lean it limits
                    pol, basis = "partly", "scoped"
            elif pol == "affirm" and _NEG.search(text, max(ca, a - 60), a):
                pol = "deny"
                if NOT_ALWAYS.search(text, max(ca, a - 60), a):
                    pol, basis = "partly", "scoped"  # "not always contagious"
            if (
                prop == "contagious"
                and pol == "deny"
                and CASUAL.search(text, ca, _clause(text, b)[1])
            ):
                # "not through casual contact": a denial that leaves other ways open, so it
                # leans no but yields to a statement that it spreads some other way
                basis = "most"
            # "in rare cases", "some forms" limit it; "most cases", "usually" only lean
            if (
                pol in ("affirm", "deny")
                and SCOPE.search(text, ca, a)
                and not majority_only(SCOPE, text[ca:a])
            ):
                pol, basis = "partly", "scoped"
            taken.append((a, b))
            out.append((a, b, pol, basis))
    out.sort()
    return out
