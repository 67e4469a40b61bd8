"""Search per language, by citable paragraph, blind to accents.

Material's search is lunr-based; this hook shapes what it indexes, and the search
plugin's options in mkdocs.yml (language, separator, field boosts) do the rest:

- each language is a search site of its own: a page's ``base`` (Material's
  ``__config.base``, from the ``base_url`` template variable) is its language's home
  page, so a French page fetches ``fr/search/search_index.json``, whose locations are
  relative to ``fr/``;
- each citable unit is one entry (``declaration/article-6/#art-6-2``), on its own
  page only, titled by its citation ("Art. 6(2)", « Art. 6, par. 2 »), with its
  printed text as recorded for the data (hooks/machine_readable.py): no label,
  number or footnote marker glued to its words. A French paragraph whose English
  text has changed since it was translated opens with the note its page shows. A
  page assembled from others (the full text) is indexed by its title alone; the
  parallel view is not indexed;
- the text around the units stays in its heading's entry, as Material indexes it,
  without code blocks (examples and data samples), and with a lower boost than the
  units, so that the paragraph that holds the words ranks above the pages that
  mention them;
- every entry whose words carry accents gets ``folded_title`` and ``folded_text``
  fields with those words without accents ("solidarite" for "solidarité"); the
  query "solidarite" matches them, the query "solidarité" the original text;
- after each language's build, this hook writes that language's index itself; the
  French entries then leave Material's index, so that the index mkdocs-static-i18n
  writes at the root at the end of the build holds English only. With
  ``mkdocs serve --dirty`` only the edited pages are rendered again: their entries
  replace theirs in the index of the previous build.

Each page's HTML is read once, by this hook instead of Material's plugin, and without
its citable units: their words are those recorded for them. Nothing is kept between
pages or languages but the search plugin's own index of the current build.
"""

from __future__ import annotations

import json
import re
from html import escape
import unicodedata
from pathlib import Path

from material.plugins.search.plugin import Element, Parser, SearchPlugin, Section
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from legaltext.machine_readable import page_disagrees
from legaltext.paragraph_ids import CITATIONS
from page_language import building_language, page_language

DEFAULT_LANGUAGE = "en"
CITABLE = "citable"
# The records of a page's citable units, with their printed text (hooks/machine_readable.py).
UNITS = "citable_units"
# The kind of record of an article's heading, a unit that is not a paragraph: indexed as
# the heading of its section, as Material indexes headings.
HEADING_UNIT = "article"
# Blocks whose text is not prose: code examples and data samples.
NOT_PROSE = "pre"
FOLDED = {"title": "folded_title", "text": "folded_text"}
# The weight of an entry that is not a citable unit (an introduction, a section of the
# About or Data page): below a unit when both hold the words.
PROSE_BOOST = 0.25
# Material's lunr does not weigh a match by the length of the text (its b is 0), so a
# long paragraph that repeats a word outranks the short one that is about it. A unit's
# weight is sqrt(REFERENCE_WORDS / its words), between 0.5 and 2: a typical paragraph
# of these texts (about 50 words) weighs 1.
REFERENCE_WORDS = 50
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
    # Words never span white space, so only the few pieces between spaces that are not
    # ASCII are searched for words; each word is folded once, however often it occurs.
    words = dict.fromkeys(word for piece in text.split() if not piece.isascii()
                          for word in _WORD.findall(piece) if not word.isascii())
    return " ".join(dict.fromkeys(word for word in map(fold, words) if word.isascii()))


class _PageParser(Parser):
    """Material's search parser, fed a page's HTML without its citable units, which the
    hook cuts out and indexes from their records (``unit``). The words around a unit
    stay in its heading's section. Code blocks are skipped, as elements marked
    ``data-search-exclude`` are.
    """

    def unit(self, unit_id: str) -> None:
        """Mark where a citable unit stands between the pieces fed, unless it stands in
        an element excluded from search."""
        if not self.skip.intersection(self.context):
            section = Section(Element(CITABLE))
            section.id = unit_id
            self.data.append(section)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p" and CITABLE in (dict(attrs).get("class") or "").split():
            raise BuildError(f"search: the citable paragraph “{dict(attrs).get('id')}” has no "
                             "recorded unit. Fix: check that hooks/machine_readable.py "
                             "records the page's units.")
        if tag == NOT_PROSE:
            attrs = [*attrs, ("data-search-exclude", "")]
        super().handle_starttag(tag, attrs)


def _search_plugin(config: MkDocsConfig) -> SearchPlugin:
    plugin = config.plugins.get("material/search")
    if not isinstance(plugin, SearchPlugin):
        raise BuildError("mkdocs.yml: hooks/search_language.py needs Material's search plugin "
                         "(`- search` under plugins).")
    return plugin


def _entry(location: str, title: str, text: str, boost: float | None = None) -> dict:
    entry = {"location": location, "title": title, "text": text}
    for field, folded_field in FOLDED.items():
        words = folded_words(entry[field])
        if words:
            entry[folded_field] = words
    if boost is not None:
        entry["boost"] = boost
    return entry


def _unit_boost(text: str) -> float:
    return round(min(2.0, max(0.5, (REFERENCE_WORDS / max(len(text.split()), 1)) ** 0.5)), 2)


def _entries(html: str, page: Page) -> list[dict]:
    """The search entries of a page: first the page itself (its title and introduction),
    then its headings with the prose under them, and its citable units, in order."""
    title = escape(str(page.meta.get("title", page.title)), quote=False)
    if page.meta.get("assembled"):
        return [_entry(page.url, title, "")]
    units = {unit["id"]: unit for unit in page.meta.get(UNITS, [])
             if unit["kind"] != HEADING_UNIT}
    parser = _PageParser()
    # The units' HTML is cut out, not parsed: their words come from their records. They
    # stand in the page in order (hooks/machine_readable.py checks the page as written).
    position = 0
    try:
        for unit_id, unit in units.items():
            found = html.find(unit["html"], position)
            if found < 0:
                raise BuildError(page_disagrees(unit_id))
            parser.feed(html[position:found])
            parser.unit(unit_id)
            position = found + len(unit["html"])
        parser.feed(html[position:])
        parser.close()
    except BuildError as error:
        raise BuildError(f"docs/{page.file.src_uri}: {error}") from None
    introduction = ""
    entries = []
    for section in parser.data:
        if section.is_excluded():
            continue
        if section.el == CITABLE:
            unit = units[section.id]
            citation = unit["citation"][:1].upper() + unit["citation"][1:]
            text = escape(unit["text"], quote=False)
            if unit["translation_outdated"]:  # the result says so, as the paragraph does
                text = f"<em>{escape(CITATIONS[page_language(page)]['outdated'])}</em> {text}"
            entries.append(_entry(f"{page.url}#{section.id}", escape(citation, quote=False),
                                  text, _unit_boost(unit["text"])))
        elif section.id is None:
            introduction = "".join(section.text).strip()
        else:
            entries.append(_entry(f"{page.url}#{section.id}",
                                  "".join(section.title).strip() or title,
                                  "".join(section.text).strip(), PROSE_BOOST))
    return [_entry(page.url, title, introduction, PROSE_BOOST), *entries]


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if nav.homepage is None:
        raise BuildError(f"docs/{page.file.src_uri}: its language has no home page.")
    context["base_url"] = get_relative_url(nav.homepage.url or ".", page.url)
    return context


# After the hooks that make the page's text and record its units (machine_readable, 0).
@event_priority(-10)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return html
    _search_plugin(config).search_index.entries.extend(_entries(html, page))
    # Indexed here: Material's search plugin must not index it again.
    page.meta["search"] = {**search, "exclude": True}
    return html


def _page_of(location: str) -> str:
    return location.split("#", 1)[0]


def _merged_with_previous(entries: list[dict], path: Path) -> list[dict]:
    """Under --dirty, the previous build's entries for the pages not rendered again, then these."""
    if not path.is_file():
        return entries
    rendered = {_page_of(entry["location"]) for entry in entries}
    previous = json.loads(path.read_text(encoding="utf-8"))["docs"]
    return [entry for entry in previous if _page_of(entry["location"]) not in rendered] + entries


# Before Material's search plugin writes its index (0).
@event_priority(10)
def on_post_build(config: MkDocsConfig) -> None:
    language = building_language(config)
    plugin = _search_plugin(config)
    entries = plugin.search_index.entries
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    own = []
    for entry in entries:
        if not entry["location"].startswith(prefix):
            raise BuildError(f"search: the {language} build indexed {entry['location']!r}, "
                             f"which is not under {prefix}")
        own.append({**entry, "location": entry["location"].removeprefix(prefix)})
    path = Path(config.site_dir) / prefix / "search" / "search_index.json"
    if plugin.is_dirty:
        own = _merged_with_previous(own, path)
        # Merged here, from the index on disk: Material must not merge its own again.
        plugin.search_index_prev = None
    if language == DEFAULT_LANGUAGE:
        entries[:] = own  # Material writes it at the root, and mkdocs-static-i18n again
        return
    settings = {key: plugin.config[key] for key in ("separator", "pipeline", "fields")}
    index = {"config": {"lang": [language], **settings}, "docs": own}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    entries.clear()
