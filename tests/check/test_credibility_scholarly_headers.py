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


def test_names_one_a_line_over_their_affiliations(kb):
    # each name alone on its line, its affiliation number and body on the next
    c = cred(
        kb,
        "Review\n\nPlum fever: an overview\n\nHollis Brandvik\n"
        "1   Orchard Health Unit, Department of Medicine, Example City\n,\nInes Calloway\n"
        "1   Orchard Health Unit, Department of Medicine, Example City\n\nAbstract\nText.",
    )
    assert c.author == "Hollis Brandvik"
    # each name over its marks alone on their line, the affiliations numbered further down
    c = cred(
        kb,
        "Original paper\n\nPlum fever in orchard workers\n\nHollis Brandvik\n1\n,\n"
        "Ines Calloway\n2\n\n  1. Department of Medicine, Example University\n"
        "  2. Department of Botany, Example University\nAbstract\nText.",
    )
    assert c.author == "Hollis Brandvik"


def test_a_name_over_a_number_that_no_affiliation_follows_is_no_author(kb):
    # a heading over a numbered step, and a name over a count: no affiliations anywhere
    c = cred(kb, "Plum fever\n\nHollis Brandvik\n1 cup of water\n,\nMore text about it.")
    assert c.author is None
    c = cred(kb, "Plum fever\n\nOrchard Workers\n2\n\nText about the illness goes here.")
    assert c.author is None


def test_an_indexs_author_line_with_empty_marks_and_glued_symbols(kb):
    # an index leaves a comma of an empty mark behind: "1,*,,"
    c = cred(
        kb,
        "Journal logo\n. 2022 Feb 10;13:833424. doi: 10.0000/x\n\nPlum fever\n\n"
        "Hollis Brandvik 1,*,, Li-Na Osei 1,, Xin-yu Calloway 2\nPMCID: PMC000000\n\nAbstract\nText.",
    )
    assert c.author == "Hollis Brandvik"
    # a symbol glued after the number: "1#"
    c = cred(
        kb,
        "Review\n\nPlum fever\n\nHollis Brandvik1#, Ines Calloway2#, Kofi Osei1\n"
        "PMCID: PMC000000\n\nText.",
    )
    assert c.author == "Hollis Brandvik"


def test_a_publishers_doubled_names_glued_to_their_numbers(kb):
    # each name typed twice, the affiliation numbered in a list under it (the first body after
    # a place's words)
    c = cred(
        kb,
        "Skip to main content\n\nREVIEW article\n\nPlum fever: an open question\n\n"
        "      Hollis Brandvik Hollis Brandvik1Ines Calloway, Ines Calloway1,2\n"
        "  • 1 San Remo Example Institute for Orchard Medicine, Example City\n"
        "  • 2 Example University, Example City\n\nPlum fever is rare.",
    )
    assert c.author == "Hollis Brandvik"
    c = cred(
        kb,
        "Skip to main content\n\nPlum fever\n\n"
        "Kofi Osei&#x;Kofi Osei1†Ines Calloway&#x;Ines Calloway2†\n"
        "  • 1Department of Medicine, Example University, Example City\n\nText.",
    )
    assert c.author == "Kofi Osei"


BANNER = (
    "Skip to main page content\n\nAn official website of an example government\n\n"
    "Federal websites often end in an official suffix. Before sharing anything, check the site.\n\n"
    "Secure\n\nThe lock means you are connected to the official website.\n\n"
    "Access keys Homepage Main Content Main Navigation\n"
)


def test_an_abstract_indexs_issue_line_under_its_banner_dates_the_page(kb):
    # the index's banner pushes its issue line past the first lines; the line opens with the year
    c = cred(
        kb,
        BANNER + "Review\n. 2014 May;71(5):569-74.\ndoi: 10.0000/x.2014.188.\n\n"
        "Plum fever in orchard workers\n\nAbstract\nPlum fever is rare.",
    )
    assert c.date == "2014-05-01"
    c = cred(kb, BANNER + ". 2003 Jul-Aug;15(4):446-53.\n\nPlum fever\n\nText.")
    assert c.date == "2003-07-01"


def test_a_reference_entry_under_a_banner_does_not_date_the_page(kb):
    # a cited work's issue has its authors and title before its year
    c = cred(
        kb,
        BANNER
        + "Plum fever\n\nBrandvik H. Plum fever. Int J Orchard Med. 2014 May;71(5):569-74.\n\n"
        "Text about the illness.",
    )
    assert c.date is None


def test_a_journal_headers_issue_line_with_its_year(kb):
    for header, iso in (
        (":: Volume 31, Issue 1 (1-2019) ::", "2019-01-01"),
        ("Year : 2021  |  Volume : 25  |  Issue : 3  |  Page : 383--393", "2021-01-01"),
        ("Vol. 107. Issue 5.\nPages 369-378 (June 2016)", "2016-06-01"),
    ):
        c = cred(kb, f"Journal of Orchard Medicine\n{header}\n\nPlum fever: a review\n\nText.")
        assert c.date == iso, header


def test_a_journals_name_with_its_issues_month_in_brackets(kb):
    c = cred(kb, "Journal of Orchard Medicine (Jan 2021)\nPlum fever: a review\nAbstract\nText.")
    assert c.date == "2021-01-01"
    # a heading that is no journal's name, or a bracket inside a sentence, dates nothing
    c = cred(kb, "Plum fever season (Jan 2021)\nPlum fever: a review\nAbstract\nText.")
    assert c.date is None


def test_an_issue_a_sentence_tells_of_or_a_page_count_does_not_date_the_page(kb):
    c = cred(
        kb,
        "Dr. Ines Calloway, one of our board members, recently wrote a review of plum fever that "
        "was printed in Volume 21 of an orchard medicine journal, 2023.\n\nText about it.",
    )
    assert c.date is None
    c = cred(kb, "You are on page 1 of 8 (2016 edition)\n\nPlum fever\n\nText about it.")
    assert c.date is None


def test_a_reference_works_creation_and_update_dates(kb):
    c = cred(
        kb,
        "Plum fever\n\nAuthor: Professor Hollis Brandvik1 Creation date: July 2001 Updates: "
        "October 2003\n\nText about it.",
    )
    assert c.date == "2001-07-01"


def test_a_citation_number_set_apart_before_the_sentences_stop(kb):
    # "(1)." after an abbreviation in capitals, a space between
    c = cred(
        kb,
        "Plum fever\n\nNo animal model reproduces the lesions of plum fever seen in orchard "
        "workers, and none explains the scarring of PF (1). Its cause is unknown.",
    )
    assert c.cites_sources
    # a run of marks set apart by spaces after a sentence's stop: ".1 2"
    c = cred(
        kb,
        "Plum fever\n\nIntroduction\nSurvival in plum fever has improved greatly for orchard workers over the past "
        "four decades.1 2",
    )
    assert c.cites_sources


def test_numbers_in_a_list_or_a_count_are_no_citation(kb):
    # a scale's numbers inside one sentence: the first number stands earlier on its line
    c = cred(
        kb,
        "Plum fever\n\nWe graded each case as grade A (1), grade B (2) or grade C (3). Most were "
        "grade A.",
    )
    assert not c.cites_sources
    c = cred(kb, "Plum fever\n\nThe orchard had 12 workers. Of them 3 fell ill in the first year.")
    assert not c.cites_sources


def test_a_named_source_after_a_cue_a_credentialed_expert_or_an_adapted_chart(kb):
    # an expert named in full with credentials, as the source of the statement
    c = cred(
        kb,
        "Plum fever\n\nPlum fever is not a typical allergy, according to Hollis Brandvik, MD, "
        "PhD, who spoke to an orchard newsletter.",
    )
    assert c.cites_sources
    # a named program as where the information comes from
    c = cred(
        kb,
        "Plum fever\n\nMuch of this information comes from the Orchard Medicine Self-Assessment "
        "Program, 1994.\n\nIt spreads through sap.",
    )
    assert c.cites_sources
    # a chart adapted from a named, quoted publication
    c = cred(
        kb,
        "Plum fever\n\nA chart of who inherits it.\n\nAdapted from a chart in “Orchard "
        "Illnesses”, Pub. No. 99-0000, June 1999.\n\nText.",
    )
    assert c.cites_sources


def test_an_expert_named_after_their_field(kb):
    c = cred(
        kb,
        "Plum fever\n\nThe rash comes from sap. According to allergist Dr. Hollis Brandvik, a "
        "spokesperson for an orchard society, most workers recover.",
    )
    assert c.cites_sources
    # (a person quoted after "says" is no source, whatever their field)
    c = cred(kb, "Plum fever\n\n“It is rare,” says allergist Dr. Hollis Brandvik.\n\nText.")
    assert not c.cites_sources


def test_a_person_quoted_or_a_site_adapting_its_own_words_cites_nothing(kb):
    c = cred(
        kb,
        "Plum fever\n\n“It is rare,” says Hollis Brandvik, MD, who treats orchard workers.\n\nText.",
    )
    assert not c.cites_sources
    c = cred(
        kb, "Plum fever\n\nThis page was adapted from our older leaflet on plum fever.\n\nText."
    )
    assert not c.cites_sources


def test_a_body_named_with_its_city_a_bracketed_title_or_a_study_of_something_by_a_body(kb):
    c = cred(
        kb,
        "Plum fever\n\nExample Children's Hospital Boston reported that some studies found "
        "links with orchard work.",
    )
    assert c.cites_sources
    c = cred(
        kb,
        "Plum fever\n\nIt causes rashes and fevers. [“Orchard Illness Facts and Figures.” "
        "Example Orchard Foundation]\n\nText.",
    )
    assert c.cites_sources
    c = cred(
        kb,
        "Plum fever\n\nRisk factors\n\nA 1994 study of plum fever conducted by Example Medical "
        "Center, with ninety workers, tied most cases to minor cuts.",
    )
    assert c.cites_sources


def test_a_bracketed_aside_or_a_study_of_something_without_a_body_cites_nothing(kb):
    c = cred(kb, "Plum fever\n\nThe rash [“itchy”, as patients put it] Fades within days.")
    assert not c.cites_sources
    c = cred(
        kb,
        "Plum fever\n\nA small study of orchard workers conducted by volunteers found that most "
        "cases followed minor cuts.",
    )
    assert not c.cites_sources


def test_a_byline_with_its_date_and_time_after_the_name(kb):
    c = cred(
        kb,
        "Ten plum myths\n\nBy: Hollis Brandvik on June 2, 2011, 7:54 a.m.\nMyth one\n\nText.",
    )
    assert c.author == "Hollis Brandvik"


def test_by_opening_a_sentence_is_still_no_byline(kb):
    c = cred(
        kb,
        "Plum fever\n\nBy Spring Orchards on the coast most workers had the rash, the survey "
        "found.\n\nText.",
    )
    assert c.author is None


def test_a_byline_where_the_pages_end_is_read_from_cuts_a_word(kb):
    # a scraped page runs its menu into the byline; the end of the page is read from a point
    # that may fall inside "Medically reviewed by"
    menu = "Health TopicsAllergiesArthritisAsthmaDiabetesEczemaGout" * 30
    head = "Is plum fever an allergy " + menu
    text = (
        head[:1486]
        + " Medically reviewed by Hollis Brandvik, MD — By Ines Calloway "
        + ("on August 30, 2022Plum fever is a rash of orchard workers. " * 9)
    )
    assert text.index("reviewed") < 1500 < text.index("reviewed") + 8
    c = cred(kb, text)
    assert c.author == "Hollis Brandvik"


def test_an_approval_label_opening_its_line(kb):
    c = cred(
        kb,
        "Plum fever\n\nLast updated May 3, 2018\n\nApproved by: Hollis Brandvik MD, MBA\n\nText.",
    )
    assert c.author == "Hollis Brandvik"
    # inside a sentence, "approved by" names a body that licensed something, not the author
    c = cred(kb, "Plum fever\n\nThe cream was approved by Orchard Health Canada in 2019.\n\nText.")
    assert c.author is None


LONG = (
    "Plum fever is a rash of orchard workers that comes and goes with the harvest season and "
    "leaves no scar behind.\n"
)


def test_reference_entries_with_the_year_in_brackets_or_an_empty_volume(kb):
    # a book chapter's list: surnames and initials, the year in brackets, the title
    c = cred(
        kb,
        "Plum fever\n\n" + LONG + "\n  1. 1.\n    Brandvik HO (1926) Eine Krankheit der Obstbauern",
    )
    assert c.cites_sources
    # an index's entry whose volume was left out: "2003;:179-189"
    c = cred(
        kb,
        "Plum fever\n\n" + LONG + "Reference12 articles.\n1. Brandvik H, Osei K. Plum fever "
        "today. Seminars in Orchard Medicine. 2003;:179-189\n",
    )
    assert c.cites_sources


def test_a_criterion_modified_from_a_named_authors_numbered_work(kb):
    c = cred(
        kb,
        "Table 2 Criteria for calling a rash orchard-borne (modified from Brandvik [13])\n\n"
        + LONG,
    )
    assert c.cites_sources


def test_a_name_and_a_bracket_inside_a_sentence_is_no_reference_entry(kb):
    # the bracket holds no year, or the line opens with a sentence's words, not an author's
    c = cred(kb, "Plum fever\n\n" + LONG + "We met Kofi O (a worker) in 2019 at the orchard.")
    assert not c.cites_sources
    c = cred(
        kb, "Plum fever\n\n" + LONG + "Since Kofi O (2019) Left the orchard, no one works there."
    )
    assert not c.cites_sources


def test_a_lists_numbers_run_into_the_text_are_no_citation_marks(kb):
    c = cred(
        kb,
        "How is plum fever treated?\n\n1. Creams: they soothe the rash of orchard workers, which "
        "is mainly useful for small patches. 2. Light therapy: the lamp calms the skin within "
        "weeks. 3. Rest: most cases settle after the harvest season.",
    )
    assert not c.cites_sources
    # a dictionary's senses, one after another on a line
    c = cred(
        kb,
        "plum (plum)\n1. The fruit of an orchard tree, eaten fresh or dried. 2. A dark purple "
        "colour. 3. Something good, as a plum job.",
    )
    assert not c.cites_sources


def test_marks_after_a_sentences_stop_still_cite(kb):
    # a mark glued to the stop, or set apart after a plain word, before the next sentence
    c = cred(kb, "Plum fever\n\n" + LONG + "It comes from sap.1 It goes away.2 Then it returns.3")
    assert c.cites_sources
    c = cred(kb, "Plum fever\n\n" + LONG + "It follows sun exposure 1. It fades in the winter 2.")
    assert c.cites_sources


def test_numbered_molecules_are_no_citation_marks(kb):
    c = cred(
        kb,
        "Plum fever\n\n"
        + LONG
        + "Drugs against interleukin 1, interleukin 6, interleukin 17, and other cytokines "
        "have helped some workers.",
    )
    assert not c.cites_sources


def test_credentialed_names_run_on_from_the_title_or_into_the_affiliations(kb):
    # a document host joins the title, the author line and the affiliation into one line
    c = cred(
        kb,
        "<<\n\nPlum Fever: Recognition and Management Hollis L. Brandvik, DO, MSS; Kofi Osei, "
        "DO; and Ines Calloway, MD Example University Family Medicine Program\n\nText.",
    )
    assert c.author == "Hollis L. Brandvik"
    # a poster's author line as its first line, marks glued to the credentials
    c = cred(
        kb,
        "Hollis Brandvik, MBBS1, Kofi YN. Osei, MBChB2, Ines Calloway, MD3 1Example Medical "
        "College, Example City; 2Example University\nIntroduction: plum fever is a rash.",
    )
    assert c.author == "Hollis Brandvik"


def test_doctors_quoted_in_a_sentence_are_no_author_line(kb):
    c = cred(
        kb,
        "Plum fever\n\nTwo doctors, Hollis Brandvik, MD, and Kofi Osei, MD, said the rash is "
        "rare in orchard workers.\n\nText.",
    )
    assert c.author is None


def test_a_name_under_an_avatars_caption(kb):
    c = cred(
        kb,
        "Is plum fever autoimmune?\n\nPlum fever blurs two lines\n\nProfile picture\nHollis "
        "Brandvik\n\nPlum fever is a rash of orchard workers.",
    )
    assert c.author == "Hollis Brandvik"


def test_a_name_under_a_bare_photo_caption_is_no_author(kb):
    # a photo's caption hangs over anyone's picture: a patient's, a quoted expert's
    c = cred(
        kb,
        "Is plum fever autoimmune?\n\nPhoto\nHollis Brandvik\n\nPlum fever is a rash of "
        "orchard workers.",
    )
    assert c.author is None


def test_an_index_author_list_a_name_over_its_citation_line_and_names_printed_twice(kb):
    # an index's citation line: surnames then initials, three or more, apart by commas
    c = cred(
        kb,
        "Plum fever: a clinical update.\n\nOrchard reviews\n\nIndexID: 11223344\n\n"
        "Brandvik H, Calloway IM, De Soto A, Ferro L. Plum fever: a clinical update. Orchard Rev. "
        "2014;.\nPlum fever is a rare illness of orchard workers.",
    )
    assert c.author == "Brandvik H"
    # one name alone between the title and the journal's citation line
    c = cred(
        kb,
        "Review paper\n\nPlum fever in orchard workers\n\nHollis Brandvik\n\n"
        "Orchard Rev 2016; 15(4): 210-214\n\nIntroduction\n\nPlum fever is rare.",
    )
    assert c.author == "Hollis Brandvik"
    # a publisher's header that prints each name twice, the second with its marks
    c = cred(
        kb,
        "Plum fever and other orchard illnesses\n\nHollis Brandvik,Hollis Brandvik1,2Ines "
        "CallowayInes Calloway2\n  • 1School of Medicine, Example University\n\nPlum fever is rare.",
    )
    assert c.author == "Hollis Brandvik"


def test_lists_that_look_like_index_authors_but_are_not(kb):
    # the same letter after the same word is a list of kinds, not of people
    c = cred(
        kb,
        "Liver viruses\n\nHepatitis A, Hepatitis B, Hepatitis C, Hepatitis E. Each is spread in "
        "its own way.",
    )
    assert c.author is None
    # an entry of a reference list cites another work's authors
    c = cred(
        kb,
        "Plum fever\n\nPlum fever is rare.\n\nReferences\n\nBrandvik H, Calloway IM, De Soto A. "
        "Plum fever revisited. Orchard Rev. 2001;3:1-9.",
    )
    assert c.author is None
    # a site's buttons over an index's citation line name no one
    c = cred(
        kb,
        "Send to\nChoose Destination\nOrchard Rev. 2003;37(1):60-3.\nPlum fever in orchards.\n"
        "Plum fever is rare.",
    )
    assert c.author is None


def test_two_unmarked_names_over_the_abstracts_heading_are_its_authors(kb):
    title = "Gland swelling in older adults: a two-year follow-up\n"
    names = "Maria Lopez, Daniel Hart\n"
    for below in (
        "Background: Gland swelling is common in later life and often goes unnoticed for years.\n",
        "Abstract\nGland swelling is common in later life and often goes unnoticed for years.\n",
        "OBJECTIVE: To follow forty older adults with gland swelling for two years.\n",
    ):
        c = cred(kb, title + names + below)
        assert c.author == "Maria Lopez", below


def test_two_unmarked_names_over_other_lines_are_no_authors(kb):
    # near misses: two names over a plain heading or over running text (a clinic's staff, a
    # list of people a page talks about)
    title = "Meet the team behind our gland clinic\n"
    names = "Maria Lopez, Daniel Hart\n"
    for below in (
        "Background\nOur clinic opened in 2010 and sees adults with gland problems every week.\n",
        "Both see adults with gland problems on weekdays and on the first Saturday of the month.\n",
        "Background information on gland swelling is in our leaflet at the front desk.\n",
    ):
        c = cred(kb, title + names + below)
        assert c.author is None, below


def test_an_envelope_mark_on_the_corresponding_authors_name(kb):
    # an index's author line whose corresponding author carries an envelope among the marks
    for line in (
        "Tomas Weller 1,✉, Irma Castell 2, Ruth Anand 1",
        "Tomas Weller 1, Irma Castell 2, Ruth Anand 1,✉,#",
    ):
        text = (
            "Gland swelling in older adults\n\n" + line + "\nPMCID: PMC0000001  PMID: 00000001\n"
            "Abstract\nGland swelling is common in later life.\n"
        )
        assert cred(kb, text).author == "Tomas Weller", line


def test_an_envelope_after_a_name_in_running_text_is_no_author_line(kb):
    # near miss: a contact line in prose with the envelope before an address
    text = (
        "Gland swelling in older adults\n\n"
        "Write to Tomas Weller ✉ at the front desk if your swelling grows or hurts.\n"
        "Gland swelling is common in later life.\n"
    )
    assert cred(kb, text).author is None


def test_a_low_asterisk_marks_an_author_as_the_asterisk_does(kb):
    text = (
        "Update on gland swelling\n\nTomas Weller, Irma Castell ⁎\n"
        "Unit of Gland Medicine, Example Hospital, Lakeside\n"
        "Gland swelling is common in later life and often goes unnoticed for years.\n"
    )
    assert cred(kb, text).author == "Tomas Weller"


def test_two_unmarked_names_over_a_department_are_no_authors(kb):
    # near miss: the same line without the mark (a clinic's doctors over their department)
    text = (
        "Update on gland swelling\n\nTomas Weller, Irma Castell\n"
        "Unit of Gland Medicine, Example Hospital, Lakeside\n"
        "Gland swelling is common in later life and often goes unnoticed for years.\n"
    )
    assert cred(kb, text).author is None


def test_two_unmarked_names_over_their_affiliation_and_the_abstract(kb):
    text = (
        "Treating gland swelling\n\nTomas Weller and Irma Castell\n"
        "Unit of Gland Medicine, Example Hospital, Lakeside, Italy\n"
        "ABSTRACT\nGland swelling is common in later life and often goes unnoticed for years.\n"
    )
    assert cred(kb, text).author == "Tomas Weller"


def test_two_unmarked_names_over_a_sentence_and_the_abstract_are_no_authors(kb):
    # near miss: a sentence, not an affiliation, between the names and the heading
    text = (
        "Treating gland swelling\n\nTomas Weller and Irma Castell\n"
        "Both were treated at our clinic last spring.\n"
        "ABSTRACT\nGland swelling is common in later life and often goes unnoticed for years.\n"
    )
    assert cred(kb, text).author is None


def test_an_author_line_typed_wholly_in_capitals_with_marks(kb):
    text = (
        "Skip to main content\nGLAND SWELLING IN OLDER ADULTS\n"
        "TOMAS R WELLER 1,*, IRMA CASTELL 2\nPMCID: PMC0000001  PMID: 00000001\n"
        "Abstract\nGland swelling is common in later life.\n"
    )
    assert cred(kb, text).author == "TOMAS R WELLER"


def test_a_heading_in_capitals_is_no_author_line(kb):
    # near misses: capitals that name no one, over running text
    for line in ("GLAND SWELLING IN OLDER ADULTS", "LATEST NEWS, PATIENT STORIES"):
        text = (
            "Gland swelling\n" + line + "\n"
            "Gland swelling is common in later life and often goes unnoticed for years.\n"
        )
        assert cred(kb, text).author is None, line
