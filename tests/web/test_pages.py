import re

from conftest import SEED_000

FPIES = "Is FPIES an autoimmune disease?"
NO_FILE = {
    "file": ("", b"", "application/octet-stream")
}  # what a browser sends when no file is chosen


def _check(client, **fields):
    return client.post("/check", data=fields, files=NO_FILE)


def test_the_form_offers_question_text_file_and_url(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    for field in ('name="question"', 'name="text"', 'name="file"', 'name="url"', 'action="/check"'):
        assert field in r.text
    assert 'for="text"' in r.text and 'for="url"' in r.text  # every input is labelled
    assert "turned off" in r.text  # this server was started without fetching


def test_report_puts_the_answer_first_and_highlights_the_abbreviation_conflict(client, seeds):
    r = _check(client, question="", text=SEED_000.read_text(encoding="utf-8"))
    assert r.status_code == 200
    html = r.text
    answer, page_text = html.index('id="answer"'), html.index('class="page-text"')
    assert answer < page_text < html.index('id="page-0-cred"') < html.index('id="page-0-abbr"')
    assert re.search(r'<span class="verdict-label">No</span>', html)
    mark = re.search(r'<mark class="hl k-abbreviation_conflict[^"]*"[^>]*>([^<]*)</mark>', html)
    assert mark and "FPIES" in mark.group(1)
    assert 'data-tip="2. Wrong abbreviation: The page says FPIES means' in mark.group(0)
    assert (
        'aria-describedby="p0-f1-msg' in mark.group(0) and 'id="p0-f1-msg"' in html
    )  # the side list explains it
    assert "No: conflict" in html  # the abbreviation table
    assert "None named" in html  # credibility card: no author


def test_page_content_is_escaped_never_run(client):
    text = 'Is lupus autoimmune? <script>alert("x")</script> <img src=x onerror=alert(1)> "quoted" & more'
    html = _check(client, question="Is lupus an autoimmune disease?", text=text).text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "<script" not in html.lower()  # the page itself ships no script at all


def test_uploaded_html_file_is_read_as_html(client):
    page = b"<html><head><title>Celiac disease</title></head><body><article><p>Celiac disease is an autoimmune disease.</p><script>alert(1)</script></article></body></html>"
    r = client.post(
        "/check",
        data={"question": "Is celiac disease autoimmune?"},
        files={"file": ("celiac.html", page, "text/html")},
    )
    assert r.status_code == 200
    assert "The page: Celiac disease" in r.text and "alert(1)" not in r.text
    assert '<span class="verdict-label">Yes</span>' in r.text


def test_form_without_a_page_or_with_two_says_what_to_give(client):
    r = _check(client, question=FPIES, text="  ")
    assert (
        r.status_code == 400
        and "paste its text, choose a saved HTML file, or type its address" in r.text
    )
    r = _check(client, question=FPIES, text="Some text", url="https://example.org/")
    assert r.status_code == 400 and "one way only; you gave text and url" in r.text
    assert 'value="https://example.org/"' in r.text  # what was typed is kept


def test_a_refused_url_shows_why_on_the_report(client):
    r = _check(client, question=FPIES, url="http://169.254.169.254/latest/meta-data/")
    assert (
        r.status_code == 200
        and "This page could not be checked" in r.text
        and "turned off" in r.text
    )


def test_feedback_form_round_trip_shows_the_note_on_the_next_check(client, seeds):
    text = SEED_000.read_text(encoding="utf-8")
    html = _check(client, question=FPIES, text=text).text
    form = re.search(r'<form method="post" action="/feedback">(.*?)</form>', html, re.S).group(1)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form))
    assert fields["kind"] == "off_topic"
    fields["note"] = "The title asks about FPIES; a reviewer wants this kept <b>as is</b>."
    r = client.post("/feedback", data=fields, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/feedback?page=")
    listing = client.get(r.headers["location"])
    assert "Your note is saved" in listing.text and "&lt;b&gt;as is&lt;/b&gt;" in listing.text
    again = _check(client, question=FPIES, text=text).text
    first = again.index('id="p0-f0"')
    assert again.index("A reviewer marked this finding wrong", first) < again.index('id="p0-f1"')
    assert "a reviewer wants this kept &lt;b&gt;as is&lt;/b&gt;" in again
    # another page does not carry the note
    assert (
        "A reviewer marked"
        not in _check(client, question=FPIES, text=text + "\nOne more line.").text
    )


def test_feedback_form_with_a_bad_field_is_refused_with_the_reason(client):
    r = client.post(
        "/feedback",
        data={"page_fingerprint": "0" * 64, "kind": "made_up", "start": "", "end": "", "note": "x"},
    )
    assert r.status_code == 422 and "kind" in r.text and "The note was not saved" in r.text
    assert client.get("/feedback", params={"page": "../../etc"}).status_code == 404
