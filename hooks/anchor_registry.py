"""The citation contract in the build: a published id always holds the same text.

Each page, before rendering, gets its aliases (retired id -> current id) and a
fresh dict in which ``legaltext.paragraph_ids`` records every id of the page
with its source line. Once every page of a language is rendered (on_env), the
ids and the fingerprints of the units' printed texts (hooks/machine_readable.py
makes the records) are checked against anchors.yml and changelog.yml by
``legaltext.registry``: nothing is read back from the built pages, and nothing
is kept in a module from one language's build to the next: the English build
leaves its pages' ids on the build's config, and the French build checks that
its pages carry exactly those ids.

With ANCHORS_RECORD=1 (``make anchors``) each language's build records its new
ids and declared corrections in anchors.yml instead of refusing them.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from legaltext import registry
from legaltext.documents import language_pages, page_url
from legaltext.machine_readable import fingerprint
from page_language import building_language, page_path

EXTENSION = "legaltext.paragraph_ids"
UNITS = "citable_units"  # the records hooks/machine_readable.py keeps on each page
RECORD = "ANCHORS_RECORD"
# Front-matter keys of pages made from other pages: their ids are their sources'.
VIEWS = ("assembled", "parallel")
log = logging.getLogger("mkdocs.hooks.anchor_registry")


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _registry(config: MkDocsConfig) -> registry.Registry:
    try:
        return registry.load(_root(config) / registry.REGISTRY_FILE)
    except registry.RegistryError as error:
        raise BuildError(str(error)) from None


def _corrections(config: MkDocsConfig) -> list[registry.Correction]:
    try:
        return registry.load_changelog(_root(config) / registry.CHANGELOG_FILE)
    except registry.RegistryError as error:
        raise BuildError(str(error)) from None


def on_pre_build(config: MkDocsConfig) -> None:
    if building_language(config) != registry.LANGUAGES[0]:
        return
    known = _registry(config)
    pages = set(registry_pages(config))
    problems = (registry.file_problems(known, pages)
                + registry.changelog_problems(_corrections(config), known))
    if problems:
        raise BuildError("\n".join(problems))


def registry_pages(config: MkDocsConfig) -> list[str]:
    """The English source paths of the pages that have a file."""
    return language_pages(Path(config.docs_dir) / registry.LANGUAGES[0])


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    options = config.mdx_configs.setdefault(EXTENSION, {})
    options["aliases"] = registry.aliases_for(_registry(config), page_path(page, config),
                                              bool(page.meta.get("assembled")))
    page.published_ids = options["ids"] = {}  # filled while the page is rendered
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    """A renamed page's old address keeps working: a redirect page, in each language."""
    language = building_language(config)
    folder = Path(config.site_dir) / ("" if language == registry.LANGUAGES[0] else language)
    for old, new in _registry(config).moved.items():
        target = folder / page_url(old) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        site_root = "../" * len(target.parent.relative_to(config.site_dir).parts)
        target.write_text(registry.redirect_page(old, new, site_root), encoding="utf-8")


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    language = building_language(config)
    published = []
    for file in files.documentation_pages():
        page = file.page
        # A page this build did not render (`--dirty` renders only the edited ones) has
        # nothing to compare: it holds what its last full build checked.
        if page is None or not hasattr(page, "published_ids") \
                or any(page.meta.get(key) for key in VIEWS):
            continue
        texts = {record["id"]: fingerprint(record["text"]) for record in page.meta.get(UNITS, [])}
        published.append(registry.PageIds(page_path(page, config),
                                          getattr(page, "published_ids", {}), texts))
    known, corrections = _registry(config), _corrections(config)
    if os.environ.get(RECORD):
        updated = registry.recorded(known, corrections, language, published)
        (_root(config) / registry.REGISTRY_FILE).write_text(registry.dump(updated), "utf-8")
        known = _registry(config)
    if language == registry.LANGUAGES[0]:
        # Kept on this build's config (made anew for every build), for the translation's
        # build that follows in the same run: its pages must have the same ids.
        config.source_page_ids = {page.path: list(page.ids) for page in published}
    present = {page_path(file.page, config) for file in files.documentation_pages() if file.page}
    problems, to_record = registry.check_language(
        known, corrections, language, published, getattr(config, "source_page_ids", None),
        present)
    # Logged, not raised: the strict build still fails, after MkDocs has also checked the
    # links and anchors of every page, so that an editor sees every problem at once.
    for problem in problems + [f"{item} {registry.RECORD_HINT}" for item in to_record]:
        log.error(problem)
    return env
