"""`healthlens ask`: answer questions from the knowledge base alone."""

from __future__ import annotations

import click

from .output import all_formats, reported, show

__all__ = ["ask_cmd"]


@click.command("ask")
@click.argument("questions", nargs=-1, required=True)
@all_formats
def ask_cmd(questions: tuple[str, ...], fmt: str) -> None:
    """Answer questions from the knowledge base alone."""
    # lazy: answering loads the knowledge base and the terminology, not needed for --help
    from ..answer import ask
    from ..report import answers_to_json, answers_to_markdown, print_answers

    with reported():
        answers = ask(questions)
    show(fmt, answers, print_answers, json=answers_to_json, markdown=answers_to_markdown)
