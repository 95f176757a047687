from healthlens.understand.sentences import split_sentences


def test_offsets_point_at_the_sentence_text():
    text = "Dr. Smith wrote this. It is fine! Is it?\n• A bullet item\nNext line e.g. here."
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Dr. Smith wrote this.",
        "It is fine!",
        "Is it?",
        "A bullet item",
        "Next line e.g. here.",
    ]
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_lines_are_the_matches_of_the_line_pattern_on_the_whole_text():
    """``split_sentences`` cuts lines at newlines and runs the line pattern only on lines with a
    bullet; the sentences must be those of running it over the whole text, also where a
    bullet's following space is the newline or white space runs across lines."""
    import random

    from healthlens.understand import sentences as mod

    def plain(text, a):  # the line around ``a`` has no bullet run into it
        ls = text.rfind("\n", 0, a) + 1
        le = text.find("\n", a)
        le = len(text) if le < 0 else le
        return not mod._gaps(text, ls, le + 1)

    def reference(
        text,
    ):  # every line the pattern finds over the whole text, each split as split_sentences does,
        # a plain line wrapped inside a sentence joined to the plain line after it
        spans: list[list] = []
        for line in mod._LINE.finditer(text):
            a, b, p = line.start(), line.end(), plain(text, line.start())
            if (
                spans
                and p
                and spans[-1][2]
                and spans[-1][1] + 1 == a
                and text[spans[-1][1]] == "\n"
                and mod._wrapped(text, spans[-1][1], a)
            ):
                spans[-1][1] = b
            else:
                spans.append([a, b, p])
        out = []
        for a, b, _ in spans:
            mod._line_sentences(a, text[a:b], out)
        return out

    rng = random.Random(2)
    parts = [
        "Dr. Smith",
        " ",
        "  ",
        "\n",
        "\n\n",
        " - ",
        "  - ",
        "  • ",
        "•",
        "*",
        "-",
        "Hello.",
        " World",
        "e.g. x",
        "A",
        "1",
        ". ",
        "? ",
        "!",
        "\t",
        "\u00a0",
        '"',
        "(",
        ")",
        "x  \n  - y",
        "abc \n  - x",
        "x  -\n",
        "ab,",
        "\ncd",
        "word\nnext",
        "\nab) x",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 25)))
        assert split_sentences(text) == reference(text), repr(text)


def test_sentence_ends_are_the_patterns_matches():
    """``_ends`` tries the end pattern only where a run of . ! ? starts; it must give exactly the
    matches of ``_END.finditer``, and ``_last_word`` what a walk back over non-space gives."""
    import random

    from healthlens.understand.sentences import _END, _ends, _last_word

    rng = random.Random(1)
    alphabet = [
        ".",
        "!",
        "?",
        " ",
        "A",
        "a",
        '"',
        ")",
        "]",
        "(",
        "“",
        "9",
        "•",
        "  ",
        "\t",
        "\u00a0",
        "...",
        "e.g.",
        " A",
        "?!",
    ]
    for _ in range(20000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(15)))
        assert [m.span() for m in _ends(line)] == [m.span() for m in _END.finditer(line)], repr(
            line
        )
        for end in range(len(line) + 1):
            start = end
            while start > 0 and not line[start - 1].isspace():
                start -= 1
            assert _last_word(line, end) == line[start:end], (line, end)


def test_a_line_wrapped_inside_a_sentence_runs_on():
    # a hard wrap: the line ends in a lower-case letter or a comma, the next opens on one
    text = "Notes\nChronic\nrhinitis (CR) is a long-lasting,\nstuffy nose. Next one.\nHeading\nlower line"
    assert [s.text for s in split_sentences(text)] == [
        "Notes",
        "Chronic\nrhinitis (CR) is a long-lasting,\nstuffy nose.",
        "Next one.",
        "Heading\nlower line",
    ]
    # near misses: a line that ends a sentence, a next line that opens on a capital, and a next
    # line that opens on a label (a gloss under a headword, an item of a list) stay apart
    assert [s.text for s in split_sentences("It ends here.\nthen more\nSo New")] == [
        "It ends here.",
        "then more",
        "So New",
    ]
    assert [s.text for s in split_sentences("1. tpn\nnoun. a feeding\nb) more")] == [
        "1. tpn",
        "noun. a feeding",
        "b) more",
    ]
    # nor does a byline under a title
    assert [s.text for s in split_sentences("Why my joints ache\nby Jane Roe, nurse")] == [
        "Why my joints ache",
        "by Jane Roe, nurse",
    ]


def test_a_capital_letter_after_a_lower_case_word_ends_a_sentence():
    # "hepatitis C.", "vitamin D.": a letter after a lower-case word is no initial
    assert [s.text for s in split_sentences("We test for hepatitis C. Hepatitis C lasts.")] == [
        "We test for hepatitis C.",
        "Hepatitis C lasts.",
    ]
    # near misses: initials after a name or another initial stay inside the sentence
    for text in ("John F. Kennedy spoke. Then.", "By J. R. Smith. Then."):
        assert len(split_sentences(text)) == 2, text


def test_a_line_s_sentences_are_those_of_the_plain_split():
    """``_line_sentences`` asks ``_splits`` only on lines holding ``.``, ``!`` or ``?``, tries the
    bullet pattern only where a piece opens on one of its characters, and strips only a piece's
    end: the same sentences as cutting at every end, matching bullets at every piece and
    stripping both sides, on lines of bullets, white space of every kind, quotes and pieces
    longer than the sentence cap."""
    import itertools
    import random

    from healthlens.limits import MAX_SENTENCE_CHARS
    from healthlens.models import Sentence
    from healthlens.understand import sentences as mod

    def plain(start, body, out):
        cuts = [0, *mod._splits(body), len(body)]
        if len(body) > MAX_SENTENCE_CHARS:
            cuts = mod._capped(cuts, body)
        for a, b in itertools.pairwise(cuts):
            lead = mod._BULLET.match(body, a, b)
            if lead:
                a = lead.end()
            seg = body[a:b]
            text = seg.strip()
            if text:
                a += len(seg) - len(seg.lstrip())
                out.append(Sentence(len(out), start + a, start + a + len(text), text))

    rng = random.Random(5)
    parts = [
        "Dr. Smith", "Hello.", " World", "e.g. x", "A", "a", "1", ". ", "? ", "! ", "?!", "...",
        " ", "  ", "\t", "\u00a0", "\u2003", "\x0b", "•", "·", "*", "-", "–", "—", ">", " - ",
        '"', "“", "(", ")", "]", "word", "x" * 40, " y" * 30,
    ]  # fmt: skip
    long_parts = parts + ["x" * 40, " y" * 30, ". Z" * 20] * 6
    capped = 0
    for n in range(6000):
        if n % 20:
            body = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 14)))
        else:  # long lines, many past the cap
            body = "".join(rng.choice(long_parts) for _ in range(rng.randrange(40, 160)))
        capped += len(body) > MAX_SENTENCE_CHARS
        got: list = []
        want: list = []
        mod._line_sentences(17, body, got)
        plain(17, body, want)
        assert got == want, repr(body)
    assert capped > 20
