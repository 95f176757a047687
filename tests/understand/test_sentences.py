from healthlens.understand.sentences import split_sentences


def test_offsets_point_at_the_sentence_text():
    text = "Dr. Smith wrote this. It is fine! Is it?\n• A bullet item\nNext line e.g. here."
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Dr. Smith wrote this.", "It is fine!", "Is it?", "A bullet item", "Next line e.g. here."
    ]
    for s in sents:
        assert text[s.start : s.end] == s.text
