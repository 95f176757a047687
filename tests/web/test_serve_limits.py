"""`healthlens serve` as a real process on 127.0.0.1 (issue 14): a client that trickles its
headers is cut off, and SIGTERM ends the server within seconds while a long check runs."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "HEALTHLENS_WEB_SETTINGS": json.dumps({"header_timeout": 1.0, "check_timeout": 60.0}),
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "healthlens.cli",
            "serve",
            "--port",
            str(port),
            "--no-fetch",
            "--db",
            f"sqlite:///{tmp_path / 'f.sqlite'}",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("healthlens serve did not start")
    yield proc, port, base
    if proc.poll() is None:
        proc.kill()
    proc.wait(10)


def test_a_client_that_trickles_its_headers_is_disconnected(server):
    _proc, port, base = server
    with socket.create_connection(("127.0.0.1", port)) as slow:
        slow.sendall(b"GET / HTTP/1.1\r\nHo")  # ... and never finishes the head
        slow.settimeout(10)
        t0 = time.monotonic()
        assert slow.recv(100) == b""  # closed by the server
        assert time.monotonic() - t0 < 5
    assert httpx.get(base + "/static/style.css", timeout=5).status_code == 200


def test_sigterm_exits_within_seconds_while_a_long_check_runs(server):
    proc, port, _base = server
    # a page that keeps the check busy far longer than the test (cubic claim finding before
    # issue 14's library fix; without it, a long page still takes a while)
    text = "Lupus is autoimmune and " * 40000
    with socket.create_connection(("127.0.0.1", port)) as c:
        body = json.dumps({"pages": [{"text": text}]}).encode()
        c.sendall(
            b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        time.sleep(1.5)  # the check is running
        t0 = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(15)
        assert time.monotonic() - t0 < 10
    err = proc.stderr.read().decode()
    assert "Traceback" not in err
