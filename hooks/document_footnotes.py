"""Tell the footnote extension about the footnotes of the page's whole document.

A document is a top-level folder of pages (``declaration/``) or a single page
(``essay.md``); its pages come in navigation order. Footnote numbers run
through the document, so they must increase from page to page, and an "Ibid."
on one page may refer to a footnote on another. Everything is read afresh for
each page from the page's own language folder: nothing is kept between pages
or languages.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from legaltext.footnote_numbers import footnote_definitions
from page_language import page_language

EXTENSION = "legaltext.footnote_numbers"


def _nav_paths(items: list) -> Iterator[str]:
    """Source paths of the configured navigation, in order (the same in every language)."""
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from _nav_paths(value)
        elif isinstance(value, str) and value.endswith(".md"):
            yield value


def _document_of(path: str) -> str:
    return path.split("/", 1)[0]


def _document_footnotes(page_path: str, root: Path, nav: list) -> dict[str, dict[str, str]]:
    """Footnotes of the document containing ``page_path``: number -> text and defining page."""
    document = _document_of(page_path)
    footnotes: dict[str, dict[str, str]] = {}
    last: tuple[int, str] | None = None
    for path in _nav_paths(nav):
        if _document_of(path) != document or not (root / path).is_file():
            continue
        for label, text, line in footnote_definitions((root / path).read_text(encoding="utf-8")):
            if not label.isdigit():
                continue  # the extension names this error on the page itself
            if last and int(label) <= last[0]:
                raise BuildError(
                    f"{root.name}/{path}, line {line}: footnote {label} comes after footnote "
                    f"{last[0]} of {root.name}/{last[1]} in the document's reading order. "
                    "Fix: footnotes are numbered through the whole document, as in the "
                    "original; correct the number or the page it is on."
                )
            last = (int(label), path)
            footnotes[label] = {"text": text, "path": path}
    return footnotes


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page)
    root = Path(config.docs_dir) / language
    page_path = Path(page.file.abs_src_path).relative_to(root).as_posix()
    page_dir = posixpath.dirname(page_path)
    index = {
        number: {
            "text": footnote["text"],
            "href": posixpath.relpath(footnote["path"], page_dir or ".") + f"#fn:{number}",
        }
        for number, footnote in _document_footnotes(page_path, root, config.nav).items()
    }
    config.mdx_configs.setdefault(EXTENSION, {})["document_index"] = index
    return markdown
