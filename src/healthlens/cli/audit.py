"""`healthlens audit`: audit inputs into DIR, then `audit report DIR`, `audit sql DIR "SELECT ..."`,
`audit summary DIR`. The command line of ``healthlens.audit``: each command calls one function of
its API and turns only a ``HealthlensError`` or a missing extra into a message."""

from __future__ import annotations

import os
import sys

import click

from ..limits import MAX_PAGE_BYTES
from .options import exclude_option, include_option, parse_question_from, question_from_option
from .output import echo_json, format_option, reported

__all__ = ["audit_group"]


def _needs_extra(exc: ImportError) -> str:
    return f"healthlens audit needs the audit extra: pip install 'healthlens[audit]' ({exc})"


class _DefaultRun(click.Group):
    """`healthlens audit INPUT...` means `healthlens audit run INPUT...`."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group("audit", cls=_DefaultRun, context_settings={"help_option_names": ["-h", "--help"]})
def audit_group() -> None:
    """Audit a crawl: `healthlens audit INPUT... --out DIR` (files, directories, WARC/WARC.gz,
    JSONL, Parquet), then `audit report DIR`, `audit sql DIR "SELECT ..."`, `audit summary DIR`."""


@audit_group.command("run")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Directory for the Parquet parts (resumes if it holds this audit).",
)
@click.option(
    "-q", "--question", help='The reader\'s question, e.g. "Is FPIES an autoimmune disease?".'
)
@question_from_option(column_ok=True)
@include_option
@exclude_option
@click.option(
    "-w",
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: all cores).",
)
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=10.0,
    show_default=True,
    help="Seconds of work per page before it is recorded as a timeout.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=MAX_PAGE_BYTES,
    show_default=True,
    help="Largest page in bytes; larger ones are recorded as too_large.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: when stderr is a terminal).",
)
@click.option(
    "--part-rows",
    type=click.IntRange(min=1),
    default=2000,
    hidden=True,
    help="Rows per Parquet part.",
)
def run_cmd(
    inputs,
    out_dir,
    question,
    question_from,
    include,
    exclude,
    workers,
    engine,
    timeout,
    max_bytes,
    progress,
    part_rows,
) -> None:
    """Audit INPUTS into Parquet parts in --out; rerun the same command to resume.

    \b
    Exit status:
      0  the audit ran over every input (pages that fail are rows with error set)
      1  an input given does not exist (its row records it; the others are audited),
         or an error stopped the audit (another audit in --out, a missing extra)
      2  usage error (unknown option, no input, no --out)
    """
    source, _ = parse_question_from(question_from, column_ok=True)
    if source is not None and question is not None:
        raise click.UsageError("give --question or --question-from, not both")
    missing = [p for p in inputs if not os.path.exists(p)]
    with reported(missing_extra=_needs_extra):
        # lazy: the audit's modules are slow to import, and kept off every other command's start
        from ..audit import audit
        from ..audit.limits import Limits
        from ..audit.summary import summary_lines

        show = sys.stderr.isatty() if progress is None else progress
        result = audit(
            list(inputs),
            out_dir,
            question=question,
            workers=workers,
            engine=engine,
            limits=Limits(timeout=timeout, max_bytes=max_bytes),
            part_rows=part_rows,
            progress=show,
            question_from=question_from,
            include=include,
            exclude=exclude,
        )
    s = result.stats
    verb = "resumed" if result.resumed else "audited"
    click.echo(
        f"{verb} into {out_dir}: {s.processed:,} pages in {s.seconds:,.1f} s ({result.pages_per_second:,.0f} pages/s)"
        + (f"; {s.skipped_done:,} already done" if s.skipped_done else "")
        + (
            f"; {s.skipped_other:,} WARC records that are not HTML pages skipped"
            if s.skipped_other
            else ""
        )
        + (f"; {s.crashes} worker(s) lost to a page and replaced" if s.crashes else "")
    )
    for line in summary_lines(result.summary):
        click.echo(line)
    click.echo(
        f'next: healthlens audit report {out_dir}   |   healthlens audit sql {out_dir} "SELECT ... FROM pages"'
    )
    if question is None and question_from is None:
        click.echo(
            "note: no question was asked, so on_topic and page_answer are empty; pass --question Q, "
            "or --question-from title|heading|column:NAME to ask each page its own",
            err=True,
        )
    if missing:
        click.echo(
            f"healthlens: {len(missing)} input(s) not found (recorded as error rows): "
            + ", ".join(missing),
            err=True,
        )
        sys.exit(1)


@audit_group.command("report")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="HTML file (default: DIR/report.html).",
)
def report_cmd(out_dir, output) -> None:
    """Write an HTML report with charts of the audit in DIR."""
    with reported(missing_extra=_needs_extra):
        from ..audit.report_html import write_report  # lazy: reads Parquet (the audit extra)

        path = write_report(out_dir, output)
    click.echo(f"wrote {path}")


@audit_group.command("sql")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("query")
@format_option("table", "csv", "json")
def sql_cmd(out_dir, query, fmt) -> None:
    """Run QUERY with DuckDB; the audit's rows are the table `pages`."""
    with reported(missing_extra=_needs_extra):
        from ..audit.sql import query as run_query  # lazy: DuckDB (the audit extra)

        columns, rows = run_query(out_dir, query)
    if fmt == "json":
        echo_json([dict(zip(columns, r, strict=False)) for r in rows], default=str)
    elif fmt == "csv":
        import csv  # lazy: only this format needs it, and every command's start would pay for it

        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    else:
        # lazy: rich is slow to import and only the table format needs it
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, show_lines=False)
        for r in rows:
            table.add_row(*("" if v is None else str(v) for v in r))
        Console(
            width=max(80, os.get_terminal_size().columns if sys.stdout.isatty() else 160)
        ).print(table)


@audit_group.command("summary")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
def summary_cmd(out_dir) -> None:
    """Counts by answer and error, top findings and the slowest pages of the audit in DIR."""
    with reported(missing_extra=_needs_extra):
        # lazy: reads Parquet (the audit extra)
        from ..audit.summary import summarize, summary_lines

        lines = summary_lines(summarize(out_dir))
    for line in lines:
        click.echo(line)
