"""Search per language, by paragraph, blind to accents.

Out of the box, mkdocs-static-i18n merges every language into Material's one
search index, which Material's script fetches from ``<base>/search/search_index.json``.
Here each language is a search site of its own:

- a page's ``base`` (Material's ``__config.base``, from the ``base_url`` template
  variable) is its language's home page, so a French page fetches
  ``fr/search/search_index.json``, whose result locations are relative to ``fr/``;
- each citable paragraph is an entry of its own (``page/#art-6-2``), titled by its
  citation, so that a result leads to the paragraph; the text around the
  paragraphs stays in its heading's entry, as Material indexes it. An assembled
  page (the full text) repeats paragraphs indexed on their own pages: only its
  title is indexed;
- every entry whose words carry accents gets ``folded_title`` and ``folded_text``
  fields with those words without accents ("solidarite" for "solidarité"); the
  query "solidarite" matches them, the query "solidarité" the original text;
- after the French build has indexed its pages, its entries go to
  ``fr/search/search_index.json`` and leave Material's index, so that the index
  mkdocs-static-i18n writes at the root at the end of the build holds English only.

The search plugin's options (language, separator, the folded fields' boosts) are
in mkdocs.yml. Nothing is kept between pages or languages but the search
plugin's own index of the current build.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from material.plugins.search.plugin import Element, Parser, SearchIndex, SearchPlugin, Section
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from page_language import LANGUAGES

DEFAULT_LANGUAGE = "en"
CITABLE = "citable"
FOLDED = {"title": "folded_title", "text": "folded_text"}
# Letters that Unicode decomposition does not reduce to ASCII.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """The text without accents: "Œuvre à" -> "OEuvre a"."""
    decomposed = unicodedata.normalize("NFD", text.translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded_words(text: str) -> str:
    """The words of ``text`` that folding changes, folded, once each, in order."""
    if text.isascii():
        return ""
    folded = (fold(word) for word in _WORD.findall(text) if not word.isascii())
    return " ".join(dict.fromkeys(word for word in folded if word.isascii()))


class _ParagraphParser(Parser):
    """Material's search parser, with each citable paragraph as a section of its own.

    A paragraph section's element is a placeholder that never enters the parser's
    context, so that its words go to the section's text, not to its title.
    """

    def __init__(self) -> None:
        super().__init__()
        self.paragraph: tuple[int, Section] | None = None  # (depth, section to resume)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "p" and CITABLE in (attributes.get("class") or "").split():
            if self.paragraph or not attributes.get("id") or not attributes.get("data-cite"):
                raise ValueError(f"citable paragraph without id or citation: {attributes}")
            if not self.section:
                self.section = Section(Element("hx"))
                self.data.append(self.section)
            self.paragraph = (len(self.context) + 1, self.section)
            citation = attributes["data-cite"]
            self.section = Section(Element("citable-paragraph"), len(self.context) + 1)
            self.section.id = attributes["id"]
            self.section.title = [citation[:1].upper() + citation[1:]]
            self.data.append(self.section)
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        super().handle_endtag(tag)
        if self.paragraph and len(self.context) < self.paragraph[0]:
            self.section = self.paragraph[1]
            self.paragraph = None


def _search_plugin(config: MkDocsConfig) -> SearchPlugin:
    plugin = config.plugins.get("material/search")
    if not isinstance(plugin, SearchPlugin):
        raise BuildError("mkdocs.yml: hooks/search_language.py needs Material's search plugin "
                         "(`- search` under plugins).")
    return plugin


def _entries(html: str, page: Page, plugin: SearchPlugin) -> list[dict]:
    """The search entries of a page: its sections and its citable paragraphs."""
    parser = _ParagraphParser()
    parser.feed(html)
    parser.close()
    index = SearchIndex(**plugin.config)
    for section in parser.data:
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)
    entries = index.entries
    if page.meta.get("assembled"):
        entries = [{**entries[0], "text": ""}]
    for entry in entries:
        for field, folded_field in FOLDED.items():
            words = folded_words(entry[field])
            if words:
                entry[folded_field] = words
    return entries


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if nav.homepage is None:
        raise BuildError(f"docs/{page.file.src_uri}: its language has no home page.")
    context["base_url"] = get_relative_url(nav.homepage.url or ".", page.url)
    return context


# After the hooks that make the page's text (parallel_view, 10), before those that append
# links about the page (machine_readable's data link, 0), which are not its text.
@event_priority(5)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return html
    plugin = _search_plugin(config)
    plugin.search_index.entries.extend(_entries(html, page, plugin))
    # Indexed here, by paragraph: Material's search plugin must not index it again.
    page.meta["search"] = {**search, "exclude": True}
    return html


@event_priority(-50)  # after Material's search plugin (0), before mkdocs-static-i18n (-100)
def on_post_build(config: MkDocsConfig) -> None:
    language = config.theme["language"]
    if language not in LANGUAGES:
        raise BuildError(f"hooks/search_language.py: unknown language {language!r}")
    if language == DEFAULT_LANGUAGE:
        return
    plugin = _search_plugin(config)
    entries = plugin.search_index.entries
    prefix = f"{language}/"
    docs = []
    for entry in entries:
        if not entry["location"].startswith(prefix):
            raise BuildError(f"search: the {language} build indexed {entry['location']!r}, "
                             f"which is not under {prefix}")
        docs.append({**entry, "location": entry["location"].removeprefix(prefix)})
    settings = {key: plugin.config[key] for key in ("separator", "pipeline", "fields")}
    index = {"config": {"lang": [language], **settings}, "docs": docs}
    path = Path(config.site_dir) / language / "search" / "search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    entries.clear()
