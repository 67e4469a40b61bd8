"""The parallel view: the declaration in English and French side by side, aligned by id.

A page whose front matter names a page of its folder, ``parallel: full-text.md``,
gets after its own text a two-column table of that page in every language, one
row per block: a heading, a citable paragraph (aligned by its id), an editorial
note (aligned by its position in its section), and the footnotes at the end.
EUR-Lex's bilingual display is the model. Each page that the shown page includes
links to its rows.

Nothing is rendered here: the cells are the blocks that each language's build
recorded while rendering its article pages (hooks/rendered_pages.py). The French
build has the English blocks; the English view needs the French ones, which exist
only once the French build has run. So each parallel view is written with a
placeholder for its table, kept in memory, and completed when every language is
rendered (``on_post_build``). The layout is the template overrides/partials/parallel.html.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from legaltext.documents import page_url
from legaltext.composition import expand, footnote_items
from legaltext.data_files import LANGUAGE_PREFIX
from legaltext.documents import nav_paths
from legaltext.editions import edition_citation
from legaltext.errors import ContentError
from legaltext.parallel import aligned, cell_html, column
from editions import latest_edition
from page_language import building_language, page_language, page_path
from rendered_pages import rendered, run, templates

TEMPLATE = "partials/parallel.html"
LINK_TEMPLATE = "partials/parallel-link.html"
PLACEHOLDER = "<!-- the parallel view's table -->"

HREF = "{href}"


def _row_link(config: MkDocsConfig) -> str:
    """The link to the rows, as the template makes it, once per language's build."""
    language = building_language(config)
    return run(config).once(("row link", language), lambda: templates(config).get_template(
        LINK_TEMPLATE).render(href=HREF, language=language))


def _shown_page(page: Page, config: MkDocsConfig) -> str:
    """The source path (in each language's folder) of the page the parallel view shows."""
    shown = str(page.meta["parallel"])
    own = Path(page_path(page, config))
    path = (own.parent / shown).as_posix()
    if not shown.endswith(".md") or "/" in shown or path not in nav_paths(config.nav):
        raise BuildError(f"docs/{page.file.src_uri}: “parallel: {shown}” must name a page of "
                         "the same folder that is in the navigation, e.g. “parallel: full-text.md”.")
    return path


def _languages(config: MkDocsConfig) -> list[dict]:
    return [{"lang": alternate["lang"], "name": alternate["name"]}
            for alternate in config.extra["alternate"]]


def _column(page: Page, config: MkDocsConfig, language: str, shown: str) -> list | None:
    """The shown page's cells in ``language``, or None if that language is not rendered."""
    blocks = rendered(config, language).blocks
    if shown not in blocks or any(part not in blocks for part in rendered(config, language).parts):
        return None
    try:
        return column(expand(shown, blocks), footnote_items(shown, blocks), shown)
    except ContentError as error:
        raise BuildError(f"docs/{page.file.src_uri}: {error}") from None


def _link_to_rows(html: str, page: Page, config: MkDocsConfig) -> str:
    """An included page links to its rows in each parallel view of its folder."""
    language = rendered(config, page_language(page))
    path = page_path(page, config)
    if path not in language.parts or not page.toc.items:
        return html
    folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    for view, url in language.views.items():
        if view.startswith(folder):
            href = f"{get_relative_url(url, page.url)}#{page_language(page)}-{page.toc.items[0].id}"
            html += _row_link(config).replace(HREF, href)
    return html


@event_priority(10)  # before the search index (5) and the data link (0)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.meta.get("parallel"):
        return _link_to_rows(html, page, config)
    language = page_language(page)
    cells = _column(page, config, language, _shown_page(page, config))
    if cells is None:  # `mkdocs serve --dirty`: the parts were not rendered again
        return html
    _refuse_ids_of_cells(page, config, cells)
    if page.toc.items:  # the sections, in the page's language, under the page's title
        page.toc.items[0].children.extend(
            AnchorLink(item.block.title, f"{language}-{item.block.key}", 2)
            for _key, kind, item in cells if kind == "heading")
    return html + PLACEHOLDER


def _refuse_ids_of_cells(page: Page, config: MkDocsConfig, cells: list) -> None:
    """An id of the page's own text that a cell also has (“en-art-6”) would make a link land
    on either: refused, as any id twice on a page is."""
    own = getattr(page, "published_ids", {})  # recorded while the page was rendered
    codes = [language["lang"] for language in _languages(config)]
    clashes = sorted({f"{code}-{i}" for code in codes for _key, _kind, item in cells
                      for i in item.block.ids} & set(own))
    if clashes:
        line = own[clashes[0]]
        where = f"docs/{page.file.src_uri}" + (f", line {line}" if line else "")
        raise BuildError(
            f"{where}: Duplicate id “{clashes[0]}”: a cell of the parallel view has it too. "
            "Fix: give the heading or paragraph another id; ids that begin with a language "
            "code and a dash (“en-”, “fr-”) are the cells'.")


# After every other plugin (mkdocs-static-i18n's -100): the page as it is written.
@event_priority(-110)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.meta.get("parallel") and PLACEHOLDER in output:
        run(config).waiting[page.file.abs_dest_path] = (page, output)
    return output


def _table(page: Page, config: MkDocsConfig) -> Iterator[str] | None:
    """The table of a parallel view, in pieces to be written one after the other (the table
    holds the whole document in every language), or None until every language is rendered."""
    shown = _shown_page(page, config)
    languages = _languages(config)
    columns = {}
    for language in languages:
        cells = _column(page, config, language["lang"], shown)
        if cells is None:
            return None
        columns[language["lang"]] = cells
    codes = [language["lang"] for language in languages]
    try:
        rows = aligned(columns, codes)
    except ContentError as error:
        raise BuildError(f"docs/{page.file.src_uri}: {error}") from None
    addresses: dict[tuple[str, str], str] = {}  # (language, page) -> its URL from the view

    def address(code: str, path: str) -> str:
        if (code, path) not in addresses:
            addresses[code, path] = get_relative_url(LANGUAGE_PREFIX[code] + page_url(path),
                                                     page.url)
        return addresses[code, path]

    def completed(rows: list[dict]) -> Iterator[dict]:
        """Each row with its cells' HTML, made as the template reaches it."""
        for row in rows:
            yield {**row, "cells": {code: cell_html(item.block.parallel, address(code, item.page))
                                    if item else None for code, item in row["cells"].items()}}

    # Each cell's copied citation names the current edition in the cell's own language.
    latest = latest_edition(config)
    edition_cites = {code: edition_citation(latest, code) if latest else "" for code in codes}
    return templates(config).get_template(TEMPLATE).generate(
        columns=languages, rows=completed(rows), language=page_language(page),
        edition_cites=edition_cites)


# After mkdocs-static-i18n (-100), which builds the other languages from the English
# build's on_post_build: the French build's end completes both languages' views.
@event_priority(-150)
def on_post_build(config: MkDocsConfig) -> None:
    for destination, (page, output) in list(run(config).waiting.items()):
        table = _table(page, config)
        if table is None:
            continue
        before, after = output.split(PLACEHOLDER, 1)
        with open(destination, "w", encoding="utf-8") as written:
            written.write(before)
            written.writelines(table)
            written.write(after)
        del run(config).waiting[destination]
