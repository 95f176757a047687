"""`healthlens audit report DIR`: one self-contained HTML file with charts drawn as inline SVG
(no script, no stylesheet or font from elsewhere): findings by kind, answers by condition,
credibility-signal rates by site, errors, and the slowest pages."""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path

from .sql import connect

__all__ = ["write_report", "render_report"]

ANSWER_COLORS = {
    "yes": "#2b8a3e",
    "no": "#c92a2a",
    "partly": "#e67700",
    "unclear": "#868e96",
    "not_answered": "#ced4da",
    "not_judged": "#e9ecef",  # the question was not understood or is declined (issue 13)
    "defined": "#1c7ed6",  # definition questions
    "misdefined": "#862e9c",
}
SIGNALS = (
    "author",
    "date",
    "cites_sources",
    "disclaimer",
    "commercial",
    "first_person",
    "disclosure",
)
_BAR = "#3b5bdb"


def _e(x) -> str:
    return html.escape(str(x), quote=True)


def _bars(rows: list[tuple[str, int]], title: str, color: str = _BAR) -> str:
    """A horizontal bar chart."""
    if not rows:
        return f"<h2>{_e(title)}</h2><p class=none>None.</p>"
    top = max(n for _, n in rows) or 1
    label_w, bar_w, row_h = 220, 420, 22
    height = row_h * len(rows) + 10
    parts = [
        f'<svg role="img" aria-label="{_e(title)}" width="{label_w + bar_w + 90}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, n) in enumerate(rows):
        y = 5 + i * row_h
        w = max(1, round(bar_w * n / top))
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="13">{_e(label)}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 6}" fill="{color}"><title>{_e(label)}: {n:,}</title></rect>'
        )
        parts.append(f'<text x="{label_w + w + 6}" y="{y + 15}" font-size="12">{n:,}</text>')
    parts.append("</svg>")
    return f"<h2>{_e(title)}</h2>" + "".join(parts)


def _stacked(rows: list[tuple[str, str, int]], title: str) -> str:
    """Stacked horizontal bars: pages per condition, split by the page's answer."""
    if not rows:
        return f"<h2>{_e(title)}</h2><p class=none>No page has a main condition (or no question was asked).</p>"
    by_cond: dict[str, dict[str, int]] = {}
    for cond, answer, n in rows:
        by_cond.setdefault(cond, {})[answer] = n
    conds = sorted(by_cond, key=lambda c: -sum(by_cond[c].values()))[:15]
    top = max(sum(by_cond[c].values()) for c in conds) or 1
    label_w, bar_w, row_h = 260, 420, 22
    legend_h = 26
    height = legend_h + row_h * len(conds) + 10
    parts = [
        f'<svg role="img" aria-label="{_e(title)}" width="{label_w + bar_w + 90}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    x = label_w
    for answer, color in ANSWER_COLORS.items():
        parts.append(
            f'<rect x="{x}" y="4" width="12" height="12" fill="{color}"/><text x="{x + 16}" y="15" font-size="12">{answer}</text>'
        )
        x += 16 + 8 * len(answer) + 14
    for i, cond in enumerate(conds):
        y = legend_h + i * row_h
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="13">{_e(cond)}</text>'
        )
        x = label_w
        for answer, color in ANSWER_COLORS.items():
            n = by_cond[cond].get(answer, 0)
            if not n:
                continue
            w = bar_w * n / top
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{color}"><title>{_e(cond)}: {answer} {n:,}</title></rect>'
            )
            x += w
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + 15}" font-size="12">{sum(by_cond[cond].values()):,}</text>'
        )
    parts.append("</svg>")
    return f"<h2>{_e(title)}</h2>" + "".join(parts)


def _heatmap(rows: list[tuple], title: str) -> str:
    """Sites down, credibility signals across; each cell the share of the site's pages with it."""
    if not rows:
        return f"<h2>{_e(title)}</h2><p class=none>No page was read.</p>"
    label_w, cell_w, row_h, head_h = 240, 92, 22, 30
    width = label_w + cell_w * (len(SIGNALS) + 1)
    height = head_h + row_h * len(rows) + 6
    parts = [
        f'<svg role="img" aria-label="{_e(title)}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    parts.append(
        f'<text x="{label_w + cell_w / 2}" y="20" text-anchor="middle" font-size="12">pages</text>'
    )
    for j, sig in enumerate(SIGNALS):
        parts.append(
            f'<text x="{label_w + cell_w * (j + 1.5)}" y="20" text-anchor="middle" font-size="12">{sig}</text>'
        )
    for i, (site, n, *rates) in enumerate(rows):
        y = head_h + i * row_h
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="13">{_e(site)}</text>'
        )
        parts.append(
            f'<text x="{label_w + cell_w / 2}" y="{y + 15}" text-anchor="middle" font-size="12">{n:,}</text>'
        )
        for j, rate in enumerate(rates):
            rate = float(rate or 0.0)
            x = label_w + cell_w * (j + 1)
            shade = round(255 - 160 * rate)
            parts.append(
                f'<rect x="{x + 2}" y="{y + 2}" width="{cell_w - 4}" height="{row_h - 4}" fill="rgb({shade},{shade},255)"><title>{_e(site)} {SIGNALS[j]}: {rate:.0%}</title></rect>'
            )
            parts.append(
                f'<text x="{x + cell_w / 2}" y="{y + 15}" text-anchor="middle" font-size="12">{rate:.0%}</text>'
            )
    parts.append("</svg>")
    return f"<h2>{_e(title)}</h2>" + "".join(parts)


def render_report(out_dir: str | os.PathLike) -> str:
    con = connect(out_dir)
    try:
        return _render(con, out_dir)
    finally:
        con.close()


def _render(con, out_dir) -> str:
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    pages, ok = q("SELECT count(*), count(*) FILTER (WHERE error IS NULL) FROM pages")[0]
    findings = q(
        "SELECT f.kind, count(*) n FROM (SELECT unnest(findings) f FROM pages) GROUP BY 1 ORDER BY n DESC, 1"
    )
    answers = q(
        "SELECT main_condition, coalesce(page_answer, 'not_answered'), count(*) FROM pages "
        "WHERE error IS NULL AND main_condition IS NOT NULL GROUP BY 1, 2"
    )
    signal_sql = ", ".join(
        [f"avg(({s} IS NOT NULL)::INT)" for s in ("author", "date")]
        + [f"avg(coalesce({s}, false)::INT)" for s in SIGNALS[2:]]
    )
    sites = q(
        f"SELECT site, count(*) n, {signal_sql} FROM pages WHERE error IS NULL GROUP BY site ORDER BY n DESC, site LIMIT 25"
    )
    errors = q(
        "SELECT error_kind, count(*) n FROM pages WHERE error IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1"
    )
    slowest = q(
        "SELECT input, elapsed_ms, coalesce(error_kind, '') FROM pages ORDER BY elapsed_ms DESC NULLS LAST, seq LIMIT 10"
    )
    body = [
        f"<h1>healthlens audit of {_e(Path(out_dir).name or out_dir)}</h1>",
        f"<p>{pages:,} pages: {ok:,} read and checked, {pages - ok:,} with an error. "
        f"Written {dt.datetime.now().isoformat(timespec='seconds')}. Each number comes from the Parquet parts in this directory; "
        "query them with <code>healthlens audit sql</code>.</p>",
        _bars([(k, n) for k, n in findings], "Findings by kind"),
        _stacked(
            [(c, a, n) for c, a, n in answers],
            "Answers by condition (pages per main condition, by the page's answer)",
        ),
        _heatmap(sites, "Credibility signals by site (share of the site's pages showing each)"),
        _bars([(k, n) for k, n in errors], "Pages with an error, by kind", "#c92a2a"),
        "<h2>Slowest pages</h2><table><tr><th>ms</th><th>page</th><th>error</th></tr>"
        + "".join(
            f"<tr><td>{ms:,.1f}</td><td>{_e(name)}</td><td>{_e(err)}</td></tr>"
            for name, ms, err in slowest
        )
        + "</table>",
    ]
    style = (
        "body{font-family:system-ui,sans-serif;margin:2em;max-width:1000px;color:#212529}"
        "h2{margin-top:2em;font-size:1.15em}table{border-collapse:collapse}td,th{padding:2px 10px;border-bottom:1px solid #dee2e6;"
        "text-align:left;font-size:13px}svg{display:block}.none{color:#868e96}"
    )
    return (
        f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>healthlens audit</title><style>{style}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def write_report(out_dir: str | os.PathLike, path: str | os.PathLike | None = None) -> Path:
    """Write the HTML report (default ``DIR/report.html``) and return its path."""
    target = Path(path) if path else Path(out_dir) / "report.html"
    target.write_text(render_report(out_dir), encoding="utf-8")
    return target
