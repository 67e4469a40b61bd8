"""Mark French text whose English source has changed since it was translated.

A French page whose English page changed shows the outdated notice (template);
its citable paragraphs, and the same paragraphs wherever they appear (the full
text, the parallel view), carry the class ``translation-outdated`` and a note,
set by ``legaltext.paragraph_ids`` from the ids listed here. The build does not
fail for an outdated page, since an English correction may rightly be published
before its translation is reviewed; it fails (strictly, after checking every page)
for a French page that records no English fingerprint at all.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from legaltext import registry
from legaltext.documents import document_of, language_pages
from legaltext.translations import KEY, status
from page_language import page_language, page_path
from rendered_pages import run

EXTENSION = "legaltext.paragraph_ids"
log = logging.getLogger("mkdocs.hooks.translation_freshness")


def _state(config: MkDocsConfig, path: str) -> str:
    """The page's translation status, read once per run: a view asks for every page of its
    document, and the sources do not change during a build."""
    docs = Path(config.docs_dir)
    return run(config).once(("translation status", path),
                            lambda: status(docs / "fr" / path, docs / "en" / path)[0])


def _english_pages(config: MkDocsConfig) -> list[str]:
    return run(config).once("English pages",
                            lambda: language_pages(Path(config.docs_dir) / "en"))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    options = config.mdx_configs.setdefault(EXTENSION, {})
    options["outdated"] = []
    if page_language(page) == "en":
        return markdown
    path = page_path(page, config)
    shown = [path]
    if page.meta.get("assembled") or page.meta.get("parallel"):
        # A view shows the paragraphs of its whole document.
        shown = [other for other in _english_pages(config)
                 if document_of(other) == document_of(path)]
    if _state(config, path) == "not recorded":
        log.error(
            f"docs/fr/{path}, line 2: the French page does not record which English text it "
            f"translates (no “{KEY}:” in its front matter), so no one would know when it "
            f"falls behind. Fix: once the page translates docs/en/{path}, run "
            f"`make translations RECORD=docs/fr/{path}`.")
    outdated = [other for other in shown if _state(config, other) != "up to date"]
    page.meta["translation_outdated"] = path in outdated
    known = registry.load(Path(config.config_file_path).parent / registry.REGISTRY_FILE)
    options["outdated"] = [anchor for other in outdated for anchor in known.pages.get(other, {})]
    return markdown
