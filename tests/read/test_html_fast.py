"""The fast HTML reader: main text without the site around it, metadata from the markup."""

from healthlens.read import read_bytes
from healthlens.read.html import read_html

PAGE = """<!DOCTYPE html><html><head><title>Is lupus autoimmune? | Example Health</title>
<meta name="author" content="By Ana Ruiz"><meta property="article:modified_time" content="2024-05-01T00:00:00Z">
<meta property="article:published_time" content="2023-02-03T08:00:00Z"><script>var x = "lupus is a myth";</script></head>
<body><div class="cookie-banner">We use cookies. Accept all cookies.</div>
<header class="site-header"><a href="/">Example Health</a><nav><a href="/a">Conditions</a> <a href="/b">Drugs</a></nav></header>
<div class="layout"><article><h1>Is lupus autoimmune?</h1>
<p>Lupus is an autoimmune disease in which the immune system attacks healthy tissue in many parts of the body.</p>
<div class="ad-slot ad"><p>Buy our lupus supplement now, 20% off today only.</p></div>
<h2>Symptoms</h2><ul><li>Joint pain and swelling</li><li><p>A rash across the cheeks</p></li></ul>
<p>Doctors diagnose lupus with blood tests and a physical exam, and treat it with medicines that calm the immune system.</p>
<div class="share-bar">Share on Facebook</div>
<p class="disclaimer">This article is for informational purposes only and is not a substitute for medical advice.</p>
</article><aside class="sidebar"><h3>Related</h3><a href="/c">Psoriasis explained</a></aside></div>
<footer>Copyright 2019 Example Health. <a href="https://www.nih.gov/">NIH</a></footer></body></html>"""


def test_main_text_drops_navigation_ads_cookies_share_bars_asides_and_footer():
    page = read_html(PAGE, "lupus.html")
    assert page.error is None and page.extractor == "fast"
    text = page.text
    for kept in (
        "immune system attacks healthy tissue",
        "Symptoms",
        "blood tests",
        "not a substitute for medical advice",
    ):
        assert kept in text
    for dropped in (
        "cookies",
        "Conditions",
        "supplement",
        "Facebook",
        "Psoriasis",
        "Copyright",
        "myth",
    ):
        assert dropped not in text


def test_blocks_become_lines_and_list_items_dashes():
    lines = read_html(PAGE, "lupus.html").text.split("\n")
    assert lines[0] == "Is lupus autoimmune?"
    assert "- Joint pain and swelling" in lines and "- A rash across the cheeks" in lines


def test_title_author_date_and_links_come_from_the_markup():
    page = read_html(PAGE, "lupus.html")
    assert page.title == "Is lupus autoimmune?"  # the one <h1>, not the <title> with the site name
    assert page.author == "Ana Ruiz"  # "By " dropped
    assert page.date == "2023-02-03"  # published wins over modified
    assert page.links == ["/", "/a", "/b", "/c", "https://www.nih.gov/"]


def test_title_without_h1_is_the_head_title_without_the_site_name():
    html = (
        "<html><head><title>Celiac disease and gluten | Health Site</title></head><body><p>"
        + "Gluten harms the gut. " * 30
        + "</p></body></html>"
    )
    assert read_html(html, "x.html").title == "Celiac disease and gluten"


def test_too_little_main_text_falls_back_to_trafilatura():
    # the fast reader keeps the <article>, fewer than MIN_WORDS words, and drops the rest of the
    # page's text as furniture (comments): the page has more words than it found
    teaser = " ".join(f"teaser{i}" for i in range(35))
    rest = " ".join(f"word{i}" for i in range(50))
    html = f"<html><body><article><p>{teaser}</p></article><div id='comments'><p>Celiac disease is autoimmune. {rest}</p></div></body></html>"
    page = read_html(html, "teaser.html")
    assert page.extractor == "trafilatura" and "teaser0" in page.text


def test_a_page_with_no_visible_text_is_an_empty_error_naming_the_input():
    page = read_bytes(
        b"<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>",
        "blank.html",
    )
    assert (
        page.error is not None and page.error.kind == "empty" and "blank.html" in page.error.message
    )


def test_deeply_nested_markup_is_read_without_crashing():
    html = ("<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body></html>").encode()
    page = read_bytes(html, "deep.html")
    # deeper than the reader reads (2,048): refused, saying so, never read in part silently
    assert page.error is not None and page.error.kind == "parse"
    assert "nested more than" in page.error.message


def test_a_string_that_declares_its_encoding_is_still_parsed():
    html = (
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>'
        + "Vitiligo is autoimmune. " * 20
        + "</p></body></html>"
    )
    page = read_html(html, "decl.html")
    assert page.error is None and "Vitiligo is autoimmune." in page.text


def test_a_byline_element_names_the_author_when_no_meta_tag_does():
    body = "<p>" + "Celiac disease is an autoimmune disorder of the small intestine. " * 8 + "</p>"
    for byline in (
        '<span class="author">Jo Whitfield</span>',
        '<a rel="author" href="/jo">Jo Whitfield</a>',
        '<span class="&#97;uthor">Jo Whitfield</span>',
    ):  # the word hidden behind a character reference
        page = read_html(
            f"<html><head><title>Celiac</title></head><body><article>{byline}{body}</article></body></html>",
            "p.html",
        )
        assert page.author == "Jo Whitfield", byline
    page = read_html(
        f"<html><body><article><span class='writer'>Jo Whitfield</span>{body}</article></body></html>",
        "p.html",
    )
    assert page.author is None


def test_one_walk_finds_each_tag_in_document_order():
    """The links and the metadata come from one walk of the tree (``elements_by_tag``); each
    tag's elements keep their order, as separate walks would give them."""
    from lxml import etree

    from healthlens.read.html_meta import META_TAGS, elements_by_tag, page_meta

    tree = etree.fromstring(PAGE, etree.HTMLParser())
    found = elements_by_tag(tree, ("a", *META_TAGS))
    for tag in ("a", *META_TAGS):
        assert found[tag] == list(tree.iter(tag))
    assert [el.get("href") for el in found["a"]] == ["/", "/a", "/b", "/c", "https://www.nih.gov/"]
    meta, walked = page_meta(tree), page_meta(tree, found)
    assert (
        (meta.title, meta.author, meta.date)
        == (walked.title, walked.author, walked.date)
        == ("Is lupus autoimmune?", "Ana Ruiz", "2023-02-03")
    )


def test_json_ld_graph_gives_the_articles_author_and_the_pages_date():
    """A schema.org graph often dates the WebPage and credits the Article; a medical reviewer
    and the last review date stand in when no author or publication date is given."""
    body = "<p>" + "Celiac disease is an autoimmune disorder of the small intestine. " * 8 + "</p>"
    graph = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Example Health"},'
        '{"@type": "WebPage", "datePublished": "2024-03-05T10:00:00Z"},'
        '{"@type": "Article", "author": [{"@type": "Person", "name": "Mira Castell"}]}]}'
    )
    reviewed = (
        '{"@type": "MedicalWebPage", "reviewedBy": {"@type": "Person", "name": "Olu Bankole"},'
        ' "lastReviewed": "2023-11-20"}'
    )
    for ld, want in (
        (graph, ("Mira Castell", "2024-03-05")),
        (reviewed, ("Olu Bankole", "2023-11-20")),
    ):
        page = read_html(
            f'<html><head><script type="application/ld+json">{ld}</script></head>'
            f"<body><article>{body}</article></body></html>",
            "p.html",
        )
        assert (page.author, page.date) == want


def _attribute_soup(rng) -> str:
    """Random markup whose attributes are the ones the attribute walks read, written every
    way that matters: exact values, values that contain them, empty values, odd case,
    entities, nested elements, comments and processing instructions among the elements."""
    values = [
        "author",
        "Author",
        "author-name",
        "byline-author",
        "author name",
        "",
        "date",
        "post-date",
        "timestamp",
        "published",
        "posted-on",
        "datePublished",
        "datepublished",
        "&#97;uthor",
        "main",
        "navigation",
    ]
    names = ["rel", "itemprop", "class", "id", "role", "CLASS", "data-x"]
    tags = ["div", "span", "p", "a", "section", "li", "time", "header"]
    out = []
    for _ in range(rng.randint(1, 40)):
        tag = rng.choice(tags)
        attrs = "".join(
            f' {rng.choice(names)}="{rng.choice(values)}"' for _ in range(rng.randint(0, 3))
        )
        if rng.random() < 0.1:
            attrs += " " + rng.choice(names)  # an attribute without a value
        inner = rng.choice(["text", "", "<!-- note -->", "<?pi x?>", "<b>bold</b>"])
        out.append(f"<{tag}{attrs}>{inner}" + ("" if rng.random() < 0.3 else f"</{tag}>"))
    return "<html><body>" + "".join(out) + "</body></html>"


def _pages_to_walk():
    import gzip
    import random
    from pathlib import Path

    rng = random.Random(5)
    pages = [PAGE] + [_attribute_soup(rng) for _ in range(300)]
    real = Path(__file__).resolve().parents[2].parent / "shared" / "data"
    real = real / "article-extraction-benchmark" / "html"
    if real.is_dir():  # real pages as served, where the shared data is beside the checkout
        for path in sorted(real.glob("*.html.gz"))[:60]:
            pages.append(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
    return pages


def test_attribute_walks_select_what_their_xpaths_select():
    """The author, date and named-element lookups walk the tree in Python; each gives what
    the XPath it replaced gives, on random markup and on real pages."""
    from lxml import etree

    from healthlens.read.html_main import _named_boilerplate, is_boilerplate
    from healthlens.read.html_meta import byline_author, visible_dates

    byline = etree.XPath(
        "(//*[@rel or @itemprop or @class][@rel='author' or @itemprop='author' or "
        "@class='author' or @class='author-name' or @class='byline-author'])[1]"
    )
    dated = etree.XPath(
        "//*[@class or @itemprop][contains(@class, 'date') or contains(@class, 'time') "
        "or contains(@class, 'published') or contains(@class, 'posted') "
        "or @itemprop='datePublished']"
    )
    named = etree.XPath(".//*[@class or @id or @role]")
    hits = [0, 0, 0]
    for html in _pages_to_walk():
        tree = etree.fromstring(html, etree.HTMLParser())
        if tree is None:
            continue
        want = byline(tree)
        assert [byline_author(tree)] == want if want else byline_author(tree) is None
        assert list(visible_dates(tree)) == dated(tree)
        body = tree.find("body")
        for root in (tree, body) if body is not None else (tree,):
            assert _named_boilerplate(root) == [el for el in named(root) if is_boilerplate(el)]
        # (from an element inside the page, the author and date are still the document's)
        inner = next(iter(tree.iter("div", "span", "p")), None)
        if inner is not None:
            assert [byline_author(inner)] == want if want else byline_author(inner) is None
            assert list(visible_dates(inner)) == dated(inner)
        hits[0] += bool(want)
        hits[1] += bool(dated(tree))
        hits[2] += any(is_boilerplate(el) for el in named(tree))
    assert all(hits)  # each lookup found something somewhere: the comparisons were not all empty


def test_text_content_is_what_xpath_string_gives_for_every_element():
    """``text_content`` serialises an element's text: the same string as XPath ``string()``,
    comments, processing instructions, entities and script text included, on every element."""
    from lxml import etree

    from healthlens.read.html_main import text_content

    string = etree.XPath("string()")
    odd = "<p>a<!--c-->b<?pi x?>d&amp;<script>e</script>f&nbsp;g&unknown;h<![CDATA[z]]></p>t"
    n = 0
    for html in [odd, *_pages_to_walk()]:
        tree = etree.fromstring(html, etree.HTMLParser())
        if tree is None:
            continue
        for el in tree.iter(etree.Element):
            assert text_content(el) == string(el)
            n += 1
    assert n > 1000


def test_one_walk_for_the_byline_and_the_shown_date_finds_what_two_walks_find():
    """Where the metadata names neither the author nor the date, one walk reads both: the same
    byline element as ``byline_author`` and the same date as the first of the first three
    ``visible_dates`` that holds one, asked for either or both, on random markup and real pages."""
    from itertools import islice

    from lxml import etree

    from healthlens.read.dates import find_date
    from healthlens.read.html_main import text_content
    from healthlens.read.html_meta import _byline_and_shown_date, byline_author, visible_dates

    found = [0, 0]
    for html in _pages_to_walk():
        tree = etree.fromstring(html, etree.HTMLParser())
        if tree is None:
            continue
        byline = byline_author(tree)
        shown = next(
            (
                d[0]
                for el in islice(visible_dates(tree), 3)
                if (d := find_date(text_content(el)[:200]))
            ),
            None,
        )
        assert _byline_and_shown_date(tree, True, True) == (byline, shown)
        assert _byline_and_shown_date(tree, True, False) == (byline, None)
        assert _byline_and_shown_date(tree, False, True) == (None, shown)
        found[0] += byline is not None
        found[1] += shown is not None
    assert all(found)  # (both were found somewhere: the comparisons were not all empty)
