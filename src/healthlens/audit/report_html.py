"""`healthlens audit report DIR`: a self-contained HTML report of an audit, and one small HTML
report per flagged page beside it.

Everything is read from the Parquet parts with DuckDB, aggregated in SQL (so a crawl of millions
of pages costs the same memory as a hundred), and drawn as HTML and CSS bars: no script, no
stylesheet, font or image from elsewhere, and labels that wrap instead of being clipped.

What it shows, in the order a reader asks: the question and how many pages; on topic, the page's
answer and agreement with the evidence, by main condition and by site; findings by kind; the
flagged pages (off topic, answering against the evidence, or with a serious finding), most serious
first, each linking to its own report; credibility signals by site; errors; the slowest pages.
Only the first ``flagged`` flagged pages are listed and get a page report, so the output stays
bounded however large the crawl; the rest are one `healthlens audit sql` away.

Colours say how far pages can be trusted (on topic, agreement), never which answer a page gives:
the answers have neutral colours of their own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
from pathlib import Path

from ..answer import ask
from ..errors import HealthlensError
from ..report.labels import KIND_LABELS, SEVERITY_LABELS
from ..report.trust import page_trust
from .resume import MANIFEST
from .sql import connect

__all__ = ["write_report", "render_report", "FLAGGED", "PAGES_DIR"]

FLAGGED = 200  # flagged pages listed, each with its own page report
PAGES_DIR = "report_pages"  # the page reports, beside report.html
TOP = 15  # conditions and sites per chart

# the page's answer: neutral colours, none of them reading as "good" or "bad"
ANSWER_COLORS = {
    "yes": "#1c7ed6",
    "no": "#5f3dc4",
    "partly": "#0c8599",
    "unclear": "#868e96",
    "not_answered": "#ced4da",
    "not_judged": "#e9ecef",  # the question was not understood or is declined (issue 13)
    "defined": "#1864ab",  # definition questions
    "misdefined": "#862e9c",
}
ANSWER_LABELS = {
    "yes": "yes",
    "no": "no",
    "partly": "partly",
    "unclear": "unclear",
    "not_answered": "does not answer",
    "not_judged": "not judged",
    "defined": "defines it as the evidence does",
    "misdefined": "defines it otherwise",
}
# on topic and agreement: these colours do encode trust
TOPIC = (
    (True, "on topic", "#2b8a3e"),
    (False, "about something else", "#c92a2a"),
    (None, "not judged (no question)", "#dee2e6"),
)
AGREEMENT = (
    ("agrees", "agrees with the evidence", "#2b8a3e"),
    ("disagrees", "disagrees with the evidence", "#c92a2a"),
    ("off_topic", "off topic: not compared", "#f1c0c0"),
    ("none", "not compared (no answer, or the evidence is not settled)", "#dee2e6"),
)
SIGNALS = (
    ("author", "author named"),
    ("date", "date shown"),
    ("cites_sources", "cites sources"),
    ("disclaimer", "disclaimer"),
    ("commercial", "sells something"),
    ("first_person", "personal story"),
    ("disclosure", "discloses interests"),
)
_BAR = "#3b5bdb"
# serious findings of a row (a subquery, not a lambda: DuckDB's lambda syntax differs by version)
_N_HIGH = "(SELECT count(*) FROM (SELECT unnest(findings) AS f) WHERE f.severity = 'high')"
_FLAG_SQL = f"error IS NULL AND (on_topic = false OR agrees_with_evidence = false OR {_N_HIGH} > 0)"

STYLE = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0 auto;padding:1.5rem;max-width:68rem;color:#1a1a1a}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}h2{margin-top:2.2rem;font-size:1.3rem;border-bottom:1px solid #dee2e6}
h3{font-size:1.05rem;margin:1.4rem 0 .3rem}.lead{font-size:1.1rem}.note,.none{color:#555}
table{border-collapse:collapse}td,th{padding:3px 8px;text-align:left;vertical-align:top}
.chart{margin:0 0 1.2rem}.chart table{width:100%;table-layout:fixed}
.chart th{width:15rem;font-weight:400;overflow-wrap:anywhere;padding-left:0}.chart td.n{width:5.5rem;text-align:right;font-variant-numeric:tabular-nums}
.bar{display:flex;height:1.1rem;margin-top:.2rem;background:#f8f9fa}.bar span{display:block;height:100%;min-width:1px}
.legend{list-style:none;padding:0;margin:.2rem 0 .5rem;display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.9rem}
.sw{display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:-.1rem;border:1px solid #adb5bd}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.scroll{overflow-x:auto}.flagged{width:100%}.flagged td:first-child{white-space:nowrap}.flagged td:nth-child(2){width:38%}.flagged td:nth-child(3){min-width:7rem}
.flagged td,.flagged th,.data td,.data th{border-bottom:1px solid #dee2e6}.flagged td{overflow-wrap:anywhere}
.flagged .why{font-size:.95rem}.heat td{text-align:center;min-width:4.5rem}.heat th[scope=row]{overflow-wrap:anywhere;min-width:8rem;max-width:18rem}
.trust{padding:.5rem .8rem;border-left:6px solid #868e96;background:#f4f6f8;border-radius:4px}
.trust-low{border-color:#9b1c1c;background:#fdecec}.trust-mixed{border-color:#b26b00;background:#fff4e0}
.trust-high{border-color:#14632f;background:#e9f6ee}.steps li{margin:.4rem 0}.finding{margin:.6rem 0}
.sev-high{color:#9b1c1c;font-weight:700}q{font-style:italic}
@media (max-width:40rem){body{padding:.8rem}.chart th{width:8rem}.chart td.n{width:3.5rem}.flagged td:nth-child(3),.flagged th:nth-child(3){display:none}}
"""


def _e(x) -> str:
    return html.escape(str(x), quote=True)


def _href(url) -> str | None:
    if url and str(url).strip().lower().startswith(("http://", "https://")):
        return str(url).strip()
    return None


def _legend(cats) -> str:
    return (
        '<ul class="legend">'
        + "".join(
            f'<li><span class="sw" style="background:{c}"></span>{_e(label)}</li>'
            for _, label, c in cats
        )
        + "</ul>"
    )


def _stacked(title: str, rows: list[tuple[str, dict]], cats, empty: str) -> str:
    """Horizontal bars, one per label, cut into the categories' counts; labels wrap."""
    head = f'<figure class="chart"><figcaption><h3>{_e(title)}</h3></figcaption>'
    if not rows:
        return head + f'<p class="none">{_e(empty)}</p></figure>'
    top = max(sum(c.values()) for _, c in rows) or 1
    body = []
    for label, counts in rows:
        total = sum(counts.values())
        segs, said = [], []
        for key, name, colour in cats:
            n = counts.get(key, 0)
            if n:
                segs.append(
                    f'<span style="width:{100 * n / top:.2f}%;background:{colour}" '
                    f'title="{_e(name)}: {n:,}"></span>'
                )
                said.append(f"{name} {n:,}")
        body.append(
            f'<tr><th scope="row">{_e(label)}</th><td><div class="bar">{"".join(segs)}</div>'
            f'<span class="sr">{_e(", ".join(said))}</span></td><td class="n">{total:,}</td></tr>'
        )
    return head + _legend(cats) + "<table>" + "".join(body) + "</table></figure>"


def _bars(title: str, rows: list[tuple[str, int]], colour: str = _BAR, empty="None.") -> str:
    return _stacked(title, [(k, {"n": n}) for k, n in rows], (("n", "pages", colour),), empty)


def _by(con, column: str) -> dict[str, list[tuple[str, dict]]]:
    """On topic, page answer and agreement for the ``TOP`` most frequent values of ``column``."""
    rows = con.execute(
        f"""WITH top AS (
              SELECT {column} AS k, count(*) AS n FROM pages
              WHERE error IS NULL AND {column} IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT {TOP})
            SELECT top.k, top.n, p.on_topic, coalesce(p.page_answer, 'not_answered'),
                   CASE WHEN p.on_topic = false THEN 'off_topic'
                        WHEN p.agrees_with_evidence THEN 'agrees'
                        WHEN p.agrees_with_evidence = false THEN 'disagrees' ELSE 'none' END,
                   count(*)
            FROM pages p JOIN top ON p.{column} = top.k WHERE p.error IS NULL
            GROUP BY ALL ORDER BY top.n DESC, top.k"""
    ).fetchall()
    order: dict[str, dict[str, dict]] = {}
    for key, _, on_topic, answer, agreement, n in rows:
        entry = order.setdefault(key, {"topic": {}, "answer": {}, "agreement": {}})
        for chart, value in (("topic", on_topic), ("answer", answer), ("agreement", agreement)):
            entry[chart][value] = entry[chart].get(value, 0) + n
    return {
        chart: [(k, v[chart]) for k, v in order.items()]
        for chart in ("topic", "answer", "agreement")
    }


def _answer_cats(seen) -> list[tuple]:
    keys = list(ANSWER_COLORS) + sorted(set(seen) - set(ANSWER_COLORS))
    return [
        (k, ANSWER_LABELS.get(k, k), ANSWER_COLORS.get(k, "#495057")) for k in keys if k in seen
    ]


def _three(con, column: str, what: str) -> str:
    by = _by(con, column)
    seen = {a for _, c in by["answer"] for a in c}
    empty = f"No page was read{' with a main condition' if column == 'main_condition' else ''}."
    return (
        _stacked(f"On topic, by {what}", by["topic"], TOPIC, empty)
        + _stacked(f"What the pages answer, by {what}", by["answer"], _answer_cats(seen), empty)
        + _stacked(f"Agreement with the evidence, by {what}", by["agreement"], AGREEMENT, empty)
    )


def _heatmap(rows: list[tuple]) -> str:
    """Sites down, credibility signals across; each cell the share of the site's pages with it."""
    if not rows:
        return '<p class="none">No page was read.</p>'
    head = "".join(f'<th scope="col">{_e(label)}</th>' for _, label in SIGNALS)
    body = []
    for site, n, *rates in rows:
        cells = []
        for rate in rates:
            rate = float(rate or 0.0)
            shade = round(255 - 150 * rate)
            cells.append(f'<td style="background:rgb({shade},{shade},255)">{rate:.0%}</td>')
        body.append(f'<tr><th scope="row">{_e(site)}</th><td>{n:,}</td>{"".join(cells)}</tr>')
    return (
        '<div class="scroll"><table class="heat data"><thead><tr><th scope="col">site</th><th scope="col">pages</th>'
        f"{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _manifest(out_dir) -> dict:
    try:
        return json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _evidence(question: str | None) -> dict | None:
    """The knowledge base's answer to the audit's question (one `ask`), or None."""
    if not question:
        return None
    try:
        return ask([question])[0].to_dict()
    except HealthlensError:  # a question ask refuses still gets its report, without the evidence
        return None


def page_file(row_id: str) -> str:
    """The page report's file name for a row id: stable, and safe on any file system."""
    return hashlib.sha1(row_id.encode("utf-8", "surrogatepass")).hexdigest()[:20] + ".html"


def render_report(out_dir: str | os.PathLike, flagged: int = FLAGGED) -> str:
    """The report's HTML (page reports are written only by `write_report`)."""
    return _build(out_dir, flagged)[0]


def _build(
    out_dir, flagged: int, report_name: str = "report.html"
) -> tuple[str, list[tuple[str, str]]]:
    con = connect(out_dir)
    try:
        return _render(con, out_dir, flagged, report_name)
    finally:
        con.close()


def _render(con, out_dir, limit: int, report_name: str) -> tuple[str, list[tuple[str, str]]]:
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    manifest = _manifest(out_dir)
    question = manifest.get("question")
    evidence = _evidence(question)
    qdict = {"text": question, "condition": (evidence or {}).get("condition")} if question else None
    pages, ok = q("SELECT count(*), count(*) FILTER (WHERE error IS NULL) FROM pages")[0]
    n_flagged = q(f"SELECT count(*) FROM pages WHERE {_FLAG_SQL}")[0][0]
    findings = q(
        "SELECT f.kind, count(*) n FROM (SELECT unnest(findings) f FROM pages) GROUP BY 1 ORDER BY n DESC, 1"
    )
    flagged = q(
        f"SELECT id, input, url, title, site, report FROM pages WHERE {_FLAG_SQL} "
        f"ORDER BY {_N_HIGH} DESC, n_findings DESC, seq "
        f"LIMIT {int(limit)}"
    )
    signal_sql = ", ".join(
        [f"avg(({s} IS NOT NULL)::INT)" for s in ("author", "date")]
        + [f"avg(coalesce({s}, false)::INT)" for s, _ in SIGNALS[2:]]
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
    name = Path(out_dir).resolve().name or str(out_dir)
    title = f"Audit: {question}" if question else f"Audit of {name}"
    files: list[tuple[str, str]] = []
    rows = []
    for i, (rid, inp, url, page_title, site, report) in enumerate(flagged, 1):
        data = json.loads(report) if report else {"error": None}
        trust = page_trust(data, qdict)
        fname = page_file(rid)
        files.append(
            (fname, _page_report(data, inp, url, site, qdict, evidence, trust, title, report_name))
        )
        shown = page_title or inp
        rows.append(
            f'<tr><td>{i:,}</td><td><a href="{PAGES_DIR}/{fname}">{_e(shown)}</a>'
            + (f'<br><span class="note">{_e(url or inp)}</span>' if shown != (url or inp) else "")
            + f'</td><td>{_e(site or "")}</td><td class="why">{_e(trust.why[:1].upper() + trust.why[1:])}.</td></tr>'
        )
    if question:
        asked = f"<p class=lead>Every page was asked: <q>{_e(question)}</q></p>"
        if evidence:
            asked += f"<p>What the evidence says: {_e(evidence.get('summary') or evidence.get('verdict'))}</p>"
    else:
        asked = (
            "<p class=lead>No question was asked, so on topic, the page's answer and agreement "
            "are not judged; findings and credibility are.</p>"
        )
    flagged_html = (
        (
            f"<p>{n_flagged:,} pages are flagged: about something else, answering against the "
            "evidence, or with a serious finding. Most serious first"
            + (
                f"; the first {len(flagged):,} are listed, the rest are one "
                "<code>healthlens audit sql</code> away"
                if n_flagged > len(flagged)
                else ""
            )
            + '.</p><div class="scroll"><table class="flagged"><thead><tr><th scope="col">#</th><th scope="col">page</th>'
            '<th scope="col">site</th><th scope="col">why</th></tr></thead><tbody>'
            + "".join(rows)
            + "</tbody></table></div>"
        )
        if flagged
        else '<p class="none">No page is flagged.</p>'
    )
    body = [
        f"<h1>{_e(title)}</h1>",
        asked,
        f"<p>{pages:,} pages in <code>{_e(name)}</code>: {ok:,} read and checked, "
        f"{pages - ok:,} with an error. Written {dt.datetime.now().isoformat(timespec='seconds')} "
        "from the Parquet parts in this directory; query them with <code>healthlens audit sql</code>.</p>",
        "<h2>By condition</h2><p class=note>The conditions the pages are mostly about, most pages first.</p>",
        _three(con, "main_condition", "condition"),
        "<h2>By site</h2>",
        _three(con, "site", "site"),
        "<h2>Findings</h2>",
        _bars("Findings by kind", [(KIND_LABELS.get(k, k), n) for k, n in findings]),
        f'<h2 id="flagged">Flagged pages</h2>{flagged_html}',
        "<h2>Credibility signals by site</h2><p class=note>The share of each site's pages showing each signal.</p>",
        _heatmap(sites),
        "<h2>Errors</h2>",
        _bars("Pages with an error, by kind", [(k, n) for k, n in errors], "#868e96"),
        '<h2>Slowest pages</h2><div class="scroll"><table class="data"><thead><tr><th scope="col">ms</th><th scope="col">page</th>'
        '<th scope="col">error</th></tr></thead><tbody>'
        + "".join(
            f"<tr><td>{ms or 0:,.1f}</td><td>{_e(n)}</td><td>{_e(err)}</td></tr>"
            for n, ms, err in slowest
        )
        + "</tbody></table></div>",
    ]
    return _document(f"healthlens · {title}", "".join(body)), files


def _document(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>{body}</body></html>\n"
    )


def _sources(sources) -> str:
    if not sources:
        return ""
    items = []
    for s in sources:
        cite = f"<cite>{_e(s.get('title'))}</cite>"
        href = _href(s.get("url"))
        if href:
            cite = f'<a href="{_e(href)}" rel="noopener noreferrer nofollow">{cite}</a>'
        items.append(f"<li>{_e(s.get('publisher'))}: {cite}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _page_report(data, inp, url, site, question, evidence, trust, audit_title, back) -> str:
    """One flagged page, in the web report's order: topic, answer, evidence, credibility,
    findings. The audit keeps no page text, so each finding quotes its sentence."""
    name = data.get("title") or inp
    href = _href(url)
    where = (
        f'<a href="{_e(href)}" rel="noopener noreferrer nofollow">{_e(url)}</a>'
        if href
        else _e(inp)
    )
    reason = {r.aspect: r for r in trust.reasons}
    steps = []
    for aspect, label in (("topic", "Topic"), ("answer", "Its answer")):
        if aspect in reason:
            steps.append(f"<li><strong>{label}.</strong> {_e(reason[aspect].text)}")
    quotes = "".join(
        f"<li><q>{_e(s['text'])}</q></li>" for s in data.get("answer_sentences", [])[:2]
    )
    if quotes and steps:
        steps[-1] += f"<ul>{quotes}</ul>"
    if evidence:
        steps.append(
            f"<li><strong>The evidence.</strong> {_e(evidence.get('summary') or evidence.get('verdict'))}"
            f"{_sources(evidence.get('sources'))}"
        )
    if "credibility" in reason:
        steps.append(f"<li><strong>Credibility.</strong> {_e(reason['credibility'].text)}")
    findings = data.get("findings") or []
    items = []
    for f in findings:
        ev = "".join(
            f"<li>{_e(e.get('text'))}{_sources(e.get('sources'))}</li>"
            for e in f.get("evidence") or []
            if e.get("text")
        )
        items.append(
            f'<li class="finding"><strong>{_e(KIND_LABELS.get(f["kind"], f["kind"]))}</strong> '
            f'<span class="sev-{_e(f.get("severity"))}">{_e(SEVERITY_LABELS.get(f.get("severity"), f.get("severity")))}</span>: '
            f"{_e(f.get('message'))}"
            + (f"<br>On the page: <q>{_e(f['sentence'])}</q>" if f.get("sentence") else "")
            + (f"<ul>{ev}</ul>" if ev else "")
            + "</li>"
        )
    steps.append(
        f"<li><strong>Findings ({len(findings)}).</strong>"
        + (f"<ol>{''.join(items)}</ol>" if items else " None.")
    )
    body = (
        f'<p><a href="../{_e(back)}#flagged">Back to the audit report</a> ({_e(audit_title)})</p>'
        f"<h1>{_e(name)}</h1><p>{where}{' · ' + _e(site) if site else ''}</p>"
        + (f"<p>The question: <q>{_e(question['text'])}</q></p>" if question else "")
        + f'<p class="trust trust-{_e(trust.level)}"><strong>{_e(trust.label)}</strong>'
        + (f": {_e(trust.why)}" if trust.why else "")
        + ".</p>"
        + f'<ol class="steps">{"".join(s + "</li>" for s in steps)}</ol>'
    )
    return _document(f"healthlens · {name}", body)


def write_report(
    out_dir: str | os.PathLike, path: str | os.PathLike | None = None, flagged: int = FLAGGED
) -> Path:
    """Write the HTML report (default ``DIR/report.html``) and, in ``report_pages/`` beside it,
    one report per listed flagged page; return the report's path."""
    target = Path(path) if path else Path(out_dir) / "report.html"
    text, files = _build(out_dir, flagged, target.name)
    folder = target.parent / PAGES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    keep = {name for name, _ in files}
    for old in folder.glob("*.html"):  # page reports of an earlier run that are no longer listed
        if old.name not in keep:
            old.unlink()
    for fname, page_html in files:
        (folder / fname).write_text(page_html, encoding="utf-8")
    target.write_text(text, encoding="utf-8")
    return target
