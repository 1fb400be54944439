"""extract_html on small hand-written pages: metadata, boilerplate, paragraphs, bad input."""

from __future__ import annotations

import pytest

from dossier.clean.html import MAX_CHARS, HtmlExtraction, extract_html

PARAS = [
    "The city council voted on Tuesday to extend the riverside cycle path by four kilometres, "
    "ending a dispute that has lasted almost three years.",
    "Supporters said the extension would link two neighbourhoods that currently have no safe route "
    "for cyclists, and would cut traffic on the old bridge.",
    "Opponents argued that the cost, estimated at twelve million euros, would be better spent on "
    "repairing existing roads and pavements across the district.",
    "Construction is expected to begin next spring, and the council said the work would be finished "
    "before the end of the following year.",
]


def page(after_body: str = "", head_extra: str = "", headline: bool = True) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAS)
    h1 = "<h1>Council extends riverside cycle path</h1>" if headline else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council extends riverside cycle path | The Example Gazette</title>
<meta property="og:title" content="Council extends riverside cycle path">
<meta property="og:site_name" content="The Example Gazette">
<meta property="og:url" content="https://gazette.example.org/news/cycle-path">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
{head_extra}
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>{h1}
{body}
{after_body}
<h3>Related stories</h3>
<ul><li><a href="/news/a">Mayor opens new library in the old town hall building</a></li>
<li><a href="/news/b">Bus fares to rise again from the first of April next year</a></li></ul>
</article></main>
<footer><p>Copyright 2024 The Example Gazette. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>"""


def test_metadata_from_the_page():
    r = extract_html(page(), url="https://mirror.example.net/copy")
    assert r.error is None
    assert r.title == "Council extends riverside cycle path"
    assert r.published == "2024-03-05"
    assert r.published_at == "2024-03-05T09:30:00Z"  # the time of day, for ordering same-day copies
    assert r.outlet == "The Example Gazette"
    assert r.url == "https://gazette.example.org/news/cycle-path"  # canonical beats the fetch address


def test_time_of_publication_from_json_ld_in_utc_and_a_bare_midnight_is_no_time():
    no_meta = page().replace('<meta property="article:published_time" content="2024-03-05T09:30:00Z">', "")
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-05T11:15:00+02:00"}</script>'
    assert extract_html(page().replace("2024-03-05T09:30:00Z", "2024-03-05T09:30:00-04:00")).published_at \
        == "2024-03-05T13:30:00Z"
    assert extract_html(no_meta.replace("</head>", ld + "</head>")).published_at == "2024-03-05T09:15:00Z"
    assert extract_html(page().replace("2024-03-05T09:30:00Z", "2024-03-05")).published_at is None
    assert extract_html(page().replace("2024-03-05T09:30:00Z", "2024-03-05T00:00:00Z")).published_at is None


def test_url_argument_used_when_page_has_none():
    html = page().replace('<meta property="og:url" content="https://gazette.example.org/news/cycle-path">', "")
    assert extract_html(html, url="https://gazette.example.org/x").url == "https://gazette.example.org/x"


def test_body_is_the_paragraphs_separated_by_one_blank_line():
    r = extract_html(page())
    assert r.text == "\n\n".join(PARAS)


def test_navigation_footer_related_links_and_headline_not_in_text():
    r = extract_html(page())
    for furniture in ("Home", "Weather", "Related stories", "Mayor opens", "Copyright", "Privacy policy"):
        assert furniture not in r.text
    assert "Council extends riverside cycle path" not in r.text  # the headline is the title field


def test_trailing_promo_and_link_line_removed_with_offsets_into_source_text():
    extra = ('<p>Sign up for our daily newsletter to get the latest local news in your inbox.</p>'
             '<p><a href="/a">Mayor opens new library in the old town hall</a> '
             '<a href="/b">Bus fares to rise again from April</a></p>')
    r = extract_html(page(after_body=extra))
    assert r.text == "\n\n".join(PARAS)
    assert "newsletter" not in r.text and "Mayor opens" not in r.text
    reasons = {x.reason for x in r.removed}
    assert "promotion or credit after the article" in reasons
    assert "links after the article body" in reasons
    for x in r.removed:
        assert r.source_text[x.start:x.end] == x.text
    # removing the cut pieces from source_text gives text back
    kept = [p for p in r.source_text.split("\n\n") if p not in {x.text for x in r.removed}]
    assert "\n\n".join(kept) == r.text


def test_nothing_removed_means_source_text_is_text():
    r = extract_html(page(headline=False))
    assert r.removed == ()
    assert r.source_text == r.text


def test_article_split_around_an_ad_is_read_whole():
    # The story sits in two sibling containers with the same class, an ad between them.
    first, second = PARAS[:2], PARAS[2:]
    html = (
        "<html><head><title>Split story</title></head><body><div class='article__chunks'>"
        "<div class='wrap'><div class='article-body'>" + "".join(f"<p>{p}</p>" for p in first) + "</div></div>"
        "<div class='ad'><p>Advertisement</p></div>"
        "<div class='wrap'><div class='article-body'>" + "".join(f"<p>{p}</p>" for p in second) + "</div></div>"
        "</div></body></html>"
    )
    r = extract_html(html)
    for p in PARAS:
        assert p in r.text


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   \n\t ",
        "<<<>>>",
        "<html><body><div><p></div></span></html>",
        "\x00\x01\x02\x89PNG\r\n\x1a\n" + "\x00\xff\xfe" * 500,
        "just some words, no markup and no article",
        "<html><body><nav><a href='/'>Home</a> <a href='/b'>Blog</a></nav></body></html>",
    ],
)
def test_bad_input_gives_error_not_exception(bad):
    r = extract_html(bad)
    assert isinstance(r, HtmlExtraction)
    assert r.error and r.text == ""


def test_wrong_types_and_huge_pages_give_error():
    assert extract_html(None).error  # type: ignore[arg-type]
    assert "too large" in extract_html("<p>" + "x" * MAX_CHARS + "</p>").error
