"""Structure of the declaration as published, in both languages."""

from __future__ import annotations

import string

import pytest
from bs4 import BeautifulSoup

from tests.conftest import LANGUAGES, built_page


def letters(last: str) -> list[str]:
    return list(string.ascii_lowercase[: string.ascii_lowercase.index(last) + 1])


def numbered(article: int, count: int) -> list[str]:
    return [f"art-{article}-{n}" for n in range(1, count + 1)]


def pointed(prefix: str, last: str) -> list[str]:
    return [f"{prefix}-{x}" for x in letters(last)]


ARTICLES = {
    1: numbered(1, 4),
    2: numbered(2, 2),
    3: ["art-3-text", *pointed("art-3", "d")],
    4: ["art-4-text", *pointed("art-4", "b")],
    5: ["art-5-text", *pointed("art-5", "n")],
    6: numbered(6, 5),
    7: ["art-7-text", *pointed("art-7", "d")],
    8: numbered(8, 2),
    9: ["art-9-text"],
    10: numbered(10, 2),
    11: numbered(11, 3),
    12: numbered(12, 3),
    13: [*numbered(13, 8), *pointed("art-13-8", "e")],
}
# Where each footnote's marker is: footnote number -> paragraph id.
FOOTNOTES = {1: "pp-3", 2: "pp-3", 3: "pp-3", 4: "pp-5", 5: "pp-5", 6: "pp-7", 7: "pp-9",
             8: "art-3-text", 9: "art-3-c", 10: "art-5-f", 11: "art-6-1", 12: "art-12-2"}


def page(site, source, language):
    return BeautifulSoup(built_page(site, source, language).read_text("utf-8"), "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_nine_preambular_paragraphs(site, language):
    html = page(site, "declaration/preamble.md", language)
    assert [p["id"] for p in html.select("p.citable")] == [f"pp-{n}" for n in range(1, 10)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("article", range(1, 14))
def test_every_paragraph_and_point_of_every_article(site, language, article):
    html = page(site, f"declaration/article-{article}.md", language)
    assert html.find(["h1"], id=f"art-{article}") is not None
    assert [p["id"] for p in html.select("p.citable")] == ARTICLES[article]


@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_are_as_printed(site, language):
    html = page(site, "declaration/full-text.md", language)
    for article, ids in ARTICLES.items():
        for paragraph_id in ids:
            label = html.find(id=paragraph_id).find(class_="paragraph-label")
            tail = paragraph_id.removeprefix(f"art-{article}-")
            if tail == "text":
                assert label is None
            elif tail.isdigit():
                assert label.text == f"{tail}."
            else:
                printed = {"m": "i", "n": "j"}.get(tail, tail[-1]) if article == 5 else tail[-1]
                assert label.text in (f"({printed})", f"{printed})"), paragraph_id


@pytest.mark.parametrize("language", LANGUAGES)
def test_twelve_footnotes_each_at_its_place(site, language):
    html = page(site, "declaration/full-text.md", language)
    assert [li["id"] for li in html.select("div.footnote li")] == [f"fn:{n}" for n in range(1, 13)]
    for number, paragraph_id in FOOTNOTES.items():
        marker = html.find(id=f"fnref:{number}")
        assert marker.find_parent("p")["id"] == paragraph_id, number


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_pages_and_full_text_carry_the_same_ids(site, language):
    full_text = {element["id"] for element in page(site, "declaration/full-text.md", language)
                 .select("article [id]")}
    for article in range(1, 14):
        ids = {element["id"] for element in page(site, f"declaration/article-{article}.md",
                                                 language).select("article [id]")}
        assert ids <= full_text, ids - full_text
