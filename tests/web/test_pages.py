import re

from conftest import SEED_000

FPIES = "Is FPIES an autoimmune disease?"
NO_FILE = {
    "file": ("", b"", "application/octet-stream")
}  # what a browser sends when no file is chosen


def _check(client, **fields):
    return client.post("/check", data=fields, files=NO_FILE)


def test_the_form_offers_address_first_then_text_file_and_question(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    for field in ('name="question"', 'name="text"', 'name="file"', 'name="url"', 'action="/check"'):
        assert field in r.text
    assert 'for="text"' in r.text and 'for="url"' in r.text  # every input is labelled
    assert "turned off" in r.text  # this server was started without fetching
    order = [r.text.index(f'name="{n}"') for n in ("url", "text", "file", "question")]
    assert order == sorted(order)  # the address, which most people have, comes first


def test_the_home_page_lists_the_questions_healthlens_answers_and_each_example_is_answered(
    client,
):
    from healthlens.web.pages import QUESTION_FORMS

    html = client.get("/").text
    assert "Questions healthlens answers" in html
    for form, example in QUESTION_FORMS:
        assert form in html
        answer = client.post("/api/ask", json={"question": example}).json()
        assert answer["verdict"] != "unknown", example  # an example we show is one we answer


def test_report_order_is_topic_answer_evidence_credibility_then_findings(client, seeds):
    r = _check(client, question="", text=SEED_000.read_text(encoding="utf-8"))
    assert r.status_code == 200
    html = r.text
    steps = [html.index(f'class="step step-{s} ') for s in ("topic", "answer", "credibility")]
    steps.insert(2, html.index('class="step step-evidence"'))
    steps.append(html.index('class="step step-findings '))
    assert steps == sorted(steps)
    # then the same in full: the evidence, credibility, the findings (before the text) and the text
    details = [
        html.index('id="answer"'),
        html.index('id="page-0-cred"'),
        html.index('id="page-0-findings"'),
        html.index('class="page-text"'),
        html.index('id="page-0-abbr"'),
    ]
    assert steps[-1] < details[0] and details == sorted(details)
    assert "about something else: mostly Fibromyalgia" in html
    assert re.search(r'<span class="verdict-label">No</span>', html)
    mark = re.search(r'<mark class="hl k-abbreviation_conflict[^"]*"[^>]*>([^<]*)</mark>', html)
    assert mark and "FPIES" in mark.group(1)
    assert 'data-tip="2. Wrong abbreviation: The page says FPIES means' in mark.group(0)
    assert (
        'aria-describedby="p0-f1-msg' in mark.group(0) and 'id="p0-f1-msg"' in html
    )  # the side list explains it
    assert "No: conflict" in html  # the abbreviation table
    assert "None named" in html  # credibility card: no author


def test_an_off_topic_page_gets_a_low_trust_line_and_no_agreement_claim(client, seeds):
    html = _check(client, question=FPIES, text=SEED_000.read_text(encoding="utf-8")).text
    card = html[html.index('<section class="summary-card') : html.index('id="answer"')]
    assert 'class="summary-card trust-low"' in card
    assert "Not to be relied on for this question</strong>: it is about Fibromyalgia" in card
    assert "agree" not in html.lower()  # its "no" matches the evidence on FPIES by chance
    assert "time(s)" not in html and "weighted" not in html  # plain words, no internal figures
    assert "The page names Fibromyalgia 18 times" in html


def test_an_on_topic_page_that_agrees_says_so_and_the_verdict_colour_is_neutral(client):
    text = (
        "Is celiac disease autoimmune?\nCeliac disease is an autoimmune disease, according to "
        "the NIDDK (https://www.niddk.nih.gov/). By Dana Quill, 2 March 2024."
    )
    html = _check(client, question="Is celiac disease an autoimmune disease?", text=text).text
    assert "It answers “yes”, which agrees with the evidence." in html
    assert 'class="answer"' in html and "verdict-yes" not in html  # no colour for the answer


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
