"""Line numbers in messages are the lines of the page's file.

MkDocs hands the Markdown extensions a page without its front matter, so the
lines they count start after it. Putting back as many empty lines as the front
matter took (which Markdown ignores) makes every “line N” of every message the
line an editor sees in the file.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    body_start = text.rfind(markdown[:200]) if markdown.strip() else -1
    if body_start <= 0:
        return markdown
    return "\n" * text.count("\n", 0, body_start) + markdown
