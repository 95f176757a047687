"""The terminal report, with Rich: the answer first, then a card per page."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..models import Answer, Report
from .json import report_to_dict
from .labels import (
    agreement_label,
    kind_label,
    page_answer_label,
    page_answer_of,
    verdict_label,
    yes_no,
)

__all__ = ["print_report", "print_answers"]

# one neutral style for every verdict: the colour must not read as "safe" or "danger" on its own
_VERDICT_STYLE = dict.fromkeys(("yes", "no", "partly", "uncertain", "unknown", "defined"), "bold")
_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def _answered_line(counts: dict[str, int], pages: list[dict] | None) -> str:
    """ "Pages answered: no 2", naming how many of them are off topic: a page about another
    condition that answers under the asked name is no support for the verdict above it."""
    line = "Pages answered: " + ", ".join(
        f"{page_answer_label(k)} {v}" for k, v in sorted(counts.items())
    )
    off = sum(
        1 for p in pages or [] if p.get("page_answer") in counts and p.get("on_topic") is False
    )
    total = sum(counts.values())
    if off and off == total:
        line += " (off topic: about another condition)" if off == 1 else " (all off topic)"
    elif off:
        line += f" ({off} of them off topic: about another condition)"
    return line


def _answer_panel(a: dict, pages: list[dict] | None = None) -> Panel:
    body = Text()
    body.append(
        f"Verdict: {verdict_label(a['verdict'])}\n", style=_VERDICT_STYLE.get(a["verdict"], "bold")
    )
    body.append(a["summary"] + "\n")  # opens with "Read as: ..." when the match was not exact
    if a.get("caution"):
        body.append(f"Contested: {a['caution']}\n", style="yellow")
    if a.get("page_answers"):
        body.append(_answered_line(a["page_answers"], pages) + "\n", style="dim")
    for s in a.get("sources") or []:
        year = f" ({s['year']})" if s.get("year") else ""
        body.append(
            f"• {s['publisher']}: {s['title']}{year}"
            + (f" {s['url']}" if s.get("url") else "")
            + "\n",
            style="cyan",
        )
    return Panel(body, title=f"[b]{a['question']}[/b]", border_style="blue")


_flag = yes_no


def _page_card(p: dict, question_from: str | None = None) -> Panel:
    if p["error"]:
        return Panel(
            Text(p["error"]["message"], style="red"),
            title=f"{p['input']} — not checked ({p['error']['kind']})",
            border_style="red",
        )
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    main = p["main_condition"]["name"] if p["main_condition"] else "—"
    if p.get("question"):  # a question of this page's own (--question-from)
        grid.add_row("Question", f"{p['question']['text']} (from the {p['question']['source']})")
        if p.get("answer"):
            grid.add_row("Evidence says", verdict_label(p["answer"]["verdict"]))
    elif question_from:
        grid.add_row("Question", f"none (its {question_from} is not a question healthlens answers)")
    grid.add_row("Main condition", main)
    grid.add_row("On topic", _flag(p["on_topic"]))
    grid.add_row("Page answers", page_answer_of(p))
    grid.add_row("Agrees with evidence", agreement_label(p))
    c = p["credibility"]
    grid.add_row(
        "Credibility",
        f"author: {c['author'] or 'none'} · date: {c['date'] or 'none'} · sources: {_flag(c['cites_sources'])} · "
        f"disclaimer: {_flag(c['disclaimer'])} · commercial: {_flag(c['commercial'])} · first person: {_flag(c['first_person'])}",
    )
    parts: list = [grid]
    for f in p["findings"]:
        t = Text()
        t.append(f"\n{kind_label(f['kind'])}", style=_SEVERITY_STYLE.get(f["severity"], ""))
        t.append(f" ({f['severity']}): {f['message']}")
        if f["sentence"]:
            t.append(f"\n  “{f['sentence']}”", style="italic")
        parts.append(t)
    if p["abbreviations"]:
        table = Table(
            "Short",
            "Long form on the page",
            "OK",
            "Expected",
            title="Abbreviations",
            title_justify="left",
        )
        for a in p["abbreviations"]:
            table.add_row(
                a["short"], a["long"], "✓" if a["consistent"] else "✗", ", ".join(a["expected"])
            )
        parts.append(table)
    return Panel(
        Group(*parts),
        title=f"[b]{p['title'] or p['input']}[/b]",
        subtitle=p["input"],
        border_style="white",
    )


def print_report(report: Report, console: Console | None = None) -> None:
    console = console or Console()
    d = report_to_dict(report)
    if d.get("question_from"):
        console.print(
            f"[dim]Each page is checked against its own question, from its {d['question_from']} "
            "(a page without one is checked without a question).[/dim]"
        )
    elif d["answer"]:
        console.print(_answer_panel(d["answer"], d["pages"]))
    elif not d["question"]:
        console.print(
            "[dim]No question given and no page title reads as one: showing findings only.[/dim]"
        )
    for p in d["pages"]:
        console.print(_page_card(p, d.get("question_from")))


def print_answers(answers: list[Answer], console: Console | None = None) -> None:
    console = console or Console()
    for a in answers:
        console.print(_answer_panel(a.to_dict()))
