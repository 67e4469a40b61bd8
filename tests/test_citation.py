"""Citations that reference managers read: the files, and each page's metadata."""

from __future__ import annotations

import json

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter
from citeproc.source.json import CiteProcJSON

from legaltext.citation import DOCUMENTS, edition_date
from legaltext.editions import long_date
from tests.conftest import LANGUAGES, built_page, source_pages

SITE_URL = "https://example.github.io/international-solidarity/"
FILES = [(document, language) for document in DOCUMENTS.values() for language in LANGUAGES]
IDS = [f"{document.stem}-{language}" for document, language in FILES]
FIRST_PAGE = {"declaration": "declaration/", "essay": "essay/"}


def cite_file(site, document, language, extension):
    return (site / "cite" / f"{document.stem}.{language}{extension}").read_text("utf-8")


def document_url(document, language):
    return SITE_URL + ("fr/" if language == "fr" else "") + FIRST_PAGE[document.stem]


def pdf_url(document, language):
    return f"{SITE_URL}pdf/{document.pdf_name}.{language}.pdf"


@pytest.mark.parametrize("document, language", FILES, ids=IDS)
def test_bibtex_parses(site, document, language):
    database = bibtexparser.loads(cite_file(site, document, language, ".bib"))
    [entry] = database.entries
    assert entry["ENTRYTYPE"] == "misc"
    assert entry["title"] == document.title[language]
    assert entry["url"] == document_url(document, language)
    assert entry["language"] == {"en": "english", "fr": "french"}[language]
    assert long_date(edition_date(), language) in entry["note"]
    if document.authors:
        assert entry["author"] == "Dandan, Virginia"
    else:  # a body, braced so that BibTeX does not read it as a person's names
        assert entry["author"] == "{" + document.institution_author[language] + "}"
    assert "year" not in entry and "date" not in entry  # the sources state none


@pytest.mark.parametrize("document, language", FILES, ids=IDS)
def test_ris_reads_field_by_field(site, document, language):
    raw = cite_file(site, document, language, ".ris")
    lines = raw.split("\n")
    assert raw.endswith("ER  - \n") or raw.endswith("ER  - \r\n")
    for line in filter(None, (line.rstrip("\r") for line in lines)):
        assert line[2:6] == "  - " and line[:2].isalnum(), f"not a RIS line: {line!r}"
    [entry] = rispy.loads(raw)
    assert entry["type_of_reference"] == ("RPRT" if document.stem == "declaration" else "GEN")
    assert entry["title"] == document.title[language]
    assert entry["urls"] == [document_url(document, language)]
    assert entry["file_attachments1"] == pdf_url(document, language)
    assert entry["language"] == language
    if document.authors:
        assert entry["authors"] == ["Dandan, Virginia"]


@pytest.mark.parametrize("document, language", FILES, ids=IDS)
def test_csl_json_renders_with_citeproc(site, document, language):
    records = json.loads(cite_file(site, document, language, ".csl.json"))
    source = CiteProcJSON(records)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem(records[0]["id"])]))
    [entry] = [str(item) for item in bibliography.bibliography()]
    assert document.title[language] in entry
    assert records[0]["URL"] == document_url(document, language)
    assert "issued" not in records[0]  # the sources state no date


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_overview_offers_the_three_citation_files(site, language):
    path = built_page(site, "declaration/index.md", language)
    html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    links = html.select(".document-downloads__cite a[download]")
    assert [link.get_text() for link in links] == ["BibTeX", "RIS", "CSL-JSON"]
    for link, extension in zip(links, (".bib", ".ris", ".csl.json")):
        target = (path.parent / link["href"]).resolve()
        assert target.is_file() and target.name == f"declaration.{language}{extension}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_carries_citation_metadata(site, language):
    for source in source_pages(language):
        html = BeautifulSoup(built_page(site, source, language).read_text("utf-8"), "html.parser")
        meta = {tag["name"]: tag["content"] for tag in html.select("head meta[name]")}
        assert meta["citation_title"] and meta["DC.title"] == meta["citation_title"]
        assert meta["citation_language"] == meta["DC.language"] == language
        assert "citation_publication_date" not in meta and "DC.date" not in meta
        document = DOCUMENTS.get(source.split("/")[0])
        if document:
            assert meta["citation_title"] == document.citation_title[language]
            assert meta["citation_pdf_url"] == pdf_url(document, language)
            assert meta["DC.relation"] == meta["citation_pdf_url"]
            # The copy-link keeps its short citation, with the same title (quoted, for the essay).
            context = html.select_one(".citation-context")
            assert context["data-cite-title"].strip("“”«»\u00a0\u202f ") \
                == document.citation_title[language]
        else:
            assert "citation_pdf_url" not in meta
