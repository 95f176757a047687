"""The `healthlens` command: a thin layer over the library functions."""

from __future__ import annotations

import sys

import click

from . import __version__
from .cli_options import (
    exclude_option,
    include_option,
    parse_question_from,
    question_from_option,
    terminal_or_json,
)
from .errors import HealthlensError

FORMATS = click.Choice(["terminal", "json", "markdown"])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="healthlens")
def main() -> None:
    """Check health web pages against curated, cited medical knowledge."""


SEVERITIES = ("low", "medium", "high")
EXIT_UNREAD = 1  # an input could not be read or checked, or an error stopped the command
EXIT_USAGE = 2  # a usage error (Click's own code)
EXIT_FINDINGS = 3  # check --fail-on: a finding at or above the given severity


def _is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def _fetch_url(url: str):
    """A Page for ``url`` through the web page's fetcher (public addresses only, size and time caps)."""
    try:
        from .web.fetch import fetch_page
        from .web.settings import WebSettings
    except ImportError as exc:
        raise click.ClickException(
            f"{url}: checking a web address needs the web extra (httpx): "
            f"pip install 'healthlens[web]' ({exc})"
        ) from exc
    return fetch_page(url, WebSettings())


def _read_stdin():
    """A Page from standard input: HTML when it looks like HTML, else text (the first line the title)."""
    from .read import MAX_BYTES, read_bytes

    # click's annotations give get_binary_stream the type "object"
    data = click.get_binary_stream("stdin").read(MAX_BYTES + 1)  # type: ignore[operator]
    return read_bytes(data, "<stdin>")


def _read_inputs(paths: tuple[str, ...], include: tuple[str, ...], exclude: tuple[str, ...]):
    """Pages for the arguments, in order: '-' is standard input, http(s):// addresses are
    fetched, folders are walked (filtered by --include/--exclude), files read."""
    from .pathselect import expand_selected
    from .read import read_file

    pages = []
    for arg in paths:
        if arg == "-":
            pages.append(_read_stdin())
        elif _is_url(arg):
            pages.append(_fetch_url(arg))
        else:
            pages.extend(read_file(f) for f in expand_selected([arg], include, exclude))
    return pages


def _reaches(findings: list, threshold: str) -> bool:
    rank = SEVERITIES.index(threshold)
    return any(SEVERITIES.index(f.severity) >= rank for f in findings if f.severity in SEVERITIES)


@main.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-q",
    "--question",
    help='The reader\'s question, e.g. "Is FPIES an autoimmune disease?". Default: for one page, '
    "its title when that is a question; for several, each page's own title (--question-from title).",
)
@question_from_option(column_ok=False)
@include_option
@exclude_option
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Exit with status 3 when a checked page has a finding of this severity or higher.",
)
@click.option("-f", "--format", "fmt", type=FORMATS, default="terminal", show_default=True)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    help="Seconds for the whole check; pages not done by then get the error kind timeout.",
)
def check_cmd(
    paths: tuple[str, ...],
    question: str | None,
    question_from: str | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    fail_on: str | None,
    fmt: str,
    timeout: float | None,
) -> None:
    """Check pages: text or HTML files, folders of them, http(s):// addresses, or - for standard
    input (HTML when it looks like HTML, else text).

    \b
    Exit status:
      0  every input was checked (and none reached --fail-on)
      1  an input could not be read or checked (missing, unreadable, refused or failed fetch),
         or an error stopped the command; the other inputs are still reported
      2  usage error (unknown option, no input)
      3  --fail-on SEVERITY: a checked page has a finding at or above SEVERITY
    """
    from .pipeline import check_pages
    from .report import print_report, to_json, to_markdown

    source, _ = parse_question_from(question_from, column_ok=False)
    if source is not None and question is not None:
        raise click.UsageError("give --question or --question-from, not both")
    try:
        pages = _read_inputs(paths, include, exclude)
        if not pages:
            raise click.ClickException(
                f"no pages to check in {', '.join(paths)}"
                + (" (no file matches --include/--exclude)" if include or exclude else "")
            )
        if source is None and question is None and len(pages) > 1:
            source = "title"  # several pages: never one page's title as everyone's question
        report = check_pages(pages, question, question_from=source, deadline=timeout)
    except HealthlensError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(to_json(report))
    elif fmt == "markdown":
        click.echo(to_markdown(report))
    else:
        print_report(report)
    failed = [p.error.message for p in report.pages if p.error]
    if failed:
        click.echo(
            f"healthlens: {len(failed)} of {len(report.pages)} input(s) could not be checked: "
            + "; ".join(failed[:5])
            + (" ..." if len(failed) > 5 else ""),
            err=True,
        )
        sys.exit(EXIT_UNREAD)
    if fail_on and any(_reaches(p.findings, fail_on) for p in report.pages):
        sys.exit(EXIT_FINDINGS)


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
@terminal_or_json
@click.option(
    "--cache",
    type=click.Path(file_okay=False),
    default=None,
    help="Real-page corpus only: the folder of cached page texts "
    "(default ~/.cache/healthlens-dev/real, or $HEALTHLENS_REAL_CACHE).",
)
@click.option(
    "--split",
    type=click.Choice(["dev", "test"]),
    default=None,
    help="Real-page corpus only: evaluate one split (default both, reported apart).",
)
def eval_pages_cmd(labels: str, fmt: str, cache: str | None, split: str | None) -> None:
    """Accuracy on labelled pages (LABELS.jsonl), with every miss and the sentence that misled.

    LABELS is either a page set with its files beside it (benchmarks/data/pages/labels.jsonl) or the
    real-page corpus (benchmarks/data/real/pages.jsonl), whose texts are read from a local cache."""
    import json

    from .evaluate import evaluate_pages
    from .evaluate.real import is_real_corpus

    if is_real_corpus(labels):
        from .eval_real_cli import run_real

        run_real(labels, fmt, cache, split)
        return
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
@click.argument("medquad", type=click.Path(), required=False)
@click.option("--limit", type=int, default=None, help="Only the first N files.")
@terminal_or_json
def eval_trusted_cmd(medquad: str | None, limit: int | None, fmt: str) -> None:
    """Alarms on trusted NIH pages (MedQuAD); every alarm is listed. MEDQUAD defaults to
    ../shared/data/medquad beside the repository checkout (whatever the current folder)."""
    import json

    from .cli_options import shared_data
    from .evaluate import evaluate_trusted

    medquad = medquad or shared_data("data/medquad", "MEDQUAD_DIR", "eval trusted")
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
