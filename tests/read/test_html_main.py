"""The main-text logic on hand-built pages: furniture by tag/role/class, the container by text and
link density, headings, lists and tables kept where they belong to the article."""

from __future__ import annotations

from lxml import etree

from healthlens.read.html_main import is_boilerplate, link_density, main_text

SENTENCE = (
    "Celiac disease is an autoimmune disorder in which gluten, a protein in wheat, barley and rye, "
    "makes the immune system damage the lining of the small intestine. "
)
P = f"<p>{SENTENCE * 2}</p>"


def _el(html: str):
    return etree.fromstring(html, etree.HTMLParser()).find("body")[0]


def _text(html: str) -> str:
    return main_text(etree.fromstring(html, etree.HTMLParser())).text


def _teasers(n: int) -> str:
    return "".join(
        f"<li><a href='/s{i}'>Another long headline about a celebrity diet number {i}, read it now</a></li>"
        for i in range(n)
    )


def test_furniture_is_named_by_tag_role_or_class_tokens():
    for html in (
        "<footer>x</footer>",
        "<header>x</header>",
        "<div role='navigation'>x</div>",
        "<div role='complementary'>x</div>",
        "<div class='site-sidebar'>x</div>",
        "<div id='comments'>x</div>",
        "<div class='share_bar'>x</div>",
        "<section class='newsletter-signup'>x</section>",
        "<div class='cookie-consent'>x</div>",
        "<ul class='breadcrumbs'>x</ul>",
        "<div class='promo'>x</div>",
        "<div class='ad'>x</div>",
    ):
        assert is_boilerplate(_el(f"<html><body>{html}</body></html>")), html
    for html in (
        "<div class='article-body'>x</div>",
        "<div class='post-content share-enabled'>x</div>",  # content words win over a share token
        "<div class='shadow'>x</div>",  # 'ad' only as a whole token
        "<div class='loader'>x</div>",
        "<p>x</p>",
    ):
        assert not is_boilerplate(_el(f"<html><body>{html}</body></html>")), html


def test_link_density_is_the_share_of_text_inside_links():
    el = _el("<html><body><div>abcdefghij<a href='/'>klmnopqrst</a></div></body></html>")
    assert link_density(el) == 0.5
    assert link_density(_el("<html><body><div></div></body></html>")) == 0.0


def test_the_container_is_the_dense_text_not_a_longer_list_of_links():
    # no class names at all: the related list has more text than the article, all of it links
    html = f"<html><body><div>{P}{P}{P}</div><div><ul>{_teasers(25)}</ul></div></body></html>"
    text = _text(html)
    assert SENTENCE.strip() in text and "celebrity diet" not in text


def test_boilerplate_blocks_go_but_a_wrapper_named_like_one_holding_the_article_stays():
    html = (
        "<html><body><div class='layout with-right-rail'>"
        f"<div class='story'>{P}{P}{P}</div></div>"
        "<div id='comments'><p>I disagree with all of this, my cousin ate bread for years.</p></div>"
        "<div class='newsletter'><p>Sign up for our weekly health letter today.</p></div>"
        "<footer><p>Copyright 2024 Example Health, all rights reserved.</p></footer></body></html>"
    )
    text = _text(html)
    assert SENTENCE.strip() in text
    for dropped in ("cousin", "weekly health letter", "Copyright"):
        assert dropped not in text


def test_headings_lists_and_tables_of_the_article_stay_in_place_and_link_lists_go():
    html = (
        "<html><body><article>"
        f"<h2>What it is</h2>{P}"
        "<h2>Symptoms</h2><ul><li>Diarrhoea and bloating after meals</li>"
        "<li>Tiredness and weight loss</li></ul>"
        "<table><tr><td>Test</td><td>Blood test for tTG-IgA antibodies while eating gluten</td></tr></table>"
        f"{P}<div class='more'><h3>More stories</h3><ul>{_teasers(6)}</ul></div>"
        f"<ul>{_teasers(6)}</ul></article></body></html>"
    )
    lines = _text(html).split("\n")
    assert (
        lines.index("What it is")
        < lines.index("Symptoms")
        < lines.index("- Diarrhoea and bloating after meals")
    )
    assert "Blood test for tTG-IgA antibodies while eating gluten" in lines
    assert not any("celebrity diet" in line or line == "More stories" for line in lines)


def test_an_article_split_into_chunks_of_one_class_is_read_whole():
    first = (
        "Type 1 diabetes is an autoimmune disease, in which the body attacks its own cells. " * 6
    )
    second = (
        "Insulin injections, several times a day, replace what the pancreas no longer makes. " * 3
    )
    html = (
        "<html><body><div class='page'>"
        f"<div class='chunk'><p>{first}</p><p>{first}</p></div>"
        f"<div class='ad-slot'>Advertisement</div>"
        f"<div class='chunk'><p>{second}</p><p>{second}</p></div>"
        f"</div><div class='teasers'><ul>{_teasers(8)}</ul></div></body></html>"
    )
    text = _text(html)
    assert "pancreas" in text and "autoimmune" in text and "Advertisement" not in text


def test_text_written_straight_into_a_block_among_line_breaks_is_found():
    text_block = (SENTENCE * 3).replace(". ", ".<br>")
    html = (
        f"<html><body><div><ul>{_teasers(10)}</ul></div>"
        f"<div class='col'><b>05/10/2018</b><br><img src='a.jpg'>{text_block}</div></body></html>"
    )
    text = _text(html)
    assert "lining of the small intestine" in text and "celebrity diet" not in text


def test_short_lines_that_speak_for_the_site_go_and_a_cited_source_stays():
    html = (
        "<html><head><link rel='canonical' href='https://health.example/celiac'></head><body><article>"
        f"{P}<p>Read more: <a href='https://health.example/gluten'>Ten gluten myths</a></p>"
        "<p>Sign up for our free weekly newsletter.</p>"
        "<p>Follow Jo Whitfield on Twitter.</p><p>Advertisement</p>"
        "<p>Source: <a href='https://www.niddk.nih.gov/celiac'>NIDDK, Celiac Disease</a></p>"
        f"<p>Follow your doctor's advice on a gluten-free diet, which is the only treatment.</p>{P}"
        "</article></body></html>"
    )
    lines = _text(html).split("\n")
    assert "Source: NIDDK, Celiac Disease" in lines  # links to another site: a source it cites
    assert any(line.startswith("Follow your doctor's advice") for line in lines)
    for dropped in ("Ten gluten myths", "newsletter", "on Twitter", "Advertisement"):
        assert not any(dropped in line for line in lines), dropped
