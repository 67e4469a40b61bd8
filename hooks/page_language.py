"""Pass each page's language to the Markdown extensions that depend on it.

mkdocs-static-i18n builds every language in the same process, and MkDocs makes
a new Markdown converter for each page from ``mdx_configs``. Setting the
language here, just before each page is rendered, keeps the extensions free of
state carried from one language's build to the next.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

LANGUAGE_AWARE_EXTENSIONS = (
    "legaltext.paragraph_ids",
    "legaltext.footnote_numbers",
    "legaltext.french_typography",
)
LANGUAGES = {"en", "fr"}
# The title of the heading permalinks that the toc extension makes.
PERMALINK_TITLES = {"en": "Link to this section", "fr": "Lien vers cette section"}


def page_language(page: Page) -> str:
    """The language of a page's source file, as mkdocs-static-i18n assigned it."""
    language = getattr(page.file, "locale", None)
    if language not in LANGUAGES:
        raise ValueError(
            f"{page.file.src_uri}: cannot tell the page's language ({language!r}). "
            "Fix: put the page under docs/en/ or docs/fr/."
        )
    return language


def building_language(config: MkDocsConfig) -> str:
    """The language of the build in progress (mkdocs-static-i18n sets the theme's per build)."""
    language = config.theme["language"]
    if language not in LANGUAGES:
        raise ValueError(f"no pages for the language {language!r}. Fix: build only "
                         f"{', '.join(sorted(LANGUAGES))}.")
    return language


def file_at(files: Files, src_uri: str) -> File | None:
    """The file at ``src_uri`` in this build's collection, looked up directly:
    mkdocs-static-i18n's ``get_file_from_path`` searches through the language folders."""
    return files.src_uris.get(src_uri)


def page_path(page: Page, config: MkDocsConfig) -> str:
    """The page's source path inside its language folder: ``declaration/article-6.md``."""
    language = page_language(page)
    uri = page.file.src_uri
    # Asked for many times per page: the usual case without Path's cost.
    if uri.startswith(language + "/") and page.file.abs_src_path == os.path.normpath(
            os.path.join(config.docs_dir, uri)):
        return uri.removeprefix(language + "/")
    root = Path(config.docs_dir) / language
    return Path(page.file.abs_src_path).relative_to(root).as_posix()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page)
    for name in LANGUAGE_AWARE_EXTENSIONS:
        config.mdx_configs.setdefault(name, {})["language"] = language
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = PERMALINK_TITLES[language]
    return markdown
