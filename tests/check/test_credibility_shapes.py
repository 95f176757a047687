"""check/credibility.py reads author and sources by the labelling guide's definitions (a byline
shape, a reviewer, a named expert answering, a reference list, a citation, a named body given as
the source of a statement), not by the phrasings of particular pages. Each case below is written
for this test; each negative is a near miss that an over-broad rule would take."""

import healthlens.pipeline  # noqa: F401  (binds healthlens.check, the function, before its submodules load)
from conftest import make_page
from healthlens.check.credibility import assess_credibility


def cred(kb, text, **page):
    p = make_page(text, kb)
    for k, v in page.items():
        setattr(p, k, v)
    return assess_credibility(p)


def test_a_nickname_inside_a_reviewers_name(kb):
    c = cred(
        kb,
        "Can gout be cured?\nMedically reviewed by Tomas (Tom) Varga, MD\nGout is treatable.",
    )
    assert c.author == "Tomas (Tom) Varga"
    c = cred(kb, 'Hay fever basics\nWritten by Marta "Marti" Lindqvist\nPollen is the trigger.')
    assert c.author == 'Marta "Marti" Lindqvist'


def test_a_response_label_names_its_author_even_after_a_blank_line(kb):
    c = cred(
        kb,
        "Ask the nurse\nIs shingles contagious?\nThe virus can pass to people who never had "
        "chickenpox.\n\nResponse by:\n\nMarta Lindqvist, RN\nNurse educator",
    )
    assert c.author == "Marta Lindqvist"
    c = cred(kb, "Quick answers\nAnswer by Piotr Nowak\nNo, it is not catching.")
    assert c.author == "Piotr Nowak"


def test_response_by_in_running_text_names_no_author(kb):
    c = cred(
        kb,
        "How the body fights viruses\nThe first response by Natural Killer cells comes within "
        "hours, and the answer by Memory Cells follows in days.\nMore text.",
    )
    assert c.author is None


def test_a_named_expert_answering_a_question(kb):
    c = cred(
        kb,
        "Does stress weaken immunity?\nAnswers (2)\n  • Piotr Nowak, Immunology, answered\n"
        "Stress hormones can damp some immune responses for a while.",
    )
    assert c.author == "Piotr Nowak"
    # an avatar's initial that lost its space before the name
    c = cred(kb, "Is hay fever an allergy?\nAnswers (1)\nMMarta Lindqvist answered\nYes.")
    assert c.author == "Marta Lindqvist"


def test_answered_in_a_sentence_names_no_author(kb):
    c = cred(
        kb,
        "Is eczema catching?\nI asked my Family Doctor and she answered\nIt is not contagious.",
    )
    assert c.author is None


def test_a_journal_articles_cite_as_line_names_its_first_author(kb):
    c = cred(
        kb,
        "Thyroid disease in children: a review\n3 downloads\nCite this article as: Varga, T., "
        "Nowak, P. Thyroid disease in children. Paediatr Notes 12, 4 (2021).\nAbstract text.",
    )
    assert c.author == "Varga, T"


def test_a_sentence_opening_on_by_is_no_byline(kb):
    c = cred(
        kb, "Is eczema lifelong?\nBy Age Five, most children with eczema improve a lot.\nMore."
    )
    assert c.author is None
    c = cred(kb, "Is eczema lifelong?\nBy Type Two standards, the rash here is a mild one.\nMore.")
    assert c.author is None
    # a byline runs on with credentials, a role, a date or a second name, and no sentence
    c = cred(kb, "Is eczema lifelong?\nBy Heather Moss, MD, FAAD. Updated May 4, 2024.\nMore.")
    assert c.author == "Heather Moss"
    c = cred(kb, "Is eczema lifelong?\nBy Heather Moss, staff writer at Harbour Health\nMore.")
    assert c.author == "Heather Moss"


def test_a_team_named_by_generic_words_alone_is_anonymous(kb):
    for line in (
        "Medically reviewed by the Medical Team",
        "Written by the Content Team",
        "Reviewed by the Editorial Board",
    ):
        assert cred(kb, f"Is psoriasis contagious?\n{line}\nIt is not.").author is None, line
    c = cred(kb, "Is psoriasis contagious?\nWritten by the Harbour Skin Team\nIt is not.")
    assert c.author == "the Harbour Skin Team"


RUNNING = "Gluten is a protein in wheat, barley and rye that harms people with celiac disease.\n"


def test_an_author_year_citation_without_its_comma(kb):
    c = cred(kb, f"Celiac basics\n{RUNNING}It may be lifelong, one team argues (Varga 2011).\n")
    assert c.cites_sources
    c = cred(kb, f"Celiac basics\n{RUNNING}Both agree (Varga and Nowak 2011).\n")
    assert c.cites_sources
    # a bracketed year after a word of time names no author
    for note in ("(Since 2010)", "(Summer 2011)", "(In 2019)", "(Est. 1990)"):
        c = cred(kb, f"Celiac basics\n{RUNNING}The clinic opened {note} downtown.\n")
        assert not c.cites_sources, note


def test_a_heading_of_what_the_page_lists_is_no_reference_list(kb):
    for heading in ("Sources of gluten:", "Resources for parents"):
        c = cred(kb, f"Celiac basics\n{RUNNING}{heading}\n- bread and pasta\n- school plans\n")
        assert not c.cites_sources, heading
    for heading in (
        "References and further reading",
        "Sources I relied on:",
        "Sources of information",
    ):
        c = cred(kb, f"Celiac basics\n{RUNNING}{heading}\n- a book on diets\n")
        assert c.cites_sources, heading


def test_a_navigation_heading_is_no_reference_list(kb):
    c = cred(kb, f"Sign up\nResources\nAbout us\nCeliac basics\n{RUNNING}Resources\nAbout us\n")
    assert not c.cites_sources
    c = cred(kb, f"Celiac basics\n{RUNNING}Resources\n- Harbour Celiac Society: diet pamphlet\n")
    assert c.cites_sources
    # bodies listed by name alone under "Resources" are where to read on, not what the page cites
    c = cred(kb, f"Celiac basics\n{RUNNING}Resources:\nHarbour Celiac Society (HCS)\nNHS\n")
    assert not c.cites_sources
    c = cred(kb, f"Celiac basics\n{RUNNING}Resources\n- Ruiz A et al. Gut. 2019;12(3):45-9\n")
    assert c.cites_sources
    c = cred(kb, f"Celiac basics\n{RUNNING}More information\n\nwww.celiac-harbour.org/diet\n")
    assert c.cites_sources


def test_an_email_address_is_no_source(kb):
    c = cred(kb, f"Celiac basics\n{RUNNING}Questions? Write to info@diet.harbour.edu today.\n")
    assert not c.cites_sources
    c = cred(kb, f"Celiac basics\n{RUNNING}See diet.harbour.edu/celiac for the full guide.\n")
    assert c.cites_sources


def test_a_study_word_after_determiners_or_in_a_headline_names_no_study(kb):
    for line in (
        "The Study at a Glance\n- 300 people",
        "This Study looked at 300 people.",
        "A New Study suggests gluten matters.",
        "New Gluten Study Finds Link With Diet",
    ):
        c = cred(kb, f"Celiac basics\n{RUNNING}{line}\n")
        assert not c.cites_sources, line
    c = cred(kb, f"Celiac basics\n{RUNNING}The Harbour Twin Study found it runs in families.\n")
    assert c.cites_sources


def test_a_hospital_is_a_named_body_and_the_sites_own_clinic_is_not(kb):
    c = cred(
        kb, f"Celiac basics\n{RUNNING}According to Harbour Children's Hospital, it is common.\n"
    )
    assert c.cites_sources
    c = cred(kb, f"Celiac basics\n{RUNNING}Our Clinic recommends a strict diet.\n")
    assert not c.cites_sources
    c = cred(kb, f"Celiac basics\n{RUNNING}The Harbour Celiac Clinic recommends a strict diet.\n")
    assert c.cites_sources


def test_a_journal_author_line_of_initials_and_surnames(kb):
    c = cred(
        kb,
        "Lupus and the skin\n\nT. Varga, P. Nowak, M. de Berg, G.F. Lindqvist\n"
        "Harbour Department of Dermatology\nLupus often affects the skin.",
    )
    assert c.author == "T. Varga"
    # a menu or a list of topics carries no initials
    c = cred(kb, "Lupus and the skin\nHome, About Us, Skin Care, Heart Health\nLupus is common.")
    assert c.author is None


def test_an_ampersand_inside_a_named_body(kb):
    c = cred(kb, f"Celiac basics\n{RUNNING}According to the Harbour Gut & Liver Centers: it is.\n")
    assert c.cites_sources


def test_a_journal_pages_own_doi_beside_its_issue_in_the_comma_style(kb):
    text = (
        "Next Article in Journal\nGut Health Notes\nPrevious Article in Journal\n"
        + RUNNING * 3
        + "Harbour Gut J 2022, 10(5), 999; https://doi.org/10.9999/hgj10050999\n"
        "Submission received: 1 May 2022 / Published: 26 May 2022\n" + RUNNING
    )
    assert not cred(kb, text).cites_sources


def test_an_address_offered_as_further_reading_is_no_source(kb):
    for lead in ("Learn more:\n", "Read more at ", "See also: ", "Read a news article: "):
        c = cred(kb, f"Celiac basics\n{RUNNING}{lead}https://www.niddk.nih.gov/celiac\n")
        assert not c.cites_sources, lead
    c = cred(kb, f"Celiac basics\n{RUNNING}Source: https://www.niddk.nih.gov/celiac\n")
    assert c.cites_sources


def test_an_inline_trusted_source_badge_names_its_source(kb):
    c = cred(
        kb,
        f"Celiac basics\n{RUNNING}People with it tend to have Trusted Source Harbour Medical "
        "Library Go to source low iron.\n",
    )
    assert c.cites_sources
    c = cred(kb, f"Celiac basics\nYour Trusted Source For Gluten News\n{RUNNING}")
    assert not c.cites_sources


def test_a_study_kind_names_no_study(kb):
    c = cred(
        kb,
        f"Celiac basics\n{RUNNING}Previous article\nGluten and Growth in Children With "
        "Celiac Disease: A Longitudinal Cohort Study\n",
    )
    assert not c.cites_sources


def test_affiliation_numbers_glued_to_the_names_beside_a_numbered_affiliation_list(kb):
    text = (
        "Review article\nThymus size in early childhood\n"
        "Petra Lindholm1Oskar Varga1,2Ilse Brandt2\nIlse Brandt2*\n"
        "  • 1Department of Paediatrics, Example University, Northtown\n"
        "  • 2Institute of Immunology, Example College, Southtown\n"
        "The thymus shrinks with age, and we measured it in four hundred children over six years."
    )
    assert cred(kb, text).author == "Petra Lindholm"
    # the same numbers glued to a heading, with no numbered affiliation list: a note mark
    c = cred(kb, "Hidden Dangers1\nSome houseplants irritate the skin of sensitive people.")
    assert c.author is None


def test_a_name_over_a_line_of_credentials_is_an_author_box(kb):
    text = (
        "Ana Ruiz, Ben Cole og Ida Berg\n\nGum disease and the joints\n\n"
        "Ana Ruiz \n\nDDS, PhD, Professor. Department of Dentistry, Example University\n\n"
        "Summary\nGum disease and joint inflammation share several pathways."
    )
    assert cred(kb, text).author == "Ana Ruiz"
    text = "Eczema in winter\n\nMarta Lindqvist\nRN\n\nDry air makes the skin crack."
    assert cred(kb, text).author == "Marta Lindqvist"
    # an abbreviation opening a sentence under a heading names no author
    c = cred(kb, "Nerve Fatigue\nMS is a disease of the nerves; it is not catching.")
    assert c.author is None


def test_an_author_box_sentence_names_the_writer(kb):
    text = (
        "Living with hives\n\nJoe\n\nJoe is a Example Site writer living with hives for years. "
        "He lives in Lisbon.\n\nHives come and go, and nobody is quite sure why."
    )
    assert cred(kb, text).author == "Joe"
    c = cred(kb, "Hives at work\nMarta Lindqvist is an award-winning health journalist.\nText.")
    assert c.author == "Marta Lindqvist"
    # a pronoun, a condition or a person who is no writer: no author box
    for text in (
        "Hives at work\nShe is a writer who had hives for years.\nText follows here.",
        "Hives at work\nLupus is a condition that many an author has described.\nText.",
        "Hives at work\nMarta Lindqvist is a nurse in Lisbon who treats hives.\nText.",
    ):
        assert cred(kb, text).author is None, text


def test_a_two_digit_year_with_dashes_after_a_publication_cue(kb):
    text = "Mast cell disorders\n\nMast cells release histamine.\n\nLast updated on 07-09-21"
    assert cred(kb, text).date == "2021-07-09"
    # the same figures without a cue are a range of doses, not a date
    c = cred(kb, "Dosing\nAdults take 10-12-15 mg over three days, as the label says.")
    assert c.date is None


def test_a_date_on_a_further_reading_line_is_the_cited_works(kb):
    text = (
        "Microplastics and the gut\nTiny plastic pieces reach the gut in food and water.\n"
        "Further reading Example J Sci September 9, 2022 15 (3)"
    )
    assert cred(kb, text).date is None
    text = "Microplastics and the gut\nSeptember 9, 2022\nTiny plastic pieces reach the gut."
    assert cred(kb, text).date == "2022-09-09"


def test_roman_numeral_note_marks(kb):
    c = cred(
        kb, f"Hives basics\n{RUNNING}Doctors settled on the name in 2011[i], and swelling.[ii]\n"
    )
    assert c.cites_sources
    # an editor's bracketed letter and a list's numbering cite nothing
    for text in (
        "As she put it, “[i]t comes and goes” with the weather, and we agree.",
        "The steps are (i) wash the skin and (ii) dry it with a soft towel.",
    ):
        assert not cred(kb, f"Hives basics\n{RUNNING}{text}\n").cites_sources, text


def test_a_doctor_named_by_surname_alone_is_quoted_not_cited(kb):
    c = cred(kb, f"Thyroid basics\n{RUNNING}As per Dr. Lindqvist, the risk rises with age.\n")
    assert not c.cites_sources
    c = cred(kb, f"Thyroid basics\n{RUNNING}As per Dr. Marta Lindqvist, the risk rises with age.\n")
    assert c.cites_sources


def test_criteria_that_define_a_studys_cases_are_no_source(kb):
    text = "A cohort followed 90 women with PCOS (defined by NIH criteria) for ten years."
    assert not cred(kb, f"PCOS basics\n{RUNNING}{text}\n").cites_sources
    text = "Cysts alone do not make the diagnosis, according to the NIH criteria for PCOS."
    assert cred(kb, f"PCOS basics\n{RUNNING}{text}\n").cites_sources


def test_a_qa_headline_names_the_expert_who_answers(kb):
    text = (
        "Clinic blog\n\nQ&A with Dr. Varga: what we know about gout\n\n"
        "Why does gout flare at night?\nJoints cool down, and crystals form more easily."
    )
    assert cred(kb, text).author == "Dr. Varga"
    c = cred(kb, "Ask Professor Ana Ruiz:\nCan eczema spread?\nNo, it is not catching.")
    assert c.author == "Professor Ana Ruiz"
    # no honorific, or the expert only quoted in the text: no author
    for text in (
        "Ask your pharmacist\nCan eczema spread?\nNo, it is not catching.",
        "Eczema in winter\nDry air cracks the skin, Dr. Varga says, so use a cream daily.",
    ):
        assert cred(kb, text).author is None, text
