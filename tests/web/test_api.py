import json

from click.testing import CliRunner

from conftest import SEED_000
from healthlens.cli import main
from healthlens.web.feedback import page_fingerprint

FPIES = "Is FPIES an autoimmune disease?"


def test_api_check_returns_the_cli_json_contract_plus_text_and_fingerprint(client, seeds):
    text = SEED_000.read_text(encoding="utf-8")
    r = client.post("/api/check", json={"question": FPIES, "pages": [{"text": text}]})
    assert r.status_code == 200, r.text
    got = r.json()
    cli = json.loads(
        CliRunner()
        .invoke(main, ["check", str(SEED_000), "--question", FPIES, "--format", "json"])
        .output
    )
    page = got["pages"][0]
    # the same contract as `healthlens check --format json`; only the input's name differs
    assert page.pop("text") and page.pop("fingerprint") and page.pop("feedback") == []
    assert page.pop("input") == "pages[0]"
    cli["pages"][0].pop("input")
    assert got == cli


def test_api_offsets_point_into_the_returned_text(client, seeds):
    r = client.post(
        "/api/check",
        json={"question": FPIES, "pages": [{"text": SEED_000.read_text(encoding="utf-8")}]},
    )
    page = r.json()["pages"][0]
    conflict = next(f for f in page["findings"] if f["kind"] == "abbreviation_conflict")
    assert "FPIES" in page["text"][conflict["start"] : conflict["end"]]
    assert page["fingerprint"] == page_fingerprint(page["text"])


def test_api_check_reads_html_and_uses_a_question_title_when_none_is_given(client):
    html = "<html><head><title>Is celiac disease autoimmune?</title></head><body><article><p>Celiac disease is an autoimmune disease of the small intestine.</p></article></body></html>"
    r = client.post("/api/check", json={"pages": [{"html": html}]})
    d = r.json()
    assert r.status_code == 200
    assert d["question"]["source"] == "title" and d["answer"]["verdict"] == "yes"
    assert d["pages"][0]["title"] == "Is celiac disease autoimmune?"


def test_a_page_that_cannot_be_fetched_is_a_row_and_the_batch_goes_on(client):
    r = client.post(
        "/api/check",
        json={
            "question": FPIES,
            "pages": [
                {"text": "FPIES is a food allergy of infants, not an autoimmune disease."},
                {"url": "http://127.0.0.1:9/"},
                {"text": "Celiac disease is autoimmune.", "title": "Celiac"},
            ],
        },
    )
    assert r.status_code == 200
    pages = r.json()["pages"]
    assert [p["input"] for p in pages] == ["pages[0]", "http://127.0.0.1:9/", "pages[2]"]
    assert pages[1]["error"]["kind"] == "refused" and "--no-fetch" in pages[1]["error"]["message"]
    assert pages[0]["error"] is None and pages[2]["title"] == "Celiac"


def test_api_ask_returns_one_answer_object(client):
    r = client.post("/api/ask", json={"question": FPIES})
    assert r.status_code == 200
    d = r.json()
    assert (
        d["verdict"] == "no"
        and d["condition"]["id"] == "food_protein_induced_enterocolitis_syndrome"
        and d["sources"]
    )


def _errors(r):
    assert r.status_code == 422, r.text
    return {(".".join(map(str, e["loc"])), e["msg"]) for e in r.json()["detail"]}


def test_malformed_requests_get_422_naming_the_field(client):
    assert any(
        loc == "body.pages"
        for loc, _ in _errors(client.post("/api/check", json={"question": FPIES}))
    )
    assert any(
        loc == "body.pages" and "at least 1" in msg
        for loc, msg in _errors(client.post("/api/check", json={"pages": []}))
    )
    errs = _errors(client.post("/api/check", json={"pages": [{"texte": "typo"}]}))
    assert ("body.pages.0", "each page needs one of the fields text, html or url") in errs
    assert any(
        loc == "body.pages.0.text.colour"
        for loc, _ in _errors(
            client.post("/api/check", json={"pages": [{"text": "a", "colour": "red"}]})
        )
    )
    assert any(
        "at most 5" in msg
        for _, msg in _errors(
            client.post(
                "/api/check", json={"pages": [{"url": f"http://x{i}.org/"} for i in range(6)]}
            )
        )
    )
    assert any(
        loc == "body.question" and "blank" in msg
        for loc, msg in _errors(client.post("/api/ask", json={"question": "   "}))
    )
    assert any(
        msg == "JSON decode error"
        for _, msg in _errors(
            client.post(
                "/api/ask", content=b"{not json", headers={"content-type": "application/json"}
            )
        )
    )


def test_openapi_schema_describes_the_api_and_no_cdn_docs_are_served(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/check", "/api/ask", "/api/feedback"} <= set(schema["paths"])
    assert "/check" not in schema["paths"]  # the HTML form is not part of the API
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


def test_api_feedback_round_trip_shows_the_note_on_the_next_check(client):
    text = "Fibromyalgia, often abbreviated as FPIES, is a chronic pain condition.\nIt is not autoimmune."
    first = client.post("/api/check", json={"question": FPIES, "pages": [{"text": text}]}).json()[
        "pages"
    ][0]
    finding = first["findings"][0]
    r = client.post(
        "/api/feedback",
        json={
            "page_fingerprint": first["fingerprint"],
            "kind": finding["kind"],
            "start": finding["start"],
            "end": finding["end"],
            "note": "Checked by hand: fine here.",
        },
    )
    assert r.status_code == 201 and r.json()["id"] >= 1
    again = client.post("/api/check", json={"question": FPIES, "pages": [{"text": text}]}).json()[
        "pages"
    ][0]
    assert [(n["kind"], n["start"], n["note"]) for n in again["feedback"]] == [
        (finding["kind"], finding["start"], "Checked by hand: fine here.")
    ]
    assert (
        client.get("/api/feedback", params={"page": first["fingerprint"]}).json()[0]["note"]
        == "Checked by hand: fine here."
    )
    other = client.post(
        "/api/check", json={"question": FPIES, "pages": [{"text": text + " More."}]}
    ).json()["pages"][0]
    assert other["feedback"] == []


def test_api_feedback_refuses_unknown_kinds_and_bad_offsets(client):
    fp = "0" * 64
    assert any(
        loc == "body.kind"
        for loc, _ in _errors(
            client.post("/api/feedback", json={"page_fingerprint": fp, "kind": "typo", "note": "x"})
        )
    )
    assert any(
        "end is before start" in m
        for _, m in _errors(
            client.post(
                "/api/feedback",
                json={
                    "page_fingerprint": fp,
                    "kind": "off_topic",
                    "start": 9,
                    "end": 3,
                    "note": "x",
                },
            )
        )
    )
    assert any(
        loc == "body.page_fingerprint"
        for loc, _ in _errors(
            client.post(
                "/api/feedback", json={"page_fingerprint": "abc", "kind": "off_topic", "note": "x"}
            )
        )
    )
