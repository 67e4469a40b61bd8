"""Assemble the full-text page from the preamble and article pages.

The full text has no text of its own: each line ``<!-- include article-6.md -->``
is replaced by that page's Markdown (front matter removed, headings one level
down). An edit to an article therefore appears on both pages, and the ids and
footnotes are the same on both.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from legaltext.assembly import assemble


EXTENSION = "legaltext.paragraph_ids"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Where each line comes from, so that an error in the assembled text names its own file.
    origins: list[tuple[str, int]] = []
    config.mdx_configs.setdefault(EXTENSION, {})["origins"] = origins
    if not page.meta.get("assembled"):
        return markdown
    return assemble(markdown, Path(page.file.abs_src_path), f"docs/{page.file.src_uri}", origins)
