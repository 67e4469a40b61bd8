"""Editions on the site (legaltext/editions.py holds the logic, editions/ the data).

* Each current unit whose text changed since it was first published gets an
  “amended” mark linking to its history: the paragraph extension is told, once
  per language's build, which ids and where (``amended``), and each page's way
  back to the site root (``site_root``).
* Each unit of the data files gets its history (``editions``: each edition that
  published a new text of it, with that text's fingerprint), before
  hooks/machine_readable.py writes them.
* The page whose front matter says ``editions: list`` lists the editions; the
  one that says ``editions: changelog`` lists their changes with the editors'
  reasons (macros of partials/editions.html). Both are rendered with the build's
  own template environment, which on_env hands them.
* Every edition's text, one page per document (``editions/<date>/declaration/``,
  ``editions/<date>/essay/``, and the edition's contents ``editions/<date>/``),
  and the history of the amended units of each document
  (``editions/history/<document>/``) are rendered from the frozen data by those
  macros, never through Markdown, and written when the editions list is: they
  share its navigation and theme. No search entry and no sitemap entry is made
  for them, so search finds only the current text.
* Every page says which edition it is (``edition`` in the template context),
  for the copy-link citation.
"""

from __future__ import annotations

import copy
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url, write_file

from legaltext.editions import (INTERFACE, EditionError, Version, amended, edition_citation,
                                fingerprints, histories, latest_date, load_editions, long_date,
                                units)
from machine_readable import UNITS
from page_language import LANGUAGES, building_language, page_language
from rendered_pages import run
from legaltext.documents import page_url
from legaltext.data_files import LANGUAGE_PREFIX

EXTENSION = "legaltext.paragraph_ids"
META = "editions"
# The macros of partials/editions.html, by what the front matter asks for.
LISTS = {"list": "editions_list", "changelog": "changelog"}
MACROS = "partials/editions.html"


def _folder(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "editions"


def _editions(config: MkDocsConfig) -> list[dict]:
    """The editions, read once per run: every language's build shows the same ones."""
    def read() -> list[dict]:
        try:
            return load_editions(_folder(config))
        except EditionError as error:
            raise BuildError(str(error)) from None
    return run(config).once("editions", read)


def _histories(config: MkDocsConfig, language: str) -> dict[str, list[Version]]:
    """Each unit's versions in ``language``, with their word diffs: made once per run."""
    return run(config).once(("edition histories", language),
                            lambda: histories(_editions(config), language))


def latest_edition(config: MkDocsConfig) -> str | None:
    """The date of the latest edition, looked up once per run, not once per page."""
    return run(config).once("latest edition", lambda: latest_date(_folder(config)))


# Addresses, relative to the site root -------------------------------------------------------
# A past edition is read one document per page, as the full text is, so that a page of the
# theme is rendered per document, not per page of the current site.

def edition_url(language: str, date: str, document: str | None = None) -> str:
    """``editions/2026-11-22/declaration/`` (French under ``fr/``); the edition's contents
    without a document."""
    return f"{LANGUAGE_PREFIX[language]}editions/{date}/{document + '/' if document else ''}"


def history_url(language: str, document: str) -> str:
    """``editions/history/declaration/``: the amended units of a document."""
    return f"{LANGUAGE_PREFIX[language]}editions/history/{document}/"


def current_url(language: str, path: str) -> str:
    return f"{LANGUAGE_PREFIX[language]}{page_url(path)}"


def _current_pages(editions: list[dict], language: str) -> dict[str, dict]:
    """Unit id -> the page it is on in the latest edition."""
    return {unit_id: page
            for unit_id, (_unit, page) in units(editions[-1], language).items()} if editions else {}


def _documents(pages: list[dict]) -> dict[str, list[dict]]:
    """Document -> its pages, in order."""
    documents: dict[str, list[dict]] = {}
    for page in pages:
        documents.setdefault(page["document"], []).append(page)
    return documents


# Current pages --------------------------------------------------------------------------

def on_pre_build(config: MkDocsConfig) -> None:
    language = building_language(config)
    editions = _editions(config)
    pages = _current_pages(editions, language)
    config.mdx_configs.setdefault(EXTENSION, {})["amended"] = {
        unit_id: f"{history_url(language, pages[unit_id]['document'])}#{unit_id}"
        for unit_id in amended(_histories(config, language))
        if unit_id in pages}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if META in page.meta and page.meta[META] not in LISTS:
        raise BuildError(f"docs/{page.file.src_uri}: “{META}: {page.meta[META]}” is not one of "
                         f"{', '.join(LISTS)}. Fix: correct it, or remove the line.")
    config.mdx_configs.setdefault(EXTENSION, {})["site_root"] = _root(page.url)
    return markdown


def _root(url: str) -> str:
    """The relative address of the site root from a page: ``../../``."""
    return "../" * url.count("/")


def _listing(editions: list[dict], language: str, from_url: str) -> list[dict]:
    """The editions, newest first, as the lists show them (addresses relative to the page)."""

    def link(url: str) -> str:
        return get_relative_url(url, from_url)

    listed = []
    for edition in reversed(editions):
        changes = {code: [] for code in LANGUAGES}
        for change in edition["changes"]:
            current = _current_pages(editions, change["language"]).get(change["id"])
            target = (f"{history_url(change['language'], current['document'])}#{change['id']}"
                      if current else f"{edition_url(change['language'], edition['date'])}")
            changes[change["language"]].append({**change, "href": link(target)})
        listed.append({
            "date": edition["date"], "long_date": long_date(edition["date"], language),
            "summary": edition["summary"][language], "commit": edition["commit"],
            "href": link(edition_url(language, edition["date"])), "changes": changes})
    return listed


# Before machine_readable's (0), which writes the records into the data files.
@event_priority(10)
def on_env(env, config: MkDocsConfig, files: Files):
    editions = _editions(config)
    language = building_language(config)
    history = fingerprints(_histories(config, language))
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        for record in page.meta.get(UNITS, []):
            record["editions"] = history.get(record["id"], [])
        if page.meta.get(META) in LISTS:
            # The build's own environment, for on_page_context: a new one would compile
            # the theme's templates again, which costs more than all the editions' pages.
            page.editions_build = (env, editions)
    return env


# After page_head (-10), which sets the language alternates of the page; after search (0),
# so that the lists of editions are not indexed as text.
@event_priority(-20)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    language = page_language(page)
    date = latest_edition(config)
    context["edition"] = {"date": date, "cite": edition_citation(date, language)} if date else None
    kind = page.meta.get(META)
    if kind in LISTS:
        env, editions = page.editions_build
        macros = env.get_template(MACROS).module
        page.content += getattr(macros, LISTS[kind])(_listing(editions, language, page.url),
                                                     INTERFACE[language])
        if kind == "list":
            _write_editions(context, page, config, env, editions, language)
    return context


# Past editions and histories -------------------------------------------------------------

def _write_editions(context: dict, host: Page, config: MkDocsConfig, env, editions: list[dict],
                    language: str) -> None:
    """Render and write every edition's documents and every history page of one language."""
    macros = env.get_template(MACROS).module
    t = INTERFACE[language]
    current = _current_pages(editions, language)

    def current_href(unit_id: str, from_url: str) -> str | None:
        page = current.get(unit_id)
        return get_relative_url(f"{current_url(language, page['path'])}#{unit_id}",
                                from_url) if page else None

    for edition in editions:
        date = edition["date"]
        strings = {"date": long_date(date, language), "cite": edition_citation(date, language)}
        documents = _documents(edition["languages"][language])
        contents_url = edition_url(language, date)
        for document, pages in documents.items():
            url = edition_url(language, date, document)
            shown = [{**page, "units": [{**unit, "current": current_href(unit["id"], url)}
                                        for unit in page["units"]]} for page in pages]
            content = macros.edition_document(
                pages[0]["title"], shown, strings,
                get_relative_url(current_url(language, pages[0]["path"]), url),
                get_relative_url(contents_url, url),
                _footnotes([unit for page in pages for unit in page["units"]]), t)
            _write(context, host, config, env, url, f"{pages[0]['title']} ({strings['cite']})",
                   content, strings,
                   lambda code, document=document: edition_url(code, date, document))
        content = macros.edition_contents(
            strings, edition["summary"][language],
            [{"title": pages[0]["title"],
              "href": get_relative_url(edition_url(language, date, document), contents_url)}
             for document, pages in documents.items()],
            get_relative_url(host.url, contents_url), t)
        _write(context, host, config, env, contents_url, strings["cite"].capitalize(), content,
               strings, lambda code: edition_url(code, date))
    _write_histories(context, host, config, env, macros, editions, language, current_href)


def _write_histories(context, host, config, env, macros, editions, language,
                     current_href) -> None:
    """One page per document with amended units: each unit's versions and diffs."""
    changed = amended(_histories(config, language))
    latest = units(editions[-1], language) if editions else {}
    by_document: dict[str, list[str]] = {}
    for unit_id in changed:
        if unit_id in latest:
            by_document.setdefault(latest[unit_id][1]["document"], []).append(unit_id)
    for document, ids in by_document.items():
        url = history_url(language, document)
        shown = [{
            "id": unit_id, "citation": latest[unit_id][0]["citation"],
            "current": current_href(unit_id, url),
            "versions": [{
                "long_date": long_date(version.date, language), "text": version.text,
                "diff": version.diff, "reason": version.reason,
                "href": get_relative_url(f"{edition_url(language, version.date, document)}"
                                         f"#{unit_id}", url)}
                for version in changed[unit_id]]}
            for unit_id in ids]
        title = _documents(editions[-1]["languages"][language])[document][0]["title"]
        content = macros.unit_history(title, shown, get_relative_url(host.url, url),
                                      INTERFACE[language])
        _write(context, host, config, env, url, title, content, None,
               lambda code, document=document: history_url(code, document))


def _footnotes(document_units: list[dict]) -> list[dict]:
    """The footnotes the units cite, once each, in order."""
    notes = {note["number"]: note for unit in document_units for note in unit["footnotes"]}
    return [notes[number] for number in sorted(notes)]


def _write(context: dict, host: Page, config: MkDocsConfig, env, url: str, title: str,
           content: str, edition: dict | None, address_in) -> None:
    """Write one page at ``url`` with the theme, as MkDocs writes the host page, with the
    language menu pointing at the same page in each language."""
    file = File.generated(config, url + "index.md", content="")
    file.locale = host.file.locale
    page = Page(title, file, config)
    page.edit_url = None
    page.content = content
    page.toc = get_toc([])
    page.meta = {"title": title, "description": title}
    alternates = config.extra.alternate
    config.extra.alternate = copy.deepcopy(alternates)
    for alternate in config.extra.alternate:
        alternate["path"] = address_in(alternate["lang"])
        alternate["link"] = urljoin(config.site_url, alternate["path"])
    try:
        output = env.get_template("main.html").render({
            **context, "page": page, "base_url": get_relative_url(".", url),
            "edition": edition and {"cite": edition["cite"]}})
    finally:
        config.extra.alternate = alternates
    write_file(output.encode("utf-8"), str(Path(config.site_dir) / url / "index.html"))
