"""Measure quality: labelled pages, abbreviation definitions (Ab3P), trusted-page alarms (MedQuAD),
reference questions."""

from .abbreviations import AbbrevEval, evaluate_abbreviations, read_ab3p
from .pages import PageEval, evaluate_pages
from .questions import QuestionEval, evaluate_questions
from .trusted import TrustedEval, evaluate_trusted, read_medquad

__all__ = [
    "evaluate_pages",
    "PageEval",
    "evaluate_trusted",
    "TrustedEval",
    "read_medquad",
    "evaluate_questions",
    "QuestionEval",
    "evaluate_abbreviations",
    "AbbrevEval",
    "read_ab3p",
]
