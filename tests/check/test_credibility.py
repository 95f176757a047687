"""check/credibility.py on real-looking visible text: bylines, not headings, places or site names;
studies cited in the text; the site's own links are not sources."""

import healthlens.pipeline  # noqa: F401  (binds healthlens.check, the function, before its submodules load)
from conftest import make_page
from healthlens.check.credibility import assess_credibility, plausible_author
from healthlens.models import Page


def cred(kb, text, **page):
    p = make_page(text, kb)
    for k, v in page.items():
        setattr(p, k, v)
    return assess_credibility(p)


def test_medically_reviewed_and_written_by_bylines(kb):
    c = cred(
        kb,
        "Is psoriasis autoimmune?\nMedically reviewed by Ana Lopez-Reyes, MD\nPsoriasis is common.",
    )
    assert c.author == "Ana Lopez-Reyes"
    c = cred(kb, "Gut health notes\nSome text here.\nWritten by: Tomasz Bell\nMore text.")
    assert c.author == "Tomasz Bell"


def test_a_bare_by_counts_only_in_a_byline_under_the_title(kb):
    c = cred(
        kb,
        "Living with eczema\nPosted 4 June 2024 by Rosa Ilunga | Itchy Days blog\nEczema flares.",
    )
    assert c.author == "Rosa Ilunga"
    # "by" inside a running sentence names a cause, not an author
    c = cred(kb, "Why joints hurt\nJoint pain is often caused by Lyme Disease in summer, they say.")
    assert c.author is None


def test_headings_conditions_and_places_are_not_authors(kb):
    page = make_page(
        "Eosinophilic Esophagitis\nBy Eosinophilic Esophagitis Facts\nEoE is rare.", kb
    )
    assert assess_credibility(page).author is None
    assert not plausible_author("Is Psoriasis", page)
    assert not plausible_author("Western New York", page)
    assert plausible_author("Priya Natarajan", page)
    assert plausible_author("Harbour Allergy Clinic", page)


def test_the_sites_own_name_is_not_an_author(kb):
    page = Page(
        input="x",
        text="t",
        title="Psoriasis facts | Skin Wise Daily",
        url="https://www.skinwisedaily.com/psoriasis",
    )
    assert not plausible_author("Skin Wise Daily", page)
    assert not plausible_author("SkinWise Daily", page)


def test_markup_authors_that_are_headings_are_dropped(kb):
    page = make_page("Is psoriasis autoimmune?\nPsoriasis is common.", kb)
    page.author = "Is Psoriasis"
    assert assess_credibility(page).author is None


def test_studies_named_by_where_they_appeared_are_sources(kb):
    for line in (
        "According to a 2019 study in JAMA, flares followed stress.",
        "A review published in the Journal of Dermatology looked at 40 trials.",
        "Flares follow stress (Okonkwo, 2020).",
    ):
        assert cred(kb, "Psoriasis\n" + line).cites_sources, line
    assert not cred(
        kb, "Psoriasis\nA big trial of 900 people proved the cream in SkinCalm works."
    ).cites_sources


def test_links_to_the_sites_own_pages_are_not_sources(kb):
    own = ["https://www.cdc.gov/other-page", "/related/article"]
    c = cred(kb, "Notes\nPlain text with no citation.", links=own, url="https://www.cdc.gov/page")
    assert not c.cites_sources
    c = cred(
        kb,
        "Notes\nPlain text with no citation.",
        links=["https://www.cdc.gov/x"],
        url="https://blog.example.com/p",
    )
    assert c.cites_sources


def test_visible_dates_real_pages_write(kb):
    cases = {
        "Gut notes\nLast updated: August 15, 2025View editorial policy\nText.": "2025-08-15",
        "Gut notes\n  • Editorial Staff\n  • January 2014\n  • 5 min read\nText.": "2014-01-01",
        "Gut notes\nAm Fam Physician. 2016;93(10):840-850\nText.": "2016-01-01",
        "Gut notes\n. 2019 Jun 13;25(4):486–503.\nText.": "2019-06-13",
    }
    for text, want in cases.items():
        assert cred(kb, text).date == want, text


def test_bylines_real_pages_write(kb):
    cases = {
        "Celiac questions\n\nKaterina Dale MEd, RDN, LDN\nQ: Is it inherited?": "Katerina Dale",
        "Abbreviations\nLast Updated on May 16, 2025 by Example Pharmacy team\nText.": "Example Pharmacy team",
        "Is lupus contagious?\n  • Medical Author:\n    Charles Dunmore, MD, PhD\nText.": "Charles Dunmore",
        "A cohort study\nAna Ruiz 1,2, Ben Cole 3, Chen Wu 1\nAbstract text.": "Ana Ruiz",
        "Gluten\nContributors: Rhea Bell, MS, RDN and Sam Kim, RDN\nText.": "Rhea Bell",
        "Ask the Doctor\nDo fruits make your mouth itch? Dr. Lena M. Okafor answers your questions.": "Dr. Lena M. Okafor",
    }
    for text, want in cases.items():
        assert cred(kb, text).author == want, text


def test_citation_marks_and_named_organisations_are_sources(kb):
    for body in (
        "Food intolerance does not involve the immune system.3,5 Allergy does.3 More text here.",
        "It affects 2% of women1. It is linked to pain2. More text here.",
        "Minerals matter here [1, 2, 3, 4].",
        "Those fears are needless [source: National Vitiligo Foundation].",
        "One in ten relatives has it, according to the Celiac Disease Foundation.",
        "The American College of Rheumatology has developed criteria for the diagnosis.",
    ):
        assert cred(kb, "Notes\n" + body).cites_sources, body
    # the page's own journal header is not a citation of someone else
    header = "Skip to main content\nExample Journal\n. 2019 Jun 13;25(4):486–503. doi: 10.1093/x/y\nTitle\nBody text without any citation at all."
    assert not cred(kb, header).cites_sources


def test_agencies_by_short_name_source_lines_and_spaced_citation_numbers(kb):
    for body in (
        "Health topics\nPer the CDC\nWhat is it? A pelvic infection.",
        "Text about genes and risk.\nSource: Example Spondylitis Blog",
        "The American Academy of Asthma, Allergy, and Immunology (AAAAI) website has a chart.",
        "Intro.\nMore intro.\nThird.\nFourth.\nFifth.\nSixth.\nThe diet is the drug of choice. 1, 2\nIt is the only treatment. 1 Keep to it.",
    ):
        assert cred(kb, "Notes\n" + body).cites_sources, body
    # dates written with abbreviated months are not citation numbers
    news = "Campus news\nCases were reported Aug. 31 and Sept. 3 at the student health centre, and more Sept. 6 too."
    assert not cred(kb, news).cites_sources
    # a journal page's own citation line, ending with a stop, is its header
    own = "Review\nInt J Example Sci. 2021 Dec 24;23(1):179. doi: 10.3390/ijx2301\nAbstract text with no citation."
    assert not cred(kb, own).cites_sources
