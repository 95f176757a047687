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
