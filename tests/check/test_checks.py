"""Each check stage on hand-built pages."""

import pytest

from conftest import make_page


def kinds(page):
    return [f.kind for f in page.findings]


def test_off_topic_page_names_the_condition_it_is_about(kb):
    text = "Is EoE autoimmune?\nEczema is a skin condition. Eczema itches. Atopic dermatitis, or eczema, starts in childhood. Eczema is not autoimmune."
    page = make_page(text, kb, question="Is EoE autoimmune?")
    assert page.on_topic is False
    assert page.main_condition == "atopic_dermatitis"
    assert "off_topic" in kinds(page)


def test_on_topic_page(kb):
    text = "Is celiac disease autoimmune?\nCeliac disease is an autoimmune disease. In celiac disease, gluten triggers an immune attack."
    page = make_page(text, kb, question="Is celiac disease autoimmune?")
    assert page.on_topic is True and page.page_answer == "yes" and page.agrees_with_evidence is True
    assert "off_topic" not in kinds(page)


def test_contradicts_knowledge_on_allergy_called_autoimmune(kb):
    text = "Hay fever explained\nHay fever is an autoimmune disease that flares every spring. Allergic rhinitis makes the nose run."
    page = make_page(text, kb, question="Is hay fever autoimmune?")
    f = [f for f in page.findings if f.kind == "contradicts_knowledge"]
    assert f and f[0].evidence[0].sources, "a verdict without a source is not a verdict"
    assert page.agrees_with_evidence is False


def test_self_contradiction_points_at_both_sentences(kb):
    text = (
        "Fibromyalgia facts\nFibromyalgia is not an autoimmune disease. It causes pain.\n"
        "People with fibromyalgia often have other autoimmune diseases like lupus."
    )
    page = make_page(text, kb, question="Is fibromyalgia autoimmune?")
    (f,) = [f for f in page.findings if f.kind == "self_contradiction"]
    assert "other autoimmune" in f.sentence
    assert "not an autoimmune" in f.evidence[0].text
    assert page.page_answer == "partly"


def test_hedge_later_stated_as_fact(kb):
    text = (
        "Endometriosis and immunity\nSome researchers think endometriosis may be an autoimmune disease. "
        "Because endometriosis is an autoimmune disease, it needs immune treatment."
    )
    page = make_page(text, kb)
    assert "hedge_as_fact" in kinds(page)


def test_unsupported_claims_only_when_nothing_is_cited(kb):
    bare = make_page(
        "Title\nA 2021 Harvard trial of 12,000 patients proved that lupus is curable.", kb
    )
    cited = make_page(
        "Title\nA 2021 trial showed benefit [1].\nReferences\n[1] Some reference.", kb
    )
    assert "unsupported_claim" in kinds(bare)
    assert "unsupported_claim" not in kinds(cited)


def test_clean_page_raises_no_alarm(kb):
    text = (
        "Is rheumatoid arthritis autoimmune?\nBy Dana Quill, MD\nUpdated: 2024-02-01\n"
        "Rheumatoid arthritis is an autoimmune disease in which the immune system attacks the lining of the joints. "
        "It is different from osteoarthritis, which is not autoimmune.\n"
        "This article is for informational purposes only and is not medical advice.\n"
        "References\nNIAMS: Rheumatoid Arthritis."
    )
    page = make_page(text, kb, question="Is rheumatoid arthritis autoimmune?")
    assert page.page_answer == "yes" and page.agrees_with_evidence is True
    alarms = {"abbreviation_conflict", "self_contradiction", "contradicts_knowledge", "off_topic"}
    assert not alarms & set(kinds(page)), page.findings
    c = page.credibility
    assert (c.author, c.date, c.cites_sources, c.disclaimer) == (
        "Dana Quill",
        "2024-02-01",
        True,
        True,
    )


def test_credibility_commercial_and_first_person(kb):
    text = "Immune Balance Capsules\nI was diagnosed last year and my joints ached. Buy now and use code HEAL20 for 20% off!"
    c = make_page(text, kb).credibility
    assert c.commercial and c.first_person and not c.cites_sources


def test_a_wrong_expansion_makes_the_page_about_something_else(kb):
    text = (
        "Is IBD autoimmune?\nIBD (irritable bowel disease) causes cramps and bloating. "
        "IBD is not an autoimmune disease. IBD flares with stress."
    )
    page = make_page(text, kb, question="Is IBD an autoimmune disease?")
    assert page.on_topic is False and page.main_condition == "page:irritable bowel disease"
    assert {"off_topic", "abbreviation_conflict"} <= set(kinds(page))
    assert page.page_answer == "no"  # what the page tells a reader under that name


@pytest.mark.usefixtures("rules_only")
def test_a_qualified_denial_answers_partly(kb):
    text = (
        "Endometriosis and immunity\nEndometriosis is not classified as an autoimmune disease, "
        "but the immune system does seem to be involved."
    )
    page = make_page(text, kb, question="Is endometriosis autoimmune?")
    assert page.page_answer == "partly"


def test_possessive_eponym_with_trailing_apostrophe_links(kb):
    page = make_page(
        "Graves' disease\nGraves' disease is an autoimmune disease of the thyroid.",
        kb,
        question="Is Graves' disease autoimmune?",
    )
    assert page.main_condition == "graves_disease" and page.page_answer == "yes"


def test_question_letters_spelled_out_as_something_else_are_off_topic(kb):
    text = (
        "FMF: autoimmune?\nFMF (fibromyalgia and muscle fatigue) causes aches. "
        "FMF is an autoimmune condition. FMF is common in adults. FMF flares with stress."
    )
    page = make_page(text, kb, question="Is familial Mediterranean fever an autoimmune disease?")
    assert page.on_topic is False
    assert "abbreviation_conflict" in kinds(page)


def test_a_bug_on_one_page_becomes_that_page_error(kb, monkeypatch):
    import healthlens.pipeline as pipeline
    from healthlens.read import read_text

    def boom(page, question, kb):
        raise RuntimeError("kaput")

    monkeypatch.setattr(pipeline, "check_page", boom)
    page = pipeline.analyze_page(read_text("Title\nBody.", "x.txt"), None, kb)
    assert (
        page.error.kind == "internal"
        and "x.txt" in page.error.message
        and "kaput" in page.error.message
    )


def _credibility_texts() -> list[str]:
    """Real pages, and random mixes of the words the three searches look for, odd letters
    (``ſ``, ``K``, ``İ``, ``ı`` that ``re.IGNORECASE`` equates with ASCII) and white space."""
    import random
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "examples").glob("*.txt"))]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((root / "benchmarks" / "data" / "pages").glob("*.txt"))[:20]
    ]
    parts = [
        "the ",
        "The ",
        "Nurses ",
        "Health ",
        "Study",
        "Study ",
        "Studying",
        "Trial",
        "SubStudy ",
        " ",
        "\n",
        "\n\n",
        "  ",
        "references",
        "Sources",
        "sources:",
        "ſources",
        "x",
        "(",
        ")",
        "cdc.gov",
        ".gov",
        "www.nih.gov/x",
        "a.org",
        "K",
        "ac.uk",
        "nhs.uk",
        "İ",
        "ınt",
        "_",
        "-",
        "A",
        "Big ",
        "Registry ",
        "https://a.b/c ",
        "Sub.int",
        "é",
        "Resources",
        "More information",
        "@",
        "info@a.edu",
        "This ",
        "New ",
        "Harbour ",
        "Society ",
        "Studies ",
        "Original language",
        "Original languageEnglish",
        "JournalAnnals ",
        "Number of pages11",
    ]
    rng = random.Random(11)
    texts += ["".join(rng.choice(parts) for _ in range(rng.randrange(1, 30))) for _ in range(4000)]
    return texts


def test_credibility_fast_searches_find_what_the_patterns_find():
    """The page-wide searches that skip most of the page give exactly the patterns' own results
    (the first match, tried at every position, that the same check keeps)."""
    from healthlens.check import credibility as c

    def first(pattern, keep, text):
        for p in range(len(text) + 1):
            if (m := pattern.match(text, p)) and keep(text, m):
                return m
        return None

    for text in _credibility_texts():
        ref = first(c._REFERENCES, c._lists_sources, text)
        assert (ref and ref.span()) == ((m := c._references(text)) and m.span()), text
        domains = [m.group(0) for m in c._DOMAIN.finditer(text) if not c._in_email(text, m)]
        assert domains == list(c._domains(text)), text
        study = first(c._NAMED_STUDY, c._names_a_study, text)
        assert (study and study.span()) == ((m := c._named_study(text)) and m.span()), text
        portal = c._PORTAL_FIELD.sub(lambda m: " " * len(m.group(0)), text)
        plain = portal if c._PORTAL_RECORD.search(text) else text  # (no abstract heading here)
        assert c._without_own_record(text) == plain or "bstract" in text.lower(), text


def test_authority_links_shortcut_agrees_with_parsing_the_host():
    """``_is_authority`` first rules out links that hold no authority domain at all; that gives
    what parsing the host gives, also for links whose tabs or line breaks urlparse drops."""
    from urllib.parse import urlparse

    from healthlens.check.credibility import _AUTHORITY, _is_authority

    def parsed(href):
        host = urlparse(href if "//" in href else f"//{href}").netloc.lower() or href.lower()
        return _AUTHORITY.search(host) is not None

    links = [
        "https://www.NIH.gov/health",
        "/articles/123",
        "nih.gov",
        "https://example.com/?ref=nih.gov",
        "//cdc.gov/x",
        "https://nih.g\tov/",
        "mailto:a@b.org",
        "HTTPS://MedlinePlus.GOV",
        "https://shop.example/nhs.uk",
        "",
        "#top",
        "https://pubmed.ncbi.nlm.nih.gov/12345/",
        "www.mayoclinic.org/diseases",
        "https://example.org.evil.com/",
    ]
    for href in links:
        assert _is_authority(href) == parsed(href), href


def test_credibility_searches_narrowed_to_where_a_match_can_be_find_what_the_patterns_find():
    """Reference entries tried at the starts of the lines holding a bracket, the study words
    taken from the page's shared pass, and the two-figure-year byline date looked for only on a
    line with an apostrophe give what the plain searches give."""
    from healthlens.check import credibility as c
    from healthlens.fastmatch import find_any

    entries = [
        "Rivera AB, Cole D (1926) Title of it. J Gut 4:1.",
        "1. Rivera AB et al (2001) A study",
        "  Cole D (2019a) Notes",
        "Rivera AB (20",
        "Registers ",
        "RegistryStudy ",
        "Biobanks",
        "Initiatives ",
        "ſtudy ",
        "Posted Jun 26 '24",
        "Jan. 3, ’19 ",
        "May 4 '2024",
        "Sept 30, '21\n",
    ]
    import random

    rng = random.Random(23)
    texts = _credibility_texts()
    texts += [
        "".join(rng.choice([*entries, "\n", " ", "(", "x "]) for _ in range(12)) for _ in range(600)
    ]
    for text in texts:
        want = [m.span() for m in c._NAME_YEAR_ENTRY.finditer(text)]
        assert [m.span() for m in c._at_line_starts(c._NAME_YEAR_ENTRY, text, "(")] == want, text
        assert c._study_word_starts(text) == find_any(text, c._STUDY_WORDS), text
        for line in text.split("\n"):
            m = c._BYLINE_DATE.search(line)
            iso = m and c.parse_date(f"{m.group(1)} {m.group(2)}, 20{m.group(3)}")
            assert c._byline_date(line) == ((iso, m.start(), m.end()) if m and iso else None), line


def test_a_site_s_names_are_read_from_its_address_and_title_once():
    """The site's names (remembered per address and title) are those of the page asked about."""
    from healthlens.check.credibility import _site_names
    from healthlens.models import Page

    a = Page(input="a", url="https://www.examplehealth.org/x", title="Eczema | Example Clinic")
    b = Page(input="b", url="https://www.examplehealth.org/y", title="Eczema | Example Clinic")
    assert _site_names(a) == _site_names(b) == {"examplehealth", "exampleclinic"}
    assert _site_names(Page(input="c", url="https://m.other-site.net")) == {"other-site"}
    assert _site_names(Page(input="d")) == frozenset()


def test_research_claims_read_without_the_share_form_on_pages_without_a_percent_sign():
    """Each sentence flagged as an unsupported research claim is one in which the whole claim
    pattern finds something, whether or not the page holds a "%" (the share-of-people form is
    read only where a sentence holds one)."""
    import random

    from healthlens.check.unsupported import _NOT_A_CLAIM, RESEARCH_CLAIM, unsupported_claims
    from healthlens.models import Page
    from healthlens.understand.sentences import split_sentences

    parts = [
        "40% of patients improve. ",
        "40 % of people ",
        "half of patients ",
        "Studies show it helps. ",
        "a 2019 study found this. ",
        "Doctors agree. ",
        "It is clinically proven. ",
        "A 2021 Example Registry study ",
        "Is it proven to work? ",
        "More research is needed. ",
        "It is a rash. ",
        "%",
        "\n",
    ]
    rng = random.Random(3)
    for _ in range(400):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 14)))
        page = Page(input="t", text=text, sentences=split_sentences(text))
        want = [
            s.index
            for s in page.sentences
            if RESEARCH_CLAIM.search(s.text)
            and not s.text.rstrip().endswith("?")
            and not _NOT_A_CLAIM.search(s.text)
        ]
        assert [f.sentence_index for f in unsupported_claims(page)] == want, text


def test_research_sentences_are_those_the_first_research_form_finds():
    """``_RESEARCH_SENTENCES`` reads "a (recent) (2019) study ..." from the study word on, the
    words before it behind: a sentence holds a match of it exactly where it holds one of the
    first research form, through the scanner's sentence matching too (on the words in any case,
    glued to other words, with and without their years and adjectives, near and far from the
    verb, across stops)."""
    import random

    from healthlens.check.unsupported import _RESEARCH_PARTS, _RESEARCH_SENTENCES
    from healthlens.fastmatch import scanner
    from healthlens.understand.sentences import split_sentences

    parts = [
        "a ",
        "A ",
        "a recent ",
        "A New ",
        "a large ",
        "2019 ",
        "a 2019 ",
        "a new 2021 ",
        "study ",
        "Trial ",
        "survey ",
        "registry ",
        "Studies ",
        "data ",
        "datas ",
        "ka ",
        "a  study ",
        "a study",
        "shows ",
        "found",
        "points to ",
        "agree. ",
        "confirmed; ",
        "of people ",
        "in the group ",
        ". ",
        "x",
        "\n",
        "ſurvey ",
        "Kelvin ",
    ]
    rng = random.Random(13)
    texts = []
    for _ in range(4000):
        texts.append("".join(rng.choice(parts) for _ in range(rng.randrange(1, 12))))
    for text in texts:
        want = _RESEARCH_PARTS[0].search(text) is not None
        assert (_RESEARCH_SENTENCES.search(text) is not None) == want, text
    page_text = " ".join(texts[:400])
    sentences = split_sentences(page_text)
    assert scanner(_RESEARCH_SENTENCES).matching(page_text, sentences) == {
        id(s) for s in sentences if _RESEARCH_PARTS[0].search(s.text)
    }


def test_reference_headings_tried_on_the_lines_holding_their_words_are_the_plain_walks():
    """``_references`` tries _REFERENCES only above the lines that hold one of its words: the
    heading it finds is the one found by trying it at the text's start and at every line's
    first word (``_REF_LINE``), on headings under blank lines, indented, numbered, bulleted,
    after a menu, with other heading words on their line, and at the text's very start."""
    import random

    from healthlens.check import credibility as c

    def plain(text):
        entry = None
        for start in [0, *(m.start() for m in c._REF_LINE.finditer(text))]:
            m = c._REFERENCES.match(text, start)
            if m is None:
                continue
            if not c._WEAK_HEADING.match(text, m.start()):
                if c._in_menu(text, m):
                    continue
                return m
            if entry is None or (entry[1] is not None and entry[1].start() < m.end()):
                entry = (m.end(), c._ENTRY_LIKE.search(text, m.end()))
            if entry[1] is not None and entry[1].start() < m.end() + c._ENTRY_WINDOW:
                return m
        return None

    parts = [
        "References",
        "references:",
        "Sources",
        "1. Sources",
        "• Sources",
        "Resources",
        "More information",
        "Further reading",
        "Sources of gluten",
        "Full Text",
        "Download PDF",
        "Smith J. Gut. 2019;1:2.",
        "https://www.nih.gov/x",
        "Article Sources",
        "ſources",
        "the text. ",
        "\n",
        "\n\n",
        "\n \n",
        "  ",
        "\t",
        " ",
        "x",
    ]
    rng = random.Random(17)
    for _ in range(4000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 16)))
        want = plain(text)
        got = c._references(text)
        assert (got and got.span()) == (want and want.span()), text
        # (and it tries no place the plain walk does not)
        walk = {0, *(m.start() for m in c._REF_LINE.finditer(text))}
        assert set(c._heading_starts(text)) <= walk, text
