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

    def reference(
        text,
    ):  # every line the pattern finds over the whole text, each split as split_sentences does
        out = []
        for line in mod._LINE.finditer(text):
            mod._line_sentences(line.start(), line.group(), out)
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
