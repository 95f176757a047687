import itertools

from healthlens.web.highlight import MAX_COVER, paragraphs


def _flat(paras):
    return [(s.text, s.findings, s.ends) for p in paras for s in p]


def test_overlapping_findings_cut_the_text_and_the_innermost_colours_it():
    text = "Alpha beta gamma delta."
    # finding 0: the whole sentence; finding 1: "beta gamma" inside it
    segs = _flat(paragraphs(text, [(0, 23), (6, 16)]))
    assert segs == [
        ("Alpha ", (0,), ()),
        ("beta gamma", (1, 0), (1,)),
        (" delta.", (0,), (0,)),
    ]


def test_segments_rebuild_the_text_and_keep_offsets():
    text = "One two.\nThree four.\n\nFive."
    paras = paragraphs(text, [(4, 14), (22, 27)])
    assert ["".join(s.text for s in p) for p in paras] == ["One two.", "Three four.", "Five."]
    for p in paras:
        for s in p:
            assert text[s.start : s.start + len(s.text)] == s.text
    # the first finding crosses a line break: it covers both sides and ends on the second line
    covered = [(s.text, s.findings) for p in paras for s in p if 0 in s.findings]
    assert covered == [("two.", (0,)), ("Three", (0,))]


def test_findings_without_or_outside_offsets_cover_nothing():
    segs = _flat(paragraphs("Short text.", [(None, None), (5, 500), (3, 3)]))
    assert segs == [("Short text.", (), ())]


def test_blank_lines_make_no_empty_paragraphs():
    assert len(paragraphs("\n\nA.\n\n\n\nB.\n", [])) == 2


def _reference(text, spans, cap):
    """The definition, by brute force: cut at every offset and newline, list covering findings."""
    n = len(text)
    valid = {
        i: (s, e)
        for i, (s, e) in enumerate(spans)
        if s is not None and e is not None and 0 <= s < e <= n
    }
    cuts = sorted(
        {0, n, *(s for s, _ in valid.values()), *(e for _, e in valid.values())}
        | {p for i, c in enumerate(text) if c == "\n" for p in (i, i + 1)}
    )
    order = sorted(valid, key=lambda i: (valid[i][1] - valid[i][0], i))
    out, cur = [], []
    for a, b in itertools.pairwise(cuts):
        if text[a:b] == "\n":
            if cur:
                out.append(cur)
            cur = []
            continue
        cov = tuple(i for i in order if valid[i][0] <= a and b <= valid[i][1])
        cur.append((text[a:b], a, cov[:cap], tuple(sorted(i for i in cov if valid[i][1] == b))))
    if cur:
        out.append(cur)
    return [p for p in out if any(t.strip() for t, *_ in p)]


def test_the_sweep_matches_the_brute_force_definition_on_random_overlaps():
    import random

    rng = random.Random(14)
    for _ in range(300):
        text = "".join(rng.choice("ab \n") for _ in range(rng.randint(0, 60)))
        spans = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randint(-2, len(text) + 2)
            spans.append((s, s + rng.randint(-1, 20)) if rng.random() > 0.1 else (None, None))
        cap = rng.choice([1, 2, 8])
        got = [
            [(g.text, g.start, g.findings, g.ends) for g in p] for p in paragraphs(text, spans, cap)
        ]
        assert got == _reference(text, spans, cap), (text, spans, cap)


def test_a_stack_of_findings_lists_only_the_innermost_per_segment_but_marks_every_end():
    text = "word " * 2000
    spans = [(0, len(text) - i) for i in range(500)]  # 500 findings stacked on the same text
    paras = paragraphs(text, spans)
    assert all(len(s.findings) <= MAX_COVER for p in paras for s in p)
    assert sorted(i for p in paras for s in p for i in s.ends) == list(range(500))
    assert "".join(s.text for p in paras for s in p) == text.rstrip("\n")
