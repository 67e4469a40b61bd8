"""The machine-readable edition: what the site publishes under data/, and where.

For each language build, ``hooks/machine_readable.py`` hands this module the
citable units that ``legaltext.paragraph_ids`` recorded while rendering each
page. From them it makes, in ``data/`` at the site root:

* ``{document}.{language}.json``: every citable unit of a document;
* ``{page}.{language}.json``: the units of one page (``declaration/article-6.en.json``);
* ``declaration.{language}.akn.xml``: the declaration in Akoma Ntoso 3.0;
* ``citable-units.schema.json``: the JSON Schema of the JSON files.

The English build runs first. The French build reads the English document
files from the site folder to copy each unit's English fingerprint, so nothing
is kept in memory from one language's build to the next.
"""

from __future__ import annotations

import datetime
import json
import os
import posixpath
from pathlib import Path

from legaltext import akoma_ntoso
from legaltext.documents import document_of
from legaltext.machine_readable import DataError, fingerprint, page_footnotes, unit_record
from tools.built_site import page_url

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_SOURCE = ROOT / "legaltext" / "citable_units.schema.json"
SCHEMA = "data/citable-units.schema.json"
DATA_PAGE = "data.md"
# Documents published as data: document (a folder, or a page) -> file stem.
DOCUMENTS = {"declaration": "declaration", "essay.md": "essay"}
AKOMA_NTOSO_DOCUMENT = "declaration"
# Where each language's pages live under the site root (mkdocs-static-i18n, folder mode).
LANGUAGE_PREFIX = {"en": "", "fr": "fr/"}
SOURCE_LANGUAGE = "en"
# Kinds of units that belong to the declaration's text (the summary is the report's).
DECLARATION_TEXT = {"preambular_paragraph", "article", "unlabelled_paragraph", "paragraph",
                    "point"}

RIGHTS = {
    "en": "The sources state no licence. The texts are United Nations documents; the "
          "transcription, the translation and the editorial notes are the editors’ work.",
    "fr": "Les sources n’indiquent aucune licence. Les textes sont des documents de "
          "l’Organisation des Nations Unies\u202f; la transcription, la traduction et les notes "
          "de la rédaction sont l’œuvre de la rédaction.",
}
DATA_LINK = {
    "en": '<p class="data-entry">Machine-readable: <a href="{json}" type="application/json">'
          'the citable paragraphs of this page in JSON</a> (<a href="{about}">about the '
          'data</a>).</p>',
    "fr": '<p class="data-entry">Données\u00a0: <a href="{json}" type="application/json">'
          'les paragraphes citables de cette page en JSON</a> (<a href="{about}">à propos '
          'des données</a>).</p>',
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


def page_records(units: list[dict], page_html: str, page_path: str, site_url: str) -> list[dict]:
    """The records of a page's units, with their absolute URLs in every language."""
    footnotes = page_footnotes(page_html)
    records = []
    for unit in units:
        record = unit_record(unit, footnotes)
        record["urls"] = {language: absolute_url(site_url, language, page_path, unit["id"])
                          for language in LANGUAGE_PREFIX}
        records.append(record)
    return records


def data_link(language: str, json_url: str, about_url: str) -> str:
    """The visible link from a page to its own data."""
    return DATA_LINK[language].format(json=json_url, about=about_url)


def english_fingerprints(site_dir: Path, stem: str) -> dict[str, str]:
    """Unit id -> English fingerprint, from the English build's document file."""
    path = site_dir / document_data_path(stem, SOURCE_LANGUAGE)
    if not path.is_file():
        raise DataError(f"{path} does not exist: the French data copy the English "
                        "fingerprints from it. Fix: build both languages in one run "
                        "(mkdocs build), English first, as mkdocs-static-i18n does.")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {unit["id"]: unit["english_text_sha256"] for unit in data["units"]}


def generation_date() -> str:
    """Today (UTC), or the day SOURCE_DATE_EPOCH names, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch
              else datetime.datetime.now(datetime.timezone.utc))
    return moment.date().isoformat()


def data_file(site_url: str, language: str, title: str, url: str, units: list[dict]) -> str:
    """The text of one JSON file (see legaltext/citable_units.schema.json)."""
    return json.dumps({
        "$schema": site_url + SCHEMA,
        "language": language,
        "title": title,
        "url": url,
        "licence": None,
        "rights": RIGHTS[language],
        "units": units,
    }, ensure_ascii=False, indent=2) + "\n"


def relative_url(target: str, page_url_: str) -> str:
    """The URL of ``target`` (site-relative) as seen from a page at ``page_url_``."""
    return posixpath.relpath(target, page_url_ or ".") if page_url_ else target
