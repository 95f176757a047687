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
@click.option(
    "-q",
    "--question",
    help='The reader\'s question, e.g. "Is FPIES an autoimmune disease?". Default: the first page title that is a question.',
)
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
    from .answer import ask
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


@main.group("eval")
def eval_group() -> None:
    """Measure quality on labelled or trusted data."""


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


@eval_group.command("pages")
@click.argument("labels", type=click.Path())
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["terminal", "json"]),
    default="terminal",
    show_default=True,
)
def eval_pages_cmd(labels: str, fmt: str) -> None:
    """Accuracy on labelled pages (LABELS.jsonl), with every miss and the sentence that misled."""
    import json

    from .evaluate import evaluate_pages

    try:
        ev = evaluate_pages(labels)
    except HealthlensError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(ev.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(f"{ev.n} pages")
    for m in sorted(ev.total):
        click.echo(f"  {m:<15} {_pct(ev.accuracy(m))}  ({ev.correct[m]}/{ev.total[m]})")
    click.echo("page answer confusion (gold -> predicted):")
    for (g, p), n in sorted(ev.confusion.items()):
        click.echo(f"  {g:>12} -> {p or '-':<12} {n}")
    click.echo("alarm findings (tp/fp/fn):")
    for kind in sorted({k for k, _ in ev.findings}):
        click.echo(
            f"  {kind:<22} {ev.findings[(kind, 'tp')]}/{ev.findings[(kind, 'fp')]}/{ev.findings[(kind, 'fn')]}"
        )
    click.echo(f"misses ({len(ev.misses)}):")
    for miss in ev.misses:
        click.echo(
            f"  {miss['file']}: {miss['measure']} gold={miss['gold']} got={miss['predicted']}"
        )
        if miss["sentence"]:
            click.echo(f"      “{miss['sentence'][:160]}”")


@eval_group.command("trusted")
@click.argument("medquad", type=click.Path(), default="../shared/data/medquad")
@click.option("--limit", type=int, default=None, help="Only the first N files.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["terminal", "json"]),
    default="terminal",
    show_default=True,
)
def eval_trusted_cmd(medquad: str, limit: int | None, fmt: str) -> None:
    """Alarms on trusted NIH pages (MedQuAD); every alarm is listed."""
    import json

    from .evaluate import evaluate_trusted

    try:
        ev = evaluate_trusted(medquad, limit)
    except HealthlensError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(ev.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(
        f"{ev.pages} pages, {ev.with_alarm} with an alarm ({ev.rate:.2%}); by kind: {dict(ev.alarms)}"
    )
    for a in ev.listed:
        click.echo(
            f"  {a['file']}: {a['kind']}: {a['message']}\n      “{(a['sentence'] or '')[:160]}”"
        )


from .kb_cli import eval_questions_cmd, kb_group  # noqa: E402 - registered after the core commands

main.add_command(kb_group)
eval_group.add_command(eval_questions_cmd)

from .cli_abbreviations import eval_abbreviations_cmd  # noqa: E402  (its own module, for easy merges)

eval_group.add_command(eval_abbreviations_cmd)

from .cli_extraction import eval_extraction_cmd  # noqa: E402  (its own module, for easy merges)

eval_group.add_command(eval_extraction_cmd)

from .web.cli import serve  # noqa: E402  (the web stack itself is imported only when `serve` runs)

main.add_command(serve)

from .audit.cli import audit_group  # noqa: E402 - registered last, like every command group

main.add_command(audit_group)

if __name__ == "__main__":  # pragma: no cover
    main()
