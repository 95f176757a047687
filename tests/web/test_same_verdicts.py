"""The CLI, the API and the web page give the same verdict to the same question (issue 13),
for questions in scope, typed as people type them, and out of scope."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from healthlens.cli import main
from healthlens.web.pages import VERDICT_LABELS

DATA = Path(__file__).parents[1] / "data"
LABEL = re.compile(r'<span class="verdict-label">([^<]+)</span>')
PAGE = "Lupus and psoriasis\nLupus is an autoimmune disease. Psoriasis is not contagious."


def _questions() -> list[str]:
    rows = []
    for name, step in (("questions_in_scope.jsonl", 12), ("questions_out_of_scope.jsonl", 15)):
        lines = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]
        rows += [json.loads(line)["question"] for line in lines[::step]]
    return [*rows, "is celiac an allergy or autoimmune", "Is psoriasis contagious?"]


def test_cli_api_and_web_page_agree(client):
    questions = _questions()
    assert len(questions) >= 40
    cli = json.loads(CliRunner().invoke(main, ["ask", *questions, "--format", "json"]).output)
    i = 0
    for q in questions:
        api = client.post("/api/ask", json={"question": q}).json()
        answers = [api, *api["also"]]
        assert [a["verdict"] for a in answers] == [
            a["verdict"] for a in cli[i : i + len(answers)]
        ], q
        i += len(answers)
        checked = client.post("/api/check", json={"question": q, "pages": [{"text": PAGE}]}).json()
        assert checked["answer"]["verdict"] == api["verdict"], q
        html = client.post("/check", data={"question": q, "text": PAGE}).text
        assert LABEL.search(html).group(1) == VERDICT_LABELS[api["verdict"]], q
        if not api["understood"]:
            assert checked["pages"][0]["page_answer"] == "not_judged", q
    assert i == len(cli)


def test_the_verdict_colour_does_not_read_as_safe_or_danger(client):
    """One neutral style for every verdict: no green "yes" or red "no" on its own."""
    css = client.get("/static/style.css").text
    for verdict in ("yes", "no", "partly", "uncertain", "unknown", "defined"):
        assert f".verdict-{verdict}" not in css
    html = client.post("/check", data={"question": "Is psoriasis contagious?", "text": PAGE}).text
    assert 'class="verdict-label"' in html
