"""End to end in headless Chromium: `healthlens serve` on 127.0.0.1, seed page 000 pasted into the form.

Uses Debian's chromium (``make test`` installs it with apt-get when it can) driven by Playwright;
Playwright's own browser download is never used. Screenshots go to a temporary folder, or to
``$HEALTHLENS_E2E_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import SEED_000

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (the webtest extra)"
)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _chromium() -> str | None:
    for candidate in (
        os.environ.get("HEALTHLENS_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    db = tmp_path_factory.mktemp("e2e") / "feedback.sqlite"
    cli = [
        sys.executable,
        "-m",
        "healthlens.cli",
        "serve",
        "--port",
        str(port),
        "--db",
        f"sqlite:///{db}",
        "--no-fetch",
    ]
    proc = subprocess.Popen(cli, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(
                f"healthlens serve did not start: {proc.stdout.read().decode(errors='replace')[-2000:]}"
            )
        time.sleep(0.3)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    exe = _chromium()
    if exe is None:
        pytest.skip(
            "no Chromium found (/usr/bin/chromium): apt-get install chromium, or set HEALTHLENS_CHROMIUM"
        )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []  # console errors, CSP violations included
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    yield pg
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("HEALTHLENS_E2E_SCREENSHOTS")
    out = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out


def test_seed_000_shows_the_answer_and_the_highlighted_abbreviation_conflict(
    server, page, shots, seeds
):
    page.goto(server + "/")
    page.get_by_label("Paste the page's text").fill(SEED_000.read_text(encoding="utf-8"))
    page.get_by_role("button", name="Check the page").click()
    page.wait_for_selector("#answer")

    answer = page.locator("#answer")
    assert answer.locator(".verdict-label").inner_text() == "No"
    assert "not an autoimmune disease" in answer.inner_text()
    assert "It is about something else" in answer.inner_text()
    # the answer panel comes first, above the page text
    assert answer.bounding_box()["y"] < page.locator(".page-text").bounding_box()["y"]

    conflict = page.locator("mark.k-abbreviation_conflict")
    assert conflict.count() == 1 and "FPIES" in conflict.inner_text()
    assert conflict.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(252, 165, 165)"
    tip = conflict.evaluate("el => { el.focus(); return getComputedStyle(el, '::after').content }")
    assert "Wrong abbreviation" in tip and "Food protein-induced enterocolitis syndrome" in tip
    described = conflict.get_attribute("aria-describedby").split()
    assert "FPIES" in page.locator(f"#{described[0]}").inner_text()
    assert page.locator(".abbreviations tr.conflict th").inner_text() == "FPIES"
    assert page.errors == []
    path = shots / "seed_000_report.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    print(f"screenshot: {path}")


def test_a_script_in_a_pasted_page_is_shown_as_text_and_never_runs(server, page, shots):
    page.goto(server + "/")
    hostile = 'Is lupus autoimmune?\n<script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2"> Lupus is an autoimmune disease.'
    page.get_by_label("Paste the page's text").fill(hostile)
    page.get_by_role("button", name="Check the page").click()
    page.wait_for_selector("#answer")
    assert page.evaluate("window.pwned") is None
    assert "<script>window.pwned = 1</script>" in page.locator(".page-text").inner_text()
    assert page.locator(".page-text img").count() == 0
    page.screenshot(path=str(shots / "script_as_text.png"), full_page=True)


def test_a_reviewer_marks_a_finding_wrong_and_the_note_comes_back(server, page, seeds):
    text = SEED_000.read_text(encoding="utf-8")
    page.goto(server + "/")
    page.get_by_label("Paste the page's text").fill(text)
    page.get_by_role("button", name="Check the page").click()
    first = page.locator("#p0-f1")  # the abbreviation conflict
    first.get_by_text("This finding is wrong").click()
    first.get_by_label("Why is it wrong?").fill("Test note: reviewed by hand.")
    first.get_by_role("button", name="Save the note").click()
    page.wait_for_selector("text=Your note is saved")
    page.goto(server + "/")
    page.get_by_label("Paste the page's text").fill(text)
    page.get_by_role("button", name="Check the page").click()
    assert "Test note: reviewed by hand." in page.locator("#p0-f1 .reviewer-note").inner_text()
    assert page.locator("#p0-f0 .reviewer-note").count() == 0
    assert page.errors == []
