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
