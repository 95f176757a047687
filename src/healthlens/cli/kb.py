"""`healthlens kb ...`: show, stats, check, import, clear. Each command calls one function of
``healthlens.knowledge`` and prints its result as text or as JSON."""

from __future__ import annotations

import sys

import click

from .output import reported, show, terminal_or_json

__all__ = ["kb_group"]


@click.group("kb")
def kb_group() -> None:
    """The knowledge base: look a condition up, count, validate, import an ontology."""


@kb_group.command("show")
@click.argument("condition", nargs=-1, required=True)
@terminal_or_json
def kb_show_cmd(condition: tuple[str, ...], fmt: str) -> None:
    """Everything known about CONDITION (a name, synonym, lay name, British spelling or abbreviation)."""
    # lazy: the knowledge base and terminology load only when a command needs them, not for --help
    from ..knowledge import get_knowledge
    from ..knowledge.store import load_store
    from ..knowledge.summary import record_card
    from ..question import resolve_subject

    phrase = " ".join(condition)
    kb = get_knowledge()
    ids = resolve_subject(phrase, kb)
    if not ids:
        raise click.ClickException(
            f"no condition in the knowledge base matches “{phrase}”; try another name or `healthlens kb stats`"
        )
    store = load_store()
    cards = [record_card(kb, cid, store) for cid in ids]
    show(fmt, cards, lambda cards: _print_cards(cards, phrase))


def _print_cards(cards: list[dict], phrase: str) -> None:
    for i, card in enumerate(cards):
        if i:
            click.echo(f"\nAlso read as “{phrase}”:")
        _print_card(card)


def _print_card(c: dict) -> None:
    if not c["curated"]:
        codes = f" (ICD-10-CM {', '.join(c['icd10cm'])})" if c["icd10cm"] else ""
        click.echo(
            f"{c['name']}{codes}: in the terminology ({c['source']}) only; no curated record, no verdict."
        )
        return
    click.secho(f"{c['name']}  [{c['id']}, {c['file']}]", bold=True)
    click.echo(
        f"  autoimmune: {c['autoimmune']}    mechanism: {c['mechanism']}    allergy: {c['allergy']}"
    )
    click.echo(f"  reason: {c['reason']}")
    if c["caution"]:
        click.secho(f"  caution: {c['caution']}", fg="yellow")
    for key in ("synonyms", "lay_names", "british", "icd10cm", "markers"):
        if c[key]:
            click.echo(f"  {key.replace('_', ' ')}: {'; '.join(c[key])}")
    for a in c["abbreviations"]:
        flags = [
            w
            for w, on in (("ambiguous", a["ambiguous"]), ("most common reading", a["primary"]))
            if on
        ]
        also = f"; also {', '.join(a['also'])}" if a["also"] else ""
        exception = f"; {a['exception']}" if a["exception"] else ""
        click.echo(
            f"  abbreviation: {a['short']}{' (' + ', '.join(flags) + ')' if flags else ''}{also}{exception}"
        )
    for a in c["associations"]:
        click.echo(f"  link: {a['reads']} [{a['evidence']}]")
    for family in ("contagious", "inherited", "curable"):
        p = c["properties"].get(family)
        if p is None:
            click.echo(f"  {family}: no property data yet")
            continue
        click.echo(f"  {family}: {p['verdict']} ({p['basis']}): {p['reason']}")
        if p["caution"]:
            click.secho(f"    caution: {p['caution']}", fg="yellow")
        for src in p["sources"]:
            click.secho(f"    source: {src['publisher']}: {src['title']}", fg="cyan")
    for s in c["sources"]:
        year = f" ({s['year']})" if s["year"] else ""
        click.secho(
            f"  source: {s['publisher']}: {s['title']}{year}"
            + (f" {s['url']}" if s["url"] else ""),
            fg="cyan",
        )
    for t in c["ontology"] or []:
        where = "under" if t["under_autoimmune_disease"] else "not under"
        click.echo(
            f"  ontology: {t['id']} {t['name']} (linked by {t['linked_by']}; parents: {', '.join(t['parents']) or '-'}; {where} autoimmune disease)"
        )


@kb_group.command("stats")
@terminal_or_json
def kb_stats_cmd(fmt: str) -> None:
    """Counts by verdict and by mechanism class, and what the records carry."""
    # lazy: the knowledge base and terminology load only when a command needs them, not for --help
    from ..knowledge import get_knowledge
    from ..knowledge.store import load_store
    from ..knowledge.summary import stats

    show(fmt, stats(get_knowledge(), load_store()), _print_stats)


def _print_stats(s: dict) -> None:
    click.echo(f"{s['records']} curated condition records")
    click.echo(
        "by autoimmune verdict: " + ", ".join(f"{k} {v}" for k, v in s["by_verdict"].items())
    )
    click.echo("by mechanism class:")
    verdicts = list(s["by_verdict"])
    click.echo(f"  {'mechanism':<18}{'total':>6}" + "".join(f"{v:>10}" for v in verdicts))
    for m, total in s["by_mechanism"].items():
        row = s["by_mechanism_and_verdict"][m]
        click.echo(f"  {m:<18}{total:>6}" + "".join(f"{row[v]:>10}" for v in verdicts))
    click.echo(
        "answer to 'is it an allergy?': "
        + ", ".join(f"{k} {v}" for k, v in sorted(s["allergy_answer"].items()))
    )
    n = s["names"]
    click.echo(
        f"names: {n['synonyms']} synonyms, {n['lay_names']} lay names, {n['british']} British spellings"
    )
    a = s["abbreviations"]
    click.echo(
        f"abbreviations: {a['total']} ({a['ambiguous']} marked ambiguous, {a['shared_by_several_records']} shared by several records, {a['established_exceptions']} established exceptions)"
    )
    click.echo(
        f"ICD-10-CM codes: {s['icd10cm_codes']} on {s['records_with_icd10cm']} records; diagnostic markers on {s['records_with_markers']} records"
    )
    asc = s["associations"]
    click.echo(
        f"associations: {asc['total']} ("
        + ", ".join(f"{k} {v}" for k, v in asc["by_evidence"].items())
        + ")"
    )
    for family, counts in s["properties"]["by_family"].items():
        click.echo(
            f"{family}: "
            + ", ".join(f"{k} {v}" for k, v in counts.items())
            + f" (basis: {', '.join(f'{k} {v}' for k, v in s['properties']['basis'][family].items())})"
        )
    click.echo(
        f"debated classifications: {s['debated']} records; families of related conditions: "
        f"{s['groups']}"
    )
    click.echo(
        f"sources: {s['sources']} ({s['sources_with_url']} with a verified URL); most cited: "
        + "; ".join(f"{p} {c}" for p, c in list(s["publishers"].items())[:5])
    )
    t = s["terminology"]
    click.echo(
        f"terminology: {t['concepts']} concepts ({t['from_icd10cm']} from ICD-10-CM, {t['from_ontology']} from an imported ontology), {t['names']} name forms"
    )
    imp = s["imported_ontology"]
    click.echo(
        "imported ontology: "
        + (
            f"{imp['terms']} terms from {', '.join(imp['sources'])}; {imp['linked_records']} records linked"
            if imp
            else "none (healthlens kb import PATH)"
        )
    )


@kb_group.command("check")
@click.option(
    "--no-icd",
    is_flag=True,
    help="Skip the ICD-10-CM code check (it loads the code set, a few seconds).",
)
def kb_check_cmd(no_icd: bool) -> None:
    """Validate every curated record against the rules (exit 1 on any problem)."""
    # lazy: the knowledge base and terminology load only when a command needs them, not for --help
    from ..knowledge.properties import load_properties, property_files
    from ..knowledge.records import RecordError, load_records
    from ..knowledge.validate import RULES, validate, validate_properties

    with reported(RecordError):
        records = load_records()
        properties = load_properties()
    problems = validate(records, [r for r in RULES if not (no_icd and r == "icd10cm")])
    property_problems = validate_properties(records, properties)
    for p in problems + property_problems:
        click.echo(str(p))
    covered = sum(1 for r in records if len(properties.get(r, {})) == 3)
    click.echo(
        f"property data (contagious, inherited, curable): {covered} of {len(records)} records "
        f"complete, from {len(property_files())} file(s) in knowledge/data/properties/"
    )
    missing = [p for p in property_problems if p.message.startswith("no property data")]
    if missing:
        click.echo(f"{len(missing)} record(s) have no or incomplete property data")
    total = len(problems) + len(property_problems)
    click.echo(f"{len(records)} records, {total} problem(s)")
    if total:
        sys.exit(1)


@kb_group.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--reset", is_flag=True, help="Forget what was imported before instead of adding to it."
)
@terminal_or_json
def kb_import_cmd(paths: tuple[str, ...], reset: bool, fmt: str) -> None:
    """Import an ontology (OBO, OBO Graphs JSON, Disease Ontology TSV) into the local store.

    Adds names, synonyms, hierarchy and cross-references; never changes a curated verdict;
    reports where the ontology's hierarchy disagrees with the curated verdicts.
    """
    # lazy: the knowledge base and terminology load only when a command needs them, not for --help
    from ..knowledge.records import load_records
    from ..knowledge.store import import_ontology

    with reported(ValueError):
        report = import_ontology(paths, load_records(), reset=reset)
    show(fmt, report, _print_import)


def _print_import(report) -> None:
    for src in report.sources:
        click.echo(f"read {src['path']} ({src['format']}, {src['terms']} terms)")
    click.echo(
        f"store: {report.store}: {report.terms} terms ({report.live_terms} live), {report.exact_synonyms} exact synonyms, "
        f"{report.is_a_edges} is_a edges, {report.xrefs} cross-references ({report.icd10cm_xrefs} ICD-10-CM)"
    )
    click.echo(
        f"linked {report.linked_records} curated records ("
        + ", ".join(f"{k} {v}" for k, v in report.link_ranks.items())
        + f"); {len(report.unlinked_records)} have no term in this ontology"
    )
    roots = ", ".join(f"{k}: {v or 'not found'}" for k, v in report.roots.items())
    click.echo(f"branches compared: {roots}. Curated verdicts stand; the ontology only reports.")
    _print_rows("Disagreements with the autoimmune branch", report.disagreements)
    _print_rows("Contested records the ontology files under autoimmune disease", report.contested)
    _print_rows("Disagreements with the allergic branch", report.allergy_disagreements)


def _print_rows(title: str, rows: list[dict]) -> None:
    click.secho(f"{title} ({len(rows)}):", bold=True)
    for r in rows:
        click.echo(
            f"  {r['name']} [{r['verdict']}] — {r['term']} {r['term_name']} (parents: {', '.join(r['parents']) or '-'}; "
            f"linked by {r['linked_by']}): {r['kind']}"
        )


@kb_group.command("clear")
def kb_clear_cmd() -> None:
    """Forget the imported ontology (the curated records are untouched)."""
    from ..knowledge.store import clear_store, store_path  # lazy: not needed for --help

    click.echo(f"removed {store_path()}" if clear_store() else "nothing was imported")
