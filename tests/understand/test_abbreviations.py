from pathlib import Path

import pytest

from healthlens.understand.abbreviations import align, find_definitions
from healthlens.understand.expansions import judge_definitions
from healthlens.understand.sentences import split_sentences


def defs(text):
    return [(a.short, a.long, a.pattern) for a in find_definitions(split_sentences(text))]


@pytest.mark.parametrize(
    "text, short, long",
    [
        (
            "Patients with inflammatory bowel disease (IBD) often have fatigue.",
            "IBD",
            "inflammatory bowel disease",
        ),
        ("IBD (inflammatory bowel disease) is common.", "IBD", "inflammatory bowel disease"),
        (
            "Food protein-induced enterocolitis syndrome, often abbreviated as FPIES, affects infants.",
            "FPIES",
            "Food protein-induced enterocolitis syndrome",
        ),
        (
            "EoE stands for eosinophilic esophagitis and is an allergy.",
            "EoE",
            "eosinophilic esophagitis",
        ),
        (
            "Systemic lupus erythematosus, also known as SLE, is autoimmune.",
            "SLE",
            "Systemic lupus erythematosus",
        ),
    ],
)
def test_every_definition_form_is_found(text, short, long):
    found = defs(text)
    assert any(s == short and lf == long for s, lf, _ in found), found


def test_letter_alignment():
    assert align("IBD", "inflammatory bowel disease") == 0
    assert align("FPIES", "Fibromyalgia") is None


def test_offsets_of_short_and_long_forms():
    text = "Patients with rheumatoid arthritis (RA) and more."
    (ab,) = find_definitions(split_sentences(text))
    assert text[ab.start : ab.end] == "RA"
    assert text[ab.long_start : ab.long_end] == "rheumatoid arthritis"


def test_fibromyalgia_as_fpies_is_inconsistent_with_the_terminology(kb):
    text = "Fibromyalgia, often abbreviated as FPIES in some contexts, is a chronic condition."
    (ab,) = judge_definitions(find_definitions(split_sentences(text)), kb)
    assert ab.long == "Fibromyalgia" and not ab.aligned and not ab.consistent
    assert ab.long_concept == "fibromyalgia"
    assert "Food protein-induced enterocolitis syndrome" in ab.expected


def test_wrong_expansion_that_aligns_is_still_caught(kb):
    text = "IBD (irritable bowel disease) causes cramps."
    (ab,) = judge_definitions(find_definitions(split_sentences(text)), kb)
    assert ab.aligned and not ab.consistent


def test_other_meaning_of_ambiguous_letters_is_accepted(kb):
    text = "Samples were analysed by mass spectrometry (MS) in triplicate."
    (ab,) = judge_definitions(find_definitions(split_sentences(text)), kb)
    assert ab.consistent


def found(text):
    """(short, long) of every aligned definition, after checking that the offsets are exact."""
    out = []
    for a in find_definitions(split_sentences(text)):
        assert text[a.start : a.end] == a.short and text[a.long_start : a.long_end] == a.long, a
        if a.aligned:
            out.append((a.short, a.long))
    return out


@pytest.mark.parametrize(
    "text, short, long",
    [
        # letters that start words beat the shortest long form (Schwartz-Hearst: "Index of ...")
        (
            "Patients completed the International Index of Erectile Function (IIEF) questionnaire.",
            "IIEF",
            "International Index of Erectile Function",
        ),
        ("Antacids and proton pump inhibitors (PPIs) are used.", "PPIs", "proton pump inhibitors"),
        # a long form starts at the beginning of a word, chemical locants and Greek prefixes included
        ("Cells were cultured in 2,6-diaminopurine (DAP) for a week.", "DAP", "2,6-diaminopurine"),
        (
            "Homozygous alpha-1-antitrypsin deficiency (ATD) is rare.",
            "ATD",
            "alpha-1-antitrypsin deficiency",
        ),
        (
            "The α-tocopherol transfer protein (TTP) binds vitamin E.",
            "TTP",
            "α-tocopherol transfer protein",
        ),
        # ... but not a prefix the short form does not cover
        (
            "Few reported non-high-density lipoprotein (HDL) cholesterol.",
            "HDL",
            "high-density lipoprotein",
        ),
        ("Analysis of Ngn3/paired box factor 6 (PAX6) followed.", "PAX6", "paired box factor 6"),
        # brackets inside the short form and square brackets
        ("Ventilation and tidal volume (V(T)) were decreased.", "V(T)", "tidal volume"),
        ("The adjusted relative risk [RR] was 0.62.", "RR", "relative risk"),
        (
            "They had a forced expiratory volume in 1 second (FEV(1)) below 50%.",
            "FEV(1)",
            "forced expiratory volume in 1 second",
        ),
        # a symbol with a subscript names the subscript first
        ("Under low ambient temperature (T(a)) birds drank more.", "T(a)", "ambient temperature"),
        (
            "We raised intracellular Ca2+ concentration ([Ca2+]i) in neurons.",
            "[Ca2+]i",
            "intracellular Ca2+ concentration",
        ),
        # (SF; more), (SF, more), (more; SF)
        (
            "Addition of 4,4'-di-isothiocyano-2,2'-stilbene disulphonate (DIDS; 10 mumol/l) enhanced uptake.",
            "DIDS",
            "4,4'-di-isothiocyano-2,2'-stilbene disulphonate",
        ),
        ("Ingestion of sodium citrate (C, 0.4 g/kg) or placebo.", "C", "citrate"),
        (
            "We studied glutathione peroxidase (EC 1.11.1.9; GPx) in rats.",
            "GPx",
            "glutathione peroxidase",
        ),
        (
            "Lesions resembled posttransplant disease (posttransplant lymphoproliferative disorder, PTLD).",
            "PTLD",
            "posttransplant lymphoproliferative disorder",
        ),
        # digits: unmatched at the end, spelled as words, or as Roman numerals
        ("Sterling's triiodothyronine (T3) receptor was labelled.", "T3", "triiodothyronine"),
        ("The shape of two-dimensional (2D) trajectories was studied.", "2D", "two-dimensional"),
        (
            "A homolog of human factor VIII-associated gene A (F8A) maps nearby.",
            "F8A",
            "factor VIII-associated gene A",
        ),
        (
            "Scores on the 20-item Toronto Alexithymia Scale (TAS-20) were high.",
            "TAS-20",
            "20-item Toronto Alexithymia Scale",
        ),
        (
            "Mice lacking the type II TGFbeta receptor (Tgfbr2) in neural crest.",
            "Tgfbr2",
            "type II TGFbeta receptor",
        ),
        # lower-case and one-letter short forms
        ("The amino acid (aa) sequence is conserved.", "aa", "amino acid"),
        ("Heart rate fell by 0.3 beats per minute (bpm) on placebo.", "bpm", "beats per minute"),
        ("Soil manure introduces phosphorus (P) into water.", "P", "phosphorus"),
        # British spelling: the E of oestradiol
        ("Elevated oestradiol (E2) levels were found.", "E2", "oestradiol"),
        # a list before the bracket, and parts the short form swaps
        (
            "Participants in the Deese, Roediger, and McDermott (DRM) procedure recalled words.",
            "DRM",
            "Deese, Roediger, and McDermott",
        ),
        ("At the ninth embryonic day (E9) neurons were active.", "E9", "ninth embryonic day"),
        (
            "Lymphocytes secrete gamma-interferon (IFN-gamma) in culture.",
            "IFN-gamma",
            "gamma-interferon",
        ),
        ("Myotonic dystrophy (DM) is an autosomal dominant disorder.", "DM", "Myotonic dystrophy"),
        # an aside in brackets before the short form
        (
            "Disseminated intravascular coagulation (ko-ag-u-LA-shun) (DIC) is serious.",
            "DIC",
            "Disseminated intravascular coagulation",
        ),
        # short form first: the whole bracket, not its first word
        ("MS (muscular sclerosis) is a disease.", "MS", "muscular sclerosis"),
        (
            "Removal of BTEX (benzene, toluene, ethylbenzene, and p-xylene) from water.",
            "BTEX",
            "benzene, toluene, ethylbenzene, and p-xylene",
        ),
        ("We injected rh (recombinant human) IGF-1.", "rh", "recombinant human"),
        # the forms pages use besides brackets
        (
            "SLE, or systemic lupus encephalitis, is the most common form of lupus.",
            "SLE",
            "systemic lupus encephalitis",
        ),
        (
            "Systemic lupus erythematosus, or SLE, is autoimmune.",
            "SLE",
            "Systemic lupus erythematosus",
        ),
        (
            "Celiac disease (also called coeliac disease or CD) damages the gut.",
            "CD",
            "Celiac disease",
        ),
        ("Irritable bowel syndrome (IBS for short) is common.", "IBS", "Irritable bowel syndrome"),
        ("We report BMI = body mass index for all patients.", "BMI", "body mass index"),
    ],
)
def test_definition_and_its_long_form(text, short, long):
    assert (short, long) in found(text), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Platinum binds as Pt(II) ions in the complex.",  # a bracket glued to a name
        "The level of phosphorylated kinases (ERK)1/2 increased.",  # glued after
        "We measured 16 elements (Al, B, Ba, Ca, Cd) in soil.",  # a list of names
        "The difference was significant (P<0.05) in all groups.",  # statistics
        "Groups were compared as follows: (A) patients; (B) controls.",  # an enumeration
        "Fourteen patients had type II MS (MS II) at surgery.",  # the short form defines itself
        "Release of exosome-associated GM1 ganglioside (GM1) by cells.",
        "Muscles were weak, although other muscles (arm) were spared.",  # a word, not letters
        "The cellulose hollow fiber dialyzer (CL-EE) was used.",  # letters inside words only
        "Larvae were examined by scanning (SEM) and transmission (TEM) electron microscopy.",  # no swap from inner letters
    ],
)
def test_no_definition(text):
    assert found(text) == []


def test_a_street_name_after_a_definition_is_no_short_form():
    text = "Gamma-hydroxybutyrate (GHB), also known as G, Liquid Ecstasy, and Soap."
    assert found(text) == [("GHB", "Gamma-hydroxybutyrate")]


def test_a_long_form_does_not_start_inside_a_bracket():
    text = "Clearance of clozapine(CLP) and its N-demethylated metabolite (DCLP) was slow."
    assert found(text) == [("CLP", "clozapine")]


def test_letters_only_icd_gives_do_not_raise_a_conflict(kb):
    text = "Individuals with Hermansky-Pudlak syndrome (HPS) lack platelet dense granules."
    (ab,) = judge_definitions(find_definitions(split_sentences(text)), kb)
    assert ab.expected and ab.consistent  # ICD-10-CM gives HPS to hantavirus pulmonary syndrome too


def test_short_form_first_with_a_naming_cue(kb):
    text = "FPIES, often called fibromyalgia, is a long-lasting condition."
    (ab,) = judge_definitions(find_definitions(split_sentences(text)), kb)
    assert (ab.short, ab.long, ab.consistent, ab.long_concept) == (
        "FPIES",
        "fibromyalgia",
        False,
        "fibromyalgia",
    )


def test_unaligned_phrase_naming_nothing_is_not_a_definition(kb):
    text = "Acid moves up into the esophagus, called GERD."
    assert judge_definitions(find_definitions(split_sentences(text)), kb) == []


def test_subtypes_and_spelling_variants_are_consistent(kb):
    for text in (
        "In acute lymphocytic leukemia (ALL), there are too many lymphocytes.",
        "The mild type is called hyperimmunoglobulinemia D syndrome (HIDS).",
    ):
        (ab,) = judge_definitions(find_definitions(split_sentences(text)), kb)
        assert ab.consistent, text


def test_long_sentences_with_many_brackets_stay_fast():
    import time

    text = (
        "Systemic lupus erythematosus (SLE) and " * 500
        + ("a (B) " * 1000)
        + "(" * 2000
        + ")" * 2000
    )
    t = time.perf_counter()
    found_here = find_definitions(split_sentences(text))
    assert time.perf_counter() - t < 10  # about 0.5 s; the work per bracket is bounded
    assert sum(a.short == "SLE" for a in found_here) == 500


def test_bracket_pieces_split_only_at_top_level_separators():
    """``_pieces`` finds separators by pattern and their depth by counting brackets; it must give
    what a walk over every character gives, also for unbalanced and nested brackets."""
    import random

    from healthlens.understand.abbreviations import _pieces

    def walk(content):
        out, depth, start = [], 0, 0
        for i, ch in enumerate(content):
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
            elif ch in ";," and depth == 0 and content[i + 1 : i + 2].isspace():
                out.append((start, content[start:i]))
                start = i + 1
        out.append((start, content[start:]))
        return [(off + len(p) - len(p.lstrip()), p.strip()) for off, p in out]

    rng = random.Random(3)
    alphabet = ["a", "SLE", " ", ";", ",", "(", ")", "[", "]", "\t", "\u00a0", "x, y", "; ", ", "]
    cases = ["SLE; systemic lupus", "a (b, c), d", "x), y, (z", "V(T), tidal volume", ""]
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(12))) for _ in range(3000)]
    for content in cases:
        assert _pieces(content) == walk(content), repr(content)


def test_sentence_marks_answer_as_a_scan_of_the_text_before_the_bracket():
    """``_Marks`` finds a sentence's brackets and clause boundaries once; where a long form may
    start, and which asides come before a bracket, must be what scanning ``text[lo:hi]`` with
    the boundary pattern gives (dashes between spaces depend on where that scan starts)."""
    import random
    import re

    from healthlens.understand.abbreviations import _BOUNDARY, _Marks

    def aside(seg, close):  # the bracket closing at ``close`` opened at the start or after a space
        depth = 0
        for i in range(close, -1, -1):
            if seg[i] in ")]":
                depth += 1
            elif seg[i] in "([":
                depth -= 1
                if depth == 0:
                    return i == 0 or seg[i - 1].isspace()
        return True

    def region_start(text, lo, hi, commas):
        seg = text[lo:hi].rstrip()
        for m in reversed(list(_BOUNDARY.finditer(seg))):
            b = m.start()
            if m.end() >= len(seg) or (
                not commas and seg[b] == "," and seg[b - 1 : b] not in (")", "]")
            ):
                continue
            if seg[b] in ")]" and not aside(seg, b):
                continue
            return lo + m.end()
        return lo

    def before_asides(text, lo, hi):
        while True:
            end = text[lo:hi].rstrip()
            if not re.search(r"[)\]]$", end) or not aside(end, len(end) - 1):
                return hi
            if not re.search(r"[(\[]", end):
                return hi
            hi = lo + max(end.rfind("("), end.rfind("["))

    rng = random.Random(5)
    alphabet = ["a", "b", " ", " ", ",", ";", ":", "(", ")", "[", "]", "-", "--", "—", "–", "\t"]
    cases = ["x -- -- y (A)", "a, b (c) -- d (E)", "(x) (y) z [w] (V)", ", -- , (Q)", ""]
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(4000)]
    for text in cases:
        marks = _Marks(text)
        for _ in range(4):
            lo = rng.randint(0, len(text))
            hi = rng.randint(lo, len(text))
            expected = (
                region_start(text, lo, hi, True),
                region_start(text, lo, hi, False),
                before_asides(text, lo, hi),
            )
            assert (*marks.region_starts(lo, hi), marks.before_asides(lo, hi)) == expected, (
                repr(text),
                lo,
                hi,
            )


def test_letters_that_lower_case_to_two_characters_keep_offsets():
    """ "İ".lower() is two characters: the alignment's offsets stay offsets into the text (it
    used to read past the end of its own list and fail on the page)."""
    found_here = find_definitions(
        split_sentences(
            "We met in İzmir X (IX) today. The İnternational Xylophone Society (IXS) met."
        )
    )
    assert [(a.short, a.long) for a in found_here] == [
        ("IX", "İzmir X"),
        ("IXS", "İnternational Xylophone Society"),
    ]


AB3P = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ab3p" / "MED1250_labeled"


@pytest.mark.skipif(not AB3P.exists(), reason="needs ../shared/data/ab3p")
def test_skipped_readings_could_not_have_won(monkeypatch):
    """The long-first reader skips two readings when they cannot win (across commas: too few
    letters; swapped parts: the first letter starts no word). On 400 MEDLINE abstracts and on
    bracketed everyday words, the definitions are those found when every reading is tried."""
    from healthlens.evaluate.abbreviations import read_ab3p
    from healthlens.understand import abbreviations as A

    texts = [doc.text for doc in read_ab3p(AB3P)[:400]] + [
        "Check your blood glucose (sugar) and the results (find) of a thin tube (endoscope), not (SLE).",
        "Multiple sclerosis, or MS, and the Human Phenotype Ontology (HPO) list signs (when available).",
        "Non-A, non-B hepatitis (NANB) and Deese, Roediger, and McDermott (DRM) and ninth embryonic day (E9).",
    ]

    align_region, calls = A._align_region, []

    def counted(*args, **kwargs):
        calls.append(1)
        return align_region(*args, **kwargs)

    monkeypatch.setattr(A, "_align_region", counted)

    def definitions():
        calls.clear()
        A._sentence_definitions.cache_clear()  # every sentence read again, with the readings patched
        found_here = [
            [
                (a.short, a.long, a.start, a.long_start, a.aligned)
                for a in find_definitions(split_sentences(t))
            ]
            for t in texts
        ]
        return found_here, len(calls)

    quick, quick_calls = definitions()
    monkeypatch.setattr(A, "_wide_may_win", lambda n, a: True)
    monkeypatch.setattr(A, "_first_part_may_start", lambda short, region, window: True)
    every, every_calls = definitions()
    assert every == quick
    assert sum(map(len, quick)) > 300
    assert quick_calls < 0.9 * every_calls  # (they are a fifth of the readings here)


def test_a_sentence_read_on_one_page_is_not_read_again_on_another(monkeypatch):
    """A sentence that a site repeats on its pages (boilerplate, standard wording) is read for
    definitions once; each page still gets them at its own offsets, and a page's definitions
    are the same whether its sentences were read before or not."""
    from healthlens.understand import abbreviations as A

    A._sentence_definitions.cache_clear()
    read, in_sentence = [], A._in_sentence

    def counted(sentence, *args):
        read.append(getattr(sentence, "text", sentence))
        return in_sentence(sentence, *args)

    monkeypatch.setattr(A, "_in_sentence", counted)
    shared = "The Office of Rare Conditions (ORC) funds studies of rare diseases."
    first = f"Our mission.\n{shared}\nContact us."
    second = f"A page about something else entirely, with more words first.\n\n{shared}"

    def found(text):
        return [
            (text[a.start : a.end], text[a.long_start : a.long_end], a.long)
            for a in find_definitions(split_sentences(text), text)
        ]

    want = [("ORC", "Office of Rare Conditions", "Office of Rare Conditions")]
    assert found(first) == want
    assert found(second) == want
    assert read.count(shared) == 1
    assert [a.start for a in find_definitions(split_sentences(second), second)] == [
        second.index("(ORC)") + 1
    ]
    A._sentence_definitions.cache_clear()
    assert found(second) == want and read.count(shared) == 2
