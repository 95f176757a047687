"""Which page texts of the real-page corpus are missing from (or changed in) the local cache.

    .venv/bin/python benchmarks/real_cache.py            # summary, then one line per missing page
    .venv/bin/python benchmarks/real_cache.py --urls     # only the missing pages' URLs, one a line
    .venv/bin/python benchmarks/real_cache.py --cache DIR
    .venv/bin/python benchmarks/real_cache.py --worklist DIR --parts N   # missing pages by question
    .venv/bin/python benchmarks/real_cache.py --adopt DIR                # take rebuilt texts in

The texts are third-party and never committed; they live in ~/.cache/healthlens-dev/real/<id>.txt
(or $HEALTHLENS_REAL_CACHE). A missing text is rebuilt from its URL as described in
benchmarks/data/real/README.md; the sha256 in pages.jsonl tells whether a rebuilt text is the one
that was labelled. Exit status: 0 when every text is present and unchanged, 1 otherwise.

Rebuilding: ``--worklist`` writes the missing pages grouped by their question (one search of the
stored-pages corpus per question finds most of them) into N parts, for N people or helpers.
Whoever searches saves each wanted result as JSON, ``{"url": ..., "excerpt": ...}`` (or a list of
them), in one folder; ``--adopt`` takes in every saved excerpt whose text, as cached, has the
labelled sha256. The search returns the excerpt without the final newline the cache added, and a
long excerpt was sometimes cut shorter at caching, so the few shapes a cached text can have are
tried, and only an exact checksum match is written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from healthlens.evaluate.real import cache_status, default_cache, load_real  # noqa: E402

LABELS = ROOT / "benchmarks" / "data" / "real" / "pages.jsonl"


def cached_shapes(excerpt: str, chars: int) -> Iterator[str]:
    """The texts a search excerpt may have been cached as: whole, with a final newline, or cut
    to the labelled length (``chars``), at a line end or not; with or without the line breaks it
    opens on."""
    # a search answer may open on line breaks that the cache did not keep
    for text in dict.fromkeys((excerpt, excerpt.lstrip("\n"))):
        for base in (text, text.rstrip()):
            yield base
            yield base + "\n"
        for k in range(max(chars - 3, 1), chars + 1):
            cut = text[:k]
            yield cut
            yield cut.rstrip() + "\n"


def shape_matching(excerpt: str, row: dict) -> str | None:
    for text in cached_shapes(excerpt, int(row.get("chars") or 0)):
        if hashlib.sha256(text.encode("utf-8")).hexdigest() == row["sha256"]:
            return text
    return None


def _saved_results(folder: Path) -> Iterator[tuple[Path, dict]]:
    for path in sorted(folder.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            print(f"skipped  {path}: not readable JSON ({exc})", file=sys.stderr)
            continue
        for item in data if isinstance(data, list) else [data]:
            if (
                isinstance(item, dict)
                and isinstance(item.get("url"), str)
                and isinstance(item.get("excerpt"), str)
            ):
                yield path, item


def adopt(rows: list[dict], folder: Path, cache: Path, near: bool = False) -> tuple[int, int]:
    """Write into ``cache`` every saved excerpt whose cached shape matches a missing or changed
    row's sha256. Returns (adopted, saved excerpts that matched no row).

    ``near``: afterwards, a page still missing whose URL has a saved excerpt at least as long as
    the labelled text is written from it, cut to the labelled length. Its checksum differs, so the
    cache lists it as changed: the same page, copied with a few characters that differ (a search
    answer shows a no-break space as a space, for one). The evaluation reads it; the sentence
    trainer skips it, as its offsets may have moved."""
    by_url: dict[str, list[dict]] = {}
    for row in rows:
        by_url.setdefault(row["url"], []).append(row)
    missing, changed = cache_status(rows, cache)
    wanted = {row["id"] for row in missing + changed}
    cache.mkdir(parents=True, exist_ok=True)
    adopted = unmatched = 0
    for path, item in _saved_results(folder):
        hits = 0
        for row in by_url.get(item["url"], []):
            text = shape_matching(item["excerpt"], row)
            if text is None:
                continue
            hits += 1
            if row["id"] in wanted:
                (cache / f"{row['id']}.txt").write_bytes(text.encode("utf-8"))
                wanted.discard(row["id"])
                adopted += 1
        if not hits:
            unmatched += 1
            known = "a corpus URL, text differs" if item["url"] in by_url else "not a corpus URL"
            print(f"no match {path.name}: {item['url']} ({known})", file=sys.stderr)
    if near:
        for _path, item in _saved_results(folder):
            for row in by_url.get(item["url"], []):
                chars = int(row.get("chars") or 0)
                if row["id"] not in wanted or len(item["excerpt"]) + 1 < chars - 4:
                    continue
                excerpt = item["excerpt"]
                text = (
                    excerpt + "\n"
                    if len(excerpt) + 1 <= chars + 4
                    else excerpt[: chars - 1].rstrip() + "\n"
                )
                (cache / f"{row['id']}.txt").write_bytes(text.encode("utf-8"))
                wanted.discard(row["id"])
                adopted += 1
                print(
                    f"near     {row['id']}: written from {item['url']} (checksum differs)",
                    file=sys.stderr,
                )
    return adopted, unmatched


def write_worklist(rows: list[dict], folder: Path, parts: int) -> None:
    """The missing rows grouped by question, dealt into ``parts`` files of about equal pages."""
    by_question: dict[str, list[dict]] = {}
    for row in rows:
        by_question.setdefault(row["question"], []).append({"id": row["id"], "url": row["url"]})
    groups = sorted(by_question.items(), key=lambda kv: -len(kv[1]))
    bins: list[list[dict]] = [[] for _ in range(max(parts, 1))]
    sizes = [0] * len(bins)
    for question, pages in groups:
        i = sizes.index(min(sizes))
        bins[i].append({"question": question, "pages": pages})
        sizes[i] += len(pages)
    folder.mkdir(parents=True, exist_ok=True)
    for i, part in enumerate(bins, 1):
        (folder / f"part{i}.json").write_text(
            json.dumps(part, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"{folder / f'part{i}.json'}: {len(part)} questions, {sizes[i - 1]} pages")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=None, help="cache folder (default: %(default)s)")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--urls", action="store_true", help="print only the missing pages' URLs")
    ap.add_argument(
        "--worklist", type=Path, metavar="DIR", help="write the missing pages by question"
    )
    ap.add_argument("--parts", type=int, default=1, help="how many worklist files (default: 1)")
    ap.add_argument("--adopt", type=Path, metavar="DIR", help="take in saved search excerpts")
    ap.add_argument(
        "--near",
        action="store_true",
        help="with --adopt: also write a page whose saved excerpt differs by a few characters",
    )
    args = ap.parse_args(argv)
    cache = (args.cache or default_cache()).expanduser()
    rows = load_real(args.labels)
    if args.adopt:
        if not args.adopt.is_dir():
            print(f"real_cache: --adopt {args.adopt}: no such folder", file=sys.stderr)
            return 2
        adopted, unmatched = adopt(rows, args.adopt, cache, near=args.near)
        print(
            f"adopted {adopted} texts into {cache}; {unmatched} saved excerpts matched no missing page"
        )
        missing, changed = cache_status(rows, cache)
        print(
            f"{len(rows) - len(missing) - len(changed)} of {len(rows)} page texts present and unchanged"
        )
        return 1 if missing or changed else 0
    missing, changed = cache_status(rows, cache)
    if args.worklist:
        write_worklist(missing + changed, args.worklist, args.parts)
        return 1 if missing or changed else 0
    if args.urls:
        for row in missing:
            print(row["url"])
        return 1 if missing or changed else 0
    print(
        f"{len(rows)} pages in {args.labels.relative_to(ROOT) if args.labels.is_relative_to(ROOT) else args.labels}; "
        f"cache {cache}: {len(rows) - len(missing) - len(changed)} present, "
        f"{len(missing)} missing, {len(changed)} changed (sha256 differs from the labelled text)"
    )
    for row in missing:
        print(f"missing  {row['id']}.txt  {row['url']}")
    for row in changed:
        print(f"changed  {row['id']}.txt  {row['url']}")
    return 1 if missing or changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
