"""Two languages of one document side by side, aligned by id: the parallel view.

``LanguageBlocksExtension`` renders one language's column: run after every other
tree processor, it puts the language before every id and in-document link
(``art-6-2`` becomes ``en-art-6-2``), so that both columns can live on one page
without an id twice, and lists the top-level blocks. ``aligned`` then lays the
columns out in rows: a heading, a citable paragraph (aligned by its id), an
editorial note (aligned by its position in its section), and the footnotes.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from legaltext.errors import ContentError

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# After every other tree processor: toc (5) and legaltext.paragraph_ids (7) among them.
PRIORITY = 1


class LanguageBlocks(Treeprocessor):
    """Prefix ids and in-document links with the language; list the top-level blocks."""

    def __init__(self, md: Markdown, language: str, blocks: list[tuple[str, str, etree.Element]]):
        super().__init__(md)
        self.language = language
        self.blocks = blocks

    def run(self, root: etree.Element) -> None:
        prefix = f"{self.language}-"
        for element in root.iter():
            if element.get("id"):
                element.set("id", prefix + element.get("id"))
            if element.get("href"):
                element.set("href", self._link(element.get("href"), prefix))
        section, count = "", 0
        for element in root:
            identifier = (element.get("id") or "").removeprefix(prefix)
            classes = (element.get("class") or "").split()
            if element.tag == "h1":
                continue  # the full text's title: the parallel page has its own
            if element.tag in HEADINGS:
                section, count = identifier, 0
                self.blocks.append((identifier, "heading", element))
            elif "citable" in classes:
                self.blocks.append((identifier, "paragraph", element))
            elif element.tag == "div" and "footnote" in classes:
                self.blocks.append(("footnotes", "footnotes", element))
            else:
                count += 1
                self.blocks.append((f"{section}-block-{count}", "block", element))

    @staticmethod
    def _link(href: str, prefix: str) -> str:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href
        if not parts.fragment:
            raise ContentError(f"The link “{href}” leads to a whole page, which the "
                               "parallel view cannot show.", "link to an id (page.md#id).")
        # Every id of the document is on the parallel page, in each language's column.
        return f"#{prefix}{parts.fragment}"


class LanguageBlocksExtension(Extension):
    def __init__(self, language: str, blocks: list) -> None:
        super().__init__()
        self.language = language
        self.blocks = blocks

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(LanguageBlocks(md, self.language, self.blocks),
                                   "parallel_language_blocks", PRIORITY)


def final_html(md: Markdown, element: etree.Element) -> str:
    """An element's HTML as the page would have it: serialised, then post-processed."""
    html = md.serializer(element)
    for processor in md.postprocessors:
        html = processor.run(html)
    return html.strip()


def flatten(tokens: list[dict]) -> list[dict]:
    return [item for token in tokens for item in (token, *flatten(token["children"]))]


def aligned(columns: dict[str, list[tuple]], languages: list[str]) -> list[dict]:
    """Rows of blocks with the same key, in the first language's order; a block that only
    another language has comes after the block that precedes it there."""
    order: list[tuple[str, str]] = []
    for language in languages:
        previous = -1
        for key, kind, _html in columns[language]:
            known = next((i for i, (k, _) in enumerate(order) if k == key), None)
            if known is None:
                order.insert(previous + 1, (key, kind))
                known = previous + 1
            elif order[known][1] != kind:
                raise ContentError(f"“{key}” is a {order[known][1]} in one language and a "
                                   f"{kind} in {language}.",
                                   "give both languages the same structure.")
            previous = known
    cells = {language: {key: html for key, _kind, html in columns[language]}
             for language in languages}
    return [{"key": key, "kind": kind,
             "cells": {language: cells[language].get(key) for language in languages}}
            for key, kind in order]
