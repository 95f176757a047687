"""Which reading of the question's letters a page uses (understand/topic.py ``read_letters``, and
the understand step for the question that applies it, understand/for_question.py)."""

from __future__ import annotations

from conftest import make_page
from healthlens.question import parse_question
from healthlens.understand.for_question import question_letters
from healthlens.understand.topic import letters_on_page, read_letters


def _reading(kb, text: str, question: str):
    page = make_page(text, kb, question=question)
    q = parse_question(question, kb)
    return page, read_letters(page, q.concept_id, question_letters(q, kb), kb)


def test_letters_in_capitals_count_the_word_does_not():
    text = "As a rule, AS starts before 45. It is known as AS, or as-yet unnamed."
    spans = letters_on_page(text, "AS")
    assert [text[s:e] for s, e in spans] == ["AS", "AS"]
    assert spans[0][0] == text.index("AS starts")


def test_own_definition_of_another_reading_makes_the_page_off_topic(kb):
    text = (
        "Group B strep in pregnancy\n"
        "Group B strep (GBS) is a bacterium that lives in the gut of healthy adults. "
        "GBS can pass to a newborn during birth, so pregnant women are swabbed for GBS. "
        "GBS infection in a baby is treated with antibiotics."
    )
    page, reading = _reading(kb, text, "Is GBS curable?")
    assert reading is not None and reading.how == "definition" and not reading.asked
    assert text[reading.start : reading.end] == "Group B strep"
    assert page.on_topic is False
    assert page.main_condition != "guillain_barre_syndrome"


def test_reading_named_in_full_more_often_than_the_asked_one_decides(kb):
    # no definition in parentheses: the page names one reading three times, the asked one once
    text = (
        "What is ACD in medicine?\n"
        "In blood tests, the letters ACD mean anemia of chronic disease. "
        "Anemia of chronic disease follows long infections or cancer. "
        "Another reading, allergic contact dermatitis, belongs to skin clinics. "
        "ACD is treated by treating the illness behind the anemia of chronic disease."
    )
    page, reading = _reading(kb, text, "Is ACD an allergy?")
    assert reading is not None and reading.how == "named" and not reading.asked
    assert text[reading.start : reading.end].lower() == "anemia of chronic disease"
    assert page.on_topic is False
    assert all(
        m.concept_id != "allergic_contact_dermatitis" for m in page.mentions if m.text == "ACD"
    )


def test_words_of_the_asked_condition_decide_unexplained_letters(kb):
    # AGS is never spelled out, and no reading is named: the words are alpha-gal syndrome's
    text = (
        "Tick season warning\n"
        "AGS follows a lone star tick bite. People with AGS react hours after eating red meat "
        "or other products from mammals. AGS reactions can be severe."
    )
    page, reading = _reading(kb, text, "Is AGS an allergy?")
    assert reading is not None and reading.how == "vocabulary" and reading.asked
    assert {"tick", "meat"} <= {w.lower() for w in reading.words}
    assert text[reading.start : reading.end] == reading.words[0]
    assert page.main_condition == "alpha_gal_syndrome" and page.on_topic is True
    assert [m.via for m in page.mentions if m.text == "AGS"] == ["letters_read_as"] * 3


def test_words_of_the_asked_conditions_own_names_decide_unexplained_letters(kb):
    # TM is never spelled out and the page names no condition in full; its words are the
    # condition's own ("myelitis", "spinal cord"), which several other records also use: they
    # still tell transverse myelitis from the tympanic membrane
    text = (
        "Getting better after TM\n"
        "TM inflames one stretch of the spinal cord. Most people have a single attack of the "
        "myelitis; steroids are given early, and bladder trouble may take months to settle."
    )
    page, reading = _reading(kb, text, "Is TM curable?")
    assert reading is not None and reading.how == "vocabulary" and reading.asked
    assert {"spinal", "cord", "myelitis"} <= {w.lower() for w in reading.words}
    assert page.main_condition == "transverse_myelitis" and page.on_topic is True


def test_letters_without_definition_name_or_telling_words_stay_unread(kb):
    text = "Notes\nAGS was discussed at the meeting. AGS will be discussed again next week."
    page, reading = _reading(kb, text, "Is AGS an allergy?")
    assert reading is None
    assert page.on_topic is False


def test_wrong_expansion_on_a_page_that_names_the_asked_condition_keeps_it(kb):
    # "muscular sclerosis" is no reading of MS: the page means multiple sclerosis all along
    text = (
        "Living with MS\n"
        "MS (muscular sclerosis) is a disease in which the immune system attacks myelin. "
        "My neurologist confirmed multiple sclerosis after an MRI. MS fatigue is real."
    )
    page, reading = _reading(kb, text, "Is MS autoimmune?")
    assert reading is not None and reading.asked
    assert page.on_topic is True and page.main_condition == "multiple_sclerosis"


def test_definition_in_a_question_title_restates_the_question(kb):
    text = (
        "Is Guillain-Barré syndrome (GBS) an autoimmune disease?\n"
        "GBS stands for group B Streptococcus, a type of bacteria. Pregnant women carry GBS "
        "bacteria, and GBS can infect a newborn. GBS is a bacterial infection."
    )
    page, reading = _reading(kb, text, "Is Guillain-Barré syndrome an autoimmune disease?")
    assert reading is not None and not reading.asked and reading.how == "definition"
    assert text[reading.start : reading.end] == "group B Streptococcus"
    assert page.on_topic is False


def test_readers_short_name_names_the_condition_on_the_page(kb):
    text = (
        "Skin lumps in the armpit\n"
        "Hidradenitis starts as painful lumps under the skin. Hidradenitis is treated with "
        "antibiotics and surgery, and hidradenitis flares less after weight loss."
    )
    page = make_page(text, kb, question="Can hidradenitis be cured?")
    linked = [m for m in page.mentions if m.via == "question_words"]
    assert [m.text for m in linked] == ["Hidradenitis", "Hidradenitis", "hidradenitis"]
    assert {m.concept_id for m in linked} == {"hidradenitis_suppurativa"}
    assert page.on_topic is True


def test_a_short_name_the_terminology_holds_is_linked_as_a_name(kb):
    # "H. pylori" is a lay name of the infection: every page that writes it names it, whatever
    # the question's words
    text = (
        "Stomach bug treatment\n"
        "H. pylori lives in the stomach lining. H. pylori is cleared with two antibiotics and "
        "an acid blocker, and a breath test shows whether H. pylori is gone."
    )
    page = make_page(text, kb, question="Can Helicobacter pylori infection be cured?")
    linked = [m for m in page.mentions if m.concept_id == "helicobacter_pylori_infection"]
    assert [(m.text, m.via) for m in linked] == [("H. pylori", "name")] * 3
    assert page.on_topic is True


def test_letters_on_page_finds_what_a_case_blind_scan_keeping_exact_forms_finds():
    import random
    import re

    from healthlens.understand.topic import letters_on_page

    rng = random.Random(7)
    pieces = [
        "CD",
        "cd",
        "Cd",
        "CeD",
        "CDC",
        "-CD",
        "CD-",
        "_CD",
        "x",
        " ",
        ".",
        "(",
        ")",
        "é",
        "1",
    ]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        plain = [
            (m.start(), m.end())
            for m in re.finditer(r"(?<![\w-])CD(?![\w-])", text, re.I)
            if m.group() in {"CD", "CeD", "x"}
        ]
        # the record's other abbreviations ("AIDP" for GBS) are not these letters
        assert letters_on_page(text, "CD", ["CeD", "x"]) == sorted(set(plain)), text
    # forms that may overlap themselves and differ only in case ("A A" in "A A A"), each found
    for _ in range(2000):
        text = "".join(
            rng.choice(["A A", "a A", " ", "A", "-", "x"]) for _ in range(rng.randint(0, 10))
        )
        plain = []
        for form in ("A A", "a A"):
            i = text.find(form)
            while i != -1:
                j = i + len(form)
                if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-")) and (
                    j == len(text) or not (text[j].isalnum() or text[j] in "_-")
                ):
                    plain.append((i, j))
                i = text.find(form, i + 1)
        assert letters_on_page(text, "A A", ["a A"]) == sorted(set(plain)), text


def test_readers_short_name_is_found_without_its_stop(kb):
    text = (
        "Stomach bug treatment\n"
        "H pylori lives in the stomach lining. Whether H.pylori is gone is shown by a breath "
        "test, and the pylori bacterium may return."
    )
    page = make_page(text, kb, question="Can H. pylori be cured?")
    # (a lay name of the infection in the terminology now, linked as a name in every form; the
    # reader's own words are linked the same way where the terminology lacks them)
    linked = [m for m in page.mentions if m.concept_id == "helicobacter_pylori_infection"]
    # the bare species name ("the pylori bacterium") is not a name of it: not linked
    assert [m.text for m in linked] == ["H pylori", "H.pylori"]


def test_letters_on_page_reads_a_page_once_for_the_same_letters(monkeypatch):
    """The question's letters are looked for on a page by several stages: the second ask of
    the same text and forms is answered from the first, as a list of its own, and a new text,
    or other forms, is read again."""
    from healthlens.understand import topic

    calls = []
    real = topic.find_any

    def counting(text, needles):
        calls.append(text)
        return real(text, needles)

    monkeypatch.setattr(topic, "find_any", counting)
    text = "".join(["CD and cd. ", "Celiac disease (Cd) is not CDC. ", "CD x "]) * 3
    first = topic.letters_on_page(text, "CD", ["Cd", "AIDP"])
    assert [text[a:b] for a, b in first] == ["CD", "Cd", "CD"] * 3
    assert first[:3] == [(0, 2), (27, 29), (43, 45)]
    first.append((1, 1))  # a caller's changes stay its own
    again = topic.letters_on_page(text, "CD", ["AIDP", "Cd"])
    assert again == first[:-1] and len(calls) == 1
    # other forms: read again (capitals only)
    assert topic.letters_on_page(text, "CD") == [s for s in again if text[s[0] : s[1]] == "CD"]
    copy = "".join([text[:5], text[5:]])  # the same letters in a new text: read again
    assert copy is not text and topic.letters_on_page(copy, "CD", ["Cd"]) == again
    assert len(calls) == 3
