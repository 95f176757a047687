"""Fetching a page by URL, safely: only http(s), only public addresses, bounded in size and time.

The guard runs on every hop: the URL's host is resolved, every address it resolves to must be
public (loopback, private, link-local, CGNAT, multicast, reserved, documentation and cloud-metadata
ranges are refused, in IPv4 and IPv6, IPv4 inside IPv6 included), and the connection goes to the
address that was checked (with the original ``Host`` header and TLS server name), so a DNS answer
that changes between the check and the connect cannot redirect it. Redirects are followed by hand
and each target is checked the same way.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from ..errors import InputError
from ..models import Page, PageError
from ..read import read_bytes
from .settings import WebSettings

__all__ = ["FetchError", "Fetched", "address_refusal", "resolve", "fetch", "fetch_page"]

_Net = ipaddress.IPv4Network | ipaddress.IPv6Network

# Special-purpose ranges (IANA IPv4/IPv6 special-purpose registries) no page fetch may reach.
_REFUSED: list[tuple[_Net, str]] = [
    (ipaddress.ip_network(net), why)
    for net, why in [
        ("0.0.0.0/8", "a 'this network' address"),
        ("10.0.0.0/8", "a private address"),
        ("100.64.0.0/10", "a carrier-grade NAT (shared) address"),
        ("127.0.0.0/8", "a loopback address"),
        ("169.254.0.0/16", "a link-local address (cloud metadata lives here)"),
        ("172.16.0.0/12", "a private address"),
        ("192.0.0.0/24", "an IETF protocol address (cloud metadata lives here)"),
        ("192.0.2.0/24", "a documentation address"),
        ("192.88.99.0/24", "a 6to4 relay address"),
        ("192.168.0.0/16", "a private address"),
        ("198.18.0.0/15", "a benchmarking address"),
        ("198.51.100.0/24", "a documentation address"),
        ("203.0.113.0/24", "a documentation address"),
        ("224.0.0.0/4", "a multicast address"),
        ("240.0.0.0/4", "a reserved address"),
        ("::/128", "the unspecified address"),
        ("::1/128", "a loopback address"),
        ("::/96", "an IPv4-compatible IPv6 address"),
        ("64:ff9b:1::/48", "a local-use NAT64 address"),
        ("100::/64", "a discard-only address"),
        ("2001::/23", "an IETF protocol address"),
        ("2001:db8::/32", "a documentation address"),
        ("2002::/16", "a 6to4 address"),
        ("fc00::/7", "a unique-local (private) address (cloud metadata lives here)"),
        ("fe80::/10", "a link-local address"),
        ("fec0::/10", "a site-local address"),
        ("ff00::/8", "a multicast address"),
    ]
]
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_MAPPED = ipaddress.ip_network("::ffff:0:0/96")  # IPv4-mapped: ::ffff:a.b.c.d
_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")  # IPv4-translated (SIIT): ::ffff:0:a.b.c.d
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


class FetchError(InputError):
    """A URL could not be fetched; ``kind`` is the ``PageError`` kind it becomes."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    data: bytes
    content_type: str


def address_refusal(address: str) -> str | None:
    """Why ``address`` may not be fetched from, or None when it is a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 carried inside IPv6 (mapped, SIIT-translated, NAT64) reaches the IPv4 host:
        # judge that host, so [::ffff:0:127.0.0.1] is refused like 127.0.0.1
        for net, form in ((_MAPPED, "IPv4-mapped"), (_TRANSLATED, "IPv4-translated")):
            if ip in net:
                inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
                why = address_refusal(str(inner))
                return f"an {form} IPv6 address of {inner}, {why}" if why else None
        if ip in _NAT64:
            return address_refusal(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)))
    for net, why in _REFUSED:
        if ip.version == net.version and ip in net:
            return why
    if not ip.is_global:
        return "not a public address"
    return None


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (tests replace this to stay off the network)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _ascii_host(url: httpx.URL) -> str:
    return url.raw_host.decode("ascii")  # internationalised names in their IDNA (xn--) form


def _valid_host(url: httpx.URL) -> str:
    """The host as the user would read it; raises ``FetchError`` (``refused``) for a name that
    is not valid IDNA (``xn--`` labels that do not decode, forbidden code points)."""
    try:
        return url.host
    except (UnicodeError, ValueError) as exc:  # idna's errors are UnicodeErrors
        raise FetchError(
            "refused",
            f"{url}: the host name {_ascii_host(url)!r} is not a valid internationalised "
            f"domain name ({exc})",
        ) from exc


def _checked_address(
    url: httpx.URL,
    resolver: Callable[[str, int], list[str]],
    settings: WebSettings,
    deadline: float,
) -> str:
    """The public address to connect to for ``url``; raises ``FetchError`` (``refused`` for a
    non-public address or a scheme other than http(s)) otherwise."""
    if url.scheme not in ("http", "https"):
        raise FetchError("refused", f"{url}: only http:// and https:// addresses can be fetched")
    if not _valid_host(url):
        raise FetchError("refused", f"{url}: the address names no host")
    if url.userinfo:
        raise FetchError("refused", f"{url}: remove the user name and password from the address")
    port = url.port or (443 if url.scheme == "https" else 80)
    host = _ascii_host(url)
    if time.monotonic() > deadline:
        raise FetchError(
            "timeout", f"{url}: the fetch took longer than {settings.fetch_total_timeout:g} s"
        )
    try:
        addresses = [str(ipaddress.ip_address(host))]  # an address literal needs no lookup
    except ValueError:
        addresses = None
    try:
        addresses = addresses or resolver(host, port)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError("fetch", f"{url}: the host {url.host} could not be found ({exc})") from exc
    if not addresses:
        raise FetchError("fetch", f"{url}: the host {url.host} has no address")
    for address in addresses:
        why = address_refusal(address)
        if why:
            raise FetchError(
                "refused",
                f"{url}: {url.host} is {address}, {why}; only public web pages can be fetched",
            )
    return addresses[0]


def _pinned(url: httpx.URL, address: str) -> tuple[httpx.URL, dict, dict]:
    """The request for ``url`` sent to ``address``: the URL with the IP, plus Host header and TLS name."""
    host = _ascii_host(url)
    if ":" in host:  # an IPv6 literal in the original URL
        host = f"[{host}]"
    host_header = host if url.port is None else f"{host}:{url.port}"
    extensions = {"sni_hostname": _ascii_host(url)} if url.scheme == "https" else {}
    return url.copy_with(host=address), {"Host": host_header}, extensions


def fetch(
    url: str,
    settings: WebSettings,
    *,
    resolver: Callable[[str, int], list[str]] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Fetched:
    """GET a public web page; raises ``FetchError`` with the reason for anything else."""
    resolver = resolver or resolve
    if not settings.allow_fetch:
        raise FetchError(
            "refused",
            f"{url}: fetching pages by URL is turned off on this server (--no-fetch); paste the page's text instead",
        )
    try:
        current = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, UnicodeError, ValueError) as exc:
        raise FetchError("refused", f"{url}: not a web address ({exc})") from exc
    deadline = time.monotonic() + settings.fetch_total_timeout
    timeout = httpx.Timeout(settings.fetch_timeout)
    headers = {
        "User-Agent": "healthlens (page check requested by a user)",
        "Accept": "text/html, text/plain;q=0.9",
    }
    with httpx.Client(
        transport=transport,
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
        headers=headers,
    ) as client:
        for _ in range(settings.max_redirects + 1):
            address = _checked_address(current, resolver, settings, deadline)
            target, host_header, extensions = _pinned(current, address)
            request = client.build_request(
                "GET", target, headers=host_header, extensions=extensions
            )
            try:
                response = client.send(request, stream=True)
            except httpx.TimeoutException as exc:
                raise FetchError(
                    "timeout", f"{current}: no answer within {settings.fetch_timeout:g} s"
                ) from exc
            except httpx.HTTPError as exc:
                raise FetchError("fetch", f"{current}: the request failed ({exc})") from exc
            except (UnicodeError, ValueError) as exc:  # httpx reads the Location's host (IDNA)
                raise FetchError(
                    "refused", f"{current}: the site redirects to an invalid address ({exc})"
                ) from exc
            try:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    try:
                        current = current.join(location)
                    except (httpx.InvalidURL, UnicodeError, ValueError) as exc:
                        raise FetchError(
                            "refused", f"{current}: redirects to {location!r}, not a web address"
                        ) from exc
                    continue
                return _read_body(current, response, settings, deadline)
            finally:
                response.close()
        raise FetchError("fetch", f"{url}: more than {settings.max_redirects} redirects")


def _read_body(
    url: httpx.URL, response: httpx.Response, settings: WebSettings, deadline: float
) -> Fetched:
    if response.status_code >= 400:
        kind = "not_found" if response.status_code in (404, 410) else "fetch"
        raise FetchError(kind, f"{url}: the site answered HTTP {response.status_code}")
    content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type and content_type not in _PAGE_TYPES:
        raise FetchError(
            "unreadable",
            f"{url}: the site sent {content_type}, not a web page (HTML or plain text)",
        )
    limit = settings.fetch_max_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(
            "too_large", f"{url}: {int(declared):,} bytes is over the {limit:,}-byte limit per page"
        )
    chunks, size = [], 0
    try:
        for chunk in response.iter_bytes():  # decoded bytes: a compressed bomb hits the limit too
            size += len(chunk)
            if size > limit:
                raise FetchError("too_large", f"{url}: more than the {limit:,}-byte limit per page")
            if time.monotonic() > deadline:
                raise FetchError(
                    "timeout",
                    f"{url}: the page took longer than {settings.fetch_total_timeout:g} s to arrive",
                )
            chunks.append(chunk)
    except httpx.TimeoutException as exc:
        raise FetchError(
            "timeout", f"{url}: the page stopped arriving for {settings.fetch_timeout:g} s"
        ) from exc
    except httpx.HTTPError as exc:
        raise FetchError("fetch", f"{url}: the download broke off ({exc})") from exc
    return Fetched(str(url), b"".join(chunks), content_type)


def fetch_page(url: str, settings: WebSettings, **kwargs) -> Page:
    """A read ``Page`` for ``url``; a refused or failed fetch is a ``Page`` whose ``error`` says why."""
    try:
        fetched = fetch(url, settings, **kwargs)
    except FetchError as exc:
        return Page(input=url, url=url, error=PageError(exc.kind, str(exc)))
    hint = (
        "text"
        if fetched.content_type == "text/plain"
        else ("html" if fetched.content_type else None)
    )
    return read_bytes(fetched.data, url, hint=hint, url=fetched.url)
