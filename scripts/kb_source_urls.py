"""Give knowledge-base sources the URL of the NIH page they cite, where that is certain.

A source is given a URL only when MedQuAD (../shared/data/medquad: NIH pages, each XML file
carrying the page's own URL) holds exactly one document from the same publisher whose focus is
the source's title, letter for letter (case aside). The matches are written to
src/healthlens/knowledge/data/source_urls.tsv with the MedQuAD file they come from, and the URL
is set on every matching source in the condition and property files; `healthlens kb check` then refuses any
source URL that is not in that list.

usage: python scripts/kb_source_urls.py [MEDQUAD_DIR]   (rerun after adding records)
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "healthlens" / "knowledge" / "data"

# The knowledge base's publisher names -> MedQuAD's `source` attribute.
PUBLISHER_TO_MEDQUAD = {
    "MedlinePlus (U.S. National Library of Medicine)": "MPlusHealthTopics",
    "MedlinePlus Genetics (U.S. National Library of Medicine)": "GHR",
    "Genetic and Rare Diseases Information Center (GARD)": "GARD",
    "National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK)": "NIDDK",
    "National Institute of Neurological Disorders and Stroke (NINDS)": "NINDS",
    "National Heart, Lung, and Blood Institute (NHLBI)": "NHLBI",
    "Centers for Disease Control and Prevention (CDC)": "CDC",
    "National Cancer Institute (NCI)": "CancerGov",
}
_DOC = re.compile(r'<Document id="([^"]+)" source="([^"]+)" url="([^"]+)"')
_FOCUS = re.compile(r"<Focus>(.*?)</Focus>", re.S)


def medquad_index(root: Path) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """(source, focus folded) -> {(url, file)} over every MedQuAD document."""
    index: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for path in sorted(root.glob("*/*.xml")):
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
        doc, focus = _DOC.search(head), _FOCUS.search(head)
        if doc and focus:
            key = (doc.group(2), " ".join(focus.group(1).split()).lower())
            index[key].add((doc.group(3), path.relative_to(root).as_posix()))
    return index


def matches(root: Path) -> list[tuple[str, str, str, str]]:
    """(publisher, title, url, provenance) for every source with exactly one MedQuAD URL."""
    index = medquad_index(root)
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for path in sorted((DATA / "conditions").glob("*.yaml")):
        for rec in yaml.safe_load(path.read_text(encoding="utf-8")):
            for src in rec["sources"]:
                medquad = PUBLISHER_TO_MEDQUAD.get(src["publisher"])
                if medquad is None:
                    continue
                hits = index.get((medquad, " ".join(src["title"].split()).lower()), set())
                urls = {url for url, _ in hits}
                if len(urls) == 1:
                    url = urls.pop()
                    files = sorted(f for u, f in hits if u == url)
                    found[(src["publisher"], src["title"])] = (url, "medquad:" + files[0])
    return [(p, t, u, prov) for (p, t), (u, prov) in sorted(found.items())]


def apply(rows: list[tuple[str, str, str, str]]) -> int:
    """Set `url:` under each matching source in the condition and property files (a text edit that
    keeps the comments)."""
    by_source = {(p, t): u for p, t, u, _ in rows}
    block = re.compile(
        r"(- publisher: (?P<p>.+)\n(?P<i>\s+)title: (?P<t>.+)\n\s+year: .*\n\s+url: )(?P<u>.*)"
    )
    changed = 0
    files = sorted((DATA / "conditions").glob("*.yaml")) + sorted(
        (DATA / "properties").glob("*.yaml")
    )
    for path in files:
        text = path.read_text(encoding="utf-8")

        def repl(m: re.Match) -> str:
            nonlocal changed
            key = (yaml.safe_load(m["p"]), yaml.safe_load(m["t"]))
            url = by_source.get(key)
            if url is None or m["u"].strip() not in ("null", ""):
                return m.group(0)
            changed += 1
            return m.group(1) + url

        path.write_text(block.sub(repl, text), encoding="utf-8")
    return changed


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data" / "medquad"
    if not root.is_dir():
        print(f"error: no MedQuAD folder at {root}; pass its path", file=sys.stderr)
        return 2
    rows = matches(root)
    lines = ["publisher\ttitle\turl\tprovenance"]
    lines += ["\t".join(row) for row in rows]
    (DATA / "source_urls.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} sources matched to a MedQuAD page; {apply(rows)} url fields set")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
