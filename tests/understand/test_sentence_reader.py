"""understand/sentence_reader.py, the sentence-level reader of the page's answer, how the page
scorer uses it (check/page_answer.py), and its training (benchmarks/train_sentence_reader.py); on
sentences written here in our own words (never page text)."""

import json
from importlib import resources

import pytest
from benchmarks.train_sentence_reader import load_labels, train_sparse

import healthlens.pipeline  # noqa: F401  (binds healthlens.check, the function, before its submodules load)
from conftest import make_page
from healthlens.check import page_answer as pa
from healthlens.check import question_letters, question_targets
from healthlens.question import parse_question
from healthlens.understand import answer_scorer as sc
from healthlens.understand import sentence_reader as sr
from healthlens.understand.assertions import read_assertions
from healthlens.understand.clause_evidence import clause_evidence

QUESTION = "Is sarcoidosis an autoimmune disease?"
YES = "Sarcoidosis is an autoimmune disease of the lungs."
NO = "Sarcoidosis is not an autoimmune disease of the lungs."
OTHER = "It is not known what makes the lumps, and rest helps many people."


def _page(kb, body):
    text = f"Sarcoidosis explained\n{body}"
    page = make_page(text, kb, question=QUESTION)
    q = parse_question(QUESTION, kb)
    letters = question_letters(q, kb)
    targets = question_targets(page, q, letters)
    found = read_assertions(page, targets, q.predicate, frozenset(), letters)
    evidence = clause_evidence(page, targets, q.predicate, letters)
    own, per_sentence = sc.page_features(
        page, targets, q.predicate, letters, found, evidence, "not_answered"
    )
    return page, targets, letters, own, per_sentence


def _index(page, words):
    return next(s.index for s in page.sentences if words in s.text)


# weights written here, each saying what it does: a property word after "is an" leans yes, a
# negation before the property word leans no, and a sentence that neither names the condition
# nor holds the property word leans to no answer
TOY = {
    "classes": list(sr.SENTENCE_CLASSES),
    "weights": {
        "bias": [0.0, 0.0, 0.0, 1.0],
        "b:an zprop": [3.0, 0.0, 0.0, -1.0],
        "cue:neg_before_prop": [-4.0, 4.0, 0.0, 0.0],
        "has:prop": [0.5, 0.5, 0.0, -1.0],
    },
}


def test_a_plain_statement_reads_yes_and_its_negation_no_pointing_at_the_sentence(kb):
    reader = sr.SentenceReader.from_json(TOY)
    for body, want in ((f"{YES} {OTHER}", "yes"), (f"{NO} {OTHER}", "no")):
        page, _, _, _, per_sentence = _page(kb, body)
        readings = reader.read(page, per_sentence, "autoimmune")
        said = _index(page, "Sarcoidosis is")
        by = {r.sentence: r for r in readings}
        assert max(sr.SENTENCE_CLASSES, key=by[said].of) == want
        # the other sentence ("not known", "rest helps") holds no answer
        assert max(sr.SENTENCE_CLASSES, key=by[_index(page, "rest helps")].of) == "none"
        i = sr.strongest(readings, want, [r.sentence for r in readings])
        assert i == said
        s = page.sentences[i]
        assert page.text[s.start : s.end] == s.text and s.text.startswith("Sarcoidosis is")
        assert f"sr:top:{want}" in sr.summary(readings, "autoimmune", "not_answered")


def test_the_shipped_reader_reads_a_plain_yes_and_its_negation(kb):
    path = resources.files("healthlens.understand").joinpath(sr.DATA)
    if not path.is_file():
        pytest.skip("no sentence reader ships (the page scorer was trained without it)")
    reader = sr.load_sentence_reader()
    got = {}
    for body, want in ((YES, "yes"), (NO, "no")):
        page, _, _, _, per_sentence = _page(kb, body)
        said = _index(page, "Sarcoidosis is")
        reading = next(
            r for r in reader.read(page, per_sentence, "autoimmune") if r.sentence == said
        )
        got[want] = reading
        assert max(sr.ANSWERS, key=reading.of) == want
    assert got["no"].of("no") > got["yes"].of("no")


def test_summary_buckets_each_answer_and_names_the_strongest_sentence():
    readings = [
        sr.Reading(2, (0.1, 0.7, 0.1, 0.1)),
        sr.Reading(5, (0.55, 0.05, 0.2, 0.2)),
        sr.Reading(9, (0.0, 0.0, 0.0, 1.0)),
    ]
    feats = sr.summary(readings, "autoimmune", "not_answered")
    assert {"sr:max:no:3", "sr:max:yes:2", "sr:max:partly:1", "sr:top:no"} <= feats
    assert {"sr:n:no:1", "sr:n:yes:1", "sr:n:partly:0"} <= feats
    assert sr.summary([sr.Reading(1, (0.2, 0.2, 0.2, 0.4))], "allergy", "no") >= {
        "sr:top:none",
        "sr:n:yes:0",
    }
    assert sr.strongest(readings, "yes", [2, 9]) == 2  # only among the sentences allowed
    assert sr.strongest(readings, "not_answered", [2, 5, 9]) is None


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ([1, 2], "not a JSON object"),
        ({"classes": ["yes", "no"], "weights": {"bias": [0, 0]}}, "classes"),
        ({"classes": list(sr.SENTENCE_CLASSES)}, "weights"),
        ({"classes": list(sr.SENTENCE_CLASSES), "weights": {"u:a": [0, 1, 2]}}, "'u:a'"),
        ({"classes": list(sr.SENTENCE_CLASSES), "weights": {"u:a": [0, 1, "2", 3]}}, "finite"),
        (
            {"classes": list(sr.SENTENCE_CLASSES), "weights": {"u:a": [0, 1, float("nan"), 3]}},
            "finite",
        ),
        (
            {"classes": list(sr.SENTENCE_CLASSES), "weights": {"u:a": [0, 1, 2, 3]}, "meta": 3},
            "meta",
        ),
    ],
)
def test_a_malformed_weights_file_is_refused_with_what_is_wrong(data, says):
    with pytest.raises(ValueError, match=r"reader\.json") as err:
        sr.SentenceReader.from_json(data, "reader.json")
    assert says in str(err.value)


def test_the_page_scorer_trained_with_the_reader_points_at_the_reader_s_sentence(kb, monkeypatch):
    """A page scorer whose weights say it was trained with the reader gets the reader's summary
    among its features, and its answer rests on the sentence the reader holds strongest for it."""
    page_weights = {"bias": [0.0, 0.0, 0.0, 1.0], "sr:top:no": [0.0, 5.0, 0.0, 0.0]}
    scorer = sc.Scorer(page_weights, {"sentence_reader": True})
    monkeypatch.setattr(pa, "SCORER_MODE", "always")
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
    monkeypatch.setattr(pa, "load_scorer", lambda: scorer)
    monkeypatch.setattr(pa, "load_sentence_reader", lambda: sr.SentenceReader.from_json(TOY))
    # the rules read both answers here (partly); the reader holds the negation the stronger
    page, targets, letters, _, _ = _page(kb, f"{YES} {NO}")
    answer, sentences, source = pa.read_page_answer_sourced(
        page, targets, "autoimmune", letters, kb
    )
    assert (answer, source) == ("no", "model")
    assert sentences == [_index(page, "Sarcoidosis is not")]
    # the same page scorer without the flag never asks the reader: only its bias speaks
    monkeypatch.setattr(pa, "load_scorer", lambda: sc.Scorer(page_weights, {}))
    answer, _, _ = pa.read_page_answer_sourced(page, targets, "autoimmune", letters, kb)
    assert answer != "no"


def test_the_shipped_weights_files_stay_within_a_megabyte_together():
    data = resources.files("healthlens.understand").joinpath("data")
    files = [p for p in data.iterdir() if p.name.endswith(".json")]
    assert any(p.name == "answer_scorer.json" for p in files)
    assert sum(len(p.read_bytes()) for p in files) <= 1_000_000
    if sc.load_scorer().meta.get("sentence_reader"):
        # a page scorer trained with the reader's outputs ships with the reader
        assert sr.load_sentence_reader().weights


# --- training (benchmarks/train_sentence_reader.py) -------------------------------------------


def test_the_sparse_trainer_learns_which_feature_says_which_class():
    rows = [{"bias", "u:is"}, {"bias", "u:is", "u:not"}, {"bias", "u:rest"}] * 5
    y = [0, 1, 3] * 5
    weights = train_sparse(rows, y, 4, l2=0.1, steps=200, min_count=1)
    reader = sr.SentenceReader(weights, {})
    guess = [max(range(4), key=lambda k, r=r: reader.probabilities(r)[k]) for r in rows[:3]]
    assert guess == [0, 1, 3]


def test_label_files_keep_the_last_line_of_a_page_and_name_bad_lines(tmp_path):
    good = {"id": "r1", "sha256": "0" * 64, "page_answer": "yes", "sentences": []}
    path = tmp_path / "h1.jsonl"
    path.write_text(
        json.dumps({**good, "sentences": [1]}) + "\nnot json\n" + json.dumps(good) + "\n",
        encoding="utf-8",
    )
    labels, problems = load_labels([path])
    assert labels == {"r1": good}
    assert any("h1.jsonl:2" in p and "not a label line" in p for p in problems)
    assert any("h1.jsonl:3" in p and "again" in p for p in problems)


def _figures(cv, held):
    return {
        "cv": {"unless_stated": {"all": [cv[0], 1000, cv[1], 800]}},
        "held_out": {"unless_stated": {"all": [held[0], 300, held[1], 250]}},
    }


def test_round6_gate_asks_the_cv_gain_the_held_out_batch_and_the_team_pages():
    from benchmarks.train_answer_scorer import round6_gate

    base = _figures((700, 600), (200, 180))
    team = {"page_answer": 0.95, "correct": 0.96}
    assert round6_gate(base, _figures((720, 600), (200, 180)), team) == []
    assert any(
        "CV: page answers" in w for w in round6_gate(base, _figures((719, 600), (201, 181)), team)
    )
    assert any(
        "CV: agreement" in w for w in round6_gate(base, _figures((730, 599), (201, 181)), team)
    )
    assert any(
        "held out: agreement" in w
        for w in round6_gate(base, _figures((730, 610), (210, 179)), team)
    )
    why = round6_gate(
        base, _figures((730, 610), (210, 190)), {"page_answer": 0.93, "correct": 0.96}
    )
    assert why == ["team pages: page_answer 0.930 < 0.932"]


def _round7(a, b, c, team_c=0.93):
    def side(na, us):
        return {
            "cv": {
                "not_answered": {"all": [na[0], 1000, na[1], 800]},
                "unless_stated": {"all": [us[0], 1000, us[1], 800]},
            },
            "held_out": {
                "not_answered": {"all": [10, 300, 10, 250]},
                "unless_stated": {"all": [10, 300, 10, 250]},
            },
        }

    ok = {"page_answer": 0.95, "correct": 0.95}
    return {
        "base": side(a, b),
        "stacked": side((0, 0), c),
        "team": {"not_answered": ok, "unless_stated": ok},
        "stacked_team": {"unless_stated": {"page_answer": team_c, "correct": 0.95}},
    }


def test_round7_ships_the_best_setting_that_keeps_the_floors_and_ties_go_to_the_simpler():
    from benchmarks.train_answer_scorer import round7_choice

    letter, mode, reader, rows = round7_choice(_round7((700, 600), (710, 600), (730, 600)), 0.5, 1)
    assert (letter, mode, reader) == ("C", "unless_stated", True)
    assert rows["A"]["score"] == 700 + 600 + 20
    # the best setting fails a floor, its cost or its budget: the next best ships
    assert round7_choice(_round7((700, 600), (710, 600), (730, 600), team_c=0.89), 0.5, 1)[0] == "B"
    assert round7_choice(_round7((700, 600), (710, 600), (730, 600)), 1.5, 1)[0] == "B"
    assert round7_choice(_round7((700, 600), (710, 600), (730, 600)), 0.5, 2_000_000)[0] == "B"
    # a tie keeps the simpler setting
    assert round7_choice(_round7((700, 600), (700, 600), (700, 600)), 0.5, 1)[:2] == (
        "A",
        "not_answered",
    )


WIDE_TEXT = (
    "Sarcoidosis explained\n"
    "Sarcoidosis causes small lumps in the lungs. Rest helps. "
    "Doctors class such lumps as an autoimmune disorder."
)


def test_wide_candidates_add_a_property_sentence_that_does_not_name_the_condition(kb):
    page = make_page(WIDE_TEXT, kb, question=QUESTION)
    q = parse_question(QUESTION, kb)
    letters = question_letters(q, kb)
    targets = question_targets(page, q, letters)
    found = read_assertions(page, targets, q.predicate, frozenset(), letters)
    evidence = clause_evidence(page, targets, q.predicate, letters)
    said = _index(page, "Doctors class")
    narrow = [i for i, _, _ in sc.candidates(page, targets, q.predicate, letters, found, evidence)]
    wide = sc.candidates(page, targets, q.predicate, letters, found, evidence, wide=True)
    assert said not in narrow and said in [i for i, _, _ in wide]
    assert _index(page, "Rest helps") not in [i for i, _, _ in wide]  # no property word
    # a scorer whose reader reads the wide candidates answers from that sentence, with its offsets
    page_weights = {"bias": [0.0, 0.0, 0.0, 1.0], "sr:top:yes": [5.0, 0.0, 0.0, 0.0]}
    meta = {"sentence_reader": True, "reader_candidates": "wide"}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pa, "SCORER_MODE", "always")
        mp.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
        mp.setattr(pa, "load_scorer", lambda: sc.Scorer(page_weights, meta))
        mp.setattr(pa, "load_sentence_reader", lambda: sr.SentenceReader.from_json(TOY))
        answer, sentences, source = pa.read_page_answer_sourced(
            page, targets, "autoimmune", letters, kb
        )
        assert (answer, sentences, source) == ("yes", [said], "model")
        # the same reader on the narrow candidates never sees it: no answer rests on it
        mp.setattr(pa, "load_scorer", lambda: sc.Scorer(page_weights, {"sentence_reader": True}))
        answer, sentences, _ = pa.read_page_answer_sourced(page, targets, "autoimmune", letters, kb)
        assert said not in sentences
