"""Negation and hedging cues, with offsets."""

from __future__ import annotations

import re

from ..fastmatch import scanner
from ..models import Cue, Sentence

__all__ = ["find_cues", "NEGATION", "HEDGE"]

NEGATION = re.compile(
    r"\b(not|no|never|neither|nor|without|unlike|rather than|instead of|isn['’]t|aren['’]t|wasn['’]t|"
    r"weren['’]t|doesn['’]t|don['’]t|didn['’]t|cannot|can['’]t|won['’]t|nothing|none|"
    r"lacks?|absence of|ruled out|myth|misconception|false|incorrect(ly)?|mistaken(ly)?)\b",
    re.I,
)
HEDGE = re.compile(
    r"\b(may|might|could|possibl[ey]|perhaps|potential(ly)?|suggests?|suggesting|suggested|appears? to|seems? to|"
    r"(?<!more )(?<!less )likely|unlikely|unclear|uncertain|not known|unknown|debated?|controversial|contested|hypothes[ie]s|theor(y|ies|ize)|"
    r"some (researchers|experts|scientists|doctors|studies)|is thought|are thought|believed?|speculat\w+|"
    r"emerging|preliminary|more research is needed|further research|remains? (unclear|elusive|to be)|"
    r"in some cases|sometimes|proposed|questioned|investigat\w+|explored?|whether)\b",
    re.I,
)


def find_cues(text: str, sentences: list[Sentence]) -> list[Cue]:
    cues: list[Cue] = []
    for kind, pattern in (("negation", NEGATION), ("hedge", HEDGE)):
        for s, m in scanner(pattern).finditer_sentences(
            text, sentences
        ):  # as pattern.finditer(s.text)
            cues.append(Cue(s.start + m.start(), s.start + m.end(), m.group(), kind, s.index))
    cues.sort(key=lambda c: c.start)  # stable: at one offset a negation stays before a hedge
    return cues
