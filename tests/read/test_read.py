from healthlens.read import read_bytes, read_file, read_paths


def test_text_title_is_first_line_skipping_a_date_line(tmp_path):
    p = tmp_path / "blog.txt"
    p.write_text("Thursday, May 29, 2025\n\nMy Title Here\n\nBody text.", encoding="utf-8")
    page = read_file(p)
    assert page.error is None and page.title == "My Title Here"


def test_html_gives_title_author_date_links():
    html = b"""<html><head><title>Is celiac disease autoimmune?</title>
    <meta name="author" content="Dana Quill"><meta property="article:published_time" content="2024-03-02T10:00:00Z"></head>
    <body><nav>Home | About</nav><article><h1>Is celiac disease autoimmune?</h1>
    <p>Celiac disease is an autoimmune disease triggered by gluten in people with certain genes.
    The immune system damages the lining of the small intestine when gluten is eaten.</p>
    <p>See <a href="https://www.niddk.nih.gov/health-information/digestive-diseases/celiac-disease">NIDDK</a>.</p>
    </article><footer>Copyright</footer></body></html>"""
    page = read_bytes(html, "page.html")
    assert page.error is None and page.format == "html"
    assert page.title == "Is celiac disease autoimmune?"
    assert page.author == "Dana Quill"
    assert page.date == "2024-03-02"
    assert any("niddk.nih.gov" in h for h in page.links)
    assert "small intestine" in page.text


def test_latin1_file_is_decoded(tmp_path):
    p = tmp_path / "old.txt"
    p.write_bytes("Sjögren syndrome page\nCafé text about Sjögren.".encode("latin-1"))
    page = read_file(p)
    assert page.error is None and "Sjögren" in page.text


def test_bad_inputs_become_pages_with_errors_not_crashes(tmp_path):
    (tmp_path / "a_empty.txt").write_text("")
    (tmp_path / "b_binary.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "c_good.txt").write_text("Title\nBody.")
    pages = read_paths([tmp_path, tmp_path / "missing.txt"])
    assert [p.input.rsplit("/", 1)[-1] for p in pages] == [
        "a_empty.txt",
        "b_binary.bin",
        "c_good.txt",
        "missing.txt",
    ]
    assert [p.error.kind if p.error else None for p in pages] == [
        "empty",
        "unreadable",
        None,
        "not_found",
    ]
    assert "missing.txt" in pages[3].error.message
