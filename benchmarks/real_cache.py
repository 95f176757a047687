"""Which page texts of the real-page corpus are missing from (or changed in) the local cache.

    .venv/bin/python benchmarks/real_cache.py            # summary, then one line per missing page
    .venv/bin/python benchmarks/real_cache.py --urls     # only the missing pages' URLs, one a line
    .venv/bin/python benchmarks/real_cache.py --cache DIR

The texts are third-party and never committed; they live in ~/.cache/healthlens-dev/real/<id>.txt
(or $HEALTHLENS_REAL_CACHE). A missing text is rebuilt from its URL as described in
benchmarks/data/real/README.md; the sha256 in pages.jsonl tells whether a rebuilt text is the one
that was labelled. Exit status: 0 when every text is present and unchanged, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "benchmarks" / "data" / "real" / "pages.jsonl"


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from healthlens.evaluate.real import cache_status, default_cache, load_real

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=None, help="cache folder (default: %(default)s)")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--urls", action="store_true", help="print only the missing pages' URLs")
    args = ap.parse_args(argv)
    cache = (args.cache or default_cache()).expanduser()
    rows = load_real(args.labels)
    missing, changed = cache_status(rows, cache)
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
