"""`healthlens eval abbreviations`: registered under the `eval` group by cli.py."""

from __future__ import annotations

import json

import click

from .cli_options import terminal_or_json
from .errors import HealthlensError

__all__ = ["eval_abbreviations_cmd"]


@click.command("abbreviations")
@click.argument("path", type=click.Path(), required=False)
@click.option("--limit", type=int, default=None, help="Only the first N abstracts.")
@click.option(
    "--misses",
    type=int,
    default=20,
    show_default=True,
    help="False positives and negatives to list (each); -1 for all.",
)
@terminal_or_json
def eval_abbreviations_cmd(path: str | None, limit: int | None, misses: int, fmt: str) -> None:
    """Precision and recall of abbreviation definitions on the Ab3P gold corpus (PATH; default
    ../shared/data/ab3p/MED1250_labeled beside the repository checkout, whatever the current folder)."""
    from .cli_options import shared_data
    from .evaluate import evaluate_abbreviations

    path = path or shared_data("data/ab3p/MED1250_labeled", "AB3P_FILE", "eval abbreviations")
    try:
        ev = evaluate_abbreviations(path, limit=limit)
    except HealthlensError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(ev.to_dict(), indent=2, ensure_ascii=False))
        return
    d = ev.to_dict()
    click.echo(
        f"{ev.abstracts} abstracts, {ev.detector.gold} gold pairs; matching: {d['matching']}"
    )
    click.echo(f"  {'':<26}{'precision':>10}{'recall':>8}{'F1':>7}   right/found/gold")
    for label, key in (
        ("detector", "detector"),
        ("detector, lenient match", "detector_lenient"),
        ("detector + candidates", "detector_with_candidates"),
        ("pipeline (analyze_page)", "pipeline"),
    ):
        s = d[key]
        click.echo(
            f"  {label:<26}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['f1']:>7.3f}   {s['right']}/{s['predicted']}/{s['gold']}"
        )
    click.echo(
        f"abbreviation_conflict: {d['conflicts']} raised, {d['conflicts_on_gold_pairs']} on gold pairs"
    )
    ms = d["ms_per_abstract"]
    click.echo(
        f"time per abstract: detector {ms['detector']:.2f} ms, pipeline {ms['pipeline']:.2f} ms"
    )
    for c in ev.conflicts:
        click.echo(
            f"  conflict {c['pmid']}: {c['message']}{' (a gold pair)' if c['gold'] else ''}\n      “{c['sentence'][:160]}”"
        )
    n = None if misses < 0 else misses
    for title, rows in (
        ("false positives", ev.false_positives),
        ("false negatives", ev.false_negatives),
    ):
        shown = rows[:n]
        click.echo(
            f"{title} ({len(rows)}{'' if len(shown) == len(rows) else f', first {len(shown)}'}):"
        )
        for r in shown:
            extra = f" [{r['pattern']}]" if "pattern" in r else ""
            click.echo(
                f"  {r['pmid']}: {r['short']} = {r['long']}{extra}\n      “{r['sentence'][:160]}”"
            )
