"""The parallel view: the declaration in English and French side by side, aligned by id.

A page whose front matter names a page of its folder, ``parallel: full-text.md``,
gets after its own text a two-column table of that page in every language, one
row per block: a heading, a citable paragraph (aligned by its id), an editorial
note (aligned by its position in its section), and the footnotes at the end.
EUR-Lex's bilingual display is the model. The page shown is the declaration's
full text, assembled from the preamble and article pages as hooks/full_text.py
assembles it.

Each language's full text is rendered here, from the same sources, with the
site's own Markdown extensions and configurations, with that language set as
hooks/page_language.py and hooks/document_footnotes.py set it for a page, plus
legaltext.parallel's extension, which prefixes the ids with the language and
lists the blocks. The layout is the template overrides/partials/parallel.html.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path

import yaml
from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from legaltext.assembly import assemble
from legaltext.documents import nav_paths, site_footnotes, split_front_matter
from legaltext.errors import ContentError
from legaltext.parallel import LanguageBlocksExtension, aligned, final_html, flatten
from page_language import LANGUAGE_AWARE_EXTENSIONS, page_language, page_path

TEMPLATE = "partials/parallel.html"


def _source(config: MkDocsConfig, language: str, path: str) -> str:
    """The Markdown of a page, assembled if it is assembled (as hooks/full_text.py does)."""
    file = Path(config.docs_dir) / language / path
    meta, body = split_front_matter(file.read_text(encoding="utf-8"))
    return assemble(body, file, f"{language}/{path}") if meta.get("assembled") else body


def _render(config: MkDocsConfig, language: str, path: str) -> tuple[list[tuple], dict]:
    """One language's column: its blocks (key, kind, html) and its headings' titles by key."""
    markdown = _source(config, language, path)
    configs = {name: dict(options) for name, options in config.mdx_configs.items()}
    for name in LANGUAGE_AWARE_EXTENSIONS:
        configs.setdefault(name, {})["language"] = language
    units: list[dict] = []  # the extension's record of this rendering; not needed here
    configs.setdefault("legaltext.paragraph_ids", {})["units"] = units
    configs.setdefault("legaltext.footnote_numbers", {}).update(
        documents=site_footnotes(Path(config.docs_dir) / language, list(nav_paths(config.nav))),
        page=path)
    blocks: list[tuple[str, str, etree.Element]] = []
    md = Markdown(extensions=[*config.markdown_extensions, LanguageBlocksExtension(language, blocks)],
                  extension_configs=configs)
    md.convert(markdown)
    units.clear()  # else each block's post-processing would walk every unit again
    titles = {token["id"]: token["name"] for token in flatten(md.toc_tokens)}
    return [(key, kind, final_html(md, element)) for key, kind, element in blocks], titles


def _shown_page(page: Page, config: MkDocsConfig) -> str:
    """The source path (in each language's folder) of the page the parallel view shows."""
    shown = str(page.meta["parallel"])
    own = Path(page_path(page, config))
    path = (own.parent / shown).as_posix()
    if not shown.endswith(".md") or "/" in shown or path not in nav_paths(config.nav):
        raise BuildError(f"docs/{page.file.src_uri}: “parallel: {shown}” must name a page of "
                         "the same folder that is in the navigation, e.g. “parallel: full-text.md”.")
    return path


def _columns(config: MkDocsConfig, path: str, own_language: str) -> dict[str, tuple[list, dict]]:
    """Every language's column: (blocks, headings' titles by key), by language."""
    rendered = {}
    for alternate in config.extra["alternate"]:
        language = alternate["lang"]
        try:
            rendered[language] = _render(config, language, path)
        except (ContentError, yaml.YAMLError, UnicodeDecodeError):
            if language == own_language:
                raise
            # Each language's build checks that language's sources (source_validation, its
            # own pages) and fails naming the file; until then, its column stays empty.
            rendered[language] = ([], {})
    return rendered


@event_priority(10)  # before hooks that append to the page (machine_readable's data link)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.meta.get("parallel"):
        return html
    language = page_language(page)
    rendered = _columns(config, _shown_page(page, config), language)
    rows = aligned({code: blocks for code, (blocks, _titles) in rendered.items()}, list(rendered))
    titles = rendered[language][1]
    if page.toc.items:  # the sections, in the page's language, under the page's title
        page.toc.items[0].children.extend(
            AnchorLink(titles[row["key"]], f"{language}-{row['key']}", 2)
            for row in rows if row["kind"] == "heading" and row["key"] in titles)
    columns = [{"lang": alternate["lang"], "name": alternate["name"]}
               for alternate in config.extra["alternate"]]
    template = config.theme.get_env().get_template(TEMPLATE)
    return html + template.render(columns=columns, rows=rows, language=language)
