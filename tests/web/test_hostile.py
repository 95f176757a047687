"""The server under hostile input and load (issue 14): checks run off the event loop in a bounded
pool, a full pool sheds with 503 + Retry-After, a check stops at its deadline or when its client
goes, a page that breaks a reader costs that page only, and an unexpected error still carries the
security headers."""

from __future__ import annotations

import asyncio
import os
import threading
import time

import httpx
import pytest

from healthlens.web import WebSettings, create_app, service
from healthlens.web.middleware import SECURITY_HEADERS
from healthlens.web.work import Busy, ClientGone, WorkPool, WorkTimeout

FPIES = "Is FPIES an autoimmune disease?"


def _settings(tmp_path, **kw) -> WebSettings:
    return WebSettings(db_url=f"sqlite:///{tmp_path / 'feedback.sqlite'}", allow_fetch=False, **kw)


async def _client(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1")


class _Gate:
    """A stand-in for a check that takes as long as the test says (it ignores every deadline,
    like a pipeline stage that never looks at the clock)."""

    def __init__(self, seconds: float = 30.0) -> None:
        self.release = threading.Event()
        self.started = threading.Semaphore(0)
        self.seconds = seconds
        self.running = 0

    def __call__(self, pages, question=None, *args, **kwargs):
        self.running += 1
        self.started.release()
        self.release.wait(self.seconds)
        self.running -= 1
        from healthlens.pipeline import check_pages

        return check_pages(pages, question)


# --- the pool itself ------------------------------------------------------------------------


def test_a_full_lane_refuses_at_once_and_a_slot_frees_only_when_its_thread_ends():
    async def main():
        pool = WorkPool(threads=1, queue=1, large_threads=1, large_queue=0, large_bytes=100)
        gate = threading.Event()
        first = asyncio.ensure_future(pool.run(lambda stop: gate.wait(5) and "first", 10))
        second = asyncio.ensure_future(pool.run(lambda stop: "second", 10))
        await asyncio.sleep(0.05)
        t0 = time.monotonic()
        with pytest.raises(Busy) as busy:
            await pool.run(lambda stop: "third", 10)
        assert time.monotonic() - t0 < 0.5 and busy.value.retry_after == 5
        # the large lane is separate: a big request is not stuck behind the normal ones
        assert await pool.run(lambda stop: "large", 1000) == "large"
        gate.set()
        assert await first == "first" and await second == "second"
        assert pool.normal.running == 0 and not pool.normal.waiting

    asyncio.run(main())


def test_a_check_past_its_deadline_is_told_to_stop_and_answers_in_time():
    async def main():
        pool = WorkPool(threads=1, queue=0, timeout=0.3, grace=0.5)

        def job(stop):
            while not stop.stopped:  # cooperative: it looks at its Stop, as check_job does
                time.sleep(0.01)
            return stop.reason

        t0 = time.monotonic()
        assert await pool.run(job, 10) == "deadline"
        assert 0.25 < time.monotonic() - t0 < 1.5

    asyncio.run(main())


def test_work_that_never_looks_at_its_stop_keeps_its_slot_until_it_ends():
    async def main():
        pool = WorkPool(threads=1, queue=0, timeout=0.2, grace=0.1)
        gate = threading.Event()
        with pytest.raises(WorkTimeout):
            await pool.run(lambda stop: gate.wait(5), 10)
        with pytest.raises(Busy):  # the thread still runs: the bound is real
            await pool.run(lambda stop: "next", 10)
        gate.set()
        await asyncio.sleep(0.1)
        assert await pool.run(lambda stop: "next", 10) == "next"

    asyncio.run(main())


def test_a_client_that_goes_away_stops_its_check():
    async def main():
        pool = WorkPool(threads=1, queue=1, timeout=30)
        stopped = threading.Event()

        async def receive():
            await asyncio.sleep(0.2)
            return {"type": "http.disconnect"}

        def job(stop):
            while not stop.stopped:
                time.sleep(0.01)
            if stop.reason == "client gone":
                stopped.set()

        t0 = time.monotonic()
        with pytest.raises(ClientGone):
            await pool.run(job, 10, receive)
        assert time.monotonic() - t0 < 2 and stopped.wait(2)

    asyncio.run(main())


def test_shutdown_stops_every_check_in_flight():
    async def main():
        pool = WorkPool(threads=2, queue=0, timeout=30)
        reasons = []

        def job(stop):
            while not stop.stopped:
                time.sleep(0.01)
            reasons.append(stop.reason)

        task = asyncio.ensure_future(pool.run(job, 10))
        await asyncio.sleep(0.1)
        pool.shutdown()
        await asyncio.wait_for(task, 2)
        assert reasons == ["shutdown"]
        with pytest.raises(Busy):
            await pool.run(job, 10)

    asyncio.run(main())


# --- through the app ------------------------------------------------------------------------


def test_the_event_loop_keeps_serving_while_checks_run(tmp_path, monkeypatch):
    gate = _Gate()
    monkeypatch.setattr(service, "check_pages", gate)
    app = create_app(_settings(tmp_path, check_threads=2, check_queue=0))

    async def main():
        async with await _client(app) as c:
            body = {"question": FPIES, "pages": [{"text": "FPIES is a food allergy."}]}
            checks = [asyncio.ensure_future(c.post("/api/check", json=body)) for _ in range(2)]
            for _ in range(2):
                await asyncio.to_thread(gate.started.acquire, True, 5)
            t0 = time.monotonic()
            css = await c.get("/static/style.css")
            form = await c.get("/")
            assert css.status_code == 200 and form.status_code == 200
            assert time.monotonic() - t0 < 1.0  # not behind the two running checks
            busy = await c.post("/api/check", json=body)
            assert busy.status_code == 503 and busy.headers["retry-after"] == "5"
            assert "busy" in busy.json()["detail"]
            html = await c.post("/check", data={"text": "Lupus is autoimmune."})
            assert html.status_code == 503 and html.headers["retry-after"] == "5"
            assert "The server is busy" in html.text and "content-security-policy" in html.headers
            gate.release.set()
            assert [r.status_code for r in await asyncio.gather(*checks)] == [200, 200]

    asyncio.run(main())


def test_large_requests_run_in_their_own_lane(tmp_path, monkeypatch):
    gate = _Gate()
    monkeypatch.setattr(service, "check_pages", gate)
    app = create_app(
        _settings(tmp_path, large_bytes=10_000, large_threads=1, large_queue=0, isolate_large=False)
    )

    async def main():
        async with await _client(app) as c:
            big = {"pages": [{"text": "Lupus is autoimmune. " * 1000}]}
            hog = asyncio.ensure_future(c.post("/api/check", json=big))
            await asyncio.to_thread(gate.started.acquire, True, 5)
            shed = await c.post("/api/check", json=big)
            assert shed.status_code == 503  # the large lane is full...
            gate.release.set()  # ...but a small request still runs (gate is open now)
            small = await c.post("/api/check", json={"pages": [{"text": "Lupus is autoimmune."}]})
            assert small.status_code == 200 and (await hog).status_code == 200

    asyncio.run(main())


def test_a_check_past_the_time_limit_gives_timeout_rows_not_a_hang(tmp_path, monkeypatch):
    gate = _Gate(seconds=5)
    monkeypatch.setattr(service, "check_pages", gate)
    app = create_app(_settings(tmp_path, check_timeout=0.5))

    async def main():
        async with await _client(app) as c:
            t0 = time.monotonic()
            r = await c.post(
                "/api/check",
                json={"question": FPIES, "pages": [{"text": "a"}, {"html": "<p>b</p>"}]},
            )
            assert time.monotonic() - t0 < 3
            assert r.status_code == 200
            errors = [p["error"] for p in r.json()["pages"]]
            assert [e["kind"] for e in errors] == ["timeout", "timeout"]
            assert "time limit of 0.5 s" in errors[0]["message"]
            form = await c.post("/check", data={"text": "Lupus is autoimmune."})
            assert form.status_code == 200 and "time limit" in form.text
            gate.release.set()

    asyncio.run(main())


def test_an_odd_length_utf16_upload_is_a_page_error_not_a_500(client):
    data = b"\xff\xfe" + "Lupus is an autoimmune disease.".encode("utf-16-le") + b"x"
    r = client.post(
        "/check", data={"question": ""}, files={"file": ("odd.txt", data, "text/plain")}
    )
    assert r.status_code == 200
    assert "odd.txt" in r.text and ("decode" in r.text or "could not" in r.text.lower())
    assert "content-security-policy" in r.headers


def test_a_page_that_breaks_a_reader_costs_that_page_only(client, monkeypatch):
    def broken(html, name, url=None):
        raise ValueError("a reader bug")

    monkeypatch.setattr(service, "read_html", broken)
    r = client.post(
        "/api/check",
        json={"pages": [{"html": "<p>x</p>"}, {"text": "Lupus is an autoimmune disease."}]},
    )
    assert r.status_code == 200
    first, second = r.json()["pages"]
    assert first["error"]["kind"] == "internal" and "a reader bug" in first["error"]["message"]
    assert second["error"] is None and second["main_condition"]


def test_an_invalid_idna_url_is_a_row_and_the_other_pages_are_checked(tmp_path):
    from fastapi.testclient import TestClient

    app = create_app(WebSettings(db_url=f"sqlite:///{tmp_path / 'f.sqlite'}", allow_fetch=True))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        r = c.post(
            "/api/check",
            json={
                "pages": [
                    {"text": "Lupus is an autoimmune disease."},
                    {"url": "http://xn--a.com/"},
                    {"url": "http://[::ffff:0:127.0.0.1]/"},
                ]
            },
        )
        assert r.status_code == 200, r.text
        pages = r.json()["pages"]
        assert pages[0]["error"] is None
        assert (
            pages[1]["error"]["kind"] == "refused" and "xn--a.com" in pages[1]["error"]["message"]
        )
        assert pages[2]["error"]["kind"] == "refused"
        form = c.post("/check", data={"url": "http://xn--a.com/"})
        assert form.status_code == 200 and "not a valid internationalised" in form.text


def test_an_unexpected_error_is_a_500_with_the_security_headers(client, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("unexpected")

    monkeypatch.setattr(service, "report_to_dict", boom)
    for path, kw in (
        ("/api/check", {"json": {"pages": [{"text": "Lupus."}]}}),
        ("/check", {"data": {"text": "Lupus."}}),
    ):
        r = client.post(path, **kw)
        assert r.status_code == 500
        for name, value in SECURITY_HEADERS:
            assert r.headers[name.decode()] == value.decode()
        assert "Traceback" not in r.text and "went wrong" in r.text


def test_a_stalled_body_gets_408(tmp_path):
    app = create_app(_settings(tmp_path, body_timeout=0.3))

    async def main():
        sent = []

        async def receive():
            if not sent:
                sent.append(1)
                return {"type": "http.request", "body": b'{"pages": [', "more_body": True}
            await asyncio.sleep(5)  # the client stops sending
            return {"type": "http.disconnect"}

        async def send(message):
            sent.append(message)

        scope = {
            "type": "http",
            "method": "POST",
            "path": "/api/check",
            "raw_path": b"/api/check",
            "query_string": b"",
            "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json")],
            "client": ("127.0.0.1", 1),
            "server": ("127.0.0.1", 80),
            "scheme": "http",
            "http_version": "1.1",
            "root_path": "",
        }
        t0 = time.monotonic()
        await app(scope, receive, send)
        assert time.monotonic() - t0 < 2
        start = next(m for m in sent[1:] if m["type"] == "http.response.start")
        assert start["status"] == 408

    asyncio.run(main())


def test_a_large_check_runs_in_a_child_process_and_stops_at_its_deadline(tmp_path):
    from fastapi.testclient import TestClient

    # the ordinary checks get a deadline no busy machine reaches (a shared 2-core runner under a
    # load of 12 took over 4 s for the 13 kB page); only the hostile page below is held to 1 s
    app = create_app(_settings(tmp_path, large_bytes=5_000, check_timeout=30.0))
    pool = app.state.pool
    with TestClient(app, base_url="http://127.0.0.1") as c:
        small = c.post("/api/check", json={"pages": [{"text": "Lupus is an autoimmune disease."}]})
        assert small.status_code == 200 and pool.children[0]._proc is None  # no child yet
        assert pool.children[0].start(wait=120)  # spawned and its knowledge base loaded
        big = "Lupus is an autoimmune disease. " * 400
        r = c.post("/api/check", json={"question": FPIES, "pages": [{"text": big}]})
        assert r.status_code == 200, r.text
        page = r.json()["pages"][0]
        assert page["error"] is None and page["main_condition"]["name"]  # checked in the child
        child = pool.children[0]._proc
        assert child is not None and child.is_alive() and child.pid != os.getpid()
        # a page the child cannot finish in time: killed at the deadline, answered as timeout
        hostile = {"pages": [{"text": "Lupus is autoimmune and celiac disease is not " * 50000}]}
        app.state.pool.timeout = 1.0
        t0 = time.monotonic()
        r = c.post("/api/check", json=hostile)
        assert time.monotonic() - t0 < 4
        assert r.json()["pages"][0]["error"]["kind"] == "timeout"
        # the library's deadline stops the work inside the child, which stays ready for the
        # next check; a child that had not stopped in time would have been killed and replaced
        assert pool.children[0].start(wait=120)
        app.state.pool.timeout = 30.0  # the 1 s above was for the hostile page alone
        again = c.post("/api/check", json={"question": FPIES, "pages": [{"text": big}]})
        assert again.status_code == 200 and again.json()["pages"][0]["error"] is None


def test_a_full_large_lane_refuses_before_the_body_is_read(tmp_path, monkeypatch):
    gate = _Gate()
    monkeypatch.setattr(service, "check_pages", gate)
    app = create_app(_settings(tmp_path, large_bytes=10_000, large_queue=0, isolate_large=False))

    async def main():
        async with await _client(app) as c:
            big = {"pages": [{"text": "Lupus is autoimmune. " * 1000}]}
            hog = asyncio.ensure_future(c.post("/api/check", json=big))
            await asyncio.to_thread(gate.started.acquire, True, 5)
            read = []

            async def body():
                read.append(1)
                yield b'{"pages": [{"text": "' + b"x" * 20_000 + b'"}]}'

            r = await c.post(
                "/api/check",
                content=body(),
                headers={"content-type": "application/json", "content-length": "20024"},
            )
            assert r.status_code == 503 and r.headers["retry-after"] == "5"
            assert "content-security-policy" in r.headers and not read  # never read
            gate.release.set()
            assert (await hog).status_code == 200

    asyncio.run(main())


def test_the_form_is_parsed_off_the_event_loop(tmp_path, monkeypatch):
    from healthlens.web import pages

    real = pages._parse_form
    started = threading.Event()

    def slow(*args):
        started.set()
        time.sleep(1.5)  # as a 6 MB form's parsing would hold whatever thread runs it
        return real(*args)

    monkeypatch.setattr(pages, "_parse_form", slow)
    app = create_app(_settings(tmp_path))

    async def main():
        async with await _client(app) as c:
            form = asyncio.ensure_future(c.post("/check", data={"text": "Lupus is autoimmune."}))
            await asyncio.to_thread(started.wait, 5)
            t0 = time.monotonic()
            assert (await c.get("/static/style.css")).status_code == 200
            assert time.monotonic() - t0 < 1.0  # not behind the parsing
            r = await form
            assert r.status_code == 200 and "Lupus" in r.text

    asyncio.run(main())
