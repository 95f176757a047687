"""`healthlens eval extraction`: registered under the `eval` group by cli.py."""

from __future__ import annotations

import json

import click

from .cli_options import terminal_or_json
from .errors import HealthlensError

__all__ = ["eval_extraction_cmd"]


@click.command("extraction")
@click.argument("path", type=click.Path(), default="../shared/data/article-extraction-benchmark")
@click.option(
    "--split",
    type=click.Choice(["all", "tune", "holdout"]),
    default="all",
    show_default=True,
    help="Pages sorted by file name: index % 3 == 0 is the held-out third, the rest 'tune'.",
)
@click.option("--limit", type=int, default=None, help="Only the first N pages of the split.")
@click.option(
    "--worst", type=int, default=10, show_default=True, help="Worst pages to list; -1 for all."
)
@click.option(
    "--no-compare", is_flag=True, help="Do not run trafilatura.extract beside the reader."
)
@terminal_or_json
def eval_extraction_cmd(
    path: str, split: str, limit: int | None, worst: int, no_compare: bool, fmt: str
) -> None:
    """Main-text F1, precision and recall (word 4-grams) on the article-extraction benchmark
    (PATH: html/*.html.gz and ground-truth.json), beside trafilatura.extract in the same run."""
    from .evaluate.extraction import evaluate_extraction

    try:
        ev = evaluate_extraction(
            path, split=split, limit=limit, compare=not no_compare, worst=worst
        )
    except HealthlensError as exc:
        raise click.ClickException(str(exc)) from exc
    d = ev.to_dict()
    if fmt == "json":
        click.echo(json.dumps(d, indent=2, ensure_ascii=False))
        return
    click.echo(f"{d['pages']} pages (split: {split}), one process, one core")
    click.echo(f"  {'reader':<27}{'F1':>7}{'precision':>11}{'recall':>8}{'ms/page':>9}  empty")
    for s in d["extractors"]:
        click.echo(
            f"  {s['name']:<27}{s['f1']:>7.3f}{s['precision']:>11.3f}{s['recall']:>8.3f}"
            f"{s['ms_per_page']:>9.2f}  {len(s['failures'])}"
        )
    if "speed_ratio" in d:
        click.echo(f"  healthlens is {d['speed_ratio']:.2f}x faster than trafilatura.extract")
    if d["worst"]:
        click.echo("worst pages (healthlens F1, precision, recall; trafilatura F1):")
    for row in d["worst"]:
        p = "—" if row["precision"] is None else f"{row['precision']:.2f}"
        r = "—" if row["recall"] is None else f"{row['recall']:.2f}"
        tf = f"  tf {row['trafilatura_f1']:.2f}" if "trafilatura_f1" in row else ""
        click.echo(f"  {row['f1']:.2f} P {p} R {r}{tf}  {row['id'][:12]}  {row['url'][:90]}")
