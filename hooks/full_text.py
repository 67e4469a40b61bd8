"""Compose the full-text page from the preamble and article pages, as they were rendered.

The full text has no text of its own but its headings: each line
``<!-- include article-6.md -->`` stands for that page. Its content is the blocks
that rendering the included pages recorded (hooks/rendered_pages.py renders them
first), headings one level down, then one list of every footnote; its data records
are theirs. An edit to an article therefore appears on both pages, with the same
ids and footnotes, and no paragraph is rendered twice.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from legaltext.composition import composed_html, expand, footnote_items, headings
from legaltext.errors import ContentError
from page_language import file_at, page_language, page_path
from rendered_pages import rendered

UNITS = "citable_units"
PARAGRAPHS = "legaltext.paragraph_ids"
log = logging.getLogger("mkdocs.hooks.full_text")


def _table_of_contents(entries: list[tuple[int, str, str]]) -> TableOfContents:
    """Nest (level, id, title) entries as the toc extension would."""
    top: list[AnchorLink] = []
    open_links: list[AnchorLink] = []
    for level, identifier, title in entries:
        link = AnchorLink(title, identifier, level)
        while open_links and open_links[-1].level >= level:
            open_links.pop()
        (open_links[-1].children if open_links else top).append(link)
        open_links.append(link)
    return TableOfContents(top)


def _records(files: Files, code: str, path: str) -> list[dict]:
    """The data records of a rendered page (hooks/machine_readable.py), or none."""
    file = file_at(files, f"{code}/{path}")
    page = file.page if file is not None else None
    return page.meta.get(UNITS, []) if page is not None else []


# After hooks/anchor_registry.py (0), which gives each page its aliases: the full text shows
# its parts as rendered, aliases included, and has none of its own.
@event_priority(-10)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("assembled"):
        config.mdx_configs.setdefault(PARAGRAPHS, {})["aliases"] = {}
    return markdown


# Before the hooks that read the page's text (parallel_view 10, search 5, data 0).
@event_priority(20)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.meta.get("assembled"):
        return html
    path = page_path(page, config)
    code = page_language(page)
    language = rendered(config, code)
    unrendered = [part for part in language.parts if part not in language.blocks
                  and file_at(files, f"{code}/{part}") is not None]
    if unrendered:  # `mkdocs serve --dirty` renders only the pages edited since the last build
        log.info(f"docs/{page.file.src_uri}: not composed, since this build did not render "
                 f"{', '.join(sorted(unrendered))} (--dirty); a full build composes it.")
        return html
    try:
        placed = expand(path, language.blocks)
    except ContentError as error:
        raise BuildError(f"docs/{page.file.src_uri}: {error}") from None
    page.toc = _table_of_contents(headings(placed))
    page.present_anchor_ids = {i for item in placed for i in item.block.ids}
    # The parts' records, with each heading's HTML as the full text shows it.
    demoted = {item.block.key: item.block.demoted for item in placed
               if item.demoted and item.block.kind == "heading"}
    page.meta[UNITS] = [{**record, "html": demoted[record["id"]]} if record["id"] in demoted
                        else record for part in dict.fromkeys(item.page for item in placed)
                        for record in _records(files, code, part)]
    return composed_html(placed, footnote_items(path, language.blocks))
