"""`healthlens eval pages benchmarks/data/real/pages.jsonl`: the real-page corpus in the terminal or
as JSON. Imported by `eval pages` when its labels are the real-page corpus."""

from __future__ import annotations

import click

from ..evaluate.real import MEASURES, SPLITS, CacheMissing, RealEval, evaluate_real
from .output import reported, show

__all__ = ["show_real", "real_table"]

LABEL = {"correct": "agrees with evidence", "page_answer": "page answer (partly=unclear)"}


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def real_table(ev: RealEval, splits=SPLITS) -> list[str]:
    """Per measure: each split's accuracy beside the 'no' stub's, and the dev-test gap."""
    lines = []
    for m in MEASURES:
        cells = []
        for s in splits:
            t, b = ev.split(s), ev.baseline[s]
            if t.total[m]:
                cells.append(
                    f"{s} {_pct(t.accuracy(m))} ({t.correct[m]}/{t.total[m]}, stub {_pct(b.accuracy(m))})"
                )
        lines.append(f"  {LABEL.get(m, m):<30} " + "   ".join(cells))
    return lines


def show_real(
    labels: str, fmt: str, cache: str | None, split: str | None, skip_missing: bool = False
) -> None:
    """Evaluate the real-page corpus and print it: a table per split, or JSON."""
    with reported():
        try:
            ev = evaluate_real(labels, cache=cache, split=split, skip_missing=skip_missing)
        except CacheMissing as exc:
            raise click.ClickException(f"skipped: {exc}") from exc
    show(fmt, ev, _print_real)


def _print_real(ev: RealEval) -> None:
    splits = [s for s in SPLITS if ev.split(s).pages]
    click.echo(
        f"{ev.n} real pages ("
        + ", ".join(f"{s} {ev.split(s).pages}" for s in splits)
        + "); stub = answers 'no' to everything"
        + (
            f"; {ev.skipped} pages skipped (text not in the cache: benchmarks/real_cache.py lists them)"
            if ev.skipped
            else ""
        )
    )
    for line in real_table(ev, splits):
        click.echo(line)
    for key in ("family", "source_type", "batch"):
        for s in splits:
            click.echo(f"{s} by {key.replace('_', ' ')}:")
            for value, t in ev.by(key, s).items():
                accs = "  ".join(
                    f"{m.split('_')[-1][:6]} {_pct(t.accuracy(m))}" for m in MEASURES if t.total[m]
                )
                name = f"batch {value}" if key == "batch" else value
                click.echo(f"  {name:<14} {t.pages:>3} pages  {accs}")
    for s in splits:
        click.echo(f"{s} page answer confusion (expected -> read):")
        for (g, p), n in sorted(ev.confusion[s].items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
            click.echo(f"  {g:>12} -> {p or '-':<12} {n}")
    click.echo(f"misses ({len(ev.misses)}):")
    for miss in ev.misses:
        click.echo(
            f"  [{miss['split']}] {miss['id']} {miss['measure']}: expected {miss['expected']}, "
            f"read {miss['read']}  ({miss['question']})"
        )
        if miss["sentence"]:
            click.echo(f"      “{miss['sentence'][:200]}”")
