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


WIDE, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def _new_page(browser, viewport: dict):
    context = browser.new_context(viewport=viewport)
    pg = context.new_page()
    pg.errors = []  # console errors, CSP violations included
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    return context, pg


@pytest.fixture
def page(browser):
    context, pg = _new_page(browser, WIDE)
    yield pg
    context.close()


@pytest.fixture(params=[WIDE, PHONE], ids=["1280px", "390px"])
def sized_page(browser, request):
    context, pg = _new_page(browser, request.param)
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
    # the summary and the evidence come first, above the page text
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


def _seed_000_report(server, pg):
    pg.goto(server + "/")
    pg.get_by_label("Your question").fill("Is FPIES an autoimmune disease?")
    pg.get_by_label("paste the page's text").fill(SEED_000.read_text(encoding="utf-8"))
    pg.get_by_role("button", name="Check the page").click()
    pg.wait_for_selector("#answer")


def test_seed_000_says_about_something_else_first_and_claims_no_agreement(
    server, sized_page, shots, seeds
):
    pg = sized_page
    width = pg.viewport_size["width"]
    _seed_000_report(server, pg)
    topic = pg.get_by_text("It is about something else", exact=False).first
    answer = pg.locator(".step-answer").first
    assert topic.bounding_box()["y"] < answer.bounding_box()["y"]
    assert "Fibromyalgia" in answer.inner_text()
    # an off-topic page's "no" matches the evidence on FPIES by chance: nothing may say it agrees
    body = pg.locator("body").inner_text().lower()
    assert "agree" not in body and "about something else" in body
    trust = pg.locator(".trust-line")
    assert trust.inner_text().startswith("Not to be relied on for this question: it is about")
    assert trust.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(253, 236, 236)"
    # the verdict itself is neutral: a reassuring "No" is not alarm red
    verdict = pg.locator("#answer .verdict-label")
    assert verdict.evaluate("el => getComputedStyle(el).color") == "rgb(26, 26, 26)"
    assert pg.evaluate("document.documentElement.scrollWidth") <= width  # nothing sticks out
    assert pg.errors == []
    pg.screenshot(path=str(shots / f"seed_000_{width}px_first_screen.png"))
    pg.screenshot(path=str(shots / f"seed_000_{width}px.png"), full_page=True)


def test_on_a_phone_the_findings_are_on_the_first_screen_and_before_the_text(
    server, browser, shots, seeds
):
    context, pg = _new_page(browser, PHONE)
    try:
        _seed_000_report(server, pg)
        first = pg.locator(".findings-brief li").first
        box = first.bounding_box()
        assert box["y"] + 20 < PHONE["height"], box  # seen without scrolling
        assert "Off topic" in first.inner_text() and "serious" in first.inner_text().lower()
        # every explanation is written out, not only on hover: the full list precedes the text
        aside = pg.locator("aside.findings").bounding_box()
        assert aside["y"] < pg.locator(".page-text").bounding_box()["y"]
        assert pg.locator("#p0-f1-msg").is_visible()
        assert "FPIES" in pg.locator("#p0-f1-msg").inner_text()
    finally:
        context.close()


def test_the_home_page_puts_the_address_first_and_lists_the_questions(server, sized_page, shots):
    pg = sized_page
    pg.goto(server + "/")
    boxes = [pg.locator(f"#{i}").bounding_box()["y"] for i in ("url", "text", "file", "question")]
    assert boxes == sorted(boxes)
    questions = pg.locator(".questions")
    assert questions.is_visible() and "Is X an autoimmune disease?" in questions.inner_text()
    pg.screenshot(path=str(shots / f"home_{pg.viewport_size['width']}px.png"), full_page=True)


@pytest.fixture(scope="module")
def audit_report(tmp_path_factory, seeds) -> Path:
    for name in ("pyarrow", "fastwarc", "duckdb"):
        pytest.importorskip(name, reason=f"the audit extra is not installed ({name} is missing)")
    from healthlens.audit import audit
    from healthlens.audit.report_html import write_report

    tmp = tmp_path_factory.mktemp("audit_e2e")
    pages = tmp / "pages"
    pages.mkdir()
    repo = Path(__file__).resolve().parents[2]
    for src in [SEED_000, *sorted((repo / "examples").glob("0[1-5]_*.txt"))]:
        (pages / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    audit([pages], tmp / "out", question="Is FPIES an autoimmune disease?", workers=1)
    return write_report(tmp / "out")


def test_the_audit_report_renders_its_charts_and_flagged_pages(audit_report, sized_page, shots):
    pg = sized_page
    width = pg.viewport_size["width"]
    pg.goto(audit_report.as_uri())
    assert pg.locator("h1").inner_text() == "Audit: Is FPIES an autoimmune disease?"
    charts = pg.locator("figure.chart")
    assert charts.count() >= 7
    for title in ("On topic, by condition", "Agreement with the evidence, by site"):
        chart = pg.locator("figure.chart", has_text=title)
        assert chart.is_visible()
        assert chart.locator(".bar span").first.bounding_box()["width"] > 5  # bars are drawn
    # no label is cut: every label cell shows its whole text
    clipped = pg.evaluate(
        "() => [...document.querySelectorAll('.chart th')].filter("
        "el => el.scrollWidth > el.clientWidth + 1).map(el => el.textContent)"
    )
    assert clipped == []
    assert pg.evaluate("document.documentElement.scrollWidth") <= width
    links = pg.locator("table.flagged a")
    assert links.count() == 5  # every page is off topic for FPIES
    pg.screenshot(path=str(shots / f"audit_report_{width}px.png"), full_page=True)
    links.filter(has_text="fpies").first.click()
    pg.wait_for_selector(".trust")
    assert "Not to be relied on for this question" in pg.locator(".trust").inner_text()
    assert "Wrong abbreviation" in pg.locator("body").inner_text()
    pg.screenshot(path=str(shots / f"audit_page_report_{width}px.png"), full_page=True)
    pg.get_by_text("Back to the audit report").click()
    assert pg.locator("#flagged").is_visible()
    assert pg.errors == []
