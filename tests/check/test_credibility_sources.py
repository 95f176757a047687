"""check/credibility.py reads "cites sources" in the shapes the web writes them, by the labelling
guide's definition (a reference list, citation marks, named studies, journals or bodies given as
the source of a statement), not by any page's phrasing. Every text here is invented for the test;
each negative is a near miss that an over-broad rule would take."""

import healthlens.pipeline  # noqa: F401  (binds healthlens.check, the function, before its submodules load)
from conftest import make_page
from healthlens.check.credibility import assess_credibility

RUNNING = "Hives are raised, itchy welts on the skin that come and go over hours or days.\n"


def sources(kb, text: str):
    """The credibility of a page titled "Hives basics" with a sentence of running text first."""
    return assess_credibility(make_page(f"Hives basics\n{RUNNING}{text}\n", kb))


def cites(kb, text: str) -> bool:
    return sources(kb, text).cites_sources


def test_research_named_by_the_body_that_did_it(kb):
    for text in (
        "Hives may follow a cold, according to a study from the Harbour Institute of Skin Research.",
        "The study, led by scientists at the Northfield University Medical Center, appeared this week.",
        "New evidence from the Example Children's Hospital links hives to viral infections.",
        "Researchers at the Lakeside University have found a marker of chronic hives.",
        "Scientists from the Example Institute for Immunology discovered how the welts form.",
    ):
        assert cites(kb, text), text
    for text in (
        # researchers at a body, with no finding yet
        "Researchers at the Lakeside University are investigating whether diet plays a part.",
        # researchers at no named body
        "Researchers at several universities have found a marker of chronic hives.",
        # the page's own body
        "Researchers at our Lakeside Skin Clinic have found that most cases settle.",
        "A study from last year was small and had no control group.",
    ):
        assert not cites(kb, text), text


def test_a_bodys_name_may_hold_and_and_its_verb_an_adverb_or_a_wrapped_line(kb):
    text = "Data from the Food and Drug Administration show the creams are safe."
    assert cites(kb, text)
    assert cites(kb, "The Example Allergy Society also recommends a diary of flares.")
    assert cites(
        kb, "The Centers for Disease Control and Prevention (CDC)\nreports that most cases end."
    )
    assert cites(kb, "The CDC now recommends testing only when welts last six weeks.")
    # lower-case words between, or an adverb with no verb of saying after it
    assert not cites(kb, "Data from food and drug diaries kept by patients were mixed.")
    assert not cites(kb, "The Example Allergy Society also runs a summer camp for children.")


def test_a_place_after_a_body_is_not_its_verb(kb):
    # an affiliation line ends with "United States": no body "states" anything
    text = "Department of Dermatology, Lakeside University, Springfield, United States"
    assert not cites(kb, text)
    assert cites(kb, "The Example Skin Foundation states that hives are common.")


def test_letters_the_page_defines_are_no_journal(kb):
    text = (
        "Chronic spontaneous urticaria (CSU) lasts six weeks or more. This review discusses "
        "the triggers seen in CSU and how they are tested."
    )
    assert not cites(kb, text)
    assert cites(kb, "A 2019 study in JACI followed children with hives for a decade.")


def test_a_studys_name_stays_on_its_line(kb):
    assert not cites(kb, "Why Most Hives Labels Are Wrong After All\n\nStudy finds many are mild.")
    assert cites(kb, "The Lakeside Twin Study found hives run in some families.")


def test_citation_marks_glued_to_a_stop_or_a_word(kb):
    assert cites(kb, "Welts fade within a day.(1) Many people never find a trigger.(2,3).")
    assert cites(kb, "Symptoms ease when the trigger is avoided(1).")
    # a count of zero glued to a word, and a list's numbers after spaces
    assert not cites(kb, "Print(0) ID 4411 Title Hives and welts")
    assert not cites(kb, "Pick one option (1) or two options (2) on the form below")


def test_one_mark_between_two_sentences(kb):
    assert cites(kb, "Remission came in fewer than a third of patients.1 However, it often lasted.")
    # a decimal number before a capital is no mark
    assert not cites(kb, "The dose was raised to 2.1 Most people needed no more.")
    # a stop and a number with no sentence after it
    assert not cites(kb, "The rash faded after day 3.1 in 5 had it again.")


def test_one_mark_closing_a_paragraph(kb):
    # a footnote number glued to the stop, or after one space, with the paragraph ending there
    assert cites(kb, "Most welts fade on their own within a single day.2\n\nSome last longer.")
    assert cites(kb, "Do hives ever run in the same family over many years?1\nOften not.")
    assert cites(kb, "About one adult in five will have hives at some point. 3\n\nMost")
    # a date, a version number, a short label line and a mark inside the sentence are no footnote
    assert not cites(kb, "Our clinic will open again for walk-in visits on Sept. 3\nCall first.")
    assert not cites(kb, "The symptom checker app was moved up to version 2.1\nIt is free.")
    assert not cites(kb, "Show all results. 2\nNext page")
    assert not cites(kb, "Welts fade within a day.1 in 5 people have them again.")


def test_one_mark_before_the_stop_closing_a_paragraph(kb):
    assert cites(kb, "Hives in children are more often short-lived than in adults 1.\n\nMost")
    # a count or label word, or a month's name, before the number: no footnote
    assert not cites(kb, "The hives clinic closes for the season on April 1.\n\nCall us.")
    assert not cites(kb, "The welts are usually at their worst on day 3.\n\nThey fade.")
    assert not cites(kb, "Hives can come with diabetes of either type 1.\n\nAsk us.")
    # a number past a paragraph's first notes after a plain word tells an age or a count
    assert not cites(kb, "My grandfather had hives for years and at the end he looked 73.\n\nHe")


def test_one_mark_glued_to_the_word_with_the_stop_set_apart(kb):
    # a publisher that sets its superscript on the word and a space before the stop: one such
    # mark is a note, as one glued to the stop is
    assert cites(kb, "Welts in children often follow a passing virus infection2 . Most fade.")
    assert cites(kb, "Hives can come back for months in a few adults3 .\nMost do not.")
    # a number glued to a word with the stop glued to it, or in the middle of a sentence, or
    # after a capital (a vitamin's or a product's name), is not one alone
    assert not cites(kb, "Welts in children often follow a passing virus infection2. Most fade.")
    assert not cites(kb, "Welts in children often follow a passing infection2 and then fade.")
    assert not cites(kb, "Welts may come with a lack of vitamin B12 . Most fade.")


def test_a_list_of_marks_set_apart_from_the_stop(kb):
    # a list of notes after a sentence's stop and a space, at the line's end or before the next
    # sentence, is two marks, as ".1,2" is
    assert cites(kb, "Welts come from mast cells releasing histamine into the skin. 1, 2")
    assert cites(kb, "Welts come from mast cells releasing histamine. 1,2\nMost fade.")
    assert cites(kb, "Welts come from mast cells releasing histamine. 3-5 Most fade in a day.")
    # numbers that go on as a sentence's words are a choice or a count, not notes
    assert not cites(kb, "Take the tablets as needed. 1, 2 or 3 a day is the usual amount.")
    assert not cites(kb, "Rest until the welts fade. 2-3 days is typical for most adults.")


def test_et_al_as_it_is_often_typed(kb):
    assert cites(kb, "Rasmussen et. al (2009) estimated the risk in siblings.")
    assert not cites(kb, "We met. Al explained the diet to us.")


def test_a_retrieval_note_with_its_date(kb):
    text = "Example Agency. (2010). Hives: what to know. Retrieved January 1, 2016, from"
    assert cites(kb, text)
    assert not cites(kb, "Retrieved January files were read by the nurse again.")


def test_reference_headings_with_a_lead_but_not_a_question(kb):
    text = (
        "Article Sources\n"
        "1. Lakeside Hives Foundation. (n.d.). Chronic hives. Lakeside Hives Foundation."
    )
    assert cites(kb, text)
    text = "References in the archive ?\nA rash is common in dogs, one report said in passing."
    assert not cites(kb, text)


def test_where_a_study_appeared(kb):
    text = "Many cases are food-related, according to a study in the May issue of Gut Reviews."
    assert cites(kb, text)
    assert cites(kb, "The findings were published today in Nature.")
    assert not cites(kb, "The findings were published today in full on this page.")


def test_a_study_presented_at_a_named_meeting(kb):
    text = "The study was presented at the 2019 Annual Meeting of the Lakeside Allergy Academy."
    assert cites(kb, text)
    assert not cites(kb, "The child presented at the clinic with a rash on both arms.")


def test_a_journal_pages_published_label_marks_its_own_doi(kb):
    text = (
        "Research Article | Volume 12, 2021\n\nHives in adults: a cohort\n\n"
        "Open AccessPublished: June 4, 2021 DOI: https://doi.org/10.1000/hives.2021.1\n\n"
        "Abstract\n\nHives are common in adults and often go away on their own within weeks."
    )
    assert not assess_credibility(make_page(text, kb)).cites_sources
    assert cites(kb, "The trial (https://doi.org/10.1000/hives.2021.1) found most cases settle.")


def test_an_agency_that_released_or_issued_something(kb):
    assert cites(kb, "In 2006 the FDA released new warning labels for these creams.")
    assert not cites(kb, "In 2006 Example Creams released a new lotion for itchy skin.")


def test_no_named_study_on_a_research_abstract_its_data_are_its_own(kb):
    methods = (
        "Methods\n\nWe drew 2,000 adults with hives from the Lakeside Health Insurance Database "
        "and matched them by age and sex with adults without hives."
    )
    assert not cites(kb, methods)
    news = (
        "A team drew 2,000 adults with hives from the Lakeside Health Insurance Database and "
        "matched them by age and sex with adults without hives."
    )
    assert cites(kb, news)
    # a consumer page's "Conclusion" heading makes no abstract
    assert cites(kb, f"{news}\n\nConclusion\n\nHives are common and usually harmless.")
    abstract = f"Abstract\n\nBackground\n\nHives are common.\n\n{news}"
    assert not cites(kb, abstract)


def test_a_named_study_that_is_the_site_a_group_or_the_title_is_not_cited(kb):
    page = make_page(
        f"Hives basics\n{RUNNING}The Lakeside Hives Registry has partnered with a charity.\n",
        kb,
    )
    page.url = "https://lakesidehivesregistry.org/news"
    assert not assess_credibility(page).cites_sources
    page.url = "https://example-skin-news.com/hives"
    assert assess_credibility(page).cites_sources
    assert not cites(kb, "The Lakeside Hives Study Group was set up in 2018 by clinicians.")
    title = "Familial Study of Hives in 300 Patients.\nHives ran in families in a third of cases."
    assert not assess_credibility(make_page(title, kb)).cites_sources


def test_a_journals_own_citation_line_is_not_a_citation(kb):
    text = (
        "Chronic hives can last for months and often has no cause that tests can find, "
        "so doctors treat the itch. (Lakeside Med Rev. 2018;97(8):517-522. Copyright © 2018 "
        "Lakeside Academy.)"
    )
    assert not cites(kb, text.replace("Lakeside Med Rev", "Am Fam Physician"))
    text = "Most adults improve within a year (Am Fam Physician. 2018;97(8):517-522)."
    assert cites(kb, text)
    own = (
        "How to Cite This Chapter: Ruiz A, Cole B. Hives. Lakeside Textbook of Medicine. "
        "https://example.org/hives. Accessed March 19, 2024.\n"
        "Hives are common and most cases end within six weeks without any treatment at all."
    )
    assert not assess_credibility(make_page(f"Hives\n{own}", kb)).cites_sources


def test_a_journal_pages_issue_with_its_article_number_marks_its_own_doi(kb):
    # a journal's menu, the title and authors, then the page's issue as some journals print it
    # ("2018 61: 2300418;", year, volume and article number) with its own DOI beside it
    menu = "".join(f"  • {w}\n" for w in "Home Issues Authors Alerts Podcasts Login".split() * 3)
    record = (
        "Hives and later joint disease: a cohort study\n\n"
        "Ilse Marrow, Tobiah Quenby, Odile Fenwright\n"
        "Lakeside Respiratory Journal 2018 61: 2300418; DOI: 10.1234/lrj.00418-2018\n"
    )
    page = f"Lakeside Respiratory Journal\n{menu}\n{record}"
    assert not assess_credibility(make_page(page, kb)).cites_sources
    # the same entry under running text is a reference the page cites
    body = "".join(f"Hives fact number {i} is written here for the reader.\n" for i in range(4))
    entry = "Marrow I, Quenby T. Hives later on. Lakeside Respir J 2018 61: 2300418; DOI: 10.1234/x"
    assert cites(kb, body + entry)


def test_criteria_a_study_diagnosed_its_cases_by_are_no_source(kb):
    text = (
        "We studied 90 patients diagnosed according to the National Institutes of Health criteria."
    )
    assert not cites(kb, text)
    assert cites(kb, "Hives are not contagious, according to the National Institutes of Health.")


def test_counting_words_before_a_spaced_number_are_no_marks(kb):
    text = "You can have just one of these conditions. Or you may have 2. Or you may have all 3."
    assert not cites(kb, text)
    text = "Welts fade quickly 1. Most come back in the same place 2."
    assert cites(kb, text)


def test_a_work_named_by_its_author_inside_a_sentence(kb):
    assert cites(kb, "I came across this fascinating article by Ana M Ruiz on contact allergens.")
    assert cites(kb, 'Thanks for the essay "Cure" by Ben A. Cole in the spring issue.')
    assert cites(kb, "Hives rarely last, according to the study by Varga, T. on 300 adults.")
    # a byline opening its line, or a work by no one named
    assert not cites(kb, "Article by Ana Ruiz\nHives come and go within a day.")
    assert not cites(kb, "This article by our team explains how hives come and go.")


def test_a_harvard_entry_with_volume_issue_and_pages(kb):
    text = "Ruiz, A. and Cole, B. 1993. Food and hives. Skin. 34(6): 783-787"
    assert cites(kb, text)
    # a ratio and a time written alike, with no year on the line
    assert not cites(kb, "Dose schedule 10(2): 30 minutes apart, then rest.")


def test_a_journal_named_after_the_journal(kb):
    assert cites(kb, "They reported their findings in the journal Diagnostics this spring.")
    assert not cites(kb, "She kept a food diary in the journal her mother gave her.")


def test_superscripts_set_apart_by_a_space(kb):
    text = "It occurs in pregnancy and in moles 8,9 ; it is not seen in men 52,53 ; it is rare."
    assert cites(kb, text)
    assert not cites(kb, "Lay the towel flat for 8 ; then fold it twice and let it dry.")


def test_a_named_position_paper_as_the_source(kb):
    text = "Hives are acute or chronic according to the European Position Paper on Urticaria."
    assert cites(kb, text)
    assert not cites(kb, "Hives are acute or chronic according to the paper towel test.")


def test_citation_numbers_are_found_as_the_plain_repeat_finds_them():
    """``_CITATION_NUMBER`` opens on ``\\d\\d?`` so that re can skip to the next digit: the
    matches are those of the plain ``\\d{1,2}`` form, on digits of any script and runs of any
    length, before stops, spaces, dashes and the text's end."""
    import random
    import re

    from healthlens.check.credibility import _CITATION_NUMBER

    plain = re.compile(r"\d{1,2}(?:[,–-]\d{1,2})*(?=[.,;:]?(?:\s|$))")
    rng = random.Random(3)
    pieces = ["1", "23", "456", "٣", "²", ",", "–", "-", ".", ";", ":", " ", "\n", "a", "x."]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        got = [m.span() for m in _CITATION_NUMBER.finditer(text)]
        assert got == [m.span() for m in plain.finditer(text)], text


def test_citation_numbers_tried_at_the_digits_alone_are_the_patterns_matches():
    """``_citation_numbers`` tries ``_CITATION_NUMBER`` only where an ASCII text has a digit:
    the matches of a scan of the whole text, on runs of digits of any length glued to words,
    stops, dashes and brackets, at the text's ends, and on texts with digits of other scripts
    (read by the plain scan)."""
    import random

    from healthlens.check.credibility import _CITATION_NUMBER, _citation_numbers

    rng = random.Random(5)
    pieces = ["1", "23", "456", "2019", ",", "–", "-", ".", ";", ":", " ", "\n", "a", "x.", ")"]
    texts = ["", "7", "skin.3 Signs", "women12, men 4.", "٣ and 2.", "ten²3 "]
    for _ in range(3000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))))
    texts += [t + "٣" for t in texts[:300]]  # (not ASCII: the plain scan)
    for text in texts:
        got = [m.span() for m in _citation_numbers(text)]
        assert got == [m.span() for m in _CITATION_NUMBER.finditer(text)], text


def test_the_cite_words_one_pattern_a_letter_find_what_the_class_finds():
    """The "how to cite" gate looks for "Cite"/"cite"/"CITE"/"citation" with one pattern for each
    first letter: on lines holding the words in any case, inside and after other words, it finds
    one wherever the single pattern with the class does."""
    import random

    from healthlens.check.credibility import _CITE_WORD, _CITE_WORDS

    rng = random.Random(9)
    pieces = ["Cite", "cite", "CITE", "citation", "Citation", "cites", "CITED", "excite", "c", "C"]
    pieces += ["it", "ite", "ation", " ", "\n", "x", "é", ":"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        found = any(w.search(text) for w in _CITE_WORDS)
        assert found == (_CITE_WORD.search(text) is not None), text


def test_a_methods_section_or_abstract_heading_is_found_on_the_lines_holding_the_word():
    """``_on_lines_holding`` searches ``_METHODS_SECTION`` only on the lines that hold "method"
    (as re's case-blind comparison reads it): the same match as a search of the whole page,
    after a stop or at a line's start, at the text's ends, in any case, and on a text that has no folded copy."""
    import random

    from healthlens.check.credibility import (
        _ABSTRACT_HEADING,
        _METHODS_SECTION,
        _on_lines_holding,
    )

    rng = random.Random(9)
    pieces = [
        "Methods",
        "method",
        "METHOD:",
        "Materials and methods",
        "materials \t and\tMethods",
        "meThod",
        "İ",  # a letter whose lower case is two characters: no folded copy, the plain search
        ".",
        ". ",
        ".\t",
        ":",
        " ",
        "\t",
        "\n",
        "x",
        "ods",
    ]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        want = _METHODS_SECTION.search(text)
        got = _on_lines_holding(_METHODS_SECTION, text, "method")
        assert (got and got.span()) == (want and want.span()), text
    # the abstract's heading: a line of its own
    pieces = ["Abstract", "ABSTRACT:", "abstract :", "abstracts", " ", "\t", "\n", ":", "x", "İ"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        want = _ABSTRACT_HEADING.search(text)
        got = _on_lines_holding(_ABSTRACT_HEADING, text, "abstract")
        assert (got and got.span()) == (want and want.span()), text


def test_first_person_words_found_letter_by_letter_are_the_patterns_matches():
    """``_first_person`` merges one pattern for "I" and one for "m": the spans of the single
    pattern over texts that glue the words to others, to apostrophes, digits and underscores,
    and to letters of other scripts."""
    import random

    from healthlens.check.credibility import _FIRST_PERSON, _first_person

    rng = random.Random(11)
    pieces = ["I", "I'm", "I’ve", "I'd", "I'my", "me", "my", "mine", "myself", "mymy", "Im"]
    pieces += ["some", "time", "am", "'", "’", "_", "1", " ", "\n", "é", "Ï", "x", "M", "e", "y"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        got = [m.span() for m in _first_person(text)]
        assert got == [m.span() for m in _FIRST_PERSON.finditer(text)], text


def test_issue_brackets_found_in_one_pass_are_those_of_both_strings():
    """``_volume_issue`` reads the closing brackets of issues ("(6):", "(6) :") from one pass of
    ``_ISSUE_CLOSE``: the same offsets, in order, as every occurrence of either string."""
    import random

    from healthlens.check.credibility import _ISSUE_CLOSE
    from healthlens.fastmatch import find_all

    rng = random.Random(13)
    pieces = [")", ":", " ", "):", ") :", ")):", ") ) :", "(6)", "\n", "x", "2019;"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        want = sorted(i for close in ("):", ") :") for i in find_all(text, close))
        assert [m.start() for m in _ISSUE_CLOSE.finditer(text)] == want, text


def test_an_abstract_heading_is_the_pages_own_only_within_its_header_span():
    """The header above an "Abstract" heading is blanked only where the heading stands in the
    page's first characters (``_HEADER_SPAN``), whatever the text holds further down."""
    from healthlens.check.credibility import _HEADER_SPAN, _without_own_record

    header = "Example Journal of Skin. 2016;93(10):840\nAna Ruiz, Ben Cole\n"
    near = header + "Abstract\nBackground: the skin.\n"
    assert _without_own_record(near).startswith(" " * 10)
    far = header + "x" * _HEADER_SPAN + "\nAbstract\nBackground: the skin.\n"
    assert _without_own_record(far) == far
    assert _without_own_record(far.replace("Abstract", "ABSTRACT")) == far.replace(
        "Abstract", "ABSTRACT"
    )


def test_brackets_passed_over_as_starts_open_no_match():
    """``_ATTRIBUTED_START`` and ``_STUDY_START`` take a bracket as a start only where their
    patterns can match after it (a source's word or a number; a capital): every match the plain
    bracket start finds, these find too, on texts of brackets before words, numbers, capitals,
    spaces, long s (which ``re.IGNORECASE`` reads as "s") and the text's end."""
    import random
    import re

    from healthlens.check.credibility import (
        _ATTRIBUTED,
        _ATTRIBUTED_START,
        _STUDY_CITED,
        _STUDY_START,
    )
    from healthlens.fastmatch import scanner

    rng = random.Random(19)
    pieces = ["(", "[", "( ", "(\n", "Source", "sources", "ſources", "ref", "refs", "Citation"]
    pieces += ["2", "12", "Rivera", "Rivera, 2021)", " et al., 2020)", "a", "skin ", "the skin "]
    pieces += ["study", " published in Nature", "according to the CDC", ")", ".", ", ", ": "]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(4000)]
    for start, full, cut in (
        (_ATTRIBUTED_START, _ATTRIBUTED, "|\\((?="),
        (_STUDY_START, _STUDY_CITED, "|\\((?-i:"),
    ):
        plain = re.compile(start.pattern[: start.pattern.rindex(cut)] + "|\\(", start.flags)
        for text in texts:
            fast = [(h.start(), full.match(text, h.start())) for h in scanner(start).finditer(text)]
            slow = [(h.start(), full.match(text, h.start())) for h in plain.finditer(text)]
            assert [(i, m.span()) for i, m in fast if m] == [(i, m.span()) for i, m in slow if m]


def test_a_line_holds_a_digit_where_the_digit_class_finds_one():
    """``_has_digit`` reads a long ASCII line with ``str`` searches: it says what ``\\d`` says,
    on short and long lines, with digits of other scripts and none."""
    import random

    from healthlens.check.credibility import _DIGIT, _has_digit

    rng = random.Random(29)
    pieces = ["a", "word ", "x" * 40, "7", "0", "9", "٣", "²", "é", "\n", " "]
    for _ in range(4000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert _has_digit(line) == (_DIGIT.search(line) is not None), line


def test_a_page_without_a_heading_word_is_passed_over_as_the_full_reading_would(monkeypatch):
    """``_references`` looks for its headings' words first and reads no line of a page without
    one: the heading it finds is the one the line-by-line reading finds, on texts of headings,
    their words inside other words and lines, leads ("1. ", "Article "), long s and case."""
    import random
    import re

    from healthlens.check import credibility

    rng = random.Random(31)
    pieces = [
        "\n",
        "\n\n",
        "References",
        "SOURCES",
        "ſources",
        "Further reading",
        "resources of",
        "Bibliography:",
        "1. ",
        "Article ",
        "  ",
        "text ",
        "www.example.org ",
        "?",
        ":",
        "Lee et al. 2019;93(10):840",
        "More information",
        "sourcesx",
        "Useful links",
    ]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(3000)]
    span = lambda m: m and m.span()  # noqa: E731
    fast = [span(credibility._references(t)) for t in texts]
    monkeypatch.setattr(credibility, "_HEADING_WORD", re.compile(""))  # (always found)
    assert fast == [span(credibility._references(t)) for t in texts]
    assert any(fast) and not all(fast)


def test_name_and_year_entries_read_on_the_lines_holding_a_bracketed_year():
    """``_name_year_entries`` tries ``_NAME_YEAR_ENTRY`` only at the starts of the lines that hold
    a bracketed year: the matches of the plain scan, on lists of entries, brackets without a
    year, years out of range, numbered lines and lines run together."""
    import random

    from healthlens.check.credibility import _NAME_YEAR_ENTRY, _name_year_entries

    rng = random.Random(37)
    found = 0
    pieces = [
        "\nRivera AB (1926) Title",
        "\n2. Cole D, Ruiz AB et al. (2019a) Title",
        "\n",
        "1. ",
        "Rivera AB",
        ", Cole D",
        " et al.",
        " (1926)",
        " (2019a)",
        " (1799)",
        " (see)",
        " Title",
        " title",
        "(2020) ",
        "Ruiz",
        " ",
        "\t",
    ]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        got = [m.span() for m in _name_year_entries(text)]
        assert got == [m.span() for m in _NAME_YEAR_ENTRY.finditer(text)], text
        found += len(got)
    assert found > 500  # (the texts hold entries: the comparison is not of empty lists)


def test_site_names_read_from_the_address_cut_before_its_path_are_the_whole_addresses():
    """The site's names are read from its address cut before the path (``_address_key``), so a
    site's pages share them: the names of the whole address as ``urlparse`` reads it, for plain
    addresses and odd ones (ports, users, queries, fragments, brackets, spaces, tabs, capitals,
    letters beyond ASCII, no scheme), with and without a "Title | Site" title."""
    from urllib.parse import urlparse

    from healthlens.check.credibility import _NOT_A_TO_Z, _TITLE_SEPARATOR, _site_names_of

    def plain(url, title):
        names = set()
        if url:
            host = urlparse(url if "//" in url else f"//{url}").netloc.lower()
            skip = ("www", "m", "com", "org", "net", "gov", "edu", "co", "uk", "au", "ca", "in")
            names.update(p for p in host.split(".") if p not in skip)
        if title:
            for part in _TITLE_SEPARATOR.split(title)[1:]:
                names.add(_NOT_A_TO_Z.sub("", part.lower()))
        return frozenset(n for n in names if len(n) >= 4)

    hosts = [
        "www.example-health.org",
        "m.clinic.co.uk",
        "user@health.example:8080",
        "[::1]",
        "EXAMPLE.ORG",
        "éxample.org",
        "exa mple.org",
        "ex\tample.org",
        "",
    ]
    tails = ["", "/", "/a/b?x=1", "?q=/x", "#frag/x", ":443/x", "/x#y", " /x"]
    urls = [None, "", "example.org/x", "//example.org/x", "ftp://files.example.org/x"]
    urls += [
        f"{scheme}{h}{t}"
        for scheme in ("https://", "http://", "HTTPS://")
        for h in hosts
        for t in tails
    ]
    for url in urls:
        for title in (None, "Page", "Page | Example Health", "Page - Clinic: Site"):
            _site_names_of.cache_clear()
            assert _site_names_of(url, title) == plain(url, title), (url, title)


def test_attributed_starts_grouped_by_first_letter_are_the_plain_alternations_matches():
    """``_ATTRIBUTED_START`` groups its words by their first letter, so that ``re`` enters a few
    groups rather than every word at each place: its matches (and its scanner's) are those of
    the words as one plain alternation, on the words in any case, glued to letters or digits,
    cut short, run together, and beside letters ``re.IGNORECASE`` equates with ASCII ones."""
    import random
    import re

    from healthlens.check import credibility as c
    from healthlens.fastmatch import scanner

    plain = re.compile(
        rf"\b(?:{c._ATTRIBUTED_START_WORDS})\b|\[|\((?=\s*(?:{c._BRACKETED_SOURCE})\b|\d)", re.I
    )
    words = c._top_level(c._ATTRIBUTED_START_WORDS)
    assert len(words) > 80 and c._top_level("a|(b|c)|[|]|d") == ["a", "(b|c)", "[|]", "d"]
    samples = [
        "according",
        "as per",
        "As  reported",
        "content from",
        "ORGANISATIONS",
        "organizations",
        "organization",
        "centres",
        "come",
        "comes",
        "meta-analysis",
        "guideline",
        "guidelines",
        "report",
        "reported",
        "sources",
        "ſource",
        "Kourtesy",
        "İnformation",
        "ınformation",
        "per",
        "persons",
        "via",
    ]
    pieces = ["", " ", "\n", "s", "x", "1", "_", "-", ".", "(", "[", "(1", "( source", "é"]
    rng = random.Random(7)
    texts = [" ".join(samples), "".join(samples)]
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 8)):
            word = rng.choice(words + samples) if rng.random() < 0.8 else rng.choice(samples)
            # (a word's text: "organi[sz]ations" -> "organisations", "as\\s+(?:noted|...)" -> "as noted")
            word = word.replace("\\s+", " ").replace("[sz]", rng.choice("sz")).replace("(?:", "")
            word = word.split("|")[0].replace("?", "").replace(")", "")
            if rng.random() < 0.3:
                word = word.upper() if rng.random() < 0.5 else word.title()
            if rng.random() < 0.2:
                word = word[: rng.randint(1, len(word))]
            parts += [rng.choice(pieces), word, rng.choice(pieces)]
        texts.append("".join(parts))
    for text in texts:
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in c._ATTRIBUTED_START.finditer(text)] == want, text
        assert [m.span() for m in scanner(c._ATTRIBUTED_START).finditer(text)] == want, text


def test_the_pages_own_reviewer_is_no_source(kb):
    byline = "This page was reviewed and approved by Ilse Marrow, MD (3/2/2020).\n"
    c = sources(kb, byline + "Hives often follow a cold.")
    assert c.author == "Ilse Marrow" and not c.cites_sources
    # an expert the text cites below the byline still cites
    text = byline + "Hives often follow a cold, according to Tomasz Quenby, MD, a dermatologist."
    assert cites(kb, text)


def test_a_journal_or_report_series_named_in_a_sentence_by_its_shape(kb):
    assert cites(
        kb, "A study written up for the Northfield Skin Online Journal links hives to colds."
    )
    assert cites(kb, "See the June 2, 1995 Hives and Welts Weekly Report for these cases.")
    # a diary the reader keeps, and a journal's own name over its header, cite nothing
    assert not cites(kb, "Keep a food journal and note what you ate before each flare.")
    text = "Hives and Welts Online Journal\n\nReceived: 4 May 2021\n\nHives are common."
    assert not assess_credibility(make_page(text, kb)).cites_sources


def test_a_work_named_by_its_authors_and_year(kb):
    assert cites(kb, "About 15 in 100,000 adults have chronic hives [Quenby 2018].")
    assert cites(kb, "Hives after cold were first described in 1951 by Marrow and Quenby.")
    assert cites(kb, "Marrow and Quenby described cold hives in two families as early as 1951.")
    # a bracketed date, parents noticing a flare, and a year with no authors cite nothing
    assert not cites(kb, "Chronic hives: what to know [Updated 2019]")
    assert not cites(kb, "Mom and Dad noticed my first hives in 2019, after a cold.")
    assert not cites(kb, "Hives were rare here until 1990 by most accounts.")


def test_a_work_named_by_its_author_after_a_scholarly_verb_and_before_its_year(kb):
    assert cites(kb, "Cold hives were first described by Ilse Marrow in 1967 in two children.")
    assert cites(kb, "The form was reported by Quenby et al. in 1974 after a cold winter.")
    # a person who did something else, or no year after the name: no work cited
    assert not cites(kb, "My rash was first noticed by Ilse Marrow in 2019 at school.")
    assert not cites(kb, "Cold hives were first described by Ilse Marrow, a nurse here.")


def test_an_index_publication_type_names_no_study(kb):
    text = "Publication types\n\n  • Comparative Study\n  • Multicenter Study\n\nMeSH terms"
    assert not cites(kb, text)
    # a study with a name of its own still cites
    assert cites(kb, "The Lakeside Comparative Hives Study found flares follow colds.")


def test_a_source_line_above_the_text_is_where_the_article_comes_from(kb):
    text = "Hives and the cold\n\nAuthor: Ilse Marrow\nSource: The Example Review\n\n" + RUNNING
    assert not assess_credibility(make_page(text, kb)).cites_sources
    # under a sentence, the same line names what the text above drew on
    assert cites(kb, "Source: Example Skin Foundation")


def test_an_inline_reference_with_its_authors_one_a_line_as_bullets(kb):
    # a publisher's pop-up reference: bulleted authors, surname then initials, over the title
    refs = "      • Marrow I.K.\n      • Quenby T.\n      Cold hives in two families.\n"
    assert cites(kb, "Cold hives often follow a winter infection in children.\n" + refs)
    assert cites(kb, "Welts came back in half of the cases.\n  • Marrow I.\n  • et al.\nTitle.")
    # one bulleted name, initials without their stops, and names in running text cite nothing
    assert not cites(kb, "Our nurse this week:\n  • Marrow I.\nCall to book a visit.")
    assert not cites(kb, "Staff on the ward:\n  • Marrow IK\n  • Quenby T\nVisits at noon.")
    assert not cites(kb, "Ask Marrow I. or Quenby T. at the front desk about a visit.")
    # the page's own authors in a journal's header, above its first sentence
    header = "Cold hives in two families\n• Marrow I.K.\n• Quenby T.\nJ Skin Sci. 2021\n"
    assert not assess_credibility(make_page(header + RUNNING, kb)).cites_sources


def test_sources_named_after_the_word_sources(kb):
    # the page names the bodies it drew on after "sources" and "including", "like", "such as"
    assert cites(kb, "Several sources, including the Example Skin Foundation, agree on this.")
    assert cites(kb, "This answer draws on sources like the Centers for Disease Control.")
    assert cites(kb, "It relies on references such as the Northfield Allergy Society guides.")
    # sources of a thing the page lists, or sources with no body named, cite nothing
    assert not cites(kb, "Food sources such as the Mediterranean diet hold little histamine.")
    assert not cites(kb, "Trusted sources like these say that hives pass in a few days.")
    assert not cites(kb, "Common sources, including pollen and pet dander, set off the welts.")


def test_a_superscript_note_mark_after_a_question_or_an_exclamation(kb):
    assert cites(kb, "But are hives themselves an allergy?¹ Most often they are not.")
    assert cites(kb, "Over a million adults have them each year!² Few see a doctor.")
    # a power after a unit or a letter, and a question with no mark, cite nothing
    assert not cites(kb, "Is the patch larger than 4 cm²? Then see a doctor.")
    assert not cites(kb, "Are hives an allergy? Most often they are not.")


def test_a_note_number_in_braces(kb):
    assert cites(kb, "Hives and angioedema often come together in the same attack {2}.")
    assert cites(kb, "Cold hives can be dangerous when swimming {3, 4}.")
    # a template's placeholder and a set in braces cite nothing
    assert not cites(kb, "Hello {0}, your results are ready.")
    assert not cites(kb, "Pick a day from the set {Mon Tue} for a visit.")


def test_the_people_of_a_named_body_after_according_to(kb):
    assert cites(kb, "According to researchers from Lakeside University, welts fade faster.")
    assert cites(kb, "Hives last longer, according to scientists at the Example Skin Institute.")
    # people at no named body, or the page's own, cite nothing
    assert not cites(kb, "According to researchers from several universities, welts fade.")
    assert not cites(kb, "According to doctors at our Lakeside Skin Clinic, most cases settle.")


def test_a_study_on_a_preprint_server(kb):
    assert cites(kb, "The study, posted as a preprint on medRxiv, found more flares in winter.")
    assert cites(kb, "A bioRxiv preprint reports a new mast-cell marker.")
    # the server's own banner over the page's header names no source
    page = "medRxiv\nCold hives in two families\nIlse Marrow, Tomasz Quenby\n\n" + RUNNING
    assert not assess_credibility(make_page(page, kb)).cites_sources


def test_a_books_entry_with_its_publisher_year_and_chapter_or_pages(kb):
    assert cites(
        kb, "Marrow I. Hives. In: Quenby T, ed. Skin. Springfield: Example Press; 2018:chap 7."
    )
    assert cites(kb, "Marrow I. Welts and wheals. Example Press; 2016:112-19.")
    # a year after a semicolon in a sentence, with no chapter or pages, cites nothing
    assert not cites(kb, "We opened in Springfield; 2018: a good year for the clinic.")
    assert not cites(kb, "Visits rose; 2018:12 new patients a week came in.")


def test_a_host_closed_by_a_countrys_code_is_read_whole(kb):
    from healthlens.read import read_text

    def cites_at(url: str, body: str) -> bool:
        page = read_text(f"Hives basics\n{RUNNING}{body}\n", "<test>", url=url)
        return assess_credibility(page).cites_sources

    # the site's own host in capitals, a country's code after ".edu": its own name, no source
    own = "At HIVESFAQ.EDU.VN, we explain what sets off the welts."
    assert not cites_at("https://hivesfaq.edu.vn/hives", own)
    # another site's host with a country's code still cites
    assert cites_at("https://hivesfaq.edu.vn/hives", "Guidance is at www.nice.org.uk today.")
    assert cites_at("https://example.com/hives", own)


def test_a_molecules_number_after_its_name_is_no_note_mark(kb):
    text = "The targets include myelin protein 0, myelin protein 2, protein 22, and more."
    assert not cites(kb, text)
    assert not cites(kb, "Two antigens are known: antigen 1, antigen 2, both in the skin.")
    # marks after a plain word still cite
    assert cites(
        kb, "Hives often follow colds in young children 1, and clear with rest 2, as a rule."
    )


def test_a_pages_own_record_under_its_label_past_a_blank_line(kb):
    own = "Cite this article\n\nMarrow, I. Cold hives in two families. Skin Sci (2011). doi: 10.1000/hs.2011.1"
    assert not cites(kb, "We describe two families with cold hives.\n\n" + own)
    # a DOI under another line, past a blank line, is still a work the page cites
    other = "Further work\n\nMarrow, I. Cold hives in two families. Skin Sci (2011). doi: 10.1000/hs.2011.1"
    assert cites(kb, "We describe two families with cold hives.\n\n" + other)


def test_numbers_on_the_pages_author_line_mark_affiliations(kb):
    names = "I. Marrow1*, T. Quenby2, A. Lindqvist1, B. Odegard1, C. Halloran2, D. Ivanova1"
    names += ", E. Parkinson1, F. Ruelle1"  # (a line of fourteen words or more)
    head = "Skin Research Today\nVol.08 No.02(2019)\n\nCold hives in two families\n\n"
    text = head + names + "\n\n1Department of Dermatology, Lakeside University\n\n" + RUNNING
    c = assess_credibility(make_page(text, kb))
    assert c.author == "I. Marrow"
    assert not c.cites_sources
    # the same marks in running text still cite
    assert cites(kb, "Cold hives follow a swim in most cases1, and fade within hours2.")


def test_a_countrys_name_before_a_body_is_no_verb_of_saying(kb):
    text = "The records were searched in the United States National Library of Medicine catalogue."
    assert not cites(kb, text)
    # the verb in lower case still cites
    assert cites(kb, "Hives are common, says the Example Academy of Dermatology.")


def test_a_credit_naming_its_source_after_running_text(kb):
    # the label set in markup, after a sentence's stop on the same line, or with a dash
    for text in (
        "*Sources: Example Health Agency, Harbour Skin Clinic*",
        "**Source:** Northfield Allergy Society",
        "Welts usually fade within a day. Source: Example Rare Skin Disease Center (ERSDC).",
        "source - Harbour Skin Clinic",
        "Sources – Example Allergy Foundation",
    ):
        assert cites(kb, text), text
    for text in (
        # a bare commercial address names no body
        "Welts usually fade within a day. Source: Examplefacts.com",
        "source - Hivesblog.com",
        # the word inside a sentence, or a label with nothing named after it
        "Welts usually fade within a day. The source of the itch is histamine.",
        "Welts usually fade within a day. Source: unknown",
        "An open source - free to share.",
    ):
        assert not cites(kb, text), text


def test_a_study_in_a_journal_named_by_its_title_shape(kb):
    # a journal no list holds, read by the last word of its title
    for text in (
        "Asthma raises the risk, according to a 2018 study in Coastal Airway Research.",
        "A review in the Northern Annals of Skin Reviews counted the cases.",
        "A 2020 study in Pediatric Hive Dermatology followed 300 children.",
    ):
        assert cites(kb, text), text
    for text in (
        # a place or a field, not a journal
        "A 2018 study in New York followed 300 children.",
        "A study in Public Health students asked about their welts.",
        "A 2019 study in Internal Medicine wards counted the cases.",
        "One study in Molecular Biology labs grew the cells.",
        # a journal-like title with no study or article before it
        "Coastal Airway Research is a charity shop on the high street.",
    ):
        assert not cites(kb, text), text


def test_a_body_named_after_a_plain_word_for_what_it_is(kb):
    for text in (
        "Few families carry it, according to the advocacy group Example Hive Friends.",
        "Cases are rising, according to data from the nonprofit Harbour Skin Trust.",
        "Most flares settle, according to the patient organisation Northfield Hives.",
    ):
        assert cites(kb, text), text
    for text in (
        # the word with no name after it, or a group of people rather than a body
        "Few families carry it, according to the advocacy group we spoke to.",
        "Few families carry it, according to a support group I attend.",
        # the page's own body
        "Few families carry it, according to our patient group Example Hive Friends.",
    ):
        assert not cites(kb, text), text


def test_a_text_excerpted_from_a_book_named_by_its_title(kb):
    for text in (
        "Excerpted from Cold Skin Naturally, (c) 2001 by Example Press.",
        "Reprinted with permission from The Hive Handbook For Parents.",
    ):
        assert cites(kb, text), text
    for text in (
        # no title after "from": a lower-case phrase or a single word
        "The cream was adapted from my mother's old recipe.",
        "The menu was adapted from Monday onwards.",
        "This plan was adapted from one used in schools.",
    ):
        assert not cites(kb, text), text


def test_a_record_of_the_article_in_labelled_fields_is_the_pages_own(kb):
    # an index's dump of the article's record run into one line over its abstract, with the
    # index's own keys after the DOI
    record = (
        "key: idx-0042 authors: Marrow, Ilse; Quenby, Tobiah title: Hives in adults, a practical "
        "guide date: 2021-10-23 journal: Lakeside Skin J DOI: 10.1234/lsj/ab375 sha: 4f2c9e1 "
        "doc_id: 42 uid: 7qq2 Hives are common in adults and most cases settle within weeks "
        "without any treatment at all."
    )
    assert not assess_credibility(make_page(record, kb)).cites_sources
    # the fields one a line, under the title
    lines = (
        "Hives in adults\n\nJournal: Lakeside Skin Journal\n\nAuthor: Ilse Marrow\n\n"
        "Publisher: Lakeside Press\n\nHives are common in adults and most cases settle."
    )
    assert not assess_credibility(make_page(lines, kb)).cites_sources
    # a record under the page's running text is another work's: cited
    assert cites(kb, record)
    # the page's own record blanked, a reference in its text still counts
    body = " Most cases settle within weeks (Ruiz et al., 2019)."
    assert assess_credibility(make_page(record + body, kb)).cites_sources
    # a credit's "Source:" label is no record field
    assert cites(kb, "Source: Lakeside Skin Journal, title: Hives, date: 2021")


def test_the_journals_name_straight_under_the_author_line_is_the_pages_own(kb):
    # a question for a title (it ends a sentence), the authors one a line with their marks, then
    # the journal's name run into its society's and its volume and page
    head = (
        "Open Access\n\nAre hives and joint pain linked?\n\n"
        "  • Ilse Marrow1,\n  • Tobiah Quenby1 and\n  • Odile Fenwright†2\n"
        "The Journal of Lakeside Skin and JointsOfficial Journal of the Lakeside Society for the "
        "Study of Skin8:211\n\n"
        "Hives and joint pain are often seen together, and this review asks what links them."
    )
    assert not assess_credibility(make_page(head, kb)).cites_sources
    # the authors on one line, two names without marks
    two = head.replace(
        "  • Ilse Marrow1,\n  • Tobiah Quenby1 and\n  • Odile Fenwright†2",
        "Ilse Marrow, Tobiah Quenby",
    )
    assert not assess_credibility(make_page(two, kb)).cites_sources
    # under running text, a short line over a reference is no author line: the entry is cited
    post = (
        "Hives may follow food in some people, and one trial tried an elimination diet on forty "
        "adults with hives for six weeks.\n\nEat Well, Stay Well, Live Well\n\n"
        "Marrow, I., Quenby, T. 1993. Food and hives. Lakeside Journal of Skin. 34(6): 783-787"
    )
    assert assess_credibility(make_page(f"Hives and food\n{post}", kb)).cites_sources


def test_the_data_an_unstructured_abstract_names_are_its_own(kb):
    # an abstract of one paragraph under its heading near the top: the registry it drew on is
    # its own data, not a source it cites
    study = (
        "To test this, we drew all adults with hives from the Lakeside National Patient Registry "
        "and matched each with two adults of the same age without hives."
    )
    page = f"Hives and later joint disease\n\nAbstract\n\n{study}"
    assert not assess_credibility(make_page(page, kb)).cites_sources
    # the same sentence with no heading, on a page that reports the study, names its source
    assert cites(kb, study.replace("To test this, we", "A team"))
    # a reference list on an abstract page is still cited
    refs = f"{page}\n\nReferences\n\n1. Ruiz A, Cole B. Hives. Lakeside Med J. 2019;4(2):11-19."
    assert assess_credibility(make_page(refs, kb)).cites_sources
    # an "Abstract" heading far down a page, with no abstract's parts, may quote another work's
    filler = "".join(
        f"Hives fact number {i} is written here for the reader to see.\n" for i in range(60)
    )
    far = f"Hives and joints\n{filler}\nAbstract\n\n{study}"
    assert len(far) > 2600
    assert assess_credibility(make_page(far, kb)).cites_sources
