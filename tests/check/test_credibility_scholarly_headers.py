"""Author, date and source shapes of scholarly pages: journal articles, abstract indexes and
reference works, as their headers reach us in plain text (names one a line over affiliation
numbers, citation labels over the page's own citation, an index's issue line under its banner).
Every text is invented for this test; each negative is a near miss that a broader rule would
take."""

import healthlens.pipeline  # noqa: F401  (binds healthlens.check, the function, before its submodules load)
from conftest import make_page
from healthlens.check.credibility import assess_credibility


def cred(kb, text, **page):
    p = make_page(text, kb)
    for k, v in page.items():
        setattr(p, k, v)
    return assess_credibility(p)


def test_a_byline_name_is_cut_before_the_date_label_that_follows_it(kb):
    # a clinical reference's header: "Editor: <name> Updated: <date>" on one line
    c = cred(
        kb,
        "Back to results\n\nPlum Fever\n\nEditor: Hollis Brandvik Updated: 3/14/2023 9:10:11 AM\n\n"
        "Introduction\n\nPlum fever is a rare illness of orchard workers.",
    )
    assert c.author == "Hollis Brandvik"
    assert c.date == "2023-03-14"
    c = cred(kb, "A page\n\nReviewer: Ines Calloway Last Updated: May 4, 2024\n\nText here.")
    assert c.author == "Ines Calloway"


def test_a_date_label_alone_after_a_byline_cue_names_no_one(kb):
    c = cred(kb, "A page\n\nEditor: Updated: 3/14/2023\n\nText about plum fever goes on here.")
    assert c.author is None


def test_a_citation_label_over_the_pages_own_citation_names_its_authors(kb):
    # a textbook chapter: "How to cite this chapter:" with the authors surname first
    c = cred(
        kb,
        "Plum fever\n\nHow to Cite This Chapter: Brandvik H, Calloway I, Osei K. Plum fever. "
        "An Online Textbook. Accessed May 4, 2024.\nLast Updated: July 3, 2019\n\nText.",
    )
    assert c.author == "Brandvik H"
    # a journal's "Citation:" label alone on its line, the citation under it
    c = cred(
        kb,
        "Review\n\nOrchard workers and plum fever\n\nCitation:\nBrandvik H, Osei K. Orchard "
        "workers and plum fever. Int J Orchard Med 2020; 17(5):685-692.\n\nText.",
    )
    assert c.author == "Brandvik H"
    # an index's "Send citation to:" over the citation, a blank line between
    c = cred(
        kb,
        "Download citation:\nBibTeX | RIS | EndNote\nSend citation to:\n\n"
        "Calloway-Rees A, Osei K J, Brandvik H. Plum fever: a case series. 2021; 9 (4):379-384\n"
        "Abstract: text.",
    )
    assert c.author == "Calloway-Rees A"


def test_the_word_citation_inside_a_sentence_names_no_author(kb):
    # "citation:" only opens a citation where it opens its line
    c = cred(
        kb,
        "Plum fever\n\nWe looked for every citation: Brandvik H was the first to describe it in "
        "orchard workers.\n\nText.",
    )
    assert c.author is None
    c = cred(kb, "Plum fever\n\nCitation:\nMore Information About The Page\n\nText.")
    assert c.author is None
