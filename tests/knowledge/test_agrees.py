"""knowledge/verdicts.agrees: whether a page's answer matches the knowledge base's verdict."""

from healthlens.knowledge.verdicts import agrees


def test_plain_verdicts_compare_strictly():
    assert agrees("yes", "yes") is True
    assert agrees("no", "yes") is False
    assert agrees("partly", "no") is False
    assert agrees("partly", "uncertain") is True
    assert agrees("yes", "uncertain") is False


def test_no_answer_or_no_verdict_is_not_compared():
    for answer in (None, "not_answered", "not_judged"):
        assert agrees(answer, "yes") is None
    assert agrees("yes", "unknown") is None
    assert agrees("unclear", "unknown") is None


def test_an_unclear_answer_settles_it_neither_way():
    # it agrees with a verdict that does not settle the question either...
    assert agrees("unclear", "uncertain") is True
    assert agrees("unclear", "partly") is True
    # ...and disagrees with one that does: a page that leaves open what the evidence settles
    assert agrees("unclear", "no") is False
    assert agrees("unclear", "yes") is False
    # a debated classification's sides are still sides
    assert agrees("unclear", "yes", debated=["partly"]) is True


def test_graded_family_answers_one_step_from_the_verdict_agree():
    # "partly" verdict: either half stated alone agrees
    assert agrees("yes", "partly", graded=True) is True
    assert agrees("no", "partly", graded=True) is True
    # a plain verdict holds beside a page that qualifies it for some cases
    assert agrees("partly", "no", graded=True) is True
    assert agrees("partly", "yes", graded=True) is True
    assert agrees("unclear", "no", graded=True) is True
    # the opposite answer never agrees, and an uncertain verdict is not graded
    assert agrees("yes", "no", graded=True) is False
    assert agrees("no", "yes", graded=True) is False
    assert agrees("yes", "uncertain", graded=True) is False
    # without graded (other predicates, off-topic pages) the one-step answers do not agree
    assert agrees("yes", "partly") is False
    assert agrees("partly", "no") is False
