"""Author and source shapes found among the misses of the held-out dev batch 9 that recur in dev
batches 1 to 8 too (issue 12, item 4). Every text is invented for this test; each positive has a
near-miss negative that an over-broad rule would take."""

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


# -- a journal page's header above its abstract is its record of itself, not its sources

_HEADER = (
    "Example Reports of Nerves (2019) 4: 12\n\n"
    "https://doi.org/10.9999/s12345-019-00042-1\n\n"
    "Review\n\n"
    "Muscle weakness in a rare nerve disease\n\n"
    "Ilse Marrow et al. Ex Rep Nerves. 2019 May.\n\n"
    "Correspondence\nIlse Marrow\nHarbour Street 5\nCampus Place 1\n12345 Example Town\n\n"
)
_ABSTRACT = (
    "Abstract\n\n"
    "This rare disease weakens the muscles of the hips and shoulders. Antibodies against the "
    "channels of the nerve endings cause it, and a third of the cases come with a tumour."
)


def test_a_journal_header_above_the_abstract_cites_nothing(kb):
    # its own DOI, issue line, affiliation marks and address numbers are the page's own record
    c = cred(kb, _HEADER + _ABSTRACT)
    assert not c.cites_sources


def test_a_citation_under_the_abstract_heading_still_counts(kb):
    # near miss: the same header, and a reference in the abstract's text
    c = cred(kb, _HEADER + _ABSTRACT + " A 2015 study in The Lancet found the same.")
    assert c.cites_sources
    s = signal(c, "sources")
    assert s["start"] > len(_HEADER)


def test_a_site_banner_sentence_above_the_header_stays_running_text(kb):
    # a sentence of running text above the header (a site's banner) ends what is blanked: a
    # source named in it still counts
    banner = (
        "According to the Example Health Foundation, the nerve disease described below affects "
        "about one person in a hundred thousand every year across the country.\n\n"
    )
    c = cred(kb, banner + _HEADER + _ABSTRACT)
    assert c.cites_sources
    assert signal(c, "sources")["start"] < len(banner)


# -- a research portal's record fields ("JournalX", glued) name the page's own journal

_PORTAL = (
    "Autoimmunity in a vessel disease\n\n"
    "Ilse Marrow, Tobiah R. Quenby\n\n"
    "Research output: Contribution to journal › Review article › peer-review\n\n"
    "The causes of this inflammation of small vessels in smokers are not known. Antibodies "
    "against the vessel wall are found in some patients with active disease.\n\n"
    "Original languageEnglish (US)\n"
    "Pages (from-to)15-25\n"
    "Number of pages11\n"
)


def test_a_portal_record_naming_its_journal_cites_nothing(kb):
    c = cred(kb, _PORTAL + "JournalThe Lancet\nIssue number1\nStatePublished - May 2013")
    assert not c.cites_sources


def test_the_same_journal_named_in_running_text_cites(kb):
    # near miss: a sentence that names the journal as where a study stands
    c = cred(
        kb,
        _PORTAL.replace("Original language", "Language ")
        + "A 2013 study in The Lancet found antibodies in half of the patients.",
    )
    assert c.cites_sources


# -- a book chapter's author: one bulleted name under the title, over the publisher's label


def test_a_bulleted_name_over_a_chapter_label_is_the_author(kb):
    text = (
        "Advertisement\n\nBone Inflammation Without Infection (BIWI)\n\n"
        "  • Ilse J. Marrow\nChapter\n\nAbstract\n\n"
        "Bone inflammation without infection is a rare disease of children."
    )
    c = cred(kb, text)
    assert c.author == "Ilse J. Marrow"
    s = signal(c, "author")
    assert text[s["start"] : s["start"] + len("Ilse J. Marrow")] == "Ilse J. Marrow"


def test_a_bulleted_name_over_a_numbered_chapter_heading_is_no_author(kb):
    # near miss: a table of contents' entry, the chapter's own number and title under it
    c = cred(
        kb,
        "Bone Inflammation Without Infection\n\n  • Ilse J. Marrow\nChapter 3: What to eat\n\n"
        "Bone inflammation without infection is a rare disease of children.",
    )
    assert c.author is None


def test_one_name_glued_to_email_author_needs_no_initial(kb):
    text = (
        "A Rash With Fever\n\n  • Marie-Ange Dupont-RoyEmail author\n\n"
        "This rash with fever was first described in 1964 and is now called autoinflammatory."
    )
    c = cred(kb, text)
    assert c.author == "Marie-Ange Dupont-Roy"


def test_one_bulleted_name_without_the_email_mark_is_no_author(kb):
    # near miss: the same name alone over running text (a patient's or a topic's name)
    c = cred(
        kb,
        "A Rash With Fever\n\n  • Marie-Ange Dupont-Roy\n\n"
        "This rash with fever was first described in 1964 and is now called autoinflammatory.",
    )
    assert c.author is None


# -- an author box's sentence: a name with an initial, or "is the author of"


def test_an_author_box_with_an_initial_or_the_author_of_names_the_author(kb):
    body = "\n\nHair loss runs in families on both sides, and one gene counts most."
    c = cred(
        kb, "Where baldness comes from\n\nT. Ilse Marrow is a writer living by the sea." + body
    )
    assert c.author == "T. Ilse Marrow"
    c = cred(
        kb,
        "Can a fast heartbeat be cured?\n\nExpert Answers\n\n"
        "Dr. Ilse Marrow is the author of a popular blog on ageing well." + body,
    )
    assert c.author == "Dr. Ilse Marrow"
    s = signal(c, "author")
    assert s["start"] is not None and "Ilse Marrow" in s["text"]


def test_a_name_that_is_not_presented_as_the_writer_is_no_author(kb):
    # near misses: the same opening, with a role that is not a writer's, or a person whose
    # writing the page only reports
    body = "\n\nHair loss runs in families on both sides, and one gene counts most."
    c = cred(kb, "Where baldness comes from\n\nT. Ilse Marrow is a mother of three boys." + body)
    assert c.author is None
    c = cred(
        kb,
        "Where baldness comes from\n\nThe study's lead, T. Ilse Marrow, is the author of two "
        "earlier papers on the gene." + body,
    )
    assert c.author is None
    c = cred(
        kb,
        "Where baldness comes from\n\nDr. Ilse Marrow is the lead author of a new study of the "
        "gene." + body,
    )
    assert c.author is None


# -- a journal named after "the journal", in quotes or after a comma


def test_a_journal_named_in_quotes_or_after_a_comma_is_a_source(kb):
    c = cred(
        kb,
        "Bony spurs of the spine\n\nA study published in the journal “Example Radiology” found "
        "the spurs in one man in four over fifty.",
    )
    assert c.cites_sources
    assert signal(c, "sources")["text"].startswith("journal “Example")
    c = cred(
        kb,
        "Gallstones and immunity\n\nResearchers published their findings in the journal, "
        "Immunity, showing how white cells bind the crystals.",
    )
    assert c.cites_sources


def test_a_diary_called_the_journal_is_no_source(kb):
    # near miss: "the journal" as the reader's own diary, what follows it in lower case
    c = cred(
        kb,
        "Tracking your flares\n\nKeep the journal “as short as you can”, and write in the "
        "journal, every evening, what you ate.",
    )
    assert not c.cites_sources


# -- an issue line with a DOI under the page's running text is a reference list's entry

_ARTICLE = (
    "Bile duct scarring and the bowel\n\n"
    "This scarring of the bile ducts often comes with an inflamed bowel in the same person.\n\n"
    "It is not thought to be passed down directly, though genes play some part in who gets it.\n\n"
    "No medicine has been shown to slow it down, and a new liver is the only lasting help.\n\n"
)


def test_an_issue_line_with_a_doi_under_running_text_is_a_reference(kb):
    c = cred(kb, _ARTICLE + "2019;39(7):1938-1964. doi:10.9999/ex.2019180213\n")
    assert c.cites_sources
    assert signal(c, "sources")["start"] > len(_ARTICLE) - 2


def test_the_same_issue_line_over_the_running_text_is_the_page_s_own(kb):
    # near miss: a journal page's own issue line and DOI, at its top
    c = cred(kb, "Ex J Liver. 2019;39(7):1938-1964. doi:10.9999/ex.2019180213\n\n" + _ARTICLE)
    assert not c.cites_sources


# -- a reference entry under six shorter sentences of running text (a web article's sentences
# are often shorter than fourteen words)

_SHORT_SENTENCES = (
    "Itchy eyes in spring\n\n"
    "Pollen is the usual cause of itchy, watery eyes in spring.\n\n"
    "The eyelids may swell a little after a day outdoors.\n\n"
    "Cool cloths over closed eyes can ease the itch for a while.\n\n"
    "Rubbing the eyes tends to make the itch and redness worse.\n\n"
    "Antihistamine drops work best when started before the season.\n\n"
    "Most people find the symptoms fade once the pollen count falls.\n\n"
    "Rivera A, Cole B (eds). Eye allergy in adults.\n\n"
)


def test_an_issue_line_under_six_short_sentences_is_a_reference(kb):
    c = cred(kb, _SHORT_SENTENCES + "2018;12(4):410-418. doi:10.9999/ex.2018.0412\n")
    assert c.cites_sources
    assert signal(c, "sources")["start"] > len(_SHORT_SENTENCES) - 2


def test_an_issue_line_under_two_short_sentences_is_still_the_page_s_own(kb):
    # near miss: a journal page's banner holds a sentence or two above its own issue line
    banner = "".join(_SHORT_SENTENCES.split("\n\n")[i] + "\n\n" for i in (0, 1, 2))
    c = cred(kb, banner + "Ex J Eye. 2018;12(4):410-418. doi:10.9999/ex.2018.0412\n\nAbstract\n")
    assert not c.cites_sources


# -- a text run into one line: a DOI far along it from an issue line at its start belongs to
# another reference entry, not to the page's own record

_RUN_ON = (
    "2016;8(2):101-109. doi:10.9999/ex.2016.0101, Rivera A, Cole B. Hay fever and the family. "
    "Hay fever often runs in families, and a child with two affected parents is more likely to "
    "have it. Several genes seem to play a part, each adding a little to the risk. Pollen, dust "
    "and pets can all set off sneezing and a runny nose in someone who is sensitive. Many people "
    "find the symptoms ease as they get older, though some carry them for life. Nasal sprays and "
    "tablets can help during the worst weeks of the season. Tests on the skin or blood show "
    "which pollens are to blame. "
)


def test_a_doi_far_along_a_run_on_line_is_a_reference(kb):
    text = _RUN_ON + "Lopez C, et al. 2014;32:227-255. doi:10.9999/ex.2014.0227. Keep windows shut."
    c = cred(kb, "Hay fever in families\n\n" + text + "\n")
    assert c.cites_sources
    assert signal(c, "sources")["start"] > len(_RUN_ON)


def test_a_doi_beside_the_issue_line_at_the_top_is_still_the_page_s_own(kb):
    # near miss: the same run-on text with only the DOI that follows its opening issue line
    c = cred(kb, "Hay fever in families\n\n" + _RUN_ON + "Keep windows shut.\n")
    assert not c.cites_sources


def test_a_name_glued_to_email_author_before_the_lists_separator(kb):
    # a repository's author list, one name a line, each with its separator after the mark
    for sep, nxt in ((",", "  • Leo Brandt2,"), (" and", "  • Leo Brandt2")):
        text = (
            f"Red eyes and the gut\n\n  • Ines Walder1Email author{sep}\n{nxt}\n"
            "Red eyes and an inflamed gut often come together in the same person."
        )
        assert cred(kb, text).author == "Ines Walder", sep


def test_email_author_inside_a_sentence_names_no_one(kb):
    # near miss: the words run on into a sentence after the name
    text = (
        "Red eyes and the gut\n\n  • Ines WalderEmail author of this page for the full paper\n"
        "Red eyes and an inflamed gut often come together in the same person."
    )
    assert cred(kb, text).author is None
