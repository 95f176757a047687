"""Hostile inputs, built by code (nothing big is committed): the tests in this folder and
``benchmarks/run.py hostile`` use the same builders.

Each builder takes a size in characters and returns a page text of about that size, made to
cost the most per character in one stage of the pipeline.
"""

from __future__ import annotations

import random

_CLAIM_WORDS = (
    "lupus celiac psoriasis SLE RA MS vitiligo eczema asthma fibromyalgia IBS autoimmune "
    "autoimmunity allergy allergic immune-mediated is are not no may might linked associated like "
    "such as including other unlike whether if while the a an disease condition it this "
    "condition research suggests and or , ( )"
).split()


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def claim_run(size: int) -> str:
    """The issue's case: one sentence without an end, a condition and a claim word every 20
    characters (``"Lupus is autoimmune " * n``)."""
    return _repeat("Lupus is autoimmune ", size)


def claim_mix(size: int) -> str:
    """Condition names, abbreviations, negations, links and examples, without a sentence end."""
    return _repeat(
        "SLE is not an autoimmune disease, unlike RA (rheumatoid arthritis) which may be linked "
        "to other autoimmune diseases like MS ",
        size,
    )


def claim_random(size: int, seed: int = 1) -> str:
    """Claim words, names, negations and hedges in random order (no two clauses alike, so
    nothing is looked at once for many), without a sentence end."""
    r = random.Random(seed)
    out, n = [], 0
    while n < size:
        w = r.choice(_CLAIM_WORDS)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)[:size]


def names(size: int) -> str:
    """Condition names only, thousands of them, without a sentence end."""
    return _repeat(
        "lupus, celiac disease, psoriasis, multiple sclerosis, type 1 diabetes and vitiligo, ", size
    )


def brackets(size: int) -> str:
    """A bracket, nested or not, every few characters: abbreviation candidates everywhere."""
    return _repeat("Lupus (SLE) [RA] (MS (CD (IBD))) ", size)


def page_abbreviations(size: int) -> str:
    """A page that defines thousands of abbreviations of its own (each one is looked for in the
    whole page)."""
    r = random.Random(2)
    out, n = [], 0
    letters = "BCDFGHJKLMNPQRSTVWXZ"
    while n < size:
        a, b, c = (r.choice(letters) for _ in range(3))
        s = f"{a}{b.lower()}x {b}{c.lower()}y {c}z syndrome ({a}{b}{c}) is a {a}{b}{c} thing. "
        out.append(s)
        n += len(s)
    return "".join(out)[:size]


def spaces(size: int) -> str:
    """A long run of spaces before a bullet and after a dash (white-space patterns)."""
    return "Lupus is autoimmune -" + " " * max(0, size - 30) + "x - y"


def short_lines(size: int) -> str:
    """A sentence on every line: the most sentences per byte."""
    return _repeat("Lupus\n", size)


def invisible(size: int) -> str:
    """Words cut by zero-width spaces, soft hyphens, joiners and NULs."""
    return _repeat("Lu\u200bpus is\u00ad not auto\u200dimmune\x00. ", size)


def hedges(size: int) -> str:
    """A hedged claim in every sentence and the flat one at the end: each hedge looks for a
    later flat statement of the same claim."""
    unit = "Fibromyalgia may be autoimmune. "
    return unit * max(1, (size - 30) // len(unit)) + "Fibromyalgia is autoimmune."


def studies(size: int) -> str:
    """A study name ending again and again without a space ("Study.Study."): each ending looks
    back over the words before it for the study's name."""
    return _repeat("Study.", size)


def deep_html(depth: int, text: str = "Lupus is not an autoimmune disease.") -> str:
    """``text`` nested ``depth`` elements deep, with a paragraph before and after."""
    return (
        "<html><head><title>Deep</title></head><body><p>Before the nesting.</p>"
        + "<div>" * depth
        + text
        + "</div>" * depth
        + "<p>After the nesting.</p></body></html>"
    )


def many_links(size: int) -> str:
    unit = '<a href="https://www.nih.gov/x?a=1">lupus research</a> '
    return "<html><body><p>" + _repeat(unit, size) + "</p></body></html>"


# the text builders the benchmark times against size, worst first
TEXT_BUILDERS = {
    "claim_random": claim_random,
    "claim_mix": claim_mix,
    "claim_run": claim_run,
    "brackets": brackets,
    "short_lines": short_lines,
    "page_abbreviations": page_abbreviations,
    "names": names,
    "invisible": invisible,
    "spaces": spaces,
    "hedges": hedges,
    "studies": studies,
}
