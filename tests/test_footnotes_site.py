"""Footnotes on the built site: original numbers on every page, the same in both languages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.conftest import built_page, source_pages

EXPECTED = {
    "declaration/preamble.md": list(range(1, 8)),
    "declaration/article-3.md": [8, 9],
    "declaration/article-5.md": [10],
    "declaration/article-6.md": [11],
    "declaration/article-12.md": [12],
    "declaration/full-text.md": list(range(1, 13)),
}


# The parallel view shows both languages' footnotes under prefixed ids; tests/test_reader.py
# checks it.
PAGES = [source for source in source_pages("en") if source != "declaration/parallel.md"]


def footnotes(site, source, language):
    html = BeautifulSoup(built_page(site, source, language).read_text("utf-8"), "html.parser")
    content = html.select_one("article.md-content__inner")
    markers = [(a.text, a["href"], a.find_parent("sup")["id"])
               for a in content.select("a.footnote-ref")]
    items = [(li["id"], li.get("value")) for li in content.select("div.footnote > ol > li")]
    start = content.select_one("div.footnote > ol")
    return markers, items, start["start"] if start else None


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("source", PAGES)
def test_every_page_shows_the_original_numbers(site, language, source):
    markers, items, start = footnotes(site, source, language)
    expected = EXPECTED.get(source, [])
    assert [text for text, _href, _id in markers] == [str(n) for n in expected]
    assert [(href, ref) for _text, href, ref in markers] == \
        [(f"#fn:{n}", f"fnref:{n}") for n in expected]
    assert items == [(f"fn:{n}", str(n)) for n in expected]
    assert start == (str(expected[0]) if expected else None)


@pytest.mark.parametrize("source", PAGES)
def test_both_languages_carry_the_same_footnotes(site, source):
    english = footnotes(site, source, "en")
    french = footnotes(site, source, "fr")
    assert [m[1:] for m in english[0]] == [m[1:] for m in french[0]]
    assert english[1:] == french[1:]
