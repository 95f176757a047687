"""The guards around every request: headers, body cap, cross-site posts, Host header."""

import pytest
from fastapi.testclient import TestClient

from healthlens.web import create_app
from healthlens.web.middleware import CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(
    "method,path",
    [
        ("GET", "/"),
        ("GET", "/static/style.css"),
        ("GET", "/openapi.json"),
        ("GET", "/nope"),
        ("POST", "/api/ask"),
    ],
)
def test_every_response_carries_the_csp_and_security_headers(client, method, path):
    r = client.request(
        method, path, json={"question": "Is lupus autoimmune?"} if method == "POST" else None
    )
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert (
        "script-src" not in CONTENT_SECURITY_POLICY
        and "default-src 'none'" in CONTENT_SECURITY_POLICY
    )
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "same-origin"


def test_html_pages_use_no_inline_style_or_script(client, seeds):
    from conftest import SEED_000

    for r in (
        client.get("/"),
        client.post(
            "/check",
            data={"text": SEED_000.read_text(encoding="utf-8")},
            files={"file": ("", b"", "x/y")},
        ),
    ):
        assert " style=" not in r.text and "<style" not in r.text and "<script" not in r.text
        assert '<link rel="stylesheet" href="/static/style.css">' in r.text


def test_bodies_over_the_cap_get_413(web_settings):
    web_settings.max_body_bytes = 10_000
    with TestClient(create_app(web_settings), base_url="http://127.0.0.1") as client:
        big = "word " * 4000
        r = client.post("/api/check", json={"pages": [{"text": big}]})
        assert r.status_code == 413 and "10,000 bytes" in r.json()["detail"]
        r = client.post("/check", data={"text": big}, files={"file": ("", b"", "x/y")})
        assert r.status_code == 413 and r.headers["content-type"].startswith("text/plain")
        assert r.headers["content-security-policy"]

        def chunks():  # no Content-Length: the cap counts what arrives
            for _ in range(30):
                yield b"x" * 1000

        r = client.post("/api/ask", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert (
            client.post("/api/ask", json={"question": "Is lupus autoimmune?"}).status_code == 200
        )  # small ones pass


def test_cross_site_posts_are_refused(client):
    r = client.post(
        "/api/ask",
        json={"question": "Is lupus autoimmune?"},
        headers={"origin": "https://evil.example"},
    )
    assert r.status_code == 403
    r = client.post("/feedback", data={"note": "x"}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403
    ok = client.post(
        "/api/ask",
        json={"question": "Is lupus autoimmune?"},
        headers={"origin": "http://127.0.0.1"},
    )
    assert ok.status_code == 200


def test_requests_for_other_host_names_are_refused(app):
    """A DNS-rebinding page reaches the server under its own host name; it gets 400."""
    with TestClient(app, base_url="http://rebind.example") as client:
        assert client.get("/").status_code == 400
    with TestClient(app, base_url="http://localhost:8000") as client:
        assert client.get("/").status_code == 200
