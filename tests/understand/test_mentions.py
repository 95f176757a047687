import random
import re

from healthlens.knowledge import get_knowledge
from healthlens.models import Abbreviation
from healthlens.understand.mentions import PAGE_CONCEPT, _standalone, link_mentions
from healthlens.understand.sentences import split_sentences


def _regex_starts(text: str, short: str) -> list[int]:
    return [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text)]


def test_standalone_finds_what_the_lookaround_regex_finds():
    """The ``str.find`` scan stands for a regex with look-arounds: same starts, on tricky text
    (hyphens, underscores, digits, letters outside ASCII, repeats that overlap)."""
    rng = random.Random(7)
    alphabet = [
        "GBS",
        "GB",
        "S",
        "-",
        "_",
        " ",
        ".",
        "é",
        "1",
        "x",
        "\n",
        "(",
        ")",
        "GBSGBS",
        "X.X",
        "ß",
    ]
    for short in ["GBS", "X.X", "A-1", "é1", "S"]:
        for _ in range(400):
            text = "".join(rng.choice([*alphabet, short]) for _ in range(rng.randrange(0, 25)))
            assert list(_standalone(text, short)) == _regex_starts(text, short), (text, short)
    assert (
        list(_standalone("X.X.X and X.X", "X.X"))
        == _regex_starts("X.X.X and X.X", "X.X")
        == [0, 10]
    )


def test_a_page_defined_abbreviation_is_linked_wherever_it_stands_alone():
    kb = get_knowledge()
    text = "Gluten brain syndrome (GBSX) is real, says this page. GBSX causes fog; non-GBSX and GBSX_2 do not count. GBSX."
    sentences = split_sentences(text)
    ab = Abbreviation(
        short="GBSX",
        long="Gluten brain syndrome",
        start=23,
        end=27,
        long_start=0,
        long_end=21,
        sentence=0,
        pattern="parenthesis_long_first",
        aligned=True,
        consistent=True,
    )
    found = [m for m in link_mentions(text, sentences, [ab], kb) if m.via == "page_abbreviation"]
    assert [m.start for m in found] == _regex_starts(text, "GBSX") and len(
        found
    ) == 3  # not "non-GBSX", not "GBSX_2"
    assert all(m.concept_id == PAGE_CONCEPT + "Gluten brain syndrome" for m in found)
