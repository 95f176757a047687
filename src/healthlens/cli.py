"""The `healthlens` command: a thin layer over the library functions."""

from __future__ import annotations

import sys

import click

from . import __version__
from .errors import HealthlensError

FORMATS = click.Choice(["terminal", "json", "markdown"])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="healthlens")
def main() -> None:
    """Check health web pages against curated, cited medical knowledge."""


@main.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-q", "--question", help='The reader\'s question, e.g. "Is FPIES an autoimmune disease?". Default: the first page title that is a question.')
@click.option("-f", "--format", "fmt", type=FORMATS, default="terminal", show_default=True)
def check_cmd(paths: tuple[str, ...], question: str | None, fmt: str) -> None:
    """Check pages (text or HTML files, or directories of them)."""
    from .pipeline import check
    from .report import print_report, to_json, to_markdown

    try:
        report = check(paths, question=question)
    except HealthlensError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(to_json(report))
    elif fmt == "markdown":
        click.echo(to_markdown(report))
    else:
        print_report(report)
    if all(p.error for p in report.pages):
        sys.exit(1)


@main.command("ask")
@click.argument("questions", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=FORMATS, default="terminal", show_default=True)
def ask_cmd(questions: tuple[str, ...], fmt: str) -> None:
    """Answer questions from the knowledge base alone."""
    from .pipeline import ask
    from .report import answers_to_json, answers_to_markdown, print_answers

    try:
        answers = ask(questions)
    except HealthlensError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(answers_to_json(answers))
    elif fmt == "markdown":
        click.echo(answers_to_markdown(answers))
    else:
        print_answers(answers)


if __name__ == "__main__":  # pragma: no cover
    main()
