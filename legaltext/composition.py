"""Pages made of other pages, composed from what rendering those pages recorded.

The full text of the declaration and its parallel view show the blocks of the
preamble and article pages. Rather than render those pages again, the
paragraph extension records, while it renders a page, the page's top-level
blocks in their final HTML (``record_blocks``), each in the forms the composed
pages need:

- ``html``: as on the page itself;
- ``demoted`` (headings): one level down, as under the full text's title;
- ``parallel``: as a cell of the parallel view, where both languages share one
  page: every id and in-document link carries the language (``en-art-6-2``),
  and the copy-link is left for ``parallel.cell_html`` to point at the
  paragraph on its own page;
- ``items`` (the footnote list): each note as the full text shows it, without
  the editors' expansion of an "Ibid." whose antecedent is on another page,
  since the full text holds every note.

A composed page lists its parts with lines ``<!-- include article-6.md -->``
(``legaltext.assembly``), which Markdown passes through as raw HTML blocks;
``expand`` puts each included page's blocks in their place.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from markdown import Markdown

from legaltext.assembly import INCLUDE
from legaltext.errors import ContentError

SOURCE_LANGUAGE = "en"  # built first; the translations' builds read its records
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# What the copy-link of a parallel cell holds until the cell is placed on a page.
PAGE_LINK = "parallel-page-link:"
# The class of the link to a unit's history that legaltext.paragraph_ids adds to an amended
# unit: the site's, not the unit's words.
AMENDED_MARK = "amended-mark"
_SITE_ADDITIONS = {"headerlink", AMENDED_MARK}


@dataclass
class Block:
    """One top-level block of a rendered page."""

    kind: str  # heading, paragraph (citable), footnotes, or block (anything else)
    key: str  # the id of a heading or paragraph; a block's place in its section
    html: str
    parallel: str
    level: int = 0  # of a heading
    title: str = ""  # of a heading, as the table of contents shows it
    demoted: str = ""  # of a heading
    ids: list[str] = field(default_factory=list)  # every id inside the block
    # Of the footnote list: each note's (number, HTML, parallel HTML).
    items: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def include(self) -> str | None:
        """The page this block stands for, if it is an include line."""
        match = INCLUDE.match(self.html) if self.kind == "block" else None
        return match.group("name") if match else None


def final_html(md: Markdown, element: etree.Element) -> str:
    """An element's HTML as the page has it: serialised, then post-processed."""
    return _postprocessed(md, md.serializer(element))


def _postprocessed(md: Markdown, html: str) -> str:
    for processor in md.postprocessors:
        html = processor.run(html)
    return html.strip()


def _title(element: etree.Element) -> str:
    """A heading's words, without the permalink the toc extension adds."""
    words = [element.text or ""]
    for child in element:
        if child.get("class") not in _SITE_ADDITIONS:
            words.append("".join(child.itertext()))
        words.append(child.tail or "")
    return "".join(words).strip()


def _parallel_link(href: str, language: str) -> str:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    if not parts.fragment:
        raise ContentError(f"The link “{href}” leads to a whole page, which the "
                           "parallel view cannot show.", "link to an id (page.md#id).")
    # Every id of the document is on the parallel page, in each language's column.
    return f"#{language}-{parts.fragment}"


def _parallel_value(node: etree.Element, name: str, value: str, language: str) -> str:
    if name == "id":
        return f"{language}-{value}"
    if "paragraph-link" in (node.get("class") or "").split():
        return PAGE_LINK + value.removeprefix("#")
    return _parallel_link(value, language)


# Characters that the serialiser escapes in an attribute, or that begin and end the
# placeholders of Markdown's postprocessors.
_SERIALISED_OTHERWISE = set('&<>"\n\x02\x03')


def _forms(md: Markdown, element: etree.Element, language: str) -> tuple[str, str]:
    """The element's final HTML and its parallel form (a parallel cell: ids and links carry
    the language), from one serialisation: each id and link is serialised as a marker, which
    each form then replaces with its value. A value that the serialiser or a postprocessor
    would change is not replaced so (it would need their rules): the element is then
    serialised once in each form. The tree is restored, so the page keeps its own ids."""
    changed = [(node, name, node.get(name)) for node in element.iter()
               for name in ("id", "href") if node.get(name)]
    if not changed:
        html = final_html(md, element)
        return html, html
    parallel = [_parallel_value(node, name, value, language) for node, name, value in changed]
    if any(set(value) & _SERIALISED_OTHERWISE for value in [*parallel, *(
            value for _node, _name, value in changed)]):
        html = final_html(md, element)
        return html, _postprocessed(md, _serialised_with(md, element, changed, parallel))
    markers = [f"\x02parallel-form:{index}\x03" for index in range(len(changed))]
    marked = _serialised_with(md, element, changed, markers)
    html, parallel_html = marked, marked
    for marker, (_node, _name, value), parallel_value in zip(markers, changed, parallel):
        html = html.replace(marker, value, 1)
        parallel_html = parallel_html.replace(marker, parallel_value, 1)
    return _postprocessed(md, html), _postprocessed(md, parallel_html)


def _serialised_with(md: Markdown, element: etree.Element,
                     changed: list[tuple[etree.Element, str, str]], values: list[str]) -> str:
    """``element`` serialised with each (node, attribute) of ``changed`` set to ``values``;
    the tree is then restored."""
    for (node, name, _value), value in zip(changed, values):
        node.set(name, value)
    try:
        return md.serializer(element)
    finally:
        for node, name, value in changed:
            node.set(name, value)


def _footnote_items(md: Markdown, footnotes: etree.Element,
                    language: str) -> list[tuple[str, str, str]]:
    """(number, HTML, parallel HTML) of each note, without an "Ibid." expansion, which a page
    holding every note does not need; the page itself keeps its expansion."""
    items = []
    for item in footnotes.iter("li"):
        removed = [(paragraph, list(paragraph).index(child), child)
                   for paragraph in item.iter("p") for child in paragraph
                   if "ibid-expansion" in (child.get("class") or "").split()]
        for paragraph, _index, child in removed:
            paragraph.remove(child)
        items.append((item.get("value") or "", *_forms(md, item, language)))
        for paragraph, index, child in reversed(removed):
            paragraph.insert(index, child)
    return items


def footnote_list(items: list[tuple[str, str, str]], form: int = 1) -> str:
    """One footnote list of ``items`` in one of their forms (1: the page's, 2: parallel)."""
    return (f'<div class="footnote">\n<hr />\n<ol start="{items[0][0]}">\n'
            + "\n".join(item[form] for item in items) + "\n</ol>\n</div>")


def record_blocks(md: Markdown, root: etree.Element, language: str,
                  serialised: dict[etree.Element, str]) -> list[Block]:
    """The top-level blocks of a rendered tree; ``serialised`` receives the final HTML of
    each top-level element (the citable units among them), so that none is serialised
    again."""
    blocks = []
    section, count = "", 0
    for element in root:
        identifier = element.get("id") or ""
        classes = (element.get("class") or "").split()
        html, parallel = _forms(md, element, language)
        serialised[element] = html
        ids = [node.get("id") for node in element.iter() if node.get("id")]
        if element.tag in HEADINGS:
            section, count = identifier, 0
            level = int(element.tag[1])
            element.tag = f"h{min(level + 1, 6)}"
            demoted = final_html(md, element)
            element.tag = f"h{level}"
            blocks.append(Block("heading", identifier, html, parallel, level=level,
                                title=_title(element), demoted=demoted, ids=ids))
        elif "citable" in classes:
            blocks.append(Block("paragraph", identifier, html, parallel, ids=ids))
        elif element.tag == "div" and "footnote" in classes:
            blocks.append(Block("footnotes", "footnotes", html, parallel, ids=ids,
                                items=_footnote_items(md, element, language)))
        else:
            count += 1
            blocks.append(Block("block", f"{section}-block-{count}", html, parallel, ids=ids))
    return blocks


@dataclass
class Placed:
    """A block of a composed page, with the page it comes from."""

    block: Block
    page: str  # path of the page that rendered it
    demoted: bool  # shown one level down (it comes from an included page)


def expand(path: str, pages: dict[str, list[Block]]) -> list[Placed]:
    """The blocks of the composed page ``path``, each include line replaced by the blocks of
    the page it names; footnote lists are left to ``footnotes``. ``pages``: path -> blocks."""
    folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    placed = []
    for block in pages[path]:
        name = block.include
        if name is None:
            placed.append(Placed(block, path, False))
            continue
        included = folder + name
        if included not in pages:
            raise ContentError(f"{path} includes {name}, which is not a page of the site.",
                               "correct the file name in the include line, or remove the line.")
        placed += [Placed(part, included, True) for part in pages[included]
                   if part.kind != "footnotes"]
    return placed


def footnote_items(path: str, pages: dict[str, list[Block]]) -> list[tuple[str, str, str]]:
    """The footnotes of a composed page's parts, in order."""
    folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    items = []
    for block in pages[path]:
        name = block.include
        if name is not None:
            items += [item for part in pages.get(folder + name, []) if part.kind == "footnotes"
                      for item in part.items]
    return items


def composed_html(placed: list[Placed], footnotes: list[tuple[str, str, str]]) -> str:
    """The HTML of a composed page: its blocks, then one list of every footnote."""
    html = [item.block.demoted if item.demoted and item.block.demoted else item.block.html
            for item in placed if item.block.kind != "footnotes"]
    if footnotes:
        html.append(footnote_list(footnotes))
    return "\n".join(html)


def headings(placed: list[Placed]) -> list[tuple[int, str, str]]:
    """(level, id, title) of every heading of a composed page, in order."""
    return [(item.block.level + item.demoted, item.block.key, item.block.title)
            for item in placed if item.block.kind == "heading"]


@dataclass
class Rendered:
    """One language's pages, as its build rendered them."""

    blocks: dict[str, list[Block]] = field(default_factory=dict)  # page path -> its blocks
    parts: set[str] = field(default_factory=set)  # pages that a composed page includes
    composed: dict[str, str] = field(default_factory=dict)  # composed page -> its key
    views: dict[str, str] = field(default_factory=dict)  # parallel view -> its URL
    # Document stem -> unit id -> fingerprint of the English text (hooks/machine_readable.py).
    fingerprints: dict[str, dict[str, str]] = field(default_factory=dict)
    # Page path -> id -> printed text of its headings, citable units and their footnotes
    # (hooks/terminology.py).
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    # Source file -> what content_safety refused in it (hooks/source_validation.py).
    problems: dict[str, list[ContentError]] = field(default_factory=dict)

    def keep_parallel_forms(self) -> None:
        """Once the language's pages are written, keep of the included pages' blocks only
        what the parallel views, completed when every language is rendered, still need:
        the parallel forms. The page forms would hold the document once more until then."""
        for path, blocks in self.blocks.items():
            if path in self.parts and path not in self.composed:
                self.blocks[path] = [replace(block, html="", demoted="", ids=[], items=[
                    (number, "", parallel) for number, _html, parallel in block.items])
                    for block in blocks]


@dataclass
class Run:
    """One run of the build: every language's records, and what waits for them."""

    languages: dict[str, Rendered] = field(default_factory=dict)
    # Pages written once every language is rendered (the parallel views):
    # destination -> (the page, its output).
    waiting: dict[str, tuple[object, str]] = field(default_factory=dict)
    # What every language's build of the run needs and none changes (files read, histories
    # computed): made once per run, not once per page or per language (see ``once``).
    shared: dict[Hashable, object] = field(default_factory=dict)

    def start(self, language: str) -> Rendered:
        if language == SOURCE_LANGUAGE:
            self.languages.clear()
            self.waiting.clear()
            self.shared.clear()
        self.languages[language] = Rendered()
        return self.languages[language]

    def language(self, language: str) -> Rendered:
        return self.languages.setdefault(language, Rendered())

    def once(self, key: Hashable, make: Callable[[], object]) -> object:
        """``make()``, made the first time ``key`` is asked for in this run."""
        if key not in self.shared:
            self.shared[key] = make()
        return self.shared[key]
