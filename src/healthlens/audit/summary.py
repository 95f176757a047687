"""What an audit found, in numbers: read from the parts with DuckDB (constant memory)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .sql import connect

__all__ = ["Summary", "summarize", "summary_lines"]


@dataclass
class Summary:
    pages: int = 0
    ok: int = 0
    errors: list[tuple[str, int]] = field(default_factory=list)  # (kind, pages)
    answers: list[tuple[str, int]] = field(default_factory=list)  # (page answer, pages)
    findings: list[tuple[str, int]] = field(default_factory=list)  # (kind, findings), most first
    slowest: list[tuple[str, float]] = field(default_factory=list)  # (input, ms)
    extractors: list[tuple[str, int]] = field(default_factory=list)
    conditions: list[tuple[str, int]] = field(
        default_factory=list
    )  # main conditions, most pages first

    def to_dict(self) -> dict:
        return dict(self.__dict__.items())


def summarize(out_dir: str | os.PathLike, top: int = 10) -> Summary:
    con = connect(out_dir)
    try:
        return _summarize(con, top)
    finally:
        con.close()


def _summarize(con, top: int) -> Summary:
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    pairs = lambda sql: [tuple(r) for r in con.execute(sql).fetchall()]  # noqa: E731
    s = Summary()
    s.pages = one("SELECT count(*) FROM pages")
    s.ok = one("SELECT count(*) FROM pages WHERE error IS NULL")
    s.errors = pairs(
        "SELECT error_kind, count(*) n FROM pages WHERE error IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1"
    )
    s.answers = pairs(
        "SELECT coalesce(page_answer, '(no question)'), count(*) n FROM pages WHERE error IS NULL GROUP BY 1 ORDER BY n DESC, 1"
    )
    s.findings = pairs(
        f"SELECT f.kind, count(*) n FROM (SELECT unnest(findings) f FROM pages) GROUP BY 1 ORDER BY n DESC, 1 LIMIT {top}"
    )
    s.slowest = pairs(
        f"SELECT input, elapsed_ms FROM pages ORDER BY elapsed_ms DESC NULLS LAST, seq LIMIT {top}"
    )
    s.extractors = pairs(
        "SELECT extractor, count(*) n FROM pages WHERE extractor IS NOT NULL GROUP BY 1 ORDER BY n DESC"
    )
    s.conditions = pairs(
        f"SELECT main_condition, count(*) n FROM pages WHERE main_condition IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT {top}"
    )
    return s


def summary_lines(s: Summary) -> list[str]:
    """The end-of-run summary as plain lines (the CLI prints them)."""
    out = [f"{s.pages:,} pages: {s.ok:,} read and checked, {s.pages - s.ok:,} with an error"]
    if s.errors:
        out.append("  errors: " + ", ".join(f"{k} {n:,}" for k, n in s.errors))
    if s.answers:
        out.append("  page answers: " + ", ".join(f"{k} {n:,}" for k, n in s.answers))
    if s.findings:
        out.append("  top findings: " + ", ".join(f"{k} {n:,}" for k, n in s.findings))
    if s.conditions:
        out.append("  main conditions: " + ", ".join(f"{k} {n:,}" for k, n in s.conditions[:5]))
    if s.extractors:
        out.append("  HTML text by: " + ", ".join(f"{k} {n:,}" for k, n in s.extractors))
    if s.slowest:
        out.append("  slowest pages:")
        out.extend(f"    {ms:8.1f} ms  {name}" for name, ms in s.slowest[:5])
    return out
