"""Mark French pages whose English source has changed since they were translated.

The template then shows a notice; the build does not fail, since an English
correction may rightly be published before its translation is reviewed.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from page_language import page_language, page_path
from tools.translations import status


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page)
    if language == "en":
        return markdown
    english = Path(config.docs_dir) / "en" / page_path(page, config)
    state, _recorded, _current = status(Path(page.file.abs_src_path), english)
    page.meta["translation_outdated"] = state != "up to date"
    return markdown
