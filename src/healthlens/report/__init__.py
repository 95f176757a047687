"""Report: terminal (Rich), JSON (the contract), Markdown."""

from .json import answers_to_json, page_to_dict, report_to_dict, to_json
from .markdown import answers_to_markdown, to_markdown
from .terminal import print_answers, print_report

__all__ = [
    "to_json", "report_to_dict", "page_to_dict", "answers_to_json",
    "to_markdown", "answers_to_markdown", "print_report", "print_answers",
]
