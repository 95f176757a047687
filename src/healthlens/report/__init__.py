"""Report: terminal (Rich), JSON (the contract), Markdown."""

from importlib import import_module

from .json import answers_to_json, page_to_dict, report_to_dict, to_json

__all__ = [
    "READS",
    "WRITES",
    "to_json",
    "report_to_dict",
    "page_to_dict",
    "answers_to_json",
    "to_markdown",
    "answers_to_markdown",
    "print_report",
    "print_answers",
]

# The stage's contract (docs/architecture.md; tests/test_stage_contracts.py holds it): the Page
# fields the JSON and Markdown reports read; a report writes none.
READS = frozenset(
    {
        "input",
        "url",
        "title",
        "error",
        "sentences",
        "mentions",
        "abbreviations",
        "claims",
        "main_condition",
        "on_topic",
        "page_answer",
        "answer_sentences",
        "answer_source",
        "rules_answer",
        "agrees_with_evidence",
        "findings",
        "credibility",
        "question",
        "answer",
    }
)
WRITES: frozenset[str] = frozenset()

# The terminal report pulls in Rich, which a worker writing JSON rows never needs: the Markdown
# and terminal writers are imported on first use.
_LAZY = {
    "to_markdown": "markdown",
    "answers_to_markdown": "markdown",
    "print_report": "terminal",
    "print_answers": "terminal",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
