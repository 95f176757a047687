"""A Markdown report, for fact-checkers' notes and issue trackers.

Everything that comes from a page (title, input, sentences, names it defines, error messages) is
escaped: HTML in it is shown as text, never passed through, and Markdown syntax in it (links,
images, emphasis, table bars) is shown as its characters, so a page cannot put a ``javascript:``
link or a raw ``<script>`` into the report. Links are made only from the knowledge base's
``http(s)`` source URLs.
"""

from __future__ import annotations

import re

from ..models import Answer, Report
from .json import report_to_dict
from .labels import (
    agreement_label,
    kind_label,
    page_answer_of,
    verdict_label,
    yes_no,
)

__all__ = ["to_markdown", "answers_to_markdown", "escape"]

_SPECIAL = re.compile(r"([\\`*_\[\]!|])")  # what can make a link, image, emphasis or cell
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape(text: object) -> str:
    """``text`` as literal Markdown: HTML characters as entities, Markdown punctuation
    backslash-escaped, line breaks as spaces (one value never starts a new block)."""
    s = " ".join(str(text).split("\n"))
    s = "".join(_HTML.get(c, c) for c in s)
    return _SPECIAL.sub(r"\\\1", s)


def _link(url: object) -> str:
    """An autolink for an http(s) URL; anything else (javascript:, data:) is shown as text."""
    u = str(url or "").strip()
    if u.lower().startswith(("http://", "https://")) and not any(c in u for c in "<> \n"):
        return f" <{u}>"
    return f" ({escape(u)})" if u else ""


def _sources(sources: list[dict]) -> list[str]:
    out = []
    for s in sources:
        year = f" ({s['year']})" if s.get("year") else ""
        url = _link(s.get("url"))
        out.append(f"- {s['publisher']}: *{s['title']}*{year}{url}")
    return out


def _answer_md(a: dict) -> list[str]:
    lines = [f"**Verdict: {verdict_label(a['verdict'])}.** {a['summary']}"]
    if a.get("caution"):
        lines.append(f"> Contested: {a['caution']}")
    if a.get("sources"):
        lines += ["", "Sources:", *_sources(a["sources"])]
    return lines


def answers_to_markdown(answers: list[Answer]) -> str:
    out = []
    for a in answers:
        out += [f"## {escape(a.question)}", "", *_answer_md(a.to_dict()), ""]
    return "\n".join(out)


def to_markdown(report: Report) -> str:
    d = report_to_dict(report)
    out = ["# healthlens report", ""]
    if d["question"]:
        out += [f"**Question:** {escape(d['question']['text'])}", ""]
    elif d.get("question_from"):
        out += [
            f"**Question:** each page's own, from its {d['question_from']} "
            "(a page without one is checked without a question)",
            "",
        ]
    if d["answer"]:
        out += ["## Evidence-grounded answer", "", *_answer_md(d["answer"]), ""]
    for p in d["pages"]:
        out += [f"## {escape(p['title'] or p['input'])}", "", f"Input: {escape(p['input'])}", ""]
        if p["error"]:
            e = p["error"]
            out += [f"**Could not be checked** ({e['kind']}): {escape(e['message'])}", ""]
            continue
        main = escape(p["main_condition"]["name"]) if p["main_condition"] else "—"
        c = p["credibility"]
        own = []
        if p.get("question"):
            own.append(
                f"| Question | {p['question']['text']} (from the {p['question']['source']}) |"
            )
            if p.get("answer"):
                own.append(f"| Evidence says | {verdict_label(p['answer']['verdict'])} |")
        elif d.get("question_from"):
            own.append(
                f"| Question | none (its {d['question_from']} is not a question healthlens answers) |"
            )
        out += [
            "| | |",
            "|---|---|",
            *own,
            f"| Main condition | {main} |",
            f"| On topic | {yes_no(p['on_topic'])} |",
            f"| Page answers | {escape(page_answer_of(p))} |",
            f"| Agrees with evidence | {agreement_label(p)} |",
            f"| Author | {escape(c['author'] or 'none named')} |",
            f"| Date | {escape(c['date'] or 'none shown')} |",
            f"| Cites sources | {yes_no(c['cites_sources'])} |",
            f"| Disclaimer / commercial / first person | {yes_no(c['disclaimer'])} / {yes_no(c['commercial'])} / {yes_no(c['first_person'])} |",
            "",
        ]
        if p["findings"]:
            out += ["### Findings", ""]
            for f in p["findings"]:
                out.append(
                    f"- **{kind_label(f['kind'])}** ({f['severity']}): {escape(f['message'])}"
                )
                if f["sentence"]:
                    out.append(f"  > {escape(f['sentence'])}")
            out.append("")
        if p["abbreviations"]:
            out += [
                "### Abbreviations",
                "",
                "| Short | Long | Consistent | Expected |",
                "|---|---|---|---|",
            ]
            for a in p["abbreviations"]:
                out.append(
                    f"| {escape(a['short'])} | {escape(a['long'])} | {yes_no(a['consistent'])} "
                    f"| {escape(', '.join(a['expected']))} |"
                )
            out.append("")
    return "\n".join(out)
