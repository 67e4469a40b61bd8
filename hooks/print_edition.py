"""The PDF of each document, its citation files, and the citation metadata of every page.

For each published document (legaltext.citation.DOCUMENTS) in the language being
built, this hook publishes:

* ``pdf/<name>.<language>.pdf``: the print edition (legaltext.print_edition), made in
  on_env from the content of the page that shows the whole document and the unit
  records of hooks/machine_readable.py, once every page is rendered, or taken from
  ``.cache/pdf/`` when nothing it is made from has changed. ``mkdocs serve``
  does not make it, so that its rebuilds stay fast, nor a build run with
  ``PDF_EDITIONS=skip`` (the tests' scratch builds); their pages link the file without
  a size;
* ``cite/<document>.<language>.bib``, ``.ris`` and ``.csl.json``: the document's citation.

Every page of a document gets ``pdf_edition`` (the PDF's site path, pages and size) and
its first page ``citation_files`` (site paths), for overrides/partials/document-downloads.html;
every page gets ``citation_meta``, the ``citation_*`` and ``DC.*`` tags of its head
(overrides/partials/citation-meta.html), and ``print_context``, what a printed page says
of itself: its document, its address and the edition (overrides/partials/print-context.html).
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from legaltext import citation, print_edition
from legaltext.documents import document_of, nav_paths
from page_language import building_language, page_language, page_path
from legaltext.data_files import SOURCE_LANGUAGE, absolute_url

log = logging.getLogger("mkdocs.hooks.print_edition")
UNITS = "citable_units"  # set by hooks/machine_readable.py
SET_HERE = ("pdf_edition", "citation_files", "citation_meta", "print_context")
FORMAT_LABELS = {"bibtex": ("BibTeX", "application/x-bibtex"),
                 "ris": ("RIS", "application/x-research-info-systems"),
                 "csl_json": ("CSL-JSON", "application/vnd.citationstyles.csl+json")}
SIZE_UNITS = {"en": "kB", "fr": "ko"}

# Whether this run makes PDFs: set once per run of MkDocs (hooks outlive serve's rebuilds).
_make_pdfs = {"value": True}
SKIP = ("PDF_EDITIONS", "skip")


def on_startup(command: str, dirty: bool) -> None:
    _make_pdfs["value"] = command != "serve" and os.environ.get(SKIP[0]) != SKIP[1]


def pdf_path(document: citation.Document, language: str) -> str:
    return f"pdf/{document.pdf_name}.{language}.pdf"


def _site_url(config: MkDocsConfig) -> str:
    if not config.site_url:
        raise BuildError("print_edition: the PDFs and citations need absolute URLs. Fix: set "
                         "site_url in mkdocs.yml.")
    return config.site_url.rstrip("/") + "/"


def _document_pages(config: MkDocsConfig) -> dict[str, list[str]]:
    """Document (a folder, or a page) -> its pages' paths, in navigation order."""
    pages: dict[str, list[str]] = {}
    for path in nav_paths(config.nav):
        if document_of(path) in citation.DOCUMENTS:
            pages.setdefault(document_of(path), []).append(path)
    return pages


def _citation(config: MkDocsConfig, document: citation.Document, language: str,
              first_page: str) -> citation.Citation:
    site_url = _site_url(config)
    return citation.Citation(document, language, absolute_url(site_url, language, first_page),
                             site_url + pdf_path(document, language), citation.edition_date())


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for key in SET_HERE:
        if key in page.meta:
            raise BuildError(f"docs/{page.file.src_uri}: the front matter sets “{key}”, which "
                             "the build sets. Fix: remove that line.")
    return markdown


# After mkdocs-static-i18n (-100), which rebuilds the collection for each language.
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = building_language(config)
    for name, paths in _document_pages(config).items():
        document = citation.DOCUMENTS[name]
        cited = _citation(config, document, language, paths[0])
        for format_name, extension in citation.CITATION_FORMATS.items():
            files.append(File.generated(
                config, citation.citation_path(document.stem, language, extension),
                content=citation.render(cited, format_name)))
        if _make_pdfs["value"]:
            files.append(File.generated(config, pdf_path(document, language), content=b""))
    return files


# After hooks/machine_readable.py has given each unit its record and addresses.
@event_priority(-10)
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    language = building_language(config)
    rendered = {page_path(file.page, config): file.page
                for file in files.documentation_pages() if file.page is not None}
    started, cpu = time.perf_counter(), _cpu_time()
    made_with = print_edition.made_with() if _make_pdfs["value"] else None
    made = []
    for name, paths in _document_pages(config).items():
        document = citation.DOCUMENTS[name]
        pages = [rendered[path] for path in paths if path in rendered]
        edition = None
        if _make_pdfs["value"]:
            edition, made_now = _make_pdf(config, files, document, language, pages, made_with)
            made.append(made_now)
        for page in pages:
            page.meta["pdf_edition"] = {"document": document.stem,
                                        "href": pdf_path(document, language), **(edition or {})}
        pages[0].meta["citation_files"] = [
            {"label": FORMAT_LABELS[format_name][0], "type": FORMAT_LABELS[format_name][1],
             "href": citation.citation_path(document.stem, language, extension)}
            for format_name, extension in citation.CITATION_FORMATS.items()]
    if made:  # tools/bench.py reads this line
        log.info(f"PDF step ({language}): {made.count(True)} made, {made.count(False)} "
                 f"unchanged (from {print_edition.CACHE}), in "
                 f"{time.perf_counter() - started:.2f} s ({_cpu_time() - cpu:.2f} s of CPU)")
    for path, page in rendered.items():
        document = citation.DOCUMENTS.get(document_of(path))
        pdf = _site_url(config) + pdf_path(document, language) if document else None
        page.meta["citation_meta"] = citation.head_metadata(
            document, page_language(page), page.title or "", page.canonical_url, pdf)
        page.meta["print_context"] = {
            "title": document.citation_title[language] if document else config.site_name,
            "url": page.canonical_url,
            "edition": citation.long_date(citation.edition_date(), language),
            "pdf": pdf}
    return env


def _cpu_time() -> float:
    """CPU time of this process and of the processes it waited for: loading WeasyPrint
    runs some (its libraries are looked for with ldconfig and the C compiler)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _make_pdf(config: MkDocsConfig, files: Files, document: citation.Document, language: str,
              pages: list[Page], made_with: list[str] | None) -> tuple[dict, bool]:
    """Render the document's PDF into its file, or take it from the cache when nothing it
    is made from has changed (``made_with``: see legaltext.print_edition.made_with);
    return its page count and size, and whether it was made now."""
    whole = [page for page in pages if page.meta.get("assembled")] or pages
    if len(whole) != 1:
        raise BuildError(f"print_edition: the document “{document.stem}” has no single page "
                         "that shows it whole. Fix: give it a page with “assembled: true” "
                         "that includes its other pages, like declaration/full-text.md.")
    records = [record for page in pages if not page.meta.get("assembled")
               for record in page.meta.get(UNITS, [])]
    if not records:
        raise BuildError(f"print_edition: the pages of “{document.stem}” have no citable units. "
                         "Fix: list hooks/machine_readable.py before this hook in mkdocs.yml.")
    unit_urls = {record["id"]: record["urls"][language] for record in records}
    example = next(record for record in whole[0].meta[UNITS] if record["kind"] != "article")
    site_url = _site_url(config)
    page_url = absolute_url(site_url, language, page_path(whole[0], config))
    html = print_edition.print_html(
        document, language, whole[0].content, page_url, unit_urls, citation.edition_date(),
        f"{document.citation_title[language]}, {example['citation']}, "
        f"{unit_urls[example['id']]}",
        None if language == SOURCE_LANGUAGE else absolute_url(
            site_url, SOURCE_LANGUAGE, page_path(whole[0], config)))
    path = pdf_path(document, language)
    pdf, page_count, made = print_edition.cached_pdf(
        html, Path(config.config_file_path).parent / print_edition.CACHE / Path(path).name,
        made_with)
    files.get_file_from_path(path).content_bytes = pdf
    log.info(f"{path}: {page_count} pages, {len(pdf) // 1000} kB"
             f"{'' if made else ', unchanged (from ' + print_edition.CACHE + ')'}")
    size = len(pdf) / 1000
    return {"pages": page_count, "size": f"{size:.0f}\u00a0{SIZE_UNITS[language]}"}, made
