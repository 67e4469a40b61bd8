"""The PDF editions, read back from the files the shared build published (pypdf)."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from legaltext.citation import DOCUMENTS, edition_date
from legaltext.editions import long_date
from tests.conftest import LANGUAGES, built_page
from legaltext.data_files import DECLARATION_TEXT

PDFS = [(document, language) for document in DOCUMENTS.values() for language in LANGUAGES]
IDS = [f"{document.stem}-{language}" for document, language in PDFS]
# The page that shows each document whole, whose units the PDF prints.
WHOLE = {"declaration": "declaration/full-text.md", "essay": "essay.md"}
# Runs of letters, or of digits: a note call printed against its word (“way8”) is a word apart.
WORD = re.compile(r"[^\W\d_]+|\d+")


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


@cache
def _reader(path: Path) -> PdfReader:
    return PdfReader(path)


def pdf(site: Path, document, language: str) -> PdfReader:
    return _reader(site / "pdf" / f"{document.pdf_name}.{language}.pdf")


def page_words(reader: PdfReader) -> list[tuple[str, int]]:
    """Every word of the PDF after the title page, with the index of its page."""
    return [(word, index) for index, page in enumerate(reader.pages) if index
            for word in words(page.extract_text())]


def printed_units(site: Path, document, language: str, headings: bool = True) -> list[dict]:
    """The units of the page the PDF prints, as the data of the same build give them.

    Without headings, for the reading order: the PDF draws an article's heading, like
    the labels in the margin, after the text around it, and text extraction follows
    the drawing order (the tagged structure gives the reading order).
    """
    page = WHOLE[document.stem].removesuffix(".md")
    data = json.loads((site / "data" / f"{page}.{language}.json").read_text("utf-8"))
    return [unit for unit in data["units"]
            if (document.stem != "declaration" or unit["kind"] in DECLARATION_TEXT)
            and (headings or unit["kind"] != "article")]


def locate(stream: list[tuple[str, int]], wanted: list[str], start: int) -> tuple[int, int]:
    """Find ``wanted`` in ``stream`` from ``start``: its first words together, then the
    others in order, allowing what the page adds between words (footnotes, running
    heads, note calls) but not a page of other text; return its first and last positions."""
    opening = wanted[:4]
    words_only = [word for word, _page in stream]
    first = next((i for i in range(start, len(stream) - len(opening) + 1)
                  if words_only[i:i + len(opening)] == opening), None)
    assert first is not None, f"“{' '.join(opening)}” not found after word {start}"
    position = first + len(opening)
    for word in wanted[len(opening):]:
        while position < len(stream) and words_only[position] != word:
            position += 1
        assert position < len(stream), f"“{word}” not found after word {first}"
        position += 1
    assert position - first < len(wanted) + 300, "the words are scattered, not a paragraph"
    return first, position - 1


@pytest.mark.parametrize("document, language", PDFS, ids=IDS)
def test_every_unit_is_printed_in_order(site, document, language):
    stream = page_words(pdf(site, document, language))
    position = 0
    units = printed_units(site, document, language, headings=False)
    assert len(units) > 5
    for unit in units:
        _first, position = locate(stream, words(unit["text"]), position)


@pytest.mark.parametrize("document, language", PDFS, ids=IDS)
def test_footnotes_are_on_the_page_of_their_call(site, document, language):
    stream = page_words(pdf(site, document, language))
    position, checked = 0, 0
    for unit in printed_units(site, document, language, headings=False):
        first, position = locate(stream, words(unit["text"]), position)
        for note in unit["footnotes"]:
            note_words = [str(note["number"])] + words(note["text"])[:6]
            pages = {stream[i][1] for i in range(len(stream) - len(note_words))
                     if [w for w, _ in stream[i:i + len(note_words)]] == note_words}
            assert pages, f"footnote {note['number']} is not printed"
            assert pages & set(range(stream[first][1], stream[position][1] + 2)), \
                f"footnote {note['number']} is not on the page of its call, or the next"
            checked += 1
    if document.stem == "declaration":
        assert checked == 12


@pytest.mark.parametrize("document, language", PDFS, ids=IDS)
def test_every_page_has_its_number_and_the_running_head(site, document, language):
    reader = pdf(site, document, language)
    total = len(reader.pages)
    head = document.short_title[language]
    for index, page in enumerate(reader.pages, start=1):
        text = " ".join(page.extract_text().split())
        assert f"{index} / {total}" in text
        assert head in text
        if language == "fr":
            assert "Traduction non officielle" in text


@pytest.mark.parametrize("document, language", PDFS, ids=IDS)
def test_the_pdf_is_tagged_in_its_language_with_fonts_embedded(site, document, language):
    reader = pdf(site, document, language)
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == language
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    fonts = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), \
                f"font {font['/BaseFont']} is not embedded"
            fonts += 1
    assert fonts
    assert reader.metadata.title == document.title[language]
    width, height = (float(value) for value in reader.pages[0].mediabox.upper_right)
    assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (210, 297)  # A4


def _link_targets(reader: PdfReader) -> set[str]:
    targets = set()
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object() if isinstance(annotation, IndirectObject) \
                else annotation
            action = annotation.get("/A")
            if action and "/URI" in action:
                targets.add(action["/URI"])
    return targets


@pytest.mark.parametrize("document, language", PDFS, ids=IDS)
def test_each_paragraph_links_to_its_address(site, document, language):
    """Its address on its own page (article-6/#art-6-2), as the document's data give it."""
    targets = _link_targets(pdf(site, document, language))
    data = json.loads((site / "data" / f"{document.stem}.{language}.json").read_text("utf-8"))
    addresses = {unit["id"]: unit["urls"][language] for unit in data["units"]}
    for unit in printed_units(site, document, language):
        assert addresses[unit["id"]] in targets, f"no link to {unit['id']}"
    if document.stem == "declaration":
        assert any(target.endswith("/declaration/article-6/#art-6-2") for target in targets)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_declaration_has_a_bookmark_for_the_preamble_and_each_article(site, language):
    reader = pdf(site, DOCUMENTS["declaration"], language)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    preamble = "I. Preambular Paragraphs" if language == "en" else "I. Alinéas du préambule"
    assert preamble in titles
    # UN French writes « Article premier » for the first article.
    first = "Article 1" if language == "en" else "Article premier"
    assert [first] + [f"Article {article}" for article in range(2, 14)] == [
        title for title in titles if title.startswith("Article")]


@pytest.mark.parametrize("document, language", PDFS, ids=IDS)
def test_the_title_page_says_what_the_pdf_is(site, document, language):
    text = " ".join(pdf(site, document, language).pages[0].extract_text().split())
    assert " ".join(document.title[language].split()) in text
    assert long_date(edition_date(), language) in text
    assert "https://example.github.io/international-solidarity/" in text
    assert document.source[language][:60] in text
    if language == "fr":
        assert "Traduction non officielle" in text


def test_editorial_marks_are_explained_in_print(site):
    text = " ".join(page.extract_text() for page in
                    pdf(site, DOCUMENTS["declaration"], "en").pages)
    assert "Missing “to” before “exercise”, as printed in the original." in " ".join(text.split())


@pytest.mark.parametrize("source", ["declaration/index.md", "declaration/article-6.md",
                                    "declaration/full-text.md", "essay.md"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_document_pages_link_their_pdf_with_its_size(site, source, language):
    path = built_page(site, source, language)
    html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    link = html.select_one(".document-downloads a[type='application/pdf']")
    assert link is not None and link.has_attr("download")
    target = (path.parent / link["href"]).resolve()
    assert target.is_file() and target.name.endswith(f".{language}.pdf")
    unit = "kB" if language == "en" else "ko"
    size = f"{len(target.read_bytes()) / 1000:.0f}\u00a0{unit}"
    pages = len(PdfReader(target).pages)
    assert f"{pages} pages, {size}" in link.parent.get_text()
