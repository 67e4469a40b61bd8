"""Publish the citable units of the pages as data: JSON and Akoma Ntoso (legaltext/data_files.py).

The data come from the very rendering of each page: ``legaltext.paragraph_ids``
fills a fresh list per page with the page's units and their final HTML. Each
page keeps its records in ``page.meta["citable_units"]`` until the data files
are written, once every page of the language is rendered (the full text's are
those of the pages it is composed of, hooks/full_text.py); and the build fails
if a page, as written, does not contain the HTML of each of its units in order.
The page then lets its records go.
The English build hands its fingerprints to the French one through
hooks/rendered_pages.py. A build that renders only some pages (``--dirty``)
leaves the data files of the previous build as they are.

The data files are MkDocs files of their own (registered in on_files, written
into the site one by one in on_env), so that Markdown links to them are checked
like any other link. A translation whose units differ from the English ones gets
no data, and on_post_build fails the build after the translation check has named
the pages.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file

from legaltext import data_files as data
from legaltext.documents import nav_paths
from legaltext.machine_readable import DataError, page_disagrees
from page_language import file_at, page_language, page_path
from legaltext.composition import SOURCE_LANGUAGE
from rendered_pages import rendered, run, templates

DATA_ENTRY = "partials/data-entry.html"
EXTENSION = "legaltext.paragraph_ids"
UNITS = "citable_units"
DATA_JSON = "data_json"



def _building(config: MkDocsConfig) -> str:
    language = config.theme["language"]
    if language not in data.LANGUAGE_PREFIX:
        raise BuildError(f"machine_readable: no data for the language {language!r}. Fix: add it "
                         "to LANGUAGE_PREFIX in legaltext/data_files.py.")
    return language


def _site_url(config: MkDocsConfig) -> str:
    if not config.site_url:
        raise BuildError("machine_readable: the data need absolute URLs. Fix: set site_url "
                         "in mkdocs.yml.")
    return config.site_url.rstrip("/") + "/"


def _unmade(config: MkDocsConfig) -> list[str]:
    """The documents whose data this language's build could not make."""
    return run(config).once(("unmade data", _building(config)), list)


# After mkdocs-static-i18n (-100), which rebuilds the collection for each language.
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = _building(config)
    for path in data.published_paths(list(nav_paths(config.nav)), language):
        if path == data.SCHEMA:
            files.append(File.generated(config, path, abs_src_path=str(data.SCHEMA_SOURCE)))
        else:  # filled in on_env, once every page is rendered
            files.append(File.generated(config, path, content=""))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # A fresh list for every page, so that no page receives another's units.
    units: list[dict] = []
    config.mdx_configs.setdefault(EXTENSION, {})["units"] = units
    if UNITS in page.meta or DATA_JSON in page.meta:
        raise BuildError(f"docs/{page.file.src_uri}: the front matter sets “{UNITS}” or "
                         f"“{DATA_JSON}”, which the build sets. Fix: remove that line.")
    if data.document_stem(page_path(page, config)):
        page.meta[UNITS] = units
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.meta.get(UNITS):
        page.meta.pop(UNITS, None)  # no units of its own (a view of others, or no text)
        return html
    language = page_language(page)
    path = page_path(page, config)
    if page.meta.get("assembled"):  # the full text shows its parts' records
        page.meta[UNITS] = data.shown_records(page.meta[UNITS], path, _site_url(config))
    else:
        try:
            page.meta[UNITS] = data.page_records(page.meta[UNITS], html, path, _site_url(config))
        except DataError as error:
            raise BuildError(f"docs/{page.file.src_uri}: {error}") from None
    page.meta[DATA_JSON] = data.page_data_path(path, language)
    own = file_at(files, page.meta[DATA_JSON])
    if own is None:
        raise BuildError(f"docs/{page.file.src_uri}: the page is not in the navigation, so it "
                         "has no data file. Fix: add it to nav in mkdocs.yml.")
    about = file_at(files, f"{language}/{data.DATA_PAGE}")
    if about is None:
        raise BuildError(f"machine_readable: the page {data.DATA_PAGE} is missing. Fix: "
                         f"create docs/{language}/{data.DATA_PAGE}.")
    entry = templates(config).get_template(DATA_ENTRY).render(
        language=language, json=get_relative_url(own.url, page.url),
        about=get_relative_url(about.url, page.url))
    return html + entry


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    language = _building(config)
    published = data.published_paths(list(nav_paths(config.nav)), language)
    rendered_pages = {}
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.content is None and data.document_stem(
                page_path(page, config)):
            # `--dirty`: a page of a document was not rendered again, so its data cannot be
            # made; the previous build's files stay.
            for path in published:
                files.remove(file_at(files, path))
            return env
        if page is not None and UNITS in page.meta:
            rendered_pages[page_path(page, config)] = page
    pages = [data.RenderedPage(path, _first_heading(rendered_pages[path]),
                               bool(rendered_pages[path].meta.get("assembled")),
                               rendered_pages[path].meta[UNITS])
             for path in nav_paths(config.nav) if path in rendered_pages]
    made = set()
    try:
        for path, content in data.publish(language, pages, _site_url(config),
                                          data.generation_date(),
                                          rendered(config, SOURCE_LANGUAGE).fingerprints):
            _write(files, config, path, content)
            made.add(path)
    except data.TranslationMismatch as mismatch:
        _unmade(config).append(str(mismatch))
        return env  # left unmade; on_post_build says so, after the translation check
    except DataError as error:
        raise BuildError(f"machine_readable ({language}): {error}") from None
    for path in published:
        if path not in made and path != data.SCHEMA:
            files.remove(file_at(files, path))  # a page without units of its own
    return env


def _write(files: Files, config: MkDocsConfig, path: str, content: list[str] | bytes) -> None:
    """Write a data file into the site at once, and let MkDocs find it there: the data of
    every page together are too large to keep in memory until MkDocs writes its files.
    A JSON file is written piece by piece, never joined into one more copy of its units."""
    destination = file_at(files, path).abs_dest_path
    if isinstance(content, bytes):
        write_file(content, destination)
    else:
        Path(destination).parent.mkdir(parents=True, exist_ok=True)
        with open(destination, "w", encoding="utf-8", newline="") as output:
            output.writelines(content)
    files.remove(file_at(files, path))
    files.append(File.generated(config, path, abs_src_path=destination))


def _first_heading(page: Page) -> str:
    if not page.toc.items:
        raise BuildError(f"docs/{page.file.src_uri}: the page has no heading, and its data need a "
                         "title. Fix: begin the page with “# Title {#id}”.")
    return page.toc.items[0].title


# Last, so that it sees the page as it will be written.
@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    position = 0
    # The records' last use: once the page is written, nothing keeps them.
    for record in page.meta.pop(UNITS, []):
        # The units come in page order: one pass through the page finds them all.
        found = output.find(record["html"], position)
        if found < 0:
            raise BuildError(f"docs/{page.file.src_uri}: {page_disagrees(record['id'])}")
        position = found + len(record["html"])
    return output


# After translation_parity's check (0), which names the pages whose units differ.
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    unmade = _unmade(config)
    if unmade:
        raise BuildError("machine_readable: " + data.unmade(unmade[0], _building(config)))
