"""Check the French terminology against glossary.yml while the site is built.

- Refusal: a forbidden variant anywhere in the French sources (the pages under
  docs/fr/ and the interface strings, overrides/partials/*strings*.html), read
  before the French build renders anything.
- Alignment: while each page renders, its printed texts by id are taken from what
  the build already holds: its headings from the table of contents, its citable
  units and their footnotes from the records of hooks/machine_readable.py (taken
  before that hook lets them go, in on_post_page), and its other paragraphs with
  an id (a standfirst, a note) from legaltext.paragraph_ids. The English build keeps its
  texts on the run's records (hooks/rendered_pages.py), and each French page is
  compared with its English page, id by id. Nothing is read back from the site.
  The composed pages (the full text, the parallel view) repeat the pages they are
  made of, which are checked themselves.

The problems of every French page stop the build together, once every page is
rendered and before any is written, one per line (legaltext/terminology.py says
what they are).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from legaltext.composition import SOURCE_LANGUAGE
from legaltext.documents import language_pages
from legaltext.terminology import (GlossaryError, Term, alignment_problems, forbidden_problems,
                                   load_glossary, printed_texts)
from page_language import building_language, page_language, page_path
from rendered_pages import rendered, run

GLOSSARY = "glossary.yml"
TRANSLATION = "fr"
UNITS = "citable_units"  # hooks/machine_readable.py
EXTENSION = "legaltext.paragraph_ids"


def _terms(config: MkDocsConfig) -> list[Term]:
    path = Path(config.config_file_path).parent / GLOSSARY
    try:
        return run(config).once("glossary", lambda: load_glossary(path))
    except GlossaryError as error:
        raise BuildError(str(error)) from None


def _problems(config: MkDocsConfig) -> list[str]:
    """The terminology problems found so far in this run's French build."""
    return run(config).once("terminology problems", list)


def _french_sources(config: MkDocsConfig) -> dict[str, str]:
    """The French pages and interface strings, by their names for an editor."""
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir) / TRANSLATION
    files = [docs / page for page in language_pages(docs)]
    files += sorted((Path(config.theme.custom_dir) / "partials").glob("*strings*.html"))
    return {(file.relative_to(root) if file.is_relative_to(root) else file).as_posix():
            file.read_text("utf-8") for file in files}


def _headings(items: list) -> Iterator[tuple[str, str]]:
    """(id, title) of every heading of a table of contents, nested ones included."""
    for item in items:
        yield item.id, item.title
        yield from _headings(item.children)


def on_pre_build(config: MkDocsConfig) -> None:
    terms = _terms(config)  # in each language's build: a broken glossary stops the first
    if building_language(config) == TRANSLATION:
        _problems(config).extend(forbidden_problems(_french_sources(config), terms))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # A fresh dict for every page, which the paragraph extension fills while it renders.
    config.mdx_configs.setdefault(EXTENSION, {})["paragraphs"] = {}
    return markdown


# After hooks/machine_readable.py (0) has made the units' records, which it lets go once
# the page is written.
@event_priority(-10)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("assembled") or page.meta.get("parallel"):
        return html
    path = page_path(page, config)
    texts = printed_texts(_headings(page.toc.items), page.meta.get(UNITS, []),
                          config.mdx_configs[EXTENSION]["paragraphs"])
    if page_language(page) == SOURCE_LANGUAGE:
        rendered(config, SOURCE_LANGUAGE).texts[path] = texts
        return html
    english = rendered(config, SOURCE_LANGUAGE).texts.get(path)
    # None: no English page (translation_parity reports it), or, in a dirty rebuild of the
    # preview, an English page not rendered again.
    if english is not None:
        _problems(config).extend(alignment_problems(
            path, english, texts, Path(page.file.abs_src_path).read_text("utf-8"),
            _terms(config)))
    return html


# Every page is rendered, none is written yet: before the data files are (0).
@event_priority(50)
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if building_language(config) == TRANSLATION and _problems(config):
        raise BuildError("\n".join(_problems(config)))
    return env
