"""The machine-readable edition: what the site publishes under data/, and where.

For each language build, ``hooks/machine_readable.py`` hands this module the
citable units that ``legaltext.paragraph_ids`` recorded while rendering each
page. From them it makes, in ``data/`` at the site root:

* ``{document}.{language}.json``: every citable unit of a document;
* ``{page}.{language}.json``: the units of one page (``declaration/article-6.en.json``);
* ``declaration.{language}.akn.xml``: the declaration in Akoma Ntoso 3.0;
* ``citable-units.schema.json``: the JSON Schema of the JSON files.

The English build runs first and hands each document's English fingerprints
(unit id -> SHA-256) to the French build, which copies them into its records.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from legaltext import akoma_ntoso, citation
from legaltext.documents import document_of, page_url
from legaltext.machine_readable import (DataError, fingerprint, fragments, page_footnotes,
                                         unit_record)

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_SOURCE = ROOT / "legaltext" / "citable_units.schema.json"
SCHEMA = "data/citable-units.schema.json"
DATA_PAGE = "data.md"
# Documents published as data, those the site publishes (legaltext.citation): document
# (a folder, or a page) -> file stem.
DOCUMENTS = {name: document.stem for name, document in citation.DOCUMENTS.items()}
AKOMA_NTOSO_DOCUMENT = "declaration"
# Where each language's pages live under the site root (mkdocs-static-i18n, folder mode).
LANGUAGE_PREFIX = {"en": "", "fr": "fr/"}
SOURCE_LANGUAGE = "en"
# Kinds of units that belong to the declaration's text (the summary is the report's).
DECLARATION_TEXT = {"preambular_paragraph", "article", "unlabelled_paragraph", "paragraph",
                    "point"}

RIGHTS = {
    "en": "The sources state no licence. The report that contains the draft declaration is a "
          "United Nations document; the essay is the work of the Independent Expert on human "
          "rights and international solidarity; the transcription, the translation and the "
          "editorial notes are the editors’ work.",
    "fr": "Les sources n’indiquent aucune licence. Le rapport qui contient le projet de "
          "déclaration est un document de l’Organisation des Nations Unies\u202f; l’essai est "
          "l’œuvre de l’Experte indépendante sur les droits de l’homme et la solidarité "
          "internationale\u202f; la transcription, la traduction et les notes de la rédaction "
          "sont l’œuvre de la rédaction.",
}
# What the source states about the declaration; see the Data page, “Akoma Ntoso”.
DECLARATION = akoma_ntoso.Work(
    country="un",
    subtype="draftDeclaration",
    year="2013",
    name="right-of-peoples-and-individuals-to-international-solidarity",
    date="2013-12-31",
    date_name="last day of the last quarter of 2013: the source states that the preliminary "
              "text was circulated in that quarter, and gives no day",
    title={
        "en": "Preliminary text of a draft declaration on the right of peoples and "
              "individuals to international solidarity",
        "fr": "Version préliminaire d’un projet de déclaration sur le droit des peuples et des "
              "individus à la solidarité internationale",
    },
    report={
        "en": "Report of the Independent Expert on human rights and international solidarity, "
              "Virginia Dandan",
        "fr": "Rapport de l’Experte indépendante sur les droits de l’homme et la solidarité "
              "internationale, Virginia Dandan",
    },
    author="Virginia Dandan",
    author_role={
        "en": "Independent Expert on human rights and international solidarity",
        "fr": "Experte indépendante sur les droits de l’homme et la solidarité internationale",
    },
    editors={"en": "The editors of this edition", "fr": "La rédaction de cette édition"},
    master_language=SOURCE_LANGUAGE,
)


def document_stem(page_path: str) -> str | None:
    """The file stem of the published document a page belongs to, or None."""
    return DOCUMENTS.get(document_of(page_path))


def page_data_path(page_path: str, language: str) -> str:
    """``declaration/article-6.md`` -> ``data/declaration/article-6.en.json``."""
    return f"data/{page_path.removesuffix('.md')}.{language}.json"


def document_data_path(stem: str, language: str) -> str:
    return f"data/{stem}.{language}.json"


def akoma_ntoso_path(language: str) -> str:
    return f"data/{AKOMA_NTOSO_DOCUMENT}.{language}.akn.xml"


def published_paths(nav: list[str], language: str) -> list[str]:
    """Every data file one language's build publishes, the schema included."""
    paths = [SCHEMA, akoma_ntoso_path(language)]
    paths += [document_data_path(stem, language) for stem in DOCUMENTS.values()]
    paths += [page_data_path(path, language) for path in nav if document_stem(path)]
    return list(dict.fromkeys(paths))  # a one-page document's two names coincide


def absolute_url(site_url: str, language: str, page_path: str, unit_id: str = "") -> str:
    url = f"{site_url}{LANGUAGE_PREFIX[language]}{page_url(page_path)}"
    return f"{url}#{unit_id}" if unit_id else url


def unit_urls(site_url: str, page_path: str, unit_id: str) -> dict[str, str]:
    """A unit's absolute URL on a page, in every language."""
    return {language: absolute_url(site_url, language, page_path, unit_id)
            for language in LANGUAGE_PREFIX}


def page_records(units: list[dict], page_html: str, page_path: str, site_url: str) -> list[dict]:
    """The records of a page's units, with their absolute URLs in every language."""
    footnotes = page_footnotes(page_html)
    elements = fragments([unit["html"] for unit in units])
    return [{**unit_record(unit, footnotes, element),
             "urls": unit_urls(site_url, page_path, unit["id"])}
            for unit, element in zip(units, elements)]


def shown_records(records: list[dict], page_path: str, site_url: str) -> list[dict]:
    """The records of units that a page made of others shows, with their URLs there."""
    return [{**record, "urls": unit_urls(site_url, page_path, record["id"])}
            for record in records]


def generation_date() -> str:
    """Today (UTC), or the day SOURCE_DATE_EPOCH names, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch
              else datetime.datetime.now(datetime.timezone.utc))
    return moment.date().isoformat()


def unit_json(record: dict) -> str:
    """A unit's record as it stands in a data file's list of units: as
    ``json.dumps(record, ensure_ascii=False, indent=2)`` writes it, every line indented
    for the list. orjson writes that same text in C: the json module writes indented
    JSON in Python, several times slower, and thousands of units make it count."""
    return "    " + orjson.dumps(record, option=orjson.OPT_INDENT_2).decode("utf-8").replace(
        "\n", "\n    ")


def data_file(site_url: str, language: str, title: str, url: str,
              units: list[str]) -> list[str]:
    """The text of one JSON file (see legaltext/citable_units.schema.json), in pieces to be
    written one after the other: joined, the text of the whole file would be one more copy
    of every unit. ``units``: the records as ``unit_json`` writes them, so that a unit in
    several files is written once. Joined, the same text as ``json.dumps(…, indent=2)`` of
    the whole."""
    head = json.dumps({
        "$schema": site_url + SCHEMA,
        "language": language,
        "title": title,
        "url": url,
        "licence": None,
        "rights": RIGHTS[language],
        "units": [],
    }, ensure_ascii=False, indent=2)
    head = head.removesuffix('"units": []\n}') + '"units": '
    if not units:
        return [head + "[]\n}\n"]
    return [head + "[\n", *_separated(units, ",\n"), "\n  ]\n}\n"]


def _separated(pieces: list[str], separator: str) -> Iterator[str]:
    for index, piece in enumerate(pieces):
        if index:
            yield separator
        yield piece


class TranslationMismatch(DataError):
    """A translation whose units are not those of the English pages, in the same order."""


@dataclass(frozen=True)
class RenderedPage:
    """A page of a published document, as one language's build rendered it."""

    path: str  # relative to the language folder: declaration/article-6.md
    title: str  # its first heading
    assembled: bool  # made of other pages (the full text): not a source of units
    records: list[dict]


def _public_record(record: dict, english_sha256: str, eid: str | None) -> dict:
    return {**{key: record[key] for key in (
        "id", "kind", "label", "article", "paragraph", "point", "number", "citation", "text",
        "html", "footnotes", "translation_outdated")},
        "english_text_sha256": english_sha256, "urls": record["urls"], "akn_eid": eid,
        "editions": record.get("editions", [])}


def _document_units(stem: str, pages: list[RenderedPage]) -> list[dict]:
    """The units of a document, from its own pages in order (an assembled page only
    repeats them)."""
    units: dict[str, tuple[dict, str]] = {}
    for page in pages:
        if page.assembled:
            continue
        for record in page.records:
            if record["id"] in units:
                raise DataError(
                    f"{page.path} and {units[record['id']][1]} both have the unit "
                    f"“{record['id']}”, so the data of “{stem}” cannot tell them apart. "
                    "Fix: give one of them another id.")
            units[record["id"]] = (record, page.path)
    return [record for record, _path in units.values()]


def publish(language: str, pages: list[RenderedPage], site_url: str, generated: str,
            english: dict[str, dict[str, str]]) -> Iterator[tuple[str, list[str] | bytes]]:
    """The site path and content of every data file of one language (the schema aside),
    one file at a time, so that each can be written and let go before the next is made:
    together they hold every unit several times over. A JSON file comes in pieces
    (``data_file``), the Akoma Ntoso file as bytes.

    ``english``: document stem -> unit id -> English fingerprint. The English build
    fills it; a translation's build reads it, and raises TranslationMismatch if its
    units are not the English ones, in the same order."""
    for document, stem in DOCUMENTS.items():
        document_pages = [page for page in pages if document_of(page.path) == document]
        if not document_pages:
            raise DataError(f"the document “{document}” has no page in the navigation. "
                            "Fix: add its pages to nav in mkdocs.yml, or remove it from "
                            "DOCUMENTS in legaltext/citation.py.")
        units = _document_units(stem, document_pages)
        if language == SOURCE_LANGUAGE:
            english[stem] = {unit["id"]: fingerprint(unit["text"]) for unit in units}
        elif stem not in english:
            raise DataError(f"the English data of “{stem}” are missing: a translation's data "
                            "copy the English fingerprints. Fix: build both languages in one "
                            "run (mkdocs build), English first, as mkdocs-static-i18n does.")
        elif [unit["id"] for unit in units] != list(english[stem]):
            raise TranslationMismatch(stem)
        fingerprints = english[stem]
        text_units = [unit for unit in units if unit["kind"] in DECLARATION_TEXT]
        eids = akoma_ntoso.eids(text_units) if document == AKOMA_NTOSO_DOCUMENT else {}

        written: dict[int, str] = {}  # each record written once, whatever the files it is in

        def published(records: list[dict]) -> list[str]:
            for record in records:
                if id(record) not in written:
                    written[id(record)] = unit_json(_public_record(
                        record, fingerprints[record["id"]], eids.get(record["id"])))
            return [written[id(record)] for record in records]

        document_path = document_data_path(stem, language)
        for page in document_pages:
            path = page_data_path(page.path, language)
            if path != document_path:  # a one-page document's two files are one
                yield path, data_file(
                    site_url, language, page.title, absolute_url(site_url, language, page.path),
                    published(page.records))
        first = document_pages[0]
        yield document_path, data_file(
            site_url, language, first.title, absolute_url(site_url, language, first.path),
            published(units))
        if document == AKOMA_NTOSO_DOCUMENT:
            yield akoma_ntoso_path(language), akoma_ntoso.declaration(
                text_units, language, DECLARATION, generated)


def unmade(stem: str, language: str) -> str:
    """Why a translation's data file of the document ``stem`` was not made."""
    return (f"{document_data_path(stem, language)} was not made: the {language} pages of "
            f"“{stem}” do not have the citable units of the English pages, in the same "
            "order. Fix: give each translated page the paragraphs, labels and headings of "
            "its English page (the translation check names the pages).")
