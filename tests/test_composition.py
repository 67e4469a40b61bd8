"""Pages composed of other pages, from Markdown strings: the blocks the paragraph extension
records, the full text made of them, and the parallel view's rows."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from legaltext.composition import PAGE_LINK, composed_html, expand, footnote_items, headings
from legaltext.errors import ContentError
from legaltext.parallel import aligned, cell_html, column
from tests.markdown_helpers import render

ARTICLE_1 = """# Article 1 {#art-1}

1\\. Everyone has the right.[^1]

2\\. States cooperate, as [paragraph 1](#art-1-1) says.

[^1]: A source.
"""
ARTICLE_2 = """# Article 2 {#art-2}

Solidarity is a principle.[^2]

[^2]: Ibid.
"""
FULL_TEXT = """# The declaration {#full-text}

<!-- include article-1.md -->

## Operational paragraphs {#operational}

<!-- include article-2.md -->
"""


def recorded(sources: dict[str, str], language: str = "en") -> dict:
    """Each page rendered once, its blocks recorded: path -> blocks."""
    pages = {}
    for path, source in sources.items():
        pages[path] = []
        render(source, language, paragraph_ids={"blocks": pages[path]},
               footnote_numbers={"page": path, "documents": {"declaration": {
                   "1": {"text": "A source.", "path": "declaration/article-1.md"},
                   "2": {"text": "Ibid.", "path": "declaration/article-2.md"}}}})
    return pages


SOURCES = {"declaration/full-text.md": FULL_TEXT, "declaration/article-1.md": ARTICLE_1,
           "declaration/article-2.md": ARTICLE_2}


def test_blocks_are_recorded_only_when_asked():
    blocks = []
    render(ARTICLE_1, paragraph_ids={"blocks": blocks})
    assert [(block.kind, block.key) for block in blocks] == [
        ("heading", "art-1"), ("paragraph", "art-1-1"), ("paragraph", "art-1-2"),
        ("footnotes", "footnotes")]
    assert blocks[0].title == "Article 1" and blocks[0].level == 1
    assert blocks[0].demoted == '<h2 data-cite="art. 1" id="art-1">Article 1</h2>'
    assert render(ARTICLE_1) == render(ARTICLE_1, paragraph_ids={"blocks": []})


def test_the_full_text_puts_each_page_in_place_headings_down_and_notes_at_the_end():
    pages = recorded(SOURCES)
    placed = expand("declaration/full-text.md", pages)
    html = BeautifulSoup(composed_html(placed, footnote_items("declaration/full-text.md", pages)),
                         "html.parser")
    assert [(h.name, h["id"]) for h in html.find_all(["h1", "h2"])] == [
        ("h1", "full-text"), ("h2", "art-1"), ("h2", "operational"), ("h2", "art-2")]
    assert [p["id"] for p in html.select("p.citable")] == ["art-1-1", "art-1-2", "art-2-text"]
    assert [li["id"] for li in html.select("div.footnote li")] == ["fn:1", "fn:2"]
    assert html.select_one("div.footnote ol")["start"] == "1"
    # Every note is on the page: the article page's "Ibid." expansion is not needed.
    assert html.find(class_="ibid-expansion") is None
    assert BeautifulSoup(render(ARTICLE_2, footnote_numbers={
        "page": "declaration/article-2.md", "documents": {"declaration": {
            "1": {"text": "A source.", "path": "declaration/article-1.md"}}}}),
        "html.parser").find(class_="ibid-expansion") is not None
    assert headings(placed)[1] == (2, "art-1", "Article 1")


def test_an_include_of_a_page_that_does_not_exist_is_refused():
    pages = recorded({"declaration/full-text.md": FULL_TEXT,
                      "declaration/article-1.md": ARTICLE_1})
    with pytest.raises(ContentError, match="article-2.md"):
        expand("declaration/full-text.md", pages)


def test_parallel_cells_carry_the_language_and_link_to_their_own_page():
    pages = recorded(SOURCES, "fr")
    cells = column(expand("declaration/full-text.md", pages),
                   footnote_items("declaration/full-text.md", pages), "declaration/full-text.md")
    keys = [key for key, _kind, _cell in cells]
    assert keys == ["art-1", "art-1-1", "art-1-2", "operational", "art-2", "art-2-text",
                    "footnotes"]
    paragraph = cells[2][2]
    assert paragraph.page == "declaration/article-1.md"
    html = BeautifulSoup(cell_html(paragraph.block.parallel, "../../fr/declaration/article-1/"),
                         "html.parser")
    assert html.p["id"] == "fr-art-1-2"
    assert html.select_one("a.paragraph-link")["href"] == "../../fr/declaration/article-1/#art-1-2"
    assert html.select_one("a[href='#fr-art-1-1']") is not None  # in-document links stay here
    assert PAGE_LINK not in cell_html(paragraph.block.parallel, "x/")
    notes = BeautifulSoup(cells[-1][2].block.parallel, "html.parser")
    assert [li["id"] for li in notes.select("li")] == ["fr-fn:1", "fr-fn:2"]


def test_both_forms_of_a_block_keep_the_ids_and_links_as_the_serialiser_writes_them():
    # One link's address holds characters that the serialiser escapes, so that block is
    # serialised in each form; the other blocks' forms come from one serialisation.
    source = ARTICLE_1.replace("says.", "says, and [the source](https://example.org/?a=1&b=2).")
    blocks = recorded({"declaration/article-1.md": source})["declaration/article-1.md"]
    page, parallel = (BeautifulSoup(block, "html.parser") for block in (
        blocks[2].html, blocks[2].parallel))
    assert [a["href"] for a in page.select("a")][1:] == [
        "#art-1-1", 'https://example.org/?a=1&b=2']
    assert [a["href"] for a in parallel.select("a")][1:] == [
        "#en-art-1-1", 'https://example.org/?a=1&b=2']
    assert "?a=1&amp;b=2" in blocks[2].html and "?a=1&amp;b=2" in blocks[2].parallel
    heading = BeautifulSoup(blocks[0].parallel, "html.parser")
    assert heading.h1["id"] == "en-art-1" and "\x02" not in blocks[0].html + blocks[0].parallel
    assert blocks[0].html.startswith('<h1 data-cite="art. 1" id="art-1">')


def test_rows_follow_the_first_language_and_place_the_others_blocks_after_their_predecessor():
    english = [("h", "heading", 1), ("p-1", "paragraph", 2), ("p-2", "paragraph", 3)]
    french = [("h", "heading", 4), ("note", "block", 5), ("extra", "block", 6),
              ("p-1", "paragraph", 7), ("p-2", "paragraph", 8), ("end", "block", 9)]
    rows = aligned({"en": english, "fr": french}, ["en", "fr"])
    assert [row["key"] for row in rows] == ["h", "note", "extra", "p-1", "p-2", "end"]
    assert rows[1]["cells"] == {"en": None, "fr": 5}
    with pytest.raises(ContentError, match="give both languages the same structure"):
        aligned({"en": english, "fr": [("h", "paragraph", 1)]}, ["en", "fr"])
