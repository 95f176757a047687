"""Author and date shapes of real pages (issue 12, item 4): a scholarly page's author line in
the forms journals, indexes and repositories type it, and the date shapes below. Every text is
invented for this test; each negative is a near miss that an over-broad rule would take."""

import healthlens.pipeline  # noqa: F401  (binds healthlens.check, the function, before its submodules load)
from conftest import make_page
from healthlens.check.credibility import assess_credibility


def cred(kb, text, **page):
    p = make_page(text, kb)
    for k, v in page.items():
        setattr(p, k, v)
    return assess_credibility(p)


def author_signal(c):
    return next(s for s in c.signals if s["signal"] == "author")


def test_an_author_line_with_affiliation_marks(kb):
    text = (
        "Gut flora and joint pain: a review\n\n"
        "Ilse Marrow 1,2, Tobiah Quenby 3, Odile Fenwright 1,*\n"
        "PMCID: PMC000000\n\nAbstract\nWe review what is known."
    )
    c = cred(kb, text)
    assert c.author == "Ilse Marrow"
    s = author_signal(c)
    assert text[s["start"] : s["start"] + len("Ilse Marrow")] == "Ilse Marrow"
    # letters as marks, a bare initial before a name, accented names
    c = cred(kb, "A review\nJosé Ibárruri a,b, M Karel Vondrák c, Ana Sáez a\nAbstract\nText.")
    assert c.author == "José Ibárruri"


def test_credentials_and_marks_glued_after_them(kb):
    c = cred(
        kb,
        "Coding hypersensitivity\nSpecial article\n"
        "Orla Penhaligon, MD, PhDa,b, Tomasz Wrenick, MDc, and\nMore text here.",
    )
    assert c.author == "Orla Penhaligon"
    c = cred(kb, "Implant illness\nDaniel WH Orr MD BDS1, Kit K Lam MBBS FRACS2\nText.")
    assert c.author == "Daniel WH Orr"


def test_three_names_need_no_marks_when_one_has_an_initial(kb):
    c = cred(
        kb,
        "Drug reactions: a consensus\n\nAllergy 2014;69: 420–437\n\n"
        "Piet Varga, N. Olund Brask, Maren Holt, Jiro Tamaki\n\nDrug reactions are frequent.",
    )
    assert c.author == "Piet Varga"


def test_a_title_case_list_of_tips_names_no_author(kb):
    # three capitalised pairs without marks or initials: tips, not people
    c = cred(kb, "Living with reflux\nEat Slowly, Sleep Propped, Walk Daily\nReflux is common.")
    assert c.author is None
    c = cred(
        kb,
        "Living with reflux\nFive habits\n  1. Eat Slowly\n  2. Sleep Propped\n  3. Walk Daily\n"
        "Reflux is common.",
    )
    assert c.author is None


def test_two_names_without_marks_or_a_single_unmarked_name_are_no_author_line(kb):
    c = cred(kb, "Asthma at school\nGreta Holm, Ivo Marsh\nTeachers can help.")
    assert c.author is None
    # one name with a mark, but nothing of a journal's header under it
    c = cred(kb, "Asthma at school\nGreta Holm 1\nTeachers can help children with asthma.")
    assert c.author is None


def test_places_and_bodies_in_a_list_are_no_authors(kb):
    c = cred(
        kb,
        "Allergy clinics near you\nSan Remo 1, Port Ellis 2, Santa Vera 3\nCall to book.",
    )
    assert c.author is None


def test_a_numbered_author_list_one_name_a_line(kb):
    c = cred(
        kb,
        "Article Text\n\nRetinal disease and autoimmunity\n  1. Talia Morrow,\n"
        "  2. Kiran Pell,\n  3. Dafydd Oakes\n  1. Example Royal Hospital\n\nAbstract",
    )
    assert c.author == "Talia Morrow"


def test_a_repositorys_email_author_mark(kb):
    c = cred(
        kb,
        "Oral lichen planus\n\n  • Mikael J. RostovEmail author\n  • Hana S. Oduya\nEntry\nText.",
    )
    assert c.author == "Mikael J. Rostov"


def test_an_affiliation_line_names_no_author(kb):
    # a numbered affiliation list under the title: the university is no author
    c = cred(
        kb,
        "Familial Behcet disease\n\n1.\n\nExample University, School of Medicine, Ankara\n\nText.",
    )
    assert c.author is None
    # while a person's name before an affiliation still is one
    c = cred(
        kb,
        "Familial Behcet disease\n\nAyla Demirtas, Example University, School of Medicine\nText.",
    )
    assert c.author == "Ayla Demirtas"


def test_credentials_typed_in_capitals(kb):
    c = cred(kb, "Can dry eye be cured?\n\nBrenna Colt, MD PHD\n\nDry eye is common.")
    assert c.author == "Brenna Colt"


def test_a_writing_cue_may_name_the_site_itself(kb):
    text = "Is gout an allergy?\n\nWritten by\nPelham Pharmacy\nPublished on\n2/3/2026\n\nNo."
    c = cred(kb, text, url="https://pelhampharmacy.example/gout")
    assert c.author == "Pelham Pharmacy"
    c = cred(
        kb,
        "Risk factors\n\nBy Orwell Clinic staff\n\nAge matters.",
        url="https://orwellclinic.example/a",
    )
    assert c.author == "Orwell Clinic staff"


def test_the_sites_name_as_a_header_or_reviewer_is_no_author(kb):
    # the site's own name over the page, or as an anonymous reviewer, signs nothing
    c = cred(
        kb,
        "Is gout an allergy?\nPelham Pharmacy\nReviewed by Pelham Pharmacy\nNo, it is not.",
        url="https://pelhampharmacy.example/gout",
    )
    assert c.author is None


def test_a_doctor_whose_practice_bears_her_name(kb):
    c = cred(
        kb,
        "Can uveitis be cured?\n\nIrena Castell, MD\n\nText.",
        url="https://irenacastellmd.example/x",
    )
    assert c.author == "Irena Castell"


def test_a_review_label_opening_its_line(kb):
    c = cred(
        kb,
        "Guillain-Barre syndrome\nIt follows an infection in about half of cases.\n\n"
        "Publication Review By: Hollis R. Vane, M.D.\n\nPublished: 01 Jan 2001",
    )
    assert c.author == "Hollis R. Vane"
    # "a review by" in running text cites a study, it signs nothing
    c = cred(
        kb,
        "Guillain-Barre syndrome\nA review by Hollis Vane found that it follows infection.\n",
    )
    assert c.author is None


def test_a_name_repeated_under_its_avatar(kb):
    c = cred(kb, "Is HPV contagious?\n\nDr. Lena Ostrova\nDr. Lena Ostrova Verified\n\nYes.")
    assert c.author == "Dr. Lena Ostrova"
    c = cred(kb, "Celiac forum\n  • Ilse Marrow\n    Ilse Marrow\n\nMy story.")
    assert c.author == "Ilse Marrow"


def test_a_repeated_heading_or_share_bar_is_no_name(kb):
    c = cred(kb, "Celiac forum\nFacebook Twitter\nFacebook Twitter\n\nMy story with it.")
    assert c.author is None
    c = cred(kb, "Page\nGluten Free Living\nGluten Free Living\n\nText.")
    assert c.author is None
    # a heading said again as its label, with a colon
    c = cred(kb, "Hives\n\nSkin Changes\n\nSkin Changes:\n\nThe welts are raised.")
    assert c.author is None
    # a badge after the second name still marks a person's
    c = cred(kb, "Hives\n\nIlse Marrow\nIlse Marrow ✓\n\nThe welts are raised.")
    assert c.author == "Ilse Marrow"


def test_names_over_a_dated_line(kb):
    c = cred(
        kb,
        "Hypersensitivity pneumonitis\n\nMarek Olund-Vrba\n\nJonas G. Pellam\n\n"
        "Published: January 2014\n\nDefinition",
    )
    assert c.author == "Jonas G. Pellam"
    c = cred(kb, "What is new in uveitis?\n\n01 Jul 2020\n\nOrtega, F.\n\nBackground.")
    assert c.author == "Ortega, F."


def test_a_heading_over_a_dated_line_is_no_name(kb):
    c = cred(kb, "Is rosacea an allergy?\n\nKey Facts\n\nMay 4, 2024\n\nRosacea is not.")
    assert c.author is None
    c = cred(kb, "Colitis\n\nPatient Guide\nUpdated May 4, 2024\n\nText.")
    assert c.author is None


def test_a_role_alone_names_no_one(kb):
    c = cred(kb, "Is there a cure?\n\nby Medical Editor\n\nResearch goes on.")
    assert c.author is None


def test_a_date_label_over_its_date(kb):
    filler = "".join(f"Section {i}\nUnder review\n" for i in range(14))
    text = f"Aplastic anemia\nSummary\n{filler}Last Updated\nDecember 20, 2022\nReferences"
    c = cred(kb, text)
    assert c.date == "2022-12-20"
    s = next(s for s in c.signals if s["signal"] == "date")
    assert text[s["start"] : s["end"]] == "December 20, 2022"
    # a label whose next line opens with no date: nothing
    c = cred(kb, f"Aplastic anemia\nSummary\n{filler}Last Updated\nSee the list below, 2022\n")
    assert c.date is None


def test_a_date_a_sentence_tells_of_is_not_the_pages(kb):
    c = cred(
        kb,
        "Methods: a health records network found adults infected between January 1, 2020 "
        "and May 2, 2023 and followed them for a year or more.\nResults follow.",
    )
    assert c.date is None
    c = cred(
        kb, "Donate\nSince 01.06.2021 the site is run by a charity.\nADHD and the immune system"
    )
    assert c.date is None


def test_a_dateline_or_dated_header_is_still_the_pages(kb):
    c = cred(
        kb,
        "Gluten news\n    Example.com 05/01/2024 - If you have had celiac disease for years, you "
        "may have noticed the confusion about it among people unfamiliar with the diet.",
    )
    assert c.date == "2024-05-01"
    c = cred(kb, "ALS news\n- On October 1, 2025, researchers reported a new finding in mice.")
    assert c.date == "2025-10-01"


def test_a_credentialed_name_line_below_a_spaced_header(kb):
    # a scraped header spaces its lines with blank ones: the name stands past the twelfth line
    text = "Site map | Home\n\nExample Allergy Body\n\nDisease Summaries\n\n"
    text += "Aspirin sensitive asthma\n\nShare\n\nPosted: October 2013\n\n\n\n"
    text += "Marek L. Kowal, MD, PhD\nProfessor of Allergy\n\nDefinition\nText."
    assert cred(kb, text).author == "Marek L. Kowal"


def test_a_surname_first_author_list(kb):
    c = cred(
        kb,
        "The Churg Strauss Syndrome\n\nEUSTON, JOSEPH A.*; NADAL, TIBOR; CHOY, MICHAEL*\n\nText.",
    )
    assert c.author == "EUSTON, JOSEPH A."
    c = cred(kb, "A review\nRuiz, Ana M.; Cole, Ben\nAbstract.")
    assert c.author == "Ruiz, Ana M."
    # conditions listed with their letters are no names
    c = cred(kb, "Related\nLupus, SLE; Crohn, CD\nText.")
    assert c.author is None


def test_a_first_name_alone_in_a_dated_byline(kb):
    c = cred(
        kb, "Joint Health\n\nWhy osteoarthritis is not autoimmune\n\nBy Hart 6 min read\n\nText."
    )
    assert c.author == "Hart"
    c = cred(kb, "Is hepatitis curable?\n\nJeannette | Posted on November 11, 2022\n\nText.")
    assert c.author == "Jeannette"


def test_a_word_after_by_without_a_date_or_a_section_before_posted_is_no_name(kb):
    c = cred(kb, "Joint Health\n\nWhy osteoarthritis is not autoimmune\n\nBy Design\n\nText.")
    assert c.author is None
    c = cred(kb, "Is hepatitis curable?\n\nHepatitis | Posted on November 11, 2022\n\nText.")
    assert c.author is None
    c = cred(kb, "Is it catching?\n\nCaused by Bacteria 6 min read\n\nText.")
    assert c.author is None


def test_a_forum_user_name_over_a_dated_post(kb):
    c = cred(kb, "Vitiligo in dogs\n66\nu/Patchy_Pup_12 Jun 26 '24\nMy dog has white patches.")
    assert c.author == "u/Patchy_Pup_12"
    # a subreddit's name is no user
    c = cred(kb, "Vitiligo in dogs\nPosted in r/dogs Jun 26 '24\nMy dog has white patches.")
    assert c.author is None


def test_a_post_headers_date_with_a_two_figure_year(kb):
    c = cred(kb, "Vitiligo in dogs\n66\nu/Patchy_Pup_12 Jun 26 '24\nMy dog has white patches.")
    assert c.date == "2024-06-26"
    # the same date told of inside a sentence is not the page's
    c = cred(
        kb,
        "Vitiligo in dogs\nThe group first reported on Jun 26 '24 that the patches spread "
        "slowly in most of the older dogs it followed.",
    )
    assert c.date is None


def test_a_role_beside_a_name_keeps_the_name(kb):
    # markup (a meta tag) gives the name with its role: still a named author
    c = cred(kb, "Is hay fever an allergy?\nYes.", author="Ines Varga, Staff Writer")
    assert c.author == "Ines Varga, Staff Writer"
    c = cred(kb, "Is hay fever an allergy?\nYes.", author="Senior Staff Writer")
    assert c.author is None


def test_a_byline_with_two_verbs_joined(kb):
    c = cred(
        kb, "Hives\n\nThis page was reviewed and approved by Ilse Marrow, MD (3/2/2020).\nText."
    )
    assert c.author == "Ilse Marrow"
    c = cred(kb, "Hives and heat\nWritten & edited by Tomasz Quenby\nHives itch in the heat.")
    assert c.author == "Tomasz Quenby"
    # a body approving a drug is no byline: the name after "by" must be a person's or a team's
    c = cred(kb, "Hives drugs\nThe drug was tested and approved by the Example Agency in 2019.")
    assert c.author is None


def test_a_user_name_in_lower_case_closing_a_byline(kb):
    c = cred(kb, "What is hives?\n\nBy quenby\n2. Causes\n\nHives are itchy welts on the skin.")
    assert c.author == "quenby"
    c = cred(kb, "Last updated on May 2, 2025 by tmarrow\n\nHives are itchy welts on the skin.")
    assert c.author == "tmarrow"
    # a site's generic account, and "by" after a word that leads no byline, name no one
    assert cred(kb, "What is hives?\n\nPosted by admin\n\nHives itch.").author is None
    assert cred(kb, "What is hives?\n\nResults sorted by relevance\n\nHives itch.").author is None


def test_credentials_with_the_pages_date_label_run_on(kb):
    c = cred(kb, "Hives and cold\nIlse Marrow, MD Page last modified: May 4, 2024\n\nHives itch.")
    assert c.author == "Ilse Marrow"
    # a sentence that runs on past the label is running text, not a byline
    text = (
        "Hives and cold\nIlse Marrow, MD updated the guidance for every clinic in the region "
        "last spring, after the study of cold hives ended.\n\nHives itch."
    )
    assert cred(kb, text).author is None


def test_a_current_as_of_label_dates_the_page_wherever_it_stands(kb):
    body = "".join(f"Hives fact number {i} is here for the reader.\n" for i in range(25))
    c = cred(kb, "Hives\n" + body + "\nCurrent as of: January 10, 2022\n\nAuthor: Example staff")
    assert c.date == "2022-01-10"
    # a year alone after the words is no page date
    c = cred(kb, "Hives\n" + body + "\nThese figures were current as of 2019 in most states.")
    assert c.date is None


def test_a_month_and_year_alone_on_a_line_of_the_header(kb):
    head = "".join(f"Menu item {i}\n" for i in range(9))
    c = cred(kb, "Hives basics\n" + head + "  • January 2014\n\nHives are itchy welts.")
    assert c.date == "2014-01-01"
    # in a sentence, the month and year are what the text tells of
    c = cred(kb, "Hives basics\n" + head + "January 2014 was the worst month for my hives.")
    assert c.date is None


def test_an_empty_author_field_before_the_next_label_names_no_one(kb):
    c = cred(kb, "Hives and colds\n\nCategory: Skin Authors: Source Type: research\n\nText.")
    assert c.author is None
    # a name run on into the date's label, or a name with its field filled, is still read
    c = cred(kb, "Hives and colds\n\nEditor: Ilse Marrow Updated: 5/4/2024\n\nText.")
    assert c.author == "Ilse Marrow"
    c = cred(kb, "Hives and colds\n\nAuthors: Ilse Marrow\nSource Type: research\n\nText.")
    assert c.author == "Ilse Marrow"


def test_an_author_line_closed_by_a_study_groups_credit(kb):
    line = "Ilse W Marrow 1,*, Tobiah D Quenby 2, Odile A Fenwright 3; for the Hives Study Group1"
    c = cred(kb, "Cold hives in adults\n\n" + line + "\nPMCID: PMC000000\n\nAbstract\nWe looked.")
    assert c.author == "Ilse W Marrow"
    # names followed by some other words are no author line
    line = "Ilse W Marrow 1,*, Tobiah D Quenby 2, Odile A Fenwright 3; for the hives we saw"
    c = cred(kb, "Cold hives in adults\n\n" + line + "\n\nWe looked at adults.")
    assert c.author is None


def test_an_author_label_as_publishers_in_other_languages_print_it(kb):
    head = "Cold hives in adults\n\nErschienen in: Skin Review 1/2020\n"
    c = cred(kb, head + "verfasst von: Ilse Marrow, Tobiah Quenby\n\nSummary\nWe looked.")
    assert c.author == "Ilse Marrow"
    c = cred(kb, "Cold hives in adults\nАвтори: Ilse Marrow, Tobiah Quenby\n\nWe looked.")
    assert c.author == "Ilse Marrow"
    # a word that opens like the label, with no colon, names no one
    c = cred(kb, "Cold hives in adults\n\nAutoreactive Marrow Cells\n\nWe looked at them.")
    assert c.author is None


def test_a_physicians_degrees_and_fellowships_after_the_name(kb):
    c = cred(
        kb, "Cold hives\n\nIlse A Marrow, MD, MMedSc, FRCPI\nSection Editor\n\nHives are raised."
    )
    assert c.author == "Ilse A Marrow"
    c = cred(kb, "Cold hives\n\nTobiah Quenby, MD, MACP\n\nHives are raised welts.")
    assert c.author == "Tobiah Quenby"
    # capitals after a name that are no degree leave the line unread
    c = cred(kb, "Cold hives\n\nIlse A Marrow, MD, XQZW\n\nHives are raised.")
    assert c.author is None


def test_fellowships_the_list_does_not_hold_after_a_known_credential(kb):
    # a college's fellowship is "F" and its capitals: after a credential the list knows, the
    # run still names the line's author, with or without a comma after the name
    c = cred(kb, "Cold hives\n\nIlse Marrow FRACP, FQHX, FABCDE, PhD\n\nHives are raised welts.")
    assert c.author == "Ilse Marrow"
    c = cred(kb, "Cold hives\n\nTobiah Quenby, MD, FXYZA\n\nHives are raised welts.")
    assert c.author == "Tobiah Quenby"
    # an unknown fellowship alone, or other capitals after the known one, name no one
    assert cred(kb, "Cold hives\n\nIlse Marrow FQHX\n\nHives are raised welts.").author is None
    assert cred(kb, "Cold hives\n\nIlse Marrow, MD, QHXW\n\nHives are raised.").author is None


def test_a_citation_records_author_tag(kb):
    c = cred(kb, "TY - JOUR\nT1 - Cold hives in adults\nAU - Marrow, Ilse\nAU - Quenby, Tobiah\n")
    assert c.author == "Marrow, Ilse"
    c = cred(kb, "RT Book, Section A1 Marrow, Ilse K. A1 Quenby, Tobiah T1 Cold hives\n\nText.")
    assert c.author == "Marrow, Ilse K"
    # the letters opening a longer word are no tag
    c = cred(kb, "Cold hives\n\nAUG - Marrow, Ilse\n\nText.")
    assert c.author is None
