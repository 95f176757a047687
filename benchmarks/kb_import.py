"""`healthlens kb import` on the Disease Ontology files in ../shared: time, what was linked, and the
full disagreement report (curated verdicts against the ontology's "autoimmune disease" branch)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

NAME = "kb_import"
TITLE = "Ontology import: the Disease Ontology against the curated verdicts"
DO = Path(__file__).resolve().parents[2] / "shared" / "data" / "disease-ontology"
RUNS = [
    (
        "DO TSV release (HumanDO.tsv + allXREFinDO.tsv + DO-subClassOf-anonymous.tsv)",
        ["HumanDO.tsv", "allXREFinDO.tsv", "DO-subClassOf-anonymous.tsv"],
    ),
    ("DO 2018-07-05 OBO Graphs JSON (doid-2018-07-05.json.gz)", ["doid-2018-07-05.json.gz"]),
]


def _rows(rows: list[dict]) -> list[str]:
    return [
        f"| {r['name']} | {r['verdict']} | {r['term']} {r['term_name']} | {', '.join(r['parents']) or '-'} | {r['linked_by']} |"
        for r in rows
    ]


def run() -> str:
    if not DO.exists():
        return "Skipped: ../shared/data/disease-ontology is not beside the checkout."
    from healthlens.knowledge.records import load_records
    from healthlens.knowledge.store import import_ontology

    records = load_records()
    out = [
        f"Command: `.venv/bin/python benchmarks/run.py {NAME}` (the same as `healthlens kb import FILES... --reset`, "
        "into a temporary cache so the user's store is untouched). Curated verdicts are never changed by an import.",
        "",
    ]
    old = os.environ.get("HEALTHLENS_CACHE")
    for label, names in RUNS:
        with tempfile.TemporaryDirectory() as cache:
            os.environ["HEALTHLENS_CACHE"] = cache
            t = time.perf_counter()
            rep = import_ontology([DO / n for n in names], records, reset=True)
            seconds = time.perf_counter() - t
        out += [
            f"### {label}",
            "",
            f"{rep.terms} terms ({rep.live_terms} live), {rep.exact_synonyms} exact synonyms, {rep.is_a_edges} is_a edges, "
            f"{rep.xrefs} cross-references ({rep.icd10cm_xrefs} ICD-10-CM); imported in {seconds:.1f} s. "
            f"Linked {rep.linked_records} of {len(records)} curated records ("
            + ", ".join(f"{k}: {v}" for k, v in rep.link_ranks.items())
            + f"); {len(rep.unlinked_records)} have no term (among them "
            + ", ".join(
                r
                for r in rep.unlinked_records
                if r.startswith(("food_protein", "long_covid", "pandas", "mast_cell"))
            )
            + f"). Autoimmune branch: {rep.roots['autoimmune']}; allergic branch: {rep.roots['allergic']}.",
            "",
            f"Disagreements with the autoimmune branch ({len(rep.disagreements)}): curated **yes** not under it, or curated **no** under it.",
            "",
            "| record | curated | ontology term | its parents | linked by |",
            "|---|---|---|---|---|",
            *_rows(rep.disagreements),
            "",
            f"Contested records (curated partly/uncertain) the ontology files under autoimmune disease ({len(rep.contested)}): "
            + ("; ".join(f"{r['name']} ({r['verdict']})" for r in rep.contested) or "none")
            + ".",
            "",
            f"Disagreements with the allergic branch ({len(rep.allergy_disagreements)}): "
            + (
                "; ".join(
                    f"{r['name']} ({r['kind']}; parents: {', '.join(r['parents'])})"
                    for r in rep.allergy_disagreements
                )
                or "none"
            )
            + ".",
            "",
        ]
    if old is None:
        os.environ.pop("HEALTHLENS_CACHE", None)
    else:
        os.environ["HEALTHLENS_CACHE"] = old
    return "\n".join(out)
