"""Author and source shapes that recur across sites and batches of the real-page corpus (issue 12,
item 4; docs/credibility.md, "Shapes of the misses"). Every text is invented for this test; each
positive has a near-miss negative that an over-broad rule would take."""

import healthlens.pipeline  # noqa: F401  (binds healthlens.check, the function, before its submodules load)
from conftest import make_page
from healthlens.check.credibility import assess_credibility


def cred(kb, text, **page):
    p = make_page(text, kb)
    for k, v in page.items():
        setattr(p, k, v)
    return assess_credibility(p)


def signal(c, name):
    return next(s for s in c.signals if s["signal"] == name)


# -- a journal's names over what only a journal's header holds


def test_names_one_a_line_over_a_journal_received_line(kb):
    text = (
        "Review\n\nGut flora and joint pain\n\n10.9999/xjm.2021.0001\n\n"
        "  • Ilse Marrow\n  • Tobiah Quenby\n\n"
        "Received Date: 04.05.2021 Accepted Date: 06.06.2021 X J Med 2022;7(2):1-9\n\n"
        "Joint pain has many causes, and gut flora may be one of them in some people."
    )
    c = cred(kb, text)
    assert c.author == "Ilse Marrow"
    s = signal(c, "author")
    assert text[s["start"] : s["start"] + len("Ilse Marrow")] == "Ilse Marrow"


def test_two_plain_names_over_corresponding_author_or_research_output(kb):
    c = cred(
        kb,
        "Colitis in infants\nVisits\n120\nIlse Marrow, Tobiah Quenby de Souza\n"
        "Corresponding author\nmarrow@example.org\n\nText of the review follows here.",
    )
    assert c.author == "Ilse Marrow"
    c = cred(
        kb,
        "Lung disease and immunity\n\nIlse Marrow, Tobiah R. Quenby\n\n"
        "Research output: Chapter in Book\n\nInterstitial lung disease is a broad category.",
    )
    assert c.author == "Ilse Marrow"


def test_names_over_a_sentence_or_a_department_name_no_author(kb):
    # a list of names over running text, or over a department (a clinic's doctors), no journal
    c = cred(
        kb,
        "Meet the team\n\n  • Ilse Marrow\n  • Tobiah Quenby\n\n"
        "We are here to help you every day of the week with your questions.",
    )
    assert c.author is None
    c = cred(
        kb,
        "Our doctors\nIlse Marrow, Tobiah Quenby\nDepartment of Dermatology\n\nBook a visit today.",
    )
    assert c.author is None
    # "received" in a sentence is no journal's history
    c = cred(
        kb,
        "Awards\nIlse Marrow, Tobiah Quenby\nreceived the prize for their care of patients.\n",
    )
    assert c.author is None


def test_surnames_in_capitals_with_bracketed_marks(kb):
    c = cred(
        kb,
        "NOTE Clinical Pathology\nEosinophils in two cats\n"
        "Ilse MARROW1), Tobiah QUENBY1), Odile FENWRIGHT2), Karel VONDRAK1)\n"
        "1) Department of Internal Medicine, Example University\nText.",
    )
    assert c.author == "Ilse MARROW"


def test_capitals_in_a_menu_are_no_author_line(kb):
    # words in capitals in a menu line carry no marks: no author line
    c = cred(
        kb,
        "Example Health\nHome NEWS, About CONTACT, Shop ONLINE\nEczema in cats\nText here.",
    )
    assert c.author is None


def test_a_name_and_affiliation_in_another_language(kb):
    c = cred(
        kb,
        "Get access\nMechanisms in headache\n"
        "Dr. Ilse Marrow, Dipartimento di Medicina Clinica, Universita di Esempio, Roma.\n"
        "During the last decade, numerous studies have been carried out on the question.",
    )
    assert c.author == "Dr. Ilse Marrow"
    # a place and its department are no person
    c = cred(
        kb,
        "Get access\nMechanisms in headache\n"
        "San Remo, Dipartimento di Medicina Clinica, Universita di Esempio.\nText here.",
    )
    assert c.author is None


# -- an author card: a name over its role


def test_a_name_over_a_role_of_two_fields_or_a_team_over_author(kb):
    c = cred(
        kb,
        "Gene therapy hints at a cure\n\n\nIlse Marrow\n\nScience & Policy Writer\n\nText here.",
    )
    assert c.author == "Ilse Marrow"
    c = cred(
        kb,
        "Eye allergy in pets\n\nExample Vet Care Team\n\nAuthor\n\nUpdated May 4, 2024\nText.",
    )
    assert c.author == "Example Vet Care Team"


def test_a_name_over_a_heading_with_and_is_no_card(kb):
    # a heading "Diet and Health Tips" is no writer's role; a name over a heading is no byline
    c = cred(kb, "Gene therapy\n\nIlse Marrow\n\nDiet and Health Tips\n\nText here.")
    assert c.author is None
    # a generic team over "Author" is an anonymous badge
    c = cred(kb, "Eye allergy in pets\n\nThe Medical Team\n\nAuthor\n\nText here.")
    assert c.author is None


def test_a_vets_credentials(kb):
    c = cred(
        kb, "Eye allergy in dogs\nIlse Marrow, DVM, DACVECC\nDate Published: 10/13/2021\nText."
    )
    assert c.author == "Ilse Marrow"
    # letters that are no credential after a name in a list of topics
    c = cred(kb, "Eye allergy in dogs\nIlse Marrow, DVX, DACVECCX\nText.")
    assert c.author is None


# -- a source named by one word after "according to"


def test_according_to_a_one_word_source(kb):
    text = (
        "Yeast and the mouth\n\nAccording to ExampleMD, the fungus that causes thrush is found in "
        "most mouths and rarely spreads by kissing.\n"
    )
    c = cred(kb, text)
    assert c.cites_sources
    s = signal(c, "sources")
    assert text[s["start"] : s["end"]] == "According to ExampleMD"
    c = cred(kb, "Causes\n\naccording to Examplepedia:\nYeast is present in all people.\n")
    assert c.cites_sources


def test_according_to_an_honorific_or_a_phrase_is_no_source(kb):
    # a person quoted by an honorific alone, a common phrase, a word running on in the sentence
    for line in (
        "As per Dr. Quenby, the rash fades in a week.",
        "According to Dr, the rash fades in a week.",
        "According to plan, the rash fades in a week.",
        "According to Examplepedia readers the rash fades in a week.",
    ):
        c = cred(kb, f"Rashes\n\n{line}\n")
        assert not c.cites_sources, line


# -- an expert's box


def test_an_expert_answer_box_names_the_expert(kb):
    text = (
        "Is it hereditary?\n\nA reader asked...\n\nMy father has tremors.\n\nExpert Answer\n\n"
        "Ilse Marrow, MD, is the founder of Example Neurology.\n\nThe question is complicated.\n"
    )
    c = cred(kb, text)
    assert c.author == "Ilse Marrow"
    c = cred(
        kb,
        "About the experts\n\n  • Ilse Marrow, MD, is a board-certified physician.\n\nHighlights\n",
    )
    assert c.author == "Ilse Marrow"


def test_an_expert_heading_over_a_name_without_credentials_names_no_one(kb):
    # a patient's or a reader's name under the heading carries no credentials
    c = cred(kb, "Is it hereditary?\n\nExpert Answer\n\nIlse Marrow asked about her father.\n")
    assert c.author is None
    c = cred(kb, "Our approach\n\nExpert care\nIlse Marrow, MD, leads the clinic team.\n")
    assert c.author is None


# -- a reference heading that is a menu's tab


def test_a_references_tab_in_a_menu_is_no_list(kb):
    c = cred(
        kb,
        "Colitis in infants\n\nArticle information\nAbstract\nFull Text\nBibliography\n"
        "Download PDF\nStatistics\n\nColitis in infants is rare and usually mild.\n",
    )
    assert not c.cites_sources


def test_a_references_heading_after_a_paragraph_still_lists_sources(kb):
    # a short entry right under the heading: the paragraph before it marks the list
    c = cred(
        kb,
        "Colitis in infants\n\nColitis in infants is rare and usually mild.\n\nReferences\n"
        "Example Society\nMore text.\n",
    )
    assert c.cites_sources


# -- a study named by its first author and journal, or by the team that ran it


def test_an_article_by_a_surname_in_a_journal(kb):
    text = "LADA\n\nA 2005 article by Marrow in Examplologia defines LADA by three criteria.\n"
    c = cred(kb, text)
    assert c.cites_sources
    s = signal(c, "sources")
    assert text[s["start"] : s["end"]] == "article by Marrow in Examplologia"
    c = cred(
        kb,
        "GBS\n\nUndercooked chicken can set off GBS, says a study conducted by a research team "
        "at Example State University.\n",
    )
    assert c.cites_sources


def test_a_work_by_a_surname_in_a_month_or_a_team_without_a_body_is_no_source(kb):
    for line in (
        "A 2005 article by Marrow in March said so.",
        "A study conducted by a research team found that it helps.",
    ):
        c = cred(kb, f"LADA\n\n{line}\n")
        assert not c.cites_sources, line


# -- a doctor quoted is no source; the journal that carried the research is


def test_a_doctor_after_says_is_a_person_quoted(kb):
    c = cred(kb, "Measles\n\n“It wipes the memory,” says Dr. Ilse Marrow, an epidemiologist.\n")
    assert not c.cites_sources
    # a citing cue before the expert still names a source
    c = cred(kb, "Measles\n\nAccording to Professor Ilse Marrow, the memory is wiped.\n")
    assert c.cites_sources


def test_published_in_the_peer_reviewed_journal_named(kb):
    text = (
        "A new theory\n\nThe idea comes from new research published in the peer-reviewed "
        "journal, Example Neurology. It is debated.\n"
    )
    c = cred(kb, text)
    assert c.cites_sources
    assert "Example" in signal(c, "sources")["text"]
    # a journal left unnamed is a vague claim
    c = cred(kb, "A new theory\n\nThe idea was published in a peer-reviewed journal last year.\n")
    assert not c.cites_sources
