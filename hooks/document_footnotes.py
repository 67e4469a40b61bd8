"""Tell the footnote extension about the footnotes of each page's whole document.

Footnote numbers run through a document's pages, so they must increase from
page to page, and an "Ibid." on one page may refer to a footnote on another.
At the start of each language's build, the footnotes of every document of that
language are read once (and their order checked) into the extension's config;
each page then says which page it is.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from legaltext.documents import nav_paths, site_footnotes
from page_language import building_language, page_path

EXTENSION = "legaltext.footnote_numbers"


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.docs_dir) / building_language(config)
    config.mdx_configs.setdefault(EXTENSION, {})["documents"] = site_footnotes(
        root, list(nav_paths(config.nav)))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    config.mdx_configs[EXTENSION]["page"] = page_path(page, config)
    return markdown
