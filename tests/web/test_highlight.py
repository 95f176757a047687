from healthlens.web.highlight import paragraphs


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
