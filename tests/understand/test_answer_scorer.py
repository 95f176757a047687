"""understand/answer_scorer.py, the learned scorer of the page's answer, and how
check/page_answer.py combines it with the rules; on sentences written by hand in our own words
(never page text) and with small weights written here, so each test says what a weight does."""

import json
import re
from importlib import resources
from pathlib import Path

import pytest

import healthlens.pipeline  # noqa: F401  (binds healthlens.check, the function, before its submodules load)
from conftest import make_page
from healthlens.check import page_answer as pa
from healthlens.check import question_letters, question_targets
from healthlens.evaluate.real import load_real
from healthlens.report.json import page_to_dict
from healthlens.report.labels import page_answer_of
from healthlens.understand import answer_scorer as sc
from healthlens.understand.assertions import Assertion, read_assertions
from healthlens.understand.clause_evidence import clause_evidence

QUESTION = "Is sarcoidosis an autoimmune disease?"
TEXT = (
    "Sarcoidosis\n"
    "Sarcoidosis is an autoimmune disease of the lungs. It causes small lumps called granulomas. "
    "Rest helps many people."
)


def _inputs(kb, text=TEXT, question=QUESTION):
    from healthlens.question import parse_question

    page = make_page(text, kb, question=question)
    q = parse_question(question, kb)
    letters = question_letters(q, kb)
    targets = question_targets(page, q, letters)
    found = read_assertions(page, targets, q.predicate, frozenset(), letters)
    evidence = clause_evidence(page, targets, q.predicate, letters)
    return page, targets, q.predicate, letters, found, evidence


def _sentence(page, words):
    return next(s.index for s in page.sentences if words in s.text)


# --- features -------------------------------------------------------------------------------


def test_features_write_the_condition_and_the_property_as_placeholders():
    text = "Sarcoidosis is not an autoimmune disease."
    feats = sc.sentence_features(text, [(0, 11)], "autoimmune", "body")
    assert {"b:zcond is", "b:an zprop", "u:zprop", "has:cond", "has:prop"} <= feats
    words = {f for f in feats if f.startswith(("u:", "b:", "n:"))}
    assert not any("sarcoidosis" in f or "autoimmune" in f for f in words)
    assert "cue:neg_before_prop" in feats and "place:body" in feats
    plain = sc.sentence_features(
        "Sarcoidosis is an autoimmune disease.", [(0, 11)], "autoimmune", "title"
    )
    assert "cue:neg_before_prop" not in plain and "place:title" in plain


def test_other_condition_names_stay_words_and_hedges_are_cues():
    feats = sc.sentence_features(
        "Unlike gout, sarcoidosis may be an autoimmune disease.", [(13, 24)], "autoimmune", "body"
    )
    assert "u:gout" in feats and "b:unlike gout" in feats and "b:zcond may" in feats
    assert "cue:hedge" in feats and "cue:neg" not in feats


def test_candidates_are_the_sentences_about_the_condition(kb):
    page, targets, predicate, letters, found, evidence = _inputs(kb)
    cands = sc.candidates(page, targets, predicate, letters, found, evidence)
    picked = [i for i, _, _ in cands]
    named = _sentence(page, "Sarcoidosis is an autoimmune")
    pronoun = _sentence(page, "It causes small lumps")
    assert named in picked and pronoun in picked and 0 in picked  # the title
    assert _sentence(page, "Rest helps") not in picked
    spans = {i: s for i, s, _ in cands}[named]
    assert [page.sentences[named].text[a:b] for a, b in spans] == ["Sarcoidosis"]
    readings = {i: r for i, _, r in cands}[named]
    assert "ra:affirm" in readings  # the rules' assertion in that sentence is a feature


# --- the scorer -----------------------------------------------------------------------------


def _toy(weights):
    return sc.Scorer.from_json({"classes": list(sc.CLASSES), "weights": weights})


def test_the_pointer_is_the_sentence_that_adds_most_to_the_class(kb):
    page, targets, predicate, letters, found, evidence = _inputs(kb)
    own, per_sentence = sc.page_features(page, targets, predicate, letters, found, evidence, "yes")
    scored = _toy({"u:lumps": [0.0, 5.0, 0.0, 0.0]}).score(own, per_sentence)
    assert scored.answer == "no" and scored.probability > 0.9
    assert abs(sum(scored.probabilities) - 1) < 1e-9
    i = _sentence(page, "It causes small lumps")
    assert scored.sentence == i
    s = page.sentences[i]
    assert page.text[s.start : s.end] == s.text
    # not_answered points at nothing
    quiet = _toy({"bias": [0.0, 0.0, 0.0, 3.0]}).score(own, per_sentence)
    assert quiet.answer == "not_answered" and quiet.sentence is None


def test_the_pointer_from_margins_worked_out_on_use_is_that_of_the_full_table():
    """``Scorer.margins`` is filled as ``pointer`` meets features: the same sentence as with every
    feature's margin worked out when the model loads, on random candidates over the shipped
    model's features (and features it does not hold), for every class, read twice."""
    import random

    shipped = sc.load_scorer()
    weights = dict(list(shipped.weights.items())[:3000])
    n = len(sc.CLASSES)
    rows, _ = sc.exact_rows(weights)
    full = {f: tuple(n * x - sum(row) for x in row) for f, row in rows.items()}
    names = [*weights, "u:not a feature", "b:nor this"]
    rng = random.Random(5)
    lazy, reference = sc.Scorer(weights, {}), sc.Scorer(weights, {})
    pointed = 0
    for _ in range(400):
        per_sentence = [
            (i, set(rng.sample(names, rng.randrange(0, 12)))) for i in range(rng.randrange(0, 6))
        ]
        for answer in sc.CLASSES:
            reference.margins = dict(full)
            want = reference.pointer(per_sentence, answer)
            assert lazy.pointer(per_sentence, answer) == want
            assert lazy.pointer(per_sentence, answer) == want
            pointed += want is not None
    assert pointed > 300
    assert set(lazy.margins) <= set(weights) and all(
        lazy.margins[f] == full[f] for f in lazy.margins
    )


def test_a_scorer_with_other_classes_is_refused():
    with pytest.raises(ValueError, match="classes"):
        sc.Scorer.from_json({"classes": ["yes", "no"], "weights": {}})


# --- the shipped weights ---------------------------------------------------------------------


def test_the_shipped_weights_load_are_small_and_name_their_training_data():
    path = resources.files("healthlens.understand").joinpath("data/answer_scorer.json")
    raw = path.read_bytes()
    # small beside the package's knowledge base (1.4 MB); it grows with the dev pages it is
    # trained on (566 KB from 801 pages, 829 KB from 1,388 at three decimals), so the budget
    # catches a change in what is kept, not the next batch
    assert len(raw) < 1_000_000
    scorer = sc.load_scorer()
    meta = scorer.meta
    assert re.fullmatch(r"[0-9a-f]{64}", meta["labels_sha256"])
    assert "dev split" in meta["trained_on"]
    labels = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "real" / "pages.jsonl"
    dev = [r for r in load_real(str(labels)) if r["split"] == "dev"]
    assert 100 <= meta["pages"] <= len(dev)
    assert meta["features"] == len(scorer.weights) == len(json.loads(raw)["weights"])
    assert all(len(row) == len(sc.CLASSES) for row in scorer.weights.values())
    assert "bias" in scorer.weights


# --- the combination with the rules (check/page_answer.py) ------------------------------------


def _read(kb, monkeypatch, mode, weights):
    monkeypatch.setattr(pa, "SCORER_MODE", mode)
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
    monkeypatch.setattr(pa, "load_scorer", lambda: _toy(weights))
    page, targets, predicate, letters, _, _ = _inputs(kb)
    return page, pa.read_page_answer_sourced(page, targets, predicate, letters, kb)


def test_off_and_not_answered_keep_an_answer_the_rules_read(kb, monkeypatch):
    strong_no = {"u:lumps": [0.0, 9.0, 0.0, 0.0]}
    page, off = _read(kb, monkeypatch, "off", strong_no)
    assert off[0] == "yes" and off[2] == "rules"
    assert off[1] == [_sentence(page, "Sarcoidosis is an autoimmune")]
    _, kept = _read(kb, monkeypatch, "not_answered", strong_no)
    assert kept == off


def test_a_confident_model_overrules_and_says_so(kb, monkeypatch):
    page, got = _read(kb, monkeypatch, "confident", {"u:lumps": [0.0, 9.0, 0.0, 0.0]})
    assert got == ("no", [_sentence(page, "It causes small lumps")], "model")
    # below the confidence the rules' answer stands
    _, unsure = _read(kb, monkeypatch, "confident", {"u:lumps": [0.0, 0.5, 0.0, 0.0]})
    assert unsure[0] == "yes" and unsure[2] == "rules"


def test_the_report_names_who_read_the_answer(kb, monkeypatch):
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
    page = make_page(TEXT, kb, question=QUESTION)
    data = page_to_dict(page, kb)
    assert data["page_answer"] == "yes" and data["answer_source"] == "rules"
    assert data["rules_answer"] is None
    bare = page_to_dict(make_page(TEXT, kb), kb)
    assert bare["page_answer"] is None and bare["answer_source"] is None
    monkeypatch.setattr(pa, "load_scorer", lambda: _toy({"u:lumps": [0.0, 9.0, 0.0, 0.0]}))
    monkeypatch.setenv("HEALTHLENS_ANSWER_SCORER", "confident")
    data = page_to_dict(make_page(TEXT, kb, question=QUESTION), kb)
    assert data["page_answer"] == "no" and data["answer_source"] == "model"
    # what the rules read stays in the report, so a reader sees both readings (contract 1.4)
    assert data["rules_answer"] == "yes"
    assert "the rules read: yes" in page_answer_of(data)
    [s] = data["answer_sentences"]
    assert (
        TEXT.replace("\n", " ")[s["start"] : s["end"]]
        == s["text"]
        == ("It causes small lumps called granulomas.")
    )


def test_the_setting_comes_from_the_environment_and_an_unknown_one_is_off(monkeypatch):
    monkeypatch.setattr(pa, "SCORER_MODE", "off")
    monkeypatch.setenv("HEALTHLENS_ANSWER_SCORER", "confident")
    assert pa.scorer_mode() == "confident"
    monkeypatch.setenv("HEALTHLENS_ANSWER_SCORER", "sometimes")
    assert pa.scorer_mode() == "off"
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER")
    assert pa.scorer_mode() == "off"  # the module's setting, when the environment names none


def test_the_shipped_setting_keeps_the_page_s_own_outright_answer():
    # round 15's rule (docs/page-answer.md): the sentence reader stacked on the page scorer,
    # retrained on batches 1 to 15, paired with the combination the site-grouped CV preferred,
    # unless_concluded; like unless_stated it keeps an outright answer to the page's own question
    # (tested below), and a model's partly from a page that states its yes or no firmly last
    assert pa.SCORER_MODE == "unless_concluded" and pa.scorer_mode() in pa.SCORER_MODES
    assert pa.combine_answer(pa.SCORER_MODE, "no", _scored("yes"), outright=True) == "no"
    assert pa.combine_answer(pa.SCORER_MODE, "yes", _scored("partly"), concluded=True) == "yes"


def test_unless_stated_keeps_a_page_s_outright_answer_to_its_own_question(kb, monkeypatch):
    # "Is X autoimmune? No, ..." is the page's own answer: the model, however sure, does not
    # overrule it; "unless_both" (which only guards self-contradiction) does
    text = (
        "Is sarcoidosis autoimmune?\n"
        "Is sarcoidosis autoimmune? No, sarcoidosis is not an autoimmune disease. "
        "It causes small lumps called granulomas."
    )
    weights = {"u:lumps": [9.0, 0.0, 0.0, 0.0]}
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
    monkeypatch.setattr(pa, "load_scorer", lambda: _toy(weights))
    page, targets, predicate, letters, _, _ = _inputs(kb, text=text)
    found = read_assertions(page, targets, predicate, frozenset(), letters)
    assert pa.answers_outright(found, predicate) and not pa.says_both(found, predicate)
    monkeypatch.setattr(pa, "SCORER_MODE", "unless_stated")
    assert pa.read_page_answer_sourced(page, targets, predicate, letters, kb)[::2] == (
        "no",
        "rules",
    )
    monkeypatch.setattr(pa, "SCORER_MODE", "unless_both")
    assert pa.read_page_answer_sourced(page, targets, predicate, letters, kb)[::2] == (
        "yes",
        "model",
    )


def test_the_model_rests_its_answer_on_a_statement_rather_than_a_question(kb, monkeypatch):
    text = (
        "Is sarcoidosis autoimmune?\n"
        "Sarcoidosis is an autoimmune disease of the lungs. It causes small lumps called granulomas."
    )
    # the question's words weigh most for "no", but a question explains nothing to a reader
    weights = {"place:title": [0.0, 9.0, 0.0, 0.0], "u:lumps": [0.0, 2.0, 0.0, 0.0]}
    monkeypatch.setattr(pa, "SCORER_MODE", "always")
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
    monkeypatch.setattr(pa, "load_scorer", lambda: _toy(weights))
    page, targets, predicate, letters, _, _ = _inputs(kb, text=text)
    answer, sentences, source = pa.read_page_answer_sourced(page, targets, predicate, letters, kb)
    assert (answer, source) == ("no", "model")
    assert sentences == [_sentence(page, "It causes small lumps")]


def test_a_page_that_never_names_the_condition_is_not_given_to_the_model(kb, monkeypatch):
    # however strongly its words lean, a page about something else cannot answer the question
    text = "Eczema\nEczema is an allergic skin disease. It causes small lumps and itching."
    monkeypatch.setattr(pa, "SCORER_MODE", "always")
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
    monkeypatch.setattr(pa, "load_scorer", lambda: _toy({"u:lumps": [0.0, 9.0, 0.0, 0.0]}))
    page, targets, predicate, letters, _, _ = _inputs(kb, text=text)
    assert not sc.names_condition(page, targets, letters)
    assert pa.read_page_answer_sourced(page, targets, predicate, letters, kb)[2] == "rules"


def test_unless_both_lets_the_model_read_a_page_that_does_not_contradict_itself(kb, monkeypatch):
    page, got = _read(kb, monkeypatch, "unless_both", {"u:lumps": [0.0, 9.0, 0.0, 0.0]})
    assert got == ("no", [_sentence(page, "It causes small lumps")], "model")


def test_unless_both_keeps_the_rules_where_the_page_says_both_in_its_own_voice(kb, monkeypatch):
    # a page that states yes and no outright contradicts itself: the reader is shown both sides
    # (the rules' partly, with the sentences of each), whatever the model leans to
    text = (
        "Sarcoidosis\n"
        "Sarcoidosis is an autoimmune disease. It causes small lumps called granulomas. "
        "Sarcoidosis is not an autoimmune disease."
    )
    monkeypatch.setattr(pa, "SCORER_MODE", "unless_both")
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
    monkeypatch.setattr(pa, "load_scorer", lambda: _toy({"u:lumps": [0.0, 9.0, 0.0, 0.0]}))
    page, targets, predicate, letters, _, _ = _inputs(kb, text=text)
    found = read_assertions(page, targets, predicate, frozenset(), letters)
    assert pa.says_both(found, predicate)
    answer, sentences, source = pa.read_page_answer_sourced(page, targets, predicate, letters, kb)
    assert (answer, source) == ("partly", "rules")
    assert {
        _sentence(page, "Sarcoidosis is an autoimmune"),
        _sentence(page, "Sarcoidosis is not"),
    } <= set(sentences)
    # the same page read "always" takes the model's answer
    monkeypatch.setattr(pa, "SCORER_MODE", "always")
    assert pa.read_page_answer_sourced(page, targets, predicate, letters, kb)[::2] == (
        "no",
        "model",
    )


def test_says_both_needs_a_firm_statement_each_way():
    def said(polarity, hedged=False, speaker="page"):
        return Assertion(0, 0, 1, "c", "autoimmune", polarity, hedged, speaker, "copula", "body")

    assert pa.says_both([said("affirm"), said("deny")], "autoimmune")
    assert not pa.says_both([said("affirm"), said("deny", hedged=True)], "autoimmune")
    assert not pa.says_both([said("affirm"), said("deny", speaker="critic")], "autoimmune")
    assert not pa.says_both([said("affirm"), said("affirm")], "autoimmune")


def test_a_page_reads_the_same_whatever_order_its_features_are_walked_in():
    """A set of features is walked in an order that changes with each process's string hashing;
    with the shipped weights (whole thousandths) the page's probabilities, and so its buckets and
    its answer, are the same in every order, to the last bit."""
    import random

    rng = random.Random(8)
    weights = {f"f{i}": [round(rng.uniform(-0.2, 0.2), 3) for _ in sc.CLASSES] for i in range(400)}
    scorer = sc.Scorer(weights, {})
    for _ in range(50):
        feats = rng.sample(sorted(weights), 120)
        want = scorer.score(set(feats), [], point=False).probabilities
        for _ in range(5):
            rng.shuffle(feats)
            assert sc.four_class_probabilities(scorer._rows, feats, scorer._scale) == want


def test_unless_stated_keeps_a_contagious_yes_that_rests_on_one_way_of_spreading_denied(
    kb, monkeypatch
):
    # the page denies one way ("not through casual contact") and says how it does spread: the
    # rules' yes is the page's own distinction, which the model does not overrule
    q = "Is hepatitis B contagious?"
    weights = {"u:hugging": [0.0, 9.0, 0.0, 0.0]}
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
    monkeypatch.setattr(pa, "load_scorer", lambda: _toy(weights))
    monkeypatch.setattr(pa, "SCORER_MODE", "unless_stated")
    text = (
        "Liver health\nHepatitis B is not spread through casual contact such as hugging. "
        "Hepatitis B spreads through blood and unprotected sex."
    )
    page, targets, predicate, letters, _, _ = _inputs(kb, text=text, question=q)
    assert pa.read_page_answer_sourced(page, targets, predicate, letters, kb)[::2] == (
        "yes",
        "rules",
    )
    # near miss: a denial of spread as such is no distinction between ways of spreading
    text = (
        "Liver health\nHepatitis B is not contagious at all. "
        "Hepatitis B spreads through blood and unprotected sex."
    )
    _, _, _, _, found, _ = _inputs(kb, text=text, question=q)
    assert not pa._spreads_another_way(found, "yes")


def test_unless_firm_keeps_a_side_the_page_states_firmly_after_hedging_it(kb, monkeypatch):
    # the page first hedges ("some researchers think it may be") and then states the claim as
    # fact in its own voice: the rules read that firm yes, and a model that pools the hedge reads
    # partly; "unless_firm" keeps the firm statement, "unless_stated" lets the model overrule it
    text = (
        "Sarcoidosis and the immune system\n"
        "Some researchers think sarcoidosis may be autoimmune, but this is not settled. "
        "Because sarcoidosis is an autoimmune disease, doctors treat it with steroids."
    )
    weights = {"u:researchers": [0.0, 0.0, 9.0, 0.0]}
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
    monkeypatch.setattr(pa, "load_scorer", lambda: _toy(weights))
    page, targets, predicate, letters, found, _ = _inputs(kb, text=text)
    assert pa.states_firmly(found, predicate, "yes")
    assert not pa.states_firmly(found, predicate, "no")  # only the side the rules read
    monkeypatch.setattr(pa, "SCORER_MODE", "unless_stated")
    assert pa.read_page_answer_sourced(page, targets, predicate, letters, kb)[::2] == (
        "partly",
        "model",
    )
    monkeypatch.setattr(pa, "SCORER_MODE", "unless_firm")
    assert pa.read_page_answer_sourced(page, targets, predicate, letters, kb)[::2] == (
        "yes",
        "rules",
    )


def test_unless_firm_lets_the_model_read_a_page_whose_rules_answer_is_not_firm(kb, monkeypatch):
    # a reading from a hedged statement alone (unclear) is no firm side: the model reads the page
    text = (
        "Sarcoidosis and the immune system\n"
        "Some researchers think sarcoidosis may be an autoimmune disease. "
        "It causes small lumps called granulomas."
    )
    weights = {"u:lumps": [0.0, 9.0, 0.0, 0.0]}
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
    monkeypatch.setattr(pa, "load_scorer", lambda: _toy(weights))
    page, targets, predicate, letters, found, _ = _inputs(kb, text=text)
    rules = pa.answer_from_assertions(page, found, predicate)[0]
    assert not pa.states_firmly(found, predicate, rules)
    monkeypatch.setattr(pa, "SCORER_MODE", "unless_firm")
    assert pa.read_page_answer_sourced(page, targets, predicate, letters, kb)[::2] == (
        "no",
        "model",
    )
    assert pa.combine_answer("unless_firm", "yes", _scored("partly"), firm=True) == "yes"
    assert pa.combine_answer("unless_firm", "yes", _scored("partly")) == "partly"


def test_unless_concluded_keeps_a_firm_last_statement_from_the_models_partly(kb, monkeypatch):
    # hedged first, stated as fact last: the page's last word is the rules' yes, and a model that
    # pools the hedge and reads partly does not overrule it
    text = (
        "Sarcoidosis and the immune system\n"
        "Some researchers think sarcoidosis may be autoimmune, but this is not settled. "
        "Because sarcoidosis is an autoimmune disease, doctors treat it with steroids."
    )
    weights = {"u:researchers": [0.0, 0.0, 9.0, 0.0]}
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
    monkeypatch.setattr(pa, "load_scorer", lambda: _toy(weights))
    page, targets, predicate, letters, found, _ = _inputs(kb, text=text)
    assert pa.concludes_firmly(found, predicate, "yes")
    assert not pa.concludes_firmly(found, predicate, "no")  # only the side the rules read
    monkeypatch.setattr(pa, "SCORER_MODE", "unless_stated")
    assert pa.read_page_answer_sourced(page, targets, predicate, letters, kb)[::2] == (
        "partly",
        "model",
    )
    monkeypatch.setattr(pa, "SCORER_MODE", "unless_concluded")
    assert pa.read_page_answer_sourced(page, targets, predicate, letters, kb)[::2] == (
        "yes",
        "rules",
    )


def test_unless_concluded_lets_the_model_read_a_firm_statement_hedged_after_it(kb, monkeypatch):
    # the same two sentences the other way round: the firm statement comes first and the page
    # ends on the hedge, so its last word is not the rules' yes and the model's partly stands
    text = (
        "Sarcoidosis and the immune system\n"
        "Because sarcoidosis is an autoimmune disease, doctors treat it with steroids. "
        "Some researchers think sarcoidosis may be autoimmune, but this is not settled."
    )
    weights = {"u:researchers": [0.0, 0.0, 9.0, 0.0]}
    monkeypatch.delenv("HEALTHLENS_ANSWER_SCORER", raising=False)
    monkeypatch.setattr(pa, "load_scorer", lambda: _toy(weights))
    page, targets, predicate, letters, found, _ = _inputs(kb, text=text)
    assert pa.states_firmly(found, predicate, "yes")  # "unless_firm" would keep the yes
    assert not pa.concludes_firmly(found, predicate, "yes")
    monkeypatch.setattr(pa, "SCORER_MODE", "unless_concluded")
    assert pa.read_page_answer_sourced(page, targets, predicate, letters, kb)[::2] == (
        "partly",
        "model",
    )


def test_unless_concluded_keeps_only_a_partly_from_a_concluded_page():
    # the model's partly is what pooling a hedge gives; its other answers overrule as before
    assert pa.combine_answer("unless_concluded", "yes", _scored("partly"), concluded=True) == "yes"
    assert pa.combine_answer("unless_concluded", "yes", _scored("no"), concluded=True) == "no"
    assert pa.combine_answer("unless_concluded", "yes", _scored("partly")) == "partly"
    assert pa.combine_answer("unless_concluded", "no", _scored("yes"), outright=True) == "no"


def _scored(answer):
    return sc.Scored(answer, 0.9, (0.0, 0.0, 0.9, 0.1), 1)
