"""Main-text quality and speed of the HTML reader on real pages: the article-extraction benchmark
(../shared/data/article-extraction-benchmark, 181 pages), beside trafilatura.extract in the same
run, on all pages and on the tuned and held-out parts, with the ten worst pages."""

from __future__ import annotations

from pathlib import Path

NAME = "quality_extraction"
TITLE = "Quality: main text of real pages (article-extraction benchmark)"
BENCHMARK = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"

# What went wrong on the pages that were among the ten worst when this was last examined, by
# page id (written by hand after reading each page's output beside its ground truth; a page
# not listed here has not been examined yet).
DIAGNOSES = {
    "e7d77f186980": "A deals page: most of the truth is product boxes (name, feature bullets, "
    "prices, buy links); the reader drops them as link-dense teaser blocks and keeps only the intro.",
    "b3c19dd5f061": "The article is one short quote; the blocks of other quotes after it have the "
    "article's own class, so they join it as siblings (trafilatura does the same: F1 0.33).",
    "f8ff621a0b9b": "All but the lead sits in a container whose class says 'paywall', which the "
    "reader drops as furniture (a held-out page: left as it is, not tuned on).",
    "fde930b01859": "A second, unrelated article loaded under the first in one container; both "
    "are read (trafilatura too: F1 0.44).",
    "cc03ddb5ef7d": "A short article: its date line, tag list and a comment policy, all inside "
    "the article's container with no class that names them, stay in.",
    "3f65af7b6b98": "Embedded tweets are in the truth, but their block's class says "
    "'social-media-embed', so the reader drops them as furniture; the reporter's contact line "
    "stays in.",
    "51d066b0602c": "The truth includes the site's list of other headlines; the reader drops it "
    "and keeps the video player's labels ('UP NEXT', 'Link to this video').",
    "f105de6e63ca": "Japanese text: a \\w+ token is a whole run of kana and kanji, and the truth "
    "puts spaces around Latin words where the page has none, so whole sentences miss.",
    "5ae11e580afc": "A press release: its summary above the body and the 'About the company' "
    "paragraphs below it are in the page's text container but not in the truth.",
    "c69e539d689a": "A press release: as the one above, summary and 'About the company' kept.",
    "6ebac05f637e": "Hover cards about each politician (shown by script, hidden in the "
    "markup) sit inside the article's paragraphs and are read as text.",
    "4a44ab3e4c41": "A share prompt and related-story lines inside the article body with no "
    "class that names them.",
}


def run() -> str:
    if not (BENCHMARK / "ground-truth.json").exists():
        return "Skipped: ../shared/data/article-extraction-benchmark is not beside the checkout."
    from healthlens.evaluate.extraction import evaluate_extraction

    lines = [
        "Command: `healthlens eval extraction ../shared/data/article-extraction-benchmark "
        "--split all|tune|holdout` (and `.venv/bin/python benchmarks/run.py quality_extraction`). "
        "Word-4-gram F1, precision and recall as the benchmark defines them (written in "
        "`healthlens/evaluate/extraction.py`); healthlens and `trafilatura.extract` run in one process "
        "on one core, page after page, each timed on its own. healthlens is scored on the page text it "
        "judges (the title as first line, then the main text) and, in a third row, without the title "
        "line, as the truth and trafilatura's output leave it out. The reader was tuned on the 'tune' "
        "part (pages sorted by file name, index % 3 != 0); the 'holdout' third was looked at only at the end.",
        "",
        "| pages | reader | F1 | precision | recall | ms per page | trafilatura / healthlens time |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    worst = []
    for split in ("all", "tune", "holdout"):
        ev = evaluate_extraction(BENCHMARK, split=split, worst=10)
        d = ev.to_dict()
        for s in d["extractors"]:
            ratio = f"{d['speed_ratio']:.2f}" if s["name"] == "healthlens" else ""
            lines.append(
                f"| {split} ({d['pages']}) | {s['name']} | {s['f1']:.3f} | {s['precision']:.3f} | "
                f"{s['recall']:.3f} | {s['ms_per_page']:.2f} | {ratio} |"
            )
        if split == "all":
            worst = d["worst"]
    lines += [
        "",
        "Before this reader (issue 17, the same metric): healthlens F1 0.862, precision 0.784, recall 0.958, "
        "3.2 ms a page; trafilatura 0.953 / 0.928 / 0.978, 15.8 ms. Published on these pages: "
        "rs-trafilatura 0.970, go-trafilatura 0.960, readability.js 0.947, goose3 0.896. "
        "Aim: F1 ≥ 0.95, precision ≥ 0.93, ≥ 3× faster than trafilatura.extract.",
        "",
        "The ten worst pages (all 181), with what went wrong:",
        "",
        "| page | site | F1 | P | R | trafilatura F1 | what went wrong |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for row in worst:
        site = row["url"].split("/")[2] if row["url"].count("/") >= 2 else row["url"]
        why = DIAGNOSES.get(row["id"][:12], "not examined yet")
        p = "—" if row["precision"] is None else f"{row['precision']:.2f}"
        r = "—" if row["recall"] is None else f"{row['recall']:.2f}"
        lines.append(
            f"| `{row['id'][:12]}` | {site} | {row['f1']:.2f} | {p} | {r} | "
            f"{row.get('trafilatura_f1', 0):.2f} | {why} |"
        )
    lines += [
        "",
        "- Timings are one process on one core of a machine shared with other jobs; the ratio is what "
        "holds, since both readers run page after page in the same process.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
