"""Documents made of several pages, read from their Markdown sources.

A document is a top-level folder of pages (``declaration/``) or a single page
(``essay.md``), its pages in navigation order. These helpers know nothing of
the site engine: they take a language's source folder and the navigation as
a list of paths.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from legaltext.errors import ContentError
from legaltext.footnote_numbers import footnote_definitions

# PyYAML's C loader where it is built with libyaml: front matter is read for every page.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?---[ \t]*\n", re.S)


def _front_matter(markdown: str) -> tuple[str | None, str]:
    """The text of a page's front matter (None if it has none) and the Markdown that follows."""
    markdown = markdown.removeprefix("\ufeff")  # a byte-order mark, as MkDocs reads pages
    match = _FRONT_MATTER.match(markdown)
    return (match.group("yaml") or "", markdown[match.end():]) if match else (None, markdown)


def front_matter_body(markdown: str) -> str:
    """The Markdown that follows a page's front matter, the front matter left unread."""
    return _front_matter(markdown)[1]


def split_front_matter(markdown: str) -> tuple[dict, str]:
    """The front matter of a page (a mapping) and the Markdown that follows it."""
    text, body = _front_matter(markdown)
    if text is None:
        return {}, body
    meta = yaml.load(text, Loader=YAML_LOADER) or {}
    if not isinstance(meta, dict):
        raise ContentError("The front matter is not a list of “key: value” lines.",
                           "write it as “title: …” and “description: …” lines between the "
                           "two “---” lines.", 2)
    return meta, body


def language_pages(folder: Path) -> list[str]:
    """The Markdown pages of one language's folder, as paths relative to it, sorted."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))


def nav_paths(items: Iterable) -> Iterator[str]:
    """Source paths of a MkDocs-style navigation, in order."""
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from nav_paths(value)
        elif isinstance(value, str) and value.endswith(".md"):
            yield value


def nav_labels(items: Iterable) -> Iterator[tuple[str, str | None]]:
    """(label, source path or None for a section) of every titled entry of a navigation."""
    for item in items:
        if not isinstance(item, dict):
            continue
        label, value = next(iter(item.items()))
        yield label, value if isinstance(value, str) else None
        if isinstance(value, list):
            yield from nav_labels(value)


def untranslated_labels(nav: list, translations: dict[str, str],
                        titles: dict[str, str]) -> list[str]:
    """The labels of a navigation that a translation leaves in the source language: neither
    in ``translations`` nor the title of the translated page they lead to (``titles``:
    source path -> the translated page's title)."""
    return [label for label, path in nav_labels(nav)
            if label not in translations and (path is None or titles.get(path) != label)]


def page_url(source: str) -> str:
    """The site-relative URL of a page built from ``source``: ``declaration/article-6.md`` ->
    ``declaration/article-6/``, ``index.md`` -> ``""``."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def document_of(path: str) -> str:
    """The document a page belongs to: its top-level folder, or the page itself."""
    return path.split("/", 1)[0]


def site_footnotes(root: Path, nav: list[str]) -> dict[str, dict[str, dict[str, str]]]:
    """The footnotes of every document under ``root``: document -> number -> {text, path}.

    Raises ContentError when the numbers do not increase through a document's
    pages in navigation order.
    """
    documents: dict[str, dict[str, dict[str, str]]] = {}
    last: dict[str, tuple[int, str]] = {}
    for path in nav:
        if not (root / path).is_file():
            continue
        document = document_of(path)
        for label, text, line in footnote_definitions((root / path).read_text(encoding="utf-8")):
            documents.setdefault(document, {})[label] = {"text": text, "path": path}
            if not label.isdigit():
                continue  # the footnote extension names this error on the page itself
            previous = last.get(document)
            if previous and (int(label), path) == previous:
                continue  # defined twice on one page: the footnote extension names both lines
            if previous and int(label) <= previous[0]:
                raise ContentError(
                    f"docs/{root.name}/{path}, line {line}: footnote {label} comes after "
                    f"footnote {previous[0]} of docs/{root.name}/{previous[1]} in the document's "
                    "reading order.",
                    "footnotes are numbered through the whole document, as in the original; "
                    "correct the number, or the page it is on.",
                )
            last[document] = (int(label), path)
    return documents
