"""A scholarly author line read by its shape: a line under the title that opens with two or more
personal names apart by commas, semicolons or "and", once the marks publishers print beside
names are set aside (affiliation numbers and letters, glued or spaced, "*", "†", "ª", roman
numerals glued to a surname, credentials). Every text is invented for this test; each negative
is a line of the same outline that names no author."""

import healthlens.pipeline  # noqa: F401  (binds healthlens.check, the function, before its submodules load)
from conftest import make_page
from healthlens.check.credibility import assess_credibility

_ABSTRACT = (
    "\n\nOrchard workers who handle ripe plums in the late summer sometimes develop a fever with "
    "joint pain, which this report describes in a series of cases.\n"
)


def author(kb, text):
    return assess_credibility(make_page(text, kb)).author


def test_names_with_affiliation_numbers_after_the_comma_are_an_author_line(kb):
    # the numbers printed after each name's comma, glued to the next name
    text = (
        "Plum fever in a cohort of orchard workers\n\n"
        "Hollis Brandvik,1Ines Calloway,2Kwame Osei,3Tove M. Lindqvist,1and Ruth Amadi2\n\n"
        "1Orchard Medicine Unit, Lakeside"
    )
    assert author(kb, text + _ABSTRACT) == "Hollis Brandvik"


def test_names_with_credentials_and_superscript_letters_are_an_author_line(kb):
    text = (
        "The four signs of plum fever\n\n"
        "Hollis C. Brandvik MD,ª Ines W. Calloway MS,ª Kwame Osei BS,ª Ruth Amadi MDb\n\n"
        "ªDivision of Orchard Medicine, Lakeside"
    )
    assert author(kb, text + _ABSTRACT) == "Hollis C. Brandvik"


def test_surnames_with_roman_numeral_marks_glued_are_an_author_line(kb):
    text = "Plum fever at a referral hospital\n\nH BrandvikI; I W CallowayII, III" + _ABSTRACT
    assert author(kb, text) == "H Brandvik"


def test_surname_first_names_with_initials_are_an_author_line(kb):
    # an index record: surnames, then initials with their stops, and no marks at all
    assert author(
        kb, "Plum fever--an orchard disease?\nBrandvik HC., Calloway IW." + _ABSTRACT
    ) == ("Brandvik HC.")
    # surname then given name, most with an initial: a congress abstract's author line
    text = (
        "A cohort of orchard workers\n\n"
        "Brandvik Hollis , Calloway Ines W. , Osei Kwame J. , Amadi Ruth K." + _ABSTRACT
    )
    assert author(kb, text) == "Brandvik Hollis"


def test_the_names_end_where_the_affiliations_begin(kb):
    # names with spaced marks, a name lost from the line, then the affiliation on the same line
    text = (
        "Plum fever: triggers\n\n"
        ", Hollis Brandvik * † , Ines Calloway * †, Tove Maria Lindqvist and Kwame Osei "
        "Orchard Clinic, Via Example 12, Lakeside" + _ABSTRACT
    )
    assert author(kb, text) == "Hollis Brandvik"


def test_a_numbered_list_of_topics_is_no_author_line(kb):
    # a contents box: the list's number is no affiliation mark, and the topics carry none
    text = (
        "Plum fever\ncontents of this page\n1- Introduction\n2- Key Definitions\n"
        "3- Clinical Features & Examination Tips\n4- Tests & Results" + _ABSTRACT
    )
    assert author(kb, text) is None


def test_topics_in_title_case_without_marks_or_initials_are_no_author_line(kb):
    text = "Plum fever\n\nOrchard Workers, Summer Harvests, Ripe Plums" + _ABSTRACT
    assert author(kb, text) is None


def test_a_reference_entry_names_the_cited_works_authors_not_the_pages(kb):
    text = (
        "Plum fever: a review\n\nReferences\n\n"
        "  • Brandvik HC, Calloway IW, Osei K, et al. Plum fever in orchards. Orchard Med. "
        "1986;109:1115-1126." + _ABSTRACT
    )
    assert author(kb, text) is None
    # the same names after the running text has begun: a sentence, then a list
    text = (
        "Plum fever\n\nOrchard workers who handle ripe plums sometimes develop a fever, as the "
        "cases below show.\nBrandvik HC, Calloway IW, Osei KJ\n"
    )
    assert author(kb, text) is None


def test_people_named_in_a_sentence_under_the_title_are_no_author_line(kb):
    text = (
        "Plum fever\n\nHollis Brandvik, Ines Calloway and Kwame Osei spoke at the harvest fair "
        "about plum fever." + _ABSTRACT
    )
    assert author(kb, text) is None


def test_marked_names_that_run_on_into_a_sentence_are_no_author_line(kb):
    text = "Plum fever\n\nHollis Brandvik,1Ines Calloway,2and others wrote to us" + _ABSTRACT
    assert author(kb, text) is None
    # the same names closed by their affiliation: an author line
    text = "Plum fever\n\nHollis Brandvik,1Ines Calloway,2Orchard Clinic, Lakeside" + _ABSTRACT
    assert author(kb, text) == "Hollis Brandvik"


def test_a_heading_with_a_number_is_no_author(kb):
    # one capitalised pair before a number and a capital is a heading, not an author list
    text = (
        "Plum fever in orchard workers\n\nUnderstanding Stage 1 Plum Fever\n\n"
        "- Stage 1 plum fever is mild and passes within days in most workers 1\n"
    )
    assert author(kb, text) is None


def test_names_one_a_line_each_with_initials_are_an_author_list(kb):
    text = (
        "Download PDF\nPlum fever in orchard workers\n  1. H. C. Brandvik,\n  2. I. W. Calloway"
        + _ABSTRACT
    )
    assert author(kb, "Article\n\n" + text) == "H. C. Brandvik"


def test_names_one_a_line_without_initials_or_marks_are_no_author_list(kb):
    # a column of two-word items in title case: a menu, a list of topics, or of anyone's names
    text = "Plum fever\n\n  • Hollis Brandvik\n  • Ines Calloway\n" + _ABSTRACT
    assert author(kb, text) is None
    text = "Plum fever\n\n  • Orchard Care\n  • Plum Harvests\n" + _ABSTRACT
    assert author(kb, text) is None
