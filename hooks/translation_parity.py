"""Every English page has a French page with exactly the same ids.

Before the build: each page under docs/en/ must exist under docs/fr/.
After the last language is built: each pair of built pages must carry the same
heading, paragraph and footnote ids. The comparison reads the two built pages
from disk, so nothing is kept in memory from one language's build to the next.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError

from legaltext.documents import language_pages
from page_language import building_language
from legaltext.built_site import built_ids

SOURCE, TRANSLATION = "en", "fr"


def _sources(config: MkDocsConfig, language: str) -> list[str]:
    return language_pages(Path(config.docs_dir) / language)


def on_pre_build(config: MkDocsConfig) -> None:
    if building_language(config) != SOURCE:
        return
    missing = sorted(set(_sources(config, SOURCE)) - set(_sources(config, TRANSLATION)))
    extra = sorted(set(_sources(config, TRANSLATION)) - set(_sources(config, SOURCE)))
    problems = [
        f"docs/{TRANSLATION}/{path}: the French page is missing. Fix: create it by translating "
        f"docs/{SOURCE}/{path}, with the same headings, paragraphs and footnotes."
        for path in missing
    ] + [
        f"docs/{TRANSLATION}/{path}: there is no English page docs/{SOURCE}/{path}. Fix: add the "
        "English page, or move the French page to the path of its English page."
        for path in extra
    ]
    if problems:
        raise BuildError("\n".join(problems))


def on_post_build(config: MkDocsConfig) -> None:
    if building_language(config) != TRANSLATION:
        return
    sources = _sources(config, SOURCE)
    english = built_ids(Path(config.site_dir), "", sources)
    french = built_ids(Path(config.site_dir), TRANSLATION, sources)
    problems = []
    for path in sources:
        lacking = [i for i in english.get(path, []) if i not in set(french.get(path, []))]
        surplus = [i for i in french.get(path, []) if i not in set(english.get(path, []))]
        if lacking:
            problems.append(
                f"docs/{TRANSLATION}/{path} lacks the ids {', '.join(lacking)}, which "
                f"docs/{SOURCE}/{path} has. Fix: translate the missing heading, paragraph or "
                "footnote, with the same label (“3\\.”, “a)”) or heading id as the English page."
            )
        if surplus:
            problems.append(
                f"docs/{TRANSLATION}/{path} has the ids {', '.join(surplus)}, which "
                f"docs/{SOURCE}/{path} does not have. Fix: give the French page the same "
                "structure as the English page (same labels, heading ids and footnotes)."
            )
    if problems:
        raise BuildError("\n".join(problems))
