"""``has_invisible`` must say what a search with ``INVISIBLE`` says, on any text."""

import random

from healthlens.understand.invisible import _ASCII_INVISIBLE, INVISIBLE, has_invisible


def test_the_ascii_shortcut_knows_every_ascii_member_of_the_class():
    members = {c for c in range(128) if INVISIBLE.match(chr(c))}
    assert members == set(_ASCII_INVISIBLE)


def test_has_invisible_says_what_the_regex_search_says():
    rng = random.Random(13)
    ascii_pool = [chr(c) for c in range(128)]
    wide_pool = ascii_pool + list("é’\u00ad\u200b\u200d\u2060\ufeff\ufe0f\U000e0041\u3164😀")
    plain = [c for c in ascii_pool if not INVISIBLE.match(c)]
    seen = {True: 0, False: 0}
    for pool in (ascii_pool, wide_pool, plain, [*plain, "\x00"], [*plain, "é"]):
        for _ in range(2000):
            text = "".join(rng.choice(pool) for _ in range(rng.randrange(0, 60)))
            want = INVISIBLE.search(text) is not None
            assert has_invisible(text) == want, repr(text)
            seen[want] += 1
    assert seen[True] and seen[False]
