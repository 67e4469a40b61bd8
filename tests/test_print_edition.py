"""The print edition and the citation formats, from Markdown strings (no site build)."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import bibtexparser
from bs4 import BeautifulSoup

from legaltext.build_cache import cached

from legaltext.citation import DECLARATION, ESSAY, Citation, bibtex, edition_date
from legaltext.editions import long_date
from legaltext.print_edition import STYLESHEET, cached_pdf, made_with, print_html
from tests.markdown_helpers import render

ARTICLE = """# Article 13 {#art-13}

6\\. States should respect the right of peoples exercise *[sic]*{: .sic title="Missing “to”." } their right.[^12]

8\\. States have negative obligations:

(a) Not adopting free trade agreements;

[^12]: A note with *emphasis*, and [a link](other.md).
"""
PAGE = "https://example.org/site/declaration/full-text/"
OWN = "https://example.org/site/declaration/article-13/"


def printed(source: str = ARTICLE, language: str = "en", original: str | None = None):
    units: list[dict] = []
    content = render(f"# Full text {{#full-text}}\n\n{source}".replace("# Article", "## Article"),
                     language, paragraph_ids={"units": units})
    urls = {unit["id"]: f"{OWN}#{unit['id']}" for unit in units}
    html = print_html(DECLARATION, language, content, PAGE, urls, edition_date(),
                      "example citation", original)
    return BeautifulSoup(html, "html.parser")


def test_each_printed_number_links_to_the_paragraphs_own_page():
    html = printed()
    assert html.select_one("#art-13-6 > a.paragraph-label")["href"] == f"{OWN}#art-13-6"
    assert html.select_one("#art-13-8-a > a.paragraph-label").get_text() == "(a)"
    assert html.select_one("h2#art-13 a")["href"] == f"{OWN}#art-13"
    assert not html.select(".paragraph-link, .headerlink, .footnote-backref")


def test_a_footnote_moves_to_its_call_with_its_number_and_its_markup():
    html = printed()
    note = html.select_one("#art-13-6 span.footnote[data-number='12']")
    assert note is not None and note.em.get_text() == "emphasis"
    assert note.a["href"] == "https://example.org/site/declaration/full-text/other.md"
    assert not html.select("div.footnote")


def test_an_editorial_mark_gets_a_printed_lettered_note():
    html = printed()
    sic = html.select_one("#art-13-6 .sic")
    assert not sic.has_attr("title")
    note = sic.find_next_sibling("span")
    assert "editorial-note" in note["class"] and note["data-number"] == "a"
    assert note.get_text() == "Editorial note: Missing “to”."


def test_the_title_page_and_the_running_head():
    html = printed(language="fr", original="https://example.org/site/declaration/full-text/")
    assert html.html["lang"] == "fr"
    cover = html.select_one(".title-page")
    assert cover.h1.get_text() == DECLARATION.title["fr"]
    assert "Traduction non officielle" in cover.select_one(".translation-notice").get_text()
    assert long_date(edition_date(), "fr") in cover.get_text()
    assert "Traduction non officielle" in html.style.get_text()
    assert DECLARATION.short_title["fr"] in html.style.get_text()


def test_bibtex_escapes_what_bibtex_treats_specially_but_keeps_a_url_verbatim():
    essay = ESSAY.__class__(**{**ESSAY.__dict__, "title": {"en": "Costs & 100% of 5_000 {x}"}})
    entry = bibtex(Citation(essay, "en", "https://example.org/a_b%20c/", "x.pdf", edition_date()))
    [parsed] = bibtexparser.loads(entry).entries
    assert parsed["url"] == "https://example.org/a_b%20c/"
    assert parsed["title"] == "Costs \\& 100\\% of 5\\_000 \\{x\\}"


def test_a_pdf_is_kept_under_a_digest_of_what_it_is_made_from(tmp_path):
    html = str(printed())
    folder = tmp_path / "cache"
    parts = made_with()
    assert parts is not None
    pdf, pages, made = cached_pdf(html, folder, parts)
    assert made and pdf.startswith(b"%PDF") and pages >= 2
    assert cached_pdf(html, folder, parts) == (pdf, pages, False)
    # Another font, library or version is another digest: the PDF is made again, and
    # the earlier one is not kept.
    assert cached_pdf(html, folder, [*parts, "another font"])[2]
    assert len(list(folder.iterdir())) == 2
    changed = html.replace("Article 13", "Article 14")
    assert cached_pdf(changed, folder, parts)[2]
    assert cached_pdf(html, folder, None)[2]  # nothing kept where a part cannot be told


def test_what_a_pdf_is_made_with_names_its_code_engine_libraries_and_fonts():
    parts = made_with()
    assert STYLESHEET.read_text("utf-8") in parts
    assert f"weasyprint {metadata.version('weasyprint')}" in parts
    assert any(part.startswith("pango 1.") for part in parts)
    files = [Path(part.rsplit(" ", 2)[0]) for part in parts]
    fonts = [file for file in files if file.suffix in (".ttf", ".otf", ".ttc")]
    assert fonts and all(font.is_file() for font in fonts)


def test_a_cache_folder_that_cannot_be_written_means_no_cache(tmp_path):
    calls = []

    def make():
        calls.append(1)
        return (b"made",)

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert cached(blocked / "cache", ["a"], (".txt",), make) == (b"made",)
    assert cached(blocked / "cache", ["a"], (".txt",), make) == (b"made",)
    assert len(calls) == 2
    assert cached(tmp_path / "cache", ["a"], (".txt",), make) == (b"made",)
    assert cached(tmp_path / "cache", ["a"], (".txt",), make) == (b"made",)
    assert len(calls) == 3
