"""report/labels.py: a page's answer says who read it when the rules did not."""

from healthlens.report.labels import page_answer_label, page_answer_of


def test_an_answer_the_learned_scorer_read_says_so():
    ruled = {"page_answer": "no", "answer_source": "rules"}
    modelled = {"page_answer": "no", "answer_source": "model"}
    assert page_answer_of(ruled) == page_answer_label("no")
    assert page_answer_of(modelled).startswith(page_answer_label("no"))
    assert "learned scorer" in page_answer_of(modelled)
    assert page_answer_of({"page_answer": None, "answer_source": None}) == "—"
