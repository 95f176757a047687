"""`healthlens check`: read pages (files, folders, addresses, standard input) and report on them."""

from __future__ import annotations

import sys

import click

from .options import (
    exclude_option,
    include_option,
    parse_question_from,
    question_from_option,
)
from .output import all_formats, reported, show

__all__ = ["check_cmd", "SEVERITIES", "EXIT_UNREAD", "EXIT_USAGE", "EXIT_FINDINGS"]

SEVERITIES = ("low", "medium", "high")
EXIT_UNREAD = 1  # an input could not be read or checked, or an error stopped the command
EXIT_USAGE = 2  # a usage error (Click's own code)
EXIT_FINDINGS = 3  # check --fail-on: a finding at or above the given severity


def _is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def _fetch_url(url: str):
    """A Page for ``url`` through the web page's fetcher (public addresses only, size and time caps)."""
    with reported(
        missing_extra=lambda exc: (
            f"{url}: checking a web address needs the web extra (httpx): "
            f"pip install 'healthlens[web]' ({exc})"
        )
    ):
        # lazy: httpx is an optional extra (web), needed only for an address
        from ..web.fetch import fetch_page
        from ..web.settings import WebSettings
    return fetch_page(url, WebSettings())


def _read_stdin():
    """A Page from standard input: HTML when it looks like HTML, else text (the first line the title)."""
    from ..read import MAX_BYTES, read_bytes  # lazy: the readers load lxml, not needed for --help

    # the byte stream under stdin (click 8.5 deprecates get_binary_stream); a text-only stream,
    # as some embedders install, is read as text and encoded
    data = getattr(sys.stdin, "buffer", sys.stdin).read(MAX_BYTES + 1)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    return read_bytes(data, "<stdin>")


def _read_inputs(paths: tuple[str, ...], include: tuple[str, ...], exclude: tuple[str, ...]):
    """Pages for the arguments, in order: '-' is standard input, http(s):// addresses are
    fetched, folders are walked (filtered by --include/--exclude), files read."""
    # lazy: the readers load lxml, not needed for --help
    from ..pathselect import expand_selected
    from ..read import read_file

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


@click.command("check")
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
@all_formats
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
    # lazy: the pipeline loads the knowledge base and the stages, not needed for --help
    from ..pipeline import check_pages
    from ..report import print_report, to_json, to_markdown

    source, _ = parse_question_from(question_from, column_ok=False)
    if source is not None and question is not None:
        raise click.UsageError("give --question or --question-from, not both")
    with reported():
        pages = _read_inputs(paths, include, exclude)
        if not pages:
            raise click.ClickException(
                f"no pages to check in {', '.join(paths)}"
                + (" (no file matches --include/--exclude)" if include or exclude else "")
            )
        if source is None and question is None and len(pages) > 1:
            source = "title"  # several pages: never one page's title as everyone's question
        report = check_pages(pages, question, question_from=source, deadline=timeout)
    show(fmt, report, print_report, json=to_json, markdown=to_markdown)
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
