"""The words that turn a statement round or soften it: one vocabulary of negation and hedging
for every reader of statements (claims.py, assertions.py, family_assertions.py,
clause_evidence.py; property_claims.py reads claims' hedges).

Each reader builds its pattern with :func:`cues` from these shared families plus the few words its
own window needs, written beside it with the reason (claims read a contrast such as "distinct
from" as a denial; assertions read "lacks"; the clause fallback reads "nothing to do with").
So a negation or a hedge added here is read the same way by every stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["HEDGE", "NEGATION", "NOT_A_HEDGE", "UNSETTLED", "cues", "letters_pattern"]

# "not only", "not just", "no longer", "no doubt", "no matter" do not deny what follows;
# any "…n't" (isn't, can't, won't, hasn't, couldn't) does
NEGATION = (
    r"not(?!\s+(?:only|just|merely|simply|necessarily\s+only))|no(?!\s+(?:longer|doubt|matter))|"
    r"never|neither|nor|cannot|\w+n['’]t|without|rather\s+than|instead\s+of"
)

# "more likely" and "less likely" compare; they do not hedge
HEDGE = (
    r"may|might|could|possibl[ey]|perhaps|maybe|potentially|(?<!more\s)(?<!less\s)likely|"
    r"suggests?|suggested|appears?\s+to|seems?\s+to|unclear|uncertain|hypothes\w+|"
    r"theor(?:y|ies|i[sz]ed?)|possibilit(?:y|ies)|believed|probably|speculat\w+|"
    r"some\s+(?:\w+\s+)?(?:researchers|experts|scientists|doctors|studies|research)"
)

# words that hold a hedge's word but state what the page holds, or hedge something else in the
# sentence; the readers take them out before they look for a hedge (assertions.py reads them with
# its own "experts believe" and "research suggests" families):
# - how evidence is reported: "growing evidence suggests", "evidence has been suggesting",
#   "researchers suggest" (a finding, like "research suggests");
# - a hedge on how severe it is, not on what it is: "a potentially fatal autoimmune disease";
# - a relative as the condition of a risk: "if a sister has it, you are more likely to get it"
#   states how it runs in families, it does not doubt it.
NOT_A_HEDGE = (
    r"(?:(?:growing|increasing|mounting|strong|compelling|new|recent|more)\s+)?evidences?\s+"
    r"(?:(?:has|have)\s+been\s+|now\s+|strongly\s+|to\s+)?suggest(?:s|ing)?|"
    r"(?<!\bsome\s)(?:researchers|scientists|investigators|experts)\s+(?:now\s+)?suggests?|"
    r"(?:potentially|possibly)\s+(?:fatal|deadly|life-threatening|serious|severe|dangerous|disabling|"
    r"debilitating)|"
    r"if\s+(?:\w+['’]s\s+|\w+\s+){0,4}?(?:parents?|mother|father|relatives?|siblings?|brothers?|sisters?|"
    r"twins?|family\s+members?|grandparents?)\b"
)


# the strongest hedges: the page calls the question open, not merely possible ("remains unclear",
# "is debated", "the evidence is conflicting", "whether ... is not known"); a link reported with
# "may" still answers a link question, a link said to be unsettled does not (check/page_answer.py)
UNSETTLED = (
    r"unclear|uncertain|unknown|not\s+(?:yet\s+)?(?:known|clear|settled|proven|established)|"
    r"no\s+one\s+knows|nobody\s+knows|debated?|controversial|contested|conflicting|inconclusive|"
    r"whether"
)


def cues(*families: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the families' alternatives as whole words."""
    return re.compile(r"\b(?:" + "|".join(families) + r")\b", re.I)


def letters_pattern(letters: Iterable[str]) -> re.Pattern[str]:
    """The question's letters as a word of a sentence, as written or with a plural "s" ("CD",
    "CDs"): how every reader of the page's answer finds them standing for the asked condition."""
    return _letters_pattern(frozenset(letters))


@lru_cache(maxsize=256)
def _letters_pattern(letters: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(letters))) + r")s?\b")
