"""Read a built site: which pages it has and which ids each page's content carries.

Used after a build (by hooks and tools) to compare languages and to check the
anchor registry against what is actually published.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

CONTENT_CLASS = "md-content__inner"


class _ContentIds(HTMLParser):
    """Collect the id attributes inside the page's <article class="md-content__inner">."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self.depth:
            if tag == "article":
                self.depth += 1
            if attributes.get("id"):
                self.ids.append(attributes["id"])
        elif tag == "article" and CONTENT_CLASS in (attributes.get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "article":
            self.depth -= 1


def content_ids(html: str) -> list[str]:
    """The ids in a built page's content, in document order."""
    parser = _ContentIds()
    # Only the content needs parsing; the theme's header and navigation are most of a page.
    start = html.find("<article")
    parser.feed(html[start:] if start >= 0 else html)
    return parser.ids


def page_url(source: str) -> str:
    """The site-relative URL of a page built from ``source`` (``declaration/article-6.md``)."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    else:
        stem += "/"
    return stem


def built_ids(site_dir: Path, language_prefix: str, sources: list[str]) -> dict[str, list[str]]:
    """Source path -> ids of its built page, for the pages that exist in that language."""
    found = {}
    for source in sources:
        html_file = site_dir / language_prefix / page_url(source) / "index.html"
        if html_file.is_file():
            found[source] = content_ids(html_file.read_text(encoding="utf-8"))
    return found
