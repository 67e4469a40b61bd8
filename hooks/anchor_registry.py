"""Published ids never disappear: check the built pages against anchors.yml.

Before rendering, each page gets its aliases (retired id -> current id), which
the paragraph extension keeps as anchors; after the English build, every
registered id must still be on its page or have an alias. The French pages
carry the same ids, which the translation parity check enforces.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from page_language import building_language, page_path
from tools.anchors import aliases_for, english_sources, load, missing_ids
from legaltext.built_site import built_ids

EXTENSION = "legaltext.paragraph_ids"
log = logging.getLogger("mkdocs.hooks.anchor_registry")


def _registry(config: MkDocsConfig) -> dict:
    """The registry beside mkdocs.yml."""
    return load(Path(config.config_file_path).parent / "anchors.yml")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    aliases = aliases_for(_registry(config), page_path(page, config), bool(page.meta.get("assembled")))
    config.mdx_configs.setdefault(EXTENSION, {})["aliases"] = aliases
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    if building_language(config) != "en":
        return
    registry = _registry(config)
    published = built_ids(Path(config.site_dir), "", english_sources(Path(config.docs_dir)))
    problems = missing_ids(registry, published)
    if problems:
        raise BuildError("\n".join(problems))
    new = sum(len(set(ids) - set(registry["pages"].get(page, []))) for page, ids in published.items())
    if new:
        log.info(f"{new} ids are not yet in anchors.yml; `make anchors` records them.")
