"""`healthlens eval ...`: quality on labelled or trusted data (pages, trusted, questions,
abbreviations, extraction). Each command calls one function of ``healthlens.evaluate`` and prints
its result as a table or as JSON."""

from __future__ import annotations

import click

from .options import shared_data
from .output import reported, show, terminal_or_json

__all__ = ["eval_group"]


@click.group("eval")
def eval_group() -> None:
    """Measure quality on labelled or trusted data."""


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


# eval pages ------------------------------------------------------------------------------------


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
@click.option(
    "--skip-missing",
    is_flag=True,
    help="Real-page corpus only: evaluate the pages whose text is in the cache and say how many "
    "were left out, instead of stopping (figures compare only with figures on the same pages).",
)
def eval_pages_cmd(
    labels: str, fmt: str, cache: str | None, split: str | None, skip_missing: bool
) -> None:
    """Accuracy on labelled pages (LABELS.jsonl), with every miss and the sentence that misled.

    LABELS is either a page set with its files beside it (benchmarks/data/pages/labels.jsonl) or the
    real-page corpus (benchmarks/data/real/pages.jsonl), whose texts are read from a local cache."""
    # lazy: the evaluations load the pipeline and the knowledge base, not needed for --help
    from ..evaluate import evaluate_pages
    from ..evaluate.real import is_real_corpus
    from .evaluate_real import show_real

    if is_real_corpus(labels):
        show_real(labels, fmt, cache, split, skip_missing)
        return
    with reported():
        ev = evaluate_pages(labels)
    show(fmt, ev, _print_pages)


def _print_pages(ev) -> None:
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


# eval trusted ----------------------------------------------------------------------------------


@eval_group.command("trusted")
@click.argument("medquad", type=click.Path(), required=False)
@click.option("--limit", type=int, default=None, help="Only the first N files.")
@terminal_or_json
def eval_trusted_cmd(medquad: str | None, limit: int | None, fmt: str) -> None:
    """Alarms on trusted NIH pages (MedQuAD); every alarm is listed. MEDQUAD defaults to
    ../shared/data/medquad beside the repository checkout (whatever the current folder)."""
    from ..evaluate import evaluate_trusted  # lazy: loads the pipeline, not needed for --help

    medquad = medquad or shared_data("data/medquad", "MEDQUAD_DIR", "eval trusted")
    with reported():
        ev = evaluate_trusted(medquad, limit)
    show(fmt, ev, _print_trusted)


def _print_trusted(ev) -> None:
    click.echo(
        f"{ev.pages} pages, {ev.with_alarm} with an alarm ({ev.rate:.2%}); by kind: {dict(ev.alarms)}"
    )
    for a in ev.listed:
        click.echo(
            f"  {a['file']}: {a['kind']}: {a['message']}\n      “{(a['sentence'] or '')[:160]}”"
        )


# eval questions --------------------------------------------------------------------------------


@eval_group.command("questions")
@click.argument("path", type=click.Path())
@terminal_or_json
def eval_questions_cmd(path: str, fmt: str) -> None:
    """Accuracy of `ask` on reference questions (JSONL), with every miss and why."""
    # lazy: loads the knowledge base, not needed for --help
    from ..evaluate.questions import evaluate_questions

    with reported():
        ev = evaluate_questions(path)
    show(fmt, ev, _print_questions)


def _print_questions(ev) -> None:
    click.echo(f"{ev.right}/{ev.n} answered correctly ({ev.accuracy:.1%})")
    if ev.skipped:
        click.echo(
            f"skipped {len(ev.skipped)} contagious/inherited/curable row(s): no property data for "
            "their condition yet"
        )
    for p, (right, n) in ev.to_dict()["by_predicate"].items():
        click.echo(f"  {p:<11} {right}/{n}")
    click.echo(f"misses ({len(ev.misses)}):")
    for m in ev.misses:
        click.echo(
            f"  {m['question']} expected {m['expected_verdict']}/{m['expected_condition_id']} "
            f"got {m['verdict']}/{m['condition_id']}: {m['why']}"
        )


# eval abbreviations ----------------------------------------------------------------------------


@eval_group.command("abbreviations")
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
    from ..evaluate import evaluate_abbreviations  # lazy: loads the pipeline, not for --help

    path = path or shared_data("data/ab3p/MED1250_labeled", "AB3P_FILE", "eval abbreviations")
    with reported():
        ev = evaluate_abbreviations(path, limit=limit)
    show(fmt, ev, lambda ev: _print_abbreviations(ev, misses))


def _print_abbreviations(ev, misses: int) -> None:
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


# eval extraction -------------------------------------------------------------------------------


@eval_group.command("extraction")
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
    # lazy: loads the readers (lxml), not needed for --help
    from ..evaluate.extraction import evaluate_extraction

    with reported():
        ev = evaluate_extraction(
            path, split=split, limit=limit, compare=not no_compare, worst=worst
        )
    show(fmt, ev.to_dict(), lambda d: _print_extraction(d, split))


def _print_extraction(d: dict, split: str) -> None:
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
