"""The URL fetch guard. Nothing here reaches the internet: private addresses are refused before any
connection, the public-address path runs on a mock transport, and real sockets only go to a
server on 127.0.0.1 (allowed in one test by replacing the address check)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx
import pytest

from healthlens.web import WebSettings
from healthlens.web import fetch as fetch_mod
from healthlens.web.fetch import FetchError, address_refusal, fetch, fetch_page

PUBLIC = "93.184.215.14"  # a public address; the mock transport answers for it, nothing connects


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.100.100.200",
        "192.0.0.192",
        "0.0.0.0",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "198.18.0.1",
        "192.0.2.1",
        "::1",
        "::",
        "fe80::1",
        "fe80::1%eth0",
        "fc00::1",
        "fd00:ec2::254",
        "ff02::1",
        "fec0::1",
        "2001:db8::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::a9fe:a9fe",
        "2002:7f00:1::1",
        "::127.0.0.1",
        # IPv4-translated (SIIT, ::ffff:0:0:0/96) carrying non-public IPv4 (issue 14)
        "::ffff:0:127.0.0.1",
        "::ffff:0:7f00:1",
        "::ffff:0:10.0.0.1",
        "::ffff:0:169.254.169.254",
        "64:ff9b::127.0.0.1",
        "64:ff9b:1::a00:1",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    ],
)
def test_non_public_addresses_are_refused(address):
    assert address_refusal(address) is not None


@pytest.mark.parametrize(
    "address",
    [
        "93.184.215.14",
        "8.8.8.8",
        "1.1.1.1",
        "2606:4700:4700::1111",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
    ],
)
def test_public_addresses_pass(address):
    assert address_refusal(address) is None


class _Recorder(BaseHTTPRequestHandler):
    hits: ClassVar[list[tuple[str, str]]] = []
    body = b"<html><head><title>Local</title></head><body><p>Lupus is an autoimmune disease.</p></body></html>"

    def do_GET(self):
        type(self).hits.append((self.path, self.headers.get("Host", "")))
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the cap must count what arrives
            for _ in range(40):
                self.wfile.write(b"x" * 1000)
            return
        if self.path == "/slow":
            time.sleep(5)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # do not wait for the slow handler the client gave up on

    def handle_error(self, request, client_address):
        pass  # the client hanging up mid-answer is what some tests do


@pytest.fixture
def local_server():
    _Recorder.hits = []
    server = _Server(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def settings():
    return WebSettings(db_url="sqlite://", allow_fetch=True)


def test_a_server_on_loopback_is_refused_before_any_connection(local_server, settings):
    for url in (
        f"http://127.0.0.1:{local_server}/",
        f"http://localhost:{local_server}/",
        f"http://[::ffff:127.0.0.1]:{local_server}/",
        f"http://127.1:{local_server}/",
        f"http://2130706433:{local_server}/",
    ):
        with pytest.raises(FetchError) as err:
            fetch(url, settings)
        assert err.value.kind == "refused" and "only public web pages" in str(err.value)
    assert _Recorder.hits == []


@pytest.mark.parametrize(
    "url,why",
    [
        ("file:///etc/passwd", "only http:// and https://"),
        ("ftp://example.org/x", "only http:// and https://"),
        ("javascript:alert(1)", "only http:// and https://"),
        ("http://user:pw@example.org/", "user name and password"),
        ("http://", "names no host"),
    ],
)
def test_other_schemes_and_credentials_are_refused(url, why, settings):
    with pytest.raises(FetchError, match=why):
        fetch(url, settings, resolver=lambda h, p: pytest.fail("must not resolve"))


def test_a_name_that_resolves_to_a_private_address_is_refused(settings):
    with pytest.raises(FetchError, match=r"internal.example is 10.0.0.5, a private address"):
        fetch("http://internal.example/", settings, resolver=lambda h, p: ["10.0.0.5"])
    with pytest.raises(FetchError, match="link-local"):  # one bad address among good ones is enough
        fetch("http://mixed.example/", settings, resolver=lambda h, p: [PUBLIC, "169.254.169.254"])


def test_fetching_turned_off_never_resolves(settings):
    settings.allow_fetch = False
    page = fetch_page(
        "https://example.org/", settings, resolver=lambda h, p: pytest.fail("must not resolve")
    )
    assert page.error.kind == "refused" and "turned off" in page.error.message


def _transport(routes: dict[str, httpx.Response], seen: list[httpx.Request]):
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return routes[request.url.path]

    return httpx.MockTransport(handler)


def test_a_public_page_is_fetched_from_the_address_that_was_checked(settings):
    seen: list[httpx.Request] = []
    html = b"<html><head><title>Lupus</title></head><body><article><p>Lupus is an autoimmune disease.</p></article></body></html>"
    transport = _transport(
        {"/lupus": httpx.Response(200, headers={"content-type": "text/html"}, content=html)}, seen
    )
    page = fetch_page(
        "https://www.example.org/lupus",
        settings,
        resolver=lambda h, p: [PUBLIC],
        transport=transport,
    )
    assert (
        page.error is None and page.title == "Lupus" and page.url == "https://www.example.org/lupus"
    )
    (req,) = seen
    assert (
        req.url.host == PUBLIC
    )  # connected to the checked IP: a second DNS answer cannot redirect it
    assert req.headers["host"] == "www.example.org"
    assert req.extensions["sni_hostname"] == "www.example.org"  # TLS still verifies the site's name


def test_every_redirect_is_checked_again(settings):
    seen: list[httpx.Request] = []
    names = {"www.example.org": [PUBLIC], "metadata.example": ["169.254.169.254"]}
    routes = {
        "/a": httpx.Response(302, headers={"location": "/b"}),
        "/b": httpx.Response(301, headers={"location": "http://metadata.example/latest/"}),
    }
    with pytest.raises(FetchError, match=r"metadata.example is 169.254.169.254"):
        fetch(
            "http://www.example.org/a",
            settings,
            resolver=lambda h, p: names[h],
            transport=_transport(routes, seen),
        )
    assert [r.url.path for r in seen] == ["/a", "/b"]  # nothing was sent to the metadata address
    with pytest.raises(FetchError, match=r"127.0.0.1, a loopback address"):
        routes["/b"] = httpx.Response(307, headers={"location": "http://127.0.0.1:8000/admin"})
        fetch(
            "http://www.example.org/a",
            settings,
            resolver=lambda h, p: names[h],
            transport=_transport(routes, []),
        )


def test_redirect_loops_limits_and_broken_targets(settings):
    routes = {
        "/loop": httpx.Response(302, headers={"location": "/loop"}),
        "/bad": httpx.Response(302, headers={"location": "http://[::1"}),
    }
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(
            "http://www.example.org/loop",
            settings,
            resolver=lambda h, p: [PUBLIC],
            transport=_transport(routes, []),
        )
    page = fetch_page(
        "http://www.example.org/bad",
        settings,
        resolver=lambda h, p: [PUBLIC],
        transport=_transport(routes, []),
    )
    assert page.error.kind == "fetch" and "Invalid URL in location header" in page.error.message


@pytest.mark.parametrize(
    "response,kind,message",
    [
        (
            httpx.Response(
                200,
                headers={"content-type": "text/html", "content-length": "6000000"},
                content=b"x",
            ),
            "too_large",
            "6,000,000 bytes",
        ),
        (
            httpx.Response(200, headers={"content-type": "application/pdf"}, content=b"%PDF"),
            "unreadable",
            "application/pdf, not a web page",
        ),
        (httpx.Response(404, content=b"gone"), "not_found", "HTTP 404"),
        (httpx.Response(503, content=b"busy"), "fetch", "HTTP 503"),
    ],
)
def test_bad_answers_become_page_errors(settings, response, kind, message):
    page = fetch_page(
        "http://www.example.org/p",
        settings,
        resolver=lambda h, p: [PUBLIC],
        transport=_transport({"/p": response}, []),
    )
    assert (
        page.error.kind == kind
        and message in page.error.message
        and "www.example.org/p" in page.error.message
    )


def test_real_sockets_size_cap_timeout_and_host_header(local_server, settings, monkeypatch):
    """The one test that opens sockets: to 127.0.0.1, allowed here by replacing the address check."""
    monkeypatch.setattr(fetch_mod, "address_refusal", lambda address: None)
    resolver = lambda host, port: ["127.0.0.1"]  # noqa: E731
    page = fetch_page(f"http://site.example:{local_server}/page", settings, resolver=resolver)
    assert page.error is None and "Lupus is an autoimmune disease." in page.text
    assert _Recorder.hits == [("/page", f"site.example:{local_server}")]
    settings.fetch_max_bytes = 20_000
    with pytest.raises(FetchError, match="more than the 20,000-byte limit"):
        fetch(f"http://site.example:{local_server}/big", settings, resolver=resolver)
    settings.fetch_timeout = 0.3
    t = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch(f"http://site.example:{local_server}/slow", settings, resolver=resolver)
    assert err.value.kind == "timeout" and time.monotonic() - t < 3  # the server would take 5 s


@pytest.mark.parametrize(
    "url", ["http://[::ffff:0:127.0.0.1]/", "http://[::ffff:0:7f00:1]:8080/admin"]
)
def test_ipv4_translated_literals_are_refused_before_any_lookup(url, settings):
    def resolver(host, port):  # an address literal needs no lookup
        raise AssertionError("resolved")

    page = fetch_page(url, settings, resolver=resolver)
    assert page.error.kind == "refused"
    assert "IPv4-translated" in page.error.message and "127.0.0.1" in page.error.message


def test_a_redirect_to_an_ipv4_translated_address_is_refused(settings):
    seen: list[httpx.Request] = []
    routes = {"/a": httpx.Response(302, headers={"location": "http://[::ffff:0:169.254.169.254]/"})}
    page = fetch_page(
        "http://www.example.org/a",
        settings,
        resolver=lambda h, p: [PUBLIC],
        transport=_transport(routes, seen),
    )
    assert page.error.kind == "refused" and "169.254.169.254" in page.error.message
    assert [r.url.path for r in seen] == ["/a"]


def test_a_name_resolving_to_an_ipv4_translated_address_is_refused(settings):
    page = fetch_page("http://sneaky.example/", settings, resolver=lambda h, p: ["::ffff:0:a00:1"])
    assert page.error.kind == "refused" and "10.0.0.1" in page.error.message


@pytest.mark.parametrize(
    "url", ["http://xn--a.com/", "http://\u2488.com/", "http://ex\u00e4mple\u200d.com/"]
)
def test_an_invalid_idna_host_is_a_page_error_not_an_exception(url, settings):
    page = fetch_page(url, settings, resolver=lambda h, p: [PUBLIC])
    assert page.error.kind == "refused"
    assert "not a valid internationalised domain name" in page.error.message or (
        "not a web address" in page.error.message
    )


def test_a_redirect_to_an_invalid_idna_host_is_a_page_error(settings):
    routes = {"/a": httpx.Response(302, headers={"location": "http://xn--a.com/"})}
    page = fetch_page(
        "http://www.example.org/a",
        settings,
        resolver=lambda h, p: [PUBLIC],
        transport=_transport(routes, []),
    )
    assert page.error.kind == "refused" and "redirects to an invalid address" in page.error.message
