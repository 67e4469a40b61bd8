"""Every English page has a French page, and the French navigation is in French.

Before the build: each page under docs/en/ must exist under docs/fr/, and every
label of mkdocs.yml's nav must have a French translation (nav_translations of
the French language), unless it is already the French page's title (“Article
6”). That the two pages of a pair carry the same ids is checked against
anchors.yml, which lists the English ids, by hooks/anchor_registry.py while
each language is built, so nothing is kept from one language's build to the next.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError

from legaltext import registry
from legaltext.documents import language_pages, split_front_matter, untranslated_labels
from legaltext.errors import find_line
from page_language import building_language

SOURCE, TRANSLATION = "en", "fr"


def _sources(config: MkDocsConfig, language: str) -> list[str]:
    return language_pages(Path(config.docs_dir) / language)


def _nav_translations(config: MkDocsConfig) -> dict[str, str]:
    plugin = config.plugins.get("i18n")
    for language in plugin.config.languages if plugin else ():
        if language.locale == TRANSLATION:
            return language.nav_translations or {}
    return {}


def _untranslated_nav(config: MkDocsConfig) -> list[str]:
    folder = Path(config.docs_dir) / TRANSLATION
    titles = {}
    for path in _sources(config, TRANSLATION):
        meta, _body = split_front_matter((folder / path).read_text(encoding="utf-8"))
        titles[path] = str(meta.get("title", ""))
    text = Path(config.config_file_path).read_text(encoding="utf-8")
    nav_start = text.find("\nnav:")
    return [
        f"mkdocs.yml, line {(find_line(text[nav_start:], f'- {label}:') or 0) + text[:nav_start].count(chr(10)) + 1}: "
        f"the navigation label “{label}” has no French translation, so the French site would "
        f"show it in English. Fix: add “{label}: <French label>” under nav_translations of "
        "the French language (locale: fr) in mkdocs.yml; if it is the same in French, write "
        f"“{label}: {label}”."
        for label in untranslated_labels(config.nav or [], _nav_translations(config), titles)
    ]


def on_pre_build(config: MkDocsConfig) -> None:
    if building_language(config) == TRANSLATION:
        # In the French build, after hooks/source_validation.py has read its front matter.
        problems = _untranslated_nav(config)
        if problems:
            raise BuildError("\n".join(problems))
    if building_language(config) != SOURCE:
        return
    missing = sorted(set(_sources(config, SOURCE)) - set(_sources(config, TRANSLATION)))
    extra = sorted(set(_sources(config, TRANSLATION)) - set(_sources(config, SOURCE)))
    problems = [
        f"docs/{TRANSLATION}/{path}: the French page is missing. Fix: create it by translating "
        f"docs/{SOURCE}/{path}, with the same headings, paragraphs and footnotes."
        for path in missing
    ]
    published = registry.load(Path(config.config_file_path).parent / registry.REGISTRY_FILE).pages
    for path in extra:
        if path in published:
            problems.append(
                f"docs/{SOURCE}/{path}: the English page has disappeared, and its ids are "
                f"published. Fix: restore it (git checkout main -- docs/{SOURCE}/{path}); if it "
                "was renamed or moved, rename the French page too and add it under “moved” in "
                "anchors.yml (CONTRIBUTING.md, “Renaming or moving a page”).")
        else:
            problems.append(
                f"docs/{TRANSLATION}/{path}: there is no English page docs/{SOURCE}/{path}. Fix: "
                "add the English page, or move the French page to the path of its English page.")
    if problems:
        raise BuildError("\n".join(problems))
