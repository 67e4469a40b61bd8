"""Tell the footnote extension about the footnotes of the page's whole document.

Footnote numbers run through a document's pages, so they must increase from
page to page, and an "Ibid." on one page may refer to a footnote on another.
The index is read afresh for each page from the page's own language folder:
nothing is kept between pages or languages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from legaltext.documents import check_footnote_order, footnote_index, nav_paths
from page_language import page_language

EXTENSION = "legaltext.footnote_numbers"


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.docs_dir) / config.theme["language"]
    check_footnote_order(root, list(nav_paths(config.nav)))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    root = Path(config.docs_dir) / page_language(page)
    page_path = Path(page.file.abs_src_path).relative_to(root).as_posix()
    index = footnote_index(page_path, root, list(nav_paths(config.nav)))
    config.mdx_configs.setdefault(EXTENSION, {})["document_index"] = index
    return markdown
